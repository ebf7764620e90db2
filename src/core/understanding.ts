// What a message means (src/nlu), worked out once per message before routing, so route predicates stay pure
// and synchronous: they read the understanding from the context. The state it depends on (the group's live
// activities, the sender's sign-ups, the question the bot is waiting on) is put on the context by the
// capabilities' loader middleware (app.use), which runs first.
import { understand } from '../nlu/understand.ts'
import type { ActivityView, PendingKind, Understanding } from '../nlu/types.ts'
import { type Context, contextKey } from './capability.ts'
import type { Middleware } from './pipeline.ts'

/** The group's live activities (set by the sign-ups capability). */
export const ACTIVITIES = contextKey<ActivityView[]>('situation.activities')
/** Activity ids the sender is on (set by the sign-ups capability). */
export const SIGNED_UP = contextKey<number[]>('situation.signedUp')
/** The question the bot is waiting for this sender to answer (set by the capability that asked). */
export const PENDING = contextKey<PendingKind>('situation.pending')
/** The sender has an open help request (set by the referrals capability). */
export const OPEN_CASE = contextKey<boolean>('situation.openCase')
export const UNDERSTOOD = contextKey<Understanding>('understood')

/** The message's meaning; computed on first use from whatever state the loaders put on the context. */
export function understood(ctx: Context, opts: { now: number; tz: string }): Understanding {
  return ctx.memo(UNDERSTOOD, () => {
    const { msg } = ctx
    const media = msg.kind === 'voice' || msg.kind === 'image' ? msg.kind : undefined
    return understand(msg.text, {
      where: msg.conversation.kind === 'room' ? 'group' : 'private',
      role: msg.role,
      mention: msg.mentioned,
      ...(ctx.get(PENDING) ? { pending: ctx.get(PENDING)! } : {}),
      activities: ctx.get(ACTIVITIES) ?? [],
      signedUp: ctx.get(SIGNED_UP) ?? [],
      openCase: ctx.get(OPEN_CASE) ?? false,
      ...(media ? { media } : {}),
      now: opts.now,
      tz: opts.tz,
    })
  })
}

/** Works the meaning out before routing (after the loaders), so every predicate sees the same one. */
export function understanding(opts: { tz: string; now?: () => number }): Middleware {
  return async (ctx, next) => {
    understood(ctx, { now: (opts.now ?? Date.now)(), tz: opts.tz })
    await next()
  }
}
