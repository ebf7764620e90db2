// What hosts say in chat: create (with a confirmation step), list, pause, resume, delete.
import type { Context } from '../core/capability.ts'
import { UserError } from '../core/errors.ts'
import { DEFAULT_QUIET, isQuiet } from '../core/proactive.ts'
import { matchByName, matchName, namedIn } from './describe.ts'
import type { OnceReminders } from './once.ts'
import type { OnceRecord } from './once-store.ts'
import { parseSchedule, type ScheduleResult } from './parse.ts'
import { renderReminder, type ReminderService } from './service.ts'
import type { ReminderDef } from './settings.ts'
import { RHYTHM_LABELS, type RhythmKey, texts } from './texts.ts'
import { texts as coreTexts } from '../core/texts.ts'

/** "家接待", "来家接待", "大家来参加家聚会": one of the 微家's rhythms, said with the words around it. */
function rhythmNamed(rest: string): RhythmKey | undefined {
  const bare = rest.replace(/^(?:大家|姐妹们)?(?:来|去|参加|准时参加|记得参加|记得来)?/u, '').replace(/(?:啦|了|哦|哈|吧)$/u, '')
  return (Object.keys(RHYTHM_LABELS) as RhythmKey[]).find((k) => RHYTHM_LABELS[k] === bare)
}

/** Who manages a group's reminders; a resident only her own one-offs. */
export const MANAGERS = ['host', 'staff'] as const

function groupOf(ctx: Context) {
  if (!ctx.group) throw new UserError(texts.noGroup)
  return ctx.group
}

/** 「每月第一个周六上午9点提醒大家家聚会」: parse, show the host what will be sent and when, keep a draft. */
export async function draftReminder(ctx: Context, svc: ReminderService, given?: ScheduleResult, replaces?: ReminderDef): Promise<void> {
  const group = groupOf(ctx)
  const now = svc.now()
  const parsed = given ?? parseSchedule(ctx.msg.text, { now, tz: svc.tz })
  if (!parsed) throw new UserError(texts.cannotRead)
  if (!parsed.ok) throw new UserError(parsed.reason)
  if (!parsed.rest) throw new UserError(texts.needWhat)
  const rhythm = rhythmNamed(parsed.rest)
  const template = rhythm ? svc.settings.group(group.id).templates[rhythm] : texts.customText(parsed.rest)
  const draft = {
    ...(replaces ? { replaces: replaces.id } : {}),
    groupId: group.id,
    schedule: parsed.schedule,
    description: parsed.description,
    label: rhythm ? RHYTHM_LABELS[rhythm] : parsed.rest,
    template,
    createdBy: ctx.msg.sender,
    createdAt: now,
  }
  const next = svc.nextOf({ schedule: parsed.schedule }, 3)
  const notes = [...parsed.notes]
  const quiet = group.quietHours ?? DEFAULT_QUIET
  if (next.some((t) => isQuiet(t, quiet, svc.tz))) notes.push(texts.noteQuiet(quiet.end))
  // The same moment as a reminder already running (often the 微家's own rhythm): the group would get two.
  const clash = next.length ? (await svc.defs(group.id)).find((d) => !d.paused && d.id !== replaces?.id && svc.nextOf(d, 3).some((t) => next.includes(t))) : undefined
  if (clash) notes.push(texts.noteClash(clash.label))
  // The same rhythm already reminded at another time (the built-in 家接待 at 09:00, hers at 15:00): two a week unless
  // she pauses one.
  // One note a reminder: the one that clashes is not warned about twice (defs() gives new objects, so by id).
  const same = rhythm ? (await svc.defs(group.id)).find((d) => !d.paused && d.id !== clash?.id && d.id !== replaces?.id && d.label === RHYTHM_LABELS[rhythm]) : undefined
  if (same) notes.push(texts.noteSameRhythm(same.label, same.description, same.ref))
  if (replaces) notes.push(texts.noteReplaces(replaces.label, replaces.description, replaces.ref))
  await svc.store.putDraft(group.id, ctx.msg.sender.id, draft)
  ctx.log.info({ groupId: group.id, schedule: parsed.schedule }, 'reminders: draft awaiting confirmation')
  await ctx.reply(
    texts.draft({
      text: renderReminder({ template }, group, next[0] ?? now, svc.tz),
      description: parsed.description,
      next: next.map((t) => svc.formatAt(t)),
      notes,
    }),
  )
}

/**
 * "家接待改到每周四下午3点": a draft at the new time, in the words of the reminder it replaces (its rhythm's template, or
 * the chat reminder's content); on 确认 the new one is saved and the old one paused (service.createFromDraft).
 */
export async function moveReminder(ctx: Context, svc: ReminderService, move: { what: string; when: string }): Promise<void> {
  const group = groupOf(ctx)
  const defs = (await svc.defs(group.id)).filter((d) => !d.paused)
  const old = /^\d+$/u.test(move.what) ? defs.find((d) => d.source === 'chat' && d.ref === move.what) : defs.find((d) => d.label === move.what)
  if (!old) throw new UserError(texts.moveNotFound(move.what))
  const parsed = parseSchedule(`${move.when} ${old.label}`, { now: svc.now(), tz: svc.tz })
  if (!parsed) throw new UserError(texts.cannotRead)
  if (!parsed.ok) throw new UserError(parsed.reason)
  if (old.source === 'chat') {
    // Its own content, not a new one made of its label.
    const r = await svc.store.get(group.id, Number(old.ref))
    if (r) return draftReminder(ctx, svc, { ...parsed, rest: r.label }, old)
  }
  return draftReminder(ctx, svc, parsed, old)
}

export async function answerDraft(ctx: Context, svc: ReminderService, answer: 'confirm' | 'cancel'): Promise<void> {
  const group = groupOf(ctx)
  if (answer === 'cancel') {
    await svc.store.dropDraft(group.id, ctx.msg.sender.id)
    await ctx.reply(texts.draftCancelled)
    return
  }
  const draft = await svc.store.takeDraft(group.id, ctx.msg.sender.id)
  if (!draft) {
    await ctx.reply(texts.noDraft)
    return
  }
  const saved = await svc.createFromDraft(draft)
  ctx.log.info({ groupId: group.id, no: saved.no, replaces: draft.replaces }, 'reminders: created from chat')
  const old = draft.replaces ? await svc.def(draft.replaces) : undefined
  await ctx.reply(old?.paused ? `${texts.saved(saved.no)}\n${texts.replacedPaused(old.label)}` : texts.saved(saved.no))
}

/** What a host manages: a rhythm (config or chat, recurring) or a one-off, under the ref shown in the list. */
type Entry = { kind: 'rhythm'; ref: string; def: ReminderDef } | { kind: 'once'; ref: string; rec: OnceRecord }
type Action = 'pause' | 'resume' | 'delete'
export type ManageCommand = { kind: 'list' } | { kind: Action; ref: string } | { kind: 'describe'; action: Action }

/** `once` absent (the console's reminders page): recurring reminders only. */
export async function manage(ctx: Context, svc: ReminderService, cmd: ManageCommand, once?: OnceReminders): Promise<void> {
  const group = groupOf(ctx)
  const all = await entriesOf(svc, once, group.id, ctx.msg.sender.id)
  // Residents manage only what they asked to be reminded of themselves (「提醒我…」); the rest is the hosts'.
  const resident = ctx.msg.role === 'resident'
  const entries = resident ? all.filter((e) => e.kind === 'once' && e.rec.personal?.id === ctx.msg.sender.id) : all
  if (resident && !entries.length) throw new UserError(coreTexts.forbidden([...MANAGERS]))
  if (cmd.kind === 'list') {
    if (!entries.length) return ctx.reply(texts.listEmpty)
    const firstRef = (p: (e: Entry) => boolean) => entries.find(p)?.ref
    const footer = texts.listFooter({
      name: firstRef((e) => e.kind === 'rhythm' && e.def.source === 'config'),
      recurring: firstRef((e) => e.kind === 'rhythm' && e.def.source === 'chat'),
      once: firstRef((e) => e.kind === 'once'),
    })
    return ctx.reply([resident ? texts.listOwnTitle : texts.listTitle(group.name), ...entries.map((e) => lineOf(svc, e)), footer].join('\n'))
  }
  const action = cmd.kind === 'describe' ? cmd.action : cmd.kind
  // No number: the reminder the message names (「把交表那个提醒删了」); a word after the verb is a name too.
  const named = cmd.kind === 'describe' ? matchByName(ctx.msg.text, entries, namesOf) : findEntry(entries, cmd.ref)
  const found = named.length > 1 ? applicable(named, action) : named
  if (!found.length) {
    if (resident) throw new UserError(coreTexts.forbidden([...MANAGERS]))
    // Nothing named asks for a number; a name that fits none is said back, like an unknown number.
    if (cmd.kind === 'describe') return ctx.reply(namedIn(ctx.msg.text).length >= 2 ? texts.notFound(namedIn(ctx.msg.text)) : texts.manageWhich)
    throw new UserError(texts.notFound(cmd.ref))
  }
  // The example names one by its number when there is one: the shared name would only be asked about again.
  if (found.length > 1) return ctx.reply(texts.manageWhichOf(found.map((e) => lineOf(svc, e)), action, (found.find((e) => /^\d+$/u.test(e.ref)) ?? found[0]!).ref))
  const entry = found[0]!
  if (entry.kind === 'once') {
    if (action !== 'delete') return ctx.reply(texts.onceOnlyDelete(entry.ref))
    await once!.delete(entry.rec)
    ctx.log.info({ groupId: group.id, no: entry.rec.no }, 'reminders: one-off deleted')
    return ctx.reply(texts.deleted(entry.ref, entry.rec.content))
  }
  const def = entry.def
  switch (action) {
    case 'pause':
      if (def.paused) return ctx.reply(texts.alreadyPaused(def.ref))
      await svc.setPaused(def, true)
      ctx.log.info({ reminder: def.id }, 'reminders: paused')
      return ctx.reply(texts.paused(def.ref))
    case 'resume': {
      if (!def.paused) return ctx.reply(texts.alreadyActive(def.ref))
      await svc.setPaused(def, false)
      ctx.log.info({ reminder: def.id }, 'reminders: resumed')
      const [next] = svc.nextOf(def)
      return ctx.reply(texts.resumed(def.ref, next === undefined ? undefined : svc.formatAt(next)))
    }
    case 'delete':
      if (def.source === 'config') throw new UserError(texts.cannotDeleteConfig(def.ref))
      await svc.deleteChat(group.id, Number(def.ref))
      ctx.log.info({ reminder: def.id }, 'reminders: deleted')
      return ctx.reply(texts.deleted(def.ref, def.label))
  }
}

/** Config rhythms first, then everything numbered (recurring and one-off) by number. */
async function entriesOf(svc: ReminderService, once: OnceReminders | undefined, groupId: string, viewerId: string): Promise<Entry[]> {
  const [defs, onces] = await Promise.all([svc.defs(groupId), once ? once.visible(groupId, viewerId) : []])
  const config: Entry[] = defs.filter((d) => d.source === 'config').map((def) => ({ kind: 'rhythm', ref: def.ref, def }))
  const numbered: Entry[] = [
    ...defs.filter((d) => d.source === 'chat').map((def): Entry => ({ kind: 'rhythm', ref: def.ref, def })),
    ...onces.map((rec): Entry => ({ kind: 'once', ref: String(rec.no), rec })),
  ]
  return [...config, ...numbered.sort((a, b) => Number(a.ref) - Number(b.ref))]
}

function lineOf(svc: ReminderService, e: Entry): string {
  if (e.kind === 'once') return texts.onceItem({ ref: e.ref, when: svc.formatAt(e.rec.at), content: e.rec.content, personal: !!e.rec.personal })
  const d = e.def
  const [next] = d.paused ? [] : svc.nextOf(d)
  return texts.listItem({ ref: d.ref, label: d.label, description: d.description, next: next === undefined ? undefined : svc.formatAt(next), paused: d.paused, fromConfig: d.source === 'config' })
}

// A chat reminder's number is not a name (「把12月那个提醒删了」 is not reminder 12).
const namesOf = (e: Entry) => (e.kind === 'once' ? [e.rec.content] : e.def.source === 'config' ? [e.def.label, e.def.ref] : [e.def.label])

/** A number names a chat reminder; a word names a config rhythm (家接待) or custom id, a unique label, or what a reminder is about. */
function findEntry(entries: Entry[], ref: string): Entry[] {
  const exact = entries.find((e) => e.ref === ref)
  if (exact) return [exact]
  if (/^\d+$/u.test(ref)) return []
  const byLabel = entries.filter((e) => e.kind === 'rhythm' && e.def.label === ref)
  return byLabel.length ? byLabel : matchName(ref, entries, namesOf)
}

/**
 * Of several reminders a name fits, those the action can apply to: only a running recurring one can be paused and
 * only a paused one resumed (a one-off can do neither). Deleting asks about all of them: a wrong guess there is lost.
 * None applicable: she is asked about all of them (the list shows which are paused).
 */
function applicable(found: Entry[], action: Action): Entry[] {
  if (action === 'delete') return found
  const fit = found.filter((e) => e.kind === 'rhythm' && e.def.paused === (action === 'resume'))
  return fit.length ? fit : found
}

/** "改成早上8点提醒" before 「确认」: the draft's clock changes and the preview is shown again. */
export async function correctDraft(ctx: Context, svc: ReminderService, time: string): Promise<void> {
  const group = groupOf(ctx)
  const draft = await svc.store.takeDraft(group.id, ctx.msg.sender.id)
  if (!draft) return ctx.reply(texts.noDraft)
  const clock = /(\d{2}):(\d{2})$/u.exec(time)
  if (draft.schedule.kind === 'cron' && clock) {
    const fields = draft.schedule.cron.split(' ')
    fields[0] = String(Number(clock[2]))
    fields[1] = String(Number(clock[1]))
    draft.schedule = { ...draft.schedule, cron: fields.join(' ') }
    draft.description = draft.description.replace(/\d{1,2}:\d{2}/u, `${clock[1]}:${clock[2]}`)
  }
  await svc.store.putDraft(group.id, ctx.msg.sender.id, draft)
  const next = svc.nextOf({ schedule: draft.schedule }, 3)
  await ctx.reply(`${texts.draftChanged}\n${texts.draft({ text: renderReminder({ template: draft.template }, group, next[0] ?? svc.now(), svc.tz), description: draft.description, next: next.map((t) => svc.formatAt(t)), notes: [] })}`)
}
