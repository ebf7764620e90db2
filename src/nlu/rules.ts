// The rule reading of a message: text + situation → meaning, offline and synchronous, the same for Simplified
// and Traditional (converted first). src/nlu/understand.ts weighs it against the learned reading. The order of the readers is the order of what must not be missed: danger, fraud, numbers posted in
// the group, the answer to a question the bot asked, the person's open case, host actions, sign-ups, help,
// the bot itself, questions; anything else is chatter.
import { DISTRESS, problemCategory } from './need.ts'
import { readAnnouncement, readConfirmation, readHostAction, readReminder } from './host.ts'
import { readBotAbout, readCase, readConsent, readEmergency, readFraud, readHandoff, readHelp, readMedia, readPrivacy, readQuestion } from './help.ts'
import { readSignup } from './signup.ts'
import { isPresenceCheck } from './small-talk.ts'
import { activityRef, bare, namesActivity, normalize } from './text.ts'
import type { HelpCategory, Situation, Understanding } from './types.ts'

const QUESTIONISH = new Set(['activity.info', 'activity.list', 'signup.status', 'signup.roster'])
/** The sender signing up herself or someone: 帮我报, 给我妈报, 我报, 算我, 加我, 我也去, a leading 报名 or +N. */
const OWN_JOIN = /(?:帮|给|替)(?:我|俺|她|他|她们|他们).{0,8}(?:报|占|留)|报上|(?:我|俺)(?:也|想|要|就)?报|算(?:我|俺)|加(?:我|俺)|(?:我|俺)(?:也)?(?:去|参加)(?![不了过她他家那])|^报名|^\+\s*\d|留(?:个|一个)?(?:位|名额)/u
/** The sender taking her own place back: 取消, 不去了, 去不了. */
const OWN_CANCEL = /取消|不去了|去不了|来不了|不参加了|退了|退掉/u
const SERVICE_SIGNUP = /项目|招工|招聘|救助|补助|帮扶|慰问|岗位|工作|技能培训|职业培训|培训班|学费|低保|贷款|咨询|律师|法律援助|调解|筛查|体检|测评|疏导|心理辅导|托管/u
/** The category of a service signed up for, when she tells no trouble of her own beside it. */
const SERVICE_CATEGORY: [RegExp, HelpCategory][] = [
  [/筛查|体检|测评/u, 'health'],
  [/疏导|心理/u, 'psych'],
  [/律师|法律援助|调解/u, 'legal'],
  [/托管/u, 'child'],
  [/救助|补助|帮扶|慰问|低保/u, 'hardship'],
  [/招工|招聘|岗位|工作|技能培训|职业培训|培训班|贷款/u, 'jobs'],
]
/** Help asked for in so many words, not a worry said in passing. */
const ASKS_OUTRIGHT = /求助|帮帮|求求|能不能帮|能帮(?:我|忙|一下|把手)|有没有人(?:能|可以)?(?:帮|聊聊|说说|陪我|听我)|有(?:啥|什么)(?:补助|救助|补贴|帮扶)(?:能|可以)申请|帮(?:我们|我)(?:申请|看看|问问|找)|该(?:怎么办|咋办)|这日子怎么过|找(?:个)?人(?:说说|聊聊)|有没有(?:什么)?(?:补助|救助|补贴|帮扶|康复|能帮忙的地方)/u
/** "不是活动哈": she says it is not the group's activity she means. */
const NOT_ACTIVITY = /不是(?:咱们?|群里|微家)?的?活动/u
/** "能帮我约一下心理咨询吗？周日插花课之后的时间都行": booking a service, whatever activity is named beside it. */
const BOOKS_SERVICE = /(?:约|预约|挂)(?:一下|个|一个)?.{0,4}(?:心理|法律|律师|咨询|调解|筛查|体检)|咨询日/u
const SIGNUP_WORD = /报|接龙|\+\s*\d|算我|算上|加我|参加|占/u

export function readByRules(raw: string, sit: Situation): Understanding {
  const t = normalize(raw)
  if (sit.media || !t) return readMedia(t, sit) ?? { intent: 'chatter', slots: {} }
  const emergency = readEmergency(t, sit)
  if (emergency) return withSignup(emergency, t, sit)
  const fraud = readFraud(t)
  if (fraud) return fraud
  const privacy = readPrivacy(t, sit)
  if (privacy) return privacy

  const pending = readPending(t, sit)
  if (pending) return pending
  // A pasted 接龙 (numbered lines of names) is a sign-up list, whatever family words its names carry ("2. 王芳婆婆").
  if ((raw.match(/(?:^|\n)\s*\d{1,2}\s*(?:[.、．)）]|(?![点楼号月日元块岁个人天时分期届年次层栋单])(?=\p{Script=Han}))/gu) ?? []).length >= 2) {
    const join = readSignup(t, sit)
    if (join?.intent === 'signup.join') return join
  }
  const ownCase = readCase(t, sit)
  if (ownCase) return ownCase
  const media = readMedia(t, sit)
  // "刚发的语音听到没 我报插花": the sign-up typed beside it is read; the voice note is not needed for it.
  if (media && !sit.media) {
    const typed = clausesOf(t).map((c) => readSignup(c, sit)).find((r) => r?.intent === 'signup.join' && r.slots.activity !== undefined)
    if (typed) return { ...typed, also: ['media.reference'] }
  }
  if (media) return media
  // "我心里乱得很，能不能有人给我打个电话": a person asked for beside a trouble is a request for help.
  const handoff = readHandoff(t)
  if (handoff && (/转人工|人工服务|找人工/u.test(t) || !(problemCategory(t) || DISTRESS.test(t)))) return handoff

  // A host putting right what she just posted ("写错了，改成下午3点", "地点也写错了，是…", "不是九点 是十点半"), with no
  // preview waiting: the sign-ups capability applies it to the activity she published a moment ago.
  if (sit.role !== 'resident' && (/写错|弄错|搞错|说错|打错/u.test(t) || /^不是[^，,。\s]{1,8}[，,。\s]*(?:是|改成|应该是)/u.test(t))) {
    const fix = readConfirmation(t, sit)
    if (fix?.intent === 'correction' && Object.keys(fix.slots).length) return fix
  }
  const reminder = readReminder(t, sit)
  if (reminder && !(sit.role !== 'resident' && /接龙|限\d/u.test(t) && !/^.{0,16}提醒/u.test(t))) return reminder
  const announce = readAnnouncement(t, sit)
  const host = readHostAction(t, sit)
  if (host && (host.intent !== 'host.cancel' || sit.role !== 'resident' || !/报名/u.test(t))) {
    // A resident's "插花去不了了" is theirs to cancel, not the activity.
    const residentCancel = host.intent === 'host.cancel' && sit.role === 'resident'
    if (!residentCancel && !(announce && host.intent !== 'host.edit')) return host
  }
  if (announce) return announce

  // "你能帮别人报名不，还是只能自己报": what the bot can do, asked in general, not a sign-up.
  if (/你(?:能|会|可以).{0,12}(?:不|吗|么|没)(?:[，,？?]|$)/u.test(t) && /别人|只能|还是|都能/u.test(t)) return { intent: 'bot.about', slots: {} }
  const help = readHelp(t, sit)
  const signup = joinSentence(t, sit, help) ?? readSignup(t, sit)
  // A need told in her own words outranks a question-shaped reading of an activity ("不知道从哪开始" is not a
  // question about when one starts) and a sign-up that names neither an activity nor a sign-up word.
  // A question about a place or her own sign-up ("周六的还能挤进去不", "我插花报上了没") stays one, with the worry beside it.
  // "有没有帮扶项目可以帮我报个名", "有没有招工的名额，帮我报一个": signing up for a service, not the group's activity.
  const named = namesActivity(t, sit.activities)
  // "报名 顺便问下 …有啥补助能申请不": the sign-up word opens it on its own; the service is what she asks about after.
  const opensWithJoin = sit.activities.length === 1 && BARE_JOIN.test(clausesOf(t)[0] ?? '')
  if (signup && help?.intent === 'help.request' && ((!named && !opensWithJoin && SERVICE_SIGNUP.test(t)) || BOOKS_SERVICE.test(t)) && (signup.intent === 'signup.join' || QUESTIONISH.has(signup.intent))) return help
  // The same with no trouble told beside it ("社区免费体检给她报一个吧", "帮我报个名 不是活动哈 是冬季慰问那个"): the
  // service is what she asks for, through staff; the group's roster is not where it goes.
  if (signup?.intent === 'signup.join' && (!named || NOT_ACTIVITY.test(t)) && SERVICE_SIGNUP.test(t) && !help) {
    const category = SERVICE_CATEGORY.find(([re]) => re.test(t))?.[1]
    return { intent: 'help.request', slots: category ? { category } : {} }
  }
  // Help asked for outright beside a sign-up or a cancellation ("取消亲子阅读 孩子住院了 白血病…能不能帮我们申请点救助",
  // "先报个插花 另外想求助一下 我儿子有自闭症…"): the request comes first, and the sign-up or cancellation is carried
  // along with its own slots (the help route hands it to the sign-ups once the private offer is out).
  // A cancellation is carried only when she is on a roster to be taken off.
  const onRoster = signup?.slots.activity !== undefined ? sit.signedUp.includes(signup.slots.activity) : sit.signedUp.length > 0
  if (signup && help?.intent === 'help.request' && (signup.intent === 'signup.join' || (signup.intent === 'signup.cancel' && onRoster)) && ASKS_OUTRIGHT.test(t)) {
    // Its people are read from its own clause: "孩子住院了" beside "取消香包" is not a child to take off the list.
    const own = clausesOf(t).map((c) => readSignup(c, sit)).find((r) => r?.intent === signup.intent)
    // With no clause of its own, a cancellation is her own.
    const slots = own?.slots ?? (signup.intent === 'signup.cancel' ? {} : signup.slots)
    return { ...help, also: [...(help.also ?? []), signup.intent], signup: { ...slots, ...(signup.slots.activity !== undefined ? { activity: signup.slots.activity } : {}) } }
  }
  // Not going to an activity she is not on, because of a trouble she asks help with ("插花课我就不报了 二十块都拿不出
  // … 社区能帮帮忙吗"): the trouble; on its roster, she is taken off and the trouble heard too.
  const leaving = /不报了|不去了|去不了|来不了|不参加了|(?:得|要|先)退了|退出|取消/u.test(t)
  // "材料费都拿不出" beside it is the trouble, not a question about the fee.
  if (signup && leaving && help?.intent === 'help.request' && (signup.intent === 'signup.cancel' || signup.intent === 'signup.join' || QUESTIONISH.has(signup.intent))) {
    const on = signup.slots.activity !== undefined ? sit.signedUp.includes(signup.slots.activity) : sit.signedUp.length > 0
    if (!on) return help
    // A relative's sore leg or cold as the reason she drops out ("我妈腰疼 帮她取消吧 我自己去") is no trouble to offer
    // help for; the cancellation alone.
    if (signup.intent === 'signup.cancel') return MINOR_REASON.test(t) && !ASKS_OUTRIGHT.test(t) && !DISTRESS.test(t) ? signup : { ...signup, also: ['help.request'] }
  }
  // The activity must be named, not only described: "离婚了娃的抚养费…咋整" is about her child, not 亲子阅读.
  // An activity she missed last time ("上次亲子阅读我没去成，因为我老公把我锁在家里了") is the setting of her trouble, not
  // what she asks about.
  const pastSetting = /上次|上回|那次|上一次/u.test(t) && !/名额|位置|挤|报上|候补|名单/u.test(t)
  if (signup && help?.intent === 'help.request' && QUESTIONISH.has(signup.intent) && !pastSetting && (named || /名额|位置|挤|报上|候补|名单/u.test(t))) {
    return { ...signup, also: ['help.request'] }
  }
  if (signup && help?.intent === 'help.request' && (QUESTIONISH.has(signup.intent) || (signup.intent === 'signup.join' && signup.slots.activity === undefined && !SIGNUP_WORD.test(t)))) return help
  // "求个活儿，在家能做的手工活也行，孩子太小走不开": nothing to cancel (no activity named, none signed up for) and a
  // need told: the need.
  if (signup?.intent === 'signup.cancel' && help?.intent === 'help.request' && !named && sit.signedUp.length === 0) return help
  // "隔壁张姐报了插花课又不来了…她老公把她打得脸都肿了": someone else's trouble told around an activity, with no
  // sign-up of the sender's own, is a report for staff.
  if (signup?.intent === 'signup.join' && help?.intent === 'help.third_party' && !OWN_JOIN.test(t)) return help
  if (signup) {
    // A sign-up that also voices a worry: both happen (the sign-up first, a gentle private check-in). The worry
    // must be a trouble or distress of her own: "帮我婆婆也报个名" names family, not a problem.
    // The activity's own title is no worry: "帮俺报上面点培训" names a 培训, not a need for jobs help.
    const said = sit.activities.reduce((s, a) => s.split(a.title).join(' '), t)
    if (signup.intent === 'signup.join' && readHelp(said, sit) && (problemCategory(said) !== undefined || DISTRESS.test(said))) return { ...signup, slots: { ...signup.slots }, also: ['help.request'] }
    if (signup.intent === 'signup.join' && /另外问|顺便问/u.test(t)) return { ...signup, also: [/材料费|几点|在哪/u.test(t) ? 'activity.info' : 'qa.question'] }
    return signup
  }
  if (help) return help
  // "报名 另外我上个月被厂里辞了 社区有没有什么培训或者招工的信息": the bare sign-up word opens it on its own, and what follows is
  // a question (or a trouble these rules do not hear): she is signed up, and the rest is served as what it reads as.
  // Read whole, it was a question only, and her sign-up was lost.
  if (opensWithJoin) {
    const [opening, ...after] = clausesOf(t)
    const first = readSignup(opening!, sit)
    const rest = first?.intent === 'signup.join' ? readByRules(after.join(' '), sit).intent : undefined
    if (rest === 'qa.question' || rest === 'activity.info' || rest === 'help.request') return { ...first!, slots: { ...first!.slots, activity: sit.activities[0]!.id }, also: [rest] }
  }
  // "在吗", "小助手在吗？", "喺唔喺度": whether the bot is there, not what it is nor a question for the documents.
  if (isPresenceCheck(t)) return { intent: 'chatter', slots: {} }
  const about = readBotAbout(t)
  if (about) return about
  const question = readQuestion(t, sit)
  if (question) return question
  return { intent: 'chatter', slots: {} }
}

/**
 * "俺报插花。唉最近家里揭不开锅了…有没有啥救助": a sentence that signs up for a named activity on its own, beside a
 * trouble told in the next. The whole message reads as a question (有没有), so the sign-up is read sentence by
 * sentence; both then happen (the sign-up, and the worry as a second meaning).
 */
function joinSentence(t: string, sit: Situation, help: Understanding | undefined): Understanding | undefined {
  if (help?.intent !== 'help.request') return undefined
  const sentences = clausesOf(t)
  if (sentences.length < 2) return undefined
  for (const sentence of sentences) {
    const read = readSignup(sentence, sit)
    if (read?.intent !== 'signup.join' || read.slots.activity === undefined) continue
    // "帮我婆婆也报上包粽子 我自己也去": who goes is said across the clauses; read whole when it reads the same sign-up.
    const whole = readSignup(t, sit)
    return whole?.intent === 'signup.join' && whole.slots.activity === read.slots.activity ? whole : read
  }
  // "报名 我下岗半年了…社区能不能帮帮忙" with one activity open: the bare sign-up word that opens it signs her up for it
  // ("报名 帮我婆婆也报上": with whoever else the message signs up).
  const first = readSignup(sentences[0]!, sit)
  if (sit.activities.length === 1 && BARE_JOIN.test(sentences[0]!) && first?.intent === 'signup.join') {
    const whole = readSignup(t, sit)
    const slots = whole?.intent === 'signup.join' ? whole.slots : first.slots
    return { ...first, slots: { ...slots, activity: sit.activities[0]!.id } }
  }
  return undefined
}
const BARE_JOIN = /^(?:报名|报一个|报个名|我报名|算我一个|\+1)$/u
/** A relative's passing ailment, said as the reason for dropping out. */
const MINOR_REASON = /(?:腿|腰|脚|膝盖|头|牙)(?:疼|痛|不好|不舒服)|感冒|发烧|咳嗽|崴了?脚|不太舒服/u

/** Sentences, and clauses set apart by spaces alone, as a message typed fast has them ("报名插花课 我 另外我最近摸到…"). */
export const clausesOf = (t: string): string[] => t.split(/[。！!？?\n]+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u).map((x) => x.trim()).filter(Boolean)

/**
 * An emergency that also signs her up for a named activity in a clause of its own ("我报插花 还有个事 … 我老公又动
 * 手了 能不能私聊我"): the danger comes first, and the sign-up is kept as a second meaning with its own slots.
 */
function withSignup(emergency: Understanding, t: string, sit: Situation): Understanding {
  if (emergency.intent !== 'help.emergency' || !(OWN_JOIN.test(t) || OWN_CANCEL.test(t))) return emergency
  for (const sentence of clausesOf(t)) {
    if (readEmergency(sentence, sit)) continue
    const read = readSignup(sentence, sit)
    // Safety reads before the activities are loaded: then the clause's own sign-up words are enough (the sign-ups
    // capability finds the activity by its title when the message is handed over).
    const named = read?.slots.activity !== undefined || (sit.activities.length === 0 && SIGNUP_WORD.test(sentence))
    if (read?.intent === 'signup.join' && named) return { ...emergency, also: [...(emergency.also ?? []).filter((x) => x !== 'signup.join'), 'signup.join'], signup: read.slots }
  }
  // "插花取消吧 老公又喝多了砸东西…": the numbers first, and her own place given back all the same.
  // Safety reads before the activities are loaded: then her cancel words are enough (the sign-ups capability finds the
  // activity by its title, or by her place on a roster, when the message is handed over).
  const whole = OWN_CANCEL.test(t) ? readSignup(t, sit) : undefined
  const cancels = whole?.intent === 'signup.cancel' && whole.slots.activity !== undefined
  if (cancels || (OWN_CANCEL.test(t) && sit.activities.length === 0 && !OWN_JOIN.test(t))) {
    return { ...emergency, also: [...(emergency.also ?? []).filter((x) => x !== 'signup.cancel'), 'signup.cancel'], signup: cancels ? { activity: whole!.slots.activity } : {} }
  }
  return emergency
}

/** The answer to a question the bot asked this sender, when it reads as one. */
export function readPending(t: string, sit: Situation): Understanding | undefined {
  switch (sit.pending) {
    case 'consent':
    case 'contact':
      return readConsent(t, sit)
    case 'confirm_announce':
    case 'confirm_cancel':
    case 'confirm_reminder':
      return readConfirmation(t, sit)
    case 'which_activity': {
      const b = bare(t)
      if (/两个都|都想|都要|都报/u.test(t)) return { intent: 'pending.answer', slots: {} }
      const n = /^(\d|[一二两])(?:号|个)?/u.exec(b)
      if (n) {
        const num = /\d/u.test(n[1]!) ? Number(n[1]) : n[1] === '一' ? 1 : 2
        if (sit.activities.some((a) => a.id === num)) return { intent: 'pending.answer', slots: { activity: num } }
      }
      const a = activityRef(t, sit.activities, sit.tz)
      if (a && b.length <= 12) return { intent: 'pending.answer', slots: { activity: a } }
      return undefined
    }
    default:
      return undefined
  }
}
