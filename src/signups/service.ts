// The sign-up service: queues sign-ups for the worker, applies them, summarises results per batching window,
// publishes activities and sends their reminders. Handlers call it; it never reads chat messages itself.
import type { z } from 'zod'
import type { App, JobQueue } from '../core/capability.ts'
import type { Conversation, Person } from '../core/message.ts'
import { inScript } from '../core/zh/script.ts'
import { APPLY_QUEUE, HELD_QUEUE, type ApplyJob, applySchema, CUSTOM_REMIND_QUEUE, customRemindSchema, jobIds, NOTIFY_QUEUE, notifySchema, REMIND_QUEUE, type RemindKind, remindSchema } from './jobs.ts'
import { placesByFamily } from './announce.ts'
import { reminderTimes } from './reminder-times.ts'
import { signupSettings, type SignupSettings } from './settings.ts'
import { type Held, HeldSignups, type HeldJob, heldJobSchema } from './held.ts'
import { PendingStore } from './pending.ts'
import { type Activity, type ApplyResult, type NewActivity, type PersonSlot, SignupStore } from './store.ts'
import { texts } from './texts.ts'

/** How long a sign-up said before the announcement waits for a host's draft to be confirmed. */
const DRAFT_WAIT_MS = 30 * 60_000

export class SignupService {
  readonly store: SignupStore
  /** What the bot asked a person and waits for (which activity, a host's confirmation). */
  readonly pending: PendingStore
  readonly settings: SignupSettings
  readonly tz: string
  private readonly apply: JobQueue<ApplyJob>
  private readonly notify: JobQueue<z.infer<typeof notifySchema>>
  private readonly remind: JobQueue<z.infer<typeof remindSchema>>
  private readonly custom: JobQueue<z.infer<typeof customRemindSchema>>
  /** Sign-ups that arrived before the activity they answer was published. */
  readonly held: HeldSignups

  constructor(
    private readonly app: App,
    readonly now: () => number = Date.now,
    overrides: Partial<SignupSettings> = {},
  ) {
    this.store = new SignupStore(app.redis, app.key)
    this.pending = new PendingStore(app.redis, app.key)
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
    this.custom = app.jobs.define({ name: CUSTOM_REMIND_QUEUE, schema: customRemindSchema, attempts: 3, process: (job) => this.sendCustomReminder(job) })
    const expiry = app.jobs.define({ name: HELD_QUEUE, schema: heldJobSchema, attempts: 5, process: (job) => this.heldExpired(job) })
    this.held = new HeldSignups(app.redis, app.key, expiry, this.settings.holdMs)
  }

  /** A sign-up that found no open activity: held for an announcement being published right now. */
  async hold(h: Omit<Held, 'at'>): Promise<void> {
    await this.held.hold({ ...h, at: Date.now() })
  }

  /** A sign-up for an open activity while earlier ones are still held: queued behind them (true). */
  holdIfWaiting(h: Omit<Held, 'at'>): Promise<boolean> {
    return this.held.holdIfWaiting({ ...h, at: Date.now() })
  }

  /** Whether the sender has a sign-up held for an announcement in the group. */
  hasHeld(groupId: string, senderId: string): Promise<boolean> {
    return this.held.heldBy(groupId, senderId)
  }

  /** A cancellation of the sender's own sign-up still held for an announcement (see held.ts): people withdrawn. */
  withdrawHeld(groupId: string, senderId: string, who: string[]): Promise<number> {
    return this.held.withdraw(groupId, senderId, who)
  }

  /** End of a held sign-up's grace: join the one open activity if there is one now, else say there is none. */
  private async heldExpired(job: HeldJob): Promise<void> {
    // The host's announcement is a draft awaiting 确认 ("李姐说这周四晚上有剪纸课 我先报个名哈" said meanwhile): the
    // sign-up waits for it, up to DRAFT_WAIT_MS from when it was said.
    const waiting = await this.held.peek(job.groupId, job.msgId)
    if (waiting && Date.now() - waiting.at < DRAFT_WAIT_MS && (await this.store.drafting(job.groupId))) {
      return this.held.recheck(waiting, Date.now() + Math.max(this.settings.holdMs, 5_000))
    }
    const h = await this.held.take(job.groupId, job.msgId)
    if (!h) return
    const open = (await this.store.live(h.groupId, this.now())).filter((a) => a.status === 'open')
    const target = h.activityId ?? (open.length === 1 ? open[0]!.id : undefined)
    if (target !== undefined) return this.enqueue({ op: 'join', activityId: target, msgId: h.msgId, by: h.by, people: h.people, traditional: h.traditional })
    // Said beside an emergency: "no open activity" would be the only thing the group heard of it after the numbers.
    if (h.quiet) return
    await this.app.outbox.send({ to: h.room, text: h.traditional ? inScript(texts.noOpenActivity, 'traditional') : texts.noOpenActivity, mentions: h.room.kind === 'room' ? [h.by] : [], key: `signups:held:${h.msgId}` })
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
        : await this.store.leave(job.activityId, { ...common, senderKey: job.senderKey, whoKey: job.whoKey, isHost: job.isHost, quiet: job.quiet })
    if (res.missing) {
      this.app.log.warn({ activityId: job.activityId, msgId: job.msgId }, 'signups: activity not found')
      return res
    }
    // Which script those in this window wrote in: the summary is in Traditional only when all of them did.
    if (res.window) {
      const scripts = this.scriptsKey(job.activityId, res.window)
      await this.app.redis.multi().sadd(scripts, job.traditional ? 'traditional' : 'simplified').expire(scripts, 86_400).exec()
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
    // A family moved up only in part ("郑秀英" in, her 老伴 still waiting): the one who signed them up hears where
    // the rest stand, so she can give the place on if they only come together.
    const promotedBy = new Set(outcomes.filter((o) => o.op === 'promoted' && o.byId).map((o) => o.byId))
    const left = promotedBy.size ? (await this.store.roster(activityId)).waitlist.flatMap((e, i) => (promotedBy.has(e.byId) ? [{ name: e.name, pos: i + 1 }] : [])) : []
    const scripts = await this.app.redis.smembers(this.scriptsKey(activityId, window))
    const summary = texts.summary(a, outcomes, confirmed, left)
    const text = summary && scripts.length === 1 && scripts[0] === 'traditional' ? inScript(summary, 'traditional') : summary
    const to = await this.roomFor(a.groupId)
    if (text && to) {
      // The person who signed someone up is the one told (「刘阿姨的婆婆」 is not in the group; 刘阿姨 is).
      const mentions = uniquePeople(outcomes.filter((o) => o.op === 'promoted' && o.byId).map((o) => ({ id: o.byId, name: o.byName || o.name })))
      await this.app.outbox.send({ to, text, mentions, key: `signups:summary:${activityId}:${window}`, priority: 'summary' })
    } else if (text) this.app.log.warn({ activityId, groupId: a.groupId }, 'signups: no room known for the summary')
    await this.store.release(activityId, window)
    await this.app.redis.del(this.scriptsKey(activityId, window))
  }

  /** The scripts those in one summary window wrote their sign-ups in. */
  private scriptsKey(activityId: number, window: string): string {
    return this.app.key('signups', 'scripts', String(activityId), window)
  }

  /** Changes capacity; people moved up from the waitlist are told in the next summary. */
  async resize(a: Activity, capacity: number): Promise<void> {
    const res = await this.store.resize(a.id, capacity, this.now(), this.settings.batchWindowMs)
    await this.scheduleSummary(a.id, res)
  }

  // ---------------------------------------------------------------- activities

  /** `source` is the host's announcement as written: "限15组家庭" already says how places count. */
  async publish(input: NewActivity, to: Conversation, source = ''): Promise<Activity> {
    const family = placesByFamily(source) ? { countRule: 'family' as const } : {}
    const a = await this.store.create({ ...input, ...family }, this.now())
    const live = await this.store.live(a.groupId, this.now())
    const open = live.filter((x) => x.status === 'open')
    await this.app.outbox.send({ to, text: texts.announcement(a, this.tz, open.length > 1), key: `signups:announce:${a.id}` })
    await this.store.setLast(a.groupId, { related: true, at: this.now(), activityId: a.id })
    // Sign-ups that raced this announcement, in the order they came.
    await this.held.drain(a.groupId, (h) => this.enqueue({ op: 'join', activityId: h.activityId ?? a.id, msgId: h.msgId, by: h.by, people: h.people, traditional: h.traditional }))
    await this.scheduleReminders(a)
    return a
  }

  /**
   * A parent-child activity whose notice does not say how a parent with a child counts: the host is asked
   * privately, once (until then every person takes a place). True when the question is now pending.
   */
  async countRuleUnclear(a: Activity, source: string): Promise<boolean> {
    if (a.countRule || !PARENT_CHILD.test(`${a.title}${a.notes}`) || COUNT_RULE_SAID.test(`${a.notes} ${source}`) || !a.hostId) return false
    await this.pending.set(a.groupId, a.hostId, { kind: 'count_rule', activityId: a.id }, 7 * 24 * 3600)
    return true
  }

  /** True the first time `what` is asked about within `ttlSec` (a note said once, not after every sign-up). */
  async firstTime(what: string, ttlSec: number): Promise<boolean> {
    return (await this.app.redis.set(this.app.key('signups', 'once', what), '1', 'EX', ttlSec, 'NX')) === 'OK'
  }

  roomFor(groupId: string): Promise<Conversation | undefined> {
    return this.app.resolveRoom(groupId)
  }

  // ---------------------------------------------------------------- reminders

  async scheduleReminders(a: Activity, previousVersion?: number): Promise<void> {
    if (previousVersion !== undefined) await this.removeReminders(a.id, previousVersion)
    if (a.status === 'cancelled') return
    const group = this.app.config.groups.find((g) => g.id === a.groupId)
    const times = reminderTimes({ startAt: a.startAt, now: this.now(), tz: this.tz, settings: this.settings, quiet: group?.quietHours })
    for (const [kind, at] of Object.entries(times) as [RemindKind, number][]) {
      await this.remind.add(jobIds.remind(a.id, kind, a.version), { activityId: a.id, kind, version: a.version }, { at })
    }
  }

  async removeReminders(activityId: number, version: number): Promise<void> {
    for (const kind of ['daybefore', 'soon'] as const) await this.remind.remove(jobIds.remind(activityId, kind, version))
  }

  /** A one-off reminder only for those signed up to an activity, @-mentioning the people who signed them up. */
  async remindSignedUp(a: Activity, at: number, content: string, msgId: string): Promise<void> {
    const key = `signups:remind-custom:${a.id}:${msgId}`
    await this.custom.add(key, { activityId: a.id, content, key }, { at })
  }

  async sendCustomReminder(job: z.infer<typeof customRemindSchema>): Promise<void> {
    const a = await this.store.get(job.activityId)
    if (!a || a.status === 'cancelled') return
    const { confirmed } = await this.store.roster(a.id)
    const people = uniquePeople(confirmed.filter((e) => e.byId).map((e) => ({ id: e.byId, name: e.byName || e.name })))
    const to = await this.roomFor(a.groupId)
    if (!to || people.length === 0) return
    await this.app.outbox.send({ to, text: texts.remindCustom(a, job.content), mentions: people, key: job.key, priority: 'reminder' })
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
      for (const p of people) await this.app.outbox.send({ to: { kind: 'private', contactId: p.id, name: p.name }, text: texts.remindPrivate(a, this.tz), key: `${key}:${p.id}`, priority: 'reminder' })
      return
    }
    const to = await this.roomFor(a.groupId)
    if (!to) return void this.app.log.warn({ activityId: a.id }, 'signups: no room known for the reminder')
    const mentioned = new Set(people.map((p) => p.id))
    // Names without a WeChat contact (pasted 接龙 lines, family members) are listed in the text.
    const named = confirmed.filter((e) => !e.byId || !mentioned.has(e.byId) || e.name !== e.byName).map((e) => e.name)
    const text = job.kind === 'daybefore' ? texts.remindDayBefore(a, this.tz, named) : texts.remindSoon(a, this.tz, named)
    await this.app.outbox.send({ to, text, mentions: people, key, priority: 'reminder' })
  }
}

const PARENT_CHILD = /亲子|带娃|带孩子|家长和孩子|大手拉小手|家庭/u
const COUNT_RULE_SAID = /一大一小|每组|每户|每个家庭|按家庭|按户|按人|每人|孩子(?:不|也)?(?:另|单独)?占|组家庭/u

function uniquePeople(list: Person[]): Person[] {
  const seen = new Map<string, Person>()
  for (const p of list) if (!seen.has(p.id)) seen.set(p.id, p)
  return [...seen.values()]
}
