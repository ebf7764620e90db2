// Drop rules applied before anything acts on a message: stale (sent before we started, e.g. replayed
// history after a login) and duplicates (a puppet redelivering the same id, or two processes seeing it).
import type { Redis } from './storage.ts'
import type { FloodGuard } from './flood.ts'
import type { Middleware } from './pipeline.ts'

/** Messages up to this much older than start-up still count: clocks of phone and server differ. */
const CLOCK_SKEW_MS = 5_000

export function dropStale(startedAt: number): Middleware {
  return async (ctx, next) => {
    if (ctx.msg.at < startedAt - CLOCK_SKEW_MS) {
      ctx.log.debug({ msgId: ctx.msg.id }, 'dropped: older than start-up')
      return
    }
    await next()
  }
}

/** SET NX in Redis, so a redelivery is caught across restarts and across processes sharing one Redis. */
export function dropDuplicates(redis: Redis, keyFor: (id: string) => string, ttlSec = 3 * 24 * 3600): Middleware {
  return async (ctx, next) => {
    const first = await redis.set(keyFor(ctx.msg.id), '1', 'EX', ttlSec, 'NX')
    if (first !== 'OK') {
      ctx.log.debug({ msgId: ctx.msg.id }, 'dropped: duplicate')
      return
    }
    await next()
  }
}

/**
 * Voice, images, video and stickers: a hint when addressed to the bot, silence otherwise. The sender's
 * flood guard applies, so a stream of stickers gets one hint, not one each.
 */
export function nonTextHint(hint: string, perSender: FloodGuard): Middleware {
  return async (ctx, next) => {
    if (ctx.msg.kind === 'text') return next()
    if (ctx.msg.conversation.kind !== 'private' && !ctx.msg.mentioned) return
    if (perSender.check(`media:${ctx.msg.sender.id}`) === 'ok') await ctx.reply(hint)
  }
}
