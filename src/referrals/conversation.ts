// The resident's side of a referral: emergency numbers first, then the private conversation that asks for
// consent, a contact preference and a short description, and hands the request to the create job.
import type { App, Context } from '../core/capability.ts'
import { herScript } from '../core/her-script.ts'
import { inScript, scriptOf, toSimplified } from '../core/zh/script.ts'
import { privateOf } from '../core/message.ts'
import type { ContactWay, Understanding } from '../nlu/types.ts'
import { type GroupConfig, groupById } from '../config.ts'
import { type Classification, classifyRules } from './classify.ts'
import { type Flow, FlowStore, isCancel, readConsent, readContact } from './flow.ts'
import type { ConsentBasis, ReferralJobs } from './jobs.ts'
import type { ReferralSettings } from './settings.ts'
import { cautionSaid, categoryOfStory, retold, revealsSelf, splitReach, tellsReach } from './story.ts'
import { GROUP_SUPPORT, PRIVATE_SUPPORT } from './support.ts'
import { referralTexts as T, type SupportKind } from './texts.ts'

/** The reporter asks not to be named ("别说是我反映的"). */
const ANONYMOUS = /(?:别|不要|千万别)(?:说|告诉)?.{0,6}是我|匿名|别告诉.{0,6}我|不想让.{0,8}知道/u

/** She cannot phone or speak where she is ("我不敢打电话 他会听见"). */
const CANNOT_CALL = /不敢打|不能打|不方便打|不好打|没法打|不敢接|不能接|不方便接|接不了|听见|听到|不能出声|不敢出声|不能说话|不方便说话|不敢说话|别打电话|不要打电话|别给我打/u

/** What she adds while in danger, as staff read it: urgent, and to be reached in writing when she cannot phone. */
const inDanger = (text: string) => `${T.staffUrgent}${CANNOT_CALL.test(text) ? T.staffTextOnly : ''}${text}`

/** The way she chose is a phone call. */
const BY_PHONE = /^(?:打电话|电话|打我(?:的)?(?:手机|电话)|(?:白天|晚上|中午|上午|下午)?打我(?:手机|电话))/u

/** She asks for someone to be sent ("快叫人来", "快报警", "帮我报警"). */
const SEND_SOMEONE = /叫人|来人|派人|报警|叫警察|快来|救救我|救我/u

/** Thanks or an okay, said instead of the number she was asked for. */
const ACK = /^(?:谢谢|謝謝|感谢|感謝|多谢|好的|好|嗯+|收到|ok|行|可以|麻烦了|麻烦你了|辛苦了|辛苦)[啦了哈呀啊！!。.~～\s]*$/iu
/** When to call her ("晚上七点以后", "周末都行"): an answer to the number question, not a question of her own. */
const CALL_TIME = /[早晚]上|上午|下午|中午|白天|晚上|[0-9一二三四五六七八九十]+点|周末|工作日|随时|都行|都可以/u

export class ReferralConversation {
  constructor(
    private readonly app: App,
    private readonly settings: ReferralSettings,
    readonly flows: FlowStore,
    private readonly jobs: ReferralJobs,
  ) {}

  /** An emergency: the numbers first, then staff (by policy or consent), then the private conversation. */
  async emergency(ctx: Context, cls: Classification, opts: { personalData?: boolean } = {}): Promise<void> {
    const h = { medical: cls.medical, selfHarm: cls.selfHarm, category: cls.category }
    const me = ctx.msg.sender
    const forward = this.settings.emergencyWithoutConsent
    const inGroup = ctx.msg.conversation.kind === 'room'
    // Replayed after a storage outage: the numbers went out directly then (emergencyWithoutStorage); now
    // only the record and the staff alert with a case id.
    const answered = ctx.msg.deferred === true
    // The very first message: numbers, nothing of what they wrote, before any other lookup.
    // Urgent: ahead of whatever the group's outbox already holds.
    if (inGroup && !answered) await ctx.reply(`${T.groupEmergency(h)}${opts.personalData ? `\n${T.recallAdvice}` : ''}`, { urgent: true })
    // Already forwarded a moment ago: add to that case instead of opening another.
    const recentKey = this.app.key('referrals', 'recent', me.id)
    const recent = forward ? await this.app.redis.get(recentKey) : null
    // "我不敢打电话 他在门外能听见": read as danger again, but what she needs is a way to call for help without a sound —
    // and once she has said so, "光明小区3栋502 快来人" is answered that way too, never with "call 110" alone.
    const open = recent ? await this.flows.get(me.id) : undefined
    const saidSilent = CANNOT_CALL.test(ctx.msg.text)
    const silent = saidSilent || (open?.origin === recent && !!open?.silent)
    const first = recent ? T.emergencyAgain(h) : forward ? T.emergencyForwarded(h) : T.emergencyAskConsent(h)
    const again = SEND_SOMEONE.test(ctx.msg.text) ? T.emergencyCannotSend(silent) : saidSilent ? T.emergencySilent : T.emergencySilentNoted
    const privateText = silent ? (recent ? again : `${first}\n${T.silentWay}`) : first
    if (answered) ctx.log.info('emergency replayed after a storage outage: recording it')
    else if (inGroup) await ctx.whisper(privateText, { sensitive: true, urgent: true })
    else await ctx.reply(privateText, { urgent: true })
    ctx.log.warn({ category: cls.category, signals: cls.signals.filter((s) => !s.startsWith('category')), repeat: !!recent }, 'emergency help request')
    if (recent) {
      if (saidSilent && open && open.origin === recent) await this.flows.set(me.id, { ...open, silent: true })
      // Said while in danger: staff read it as urgent (an address, "快来人"), and how she can be reached.
      return this.jobs.supplement(recent, ctx.msg.id, inDanger(ctx.msg.text))
    }
    const flow = { ...this.newFlow(ctx, cls, { description: ctx.msg.text.trim() }), ...(silent ? { silent: true } : {}) }
    if (forward) {
      await this.submit(ctx, flow, 'emergency-policy')
      await this.app.redis.set(recentKey, flow.origin, 'EX', Math.max(60, Math.round(this.settings.flowTtlMin * 60)))
      await this.flows.set(me.id, { ...flow, step: 'emergency-contact' })
    } else {
      await this.flows.set(me.id, { ...flow, step: 'consent' })
    }
  }

  /**
   * Storage is down: nothing can be recorded, so the numbers (and the group's staff, when the chat platform
   * can reach them) go straight to the transport. The message is replayed when storage is back, and then
   * the case is created as usual (see `answered` in emergency()).
   */
  async emergencyWithoutStorage(ctx: Context, cls: Classification): Promise<void> {
    const h = { medical: cls.medical, selfHarm: cls.selfHarm, category: cls.category }
    const me = ctx.msg.sender
    // Straight to the transport, so not through ctx.reply's script: hers by her message alone (nothing to look up).
    const hers = scriptOf(ctx.msg.text) === 'traditional' ? (text: string) => inScript(text, 'traditional') : (text: string) => text
    if (ctx.msg.conversation.kind === 'room') await ctx.sendNow({ to: ctx.msg.conversation, text: hers(T.groupEmergency(h)), mentions: [me], urgent: true })
    const group = this.groupOf(ctx)
    let staffTold = false
    if (this.settings.emergencyWithoutConsent) {
      for (const ref of group.staff) {
        const person = await this.app.resolvePerson(ref).catch(() => undefined)
        if (!person) continue
        await ctx
          .sendNow({ to: privateOf(person), text: T.staffAlertDirect(group.name, me.name, ctx.msg.text.trim().slice(0, 500)), urgent: true })
          .then(() => (staffTold = true))
          .catch((err) => ctx.log.error({ err }, 'storage down: staff alert not sent'))
      }
    }
    await ctx.sendNow({ to: privateOf(me), text: hers(T.emergencyDirect(h, staffTold)), urgent: true })
  }

  /** A request for help (not an emergency): a short note in the group, the rest in private. */
  async request(
    ctx: Context,
    cls: Classification,
    opts: { personalData?: boolean; question?: string; source?: Flow['source']; support?: SupportKind } = {},
  ): Promise<void> {
    if (cls.urgency === '紧急') return this.emergency(ctx, cls, opts)
    const inGroup = ctx.msg.conversation.kind === 'room'
    // A disclosure gets support first (not her fault, the numbers, the private channel); nothing is echoed.
    if (inGroup) await ctx.reply(opts.personalData ? T.recallAndPrivately : opts.support ? GROUP_SUPPORT[opts.support] : T.groupPrivately)
    const initial = opts.question ?? ctx.msg.text.trim()
    // Asked again in the group while her yes is awaited for the same kind of help ("请律师的钱谁出" after "能申请法律援助
    // 吗"): the offer already in her private chat stands, and a second one just like it would be noise. What she
    // said is kept with it, for the staff if she agrees.
    const open = inGroup ? await this.flows.get(ctx.msg.sender.id) : undefined
    if (open?.step === 'consent' && open.category === cls.category) {
      const more = substantive(initial, cls) ? initial : undefined
      await this.flows.set(ctx.msg.sender.id, more ? { ...open, description: open.description ? `${open.description}\n${more}` : more } : open)
      ctx.log.info({ category: cls.category }, 'help request: consent already asked, offer stands')
      return
    }
    const flow = this.newFlow(ctx, cls, { description: substantive(initial, cls) ? initial : undefined, question: opts.question, source: opts.source })
    await this.flows.set(ctx.msg.sender.id, flow)
    const ask = T.askConsent(flow.category, opts.question)
    // "他推我 还不让我回娘家 这算家暴不": asked outright, she hears that it is, what the law counts, and the numbers.
    if (!inGroup && flow.category === '家庭暴力' && ASKS_IF_ABUSE.test(ctx.msg.text)) await ctx.whisper(T.storyHeard('家庭暴力'), { sensitive: true })
    else await ctx.whisper(opts.support && !inGroup ? `${PRIVATE_SUPPORT[opts.support]}${ask}` : ask, { sensitive: true })
    ctx.log.info({ category: cls.category, source: flow.source }, 'help request: asking consent')
  }

  /** Someone reports another person's need: to staff privately (the reporter is who they call back). */
  async thirdParty(ctx: Context, cls: Classification, opts: { personalData?: boolean } = {}): Promise<void> {
    const inGroup = ctx.msg.conversation.kind === 'room'
    if (inGroup) await ctx.reply(opts.personalData ? T.recallAndThirdParty : T.groupThirdParty)
    // Told a moment ago: more about the same person ("就3栋2单元那个小周") is added to that report, not a second case.
    const open = await this.flows.get(ctx.msg.sender.id)
    if (!inGroup && open?.step === 'report-followup') {
      await this.jobs.supplement(open.origin, ctx.msg.id, ctx.msg.text)
      await this.flows.set(ctx.msg.sender.id, open)
      return ctx.reply(T.reportMoreNoted)
    }
    const flow = this.newFlow(ctx, cls, { description: ctx.msg.text.trim() })
    await this.submit(ctx, flow, 'third-party')
    // For a while, what the reporter adds in private (where, who, "派人去看看她吧") goes to the same report.
    if (!open) await this.flows.set(ctx.msg.sender.id, { ...flow, step: 'report-followup' })
    if (inGroup) await ctx.whisper(T.thirdPartyPrivate, { sensitive: true })
    else await ctx.reply(T.thirdPartyPrivate)
    ctx.log.info({ category: cls.category }, 'third-party report forwarded to staff')
  }

  /** A sign-up that voiced a worry: a gentle private word and an open door (a consent question, unpushed). */
  async checkIn(ctx: Context, cls: Classification): Promise<void> {
    const me = ctx.msg.sender
    if (await this.flows.get(me.id)) return
    await this.flows.set(me.id, this.newFlow(ctx, { ...cls, kind: 'help', urgency: '一般' }, { description: ctx.msg.text.trim(), source: 'group' }))
    await ctx.whisper(T.checkIn(cls.category), { sensitive: true })
    ctx.log.info({ category: cls.category }, 'sign-up with a worry: private check-in')
  }

  /** 转人工: the Q&A could not answer; offer to pass the last question on. */
  async transfer(ctx: Context): Promise<void> {
    const question = await this.lastQuestion(ctx)
    const cls = classifyRules(question ?? '')
    await this.request(ctx, { ...cls, kind: 'help' }, { question, source: 'transfer' })
  }

  /** The resident answers in the private conversation. */
  /** Whether he will find out, whether someone comes to the door ("你们会不会告诉他？社工会不会直接上门"): a promise, not a passage. */
  isPrivacyWorry(ctx: Context): boolean {
    return PRIVACY_WORRY.test(toSimplified(ctx.msg.text))
  }

  /** Asked about, in Mandarin or Cantonese, while her yes is awaited and not given with it. */
  privacyWorryDuringConsent(ctx: Context, flow: Flow): boolean {
    const text = ctx.msg.text.trim()
    // Asked, not told: "好 转吧 但别让他知道" is her yes with a caution, for staff.
    return flow.step === 'consent' && readConsent(text) === 'other' && this.isPrivacyWorry(ctx) && /[?？吗么嘛]|会不会|会唔会|會唔會|唔会|是不是|能不能|可不可以/u.test(text) && !/\d{7,}/u.test(text)
  }

  /** Her message while consent is awaited is a question of her own, not a yes, a no or more of her story. */
  questionDuringConsent(ctx: Context, flow: Flow): boolean {
    const text = ctx.msg.text.trim()
    return flow.step === 'consent' && readConsent(text) === 'other' && HER_QUESTION.test(text) && !BOTHER.test(text) && !/\d{7,}/u.test(text)
  }

  /** A question of hers, not a number or a time, while asked for the number to call her on. */
  questionDuringContact(ctx: Context, flow: Flow, intent: string): boolean {
    const text = ctx.msg.text.trim()
    return flow.step === 'contact' && !!flow.askedNumber && intent === 'qa.question' && !/\d{7,}/u.test(text) && !CALL_TIME.test(text)
  }

  /**
   * Her question during consent: kept with her words for staff; asked whether it counts as violence, she hears that
   * it does (true: then only a document that answers outright is added).
   */
  async heardQuestion(ctx: Context, flow: Flow): Promise<boolean> {
    const text = ctx.msg.text.trim()
    await this.flows.set(ctx.msg.sender.id, { ...flow, description: withHerWords(flow, text) })
    if (flow.category !== '家庭暴力' || !ASKS_IF_ABUSE.test(text)) return false
    await ctx.reply(T.isAbuse)
    return true
  }

  async answer(ctx: Context, flow: Flow, u?: Understanding): Promise<void> {
    const me = ctx.msg.sender
    const text = ctx.msg.text.trim()
    // "俺不识几个字 能发语音不": the bot cannot hear voice notes, but staff can; she hears so before anything else.
    if ((flow.step === 'contact' || flow.step === 'describe') && /语音/u.test(text)) await ctx.reply(T.voiceToStaff)
    // "就是想找个人说说" while her yes is awaited: someone to talk to is what staff would give her, so it is no refusal
    // (the understanding read it as one, and she was told 不转了). She hears that, and is asked once more.
    if (flow.step === 'consent' && readConsent(text) === 'other' && WANTS_TO_TALK.test(toSimplified(text))) {
      await this.flows.set(me.id, { ...flow, description: withHerWords(flow, text), tries: flow.tries + 1 })
      return ctx.reply(T.talkOffered)
    }
    // "别让群里知道" when asked how staff should reach her: a caution, not a way to reach her (staff once read it as
    // 联系方式). She hears the promise and the question again; staff read the caution with her story.
    if (flow.step === 'contact' && !flow.askedNumber && cautionSaid(toSimplified(text)) && !tellsReach(text)) {
      await this.flows.set(me.id, { ...flow, description: withHerWords(flow, text) })
      return ctx.reply(T.cautionThenContact)
    }
    // What the understanding read (consent with the contact in one reply, a refusal, a contact preference).
    if (u && (flow.step === 'consent' || flow.step === 'contact')) {
      if (u.intent === 'consent.no' || u.intent === 'consent.withdraw') {
        await this.flows.clear(me.id)
        ctx.log.info({ category: flow.category }, 'help request: declined, nothing forwarded')
        return ctx.reply(T.declined)
      }
      if (u.intent === 'consent.yes' && flow.step === 'consent') {
        const heard = await this.heardStory(ctx, flow, text)
        const contact = contactOf(u.slots.contact, heard.reach)
        // What she says with her yes beyond it ("打电话不方便 他在家 发微信文字就行") is for staff to read as she said it.
        const said = CAUTION.test(heard.reach) ? { description: withHerWords(heard.flow, heard.reach) } : {}
        return this.advance(ctx, { ...heard.flow, ...said, step: 'contact', tries: 0, ...(contact ? { contact } : {}) })
      }
      // An answer to the contact question is kept in her words (staff read "电话，晚上八点以后" as it is); after she
      // was asked for a number, what she gives is added to the way she chose. What she tells beside it goes to 情况.
      if (u.intent === 'contact.preference' && flow.step === 'contact') {
        const heard = await this.heardStory(ctx, flow, text)
        return this.advance(ctx, { ...heard.flow, contact: flow.askedNumber && flow.contact ? `${flow.contact}（${(heard.reach || T.noNumberLeft).slice(0, 60)}）` : readContact(heard.reach) })
      }
    }
    // Thanks, or "好的", instead of the number: the case goes on without one, and staff read that they should write first
    // (not "打电话（谢谢）", a call they cannot make).
    if (flow.step === 'contact' && flow.askedNumber && flow.contact && ACK.test(text)) {
      return this.advance(ctx, { ...flow, contact: `${flow.contact}（${T.noNumberLeft}）` })
    }
    // The number she was asked for ("13912345678", "晚上打 139…"), whatever the understanding made of it.
    if (flow.step === 'contact' && flow.askedNumber && flow.contact && !isCancel(text)) {
      const heard = await this.heardStory(ctx, flow, text)
      return this.advance(ctx, { ...heard.flow, contact: `${flow.contact}（${(heard.reach || T.noNumberLeft).slice(0, 60)}）` })
    }
    // "其实就是我自己" after reporting "a friend": the report is hers. Staff read that first; she hears what a disclosure
    // hears, and that staff will reach her as she says — what she adds goes to the same case.
    if (flow.step === 'report-followup' && revealsSelf(toSimplified(text))) {
      await this.jobs.supplement(flow.origin, ctx.msg.id, `${T.staffSelfRevealed}${text}`)
      await this.flows.set(me.id, flow)
      ctx.log.info({ category: flow.category }, 'third-party report: the reporter says it is about herself')
      return ctx.reply(T.selfRevealed(flow.category))
    }
    if (flow.step === 'report-followup') {
      await this.jobs.supplement(flow.origin, ctx.msg.id, text)
      await this.flows.set(me.id, flow)
      return ctx.reply(ANONYMOUS.test(text) ? T.reportMoreNotedAnonymous : T.reportMoreNoted)
    }
    if (flow.step === 'emergency-contact' || flow.step === 'emergency-followup') {
      // The case exists (or is being created): what they add goes to staff — the contact answer, and for a while after
      // it whatever else she sends (an address, where she is hiding): she must not have to start over.
      if (isCancel(text)) {
        await this.flows.clear(me.id)
        return ctx.reply(T.emergencyContactNoted)
      }
      await this.jobs.supplement(flow.origin, ctx.msg.id, inDanger(text))
      const cannotCall = CANNOT_CALL.test(text)
      const silent = flow.silent || cannotCall
      await this.flows.set(me.id, { ...flow, step: 'emergency-followup', ...(silent ? { silent: true } : {}) })
      // She cannot call or talk: never answer that with "call 110" alone.
      if (cannotCall && !flow.silent) return ctx.reply(T.emergencySilent)
      // "快叫人来": the bot cannot send anyone; say so, and how to reach the police now.
      if (SEND_SOMEONE.test(text)) return ctx.reply(T.emergencyCannotSend(silent))
      // "你们会不会告诉他啊": the promise; "就是想找个人说说话": someone will.
      const plain = toSimplified(text)
      if (PRIVACY_WORRY.test(plain)) return ctx.reply(T.privacyPromise)
      if (WANTS_TO_TALK.test(plain)) return ctx.reply(T.someoneToTalk)
      if (silent) return ctx.reply(T.emergencySilentNoted)
      return ctx.reply(flow.step === 'emergency-contact' ? T.emergencyContactNoted : T.emergencyMoreNoted)
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
        const more = text.length >= 6 ? { description: withHerWords(flow, text) } : {}
        // The story says what it is about ("在吗…有个事憋心里好久了" and then what he does): the request takes that kind,
        // and she hears what it means for her (violence named as such, not her fault, 12338) before being asked again.
        const told = classifyRules(text)
        // So does violence, whatever the first words were filed under ("在吗 有个事不好意思在群里说" read as 健康).
        if (told.kind === 'help' && told.category !== flow.category && (flow.category === '心理支持' || flow.category === '其他' || told.category === '家庭暴力' || !flow.description)) {
          await this.flows.set(me.id, { ...flow, ...more, category: told.category })
          return ctx.reply(T.storyHeard(told.category))
        }
        if (flow.tries >= 2) {
          await this.flows.clear(me.id)
          return ctx.reply(T.flowGaveUp)
        }
        await this.flows.set(me.id, { ...flow, ...more, tries: flow.tries + 1 })
        return ctx.reply(T.askConsentAgain)
      }
      return this.advance(ctx, { ...flow, step: 'contact', tries: 0 })
    }
    if (flow.step === 'contact') {
      // Only her story, no way to reach her: kept, and asked once more; staff then read 未说明 and write first.
      const heard = await this.heardStory(ctx, flow, text)
      const contact = heard.reach ? readContact(heard.reach) : flow.tries >= 1 ? '' : undefined
      return this.advance(ctx, { ...heard.flow, tries: flow.tries + 1, ...(contact === undefined ? {} : { contact }) })
    }
    if (flow.step === 'describe') {
      if (text.replace(/[\p{P}\s]/gu, '').length < 4 && flow.tries < 1) {
        await this.flows.set(me.id, { ...flow, tries: flow.tries + 1 })
        return ctx.reply(T.descriptionTooShort)
      }
      return this.advance(ctx, { ...flow, description: withHerWords(flow, text) })
    }
  }

  /**
   * Her answer to how staff should reach her (or her yes with it) that also tells what is happening: the story joins
   * 情况 and files the request under what the whole story is about; only the rest is read as the way to reach her.
   * Nothing of it is logged (it may carry her number).
   */
  private async heardStory(ctx: Context, flow: Flow, text: string): Promise<{ flow: Flow; reach: string }> {
    const { reach, story } = splitReach(text)
    if (!story) return { flow, reach: text }
    const description = withHerWords(flow, story)
    const category = retold(flow.category, categoryOfStory(description) ?? categoryOfStory(story))
    // Violence named only now: what it means for her before the case number (the consent step says the same).
    if (category === '家庭暴力' && flow.category !== '家庭暴力') await ctx.reply(T.storyHeardWithContact)
    ctx.log.info({ from: flow.category, category }, 'help request: her story told with the way to reach her, kept for 情况')
    return { flow: { ...flow, description, category }, reach }
  }

  /**
   * "那转人工吧" while she is being asked whether to pass her request on: her yes. Said in the group, the next question
   * goes to her privately and the group hears only that it did.
   */
  async consentByTransfer(ctx: Context, flow: Flow): Promise<void> {
    if (ctx.msg.conversation.kind === 'room') await ctx.reply(T.groupPrivately)
    return this.advance(ctx, { ...flow, step: 'contact', tries: 0 })
  }

  /**
   * What she says while asking for no reply, nothing sent to her: a case already made hears of it now; a request
   * still waiting for her yes keeps it for staff.
   */
  async noteQuietly(ctx: Context, flow: Flow): Promise<void> {
    if (flow.step !== 'consent') return this.jobs.supplement(flow.origin, ctx.msg.id, ctx.msg.text.trim())
    await this.flows.set(ctx.msg.sender.id, { ...flow, description: withHerWords(flow, ctx.msg.text.trim()) })
  }

  /** Asks for what is missing, or submits when consent, contact and description are all there. */
  private async advance(ctx: Context, flow: Flow): Promise<void> {
    const me = ctx.msg.sender
    // Her answers come in private; a yes said in the group is followed up there too.
    const say = (text: string) => (ctx.msg.conversation.kind === 'room' ? ctx.whisper(text, { sensitive: true }) : ctx.reply(text))
    if (flow.contact === undefined) {
      await this.flows.set(me.id, { ...flow, step: 'contact' })
      return say(T.askContact)
    }
    // "打电话就行" with no number: asked for one, once (staff cannot call without it).
    if (BY_PHONE.test(flow.contact) && !/\d{7,}/u.test(flow.contact) && !flow.askedNumber) {
      await this.flows.set(me.id, { ...flow, step: 'contact', askedNumber: true })
      return say(T.askNumber)
    }
    if (!flow.description) {
      await this.flows.set(me.id, { ...flow, step: 'describe', tries: 0 })
      return say(T.askDescription)
    }
    await this.flows.clear(me.id)
    await this.submit(ctx, flow, 'resident')
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

  /** To the create job, with the script she writes in now (the confirmation and later news follow it). */
  private submit(ctx: Context, flow: Flow, basis: ConsentBasis): Promise<void> {
    const script = herScript(ctx)
    return this.jobs.submit(flow.origin, {
      ...(script === 'traditional' ? { script } : {}),
      groupId: flow.groupId,
      category: flow.category,
      urgency: flow.urgency,
      medical: flow.medical,
      source: flow.source,
      resident: ctx.msg.sender,
      description: flow.description ?? flow.question ?? '',
      contact: flow.contact,
      consent: basis === 'resident',
      consentBasis: basis,
    })
  }
}

/** The contact preference as staff read it, with what she added ("电话，晚上八点以后"). */
function contactOf(way: ContactWay | undefined, text: string): string | undefined {
  if (!way) return undefined
  const label = T.contactFromConsent[way]!
  // A time, or a caution ("千万别打电话 他天天翻我手机"): staff read it where they look before reaching her.
  const detail = /\d|点|晚上|上午|下午|周末|以后|之前|号/u.test(text) || CAUTION.test(text) ? `（${text.slice(0, 80)}）` : ''
  return `${label}${detail}`
}

/** The description with more of her words, as staff read it (capped). */
const withHerWords = (flow: Flow, text: string) => [flow.description, text].filter(Boolean).join('\n').slice(0, 1000)

/** She wants someone to talk to ("就是想找个人说说话"). */
const WANTS_TO_TALK = /找(?:个)?人(?:说说|聊聊|说说话|聊)|想(?:跟人|找人)?(?:说说话|聊聊天)|有人陪我说/u

/** Fear that he learns of it or that someone turns up at home. */
// Cantonese too: "你哋會唔會話俾其他人知" (will you tell anyone) was answered "不麻煩的".
const PRIVACY_WORRY = /告诉(?:他|我老公|我男人|我家里|家里人|我婆婆|别人|其他人|旁人|外人|邻居|人家|群里)|(?:话|讲|说)(?:俾|畀|给)[^，。？?]{0,6}(?:人|佢|他)知|(?:别人|其他人|旁人|外人|邻居|群里)(?:会|就)?(?:不会|唔会)?(?:知道|晓得|知)|让(?:他|家里人|婆婆)知道|(?:他|家里人)会(?:不会)?知道|上门|到我家|来我家|找到我家|家访|说出去|保密吗|会不会(?:被)?传出去|(?:跑到|找到|去|到)[^，。？?]{0,6}(?:单位|厂里|公司|学校)/u

/** A question of her own: asked with 吗 / 不 / 能不能 / 怎么 / 啥… */
const HER_QUESTION = /[？?]|吗|么|嘛|[能可行要算用][^，。\s]{0,12}不$|能不能|可不可以|会不会|是不是|要不要|有没有|怎么|咋|啥|什么|多少|几[个天岁年月点]|哪|多久/u
/** Whether asking for help is a bother ("会不会太麻烦人家"): the consent prompt answers that. */
const BOTHER = /麻烦|打扰|添乱|不好意思|丢人/u

/** Whether what is done to her counts as violence, asked outright. */
const ASKS_IF_ABUSE = /算(?:不算)?家暴|是不是家暴|算家庭暴力|属于家暴|算不算暴力/u

/** A caution about reaching her: who is near, what must not be done (staff read it before they call). */
const CAUTION = /(?:他|她|老公|男人|婆婆)(?:在家|在旁边|在身边|会(?:看|翻|听|查))|不方便|别打|不要打|不能打|千万别|只能(?:发|文字|微信)|翻我手机|查我手机/u

/** Is the first message itself a usable description (not just "帮帮我")? */
function substantive(text: string, cls: Classification): boolean {
  const core = text.replace(/[\p{P}\s]/gu, '')
  return core.length >= 6 && !(cls.category === '其他' && core.length < 10)
}
