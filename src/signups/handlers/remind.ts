// "活动前一晚只提醒报了名的", "周五上午9点提醒报了插花的交材料费": reminders only for those signed up to an
// activity. The sign-ups capability keeps them because it knows the rosters (the reminders capability does not).
import type { Context, Route } from '../../core/capability.ts'
import { UNDERSTOOD } from '../../core/understanding.ts'
import type { SignupService } from '../service.ts'
import { pickActivity } from '../resolve.ts'
import { texts } from '../texts.ts'
import { slotTime } from './host.ts'
import { chosen, mine } from './resident.ts'
import { liveActivities } from './state.ts'

export function remindRoute(svc: SignupService): Route {
  return {
    name: 'signups.remind',
    band: 'command',
    roles: ['host', 'staff'],
    async match(ctx) {
      const u = ctx.get(UNDERSTOOD)
      if (u?.intent !== 'reminder.create' || u.slots.audience !== 'signed_up' || !ctx.msg.groupId) return false
      return (await liveActivities(ctx, svc)).length > 0
    },
    handle: (ctx) => remind(ctx, svc),
  }
}

/** Also the replay when the host answers "which activity?" with "2" or "插花那个" (resident.ts answerWhich). */
export async function remind(ctx: Context, svc: SignupService, u = ctx.get(UNDERSTOOD)!): Promise<void> {
  const live = await liveActivities(ctx, svc)
  const n = u.slots.activity
  const picked = n !== undefined && live.some((a) => a.id === n) ? { one: live.find((a) => a.id === n)! } : pickActivity(live, {}, ctx.msg.quoted?.text)
  const a = await chosen(ctx, svc, picked, '提醒', u)
  if (!a) return
  const { confirmed } = await svc.store.counts(a.id)
  if (!u.slots.time) return ctx.reply(texts.remindAutomatic(a, svc.tz, confirmed, svc.settings.dayBeforeHour))
  const at = slotTime(u.slots.time, svc.now(), svc.tz)
  if (at <= svc.now()) return ctx.reply(texts.remindPast(at, svc.tz))
  const content = (u.slots.content ?? '').replace(/只发给报名的?|报了?名的人?|^[，,\s]+|[，,。\s]+$/gu, '') || `「${a.title}」别忘了`
  await svc.remindSignedUp(a, at, content, ctx.msg.id)
  await ctx.reply(texts.remindCustomSaved(a, at, svc.tz, content, confirmed))
}

/**
 * A resident asking to be reminded of what she signed up for ("活动前一天提醒我一下", "到时候提醒我"): the day-before
 * and starting-soon reminders already @ everyone signed up, so she is told that, not left without an answer.
 */
export function remindMeRoute(svc: SignupService): Route {
  return {
    name: 'signups.remind-me',
    band: 'command',
    match(ctx) {
      const u = ctx.get(UNDERSTOOD)
      return u?.intent === 'reminder.create' && !u.slots.time && !!ctx.msg.groupId && ctx.msg.role === 'resident' && REMIND_ME.test(ctx.msg.text)
    },
    async handle(ctx) {
      const live = await liveActivities(ctx, svc)
      const hers = await mine(ctx, svc, live)
      const n = ctx.get(UNDERSTOOD)?.slots.activity
      const a = hers.find((x) => x.id === n) ?? hers[0]
      if (!a) return ctx.reply(live.length ? texts.remindNotSignedUp : texts.noOpenActivity)
      const { confirmed } = await svc.store.counts(a.id)
      await ctx.reply(texts.remindAutomatic(a, svc.tz, confirmed, svc.settings.dayBeforeHour))
    },
  }
}

const REMIND_ME = /提醒(?:我|一下我|俺)|叫我一声|喊我一声/u
