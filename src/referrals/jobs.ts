// The durable side of referrals: creating a case from a consented request, adding what the resident says
// afterwards, escalating unacknowledged cases, and the daily purge. Job ids are business ids (the origin
// message, the case id and step, the local date), so a redelivery or a restart never doubles anything.
import { z } from 'zod'
import type { App, JobQueue } from '../core/capability.ts'
import { type Person, personSchema, privateOf } from '../core/message.ts'
import { groupById } from '../config.ts'
import { CaseStore, localDate } from './cases.ts'
import { helpRequestSchema, toResident } from './request.ts'
import type { ReferralSettings } from './settings.ts'
import type { StaffTargets } from './targets.ts'
import { type ConsentBasis, TransitionError } from './state.ts'
import { referralTexts as T } from './texts.ts'

/** What the create job needs, kept in Redis under a TTL rather than in the job payload (which BullMQ keeps for days). */
export const pendingSchema = helpRequestSchema.extend({
  resident: personSchema,
  description: z.string(),
  consent: z.boolean(),
  consentBasis: z.enum(['resident', 'emergency-policy', 'third-party']),
  at: z.number(),
})
export type Pending = z.infer<typeof pendingSchema>

const createJobSchema = z.object({ origin: z.string().min(1) })
const escalateJobSchema = z.object({ caseId: z.string().min(1), step: z.number().int().min(1) })
const supplementJobSchema = z.object({ origin: z.string().min(1), key: z.string().min(1) })
const purgeJobSchema = z.object({ day: z.string() })

const PENDING_TTL_SEC = 7 * 24 * 3600
const DAY_MS = 24 * 3600 * 1000

export class ReferralJobs {
  private readonly create: JobQueue<z.infer<typeof createJobSchema>>
  private readonly escalate: JobQueue<z.infer<typeof escalateJobSchema>>
  private readonly supplementQueue: JobQueue<z.infer<typeof supplementJobSchema>>
  private readonly purgeQueue: JobQueue<z.infer<typeof purgeJobSchema>>
  private readonly log

  constructor(
    private readonly app: App,
    private readonly settings: ReferralSettings,
    private readonly cases: CaseStore,
    private readonly targets: StaffTargets,
    private readonly now: () => number,
  ) {
    this.log = app.log.child({ capability: 'referrals' })
    this.create = app.jobs.define({ name: 'referrals-create', schema: createJobSchema, attempts: 5, process: (d) => this.processCreate(d.origin) })
    this.escalate = app.jobs.define({ name: 'referrals-escalate', schema: escalateJobSchema, attempts: 5, process: (d) => this.processEscalate(d.caseId, d.step) })
    this.supplementQueue = app.jobs.define({ name: 'referrals-supplement', schema: supplementJobSchema, attempts: 6, process: (d) => this.processSupplement(d.origin, d.key) })
    this.purgeQueue = app.jobs.define({
      name: 'referrals-purge',
      schema: purgeJobSchema,
      process: async () => {
        await this.purge()
        await this.scheduleDailyPurge()
      },
    })
  }

  /** Hands a request to the create job: the details wait in Redis under a TTL, the job carries only the origin. */
  async submit(origin: string, pending: Omit<Pending, 'at'>): Promise<void> {
    const full: Pending = { ...pending, at: this.now() }
    await this.app.redis.set(this.pendingKey(origin), JSON.stringify(full), 'EX', PENDING_TTL_SEC)
    await this.create.add(`referral:${origin}`, { origin })
  }

  /** More words from a resident whose case was already forwarded: to the staff holding it. */
  async supplement(origin: string, msgId: string, text: string): Promise<void> {
    await this.app.redis.set(this.app.key('referrals', 'supplement', msgId), text.trim().slice(0, 500), 'EX', PENDING_TTL_SEC)
    await this.supplementQueue.add(`referral-supplement:${msgId}`, { origin, key: msgId })
  }

  /**
   * Best effort: a job running right now cannot be removed, and need not be — an escalation for a case
   * that is no longer new does nothing. Failing here must not keep the resident from being told.
   */
  async cancelEscalation(caseId: string): Promise<void> {
    for (let step = 1; step <= this.settings.maxEscalations; step++) {
      await this.escalate.remove(`${caseId}:escalate:${step}`).catch((err: unknown) => this.log.debug({ err, caseId, step }, 'escalation not removed'))
    }
  }

  /** Deletes cases closed longer ago than the retention; returns how many. */
  async purge(): Promise<number> {
    const ids = await this.cases.purgeClosed(this.now() - this.settings.retentionDays * DAY_MS)
    if (ids.length) this.log.info({ purged: ids.length }, 'closed referral cases purged after retention')
    return ids.length
  }

  /** One purge job per local day, each scheduling the next (ids are dates, so restarts never double it). */
  async scheduleDailyPurge(): Promise<void> {
    const at = this.now() + DAY_MS
    const day = localDate(at, this.app.config.timezone)
    await this.purgeQueue.add(`referral-purge:${day}`, { day }, { at })
  }

  private pendingKey(origin: string): string {
    return this.app.key('referrals', 'pending', origin)
  }

  async processCreate(origin: string): Promise<void> {
    const pendingKey = this.pendingKey(origin)
    let id = await this.cases.idForOrigin(origin)
    let c = id ? await this.cases.get(id) : undefined
    if (!c) {
      const raw = await this.app.redis.get(pendingKey)
      if (!raw) {
        this.log.warn({ origin }, 'referral job without pending request (expired?)')
        return
      }
      const { at: _at, ...p } = pendingSchema.parse(JSON.parse(raw))
      const now = this.now()
      id = await this.cases.claimOrigin(origin, id ?? (await this.cases.nextId(now)))
      await this.cases.create({
        ...p,
        id,
        origin,
        status: 'new',
        notified: [],
        escalations: 0,
        createdAt: now,
        updatedAt: now,
        notes: [],
        audit: [{ at: now, by: '系统', action: 'created', detail: p.consentBasis === 'emergency-policy' ? '紧急情况，未经同意先转' : p.consentBasis === 'third-party' ? '他人代为反映' : '居民同意转介' }],
      })
      c = (await this.cases.get(id))!
    }
    const group = groupById(this.app.config, c.groupId)
    const staff = await this.targets.resolveAll(this.targets.targetsFor(group, c.category))
    if (c.notified.length === 0 && staff.length > 0) c = (await this.cases.apply(c.id, { type: 'notify', staff }, this.now())) ?? c
    if (staff.length === 0) this.log.error({ caseId: c.id, groupId: c.groupId, category: c.category }, 'no staff member could be found for a referral: escalating to the supervisor')
    const view = this.targets.view(c)
    for (const s of c.notified) {
      await this.app.outbox.send({ sensitive: true, urgent: c.urgency === '紧急', to: privateOf(await this.targets.reach(s)), text: T.staffAlert(view), key: `referral:${c.id}:alert:${s.name}` })
    }
    await this.targets.staffRoomNotice(c)
    await this.app.outbox.send({ sensitive: true, to: privateOf(c.resident), text: toResident(c, T.caseCreated(c.id)), key: `referral:${c.id}:created` })
    this.log.info({ caseId: c.id, category: c.category, urgency: c.urgency, groupId: c.groupId, staff: c.notified.length }, 'referral case created')
    // Nobody to tell: escalate at once rather than after the timeout.
    await this.escalate.add(`${c.id}:escalate:1`, { caseId: c.id, step: 1 }, { at: staff.length ? c.createdAt + this.targets.ackTimeoutMs(c) : this.now() })
    await this.app.redis.del(pendingKey)
  }

  async processSupplement(origin: string, key: string): Promise<void> {
    const textKey = this.app.key('referrals', 'supplement', key)
    const text = await this.app.redis.get(textKey)
    if (!text) return
    const id = await this.cases.idForOrigin(origin)
    // The create job has not run yet: retry later (the job has attempts with backoff).
    if (!id) throw new Error('case not created yet')
    const c = await this.cases.apply(id, { type: 'supplement', text }, this.now()).catch((err) => {
      if (err instanceof TransitionError) return undefined
      throw err
    })
    if (c) {
      const recipients = c.assignee ? [c.assignee] : c.notified
      for (const s of recipients) {
        await this.app.outbox.send({ sensitive: true, to: privateOf(await this.targets.reach(s)), text: T.staffSupplement(c.id, text), key: `referral:${c.id}:supplement:${key}:${s.name}` })
      }
    }
    await this.app.redis.del(textKey)
  }

  async processEscalate(caseId: string, step: number): Promise<void> {
    const c = await this.cases.get(caseId)
    if (!c || c.status !== 'new') return
    const group = groupById(this.app.config, c.groupId)
    const minutes = (this.targets.ackTimeoutMs(c) * step) / 60_000
    const recipients: Person[] = c.assignee ? [c.assignee] : c.notified
    const view = this.targets.view(c)
    for (const s of recipients) {
      await this.app.outbox.send({ sensitive: true, to: privateOf(await this.targets.reach(s)), text: T.staffReminder(view, minutes), key: `referral:${c.id}:remind:${step}:${s.name}` })
    }
    const supervisorRef = group?.supervisor
    const supervisor = supervisorRef ? await this.targets.people.lookup(supervisorRef) : undefined
    if (supervisor) {
      await this.app.outbox.send({
        sensitive: true,
        to: privateOf(supervisor),
        text: T.supervisorEscalation(view, minutes, recipients.map((p) => p.name)),
        key: `referral:${c.id}:escalate:${step}:${supervisor.name}`,
      })
    } else {
      this.log.error({ caseId: c.id, groupId: c.groupId }, 'no supervisor reachable for an unacknowledged referral')
    }
    await this.cases.apply(c.id, { type: 'escalate', step, to: [...recipients.map((p) => p.name), ...(supervisor ? [supervisor.name] : [])] }, this.now())
    this.log.warn({ caseId: c.id, step, urgency: c.urgency }, 'referral escalated: not acknowledged in time')
    if (step < this.settings.maxEscalations) {
      await this.escalate.add(`${c.id}:escalate:${step + 1}`, { caseId: c.id, step: step + 1 }, { at: c.createdAt + this.targets.ackTimeoutMs(c) * (step + 1) })
    }
  }
}

export type { ConsentBasis }
