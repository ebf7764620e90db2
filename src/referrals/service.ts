// The referral service: the consent conversation, case creation, staff notices, staff commands,
// escalation and purge. index.ts turns it into routes and jobs; tests drive it through the bot.
import { z } from 'zod'
import type { App, Context, JobQueue } from '../core/capability.ts'
import { type GroupConfig, groupById } from '../config.ts'
import { UserError } from '../core/errors.ts'
import { type Person, privateOf } from '../core/message.ts'
import { type Category, CATEGORIES, URGENCIES } from './categories.ts'
import { CaseStore, localDate, shortTime } from './cases.ts'
import { type Classification, classifyRules } from './classify.ts'
import { classifyWithLlm, mergeClassifications } from './classify-llm.ts'
import type { StaffCommand } from './commands.ts'
import { type Flow, FlowStore, readConsent, readContact, isCancel } from './flow.ts'
import { People, refersTo } from './people.ts'
import type { ReferralSettings } from './settings.ts'
import { type Case, TransitionError } from './state.ts'
import { referralTexts as T, type StaffCaseView } from './texts.ts'

const person = z.object({ id: z.string(), name: z.string() })

/** What the create job needs, kept in Redis under a TTL rather than in the job payload (which BullMQ keeps for days). */
const pendingSchema = z.object({
  groupId: z.string(),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES),
  medical: z.boolean(),
  resident: person,
  description: z.string(),
  contact: z.string().optional(),
  consent: z.boolean(),
  consentBasis: z.enum(['resident', 'emergency-policy']),
  source: z.enum(['group', 'private', 'transfer']),
  at: z.number(),
})
type Pending = z.infer<typeof pendingSchema>

export const createJobSchema = z.object({ origin: z.string().min(1) })
export const escalateJobSchema = z.object({ caseId: z.string().min(1), step: z.number().int().min(1) })
export const supplementJobSchema = z.object({ origin: z.string().min(1), key: z.string().min(1) })
export const purgeJobSchema = z.object({ day: z.string() })

const PENDING_TTL_SEC = 7 * 24 * 3600
const CLS = Symbol.for('weijia.referrals.classification')
const DAY_MS = 24 * 3600 * 1000

export interface Queues {
  create: JobQueue<z.infer<typeof createJobSchema>>
  escalate: JobQueue<z.infer<typeof escalateJobSchema>>
  supplement: JobQueue<z.infer<typeof supplementJobSchema>>
  purge: JobQueue<z.infer<typeof purgeJobSchema>>
}

export class ReferralService {
  readonly cases: CaseStore
  readonly flows: FlowStore
  readonly people: People
  queues!: Queues
  private readonly log

  constructor(
    private readonly app: App,
    readonly settings: ReferralSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.cases = new CaseStore(app.redis, app.key, app.config.timezone)
    this.flows = new FlowStore(app.redis, (id) => app.key('referrals', 'flow', id), settings.flowTtlMin * 60)
    this.people = new People(app, app.redis, app.key('referrals', 'people'))
    this.log = app.log.child({ capability: 'referrals' })
  }

  // ---------- classification ----------

  /** Rules only: synchronous, used before anything else (emergencies never wait for a model). */
  rules(ctx: Context): Classification {
    const cached = ctx.state[CLS as unknown as string] as Classification | undefined
    if (cached) return cached
    const c = classifyRules(ctx.msg.text)
    ctx.state[CLS as unknown as string] = c
    return c
  }

  /** Rules, refined by the LLM when one is configured and the message is addressed to the bot. */
  async classify(ctx: Context): Promise<Classification> {
    const key = `${String(CLS)}:llm`
    const cached = ctx.state[key] as Classification | undefined
    if (cached) return cached
    const rules = this.rules(ctx)
    let result = rules
    // Private chat: always (colloquial requests are what the model is for). A group mention: only when the
    // rules see a topic or someone's own story, so ordinary questions to the bot don't wait for a model.
    const worthAsking =
      ctx.msg.conversation.kind === 'private'
        ? ctx.msg.text.trim().length >= 4 || rules.kind !== 'none'
        : ctx.msg.mentioned && (rules.kind !== 'none' || rules.signals.includes('personal'))
    if (this.app.llm && rules.urgency !== '紧急' && worthAsking) {
      try {
        result = mergeClassifications(rules, await classifyWithLlm(this.app.llm, ctx.msg.text, this.settings.llmTimeoutMs))
      } catch (err) {
        ctx.log.warn({ err }, 'llm classification failed: rules decide')
      }
    }
    ctx.log.debug({ kind: result.kind, category: result.category, urgency: result.urgency, signals: result.signals }, 'classified')
    ctx.state[key] = result
    return result
  }

  // ---------- entry points from routes ----------

  /** An emergency: the numbers first, then staff (by policy or consent), then the private conversation. */
  async emergency(ctx: Context, cls: Classification, opts: { personalData?: boolean } = {}): Promise<void> {
    const h = { medical: cls.medical, selfHarm: cls.selfHarm }
    const me = ctx.msg.sender
    const forward = this.settings.emergencyWithoutConsent
    const inGroup = ctx.msg.conversation.kind === 'room'
    // The very first message: numbers, nothing of what they wrote, before any other lookup.
    // Urgent: ahead of whatever the group's outbox already holds.
    if (inGroup) await ctx.reply(`${T.groupEmergency(h)}${opts.personalData ? `\n${T.recallAdvice}` : ''}`, { urgent: true })
    // Already forwarded a moment ago: add to that case instead of opening another.
    const recentKey = this.app.key('referrals', 'recent', me.id)
    const recent = forward ? await this.app.redis.get(recentKey) : null
    const privateText = recent ? T.emergencyAgain(h) : forward ? T.emergencyForwarded(h) : T.emergencyAskConsent(h)
    if (inGroup) await ctx.whisper(privateText, { sensitive: true, urgent: true })
    else await ctx.reply(privateText, { urgent: true })
    ctx.log.warn({ category: cls.category, signals: cls.signals.filter((s) => !s.startsWith('category')), repeat: !!recent }, 'emergency help request')
    if (recent) return this.supplement(ctx, recent)
    const flow = this.newFlow(ctx, cls, { description: ctx.msg.text.trim() })
    if (forward) {
      await this.submit(me, flow, 'emergency-policy')
      await this.app.redis.set(recentKey, flow.origin, 'EX', Math.max(60, Math.round(this.settings.flowTtlMin * 60)))
      await this.flows.set(me.id, { ...flow, step: 'emergency-contact' })
    } else {
      await this.flows.set(me.id, { ...flow, step: 'consent' })
    }
  }

  /** More words from a resident whose case was already forwarded: to the staff holding it. */
  private async supplement(ctx: Context, origin: string): Promise<void> {
    await this.app.redis.set(this.app.key('referrals', 'supplement', ctx.msg.id), ctx.msg.text.trim().slice(0, 500), 'EX', PENDING_TTL_SEC)
    await this.queues.supplement.add(`referral-supplement:${ctx.msg.id}`, { origin, key: ctx.msg.id })
  }

  /** A request for help (not an emergency): a short note in the group, the rest in private. */
  async request(ctx: Context, cls: Classification, opts: { personalData?: boolean; question?: string; source?: Flow['source'] } = {}): Promise<void> {
    if (cls.urgency === '紧急') return this.emergency(ctx, cls, opts)
    const inGroup = ctx.msg.conversation.kind === 'room'
    if (inGroup) await ctx.reply(opts.personalData ? T.recallAndPrivately : T.groupPrivately)
    const initial = opts.question ?? ctx.msg.text.trim()
    const flow = this.newFlow(ctx, cls, { description: substantive(initial, cls) ? initial : undefined, question: opts.question, source: opts.source })
    await this.flows.set(ctx.msg.sender.id, flow)
    await ctx.whisper(T.askConsent(flow.category, opts.question), { sensitive: true })
    ctx.log.info({ category: cls.category, source: flow.source }, 'help request: asking consent')
  }

  /** 转人工: the Q&A could not answer; offer to pass the last question on. */
  async transfer(ctx: Context): Promise<void> {
    const question = await this.lastQuestion(ctx)
    const cls = question ? classifyRules(question) : classifyRules('')
    await this.request(ctx, { ...cls, urgency: cls.urgency, kind: 'help' }, { question, source: 'transfer' })
  }

  /** The resident answers in the private conversation. */
  async answer(ctx: Context, flow: Flow): Promise<void> {
    const me = ctx.msg.sender
    const text = ctx.msg.text.trim()
    if (flow.step === 'emergency-contact') {
      // The case exists (or is being created): what they add goes to staff.
      await this.flows.clear(me.id)
      if (!isCancel(text)) await this.supplement(ctx, flow.origin)
      return ctx.reply(T.emergencyContactNoted)
    }
    if (isCancel(text)) {
      await this.flows.clear(me.id)
      return ctx.reply(T.cancelled)
    }
    if (flow.step === 'consent') {
      const a = readConsent(text)
      if (a === 'no' || a === 'cancel') {
        await this.flows.clear(me.id)
        ctx.log.info({ category: flow.category }, 'help request: declined, nothing forwarded')
        return ctx.reply(T.declined)
      }
      if (a === 'other') {
        // A longer answer is more of their story: keep it and ask again.
        const more = text.length >= 6 ? { description: [flow.description, text].filter(Boolean).join('\n').slice(0, 1000) } : {}
        if (flow.tries >= 2) {
          await this.flows.clear(me.id)
          return ctx.reply(T.flowGaveUp)
        }
        await this.flows.set(me.id, { ...flow, ...more, tries: flow.tries + 1 })
        return ctx.reply(T.askConsentAgain)
      }
      return this.advance(ctx, { ...flow, step: 'contact', tries: 0 })
    }
    if (flow.step === 'contact') return this.advance(ctx, { ...flow, contact: readContact(text) })
    if (flow.step === 'describe') {
      if (text.replace(/[\p{P}\s]/gu, '').length < 4 && flow.tries < 1) {
        await this.flows.set(me.id, { ...flow, tries: flow.tries + 1 })
        return ctx.reply(T.descriptionTooShort)
      }
      return this.advance(ctx, { ...flow, description: [flow.description, text].filter(Boolean).join('\n').slice(0, 1000) })
    }
  }

  /** Asks for what is missing, or submits when consent, contact and description are all there. */
  private async advance(ctx: Context, flow: Flow): Promise<void> {
    const me = ctx.msg.sender
    if (flow.contact === undefined) {
      await this.flows.set(me.id, { ...flow, step: 'contact' })
      return ctx.reply(T.askContact)
    }
    if (!flow.description) {
      await this.flows.set(me.id, { ...flow, step: 'describe', tries: 0 })
      return ctx.reply(T.askDescription)
    }
    await this.flows.clear(me.id)
    await this.submit(me, flow, 'resident')
  }

  private newFlow(ctx: Context, cls: Classification, extra: Partial<Flow>): Flow {
    return {
      step: 'consent',
      origin: ctx.msg.id,
      groupId: this.groupOf(ctx).id,
      category: cls.category,
      urgency: cls.urgency,
      medical: cls.medical,
      source: ctx.msg.conversation.kind === 'room' ? 'group' : 'private',
      tries: 0,
      ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
    }
  }

  /** The resident's 微家: the message's group, or (private chat with no known group) the first configured one. */
  private groupOf(ctx: Context): GroupConfig {
    return (ctx.msg.groupId && groupById(this.app.config, ctx.msg.groupId)) || this.app.config.groups[0]!
  }

  /** The resident's last question from the Q&A's follow-up memory (same conversation, same sender). */
  private async lastQuestion(ctx: Context): Promise<string | undefined> {
    const c = ctx.msg.conversation
    const conv = c.kind === 'room' ? c.roomId : `p:${c.contactId}`
    const q = await this.app.redis.get(this.app.key('qa', 'followup', conv, ctx.msg.sender.id))
    return q?.trim() || undefined
  }

  /** Hands the request to the create job: the details wait in Redis under a TTL, the job carries only the origin. */
  async submit(resident: Person, flow: Flow, basis: Pending['consentBasis']): Promise<void> {
    const pending: Pending = {
      groupId: flow.groupId,
      category: flow.category,
      urgency: flow.urgency,
      medical: flow.medical,
      resident,
      description: flow.description ?? flow.question ?? '',
      contact: flow.contact,
      consent: basis === 'resident',
      consentBasis: basis,
      source: flow.source,
      at: this.now(),
    }
    await this.app.redis.set(this.app.key('referrals', 'pending', flow.origin), JSON.stringify(pending), 'EX', PENDING_TTL_SEC)
    await this.queues.create.add(`referral:${flow.origin}`, { origin: flow.origin })
  }

  // ---------- jobs ----------

  async processCreate(origin: string): Promise<void> {
    const pendingKey = this.app.key('referrals', 'pending', origin)
    let id = await this.cases.idForOrigin(origin)
    let c = id ? await this.cases.get(id) : undefined
    if (!c) {
      const raw = await this.app.redis.get(pendingKey)
      if (!raw) {
        this.log.warn({ origin }, 'referral job without pending request (expired?)')
        return
      }
      const p = pendingSchema.parse(JSON.parse(raw))
      const now = this.now()
      id = await this.cases.claimOrigin(origin, id ?? (await this.cases.nextId(now)))
      await this.cases.create({
        id,
        origin,
        groupId: p.groupId,
        category: p.category,
        urgency: p.urgency,
        medical: p.medical,
        resident: p.resident,
        description: p.description,
        contact: p.contact,
        consent: p.consent,
        consentBasis: p.consentBasis,
        source: p.source,
        status: 'new',
        notified: [],
        escalations: 0,
        createdAt: now,
        updatedAt: now,
        notes: [],
        audit: [{ at: now, by: '系统', action: 'created', detail: p.consentBasis === 'emergency-policy' ? '紧急情况，未经同意先转' : '居民同意转介' }],
      })
      c = (await this.cases.get(id))!
    }
    const group = groupById(this.app.config, c.groupId)
    const staff = await this.resolveAll(this.targetsFor(group, c.category))
    if (c.notified.length === 0 && staff.length > 0) c = (await this.cases.apply(c.id, { type: 'notify', staff }, this.now())) ?? c
    if (staff.length === 0) this.log.error({ caseId: c.id, groupId: c.groupId, category: c.category }, 'no staff member could be found for a referral: escalating to the supervisor')
    const view = this.view(c)
    for (const s of c.notified) {
      await this.app.outbox.send({ sensitive: true, urgent: c.urgency === '紧急', to: privateOf(await this.reach(s)), text: T.staffAlert(view), key: `referral:${c.id}:alert:${s.name}` })
    }
    await this.staffRoomNotice(c)
    await this.app.outbox.send({ sensitive: true, to: privateOf(c.resident), text: T.caseCreated(c.id), key: `referral:${c.id}:created` })
    this.log.info({ caseId: c.id, category: c.category, urgency: c.urgency, groupId: c.groupId, staff: c.notified.length }, 'referral case created')
    // Nobody to tell: escalate at once rather than after the timeout.
    await this.queues.escalate.add(`${c.id}:escalate:1`, { caseId: c.id, step: 1 }, { at: staff.length ? c.createdAt + this.ackTimeoutMs(c) : this.now() })
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
      for (const s of recipients) await this.app.outbox.send({ sensitive: true, to: privateOf(await this.reach(s)), text: T.staffSupplement(c.id, text), key: `referral:${c.id}:supplement:${key}:${s.name}` })
    }
    await this.app.redis.del(textKey)
  }

  async processEscalate(caseId: string, step: number): Promise<void> {
    const c = await this.cases.get(caseId)
    if (!c || c.status !== 'new') return
    const group = groupById(this.app.config, c.groupId)
    const minutes = (this.ackTimeoutMs(c) * step) / 60_000
    const recipients = c.assignee ? [c.assignee] : c.notified
    const view = this.view(c)
    for (const s of recipients) await this.app.outbox.send({ sensitive: true, to: privateOf(await this.reach(s)), text: T.staffReminder(view, minutes), key: `referral:${c.id}:remind:${step}:${s.name}` })
    const supervisorRef = group?.supervisor
    const supervisor = supervisorRef ? await this.people.lookup(supervisorRef) : undefined
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
      await this.queues.escalate.add(`${c.id}:escalate:${step + 1}`, { caseId: c.id, step: step + 1 }, { at: c.createdAt + this.ackTimeoutMs(c) * (step + 1) })
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
    await this.queues.purge.add(`referral-purge:${localDate(at, this.app.config.timezone)}`, { day: localDate(at, this.app.config.timezone) }, { at })
  }

  // ---------- staff ----------

  async staff(ctx: Context, cmd: StaffCommand): Promise<void> {
    const me = ctx.msg.sender
    const now = this.now()
    if (cmd.type === 'mine') {
      const all = await this.cases.list()
      const mine = all.filter((c) => c.status !== 'closed' && (c.assignee ? c.assignee.id === me.id : c.notified.some((p) => p.id === me.id)))
      if (mine.length === 0) return ctx.reply(T.myCasesEmpty)
      const lines = mine.map((c) => T.caseLine(c.id, c.category, c.urgency, c.status, shortTime(c.createdAt, this.app.config.timezone)))
      return ctx.reply(T.myCases(lines))
    }
    const c = await this.cases.get(cmd.id)
    if (!c) throw new UserError(T.notFound(cmd.id))
    if (!this.canAct(me, c)) {
      ctx.log.warn({ caseId: c.id, staff: me.name }, 'refused: case of another group')
      throw new UserError(T.notYours(cmd.id))
    }
    try {
      switch (cmd.type) {
        case 'ack': {
          const next = (await this.cases.apply(c.id, { type: 'acknowledge', by: me }, now))!
          await this.cancelEscalation(c.id)
          await this.app.outbox.send({ sensitive: true, to: privateOf(next.resident), text: T.caseAcknowledged(c.id, me.name), key: `referral:${c.id}:acknowledged` })
          ctx.log.info({ caseId: c.id }, 'referral acknowledged')
          return ctx.reply(T.ackOk(c.id))
        }
        case 'note':
          await this.cases.apply(c.id, { type: 'note', by: me, text: cmd.text }, now)
          return ctx.reply(T.noteOk(c.id))
        case 'transfer': {
          const group = groupById(this.app.config, c.groupId)
          const ref = this.eligibleRefs(group, c.category).find((r) => r === cmd.to)
          const target = ref ? await this.people.lookup(ref) : undefined
          if (!target) throw new UserError(T.unknownStaff(cmd.to))
          const next = (await this.cases.apply(c.id, { type: 'transfer', by: me, to: target }, now))!
          await this.app.outbox.send({ sensitive: true, to: privateOf(target), text: T.transferred(this.view(next), me.name), key: `referral:${c.id}:transfer:${now}` })
          ctx.log.info({ caseId: c.id }, 'referral transferred')
          return ctx.reply(T.transferOk(c.id, target.name))
        }
        case 'close': {
          const next = (await this.cases.apply(c.id, { type: 'close', by: me, result: cmd.result }, now))!
          await this.cancelEscalation(c.id)
          await this.app.outbox.send({ sensitive: true, to: privateOf(next.resident), text: T.caseClosed(c.id), key: `referral:${c.id}:closed` })
          ctx.log.info({ caseId: c.id }, 'referral closed')
          return ctx.reply(T.closeOk(c.id))
        }
      }
    } catch (err) {
      if (!(err instanceof TransitionError)) throw err
      const msg = { closed: T.alreadyClosed(c.id), taken: T.alreadyTaken(c.id, err.holder ?? '其他工作人员'), 'already-yours': T.alreadyYours(c.id), 'ack-first': T.ackFirst(c.id), 'not-new': T.alreadyTaken(c.id, err.holder ?? '其他工作人员') }[err.code]
      throw new UserError(msg)
    }
  }

  /**
   * Best effort: a job running right now cannot be removed, and need not be — an escalation for a case
   * that is no longer new does nothing. Failing here must not keep the resident from being told.
   */
  private async cancelEscalation(caseId: string): Promise<void> {
    for (let step = 1; step <= this.settings.maxEscalations; step++) {
      await this.queues.escalate.remove(`${caseId}:escalate:${step}`).catch((err: unknown) => this.log.debug({ err, caseId, step }, 'escalation not removed'))
    }
  }

  // ---------- routing to staff ----------

  targetsFor(group: GroupConfig | undefined, category: Category): string[] {
    const routed = this.settings.routes[category]
    return routed?.length ? [...routed] : [...(group?.staff ?? [])]
  }

  /** Who may hold a case: the group's staff, the category's route, the supervisor. */
  eligibleRefs(group: GroupConfig | undefined, category: Category): string[] {
    return [...new Set([...(group?.staff ?? []), ...(this.settings.routes[category] ?? []), ...(group?.supervisor ? [group.supervisor] : [])])]
  }

  canAct(me: Person, c: Case): boolean {
    if (c.assignee?.id === me.id || c.notified.some((p) => p.id === me.id)) return true
    return this.eligibleRefs(groupById(this.app.config, c.groupId), c.category).some((r) => refersTo(r, me))
  }

  /** Every configured person a referral may go to: remembered when they message the bot. */
  isReferralStaff(p: Person): boolean {
    return this.app.config.groups.some((g) => CATEGORIES.some((cat) => this.eligibleRefs(g, cat).some((r) => refersTo(r, p))))
  }

  /**
   * A staff member as reachable now: contact ids can change between logins on some puppets, so look them
   * up again (by id, then by the configured name). Never used for residents: names are not unique, and a
   * case notice sent to the wrong person would be a breach.
   */
  private async reach(p: Person): Promise<Person> {
    return (await this.people.directory(p.id)) ?? (await this.people.directory(p.name)) ?? (await this.people.seen(p.name)) ?? p
  }

  private async resolveAll(refs: string[]): Promise<Person[]> {
    const found: Person[] = []
    for (const ref of refs) {
      const p = await this.people.lookup(ref)
      if (p && !found.some((f) => f.id === p.id)) found.push(p)
      if (!p) this.log.warn({ staff: ref }, 'referral staff member not found (configure the contact id, or ask them to message the bot once)')
    }
    return found
  }

  private async staffRoomNotice(c: Case): Promise<void> {
    const topic = this.settings.staffRoomTopic
    if (!topic) return
    const roomId = await this.app.redis.get(this.app.key('referrals', 'staffroom'))
    if (!roomId) {
      this.log.warn({ topic }, 'staff room not seen yet: its notice is skipped (post once in it so the bot learns it)')
      return
    }
    await this.app.outbox.send({ to: { kind: 'room', roomId, topic }, text: T.staffRoomNotice(c.id, c.category, c.urgency), key: `referral:${c.id}:staffroom` })
  }

  async rememberStaffRoom(roomId: string): Promise<void> {
    await this.app.redis.set(this.app.key('referrals', 'staffroom'), roomId)
  }

  private ackTimeoutMs(c: Pick<Case, 'urgency'>): number {
    return this.settings.ackTimeoutMin[c.urgency] * 60_000
  }

  private view(c: Case): StaffCaseView {
    return {
      id: c.id,
      category: c.category,
      urgency: c.urgency,
      groupName: groupById(this.app.config, c.groupId)?.name ?? c.groupId,
      residentName: c.resident.name,
      contact: c.contact,
      description: [c.description, ...c.notes.filter((n) => n.by === '居民').map((n) => `（补充）${n.text}`)].filter(Boolean).join('\n'),
      consent: c.consent,
    }
  }
}

/** Is the first message itself a usable description (not just "帮帮我")? */
function substantive(text: string, cls: Classification): boolean {
  const core = text.replace(/[\p{P}\s]/gu, '')
  return core.length >= 6 && !(cls.category === '其他' && core.length < 10)
}
