// Sees every group message first (a route that never claims): remembers whether the group's latest message
// was about an activity — the memory behind the "+1" rule (resolve.ts). The app remembers the group's room.
import type { Context } from '../../core/capability.ts'
import { UNDERSTOOD } from '../../core/understanding.ts'
import type { SignupService } from '../service.ts'
import { ANNOUNCE_WORDS, parseHostCommand } from '../parse.ts'
import { pickActivity, plusOneCounts } from '../resolve.ts'
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
    m.prev = await svc.store.swapLast(groupId, { related, at: now, ...(activityId ? { activityId } : {}) })
    m.noted = { at: now, related }
    return false
  }
}

/**
 * After routing, when the understanding is known: what it read as activity talk ("我也报", "候补排到几号了") is activity
 * talk too, whatever the older parser made of it, so a "+1" after it counts. Only while this message is still the
 * group's latest.
 */
export async function observeUnderstood(ctx: Context, svc: SignupService): Promise<void> {
  const m = memo(ctx)
  const u = ctx.get(UNDERSTOOD)
  if (!ctx.msg.groupId || !m.noted || m.noted.related || !u || !ACTIVITY_TALK.test(u.intent)) return
  const live = await liveActivities(ctx, svc)
  if (!live.length) return
  const last = await svc.store.getLast(ctx.msg.groupId)
  if (last?.at !== m.noted.at) return
  const activityId = u.slots.activity !== undefined && live.some((a) => a.id === u.slots.activity) ? u.slots.activity : undefined
  await svc.store.setLast(ctx.msg.groupId, { related: true, at: m.noted.at, ...(activityId ? { activityId } : {}) })
}
