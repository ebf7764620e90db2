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

/** Only messages the bot acts on count, so residents chatting among themselves never trip it. */
export function floodControl(opts: { perSender: FloodGuard; perRoom: FloodGuard }): Middleware {
  return async (ctx, next) => {
    const { msg } = ctx
    if (routeOf(ctx)?.bypassFlood) return next()
    const senderVerdict = opts.perSender.check(msg.sender.id)
    if (senderVerdict !== 'ok') {
      ctx.log.warn({ sender: msg.sender.id, verdict: senderVerdict }, 'sender flood')
      if (senderVerdict === 'warn') await ctx.reply(texts.floodSender)
      return
    }
    if (msg.conversation.kind === 'room') {
      const roomVerdict = opts.perRoom.check(msg.conversation.roomId)
      if (roomVerdict !== 'ok') {
        ctx.log.warn({ room: msg.conversation.roomId, verdict: roomVerdict }, 'room flood')
        if (roomVerdict === 'warn') await ctx.reply(texts.floodRoom, { mention: false })
        return
      }
    }
    await next()
  }
}

export const authorize: Middleware = async (ctx, next) => {
  const route = routeOf(ctx)
  if (route?.roles && !route.roles.includes(ctx.msg.role)) {
    ctx.log.info({ route: route.name, role: ctx.msg.role }, 'refused: role')
    await ctx.reply(texts.forbidden(route.roles))
    return
  }
  await next()
}

export const dispatch: Middleware = async (ctx) => {
  const route = routeOf(ctx)
  if (route) await route.handle(ctx)
}
