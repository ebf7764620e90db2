// The durable side of sign-ups: every sign-up or cancellation is a job (id from the WeChat message id) that a
// worker applies with one Lua script; results are summarised per activity and batching window by a delayed
// job; reminders are delayed jobs whose ids carry the activity id, the kind and the activity's time version.
import { z } from 'zod'
import type { App, JobQueue } from '../core/capability.ts'
import type { Conversation, Person } from '../core/message.ts'
import { fromWallClock, wallClock } from '../core/zh-time.ts'
import { signupSettings, type SignupSettings } from './settings.ts'
import { type Activity, type ApplyResult, type NewActivity, type PersonSlot, SignupStore } from './store.ts'
import { texts } from './texts.ts'
import { isQuiet } from '../core/proactive.ts'

export const APPLY_QUEUE = 'signups'
export const NOTIFY_QUEUE = 'signups-notify'
export const REMIND_QUEUE = 'signups-remind'

const person = z.object({ id: z.string(), name: z.string() })

export const applySchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('join'),
    activityId: z.number().int(),
    msgId: z.string(),
    by: person,
    people: z.array(z.object({ key: z.string().min(1), name: z.string().min(1), own: z.boolean() })).min(1).max(200),
  }),
  z.object({
    op: z.literal('leave'),
    activityId: z.number().int(),
    msgId: z.string(),
    by: person,
    senderKey: z.string(),
    whoKey: z.string().optional(),
    isHost: z.boolean().optional(),
  }),
])
export type ApplyJob = z.infer<typeof applySchema>

const notifySchema = z.object({ activityId: z.number().int(), window: z.string() })
const remindSchema = z.object({ activityId: z.number().int(), kind: z.enum(['daybefore', 'soon']), version: z.number().int() })
type RemindKind = z.infer<typeof remindSchema>['kind']

/** Job ids: business ids, so a redelivered message or a re-scheduled reminder is a no-op. */
export const jobIds = {
  apply: (msgId: string) => `signup:${msgId}`,
  notify: (activityId: number, window: string) => `signups-notify:${activityId}:${window}`,
  remind: (activityId: number, kind: RemindKind, version: number) => `signups-remind:${activityId}:${kind}:v${version}`,
}

export class SignupService {
  readonly store: SignupStore
  readonly settings: SignupSettings
  readonly tz: string
  private readonly apply: JobQueue<ApplyJob>
  private readonly notify: JobQueue<z.infer<typeof notifySchema>>
  private readonly remind: JobQueue<z.infer<typeof remindSchema>>

  constructor(
    private readonly app: App,
    readonly now: () => number = Date.now,
    overrides: Partial<SignupSettings> = {},
  ) {
    this.store = new SignupStore(app.redis, app.key)
    this.settings = { ...signupSettings(app.config), ...overrides }
    this.tz = app.config.timezone
    this.apply = app.jobs.define({
      name: APPLY_QUEUE,
      schema: applySchema,
      concurrency: this.settings.concurrency,
      attempts: 5,
      process: async (job) => void (await this.applyNow(job)),
    })
    this.notify = app.jobs.define({ name: NOTIFY_QUEUE, schema: notifySchema, attempts: 5, process: (job) => this.sendSummary(job.activityId, job.window) })
    this.remind = app.jobs.define({ name: REMIND_QUEUE, schema: remindSchema, attempts: 3, process: (job) => this.sendReminder(job) })
  }

  // ---------------------------------------------------------------- sign-ups

  /** Queues a sign-up or cancellation; applied by the worker, confirmed in the next summary. */
  async enqueue(job: ApplyJob): Promise<void> {
    await this.apply.add(jobIds.apply(job.msgId), job)
  }

  /** What the worker does; exported for the benchmark and tests. */
  async applyNow(job: ApplyJob): Promise<ApplyResult> {
    const common = { msgId: job.msgId, by: job.by, now: this.now(), windowMs: this.settings.batchWindowMs }
    const res =
      job.op === 'join'
        ? await this.store.join(job.activityId, { ...common, people: job.people as PersonSlot[] })
        : await this.store.leave(job.activityId, { ...common, senderKey: job.senderKey, whoKey: job.whoKey, isHost: job.isHost })
    if (res.missing) {
      this.app.log.warn({ activityId: job.activityId, msgId: job.msgId }, 'signups: activity not found')
      return res
    }
    await this.scheduleSummary(job.activityId, res)
    return res
  }

  private async scheduleSummary(activityId: number, res: ApplyResult): Promise<void> {
    // On a replay (job retried after a crash) the earlier attempt may have died before scheduling: add again, idempotently.
    if (!res.window || !(res.opened || res.replay)) return
    // Real time, not this.now(): the queue's delays are real (the injectable clock only decides business rules).
    const at = res.opened ? Date.now() + this.settings.batchWindowMs : Date.now()
    await this.notify.add(jobIds.notify(activityId, res.window), { activityId, window: res.window }, { at })
  }

  async sendSummary(activityId: number, window: string): Promise<void> {
    const outcomes = await this.store.claim(activityId, window)
    if (outcomes.length === 0) return
    const a = await this.store.get(activityId)
    if (!a) return
    const { confirmed } = await this.store.counts(activityId)
    const text = texts.summary(a, outcomes, confirmed)
    const to = await this.roomFor(a.groupId)
    if (text && to) {
      const mentions = uniquePeople(outcomes.filter((o) => o.op === 'promoted' && o.byId).map((o) => ({ id: o.byId, name: o.name })))
      await this.app.outbox.send({ to, text, mentions, key: `signups:summary:${activityId}:${window}` })
    } else if (text) this.app.log.warn({ activityId, groupId: a.groupId }, 'signups: no room known for the summary')
    await this.store.release(activityId, window)
  }

  /** Changes capacity; people moved up from the waitlist are told in the next summary. */
  async resize(a: Activity, capacity: number): Promise<void> {
    const res = await this.store.resize(a.id, capacity, this.now(), this.settings.batchWindowMs)
    await this.scheduleSummary(a.id, res)
  }

  // ---------------------------------------------------------------- activities

  async publish(input: NewActivity, to: Conversation): Promise<Activity> {
    const a = await this.store.create(input, this.now())
    const live = await this.store.live(a.groupId, this.now())
    const open = live.filter((x) => x.status === 'open')
    await this.app.outbox.send({ to, text: texts.announcement(a, this.tz, open.length > 1), key: `signups:announce:${a.id}` })
    await this.store.setLast(a.groupId, { related: true, at: this.now(), activityId: a.id })
    await this.scheduleReminders(a)
    return a
  }

  roomFor(groupId: string): Promise<Conversation | undefined> {
    return this.app.resolveRoom(groupId)
  }

  // ---------------------------------------------------------------- reminders

  /** When each reminder goes out; undefined when it would be in the past or pointless. */
  reminderTimes(a: Activity, quiet?: { start: string; end: string }): Partial<Record<RemindKind, number>> {
    const out: Partial<Record<RemindKind, number>> = {}
    const now = this.now()
    const w = wallClock(a.startAt, this.tz)
    let soon = a.startAt - this.settings.soonBeforeMin * 60_000
    if (quiet && isQuiet(soon, quiet, this.tz)) {
      // 6:00 for an 8:00 activity: wait for the end of quiet hours if that is still before the start.
      const end = atClock(a.startAt, quiet.end, this.tz)
      if (end < a.startAt && end > soon) soon = end
    }
    if (soon > now) out.soon = soon
    let dayBefore = fromWallClock(w.year, w.month, w.day - 1, this.settings.dayBeforeHour, 0, this.tz).getTime()
    // In quiet hours the day-before reminder moves to that morning's end of quiet hours: still the day before.
    if (quiet && isQuiet(dayBefore, quiet, this.tz)) dayBefore = atClock(dayBefore, quiet.end, this.tz)
    // Announced the evening before: people just saw it; the 2-hour reminder is enough.
    if (dayBefore > now && dayBefore < (out.soon ?? a.startAt) - 3600_000) out.daybefore = dayBefore
    return out
  }

  async scheduleReminders(a: Activity, previousVersion?: number): Promise<void> {
    if (previousVersion !== undefined) await this.removeReminders(a.id, previousVersion)
    if (a.status === 'cancelled') return
    const group = this.app.config.groups.find((g) => g.id === a.groupId)
    const times = this.reminderTimes(a, group?.quietHours)
    for (const [kind, at] of Object.entries(times) as [RemindKind, number][]) {
      await this.remind.add(jobIds.remind(a.id, kind, a.version), { activityId: a.id, kind, version: a.version }, { at })
    }
  }

  async removeReminders(activityId: number, version: number): Promise<void> {
    for (const kind of ['daybefore', 'soon'] as const) await this.remind.remove(jobIds.remind(activityId, kind, version))
  }

  async sendReminder(job: z.infer<typeof remindSchema>): Promise<void> {
    const a = await this.store.get(job.activityId)
    // A stale job (activity moved or cancelled, removal missed) does nothing.
    if (!a || a.status === 'cancelled' || a.version !== job.version) return
    const { confirmed } = await this.store.roster(a.id)
    if (confirmed.length === 0) return
    const key = `signups:remind:${a.id}:${job.kind}:v${a.version}`
    const people = uniquePeople(confirmed.filter((e) => e.byId).map((e) => ({ id: e.byId, name: e.byName || e.name })))
    if (this.settings.remindPrivately) {
      for (const p of people) await this.app.outbox.send({ to: { kind: 'private', contactId: p.id, name: p.name }, text: texts.remindPrivate(a, this.tz), key: `${key}:${p.id}` })
      return
    }
    const to = await this.roomFor(a.groupId)
    if (!to) return void this.app.log.warn({ activityId: a.id }, 'signups: no room known for the reminder')
    const mentioned = new Set(people.map((p) => p.id))
    // Names without a WeChat contact (pasted 接龙 lines, family members) are listed in the text.
    const named = confirmed.filter((e) => !e.byId || !mentioned.has(e.byId) || e.name !== e.byName).map((e) => e.name)
    const text = job.kind === 'daybefore' ? texts.remindDayBefore(a, this.tz, named) : texts.remindSoon(a, this.tz, named)
    await this.app.outbox.send({ to, text, mentions: people, key })
  }
}

function uniquePeople(list: Person[]): Person[] {
  const seen = new Map<string, Person>()
  for (const p of list) if (!seen.has(p.id)) seen.set(p.id, p)
  return [...seen.values()]
}

/** The instant on `at`'s calendar day (in tz) when the clock shows hh:mm. */
function atClock(at: number, hhmm: string, tz: string): number {
  const w = wallClock(at, tz)
  return fromWallClock(w.year, w.month, w.day, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)), tz).getTime()
}
