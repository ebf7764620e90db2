// Per-message memo shared by the sign-up routes (match runs once per route; Redis is read once per message).
import { type Context, contextKey } from '../../core/capability.ts'
import type { SignupService } from '../service.ts'
import { parseResident, type ResidentIntent } from '../parse.ts'
import type { BareOne } from '../resolve.ts'
import type { Activity, LastMessage } from '../store.ts'

interface Memo {
  intent?: ResidentIntent | null
  live?: Promise<Activity[]>
  /** The group's previous message, as recorded by the observer before this one replaced it. */
  prev?: LastMessage
  /** For a bare "+1": the observer's verdict under the "+1" rule. */
  plusCounts?: boolean
  /** For a bare "1": what the observer made of it (resolve.ts). */
  one?: BareOne
  /** What the observer recorded for this message (its time, whether the older parser read it as activity talk, and whether it asked for a number). */
  noted?: { at: number; related: boolean; asks?: boolean }
}

const MEMO = contextKey<Memo>('signups')

export const memo = (ctx: Context): Memo => ctx.memo(MEMO, () => ({}))

export function residentIntent(ctx: Context): ResidentIntent | undefined {
  const m = memo(ctx)
  if (m.intent === undefined) m.intent = parseResident(ctx.msg.text) ?? null
  return m.intent ?? undefined
}

/** Live (not cancelled, not long past) activities of the message's group. */
export function liveActivities(ctx: Context, svc: SignupService): Promise<Activity[]> {
  const m = memo(ctx)
  const groupId = ctx.msg.groupId
  if (!groupId) return Promise.resolve([])
  m.live ??= svc.store.live(groupId, svc.now())
  return m.live
}

export const groupIdOf = (ctx: Context) => ctx.msg.groupId ?? ctx.group?.id

/**
 * Cancelled activities of the group that a question names — by title ("香包那个还搞不搞了") or by what their notice
 * said — and no live activity answers to (one announced again is asked about as it is now). The loader (index.ts)
 * puts a reader on the context that reads the group's recent activities once, when first asked: only a question
 * the understanding reads as about an activity asks, and most messages are not one.
 */
export const CANCELLED_ASKED = contextKey<() => Promise<Activity[]>>('signups.cancelledAsked')
