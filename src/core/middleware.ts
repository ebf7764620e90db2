// The pipeline's built-in stages: error boundary → route → flood control → authorisation → handler.
import type { Route } from './capability.ts'
import { UserError } from './errors.ts'
import { FloodGuard } from './flood.ts'
import type { Middleware } from './pipeline.ts'
import type { Router } from './router.ts'
import { texts } from './texts.ts'

/** The one error boundary: any failure becomes a polite reply and one log line with the correlation id. */
export const errorBoundary: Middleware = async (ctx, next) => {
  try {
    await next()
  } catch (err) {
    if (err instanceof UserError) {
      ctx.log.info({ route: routeOf(ctx)?.name, reason: err.userMessage }, 'user error')
      await safeReply(ctx, err.userMessage)
      return
    }
    ctx.log.error({ err, route: routeOf(ctx)?.name, msgId: ctx.msg.id }, 'handler failed')
    await safeReply(ctx, texts.internalError(ctx.correlationId))
  }
}

async function safeReply(ctx: Parameters<Middleware>[0], text: string) {
  try {
    await ctx.reply(text)
  } catch (err) {
    // The outbox itself is down (e.g. Redis gone): nothing more to do than log it.
    ctx.log.error({ err }, 'could not send the error reply')
  }
}

export const routeOf = (ctx: Parameters<Middleware>[0]) => ctx.route

/** Finds the capability that claims the message; unclaimed messages stop here, silently. */
export function routing(router: Router): Middleware {
  return async (ctx, next) => {
    const route = await router.resolve(ctx)
    if (!route) return
    ctx.route = route
    await next()
  }
}

/**
 * Flood control never drops a message the bot acts on: a sign-up, a cancellation, a help request, a host
 * command is always applied. It only compresses the bot's replies: while a sender or a group is over its
 * limit, replies to it are gathered into one message (ctx.flooded, see ReplyDigest). It runs before routing
 * and costs a map lookup. The message is counted at once (so a burst handled concurrently is counted as it
 * arrives), and the count is taken back when no route acted on it: chatter the bot ignores never brings a
 * group closer to its limit. Safety routes are dispatched before this stage and never counted.
 */
export function floodControl(opts: { perSender: FloodGuard; perRoom: FloodGuard }): Middleware {
  return async (ctx, next) => {
    const room = ctx.msg.conversation.kind === 'room' ? ctx.msg.conversation.roomId : undefined
    // Hosts and staff work through their commands in bursts (a tester's host checking her reminders sent nine in a
    // minute and got her list cut into a digest): their own messages are not counted against them; the group's limit
    // and the outbox's pacing still hold.
    const counted = ctx.msg.role === 'resident'
    ctx.flooded = (counted && opts.perSender.over(ctx.msg.sender.id)) || (room !== undefined && opts.perRoom.over(room))
    opts.perSender.record(ctx.msg.sender.id)
    if (room) opts.perRoom.record(room)
    try {
      await next()
    } finally {
      const route = routeOf(ctx)
      if (!route || route.bypassFlood) {
        opts.perSender.unrecord(ctx.msg.sender.id)
        if (room) opts.perRoom.unrecord(room)
      } else if (ctx.flooded) ctx.log.info({ route: route.name }, 'flooded: applied, reply gathered into a digest')
    }
  }
}

export const authorize: Middleware = async (ctx, next) => {
  const route = routeOf(ctx)
  if (route?.roles && !route.roles.includes(ctx.msg.role)) {
    ctx.log.info({ route: route.name, role: ctx.msg.role }, 'refused: role')
    await ctx.reply(texts.forbidden(route.roles, route.refusalHint?.(ctx)))
    return
  }
  await next()
}

export const dispatch: Middleware = async (ctx) => {
  const route = routeOf(ctx)
  if (route) await route.handle(ctx)
}
