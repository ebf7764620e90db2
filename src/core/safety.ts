// Safety before everything that can wait: a message a safety route claims (someone in danger) is dispatched
// before any stage that reads or writes storage, and while storage is down it still gets the numbers,
// straight through the transport. Everything else then gets at most one short "busy" notice per person.
import type { Context, Route } from './capability.ts'
import { createContext, type ContextDeps } from './context.ts'
import type { StorageHealth } from './health.ts'
import type { InboundMessage } from './message.ts'
import type { Middleware } from './pipeline.ts'
import type { Router } from './router.ts'

/** Safety routes whose synchronous predicate claims the message, tried on a fresh context of the same message. */
function safetyRoute(router: Router, ctx: Context, deps: ContextDeps): { route: Route; probe: Context } | undefined {
  // A probe context, so nothing it works out early (e.g. an understanding without the loaded state) is left
  // behind for the routes that run later on the real context.
  const probe = createContext(ctx.msg, { ...deps, correlationId: ctx.correlationId })
  for (const route of router.list()) {
    if (!route.safety) continue
    const claimed = route.match(probe)
    if (claimed === true) return { route, probe }
  }
  return undefined
}

/** Dispatches a safety route at once; other messages go on down the pipeline. */
export function safetyFirst(router: Router, deps: ContextDeps): Middleware {
  return async (ctx, next) => {
    const hit = safetyRoute(router, ctx, deps)
    if (!hit) return next()
    ctx.route = hit.route
    hit.probe.route = hit.route
    ctx.log.debug({ route: hit.route.name }, 'safety route')
    await hit.route.handle(hit.probe)
  }
}

export interface StorageDownOptions {
  health: StorageHealth
  router: Router
  deps: ContextDeps
  busyText: string
  /** Keeps a message to replay once storage is back (bounded; the oldest go first when full). */
  defer(msg: InboundMessage): void
}

/**
 * While storage is down: safety routes' `whenStorageDown` (numbers first, by direct send) and the message kept
 * for replay; anything addressed to the bot gets one busy notice per person per outage; the rest waits in
 * silence (nothing of it could be recorded anyway).
 */
export function storageDown(opts: StorageDownOptions): Middleware & { recovered(): void } {
  const told = new Set<string>()
  const mw: Middleware = async (ctx, next) => {
    if (opts.health.up || ctx.msg.deferred) return next()
    opts.health.noteDown()
    const hit = safetyRoute(opts.router, ctx, opts.deps)
    if (hit?.route.whenStorageDown) {
      ctx.log.warn({ route: hit.route.name }, 'storage down: safety reply sent directly, message kept for replay')
      hit.probe.route = hit.route
      try {
        await hit.route.whenStorageDown(hit.probe)
      } finally {
        opts.defer(ctx.msg)
      }
      return
    }
    const addressed = ctx.msg.conversation.kind === 'private' || ctx.msg.mentioned
    if (!addressed || told.has(ctx.msg.sender.id)) return
    told.add(ctx.msg.sender.id)
    await ctx
      .sendNow({ to: ctx.msg.conversation, text: opts.busyText, mentions: ctx.msg.conversation.kind === 'room' ? [ctx.msg.sender] : [] })
      .catch((err) => ctx.log.error({ err }, 'storage down: busy notice not sent'))
  }
  return Object.assign(mw, { recovered: () => told.clear() })
}
