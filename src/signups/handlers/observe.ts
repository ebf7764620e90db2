// Sees every group message first (a route that never claims): remembers whether the group's latest message
// was about an activity — the memory behind the "+1" rule (resolve.ts) — and whether it asked for a number, which a
// bare "1" then answers. The app remembers the group's room.
import type { Context } from '../../core/capability.ts'
import { PENDING, UNDERSTOOD } from '../../core/understanding.ts'
import type { SignupService } from '../service.ts'
import { ANNOUNCE_WORDS, parseHostCommand } from '../parse.ts'
import { asksForNumber, bareOne, pickActivity, plusOneCounts } from '../resolve.ts'
import { liveActivities, memo, residentIntent } from './state.ts'

const ACTIVITY_TALK = /^(?:signup\.|activity\.|pending\.answer)/u

export function observer(svc: SignupService) {
  return async (ctx: Context): Promise<false> => {
    const { msg } = ctx
    if (msg.conversation.kind !== 'room' || !msg.groupId) return false
    const groupId = msg.groupId
    const now = svc.now()
    const intent = residentIntent(ctx)
    const command = !!parseHostCommand(msg.text) || ANNOUNCE_WORDS.test(msg.text)
    const m = memo(ctx)
    if (intent?.kind === 'join' && intent.form === 'one' && !ctx.get(PENDING)) {
      // A bare "1": a sign-up, a question back, or an answer to something else (resolve.ts).
      const prev = await svc.store.getLast(groupId)
      const live = await liveActivities(ctx, svc)
      const drafting = live.length === 0 && (await svc.store.drafting(groupId))
      const one = bareOne({ live, prev, now, windowMin: svc.settings.plusOneWindowMin, drafting, ...(msg.quoted ? { quoted: msg.quoted.text } : {}) })
      m.prev = prev
      m.one = one
      // One more answer to a poll keeps the poll the question being answered, so the next "1" is read the same.
      const stillAnswering = one.verdict === 'ignore' && !!prev?.asks && !msg.quoted
      await svc.store.setLast(groupId, {
        related: one.verdict === 'join',
        at: now,
        ...(one.verdict !== 'ignore' && one.activity ? { activityId: one.activity.id } : {}),
        ...(stillAnswering ? { asks: true } : {}),
      })
      return false
    }
    if (intent?.kind === 'join' && intent.form === 'plus') {
      // Whether this "+1" counts depends on the message before it.
      const prev = await svc.store.getLast(groupId)
      const live = await liveActivities(ctx, svc)
      const picked = pickActivity(live, intent.ref, msg.quoted?.text)
      const quotedHit = !!msg.quoted && 'one' in picked
      const counts = live.length > 0 && (quotedHit || plusOneCounts(prev, now, svc.settings.plusOneWindowMin))
      m.prev = prev
      m.plusCounts = counts
      await svc.store.setLast(groupId, {
        related: counts,
        at: now,
        activityId: 'one' in picked ? picked.one.id : prev?.activityId,
      })
      return false
    }
    let related = command
    let activityId: number | undefined
    if (intent) {
      const live = await liveActivities(ctx, svc)
      related ||= live.length > 0
      const picked = pickActivity(live, 'ref' in intent ? intent.ref : {}, msg.quoted?.text)
      if ('one' in picked) activityId = picked.one.id
    }
    // "想去的扣1" asks for sign-ups; "收到请扣1" or a poll asks for something else, which a "1" then answers.
    const numberAsked = command || intent?.kind === 'roster' ? undefined : asksForNumber(msg.text)
    const asks = numberAsked === 'other'
    if (numberAsked === 'signup') related ||= (await liveActivities(ctx, svc)).length > 0
    m.prev = await svc.store.swapLast(groupId, { related, at: now, ...(activityId ? { activityId } : {}), ...(asks ? { asks } : {}) })
    m.noted = { at: now, related, ...(asks ? { asks } : {}) }
    return false
  }
}

/**
 * After routing, when the understanding is known: what it read as activity talk ("我也报", "候补排到几号了") is activity
 * talk too, whatever the older parser made of it, so a "+1" after it counts. What the documents answered is none
 * ("名额一共多少人" asked of 踏春嘉年华 after her question to them): a "+1" after it signs nobody up, and her next short
 * question is not taken for one about the group's activities (resident.ts, forTheDocuments). Only while this message
 * is still the group's latest.
 */
export async function observeUnderstood(ctx: Context, svc: SignupService): Promise<void> {
  const m = memo(ctx)
  const u = ctx.get(UNDERSTOOD)
  if (ctx.msg.groupId && m.noted?.related && ctx.route?.subject === 'documents') {
    const last = await svc.store.getLast(ctx.msg.groupId)
    if (last?.at === m.noted.at) await svc.store.setLast(ctx.msg.groupId, { related: false, at: m.noted.at, ...(m.noted.asks ? { asks: true } : {}) })
    return
  }
  if (!ctx.msg.groupId || !m.noted || m.noted.related || !u || !ACTIVITY_TALK.test(u.intent)) return
  const live = await liveActivities(ctx, svc)
  if (!live.length) return
  const last = await svc.store.getLast(ctx.msg.groupId)
  if (last?.at !== m.noted.at) return
  const activityId = u.slots.activity !== undefined && live.some((a) => a.id === u.slots.activity) ? u.slots.activity : undefined
  await svc.store.setLast(ctx.msg.groupId, { related: true, at: m.noted.at, ...(activityId ? { activityId } : {}), ...(m.noted.asks ? { asks: true } : {}) })
}
