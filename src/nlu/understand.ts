// Text + situation → meaning. Two readers, weighed: the rules (src/nlu/rules.ts: exact about slots, safety
// first, but they only know the phrasings they were written for) and a learned model (src/nlu/learned: a
// linear model over character n-grams, which generalises to wordings nobody wrote a rule for). The rules'
// intent stands unless the model prefers another by a clear margin; the slots are then read for the model's
// intent by that intent's own slot reader.
//
// What the model may never do: lower danger (an emergency the rules read stays one, and the model alone
// never makes one: its "emergency" becomes a help request, whose first reply still carries 110 and 12338),
// turn a sign-up into a help request or back (both are said never to happen), or second-guess a media
// message or a phone number posted in the group.
import { contactIn, HESITATE, readConsent, readHelp, RHETORICAL, thirdCategory } from './help.ts'
import { acknowledges } from './withdrawal.ts'
import { announceSlots, asksBesidePreview, correctionSlots, editSlots, readAnnouncement, readConfirmation, readHostAction, manageSlots, readReminder, reminderSlots } from './host.ts'
import { addsToNotice } from './notice-detail.ts'
import { learnedCategories, learnedIntents, type IntentScore } from './learned/index.ts'
import { categoryOfNeed, DISTRESS, problemCategory } from './need.ts'
import { peopleIn } from './people.ts'
import { clausesOf, readByRules, readPending } from './rules.ts'
import { activityInNotes, AGREEING, isBareAsk, BOTH, cancelSlots, everyOpen, HOW_TO_JOIN, infoField, JOIN_CLAUSE, joinAskedFor, OPENS_WITH_JOIN, readSignup, removalTarget, withAntecedent } from './signup.ts'
import { activityRef, namesTitle, normalize } from './text.ts'
import { asksAboutWork } from './work-figure.ts'
import { isPresenceCheck } from './small-talk.ts'
import type { Intent, Situation, Slots, Understanding } from './types.ts'

/**
 * How much more probable the model's intent must be than the rules' before it wins. Chosen on two blind batches
 * (d, e: 660 lines) before they joined the training data: route accuracy there was rules 0.758, model alone
 * 0.856, and 0.848 / 0.858 / 0.867 / 0.871 / 0.867 / 0.852 at margins 0 / 0.1 / 0.2 / 0.3 / 0.4 / 0.5.
 */
export const MARGIN = 0.3
/**
 * The model's own probability must also be clear: on short messages ("帮帮我") it spreads thin and a margin over
 * a rule intent it barely considers is no evidence. On d+e (blind, as above) this costs 0.4 points (0.880 → 0.876)
 * and removes overrides like "帮帮我" → a voice-note question.
 */
export const MIN_P = 0.4
const MEDIA_WORD = /语音|录音|照片|图片|图|截图|视频|发的|听|看/u
/** How sure the model must be to move a message between a sign-up and a help request. */
export const CROSS_CERTAINTY = 0.95

// A warning about a payment request is safety too: the rules that read one stand.
const KEEP = new Set<Intent>(['help.emergency', 'privacy.number', 'safety.fraud'])
const ACTIVITY_QUESTION = new Set<Intent>(['activity.info', 'signup.status', 'signup.roster'])
const namesActivityInFull = (raw: string, sit: Situation) => {
  const t = normalize(raw)
  return sit.activities.some((a) => t.includes(a.title) || new RegExp(`活动\\s*${a.id}(?!\\d)`, 'u').test(t))
}
const NEEDS_ACTIVITY = new Set<Intent>(['host.edit', 'host.close', 'host.reopen', 'host.cancel', 'host.export', 'signup.cancel', 'signup.remove', 'signup.roster', 'signup.status', 'activity.info', 'pending.answer'])
const isHelp = (i: Intent) => i.startsWith('help.')
const CANCELS = new Set<Intent>(['host.cancel', 'signup.cancel', 'signup.remove'])
/** The speaker tells of herself: 我/俺/咱, or a trouble told as something that happened (subject dropped: "上个月刚被辞了"). */
const OWN_VOICE = /我|俺|咱|自己|刚|上个?月|最近|前几天|前阵子|带.{0,3}(?:娃|孩子)|家里|老公|前夫|(?:要不到|不给|没给|拿不到|讨不到|找不到).{0,6}(?:咋办|怎么办|咋整)/u
/** Asked in general ("一般…", "如果…"): a question about how things work, whoever asks it. */
const GENERAL = /一般|如果|要是|假如|通常|是不是得/u
/** She takes back what she just did ("点错了", "我还是去", "不取消了"). */
const CHANGED_MIND = /(?:点|按|说|发|打)错了|还是(?:要)?(?:去|参加|报)|不取消/u
/** Whether one must sign up, or what others who signed up should do: asked about sign-ups, not said. */
const ABOUT_SIGNING_UP = /(?:要不要|需不需要|用不用|得不得|是不是要|是否要?)(?:提前|先|事先|另外|单独)?报名|(?:需要|得|必须)(?:提前|先|事先)?报名(?:吗|么|嘛|不|没)|(?:她们|他们|大家|别人|人家|居民|姐妹们)[^，,。？?]{0,8}(?:咋弄|咋办|怎么办|怎么弄|咋整)/u
/** A sign-up in so many words, in the first person, with nothing after it that takes it back. */
const PLAIN_JOIN = /^(?:好的?|行|那|嗯|ok|那就)?[\s，,]*(?:我|俺)(?:也|就)?(?:参加|报名|报一个|去)[吧啦哈呀～~！!。]*$/u
const SURE_CHATTER = 0.99
const AS_PLANNED = /照常|照旧|如期|正常(?:进行|举行|上课)|不变/u

const asOneRequest = (scores: IntentScore[]): IntentScore[] => {
  const emergency = scores.find((s) => s.intent === 'help.emergency')?.p ?? 0
  return scores
    .filter((s) => s.intent !== 'help.emergency')
    .map((s) => (s.intent === 'help.request' ? { ...s, p: s.p + emergency } : s))
    .sort((a, b) => b.p - a.p)
}
const isSignup = (i: Intent) => i.startsWith('signup.')

/** How much more probable the learned category must be than the rules' (5-fold CV on the tuning side's help lines). */
export const CATEGORY_MARGIN = 0.6

export function understand(raw: string, sit: Situation): Understanding {
  const u = withCategory(readIntent(raw, sit), raw)
  // Asking how sign-ups work ("家活动要不要提前报名", a host's "报了名临时去不了的 让她们咋弄"): a question for the
  // documents, not a sign-up or a cancellation of her own (which would be held silently, or "taken back").
  if ((u.intent === 'signup.join' || u.intent === 'signup.cancel') && ABOUT_SIGNING_UP.test(normalize(raw))) return { intent: 'qa.question', slots: {} }
  // Asked of the documents by name ("资料里别的社区每月都搞些什么活动？给我点参考"): not the group's own activities.
  if ((u.intent === 'activity.list' || u.intent === 'activity.info') && OF_THE_DOCUMENTS.test(normalize(raw))) return { intent: 'qa.question', slots: {} }
  // Which activities were held in past years ("往年三八节都搞过啥活动", "三八妇女节以前都搞过哪些活动"): history, which the
  // documents (work reports) tell; the group's open sign-ups are what is on now ("现在群里没有正在报名的活动" answered nothing).
  if (u.intent === 'activity.list' && asksPastActivities(normalize(raw))) return { intent: 'qa.question', slots: {} }
  // Chat first, then the bot asked ("哈哈 上回家聚会那个红烧肉绝了 @小助手 下回家聚会是啥时候"): what is addressed
  // to the bot is the last clause, and it is a question.
  if (u.intent === 'chatter' && sit.where === 'group' && sit.mention) {
    const clauses = clausesOf(normalize(raw))
    if (clauses.length > 1) {
      const last = withCategory(readIntent(clauses.at(-1)!, sit), clauses.at(-1)!)
      if (ADDRESSED_QUESTION.has(last.intent)) return { ...last, addressed: clauses.at(-1)! }
    }
  }
  return u
}

const OF_THE_DOCUMENTS = /(?:资料|文件|文档|材料)(?:里|上|中|里面)|资料里有|文件里有/u

/**
 * The past, as people ask about it: 往年, 历年, 去年, 以前 (not "周六以前", a bound on what is coming), 过去几年, or held
 * before ("搞过", "办过", "开展过").
 */
const PAST = /往年|历年|历届|去年|前年|以往|(?<![一二三四五六七日天末\d号点月底])以前|过去(?:几|这些|那些|的)?年|这些年|(?:搞|办|举办|开展|组织|举行|做)过/u
/** Asked about what is on now or coming ("这周", "最近", "还有", "还搞不"): the group's activities, whatever else is said. */
const NOW_OR_COMING = /这周|本周|下周|这个?月|下个?月|最近|近期|现在|目前|今天|明天|后天|周末|接下来|马上|还有|还搞|还办|报名/u
/** A list of activities asked of the past, and nothing asked of what is on now. */
export const asksPastActivities = (t: string): boolean => PAST.test(t) && !NOW_OR_COMING.test(t)

/** What the last clause of a chatty message to the bot may be read as. */
const ADDRESSED_QUESTION = new Set<Intent>(['qa.question', 'activity.info', 'activity.list', 'signup.status'])

/** A help request's category: the rules', unless the learned reader is clearly surer; the learned one when the rules have none. */
function withCategory(u: Understanding, raw: string): Understanding {
  if (u.intent !== 'help.request' && u.intent !== 'help.third_party' && !(u.intent === 'help.emergency' && !u.slots.category)) return u
  const ranked = learnedCategories(raw)
  const top = ranked[0]
  if (!top) return u
  const rule = u.slots.category
  const pRule = rule ? (ranked.find((c) => c.category === rule)?.p ?? 0) : 0
  if (rule && top.p - pRule <= CATEGORY_MARGIN) return u
  // With no category from the rules, only a clear reading: "帮帮我" names no trouble at all.
  if (!rule && top.p < 0.5) return u
  return { ...u, slots: { ...u.slots, category: top.category } }
}

function readIntent(raw: string, sit: Situation): Understanding {
  const rule = readByRules(raw, sit)
  if (KEEP.has(rule.intent) || sit.media || rule.slots.danger) return rule
  // A worry about being a bother, asked while the bot waits for her consent, is not a yes, whatever the model says.
  if (sit.pending === 'consent' && rule.intent === 'chatter' && HESITATE.test(raw)) return rule
  // "小助手在吗？", "你还在吗": whether the bot is there; the model hears "what are you" in 你 and 小助手.
  if (rule.intent === 'chatter' && isPresenceCheck(normalize(raw))) return rule
  // An announcement the rules read with its time is structure, not a guess.
  if (rule.intent === 'host.announce' && rule.slots.time) return rule
  // So is a resident's "我来发个活动": she hears who may announce, not a sign-up held for an activity nobody will post.
  if (rule.intent === 'host.announce' && sit.role === 'resident') return rule
  // With nothing announced, nothing can be edited, cancelled or asked about: the corpus the model learned from
  // always had two open activities, so the situation decides this, not the model.
  // The model never raises an emergency on its own (safety is the rules'), so what it gives an emergency is
  // evidence of a request for help: the two are one reading here.
  // With nothing announced, the rules' cancellation stands: it can only take back a sign-up held for the coming
  // announcement ("哎不对 周六我上班 去不了 不算我了"), and the sign-ups answer it only when one is held.
  if (sit.activities.length === 0 && rule.intent === 'signup.cancel') return rule
  const all = asOneRequest(learnedIntents(raw, sit))
  const ranked = all.filter((s) => sit.activities.length > 0 || !NEEDS_ACTIVITY.has(s.intent))
  const top = ranked[0]
  if (!top) return rule
  // Torn towards a reading the situation rules out ("编织角在哪里活动" as a question about an activity, with none
  // announced): the model has nothing sure to say.
  const ruledOut = all.reduce((sum, s) => (ranked.includes(s) ? sum : sum + s.p), 0)
  if (ruledOut > top.p) return rule
  // Silence is the model's costliest mistake: it never turns a question, or a message that names one of the
  // group's activities (titles it never saw; the rules read them from the situation), into chatter.
  // Nor a request to be reminded ("到时候提醒我一声哈"): unanswered, she would count on a reminder that never comes.
  // Nor a sign-up said plainly in the first person ("好的 我也参加"): unless the model is all but certain, silence would
  // lose a place she counts on.
  if (top.intent === 'chatter' && rule.intent === 'signup.join' && PLAIN_JOIN.test(normalize(raw)) && top.p < SURE_CHATTER) return rule
  // Nor made a question about places when she says she goes too ("还有位置吗 我也想去"): the sign-up's reply says
  // whether she is on the list or waitlisted, which answers the question too.
  if (top.intent === 'signup.status' && rule.intent === 'signup.join' && JOIN_CLAUSE.test(normalize(raw))) return rule
  if (top.intent === 'chatter' && (rule.intent === 'qa.question' || (rule.intent === 'reminder.create' && /提醒(?:一下)?我(?!家)/u.test(raw)) || rule.slots.activity !== undefined)) return rule
  // A question the rules send to the documents is not a request for the list of activities ("编织角在哪里活动"
  // asks where a place is; the rules read list questions well on their own).
  if (rule.intent === 'qa.question' && top.intent === 'activity.list') return rule
  // Nor is a question the rules read as asking one thing of an activity (what to bring, the fee, the time).
  if (rule.intent === 'activity.info' && rule.slots.field && rule.slots.field !== 'who' && top.intent === 'activity.list') return rule
  // Nor is a question about which activities there are ("幾時有活動？要唔要俾錢㗎") one about a detail of one of them,
  // unless it names one: the list answers when, and each notice says what it costs.
  if (rule.intent === 'activity.list' && top.intent === 'activity.info' && !namesActivityInFull(raw, sit)) return rule
  // Nor is one thing asked of an activity the rules found by name or by its notice ("冬至联欢要带啥", "包饺子要带啥"), or
  // asked bare while activities are open ("要带啥"), a question for the documents: the model never saw the group's
  // activities, and the documents would answer with someone else's papers.
  if (rule.intent === 'activity.info' && rule.slots.field && rule.slots.field !== 'other' && top.intent === 'qa.question' && (namesActivityInFull(raw, sit) || activityInNotes(normalize(raw), sit.activities) !== undefined || isBareAsk(normalize(raw)))) return rule
  // Nor is how to sign up for one of them by name ("包饺子怎么报名"): the notice says how, the documents would not.
  if (rule.intent === 'activity.info' && top.intent === 'qa.question' && HOW_TO_JOIN.test(normalize(raw)) && namesActivityInFull(raw, sit)) return rule
  // Nor, unless it names one of them in full (its title or 活动N), a question about an activity: the model never
  // saw the group's titles, and "编织角在哪里活动" asks about a corner of the documents, not the 编织课.
  if (rule.intent === 'qa.question' && ACTIVITY_QUESTION.has(top.intent) && !namesActivityInFull(raw, sit)) return rule
  // "那你们工作人员会看吗" asks how privacy works; it names staff, which the model hears as asking for one.
  if (rule.intent === 'bot.about' && top.intent === 'handoff.human') return rule
  const intent: Intent = top.intent === 'help.emergency' ? 'help.request' : top.intent
  if (intent === rule.intent) return rule
  // "不用带东西", "不限人数": a detail of a notice, which the model hears as the 不 of a refusal (a draft was thrown away).
  if (intent === 'confirm.no' && addsToNotice(normalize(raw))) return rule
  // A host taking someone named off the roster ("帮王芳取消报名"): she signed nobody up, so the model's cancellation
  // (of her own places) would find none; the removal, confirmed first, is what she asks.
  if (rule.intent === 'signup.remove' && intent === 'signup.cancel' && sit.role !== 'resident' && rule.slots.target) return rule
  // "名额一共多少人" beside a preview asks; the model's correction would put its 一 on the draft as the number of places.
  if (intent === 'correction' && asksBesidePreview(normalize(raw))) return rule
  // A withdrawal closes her case and tells the staff holding it to stop: the model never reads one into thanks or news
  // of the help under way ("社工给我打过电话了 谢谢你们", "小王已经联系我了"), which its n-grams share with "不用了 谢谢你们".
  if (intent === 'consent.withdraw' && acknowledges(normalize(raw))) return rule
  // "报名 材料费是现场交吗": the sign-up the rules read first, with the question carried; not only the question.
  if (rule.intent === 'signup.join' && rule.also?.includes('activity.info') && (intent === 'activity.info' || intent === 'signup.join')) return rule
  // "那咋报名" with nothing announced asks how (the documents, or the activity talked about), signs nobody up; so does
  // "广场舞怎么报名" while only 包饺子 is open (how to sign up for something the group has not announced).
  if (intent === 'signup.join' && rule.intent === 'qa.question' && HOW_TO_JOIN.test(normalize(raw)) && (sit.activities.length === 0 || joinAskedFor(normalize(raw), sit.activities, sit.tz) !== undefined)) return rule
  // "哎呀点错了 我还是去", "点错了 不取消 我要去": taking back her cancellation is a sign-up again.
  if ((intent === 'chatter' || intent === 'signup.cancel') && rule.intent === 'signup.join' && CHANGED_MIND.test(normalize(raw))) return rule
  // "是的是的 +1": agreeing with what was said is no sign-up.
  if (intent === 'signup.join' && rule.intent === 'chatter' && AGREEING.test(normalize(raw))) return rule
  // "插花我去 香包就不去了": one activity taken, the other turned down — the sign-up the rules read, not a cancellation,
  // when she is on no list.
  if (intent === 'signup.cancel' && rule.intent === 'signup.join' && sit.signedUp.length === 0 && ((rule.slots.activity !== undefined && sit.activities.filter((a) => namesTitle(raw, a)).length >= 2) || OPENS_WITH_JOIN.test(normalize(raw)))) return rule
  // The rules already carry her cancellation beside the request ("插花我就不去了 材料费都拿不出 社区能不能帮帮忙":
  // the request, and her place given back): the model's cancellation alone would drop the request. (A carried
  // sign-up is left to the model: "求求了，阅读帮我们娘俩挤两个位置吧" is a favour asked, not a trouble.)
  if (intent === 'signup.cancel' && rule.also?.includes(intent)) return rule
  // "这周六的亲子阅读照常哈": going ahead as planned is no cancellation, whatever the model's n-grams say.
  if (CANCELS.has(intent) && AS_PLANNED.test(raw) && !/取消|不去|去不了|来不了|退/u.test(raw)) return rule
  // Between a sign-up and a help request the rules stand unless the model is all but certain ("…有没有人能帮
  // 我们调解一下" read by the rules as a sign-up for 亲子阅读 because it says 读书); a worry the rules heard in
  // a sign-up the model prefers stays as a second meaning, so the gentle check-in still happens.
  // A question about an activity is served by the sign-ups too: a help request turned into one loses its referral.
  const crosses = (isHelp(rule.intent) && (isSignup(intent) || ACTIVITY_QUESTION.has(intent) || intent === 'activity.list')) || (isSignup(rule.intent) && isHelp(intent))
  // A sign-up the rules read with no activity named is their weakest reading ("想報名技能培訓但冇錢交學費"): there the
  // model crosses to a help request at the ordinary margin.
  const weakJoin = rule.intent === 'signup.join' && rule.slots.activity === undefined && intent === 'help.request' && !namesActivityInFull(raw, sit)
  if (crosses && top.p < CROSS_CERTAINTY && !weakJoin) return rule
  // "以前哪有什么培训，不都是自己摸索出来的": a rhetorical question the rules heard asks the documents nothing.
  if (rule.intent === 'chatter' && intent === 'qa.question' && RHETORICAL.test(raw) && !/[？?]/u.test(raw) && top.p < CROSS_CERTAINTY) return rule
  // Asked in general ("如果有人在群里说自己不想活了，我们应该怎么做"), or a figure about an organisation's work ("老舅妈工作站
  // 成功调解了几起": its n-grams are a dispute's): the rules' question stands unless the model is sure.
  if (rule.intent === 'qa.question' && (GENERAL.test(raw) || asksAboutWork(normalize(raw))) && isHelp(intent) && top.p < CROSS_CERTAINTY) return rule
  // A trouble the rules heard in her own voice is not turned into a question for the documents or into silence unless
  // the model is all but certain: a help request read as a question loses the referral ("我前夫一直不给抚养费，法律
  // 援助去哪申请"). Nor is someone else's harm let pass in silence.
  const ownVoice = rule.intent === 'help.request' && OWN_VOICE.test(normalize(raw)) && !GENERAL.test(raw)
  if (top.p < CROSS_CERTAINTY && ((ownVoice && (intent === 'qa.question' || intent === 'chatter')) || (rule.intent === 'help.third_party' && intent === 'chatter'))) return rule
  // Someone else's trouble the rules read ("我楼下那家 男的三天两头打老婆") is not made hers unless the model is all but
  // certain: she would be told "这不是您的错" and asked to consent for herself, and the one in need never reached.
  if (rule.intent === 'help.third_party' && intent === 'help.request' && top.p < CROSS_CERTAINTY) return rule
  const pRule = ranked.find((s) => s.intent === rule.intent)?.p ?? 0
  if (top.p - pRule <= MARGIN || top.p < MIN_P) return rule
  // A number posted is there to be seen: "小王的电话多少" asks for one and posts none.
  if (intent === 'privacy.number' && !/[\d一二三四五六七八九〇零幺两]{7,}/u.test(raw.replace(/[\s-]/gu, ''))) return rule
  // A voice note or picture is talked about with a word for it; "帮帮我" is not one.
  if (intent === 'media.reference' && !MEDIA_WORD.test(raw)) return rule
  const read = readAs(intent, normalize(raw), sit)
  // "我想在我家开个微家 谁都能当主人不 要交钱不": a question the rules read, that the model calls a request for help without
  // finding any trouble in it (no category), stays a question: answered, not met with an offer of a person.
  // In private, where a disclosure often opens vaguely ("在吗…有个事憋心里好久了"), the model's reading stands.
  // Not when she tells something of her own body or fear ("我最近摸到胸口有粒嘢 有啲驚 去邊度可以免費檢查": a worry, kept private).
  if (sit.where === 'group' && rule.intent === 'qa.question' && intent === 'help.request' && read.slots.category === undefined && top.p < CROSS_CERTAINTY && !toldWorry(normalize(raw))) return rule
  if (crosses && isHelp(rule.intent) && intent === 'signup.join') return { ...read, also: ['help.request'] }
  // A sign-up (or her cancellation) the rules read, that the model is sure is above all a request for help: the request
  // comes first and the sign-up rides along, so both happen.
  const carried = rule.intent === 'signup.join' || (rule.intent === 'signup.cancel' && sit.signedUp.length > 0)
  if (crosses && carried && isHelp(intent)) return { ...read, also: [...(read.also ?? []).filter((a) => a !== rule.intent), rule.intent], signup: rule.slots }
  return read
}

/** The slots of a message read as `intent`: that intent's own reader when it agrees, else what can be said. */
export function readAs(intent: Intent, t: string, sit: Situation): Understanding {
  const same = (u: Understanding | undefined) => (u?.intent === intent ? u : undefined)
  const activity = activityRef(t, sit.activities, sit.tz)
  const withActivity = (s: Slots = {}): Slots => (activity !== undefined ? { ...s, activity } : s)
  switch (intent) {
    case 'signup.join': {
      const read = same(readSignup(t, sit))
      if (read) return read
      const every = everyOpen(t, sit, activity)
      const p = withAntecedent(peopleIn(every ? t.replace(BOTH, ' ') : t), t)
      const slots: Slots = withActivity({ self: p.self, count: p.count, ...(every ? { every } : {}) })
      if (p.names.length) slots.names = p.names
      if (p.relatives.length) slots.relatives = p.relatives
      return { intent, slots }
    }
    case 'signup.remove': {
      const target = removalTarget(t)
      return same(readSignup(t, sit)) ?? { intent, slots: withActivity(target ? { target } : {}) }
    }
    case 'activity.info': {
      const field = infoField(t)
      return same(readSignup(t, sit)) ?? { intent, slots: withActivity(field ? { field } : {}) }
    }
    case 'signup.cancel':
      return same(readSignup(t, sit)) ?? { intent, slots: cancelSlots(t, sit) }
    case 'signup.roster':
    case 'signup.status':
    case 'activity.list':
      return same(readSignup(t, sit)) ?? { intent, slots: intent === 'activity.list' ? {} : withActivity() }
    case 'host.edit':
      return same(readHostAction(t, sit)) ?? { intent, slots: { ...withActivity(), ...editSlots(t, sit) } }
    case 'host.close':
    case 'host.reopen':
    case 'host.cancel':
    case 'host.export':
      return same(readHostAction(t, sit)) ?? { intent, slots: withActivity() }
    case 'host.announce':
      return same(readAnnouncement(t, { ...sit, role: sit.role === 'resident' ? 'host' : sit.role })) ?? { intent, slots: announceSlots(t, sit) }
    case 'reminder.create':
      return same(readReminder(t, sit)) ?? { intent, slots: reminderSlots(t, sit) }
    case 'reminder.manage':
      return same(readReminder(t, sit)) ?? { intent, slots: manageSlots(t) }
    case 'correction':
      return same(readConfirmation(t, sit)) ?? { intent, slots: correctionSlots(t, sit) }
    case 'confirm.yes':
    case 'confirm.no':
      return same(readConfirmation(t, sit)) ?? { intent, slots: {} }
    case 'pending.answer':
      return same(readPending(t, sit)) ?? { intent, slots: withActivity() }
    case 'help.request': {
      const read = same(readHelp(t, sit))
      const category = categoryOfNeed(t) ?? problemCategory(t)
      return read ?? { intent, slots: category ? { category } : {} }
    }
    case 'help.third_party': {
      const read = same(readHelp(t, sit))
      const category = thirdCategory(t) ?? categoryOfNeed(t)
      return read ?? { intent, slots: category ? { category } : {} }
    }
    case 'consent.yes':
    case 'consent.no':
    case 'contact.preference': {
      const read = same(readConsent(t, sit))
      if (read) return read
      const contact = intent === 'consent.no' ? undefined : contactIn(t)
      return { intent, slots: contact ? { contact } : {} }
    }
    default:
      return { intent, slots: {} }
  }
}

/** Her own body or fear told beside a question ("摸到…有粒嘢 有啲驚"): a worry, not a question for the group. */
const OWN_WORRY = /摸到|硬块|肿块|有粒|疼|痛|出血|惊|怕|病/u
const toldWorry = (t: string) => problemCategory(t) !== undefined || DISTRESS.test(t) || OWN_WORRY.test(t)
