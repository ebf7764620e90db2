// Hosts' commands: 活动列表, 名单, 导出, 截止报名3, 重新开放3, 取消活动3, 修改活动3 …
import type { App, Context, Route } from '../../core/capability.ts'
import { UserError } from '../../core/errors.ts'
import { type Conversation, type Person, privateOf } from '../../core/message.ts'
import { parseDateTime } from '../../core/zh/date.ts'
import { deadlineOf } from '../announce.ts'
import { rosterCsv } from '../csv.ts'
import type { SignupService } from '../service.ts'
import { type HostCommand, type HostField, parseHostCommand } from '../parse.ts'
import { pickActivity } from '../resolve.ts'
import type { Activity } from '../store.ts'
import { texts } from '../texts.ts'
import { chosen } from './resident.ts'
import { groupIdOf } from './state.ts'

export function hostRoute(app: App, svc: SignupService): Route {
  return {
    name: 'signups.host',
    priority: 10,
    roles: ['host', 'staff'],
    match(ctx) {
      if (!parseHostCommand(ctx.msg.text)) return false
      // Hosts may type 名单 plainly; a resident only gets the refusal when addressing the bot.
      return ctx.msg.mentioned || ctx.msg.conversation.kind === 'private' || ctx.msg.role !== 'resident'
    },
    handle: (ctx) => run(app, svc, ctx, parseHostCommand(ctx.msg.text)!),
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
  const verb = { roster: '看名单', export: '导出', close: '截止报名', reopen: '重新开放', cancel: '取消', edit: '修改' }[cmd.kind]
  const a = await target(ctx, svc, groupId, cmd.number, verb, cmd.kind === 'reopen')
  if (!a) return
  switch (cmd.kind) {
    case 'roster':
      return ctx.reply(texts.roster(a, await svc.store.roster(a.id), svc.tz), { mention: false })
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
      const updated = (await svc.store.update(a.id, { status: 'cancelled' }))!
      await svc.removeReminders(a.id, a.version)
      return notifyGroup(svc, ctx, updated, texts.cancelled(updated, svc.tz), await everyone(svc, a))
    }
    case 'edit':
      return edit(svc, ctx, a, cmd.field ?? inferField(cmd.value), cmd.value)
  }
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
      if (t.ambiguous) throw new UserError(texts.editNeedsConfirm(t.ambiguous))
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
      if (t.ambiguous) throw new UserError(texts.editNeedsConfirm(t.ambiguous))
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
async function notifyGroup(svc: SignupService, ctx: Context, a: Activity, text: string, mentions: Person[] = []): Promise<void> {
  const to: Conversation | undefined = ctx.msg.conversation.kind === 'room' ? ctx.msg.conversation : await svc.roomFor(a.groupId)
  if (to) await ctx.send({ to, text, mentions, key: `signups:notice:${a.id}:${ctx.msg.id}` })
  if (ctx.msg.conversation.kind === 'private') await ctx.reply(to ? `已通知群里：\n${text}` : text)
  await svc.store.setLast(a.groupId, { related: true, at: svc.now(), activityId: a.id })
}
