// Safety and the bot itself: a deposit or transfer request "from the federation" in the group (a short
// anti-fraud warning there, the hosts told privately), a message about a voice note or picture the bot
// cannot read (say so and ask to type, guess nothing), and questions about what the bot is and who sees what.
// Routes (command band, before the Q&A and the help predicate):
//   safety.fraud   priority 1 (before referrals.privacy: a scam post often carries a card or phone number)
//   safety.media   priority 25
//   safety.about   priority 25
//   safety.smalltalk priority 79 (just before the Q&A: thanks, greetings, "在吗" and small talk said to the bot get a
//                  short line, not a search of the documents; "好的", "收到" get none)
// Predicates only read the understanding (src/core/understanding.ts).
import { type App, type Capability, type Context, contextKey } from '../core/capability.ts'
import { privateOf } from '../core/message.ts'
import { understood as understoodOf } from '../core/understanding.ts'
import { PAID_VICTIM, SCAM_IN_PROGRESS } from '../nlu/help.ts'
import { isAcknowledgement, isPraise, isPresenceCheck } from '../nlu/small-talk.ts'
import { bare, normalize } from '../nlu/text.ts'
import { ASKED_AGAIN_OF, QUESTION_WORD, WHOM_TO_ASK_ALONE, YES_NO_TAIL } from '../core/zh/question-forms.ts'
import { safetyTexts as T } from './texts.ts'

// "暑假呢 放假了更没人管": a follow-up that asks the last question again of something else.
// "要钱不" after a question answered: a yes-no question by its last word, not small talk.
// "交给谁", "几时", "多久" after a question answered: a question word alone asks too (read on the normal form, so
// "交給誰", "幾時", "邊個負責" do as well).
const ASKS = new RegExp(`[?？]|吗|${QUESTION_WORD}|是不是|能不能|可不可以|有没有|${ASKED_AGAIN_OF}|${YES_NO_TAIL}`, 'u')
/** Said to the bot and not a question: small talk's short line, not a search of the documents. "在吗" asks only whether it is there. */
const smallTalk = (said: string) => !ASKS.test(said) || WHOM_TO_ASK_ALONE.test(bare(said)) || isPresenceCheck(said)
/** A question whether something is real, asked in a group where a scam was posted in the last half hour. */
const AFTER_SCAM = contextKey<boolean>('safety.afterScam')
const isText = (ctx: Context) => ctx.msg.kind === 'text' && ctx.msg.text.trim().length > 0
/** "刚发的语音大家听听": said to the others in the group, not to the bot, so the bot has nothing to say. */
const toTheGroup = (ctx: Context) =>
  ctx.msg.conversation.kind === 'room' && !ctx.msg.mentioned && /大家|你们|姐妹们|各位|群里的?/u.test(ctx.msg.text) && !/你(?!们)|小助手|助手|机器人/u.test(ctx.msg.text)

/**
 * Right after a scam was posted in the group, the ways of saying she paid it: a transfer, a scam's kind of fee, money
 * paid ("转过去了 咋办", "我付了钱了 能退吗", "钱已经打过去了"); never an activity's fee ("插花材料费交了能退吗").
 */
const PAID_AFTER_SCAM = /(?:转|汇)(?:了|过去|出去)|打(?:了(?=\d|钱)|过去|出去)|(?:交|付)(?:了|过).{0,6}(?:手续费|保证金|押金|解冻费|激活费|工本费|认证费|钱)|钱.{0,4}(?:转|汇|打|交|付)(?:了|过去|出去)/u
const ACTIVITY_FEE = /材料费|报名费|活动费|餐费|门票/u
/** She says she paid: anywhere in words that can only mean a scam, or right after one was posted in the group. */
const paid = (said: string, afterScam: boolean) => !ACTIVITY_FEE.test(said) && (PAID_VICTIM.test(said) || (afterScam && PAID_AFTER_SCAM.test(said)))
/** Already paid: what to do now comes first, at once (not gathered into a flood digest). */
const victim = (ctx: Context) => ctx.reply(T.fraudVictim, { urgent: true })

export function createSafety(deps: { now?: () => number } = {}): Capability {
  return {
    name: 'safety',
    register(app: App) {
      const intent = (ctx: Context) => understoodOf(ctx, { now: (deps.now ?? Date.now)(), tz: app.config.timezone }).intent

      // Asking whether a demand is real, or passing on what someone told her ("有人说交3000块包装费就能帮我办下来 靠谱不"):
      // she is the one to warn, never the one reported.
      const ASKS_IF_REAL = /真的吗|是真的|是不是(?:真的|骗|诈骗)|靠谱[吗么不嘛]|靠不靠谱|真的假的|能信[吗么不]|可信[吗么不]|能不能信|要不要交|该不该交|用不用交|骗子吗|是骗|假的吧|是假的|骗人的吧|^(?:有人|有个人|对方|那人|人家|他们|听说)(?:跟我|给我|和我)?(?:说|讲|打电话说)/u
      // Told what someone asked of her ("有人冒充妇联让我转账咋办", "对方叫我先交钱"), or asking what to do about it: a
      // question about a scam, not a scam post. So is anything said to the bot: a scammer does not @ it to ask.
      const ABOUT_A_DEMAND = /冒充|自称|(?:让|叫|要|逼|骗)我(?:先)?(?:转账|转钱|交钱|交|付|汇|扫码|填)|咋办|怎么办|咋整|怎么弄|怎么处理|该怎么/u
      const asksAbout = (ctx: Context) => ASKS_IF_REAL.test(ctx.msg.text) || ABOUT_A_DEMAND.test(ctx.msg.text) || ctx.msg.mentioned === true
      // A scam was just posted in this group: "这个是真的吗 我要不要去领" right after it asks about that post, and "转过去了
      // 咋办" says she paid it.
      const recentKey = (groupId: string) => app.key('safety', 'fraud', 'recent', groupId)
      app.use(async (ctx, next) => {
        if (ctx.msg.conversation.kind === 'room' && ctx.msg.groupId && isText(ctx) && (ASKS_IF_REAL.test(ctx.msg.text) || PAID_AFTER_SCAM.test(normalize(ctx.msg.text)))) {
          const recent = await app.redis.get(recentKey(ctx.msg.groupId)).catch(() => null)
          if (recent) ctx.set(AFTER_SCAM, true)
        }
        await next()
      })
      app.route({
        name: 'safety.fraud-asked',
        priority: 1,
        match: (ctx) => isText(ctx) && ctx.get(AFTER_SCAM) === true && intent(ctx) !== 'help.emergency',
        // "这个是真的吗 我刚转了198 能退回来吗": that she paid comes first.
        handle: (ctx) => (paid(normalize(ctx.msg.text), true) ? victim(ctx) : ctx.reply(T.fraudAnswer)),
      })
      app.route({
        name: 'safety.fraud',
        priority: 1,
        match: (ctx) => isText(ctx) && intent(ctx) === 'safety.fraud',
        async handle(ctx) {
          // Already paid: what to do now, wherever she says it.
          const said = normalize(ctx.msg.text)
          if (SCAM_IN_PROGRESS.test(said)) return ctx.reply(T.fraudInProgress)
          if (paid(said, false)) return victim(ctx)
          if (ctx.msg.conversation.kind === 'private') return ctx.reply(T.fraudAnswer)
          // Asking whether such a request is real ("这个是真的吗 要不要交钱") or what to do about one: she gets the answer,
          // and nobody is told she posted a scam.
          if (asksAbout(ctx)) return ctx.reply(T.fraudAnswer)
          // Nobody is @-mentioned: the poster may be the scammer, and the warning is for everyone.
          await ctx.reply(T.fraudWarning, { mention: false, key: `fraud:${ctx.msg.id}` })
          if (ctx.msg.groupId) await app.redis.set(recentKey(ctx.msg.groupId), ctx.msg.id, 'EX', 30 * 60)
          const group = ctx.group
          for (const ref of group?.hosts ?? []) {
            const host = await app.resolvePerson(ref).catch(() => undefined)
            if (!host) {
              ctx.log.warn({ host: ref }, 'safety: host not found among contacts')
              continue
            }
            if (host.id === ctx.msg.sender.id) continue
            await app.outbox.send({ to: privateOf(host), text: T.fraudHost(group?.name ?? '群', ctx.msg.sender.name), key: `fraud:${ctx.msg.id}:host:${host.id}` })
          }
          ctx.log.warn({ sender: ctx.msg.sender.id }, 'possible fraud post in a group')
        },
      })

      app.route({
        name: 'safety.media',
        priority: 25,
        match: (ctx) => isText(ctx) && intent(ctx) === 'media.reference' && !toTheGroup(ctx),
        handle: (ctx) => ctx.reply(T.media),
      })

      app.route({
        name: 'safety.about',
        priority: 25,
        match: (ctx) => isText(ctx) && intent(ctx) === 'bot.about',
        // "发了条语音 小助手能听懂不": asked about voice notes or pictures, the plain answer is that it cannot.
        handle: (ctx) => ctx.reply(/语音|录音|图片|照片|截图|视频/u.test(ctx.msg.text) ? T.media : T.about(app.config.bot.name)),
      })

      app.route({
        name: 'safety.smalltalk',
        priority: 79,
        // A question addressed to the bot goes to the documents even when it reads as chatter.
        match: (ctx) => isText(ctx) && (ctx.msg.conversation.kind === 'private' || ctx.msg.mentioned) && intent(ctx) === 'chatter' && smallTalk(normalize(ctx.msg.text)),
        // Read on the normal form: Cantonese thanks ("唔该晒", "多謝") are thanks.
        async handle(ctx) {
          const said = normalize(ctx.msg.text)
          if (isPresenceCheck(said)) return ctx.reply(T.present)
          // "好的", "收到", "晓得了" close an exchange, and in a WeChat group nobody answers them: a reply would buzz every
          // member's phone to say nothing and invite another "好的" (a tester found "我在呢…" to one beside the point).
          // Claimed here, so the documents are not searched for it, and left unanswered, in private too.
          if (isAcknowledgement(said)) return
          // Praise ("你真厉害", "哈哈好的 你真厉害") is said to the bot and waits for a word back, as thanks do: left unanswered
          // the bot looks broken to the one who @-ed it, and "我在呢…" with its list of services misses what she said. One
          // short thanks closes it without inviting more, and buzzes the group no more than her message did.
          if (isPraise(said)) return ctx.reply(T.praised)
          return ctx.reply(T.smalltalk(said))
        },
      })
    },
  }
}

export const safety: Capability = createSafety()
