// Hosts' commands: 活动列表, 名单, 导出, 截止报名3, 重新开放3, 取消活动3, 修改活动3 …
import type { App, Context, Route } from '../../core/capability.ts'
import { UserError } from '../../core/errors.ts'
import { type Conversation, type Person, privateOf } from '../../core/message.ts'
import { parseDateTime } from '../../core/zh/date.ts'
import { deadlineOf } from '../announce.ts'
import { settledTime } from '../edit-time.ts'
import { rosterCsv } from '../csv.ts'
import type { SignupService } from '../service.ts'
import { cancelReasonOf, type HostCommand as Command, type HostField, normalize, parseHostCommand } from '../parse.ts'
import { toSimplified } from '../../core/zh/script.ts'
import type { Intent, Slots, Understanding } from '../../nlu/types.ts'
import { UNDERSTOOD } from '../../core/understanding.ts'
import { fromWall, isoWeekday, wallClock } from '../../core/tz.ts'

type HostCommand = Command | { kind: 'patch'; number?: number; slots: Slots }
import { pickActivity } from '../resolve.ts'
import type { Activity } from '../store.ts'
import { texts } from '../texts.ts'
import { chosen } from './resident.ts'
import { groupIdOf } from './state.ts'

/** Host actions the understanding reads in plain words ("活动1改到周六下午3点半", "插花课不办了"). */
const HOST_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['host.edit', 'host.close', 'host.reopen', 'host.cancel', 'host.export'])

export function hostRoute(app: App, svc: SignupService): Route {
  return {
    name: 'signups.host',
    band: 'command',
    roles: ['host', 'staff'],
    refusalHint: (ctx) => {
      const cmd = hostCommandIn(ctx.msg.text)
      return cmd ? texts.refusalHint[cmd.kind] : undefined
    },
    match(ctx) {
      const addressed = ctx.msg.mentioned || ctx.msg.conversation.kind === 'private'
      if (ctx.msg.role === 'resident') {
        // 名单 and 活动列表 only read what the group can see anyway (a 接龙 is public in it): the resident route answers
        // them, as it always did.
        const typed = hostCommandIn(ctx.msg.text)
        if (typed && (typed.kind === 'roster' || typed.kind === 'list')) return false
        // A resident typing a host's command (导出, 取消活动1 …) is told who may use it (authorize), said to the bot or
        // not: silence reads as "done", or as the bot being broken.
        if (typedHostCommand(ctx.msg.text)) return true
        const cmd = parseHostCommand(ctx.msg.text)
        // A question that parses as a command ("有哪些活动", "报名情况") the resident route answers.
        if (cmd) return addressed && cmd.kind !== 'roster' && cmd.kind !== 'list'
      } else if (hostCommandIn(ctx.msg.text)) return true
      const u = ctx.get(UNDERSTOOD)
      return !!u && HOST_INTENTS.has(u.intent) && (ctx.msg.role !== 'resident' || addressed)
    },
    handle: (ctx) => run(app, svc, ctx, hostCommandIn(ctx.msg.text) ?? commandOf(ctx.get(UNDERSTOOD)!)),
  }
}

/**
 * A host's command as typed, in either script: 名单, 导出, 活动列表, 修改活动3 …, 截止报名3, 重新开放3, 取消活动3 (and their
 * variants in parse.ts). Not a plain question that parses as one ("有哪些活动", "报名情况"), and not a bare word of chat
 * ("截止", "重开", "改时间了吗").
 */
export function typedHostCommand(text: string): boolean {
  const t = toSimplified(text)
  const cmd = parseHostCommand(t)
  if (!cmd) return false
  if (cmd.kind === 'roster' || cmd.kind === 'list' || cmd.kind === 'export' || cmd.kind === 'cancel') return TYPED_FORM.test(normalize(t))
  return cmd.number !== undefined || TYPED_FORM.test(normalize(t))
}
const TYPED_FORM = /^(?:名单|报名名单|查看名单|接龙名单|活动\s*\d+\s*(?:的)?名单|导出|活动列表|活动清单|所有活动|取消活动|活动\s*\d+\s*取消|截止报名|停止报名|关闭报名|结束报名|重新开放|开放报名|恢复报名|修改活动|更改活动)/u

/** A host's command as written, or as written in Traditional script ("導出", "取消活動1"). */
const hostCommandIn = (text: string) => parseHostCommand(text) ?? parseHostCommand(toSimplified(text))

/** How long after publishing a host's "写错了，改成下午3点" still means the activity just published. */
export const FIX_PUBLISHED_MS = 30 * 60_000
const DATE_WORDS = /周|星期|礼拜|号|日|月|今天|明天|后天|大后天|今晚|明晚/u

/**
 * A correction with no preview waiting: the host's own activity published in the last half hour is fixed in
 * place ("写错了，改成下午3点" after an announcement that went out at once, "时间也改下 改成三点" with another
 * activity open). A clock alone keeps the day, and without 上午/下午 its half of the day (edit-time.ts).
 */
export function fixPublishedRoute(svc: SignupService): Route {
  const justPublished = async (ctx: Context): Promise<Activity | undefined> => {
    const groupId = groupIdOf(ctx)
    if (!groupId) return undefined
    const mine = (await svc.store.live(groupId, svc.now())).filter((a) => a.hostId === ctx.msg.sender.id && svc.now() - a.createdAt < FIX_PUBLISHED_MS)
    return mine.sort((a, b) => b.createdAt - a.createdAt)[0]
  }
  return {
    name: 'signups.fix-published',
    band: 'command',
    roles: ['host', 'staff'],
    async match(ctx) {
      const u = ctx.get(UNDERSTOOD)
      // "时间也改下 改成三点" reads as an edit that names no activity: right after publishing, a correction too.
      const fix = u?.intent === 'correction' || (u?.intent === 'host.edit' && u.slots.activity === undefined && !parseHostCommand(ctx.msg.text))
      if (ctx.msg.role === 'resident' || !fix) return false
      const groupId = groupIdOf(ctx)
      if (!groupId || (await svc.store.draft(groupId, ctx.msg.sender.id))) return false
      return (await justPublished(ctx)) !== undefined
    },
    async handle(ctx) {
      const a = await justPublished(ctx)
      if (!a) throw new UserError(texts.nothingToEdit)
      const slots = { ...ctx.get(UNDERSTOOD)!.slots }
      if (slots.time && !DATE_WORDS.test(ctx.msg.text)) slots.time = slots.time.slice(-5)
      return patch(svc, ctx, a, slots)
    },
  }
}

/** A host action in plain words as a command. */
function commandOf(u: Understanding): HostCommand {
  const number = u.slots.activity !== undefined ? { number: u.slots.activity } : {}
  switch (u.intent) {
    case 'host.close':
      return { kind: 'close', ...number }
    case 'host.reopen':
      return { kind: 'reopen', ...number }
    case 'host.cancel':
      return { kind: 'cancel', ...number }
    case 'host.export':
      return { kind: 'export', ...number }
    default:
      return { kind: 'patch', ...number, slots: u.slots }
  }
}

async function run(app: App, svc: SignupService, ctx: Context, cmd: HostCommand): Promise<void> {
  const groupId = groupIdOf(ctx)
  if (!groupId) throw new UserError(texts.noRoom)
  if (cmd.kind === 'list') {
    const acts = await svc.store.recent(groupId, svc.now())
    const counts = await Promise.all(acts.map((a) => svc.store.counts(a.id)))
    await ctx.reply(texts.list(acts, counts.map((c) => c.confirmed), svc.tz))
    return
  }
  const verb = { roster: '看名单', export: '导出', close: '截止报名', reopen: '重新开放', cancel: '取消', edit: '修改', patch: '修改' }[cmd.kind]
  const a = await target(ctx, svc, groupId, cmd.number, verb, cmd.kind === 'reopen')
  if (!a) return
  switch (cmd.kind) {
    case 'roster':
      return ctx.reply(texts.roster(a, await svc.store.roster(a.id), svc.tz, true), { mention: false })
    case 'export': {
      const roster = await svc.store.roster(a.id)
      await ctx.send({
        to: privateOf(ctx.msg.sender),
        text: texts.exportText(a, roster.confirmed.length, roster.waitlist.length),
        file: { name: texts.exportFile(a, svc.tz), content: rosterCsv(a, roster, svc.tz, { bom: true }) },
        key: `signups:export:${a.id}:${ctx.msg.id}`,
      })
      if (ctx.msg.conversation.kind === 'room') await ctx.reply(texts.exported(a))
      return
    }
    case 'close': {
      if (a.status !== 'open') return ctx.reply(a.status === 'cancelled' ? texts.alreadyCancelled(a) : texts.alreadyClosed(a))
      const updated = (await svc.store.update(a.id, { status: 'closed' }))!
      return notifyGroup(svc, ctx, updated, texts.closed(updated))
    }
    case 'reopen': {
      if (a.status === 'cancelled') return ctx.reply(texts.alreadyCancelled(a))
      if (a.status === 'open' && !(a.deadlineAt && a.deadlineAt < svc.now())) return ctx.reply(texts.alreadyOpen(a))
      // A passed deadline would close it again at once: reopening lifts it (sign-ups until the start).
      const deadlineAt = a.deadlineAt && a.deadlineAt < svc.now() ? 0 : a.deadlineAt
      const updated = (await svc.store.update(a.id, { status: 'open', deadlineAt }))!
      return notifyGroup(svc, ctx, updated, texts.reopened(updated))
    }
    case 'cancel': {
      if (a.status === 'cancelled') return ctx.reply(texts.alreadyCancelled(a))
      // Destructive: asked first, done on 「确认」 (see confirm.ts).
      const reason = cancelReasonOf(ctx.msg.text)
      await svc.pending.set(groupId, ctx.msg.sender.id, { kind: 'confirm_cancel', activityId: a.id, ...(reason ? { reason } : {}) })
      const { confirmed, waiting } = await svc.store.counts(a.id)
      return ctx.reply(texts.confirmCancel(a, svc.tz, confirmed + waiting))
    }
    case 'edit':
      return edit(svc, ctx, a, cmd.field ?? inferField(cmd.value), cmd.value)
    case 'patch':
      return patch(svc, ctx, a, cmd.slots)
  }
}

/** Cancels an activity the host confirmed: everyone on it is told (with her reason, when she gave one), its reminders removed. */
export async function cancelActivity(svc: SignupService, ctx: Context, a: Activity, reason?: string): Promise<void> {
  if (a.status === 'cancelled') return ctx.reply(texts.alreadyCancelled(a))
  const updated = (await svc.store.update(a.id, { status: 'cancelled', ...(reason ? { cancelReason: reason } : {}) }))!
  await svc.removeReminders(a.id, a.version)
  await notifyGroup(svc, ctx, updated, texts.cancelled(updated, svc.tz), await everyone(svc, a))
}

/** "活动1改到周六下午3点半，地点改成社区图书室": every change the host named, in one notice. */
async function patch(svc: SignupService, ctx: Context, a: Activity, slots: Slots): Promise<void> {
  if (a.status === 'cancelled') throw new UserError(texts.nothingToEdit)
  const changes: string[] = []
  const now = svc.now()
  const update: Parameters<SignupService['store']['update']>[1] = {}
  if (slots.time) {
    // A clock without 上午/下午 ("改成三点") keeps the activity's half of the day; one still unclear is asked, never guessed.
    const { time, ambiguous } = settledTime(ctx.msg.text, slots.time, a.startAt, now, svc.tz)
    if (ambiguous) throw new UserError(texts.editNeedsConfirm(ambiguous, a))
    const startAt = weekdayNear(ctx.msg.text, time, a.startAt, svc.tz) ?? slotTime(time, a.startAt, svc.tz)
    if (startAt <= now) throw new UserError(texts.pastTime(startAt, svc.tz))
    update.startAt = startAt
    if (a.deadlineAt > startAt) update.deadlineAt = startAt
    changes.push(texts.changeTime(startAt, svc.tz))
  }
  if (slots.place) {
    update.place = slots.place
    changes.push(texts.changePlace(slots.place))
  }
  if (slots.title) {
    update.title = slots.title
    changes.push(texts.changeTitle(slots.title))
  }
  if (changes.length === 0 && slots.capacity === undefined) throw new UserError(texts.editUsage)
  let updated = Object.keys(update).length ? await svc.store.update(a.id, update) : a
  if (update.startAt !== undefined && updated) await svc.scheduleReminders(updated, a.version)
  if (slots.capacity !== undefined) {
    await svc.resize(a, slots.capacity)
    updated = await svc.store.get(a.id)
    changes.push(texts.changeCapacity(slots.capacity))
    const { confirmed } = await svc.store.counts(a.id)
    if (slots.capacity > 0 && confirmed > slots.capacity) await ctx.reply(texts.capacityBelow(slots.capacity, confirmed))
  }
  if (!updated) throw new UserError(texts.notFound(a.id))
  const mention = update.startAt !== undefined || update.place !== undefined ? await everyone(svc, updated) : []
  await notifyGroup(svc, ctx, updated, texts.edited(updated, changes, svc.tz), mention)
}

/** A time slot ("YYYY-MM-DD HH:MM", or "HH:MM" for a new clock on the same day) as epoch ms. */
export function slotTime(time: string, sameDayAs: number, tz: string): number {
  const full = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/u.exec(time)
  if (full) return fromWall(tz, Number(full[1]), Number(full[2]), Number(full[3]), Number(full[4]), Number(full[5]))
  const [h, m] = time.split(':').map(Number)
  const w = wallClock(sameDayAs, tz)
  return fromWall(tz, w.year, w.month, w.day, h ?? 0, m ?? 0)
}

/**
 * "改到周日下午3点" for an activity on Saturday the 12th means Sunday the 13th, not the coming Sunday: a bare
 * weekday (no 这/本/下/上, no date) in an edit is the day with that weekday nearest the activity's own date.
 */
export function weekdayNear(text: string, time: string, activityAt: number, tz: string): number | undefined {
  const m = /(?<![这本下上])(?:周|星期|礼拜)([一二三四五六日天])/u.exec(text)
  if (!m || /\d+\s*[号日]|[一二三四五六七八九十]+[号日]|月/u.test(text.replace(m[0], ''))) return undefined
  const target = '一二三四五六'.indexOf(m[1]!) + 1 || 7
  const w = wallClock(activityAt, tz)
  const current = isoWeekday(w)
  const ahead = (target - current + 7) % 7
  const offset = ahead <= 3 ? ahead : ahead - 7
  const [h, min] = time.slice(-5).split(':').map(Number)
  return fromWall(tz, w.year, w.month, w.day + offset, h ?? 0, min ?? 0)
}

/** The activity a command means: by number (in this group), or the only live one; otherwise ask. */
async function target(ctx: Context, svc: SignupService, groupId: string, n: number | undefined, verb: string, includeClosed: boolean): Promise<Activity | undefined> {
  if (n !== undefined) {
    const a = await svc.store.get(n)
    if (!a || a.groupId !== groupId) throw new UserError(texts.notFound(n))
    return a
  }
  const live = await svc.store.live(groupId, svc.now())
  // Without a number, prefer activities still taking sign-ups, unless only closed ones are left.
  const open = live.filter((a) => a.status === 'open')
  const pool = open.length && !includeClosed ? open : live
  return chosen(ctx, svc, pickActivity(pool, {}), verb)
}

function inferField(value: string): HostField | undefined {
  if (/^(?:限|名额|人数)?\s*\d+\s*(?:人|名|位)?$|不限/u.test(value) || /^限/u.test(value)) return 'capacity'
  if (/截止/u.test(value)) return 'deadline'
  return undefined
}

async function edit(svc: SignupService, ctx: Context, a: Activity, field: HostField | undefined, rawValue: string): Promise<void> {
  if (a.status === 'cancelled') throw new UserError(texts.nothingToEdit)
  const value = rawValue.trim()
  if (!value) throw new UserError(texts.editUsage)
  const now = new Date(svc.now())
  // Without a field name: a time if it reads as one.
  const f = field ?? (parseDateTime(value, now, svc.tz) ? 'time' : undefined)
  if (!f) throw new UserError(texts.editUsage)
  const changes: string[] = []
  let updated: Activity | undefined
  switch (f) {
    case 'time': {
      const t = parseDateTime(value, now, svc.tz)
      if (!t || t.dateOnly) throw new UserError(texts.editTimeUnclear(value))
      if (t.ambiguous) throw new UserError(texts.editNeedsConfirm(t.ambiguous, a))
      if (t.at.getTime() <= now.getTime()) throw new UserError(texts.pastTime(t.at.getTime(), svc.tz))
      const startAt = t.at.getTime()
      updated = await svc.store.update(a.id, { startAt, ...(a.deadlineAt > startAt ? { deadlineAt: startAt } : {}) })
      changes.push(texts.changeTime(startAt, svc.tz))
      await svc.scheduleReminders(updated!, a.version)
      break
    }
    case 'deadline': {
      const t = parseDateTime(value.replace(/截止/gu, ''), now, svc.tz)
      if (!t) throw new UserError(texts.editTimeUnclear(value))
      if (t.ambiguous) throw new UserError(texts.editNeedsConfirm(t.ambiguous, a, 'deadline'))
      const deadlineAt = Math.min(deadlineOf(t, svc.tz), a.startAt)
      updated = await svc.store.update(a.id, { deadlineAt })
      changes.push(texts.changeDeadline(deadlineAt, svc.tz))
      break
    }
    case 'capacity': {
      const n = /不限/u.test(value) ? 0 : Number(/(\d+)/u.exec(value)?.[1] ?? NaN)
      if (!Number.isFinite(n) || n < 0) throw new UserError(texts.editUsage)
      await svc.resize(a, n)
      updated = await svc.store.get(a.id)
      changes.push(texts.changeCapacity(n))
      const { confirmed } = await svc.store.counts(a.id)
      if (n > 0 && confirmed > n) await ctx.reply(texts.capacityBelow(n, confirmed))
      break
    }
    case 'place':
      updated = await svc.store.update(a.id, { place: value })
      changes.push(texts.changePlace(value))
      break
    case 'title':
      updated = await svc.store.update(a.id, { title: value })
      changes.push(texts.changeTitle(value))
      break
    case 'notes':
      updated = await svc.store.update(a.id, { notes: value })
      changes.push(texts.changeNotes(value))
      break
  }
  if (!updated) throw new UserError(texts.notFound(a.id))
  // Time and place changes concern everyone signed up: @ them.
  const mention = f === 'time' || f === 'place' ? await everyone(svc, updated) : []
  await notifyGroup(svc, ctx, updated, texts.edited(updated, changes, svc.tz), mention)
}

/** Everyone on the roster or waitlist we can @ (entries owned by a contact). */
async function everyone(svc: SignupService, a: Activity): Promise<Person[]> {
  const r = await svc.store.roster(a.id)
  const seen = new Map<string, Person>()
  for (const e of [...r.confirmed, ...r.waitlist]) if (e.byId && !seen.has(e.byId)) seen.set(e.byId, { id: e.byId, name: e.byName || e.name })
  return [...seen.values()]
}

/** Posts to the group (where the command came from, or the group's room); tells a host in private it is done. */
export async function notifyGroup(svc: SignupService, ctx: Context, a: Activity, text: string, mentions: Person[] = []): Promise<void> {
  const to: Conversation | undefined = ctx.msg.conversation.kind === 'room' ? ctx.msg.conversation : await svc.roomFor(a.groupId)
  if (to) await ctx.send({ to, text, mentions, key: `signups:notice:${a.id}:${ctx.msg.id}` })
  if (ctx.msg.conversation.kind === 'private') await ctx.reply(to ? `已通知群里：\n${text}` : text)
  await svc.store.setLast(a.groupId, { related: true, at: svc.now(), activityId: a.id })
}
