// "活动前一晚只提醒报了名的", "周五上午9点提醒报了插花的交材料费": reminders only for those signed up to an
// activity. The sign-ups capability keeps them because it knows the rosters (the reminders capability does not).
import type { Context, Route } from '../../core/capability.ts'
import { UNDERSTOOD } from '../../core/understanding.ts'
import type { SignupService } from '../service.ts'
import { pickActivity } from '../resolve.ts'
import { texts } from '../texts.ts'
import { slotTime } from './host.ts'
import { chosen } from './resident.ts'
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

async function remind(ctx: Context, svc: SignupService): Promise<void> {
  const u = ctx.get(UNDERSTOOD)!
  const live = await liveActivities(ctx, svc)
  const n = u.slots.activity
  const picked = n !== undefined && live.some((a) => a.id === n) ? { one: live.find((a) => a.id === n)! } : pickActivity(live, {}, ctx.msg.quoted?.text)
  const a = await chosen(ctx, svc, picked, '提醒')
  if (!a) return
  const { confirmed } = await svc.store.counts(a.id)
  if (!u.slots.time) return ctx.reply(texts.remindAutomatic(a, svc.tz, confirmed, svc.settings.dayBeforeHour))
  const at = slotTime(u.slots.time, svc.now(), svc.tz)
  if (at <= svc.now()) return ctx.reply(texts.remindPast(at, svc.tz))
  const content = (u.slots.content ?? '').replace(/只发给报名的?|报了?名的人?|^[，,\s]+|[，,。\s]+$/gu, '') || `「${a.title}」别忘了`
  await svc.remindSignedUp(a, at, content, ctx.msg.id)
  await ctx.reply(texts.remindCustomSaved(a, at, svc.tz, content, confirmed))
}
