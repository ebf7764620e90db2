// Help requests: private referral to staff, emergencies first.
// Routes, in their priority bands (see core/router.ts):
//   safety    referrals.emergency  danger or self-harm (rules, synchronous): the numbers before anything else
//   observe   referrals.seen       remembers referral staff (and the staff room) as they message the bot
//   command   referrals.concern    "@小助手 陈静咋了" within a day of 陈静's emergency in the group: staff are on it, nothing more
//             referrals.privacy    a resident's group message with a phone or ID-card number: advise to recall it
//             referrals.transfer   「转人工」 or "找个真人帮我" (the understanding's handoff.human)
//             referrals.others-case "小王那边张丽的事处理得怎么样了": someone else's request, as the asker's role allows (others.ts)
//             referrals.case       her own request: "我那事有人管了没" (status), "算了别联系我了" (withdrawal, any step; words
//                                  that only may mean it, "我们和好了", are asked about once while staff hold her case)
//             referrals.thanks     "社工给我打过电话了 谢谢你们" with a case open: a warm word and a note for staff, never a withdrawal
//             referrals.staff      staff commands (接单 / 备注 / 转派 / 结案 / 我的案件), staff only
//   conversation referrals.flow    the resident's answers in the private consent conversation
//             referrals.help       a request for help (rules; refined by the LLM when configured)
// A question that only mentions a topic ("家暴怎么申请保护令？") is not claimed: the Q&A answers it.
// Two meanings in one message, served by two capabilities:
//   - a help request that also asks a question (help.request + also qa.question, private): consent is asked
//     here, then the question is handed to the Q&A with app.handOver(ctx, 'qa.answer'); ASKED on the context
//     keeps our own answer hint ("回复转人工") off that answer.
//   - a sign-up that also voices a worry (signup.join + also help.request): the sign-ups route keeps it; our
//     observer below, after next() returns, whispers a gentle check-in and leaves a consent question open.
import { ANSWER_HANDOVER, type AnswerHandover, BESIDE_EMERGENCY } from '../core/handover.ts'
import { type App, type Capability, type Context, contextKey } from '../core/capability.ts'
import { UserError } from '../core/errors.ts'
import { containsPersonalData, maskPersonalData } from '../core/mask.ts'
import { readHelp } from '../nlu/help.ts'
import { normalize } from '../nlu/text.ts'
import { NAME } from '../nlu/people.ts'
import { CaseStore } from './cases.ts'
import { DEFAULT_TZ } from '../core/tz.ts'
import { OPEN_CASE, PENDING, UNDERSTOOD, understood as understoodOf } from '../core/understanding.ts'
import { askingPart, YES_NO_TAIL } from '../core/zh/question-forms.ts'
import { carriedIntents } from '../nlu/route-intents.ts'
import { Classifier, rulesOf } from './classification.ts'
import type { Classification } from './classify.ts'
import { classifyRules, isHelpTopic, tellsOwnSituation } from './classify.ts'
import { CASE_ID, looksLikeStaffCommand, parseStaffCommand } from './commands.ts'
import { ReferralConversation } from './conversation.ts'
import { type Flow, FlowStore } from './flow.ts'
import { withinDeadline } from './deadline.ts'
import { ReferralJobs } from './jobs.ts'
import { People } from './people.ts'
import { ResidentDesk } from './resident.ts'
import { OthersCases, othersCaseAsked } from './others.ts'
import type { Case } from './state.ts'
import { acknowledges, withdrawalIn } from '../nlu/withdrawal.ts'
import { asksAboutWork } from '../nlu/work-figure.ts'
import { type ReferralSettings, resolveSettings, type ReferralSettingsInput } from './settings.ts'
import { StaffDesk } from './staff.ts'
import { CATEGORY_OF, cautionSaid, contactSaid, revealsSelf } from './story.ts'
import { supportKind } from './support.ts'
import { StaffTargets } from './targets.ts'
import { referralTexts as T } from './texts.ts'

/** The capability's parts, handed to tests and benches through `expose`. */
export interface ReferralParts {
  settings: ReferralSettings
  cases: CaseStore
  jobs: ReferralJobs
  conversation: ReferralConversation
  targets: StaffTargets
  /** The staff commands (the console acts through them too). */
  desk: StaffDesk
}

export interface ReferralDeps {
  /** Overrides on top of the config's `referrals` block (tests use short delays). */
  settings?: ReferralSettingsInput
  now?: () => number
  expose?: (parts: ReferralParts) => void
}

const TRANSFER = /^(转人工|人工|转人工服务|人工服务|找人工|转工作人员)$/
const FLOW = contextKey<Flow>('referrals.flow')
/** The sender's open cases, newest first (loaded only when she has one). */
const HER_CASES = contextKey<Case[]>('referrals.herCases')
/** She was asked "您是要撤回求助吗？" and has not answered yet. */
const WITHDRAW_ASKED = contextKey<boolean>('referrals.withdrawAsked')
/** Her yes to that question, or her no. */
const CONFIRM_WITHDRAW = /^(?:是|是的|对|对的|嗯是的|确认|确定|撤|撤吧|撤了吧|要撤|要撤回|撤回吧|是要撤回)$/u
const KEEP_CASE = /^(?:不是|不是的|不|没有|没|不撤|不撤了|不撤回|不用撤|别撤|不要撤|继续|继续吧|不取消)$/u
/** Asked what someone else came to the bot or staff for ("田秀芝找你们啥事啊", "她是不是求助了"). */
const ABOUT_SOMEONE = new RegExp(`(?:${NAME}|她|他)[^，,。？?\\s]{0,4}(?:找|跟|和|给)(?:你们?|小助手|工作人员|社工|妇联)(?:说|求|聊|反映|讲)?(?:了)?(?:是)?(?:啥|什么)(?:事|情况)?|(?:${NAME}|她|他)(?:是不是|有没有|是否)(?:求助|找过你|报过案|求过助)`, 'u')
/** A go-ahead to pass something on ("可以 你们转吧", "同意转给社工"). */
const GO_AHEAD = /^(?:可以|好的?|行|同意|嗯)[\s，,]|转吧|帮(?:我|她|他们)?转|同意转|你们(?:去)?(?:转|管|处理)吧/u

/** Her own case asked about in the group. */
const OWN_CASE_IN_GROUP = /我的(?:案件|求助)|我(?:求助|反映)的事.{0,6}(?:怎么样|有人管|进度)/u
/** Consent was asked for this message: the Q&A answer it is handed to needs no "转人工" hint. */
const ASKED = contextKey<boolean>('referrals.asked')
/** A practical need asked as a question in the group, handed to the Q&A: its answer ends with the private channel. */
const PRACTICAL = contextKey<boolean>('referrals.practical')
/** Needs whose documents' answer may be given in the group: child care and work, not money, marriage, violence or health. */
/** Asked not to be messaged now ("别回我消息了", "先别发了 他在旁边"). */
const DONT_REPLY = /别回(?:我)?(?:消息|信息|了)|不要回(?:我)?(?:消息|信息|了)?|先别(?:回|发)|别(?:再)?发(?:消息|信息)?了|别给我发|不要(?:再)?给我发/u
/** Money trouble told beside a practical need ("家里实在揭不开锅了"): the passage then belongs in private too. */
const MONEY_TROUBLE = /揭不开锅|没钱|手头紧|钱不够|交不起|凑不齐|拿不出|困难|欠债|还不上|吃不上饭/u
const PUBLIC_NEEDS = new Set<string>(['儿童与家庭教育', '就业创业'])
/** Trouble told as her own ("我也被打了", "我老公也…"), not more about the one she reported. */
const OWN_TROUBLE = /(?:我|俺)(?:也|自己)?(?:被|挨)|(?:打|骂|推|掐)(?:了)?(?:我|俺)(?!家)|(?:我|俺)(?:家)?(?:老公|丈夫|男人|婆婆)|我自己/u
/** Asked, not said: a question mark or a question word. */
const ASKS_SOMETHING = /[?？]|吗|么|嘛|呢|能不能|可不可以|会不会|是不是|有没有|怎么|咋|啥|什么|多少|几[个天点号]|哪/u
const FOLLOWUP = new Set(['emergency-followup', 'report-followup'])
const ELSEWHERE = /^(?:qa|signup|activity|host|reminder|bot|handoff|safety|privacy|media)\b/u
/** Intents other capabilities serve: a help predicate never claims them. */
const NOT_HELP = /^(?:signup|activity|host|reminder|confirm|correction|pending|media|safety|privacy|bot)\b/u
const isText = (ctx: Context) => ctx.msg.kind === 'text' && ctx.msg.text.trim().length > 0
const strip = (t: string) => t.trim().replace(/[。．.!！~～，,、\s「」“”"']/g, '')
/** Her short answer, in Simplified and without punctuation. */
const bareOf = (ctx: Context) => strip(normalize(ctx.msg.text))
/** Staff commands name a case (or are 我的案件), so a resident's "备注：…" in a group is not mistaken for one. */
// A short number after the verb ("接单 R-1", as a resident copying the README might write) names a case too: she is told who
// may use it, not answered with small talk.
const namesCase = (text: string) => /r-?\d{8}/i.test(text) || /^\s*(?:接单|查看|备注|转派|结案)\s*r-?\d+/iu.test(text) || /^我的案件/.test(text.trim())
/** Staff get the usage for a malformed command; anyone else only when it names a case (then a refusal). */
const isStaffCommand = (ctx: Context) =>
  (looksLikeStaffCommand(ctx.msg.text) && (ctx.msg.role === 'staff' || namesCase(ctx.msg.text))) ||
  // A staff member naming a case in private ("看一下 R-…") is at the desk, whatever the verb.
  (ctx.msg.role === 'staff' && ctx.msg.conversation.kind === 'private' && CASE_ID.test(ctx.msg.text))

/** Asking after someone: "陈静咋了", "她没事吧", "陈静还好吗". */
const CONCERN = /咋了|怎么了|怎么啦|咋啦|没事吧|没事儿吧|还好吗|还好吧|出什么事|出啥事|怎么回事|咋回事|什么情况|啥情况/u
/** Asking whether something happened to someone, rather than what is up with a thing ("活动怎么回事"). */
const ASKS_AFTER = /出什么事|出啥事|出了什么事|出了啥事|没事吧|没事儿吧|还好吗|还好吧|怎么了|咋了/u
const NAMED_SOMEONE = new RegExp(NAME, 'u')
/** The group's business asked about by a name ("张老师的讲座怎么了"): not a neighbour's worry. */
const HELD_TALK = /活动|报名|讲座|课|通知|聚会|接待|群里|提醒/u
/** The name of the one asked after, put on the context by the loader. */
const CONCERN_ABOUT = contextKey<string>('referrals.concernAbout')
/** How long after an emergency in the group asking after her gets the concern reply. */
const WORRIED_TTL_SEC = 24 * 3600

export function createReferrals(deps: ReferralDeps = {}): Capability {
  return {
    name: 'referrals',
    register(app: App) {
      const settings = resolveSettings(app.config.referrals, deps.settings)
      const now = deps.now ?? Date.now
      const cases = new CaseStore(app.redis, app.key, app.config.timezone)
      const targets = new StaffTargets(app, settings, new People(app, app.redis, app.key('referrals', 'people')))
      const jobs = new ReferralJobs(app, settings, cases, targets, now)
      const flows = new FlowStore(app.redis, (id) => app.key('referrals', 'flow', id), settings.flowTtlMin * 60)
      const conversation = new ReferralConversation(app, settings, flows, jobs)
      const desk = new StaffDesk(app, cases, targets, jobs, now)
      const resident = new ResidentDesk(app, cases, flows, jobs, targets, now)
      const others = new OthersCases(app, cases, targets, now)
      const classifier = new Classifier(app.llm)
      /** Members whose emergency the group saw (a set per group, kept a day): see referrals.concern. */
      const worriedKey = (groupId: string) => app.key('referrals', 'worried', groupId)
      deps.expose?.({ settings, cases, jobs, conversation, targets, desk })

      // A question that only touches a help topic is answered by the Q&A. The offer of personal help comes with it only
      // where a resident's own situation is in the question ("俺今年58了 两癌筛查俺还能做不"): under a staff member's
      // statistics question ("苍南那个报告里两癌检查做了多少人") or a question about the topic alone it offered what nobody asked.
      // Nor to a host, who asks for the group (a tester's 李姐 checking a figure for her talk got "如需个人帮助，可以私聊我"), nor
      // under a question about an organisation's work or for a talk or a 宣传栏, whose "我" is the one preparing it
      // ("下周我要给姐妹们讲讲巾帼创业，先核对个数…").
      // Asked about domestic violence ("家暴可以去哪里投诉"), the numbers come with the documents' answer whatever it is.
      app.addAnswerHint((ctx) => {
        if (ctx.get(ASKED)) return undefined
        if (ctx.get(PRACTICAL)) return T.helpHintGroup
        const topic = classifyRules(ctx.msg.text)
        if (topic.kind === 'none') return undefined
        const hers = ctx.msg.role === 'resident' && tellsOwnSituation(ctx.msg.text) && !asksAboutWork(normalize(ctx.msg.text))
        const personal = !hers ? '' : ctx.msg.conversation.kind === 'private' ? T.helpHintPrivate : T.helpHintGroup
        return topic.category === '家庭暴力' ? `${T.violenceNumbers}${personal}` : personal || undefined
      })

      app.onStart(async () => {
        // A sweep on every start, then one job a day.
        await jobs.purge().catch((err) => app.log.error({ err }, 'referral purge failed'))
        await jobs.scheduleDailyPurge()
      })

      // Observer and loader, before routing: remembers referral staff (and the staff room) as they message the
      // bot, and puts the sender's pending consent question on the context for the understanding.
      app.use(async (ctx, next) => {
        const { msg } = ctx
        try {
          if (targets.isReferralStaff(msg.sender)) await targets.people.remember(msg.sender)
          if (msg.conversation.kind === 'room' && settings.staffRoomTopic && msg.conversation.topic === settings.staffRoomTopic) {
            await targets.rememberStaffRoom(msg.conversation.roomId)
          }
          if (msg.conversation.kind === 'private' && isText(ctx)) {
            const flow = await flows.get(msg.sender.id)
            if (flow) {
              ctx.set(FLOW, flow)
              if (flow.step === 'consent' || flow.step === 'contact') ctx.set(PENDING, flow.step)
            }
          }
          // "陈静咋了？" in the group after 陈静's emergency there: a neighbour's concern, not a question for the documents.
          if (msg.conversation.kind === 'room' && msg.groupId && msg.mentioned && isText(ctx) && CONCERN.test(msg.text)) {
            const worried = await app.redis.smembers(worriedKey(msg.groupId))
            const about = worried.find((name) => name && msg.text.includes(name))
            if (about) ctx.set(CONCERN_ABOUT, about)
            // "陈静家是不是出啥事了 我看她这几天眼睛红红的": asking after a neighbour the group saw nothing happen to. Not the
            // documents' business ("资料里没有找到" read oddly), and nothing about anyone is said or implied either way.
            else if (ASKS_AFTER.test(msg.text) && NAMED_SOMEONE.test(msg.text) && !HELD_TALK.test(msg.text)) ctx.set(CONCERN_ABOUT, '')
          }
          // A request in hand (an open case, or a consent conversation under way): "算了别联系我了" is a
          // withdrawal and "有人管了没" a status question at any step.
          if (isText(ctx)) {
            const open = await cases.hasOpen(msg.sender.id)
            if (ctx.get(FLOW) || open) ctx.set(OPEN_CASE, true)
            // Her open cases, and whether she was just asked if she takes hers back: what referrals.case and
            // referrals.thanks read to tell a withdrawal from thanks.
            if (open) {
              ctx.set(HER_CASES, await cases.openOf(msg.sender.id))
              if (await app.redis.exists(resident.askedKey(msg.sender.id))) ctx.set(WITHDRAW_ASKED, true)
            }
          }
        } catch (err) {
          ctx.log.warn({ err }, 'referrals: loader failed')
        }
        await next()
        // After the sign-ups route recorded a sign-up that also voiced a worry: a gentle private check-in.
        const u = ctx.route && isText(ctx) ? understood(ctx) : undefined
        if (u && ctx.route!.name.startsWith('signups.') && (u.intent === 'signup.join' || u.intent === 'signup.cancel') && u.also?.includes('help.request')) {
          await conversation.checkIn(ctx, helpClassification(ctx)).catch((err) => ctx.log.error({ err }, 'referrals: check-in failed'))
        }
      })

      /**
       * After the help reply: the sign-up or cancellation the message carried (understanding.signup) goes to the
       * sign-ups, in the group or in private (they take private sign-ups too and confirm them in the group).
       * Beside an emergency they only do what changes something, and say nothing then (BESIDE_EMERGENCY).
       */
      const handCarried = async (ctx: Context, emergency = false) => {
        const u = understood(ctx)
        const carried = carriedIntents(u)[0]
        if (!carried || !u.signup) return
        ctx.set(UNDERSTOOD, { intent: carried, slots: u.signup })
        if (emergency) ctx.set(BESIDE_EMERGENCY, true)
        await app.handOver(ctx, 'signups.resident').catch((err) => ctx.log.error({ err, carried }, 'referrals: a carried sign-up failed'))
      }

      /**
       * Her question handed to the Q&A, answered as `how` says (core/handover.ts); ASKED keeps our own hint
       * ("回复转人工") off that answer.
       */
      const askDocuments = async (ctx: Context, how: AnswerHandover) => {
        ctx.set(ASKED, true)
        ctx.set(ANSWER_HANDOVER, how)
        await app.handOver(ctx, 'qa.answer')
      }

      app.route({
        name: 'referrals.emergency',
        // Before everything, even the observers that only watch (signups.observe is at -1000): no Redis
        // round trip of theirs stands between a person in danger and the numbers.
        priority: -2000,
        // Someone in danger may send many messages in a row: flood control must never silence them.
        bypassFlood: true,
        safety: true,
        // Redis down: the numbers straight to the transport; the message is replayed to record the case.
        whenStorageDown: (ctx) => conversation.emergencyWithoutStorage(ctx, emergencyOf(ctx)),
        match(ctx) {
          if (!isText(ctx) || isStaffCommand(ctx) || TRANSFER.test(strip(ctx.msg.text))) return false
          if (settings.staffRoomTopic && ctx.msg.conversation.kind === 'room' && ctx.msg.conversation.topic === settings.staffRoomTopic) return false
          // Rules first; the understanding can only add urgency, never take it away.
          return rulesOf(ctx).urgency === '紧急' || understoodDanger(ctx) !== undefined
        },
        async handle(ctx) {
          await conversation.emergency(ctx, emergencyOf(ctx), { personalData: ctx.msg.conversation.kind === 'room' && containsPersonalData(ctx.msg.text) })
          // Her neighbours saw it: for a day, asking after her gets the concern reply (see referrals.concern).
          if (ctx.msg.conversation.kind === 'room' && ctx.msg.groupId) {
            const key = worriedKey(ctx.msg.groupId)
            await app.redis.multi().sadd(key, ctx.msg.sender.name).expire(key, WORRIED_TTL_SEC).exec().catch((err) => ctx.log.warn({ err }, 'referrals: could not note the emergency for concern replies'))
          }
          // The numbers are out; a sign-up said in the same message is still recorded (both must happen), quietly.
          await handCarried(ctx, true)
        },
      })

      app.route({
        name: 'referrals.concern',
        priority: 5,
        // Asking the bot after someone whose emergency the group saw: thanks, staff are on it, nothing of what happened
        // (the loader reads the names only for a message to the bot: said among neighbours without @, it is theirs to talk about).
        // Asked after anyone else by name (CONCERN_ABOUT ''), the reply says nothing of her either way. Not when she tells
        // of trouble there (a neighbour's report is help.third_party) or asks for something herself.
        match: (ctx) => {
          const about = ctx.get(CONCERN_ABOUT)
          if (about === undefined || ctx.msg.sender.name === about) return false
          const intent = understood(ctx).intent
          return about ? intent !== 'help.emergency' : intent === 'qa.question' || intent === 'chatter'
        },
        handle: (ctx) => ctx.reply(ctx.get(CONCERN_ABOUT) ? T.concernForHer : T.concernAnyone),
      })

      app.route({
        name: 'referrals.privacy',
        priority: 2,
        // Residents only: hosts and staff post service numbers on purpose.
        match: (ctx) =>
          ctx.msg.conversation.kind === 'room' && ctx.msg.role === 'resident' && isText(ctx) && (containsPersonalData(ctx.msg.text) || understood(ctx).intent === 'privacy.number') &&
          // A scam post with a card or phone number gets the anti-fraud warning (safety.fraud), not advice to recall it.
          understood(ctx).intent !== 'safety.fraud',
        async handle(ctx) {
          // What the message says besides the number ("我家电话139…，有事打我" is not a request for help).
          const rest = readHelp(normalize(maskPersonalData(ctx.msg.text)).replace(/\d[\d*\s-]{6,}\d/gu, ''), {
            where: 'group', role: ctx.msg.role, mention: ctx.msg.mentioned, activities: [], signedUp: [], openCase: false, now: Date.now(), tz: app.config.timezone,
          })
          if (rest?.intent === 'help.third_party') return conversation.thirdParty(ctx, helpClassification(ctx), { personalData: true })
          const cls = rulesOf(ctx)
          if (rest && cls.kind === 'help' && (ctx.msg.mentioned || cls.clear)) return conversation.request(ctx, cls, { personalData: true })
          await ctx.reply(T.recallAdvice)
        },
      })

      app.route({
        // "今天他在家 别回我消息了 明天白天再说": a message from the bot now could put her in danger. Nothing is sent; what
        // she said goes to staff with her case when there is one.
        name: 'referrals.quiet',
        priority: 4,
        match: (ctx) => isText(ctx) && ctx.msg.conversation.kind === 'private' && DONT_REPLY.test(ctx.msg.text),
        async handle(ctx) {
          const flow = ctx.get(FLOW) ?? (await flows.get(ctx.msg.sender.id))
          if (flow) await conversation.noteQuietly(ctx, flow)
          ctx.log.info({ step: flow?.step }, 'asked not to be messaged now: no reply')
        },
      })

      app.route({
        name: 'referrals.transfer',
        priority: 5,
        match: (ctx) => isText(ctx) && (TRANSFER.test(strip(ctx.msg.text)) || understood(ctx).intent === 'handoff.human'),
        // Already asked whether to pass her request on: "那转人工吧" is her yes to it, not a second request.
        async handle(ctx) {
          const flow = ctx.get(FLOW) ?? (await flows.get(ctx.msg.sender.id))
          if (flow?.step === 'consent') return conversation.consentByTransfer(ctx, flow)
          // "你们让社工去看看吧" after reporting someone else: more for that report, not a request of her own.
          if (flow?.step === 'report-followup' && ctx.msg.conversation.kind === 'private') return conversation.answer(ctx, flow, understood(ctx))
          return conversation.transfer(ctx)
        },
      })

      app.route({
        name: 'referrals.others-case',
        priority: 15,
        // "小王那边张丽的事处理得怎么样了": someone else's request, not hers (see others.ts for who learns what). Before
        // referrals.case, which would answer with the asker's own requests.
        match: (ctx) =>
          isText(ctx) && (ctx.msg.conversation.kind === 'private' || ctx.msg.mentioned) && othersCaseAsked(ctx.msg.text, ctx.msg.sender.name) !== undefined && !ABOUT_SOMEONE.test(ctx.msg.text),
        handle: (ctx) => others.answer(ctx, othersCaseAsked(ctx.msg.text, ctx.msg.sender.name)!),
      })

      app.route({
        name: 'referrals.case',
        priority: 15,
        // The loader put OPEN_CASE on the context; the understanding reads status and withdrawal only then.
        // Withdrawing needs something open; asking after one is answered either way ("没有进行中的求助").
        // "可以 你们转吧 我不用人联系我": a go-ahead that only asks not to be called back is no withdrawal.
        // Asked "您是要撤回求助吗？", her "是" or "不是" answers it.
        match: (ctx) =>
          isText(ctx) &&
          (understood(ctx).intent === 'case.status' ||
            (!!ctx.get(OPEN_CASE) && understood(ctx).intent === 'consent.withdraw' && !GO_AHEAD.test(ctx.msg.text)) ||
            (!!ctx.get(WITHDRAW_ASKED) && (CONFIRM_WITHDRAW.test(bareOf(ctx)) || KEEP_CASE.test(bareOf(ctx))))),
        handle(ctx) {
          if (understood(ctx).intent === 'case.status') return resident.status(ctx)
          const asked = !!ctx.get(WITHDRAW_ASKED)
          if (asked && KEEP_CASE.test(bareOf(ctx))) return resident.keep(ctx)
          // A case staff hold closes only on her plain words (or her yes to the question); a consent conversation,
          // where nothing was forwarded yet, on any of them.
          const plain = withdrawalIn(normalize(ctx.msg.text)) === 'explicit' || (asked && CONFIRM_WITHDRAW.test(bareOf(ctx)))
          if (plain || !ctx.get(HER_CASES)?.length) return resident.withdraw(ctx)
          return resident.askWithdraw(ctx, asked, ctx.get(HER_CASES)!)
        },
      })

      app.route({
        name: 'referrals.thanks',
        priority: 15,
        // Thanks, or news of the help under way ("社工给我打过电话了 谢谢你们", "约了周五见面"), while a case of hers is open
        // and no conversation is: a short warm word, never a withdrawal.
        match: (ctx) =>
          isText(ctx) && ctx.msg.conversation.kind === 'private' && !!ctx.get(HER_CASES)?.length && !ctx.get(FLOW) && understood(ctx).intent === 'chatter' && acknowledges(normalize(ctx.msg.text)),
        handle: (ctx) => resident.thanks(ctx, ctx.get(HER_CASES)!),
      })

      app.route({
        name: 'referrals.case-note',
        priority: 16,
        // "微信就行 晚上别打电话", "别让群里知道" after her request went to staff: how to reach her, or who must not find out,
        // belongs to that case (the documents once answered it with "资料里没有找到"). Only said, never asked: a question
        // with a time in it ("明天下午有活动吗") is still a question.
        match: (ctx) => {
          if (!isText(ctx) || ctx.msg.conversation.kind !== 'private' || !ctx.get(HER_CASES)?.length || ctx.get(FLOW)) return false
          const text = normalize(ctx.msg.text)
          if (ASKS_SOMETHING.test(text) || NOT_HELP.test(understood(ctx).intent)) return false
          return cautionSaid(text) || contactSaid(text)
        },
        async handle(ctx) {
          const latest = [...ctx.get(HER_CASES)!].sort((a, b) => b.createdAt - a.createdAt)[0]!
          await jobs.supplement(latest.origin, ctx.msg.id, ctx.msg.text.trim())
          ctx.log.info({ caseId: latest.id }, 'a note on how to reach her added to her open case')
          return ctx.reply(cautionSaid(normalize(ctx.msg.text)) ? T.caseCautionAdded(latest.id) : T.caseNoteAdded(latest.id))
        },
      })

      app.route({
        name: 'referrals.confidential',
        priority: 15,
        // "田秀芝找你们啥事啊" (a host, a neighbour): whether anyone asked for help, and what, is not told — said plainly,
        // not "the documents don't say"; "@小助手 我的案件" in the group: asked privately.
        match: (ctx) =>
          isText(ctx) &&
          (ctx.msg.mentioned || ctx.msg.conversation.kind === 'private') &&
          (ABOUT_SOMEONE.test(ctx.msg.text) || (ctx.msg.conversation.kind === 'room' && OWN_CASE_IN_GROUP.test(ctx.msg.text))),
        handle: (ctx) => ctx.reply(ABOUT_SOMEONE.test(ctx.msg.text) ? T.confidential : T.ownCaseInPrivate),
      })

      app.route({
        name: 'referrals.nothing-to-withdraw',
        priority: 15,
        // "算了别联系我了" in private with nothing open: a plain answer, not a search of the documents.
        match: (ctx) => isText(ctx) && ctx.msg.conversation.kind === 'private' && !ctx.get(OPEN_CASE) && understood(ctx).intent === 'consent.withdraw',
        handle: (ctx) => ctx.reply(T.withdrawn([])),
      })

      app.route({
        name: 'referrals.staff',
        priority: 10,
        roles: ['staff'],
        match: (ctx) =>
          isText(ctx) && isStaffCommand(ctx) && (ctx.msg.conversation.kind === 'private' || (ctx.msg.role === 'staff' && namesCase(ctx.msg.text))),
        async handle(ctx) {
          // Case business never happens in a group: nothing is echoed there.
          if (ctx.msg.conversation.kind === 'room') return ctx.reply(T.staffCommandInGroup)
          const cmd = parseStaffCommand(ctx.msg.text)
          if (!cmd || 'error' in cmd) throw new UserError(T.usage)
          await desk.handle(ctx, cmd)
        },
      })

      app.route({
        name: 'referrals.flow',
        priority: 20,
        // The flow was loaded before routing (see the loader above).
        match: (ctx) => {
          const flow = ctx.get(FLOW)
          if (ctx.msg.conversation.kind !== 'private' || !isText(ctx) || !flow) return false
          // Listening for more after a report or an emergency: what another capability serves (a question for the
          // documents, a sign-up, the bot itself) goes there instead.
          // After a report about someone else, her own trouble is a request of its own.
          const intent = understood(ctx).intent
          // Unless she says the report was about her all along ("其实就是我自己 他天天打我"): the same case, now hers.
          const hers = flow.step === 'report-followup' && intent === 'help.request' && OWN_TROUBLE.test(ctx.msg.text) && !revealsSelf(normalize(ctx.msg.text))
          // A way to reach her ("有事打我电话 139…") is for the case, whatever else the words could be.
          const reach = /\d{7,}|电话|微信|联系我/u.test(ctx.msg.text)
          // A question of her own while asked for consent ("要带啥材料去申请") is no yes: the documents answer it,
          // and the question put to her stays open.
          if (flow.step === 'consent' && intent === 'qa.question' && !reach) return false
          return !(FOLLOWUP.has(flow.step) && !reach && (ELSEWHERE.test(intent) || hers))
        },
        async handle(ctx) {
          const flow = ctx.get(FLOW)!
          // A question of her own while her yes is awaited ("他这样算家暴吗 我能申请那个保护令不"): answered from the
          // documents in private, her words kept for staff, and the offer left open — not "不麻烦的…" to a question.
          // "你们会不会告诉他？社工会不会直接上门", "你哋會唔會話俾其他人知" (asked in any form): a promise, never a passage
          // that mentions home visits, nor "不麻烦的" as to a bother.
          if (conversation.privacyWorryDuringConsent(ctx, flow)) {
            await conversation.heardQuestion(ctx, flow)
            return ctx.reply(`${T.privacyPromise}\n${T.consentStillOpen}`)
          }
          if (flow.step === 'consent' && conversation.questionDuringConsent(ctx, flow)) {
            await conversation.heardQuestion(ctx, flow)
            // Only an outright answer: "资料里没有找到明确说法…" to what may be her worry told, not a question (a re-judge
            // found it cold), adds nothing — the offer that follows is the answer.
            await askDocuments(ctx, { privately: true, onlyIfGrounded: true, outrightOnly: true })
            return ctx.reply(T.consentStillOpen)
          }
          // A question of her own while the number she chose to be called on is awaited ("另外离婚的话房子怎么分"): never
          // the number (staff would find a question where a phone should be). Answered from the documents, kept for
          // staff, and the number asked for again.
          if (flow.step === 'contact' && conversation.questionDuringContact(ctx, flow, understood(ctx).intent)) {
            await conversation.heardQuestion(ctx, flow)
            await askDocuments(ctx, { privately: true })
            return ctx.reply(T.numberStillMissing)
          }
          return conversation.answer(ctx, flow, understood(ctx))
        },
      })

      app.route({
        name: 'referrals.help',
        priority: 30,
        // Pure and synchronous: the understanding and the rules. The LLM refines in the handler.
        match(ctx) {
          if (!isText(ctx)) return false
          const u = understood(ctx)
          if (u.intent === 'help.third_party') return true
          if (u.intent === 'help.request') return true
          // A sign-up that also voices a worry is a sign-up first (the sign-ups capability records it).
          if (NOT_HELP.test(u.intent)) return false
          const rules = rulesOf(ctx)
          if (ctx.msg.conversation.kind === 'room') {
            // The older keyword classifier catches a request the understanding has no intent for, but does not
            // overrule it reading thanks ("谢谢小王上次帮我找的律师"), a joke or a general question.
            if (rules.kind === 'help' && rules.clear && u.intent !== 'chatter' && u.intent !== 'qa.question') return true
            if (!ctx.msg.mentioned) return false
            // Nor a question the understanding read as general ("@小助手 被家暴的人申请法律援助也要证明困难吗"): answered
            // from the documents, with the private channel offered; met as her own disclosure it would tell the group so.
            if (u.intent === 'qa.question') return false
            // Thanks said to the bot for help already given ("上回多亏你帮我找到托管班的信息 太谢谢啦") is no new request.
            if (u.intent === 'chatter' && /谢谢|感谢|多亏|幸亏|辛苦了/u.test(ctx.msg.text)) return false
          }
          return rules.kind === 'help' || (!!app.llm && classifier.worthAsking(ctx))
        },
        async handle(ctx) {
          const u = understood(ctx)
          const rules = helpClassification(ctx)
          if (u.intent === 'help.third_party') return conversation.thirdParty(ctx, rules)
          // The rules are sure, or the offline understanding read a request and there is no model to ask. When only
          // the learned reader saw a request, a configured model still refines it (category, urgency).
          const offline = u.intent === 'help.request'
          const ruled = rulesOf(ctx).kind === 'help'
          const room = ctx.msg.conversation.kind === 'room'
          const sure = (offline && (ruled || !app.llm || room)) || (ruled && (rules.clear || room))
          // A slow model never keeps her waiting: an acknowledgement after ackAfterMs, the rules at the deadline.
          const refined = sure
            ? rules
            : await withinDeadline(ctx, (signal) => classifier.refined(ctx, u, signal), () => rulesOf(ctx), {
                ackAfterMs: settings.ackAfterMs,
                deadlineMs: settings.replyDeadlineMs,
                ack: T.working,
              })
          // The model may add urgency or a category, never take away a request the understanding read.
          const cls = offline && refined.kind !== 'help' ? { ...rules, kind: 'help' as const } : refined
          // The model read a question after all: the Q&A answers it.
          if (cls.kind !== 'help') {
            if (!(await app.handOver(ctx, 'qa.answer'))) ctx.log.info('not a help request, and no Q&A to answer it')
            return
          }
          // A practical need asked as a question in the group ("孩子放学没人管，有什么办法吗",
          // "想学点手艺找个活干 妇联有培训不"): answered there like any question, whatever the documents say, its last line offering the private channel
          // (the answer hint above). No offer is pushed to her: a tester's neighbours read "已私信您" under a question about
          // after-school care as trouble at home. A disclosure is never left to the documents.
          const support = supportKind(cls.category, ctx.msg.text)
          // Only needs that say nothing private about her in the group: money trouble, her marriage or her health answered
          // there with a passage (her name @-mentioned) would tell everyone what she asked for.
          const practicalQuestion =
            ctx.msg.conversation.kind === 'room' && !support && cls.urgency !== '紧急' && PUBLIC_NEEDS.has(cls.category) && PRACTICAL_QUESTION.test(normalize(ctx.msg.text)) && !MONEY_TROUBLE.test(normalize(ctx.msg.text))
          // Asked only for information: nothing of her own told ("上个月被厂里辞了"), no person asked for ("有没有人能帮忙开导
          // 下"). Those still get the documents' answer (when they give one) and the offer.
          const infoOnly = practicalQuestion && !OWN_TROUBLE_TOLD.test(normalize(ctx.msg.text)) && !ASKS_FOR_PERSON.test(normalize(ctx.msg.text))
          if (infoOnly) {
            ctx.set(PRACTICAL, true)
            if (await app.handOver(ctx, 'qa.answer')) return handCarried(ctx)
          }
          // Only an answer: "not covered" in the group beside the private offer would say nothing.
          if (practicalQuestion && !infoOnly) await askDocuments(ctx, { onlyIfGrounded: true, question: askingPart(ctx.msg.text) })
          await conversation.request(ctx, cls, { support })
          // Her own circumstances beside a question the documents may answer ("俺今年58了 两癌筛查俺还能做不 要钱不"):
          // the answer too, in private and only when the documents give one, after the offer of a person — not for a
          // disclosure (support first, never a passage). Otherwise the request is kept for her follow-up ("要带啥材料去
          // 申请" after "过年有啥补助能申请不"), nothing answered. Never for an urgent need.
          if (!practicalQuestion && !u.also?.includes('qa.question') && cls.urgency !== '紧急') {
            // A legal or family question of her own ("老闆欠我三個月工資不給 可以申請法律援助嗎 要帶什麼") is answered too, in
            // private: the answer is what she asked for, and her follow-ups ("在哪裡申請") then lean on that document.
            const answerToo = (!support || support === 'legal' || support === 'family') && PRACTICAL_QUESTION.test(normalize(ctx.msg.text))
            await askDocuments(ctx, answerToo ? { privately: true, onlyIfGrounded: true, outrightOnly: Boolean(support), question: askingPart(ctx.msg.text) } : { rememberOnly: true })
          }
          // A sign-up or cancellation said beside the request ("取消亲子阅读 孩子住院了…能不能帮我们申请点救助"): the
          // request came first; the sign-ups capability now does the rest, as it would have on its own (quietly when the
          // request turned out an emergency).
          await handCarried(ctx, cls.urgency === '紧急')
          // Her question beside the request, answered only when the documents answer it: after the offer of a person,
          // "资料里没有找到…回复转人工" would cut across the consent question she was just asked (a tester's "我老公…推我
          // 我不知道该找谁" got both). Told of her own hardship (support), only an outright answer, never a maybe.
          if (u.also?.includes('qa.question') && ctx.msg.conversation.kind === 'private') await askDocuments(ctx, { onlyIfGrounded: true, privately: true, outrightOnly: Boolean(support) })
        },
      })
    },
  }
}

// The understanding middleware worked the meaning out before routing; outside the pipeline it is computed here.
const understood = (ctx: Context) => understoodOf(ctx, { now: Date.now(), tz: DEFAULT_TZ })

/** The danger the understanding reads in the message, when it reads one (its rules add to the classifier's). */
function understoodDanger(ctx: Context) {
  const u = understood(ctx)
  return u.intent === 'help.emergency' || u.intent === 'help.third_party' ? u.slots.danger : undefined
}

/** Her own trouble told beside the question: lost her job, laid off, divorced, out of money, ill. */
const OWN_TROUBLE_TOLD = /(?:我|俺).{0,8}(?:被.{0,4}(?:辞|开除|裁|炒)|下岗|失业|没(?:了)?工作|离(?:了)?婚|病了|住院)|(?:辞退|被辞|被裁|下岗了|失业了)/u
/** A person asked for, not information: "有没有人能帮忙开导下", "谁能帮帮我", "找个人聊聊". */
const ASKS_FOR_PERSON = /有没有人|谁能帮|找(?:个)?人|帮帮|帮忙|开导|陪(?:我|她|他)|聊聊|求助|转人工/u

// Asked as a question ("…咋办", "有啥办法"), not told as a story: the documents may already answer it.
// "还能做两癌筛查不", "有培训补贴没": a yes-no question by its last word.
const PRACTICAL_QUESTION = new RegExp(`[?？]|吗|有(?:什么|啥)(?:办法|法子|路子)|啥法子|能不能|怎么|咋办|咋整|咋弄|啥办法|有没有|有没得|哪里|哪儿|去哪|${YES_NO_TAIL}`, 'u')

/**
 * The rules' classification named by the understanding's category when it has one (rules and the learned reader,
 * measured on the blind corpus: "离婚了娃的抚养费他一直不给" is 法律维权, as the group line said), else the rules'.
 */
function helpClassification(ctx: Context): Classification {
  const rules = rulesOf(ctx)
  return { ...rules, kind: 'help', category: CATEGORY_OF[understood(ctx).slots.category ?? ''] ?? rules.category }
}

/** The rules' classification, raised to an emergency when the understanding reads danger. */
function emergencyOf(ctx: Context): Classification {
  const rules = rulesOf(ctx)
  const danger = understoodDanger(ctx)
  if (!danger) return rules
  const category = rules.category !== '其他' ? rules.category : (CATEGORY_OF[understood(ctx).slots.category ?? ''] ?? '其他')
  return { ...rules, kind: 'help', urgency: '紧急', category, medical: rules.medical || danger === 'medical', selfHarm: rules.selfHarm || danger === 'suicide', clear: true }
}

export const referrals: Capability = createReferrals()
