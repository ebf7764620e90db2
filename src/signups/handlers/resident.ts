// Residents' sign-up forms, matched without @mention while the group has a live activity.
import { type Context, contextKey, type Route } from '../../core/capability.ts'
import type { SignupService } from '../service.ts'
import { nameKey, type ResidentIntent, type Who } from '../parse.ts'
import { byTitle, pickActivity, type Pick } from '../resolve.ts'
import type { Activity, PersonSlot } from '../store.ts'
import { texts } from '../texts.ts'
import { liveActivities, memo, residentIntent } from './state.ts'

export function residentRoute(svc: SignupService): Route {
  return {
    name: 'signups.resident',
    // Before free-text Q&A (50): "@小助手 还有名额吗？" is ours while an activity is live.
    priority: 40,
    async match(ctx) {
      const intent = residentIntent(ctx)
      if (!intent || !ctx.msg.groupId) return false
      const inRoom = ctx.msg.conversation.kind === 'room'
      if (!inRoom && (intent.kind === 'roster' || (intent.kind === 'join' && intent.form === 'plus'))) return false
      const live = await liveActivities(ctx, svc)
      if (live.length === 0) return false
      switch (intent.kind) {
        case 'join':
          return intent.form === 'explicit' || memo(ctx).plusCounts === true
        case 'roster':
          return !intent.weak || intent.titleLines.some((l) => byTitle(live, l).length > 0)
        case 'leave':
          // "不去了" is ordinary chat unless the sender is on a roster.
          return (await mine(ctx, svc, live)).length > 0
        default:
          return true
      }
    },
    handle: (ctx) => handle(ctx, svc, residentIntent(ctx)!),
  }
}

const MINE = contextKey<Promise<Activity[]>>('signups.mine')
/** The live activities the sender is on (roster or waitlist); read once per message. */
function mine(ctx: Context, svc: SignupService, live: Activity[]): Promise<Activity[]> {
  return ctx.memo(MINE, async () => {
    const who = { id: ctx.msg.sender.id, key: nameKey(ctx.msg.sender.name) }
    const flags = await Promise.all(live.map((a) => svc.store.hasEntry(a.id, who)))
    return live.filter((_, i) => flags[i])
  })
}

/** Names a sign-up registers, from the sender's point of view. */
export function slotsFor(people: Who[], sender: { name: string }): PersonSlot[] {
  const slots = people.map((w): PersonSlot => {
    const name = 'self' in w ? sender.name : 'relation' in w ? `${sender.name}的${w.relation}` : 'name' in w ? w.name : `${sender.name}+${w.guest}`
    return { key: nameKey(name), name, own: true }
  })
  return slots.filter((s, i) => s.key && slots.findIndex((x) => x.key === s.key) === i)
}

async function handle(ctx: Context, svc: SignupService, intent: ResidentIntent): Promise<void> {
  const { msg } = ctx
  const live = await liveActivities(ctx, svc)
  const by = { id: msg.sender.id, name: msg.sender.name }

  switch (intent.kind) {
    case 'join': {
      let picked = pickActivity(live, intent.ref, msg.quoted?.text)
      // A "+1" in a chain of sign-ups for one activity follows that activity.
      const prevId = memo(ctx).prev?.activityId
      if ('several' in picked && intent.form === 'plus' && prevId) {
        const prev = live.find((a) => a.id === prevId)
        if (prev) picked = { one: prev }
      }
      const a = await chosen(ctx, svc, picked, '报名')
      if (!a) return
      await svc.enqueue({ op: 'join', activityId: a.id, msgId: msg.id, by, people: slotsFor(intent.people, by) })
      return
    }
    case 'roster': {
      const titled = intent.titleLines.flatMap((l) => byTitle(live, l))
      const picked: Pick = titled.length ? (new Set(titled).size === 1 ? { one: titled[0]! } : { several: [...new Set(titled)] }) : pickActivity(live, {})
      const a = await chosen(ctx, svc, picked, '接龙')
      if (!a) return
      const senderKey = nameKey(by.name)
      const people: PersonSlot[] = intent.names.map((name) => ({ key: nameKey(name), name, own: nameKey(name) === senderKey }))
      const unique = people.filter((p, i) => p.key && people.findIndex((x) => x.key === p.key) === i)
      await svc.enqueue({ op: 'join', activityId: a.id, msgId: msg.id, by, people: unique.slice(0, 200) })
      return
    }
    case 'leave': {
      const candidates = await mine(ctx, svc, live)
      const a = await chosen(ctx, svc, pickActivity(candidates, intent.ref, msg.quoted?.text), '取消报名')
      if (!a) return
      await svc.enqueue({
        op: 'leave', activityId: a.id, msgId: msg.id, by, senderKey: nameKey(by.name),
        ...(intent.who ? { whoKey: nameKey(intent.who) } : {}),
        isHost: msg.role !== 'resident',
      })
      return
    }
    case 'status': {
      const picked = pickActivity(live, intent.ref, msg.quoted?.text)
      const acts = 'one' in picked ? [picked.one] : live
      const key = nameKey(by.name)
      const lines: string[] = []
      for (const a of acts.slice(0, 5)) {
        const r = await svc.store.roster(a.id)
        const parts = [
          ...r.confirmed.filter((e) => e.byId === by.id || e.key === key).map((e) => texts.statusIn(e.name)),
          ...r.waitlist.flatMap((e, i) => (e.byId === by.id || e.key === key ? [texts.statusWait(e.name, i + 1)] : [])),
        ]
        if (acts.length === 1 || parts.length) lines.push(texts.status(a, parts))
      }
      await ctx.reply(lines.length ? lines.join('\n') : texts.status(acts[0]!, []))
      return
    }
    case 'places': {
      const picked = pickActivity(live, intent.ref, msg.quoted?.text)
      const acts = 'one' in picked ? [picked.one] : live
      const lines: string[] = []
      for (const a of acts.slice(0, 5)) {
        const c = await svc.store.counts(a.id)
        lines.push(texts.places(a, c.confirmed, c.waiting, closedFor(a, svc.now())))
      }
      await ctx.reply(lines.join('\n'))
      return
    }
    case 'howto': {
      const picked = pickActivity(live, intent.ref, msg.quoted?.text)
      const acts = 'one' in picked ? [picked.one] : live
      await ctx.reply(acts.slice(0, 5).map((a) => texts.howto(a, svc.tz, acts.length > 1)).join('\n'))
      return
    }
  }
}

export const closedFor = (a: Activity, now: number) => a.status !== 'open' || (a.deadlineAt > 0 && now > a.deadlineAt) || now > a.startAt

/** The one activity meant, or a reply asking which / saying none. */
export async function chosen(ctx: Context, svc: SignupService, picked: Pick, verb: string): Promise<Activity | undefined> {
  if ('one' in picked) return picked.one
  if ('several' in picked) await ctx.reply(texts.askWhich(picked.several, svc.tz, verb))
  else if ('notFound' in picked) await ctx.reply(texts.notFound(picked.notFound))
  else await ctx.reply(texts.noOpenActivity)
  return undefined
}
