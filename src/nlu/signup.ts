// Residents and activities: sign-ups (+N, family, named people, pasted 接龙 lists), cancellations, removals,
// rosters, status, which activities are open, and questions about one activity. Pure.
import { unflattenList } from '../core/zh/inline-list.ts'
import { CHOICE_QUESTION } from '../core/zh/question-forms.ts'
import { explicitCount, NAME, namesIn, peopleIn, RELATIVE_WORDS, type People } from './people.ts'
import { DISTRESS, problemCategory } from './need.ts'
import { activityRef, NUM, numberOf } from './text.ts'
import { toSimplified } from '../core/zh/script.ts'
import type { ActivityView, Situation, Understanding } from './types.ts'

const QUESTION = new RegExp(`[？?]|${CHOICE_QUESTION}|吗|么|没有?$|呢|怎么|(?<!不)怎样|如何|多少|几|啥|什么|哪|是不是|能不能|可不可以|有没有|咋`, 'u')
/** "参加活动要交钱不": a yes-no question closed by 不 (not "我不", nor "去不" / "来不", which say whether she goes). */
const CLOSED_BY_NOT = /(?<![我你他她俺不去来])\p{Script=Han}不[～~。！!]*$/u

// ---------------------------------------------------------------- pasted 接龙 lists

const LIST_LINE = /^\s*(\d{1,3})(?:\s*[.、．)）:：]\s*|\s+|(?![点楼号月日元块岁个人天时分期届年次层栋单])(?=\p{Script=Han}))(.*)$/u

/** A pasted 接龙: its numbered lines; the sender's own line is the last non-empty one (they added it). */
export function parseList(said: string): { header: string; entries: string[] } | undefined {
  const t = unflattenList(said)
  if (!t.includes('\n')) return undefined
  const lines = t.split(/\r?\n/u).map((l) => l.trim()).filter(Boolean)
  const entries: string[] = []
  const header: string[] = []
  for (const l of lines) {
    const m = LIST_LINE.exec(l)
    if (m) entries.push(m[2]!.trim())
    else if (entries.length === 0) header.push(l)
  }
  if (entries.length < 2 && !/接龙/u.test(header.join(''))) return undefined
  if (entries.length === 0) return undefined
  return { header: header.join(' '), entries }
}

/** One list line as people: "王芳+娃", "刘阿姨带孙子", "曹芳+2个娃", "许静 帮我邻居王奶奶也报上". */
export function listLinePeople(line: string): { name: string; relatives: string[]; names: string[]; count: number } | undefined {
  // "我和婆婆": the sender writes herself as 我.
  const m = new RegExp(`^(我|俺|${NAME}|[\\u4e00-\\u9fa5A-Za-z]{1,6})`, 'u').exec(line)
  if (!m) return undefined
  const name = m[1]!
  const rest = line.slice(name.length)
  // An instruction, an @mention or a long sentence never takes a place.
  if (/^@/u.test(line) || line.length > 30) return undefined
  const p = peopleIn(`我${rest}`)
  const names = namesIn(rest)
  const plus = /\+\s*(\d)/u.exec(rest)
  const relatives = p.relatives
  let count = 1 + relatives.length + names.length
  const kids = /(\d|[两俩二三])个(?:娃|孩子)/u.exec(rest)
  if (kids) count = 1 + (kids[1] === '两' || kids[1] === '俩' || kids[1] === '二' ? 2 : kids[1] === '三' ? 3 : Number(kids[1]))
  else if (plus) count = 1 + Number(plus[1])
  else {
    // "孙梅 2人": her line with the number of places.
    const n = explicitCount(rest)
    if (n !== undefined && n > count) count = n
  }
  const relName = /^(.+?)的(孩子|娃|闺女|女儿|儿子|婆婆|妈|老公)$/u.exec(line)
  if (relName) return { name: relName[1]!, relatives: [relName[2]!], names: [], count: 1 }
  return { name, relatives, names, count }
}

/**
 * The sender's own lines at the end of a 接龙: her name, then lines that start with it for the people she brings
 * ("8. 吴霞 / 9. 吴霞婆婆", "8. 何小燕 / 9. 何小燕妹妹 / 10. 何小燕同事"). Undefined when the last line stands alone.
 */
function ownLines(entries: string[]): { relatives: string[]; names: string[]; count: number } | undefined {
  let k = -1
  for (let i = entries.length - 2; i >= Math.max(0, entries.length - 5) && k < 0; i--) {
    const name = entries[i]!
    if (name.length < 2 || name.length > 4 || !/^[\u4e00-\u9fa5]+$/u.test(name)) continue
    if (entries.slice(i + 1).every((e) => e.startsWith(name) && e.length > name.length)) k = i
  }
  if (k < 0) return undefined
  const name = entries[k]!
  const relatives: string[] = []
  const names: string[] = []
  for (const e of entries.slice(k + 1)) {
    const own = e.slice(name.length).replace(/^的/u, '')
    for (const r of peopleIn(`我${own}`).relatives) if (!relatives.includes(r)) relatives.push(r)
    // "吴姐的朋友小孙": a friend by name.
    for (const n of namesIn(own)) if (!names.includes(n)) names.push(n)
  }
  return { relatives, names, count: entries.length - k }
}

/** A list line written in for someone else: 代报, 帮她报, 替她接. */
const PROXY = /代报|代接|(?:帮|替)(?:她|他)(?:报|接)/u

// ---------------------------------------------------------------- single messages

const JOIN = /(?:^|[，,。\s])报(?:一下|下|个|上|名)|挂(?:个|上)?候补|排(?:个)?候补|占(?:个)?坑|挤(?:一?个|两个|几个|俩)?位(?:置|子)?|(?:帮|给)我补上|一起报|占(?:个)?(?:位|座|名额)|留(?:个)?(?:位|名额)|给我留|记上我|写上我|算上|加上我|把我(?:也)?加(?:上|进)|让我(?:也)?(?:去|参加)|登记(?:一下)?我|我来一个|来一个|我要一个|我也要|也要去|想去|要去|我来|也来|带上我|预约|报名|报个名|报一个|报个|报上|报下|报插花|报阅读|报周|帮我报|帮.{0,8}报|给.{0,8}报|算我|算上我|加我一个|加我|我也去|我去(?!不)|也去|参加|接龙|(?<!安)排上|(?<!安)排个|候补.{0,4}\+|\+\s*\d|我报|(?:我|俺)也报|(?:我|俺)(?:也)?(?:想|要)报|俺.{0,2}报|^报[!！。~～]*$|还是(?:去|报|参加)(?:吧|了|啦)?(?=[\s，,。！!～~]|$)|报了?[一两1-9]个|仨人|算.{0,4}(?:我|俺)/u
const CANCEL = /不算我了|别算我了|不算我(?=$|[\s，,。!！])|把我去掉|把我划掉|不排了|不等了|不(?:去|来|参加)[^，,。？?]{0,6}了|(?:去|来|参加)不[了成]|不能来|来不成|参加不成|去不成|赶不上|赶不回|有事.{0,4}(?:去|来)不|退掉|退出|不报了|(?:我|先)撤了|撤了吧|撤掉|划掉我|把我.{0,4}(?:去掉|删|划)|让给|名额给别人|不去了|去不了|去不成|来不了|参加不了|不参加了|不能去|走不开|取消(?!活动)|撤回报名|撤销报名|退出|我退了|退了|给别人吧|-\s*1$|不来了/u
/** Both (all) of the open activities: 两个我都想去, 两个活动都报上, 全都报 — not "我们两个都去" (two people). */
export const BOTH = /(?:^|[\s，,。!！])(?:这)?(?:两个|两场|两样|两项)(?:活动)?(?:我|俺)?都|(?:这)?两个活动(?=[^，,。]{0,8}都)|(?:所有的?|全部)活动|全都(?=报|去|参加)/u
/** A sign-up for every open activity ("两个我都想去"): none named and several open; the 两个 then counts no one. */
export const everyOpen = (t: string, sit: Situation, activity: number | undefined) => activity === undefined && sit.activities.length >= 2 && BOTH.test(t)

/** A clause that is only a sign-up: 我也报, 我也想去, 算我一个, 我报一个. */
export const JOIN_CLAUSE = /(?:我也(?:报|要报|想报|报名|去|想去|要去|参加|想参加)|算我(?:一个)?|我(?:先)?报(?:一个|个名|名)?|给我(?:也)?报(?:一个|个)?)(?=$|[\s，,。!！?？]|啊|呀|哈)/u
const STATUS = /(?:登记|报|接龙)的.{0,6}(?:弄好|办好|好了|成了|成功)|报上.{0,2}[吗没嘛吧]|还有没有(?:位|名额|空)|报(?:进去|上|好)?(?:了)?没|候补(?:上|到)?了?没|候补到(?:了)?[吗没]|补上|递补|报成功|登记上|在名单上|名单里有我|有我吗|有我没|算上我了|候补.{0,6}(?:几|第|多少|排)|轮到我|排到|排在|前面还有|还剩几|剩几个|还有几个|位置|空位|报满|满员|报名了吗|报好了|报进|报上没|报进去|接龙成功|报名状态|报名了没|已经报名|是不是.{0,4}报|排到第?几|排第几|第几个|满了[没吗]|还差几|还有名额|还有位|名额|还能加|还能报[吗没]|还有空|还剩|能上[吗么没不]|能排上|轮得到|有戏[吗没]|有希望[吗没]/u
const ROSTER = /名单|谁报|都谁|哪些人|几个人报|报了几个人|多少人报|名單|都有谁|谁报了|谁报名|报名的都有|接龙到谁|报了哪些人|有哪些人报|报名的人|报名情况|报了(?:多少|几个)人?|报名人数|(?:多少|几个)人报/u
const REMOVE = /剔|删|移出|撤下|清掉|不算她|不算他|拿下|划了|删掉|删除|去掉|移除|划掉|踢掉|踢出|拿掉|除名|去掉一个/u
/**
 * What kind of activity a named thing is ("“爱在六月”是啥活动", "春风行动是个什么活动"): a question about that name, for the
 * documents, not a request for the open activities — unless it asks about a stretch of time ("这周是什么活动").
 */
const namedWhat = (t: string): boolean => /是(?:个|一个)?(?:啥|什么)(?:样的?)?活动/u.test(t) && !/这周|本周|下周|最近|近期|周末|今天|明天|后天|这个月|下个月/u.test(t)
const LIST = /(?:有|搞|办|安排)(?:什么|啥|哪些|几个|没有)(?:些|点|啥|什么)?(?:新)?活动|(?:几时|什么时候|啥时候|哪天|何时)(?:才)?(?:有|搞|办)(?:个|点|些)?活动|(?:这个月|这周|下周|最近|月底|周末|下个月)(?:咱们?|我们)?(?:微家|群里)?(?:都)?(?:安排|搞|办)了?(?:些)?(?:啥|什么)|活动(?:安排|表|多吗|有哪些|有啥|有什么)|(?:最近|这周|下周|近期|周末).{0,4}(?:活动|安排)|能参加(?:什么|啥|哪)|可以报(?:什么|啥|哪)|在报名的|开放.{0,4}报名的|活动列表|(?:有|搞|办)(?:什么|啥|哪些|哪几个)活动|别的活动|其他活动|能报哪些|可以报哪些|开放报名的|哪些活动|最近有(?:什么|啥)|什么活动|啥活动|适合.{0,6}活动|这周有啥|(?:这周|周末|最近|下周|这两天).{0,6}有(?:啥|什么)(?:好玩|好耍|能去|可去|能参加)/u
const INFO_FIELDS: [NonNullable<Understanding['slots']['field']>, RegExp][] = [
  ['fee', /钱|费|收费|免费|付款/u],
  ['bring', /带(?:什么|啥|剪刀|花|材料|东西|笔|本)|要带|自己带|自己买|自己准备|准备(?:什么|啥)/u],
  ['who', /带孩子|带娃|带孙|家长|陪着|能来吗|可以来|能去吗|可以去|能参加吗|几岁|老人|男的|奶奶|爷爷|老公/u],
  ['time', /几点|什么时候|啥时候|时间|多久|几号|哪天|开始/u],
  ['place', /在哪|哪里|几楼|地点|地方|怎么走|哪儿|边度|楼还是|是在.{1,8}(?:室|楼|馆|堂|中心|广场)/u],
]

export function readSignup(t: string, sit: Situation): Understanding | undefined {
  const acts = sit.activities
  const activity = activityRef(t, acts, sit.tz)
  const withActivity = <T extends object>(s: T) => (activity ? { ...s, activity } : s)
  const question = QUESTION.test(t)

  // A pasted 接龙 list.
  const list = parseList(t)
  if (list) {
    const last = list.entries[list.entries.length - 1]!
    const line = listLinePeople(last)
    const p = ownLines(list.entries) ?? line
    // "刘阿姨（代报）": the last line is someone she writes in for, not herself.
    const proxy = line && p === line && PROXY.test(last) ? line.name : undefined
    const slots: Understanding['slots'] = withActivity({ self: !proxy, count: p?.count ?? 1 })
    if (p?.relatives.length) slots.relatives = p.relatives
    const names: string[] = [...(proxy ? [proxy] : []), ...(p?.names ?? [])]
    if (names.length) slots.names = names
    if (activity === undefined) {
      const a = activityRef(list.header, acts, sit.tz)
      if (a) slots.activity = a
    }
    return { intent: 'signup.join', slots }
  }

  if (LIST.test(t) && !activity && !/名单|名额/u.test(t) && !namedWhat(t)) return { intent: 'activity.list', slots: {} }

  // Taking off oneself or one's own family ("把我的名字删了", "我婆婆去不了了，把她划了") is a cancellation.
  const ownRemoval = /把我|我的名字|帮我把名字|把名字/u.test(t) || (CANCEL.test(t) && RELATIVE_SUBJECT.test(t))
  if (((REMOVE.test(t) && /名单|她|他|号|把|从|那个|那位|叫/u.test(t)) || hostTakesOff(t, sit)) && !/提醒/u.test(t) && !ownRemoval) {
    const slots: Understanding['slots'] = withActivity({})
    const target = removalTarget(t)
    if (target) slots.target = target
    return { intent: 'signup.remove', slots }
  }

  // "剪纸还办不办了", "读书会取消了吗": whether it is still on — of an open activity, or of one named by its title
  // (which may have been cancelled or held already).
  const on = STILL_ON.exec(t)
  if (on && !/(?:我|俺).{0,6}(?:取消|报)/u.test(t)) {
    if (activity !== undefined) return { intent: 'activity.info', slots: { activity, field: 'other' } }
    const title = titleBefore(t.slice(0, on.index))
    return { intent: 'activity.info', slots: title ? { field: 'other', title } : { field: 'other' } }
  }

  // "报名 这次收不收材料费", "报名 要带啥东西不": a sign-up in a clause of its own, then a question about the activity.
  const opener = SIGNUP_THEN_ASK.exec(t)
  const asked = opener ? infoField(t.slice(opener[0].length)) : undefined
  if (opener && asked && QUESTION.test(t.slice(opener[0].length)) && !CANCEL.test(t)) {
    const p = withAntecedent(peopleIn(signingClauses(t)), t)
    const slots: Understanding['slots'] = withActivity({ self: p.self, count: p.count, field: asked })
    if (p.relatives.length) slots.relatives = p.relatives
    if (p.names.length) slots.names = p.names
    return { intent: 'signup.join', slots, also: ['activity.info'] }
  }

  const elsewhere = activity === undefined && ELSEWHERE.test(t)
  const withCompanions = (companions(t, activity !== undefined) || (sit.activities.length > 0 && onlyPeople(t))) && !NOT_JOINING.test(t) && !elsewhere
  // "我去年做过", "我去医院", "我去问问": 去 that goes somewhere else is no sign-up word.
  const going = withoutGoingElsewhere(t, sit)
  const joinCue = (JOIN.test(going) || withCompanions) && !NOT_JOINING.test(t) && !elsewhere
  const cancelCue = CANCEL.test(t) && !elsewhere
  // With nothing published yet, a cancellation may take back a sign-up held for the coming announcement (the
  // sign-ups capability answers it only when one is held).
  const mine = sit.signedUp.length > 0 || sit.activities.length === 0
  // "帮我媳妇也报上 我自己就不去了": signing someone else up while staying home herself is a sign-up.
  const othersGoInstead = /(?:帮|给|替).{0,8}(?:报上|报名|报一个|报个)/u.test(t) && /我(?:自己)?(?:就|也)?(?:不去|不参加|不来)/u.test(t) && !mine
  // "报名 我婆婆腿不好 她就不去了": her own sign-up first, on no list yet; the one who stays home is said after.
  const opensWithJoin = OPENS_WITH_JOIN.test(t) && sit.signedUp.length === 0
  if (cancelCue && !othersGoInstead && !opensWithJoin && (mine || ownRemoval || /取消.{0,4}报名|撤回报名|取消我/u.test(t)) && !/(?:活动|课).{0,3}取消$|取消活动|^取消[^我报]{0,6}的活动/u.test(t)) {
    // "报错了 我是想报插花的 阅读那个取消吧": a cancellation first, a sign-up second.
    return { intent: 'signup.cancel', slots: cancelSlots(t, sit), ...(joinCue && /想报|改报/u.test(t) ? { also: ['signup.join'] } : {}) }
  }

  // "茶话会谁还没交钱": who has paid, asked of a roster; the bot keeps none, and says so beside the roster.
  if (PAID_ASKED.test(t)) return { intent: 'signup.roster', slots: withActivity({ field: 'fee' }) }
  if (/名单.{0,4}(?:给我|发|看)|(?:看看|发一?下|发个).{0,4}名单/u.test(t) && !/发过|说过|发了|看过/u.test(t)) return { intent: 'signup.roster', slots: withActivity({}) }
  // "我也报 还有位置吗", "还有位置吗 我也想去": a sign-up said plainly beside the question about places is a sign-up
  // (the reply says where she stands: on the list, or waitlisted).
  if (!JOIN_CLAUSE.test(t) && STATUS.test(t) && (question || /状态|排第几|排到|了吧$|了没|到没|上没/u.test(t)) && !/帮我排|给我排|排上$|能的话|有的话.{0,6}报|的话(?:就)?(?:帮|给)我/u.test(t)) return { intent: 'signup.status', slots: withActivity({}) }
  if (ROSTER.test(t) && (question || /谁|发|看|给|查看|情况|^.{0,6}名单$/u.test(t)) && !/(?:发过|说过|了哈)/u.test(t)) return { intent: 'signup.roster', slots: withActivity({}) }

  if (joinCue && !/报名了$|报完了|报过了/u.test(t)) {
    const howto = HOW_TO_JOIN.test(t)
    const aboutService = !activity && /培训|班|筛查|补贴|课程?$/u.test(t) && question
    if (withCompanions || (!howto && !aboutService && !((question || (CLOSED_BY_NOT.test(t) && ACTIVITIES_AT_ALL.test(t))) && !/报一个|帮我|排上|报名$|算我|我报|我也报|我也(?:想|要)?去|我也(?:想)?参加|给我|加上|加进|让我(?:也)?(?:去|参加)|带上我|捎上|就报上|(?:帮|给|替)(?:她|他)(?:们)?报/u.test(going) && !/\+/u.test(t)))) {
      const every = everyOpen(t, sit, activity)
      const p = withAntecedent(peopleIn(signingClauses(every ? t.replace(BOTH, ' ') : t)), t)
      const slots: Understanding['slots'] = withActivity({ self: p.self, count: p.count })
      if (p.relatives.length) slots.relatives = p.relatives
      if (p.names.length) slots.names = p.names
      if (every) slots.every = true
      return { intent: 'signup.join', slots }
    }
    if (howto && activity) return { intent: 'activity.info', slots: { activity, field: 'other' } }
  }

  // A question about one announced activity, or about the group's activities in general ("参加活动要交钱不").
  if (question || /来着/u.test(t) || (CLOSED_BY_NOT.test(t) && ACTIVITIES_AT_ALL.test(t))) {
    const field = INFO_FIELDS.find(([, re]) => re.test(t))?.[0]
    // A bare "几点" / "在哪" said in the group where activities are open asks about them (older people type this short).
    const bareAsk = sit.activities.length > 0 && isBareAsk(t)
    // Named by what its notice says rather than by its title ("包饺子要带啥" when 冬至联欢's notes say 一起包饺子).
    const byNotes = activity === undefined && field ? activityInNotes(t, acts) : undefined
    // Nothing but what is asked of it ("要带啥东西不 收钱不"), while activities are open: asked of them.
    const onlyAsking = sit.activities.length > 0 && t.replace(/[^\p{Script=Han}]/gu, '').replace(ASKING_ONLY, '').length <= 1
    const aboutActivity = activity !== undefined || byNotes !== undefined || bareAsk || onlyAsking || /活动室|这次|那个活动|这个?活动|该活动|来着|材料费|上课|开始/u.test(t) || ACTIVITIES_AT_ALL.test(t)
    if (aboutActivity && field && !/平时|开门|一般/u.test(t)) return { intent: 'activity.info', slots: withActivity({ field, ...(byNotes !== undefined ? { activity: byNotes } : {}) }) }
    if (activity !== undefined && /谁来|老师|讲/u.test(t)) return { intent: 'activity.info', slots: { activity, field: 'other' } }
  }
  return undefined
}

/** How or where to sign up, asked: 怎么报名, 在哪能报名, 去哪报, 找谁报名, 报名在哪. */
export const HOW_TO_JOIN = /(?:怎么|咋|如何|怎样|点样|在哪(?:里|儿)?|哪里|哪儿|去哪(?:里|儿)?|上哪(?:儿)?|找谁|跟谁|向谁)(?:样)?(?:才)?(?:能|可以|去|来)?(?:报|接龙|登记)|报名(?:要|得)?(?:在哪|去哪|找谁|怎么弄|咋弄)/u

/**
 * "小区门口那个广场舞晚上几点跳啊 在哪能报名": how to sign up for something of the kind the group holds (a dance, a
 * craft, an outing) that is none of its open activities. Its name as said ("广场舞"), or "" when it cannot be cut out;
 * undefined when the question names an open activity, one of the group's rhythm gatherings (家聚会…, their own
 * answers), a service or programme (培训, 筛查, 志愿者: the documents'), or nothing at all.
 */
export function joinAskedFor(t: string, acts: ActivityView[], tz: string): string | undefined {
  const how = HOW_TO_JOIN.exec(t)
  if (!how || activityRef(t, acts, tz) !== undefined) return undefined
  if (/家接待|家聚会|家活动|家宴会|活动\s*\d/u.test(t) || NOT_AN_ACTIVITY.test(t) || !ACTIVITY_KIND.test(t)) return undefined
  // What she names: said before the question in its clause ("广场舞怎么报名"), else the clause before ("…广场舞晚上几点跳啊 在哪能报名").
  const before = t.slice(0, how.index).split(/[，,。！!？?；;\n\s]+/u).filter(Boolean)
  const said = (before.at(-1) ?? '').replace(/^(?:请问|问一下|问下|想问下?|那么|那(?![个些])|还有|另外)/u, '')
  const name = nameIn(said) ?? nameIn(before.at(-2) ?? '')
  return name && ACTIVITY_KIND.test(name) ? name : ''
}
/** The name at the head of a clause, after what places it ("小区门口那个", "咱们社区的") and before what is asked of it. */
function nameIn(clause: string): string | undefined {
  const head = (clause.split(/那个|这个|那些|的/u).filter(Boolean).find((part) => ACTIVITY_KIND.test(part)) ?? '').replace(/^(?:(?:我|俺)?也?(?:想|要)?(?:报名?|参加|去|学)|小区|社区|楼下|门口|广场上|公园)+(?=.{2})/u, '')
  // Cut at the first end once the name is in: "合唱团在哪" keeps its 唱, "广场舞跳到几点" loses its 跳.
  const end = [...head.matchAll(NAME_ENDS_G)].find((m) => ACTIVITY_KIND.test(head.slice(0, m.index)))
  const name = end ? head.slice(0, end.index) : head
  return /^\p{Script=Han}{2,8}$/u.test(name) ? name : undefined
}
/** Kinds of things a group gathers for, as residents name them. */
export const ACTIVITY_KIND = /舞|唱歌|合唱|歌咏|太极|瑜伽|健身|广播操|八段锦|手工|插花|花艺|剪纸|编织|十字绣|包饺子|汤圆|粽子|烘焙|蛋糕|美食|读书会|书法|绘画|画画|象棋|围棋|棋牌|旅游|踏青|春游|秋游|郊游|徒步|爬山|运动会|趣味|联欢|晚会|游园|观影|电影|茶话会|义卖|市集|嘉年华|亲子|手作|茶艺|厨艺/u
/** A service, programme or role, not a gathering: the documents answer how to sign up for it. */
const NOT_AN_ACTIVITY = /培训|课程|证|考试|志愿|计划|项目|助学|补贴|补助|救助|帮扶|低保|招工|招聘|岗位|筛查|体检|咨询|法律|律师|调解|托管|保险|讲座/u
/** Where a name stops: a time, a question word, or what is done there. */
const NAME_ENDS_G = /晚上|早上|上午|下午|中午|每天|每周|平时|一般|几点|几时|什么|啥|怎么|咋|点样|在哪|哪里|哪儿|是|在|要|能|可以|还|有|跳|唱|开|搞|办|报|参加|去|来|啊|呀|吗|呢|吧/gu

/**
 * The message with every 去 that goes somewhere other than an activity, or does something else, taken out: "我去年做过",
 * "我去过", "我去医院", "我去问问", "要去我婆婆家". Going to an activity is said bare ("我去", "我也去！", "插花我去吧",
 * "我去了"), with what it is called ("想去插花", "去周六那个"), with 参加 / 报 / 玩 / 凑热闹, or said twice ("我去我去").
 * Only the sign-up cue reads this; 去不了 and the other readings keep the word.
 */
export function withoutGoingElsewhere(t: string, sit: Pick<Situation, 'activities' | 'tz'>): string {
  return t.replace(GOING, (m, offset: number) => {
    const rest = t.slice(offset + m.length).split(/[，,。！!？?；;\n\s]/u)[0]!
    // 去年, 去过, 去了三次: a time, or going done already, whatever it was to.
    if (!rest || (!/^(?:年|过|了\p{Script=Han})/u.test(rest) && (GOING_ON.test(rest) || activityRef(rest, sit.activities, sit.tz) !== undefined))) return m
    return '〇'
  })
}
/** 去 after the one who goes or wants to (我去, 也去, 想去, 要去), not 去不了. */
const GOING = /(?<=[我俺也想要])去(?!不)/gu
/** What may follow a 去 that goes to the activity: a particle, a count, 参加 / 报 / 玩, "那个", or 去 said again. */
const GOING_ON = /^(?:[吧啊呀哈啦嘛呢哦噢嘞咯喽滴撒哟嗷～~]|的(?!时候)|了[吧啊呀哈啦嘛呢哦噢嘞～~]*$|(?:\d|[一两二三四五俩仨])(?:个|位|人)|参加|报|玩|耍|凑|捧场|那个|这个|我(?:也)?(?:去|要去)|俺(?:也)?去|[^\p{Script=Han}])/u

/**
 * The clauses of a sign-up that say who goes: every clause but those that tell her story ("我这阵子带着孩子从家里搬出
 * 来了", "我妈查出来乳腺上有个结节") without a sign-up word. "给我留一个位子，我这阵子带着孩子搬出来了" signs up one:
 * the child is in her story, not in the sign-up. A message of one clause is read whole.
 */
export function signingClauses(t: string): string {
  const clauses = t.split(/(?<=[。！!？?；;，,\n])/u)
  if (clauses.length < 2) return t
  const story = (c: string) => problemCategory(c) !== undefined || DISTRESS.test(c) || STORY.test(c)
  const keep = clauses.filter((c) => JOIN.test(c) || !story(c))
  return keep.length ? keep.join('') : t
}
/** Going with the one she signs up: "我陪她一块去", "我俩都去", "两婆孙", "让他跟我去", "我领大孙子去". */
const TOGETHER = /(?:我|俺)(?:们)?(?:俩|两个)|两婆孙|娘俩|母女俩|一(?:起|块儿?)去|陪(?:着)?(?:她|他)(?:一起|一块)?(?:去|来|做|上)|带(?:着)?(?:她|他)(?:一起|一块)?(?:去|来)|(?:她|他)跟(?:我|俺)|跟(?:我|俺)(?:一起|一块)?去|(?:我|俺)领/u
/** Signing up the one her story is about: "给她留个位置", "算她一个", "让她也去". */
const FOR_THEM = /(?:给|帮|替)(?:她|他)(?:报|留|占|登记|记|排)|算(?:她|他)一个|让(?:她|他)(?:也)?(?:去|参加|来)/u
const FAMILY_WORD = new RegExp(`(?:大)?(?:${RELATIVE_WORDS.join('|')})`, 'u')

/**
 * The person a pronoun in the sign-up stands for, told of in the story around it ("我妈这两年身体不好…插花课算她一个，我
 * 陪她一块去"): the story's clauses are set aside for the count, but whom "她" means is read there.
 */
export function withAntecedent(p: People, t: string): People {
  if (p.relatives.length || p.names.length) return p
  const said = t.replace(/俺/gu, '我')
  const cue = TOGETHER.exec(said) ?? FOR_THEM.exec(said)
  if (!cue) return p
  const together = TOGETHER.test(said)
  // The family word told last before the sign-up ("儿媳妇坐月子，大孙子没人带…我领大孙子去": 大孙子), else the first.
  const before = [...said.slice(0, cue.index + cue[0].length + 4).matchAll(new RegExp(FAMILY_WORD.source, 'gu'))]
  const word = before[before.length - 1]?.[0] ?? FAMILY_WORD.exec(said)?.[0]
  if (!word) return p
  return { ...p, relatives: [word], self: together, count: together ? 2 : 1 }
}
const STORY = /这阵子|最近|前阵子|上个月|昨天|昨晚|以前|查出|住院|搬出来|离婚|吵架/u

/** Which activity a cancellation is for, and who is taken off: family words and names, not those who still go. */
export function cancelSlots(t: string, sit: Situation): Understanding['slots'] {
  // "只取消我老公的，我跟孩子照常去", "外孙去不了了 我闺女还去": those who still go are not among the ones taken off.
  const off = t.split(/(?<=[，,。！!；;\s])/u).filter((c) => !STILL_GOING.test(c)).join('')
  const p = peopleIn(off)
  const slots: Understanding['slots'] = {}
  const cancelActivity = activityRefNear(t, /取消|不去|去不了|退/u, sit) ?? activityRef(t, sit.activities, sit.tz)
  if (cancelActivity) slots.activity = cancelActivity
  // "闺女发烧了 我们俩都不去了": herself too, beside whoever she names.
  if (ALL_OF_US.test(t) && !STILL_GOING.test(t)) slots.self = true
  // The one who cannot come may be named bare as the subject ("孩子发烧了 去不了了"); one she must look after instead
  // ("明天要带孙子 去不了了") is her reason, not the one who drops out.
  const named = p.relatives.length ? p.relatives : [...off.matchAll(RELATIVE_SUBJECT_G)].map((m) => m[1]!).filter((r, i, a) => a.indexOf(r) === i)
  const relatives = named.filter((r) => !new RegExp(`(?:带|照顾|陪|接|送|看着?|管)(?:我|俺)?(?:家)?(?:的)?${r}`, 'u').test(off) || new RegExp(`${r}[^，,。\\s]{0,6}(?:不去|去不了|来不了|取消)`, 'u').test(off))
  if (relatives.length) slots.relatives = relatives
  // Named as the ones who drop out, the ones she signed up ("帮陈静同赵敏报的"), whose place is given back ("把孙红的名额退了"),
  // or the subject the message is about ("张丽那个是我帮她报的").
  const names = namesIn(off).filter((n) => new RegExp(`${n}.{0,8}(?:不去|去不了|来不了|让我|取消|退|名额)|[帮把][^，,。\\s]{0,5}${n}|^(?:${NAME}[和跟与、])*${n}.*[她他]`, 'u').test(off))
  if (names.length) slots.names = names
  return slots
}

/** Who has paid, asked: 谁还没交钱, 谁交了费, 钱收齐了没, 交钱的名单. */
const PAID_ASKED = /谁(?:还|都)?(?:没|没有|未)(?:交|给|付|缴|转)(?:钱|费|款)?|谁(?:已经)?(?:交|付|缴|转)(?:了)?(?:钱|费|款)|(?:钱|费|款)(?:都)?(?:收|交)(?:齐|全)了?(?:没|吗|么)?|(?:交|缴|付)(?:钱|费|款)的?(?:情况|名单|人)/u

/**
 * A host (or staff) taking someone else off a roster in plain words: "张丽说她不来了，帮她取消一下", "给她去掉",
 * "她不来了帮她退了", "把王芳的报名取消". Done for her or him, or for a name — not for the host's own family ("我婆婆不来了
 * 帮她取消", hers to cancel) and not for the host herself ("帮我取消"). A resident saying it keeps the cancellation
 * reading (of someone she signed up herself).
 */
function hostTakesOff(t: string, sit: Situation): boolean {
  if (sit.role === 'resident' || RELATIVE_SUBJECT.test(t)) return false
  return new RegExp(`(?:帮|给|替|把|将)(?:她|他|${NAME})(?:的)?(?:报名|名字|名额)?(?:给)?(?:取消|退|去掉|撤|划)|(?:^|[，,。\\s])(?:她|他|${NAME})的(?:报名|名字|名额)(?:给)?(?:取消|退|去掉|撤|划)`, 'u').test(t)
}

/**
 * Who is to come off a roster, as written: a name (把王芳…, 周姐那个名额…, 有个王芳…, 将張麗剔咗, “小美妈妈”) or a
 * position (3号, 第3个, 第5位).
 */
export function removalTarget(t: string): string | undefined {
  const pos = new RegExp(`第\\s*(${NUM})\\s*(?:个|位|号|名)|(\\d{1,3})\\s*号`, 'u').exec(t)
  if (pos) return String(numberOf(pos[1] ?? pos[2]!))
  const quoted = /[“"「]([^”"」]{2,8})[”"」]/u.exec(t)
  if (quoted) return quoted[1]
  // "那个叫何琳的": who she is called.
  const called = new RegExp(`叫(${NAME})的`, 'u').exec(t)
  if (called) return called[1]
  const s = t.replace(/插花|阅读|名单/gu, ' ')
  const m = new RegExp(`(?:把|将|帮|给|替)(${NAME}|她|他)|(${NAME})(?:去掉|删|从|移除|移出|划|剔)|那个(${NAME})|有个(${NAME})|^(${NAME})(?:那个|那组|那位|那家|一家|在|报|的|说|也|不|来不|去不|有事)`, 'u').exec(s)
  const who = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4] ?? m?.[5]
  // "把王芳从名单…": a three-character match ending in a preposition or verb is a two-character name.
  const name = who && who.length === 3 && /[从去的删划移剔那在报说也不来有取退撤给]$/u.test(who) ? who.slice(0, 2) : who
  if (name && name !== '她' && name !== '他') return name
  // "王芳不来了，帮她从名单上划掉": 她 is the person named first.
  const first = new RegExp(`^(${NAME})(?:说|也|不|来不|去不|有事)`, 'u').exec(t)
  if (first) return first[1]!.length === 3 && /[说也不来去有]$/u.test(first[1]!) ? first[1]!.slice(0, 2) : first[1]!
  return undefined
}

/** What a question about an announced activity asks: fee, what to bring, who may come, time, place. */
/** A sign-up said first, in its own clause ("报名 …", "我报一个，…", "+1 …"). */
const SIGNUP_THEN_ASK = /^(?:我|俺)?(?:也)?(?:报名|报一个|报个名|算我一个|\+\s*1)[^\s，,。!！？?]{0,6}[\s，,。!！]+/u

/** Whether an activity is still on: 还办不办, 还搞吗, 取消了没, 是不是不办了, 照常吗. */
export const STILL_ON = /还(?:办|搞|开|举行|举办|上)不(?:办|搞|开|举行|举办|上)?|还(?:办|搞|开|举行|举办)(?:吗|么|嘛|没|不)|(?:取消|停|黄)了(?:吗|没|么|嘛)|是不是(?:取消|不办|不搞)了?|照常(?:吗|不|没|嘛|办吗)/u
/** Words before the question that are not a title: the weather, a day, "那个". */
const NOT_TITLE = /^(?:下雨|下雪|刮风|天冷|天热|明天|今天|后天|周末|那天|这周|下周|活动|那个|这个)$/u

/** The title she asks about, said right before the question ("上次说的读书会还办不办了" → 读书会). */
function titleBefore(before: string): string | undefined {
  const last = before.split(/[，,。！!？?\s]/u).filter(Boolean).pop() ?? ''
  const title = last.replace(/^(?:那个|这个|咱们?的?|我们的?|上次(?:说)?的|之前(?:说)?的|原来的|[这下上]周[一二三四五六日天末]?的?|周[一二三四五六日天末]的?)/u, '').replace(/(?:那个|这个|那场|这场|那次|那边)?(?:活动)?(?:的)?$/u, '')
  return /^\p{Script=Han}{2,8}$/u.test(title) && !NOT_TITLE.test(title) ? title : undefined
}

/**
 * The one open activity whose notes share three characters in a row with the message, words of any notice (活动, 报名,
 * 时间…) aside: "包饺子要带啥" names 冬至联欢 by its "一起包饺子".
 */
export function activityInNotes(t: string, acts: Situation['activities']): number | undefined {
  const runs: string[] = []
  for (let i = 0; i + 3 <= t.length; i++) {
    const run = t.slice(i, i + 3)
    if (/^\p{Script=Han}{3}$/u.test(run) && !NOTICE_WORDS.test(run) && !FUNCTION_CHAR.test(run)) runs.push(run)
  }
  const hits = acts.filter((a) => {
    const notes = toSimplified(a.notes)
    return runs.some((r) => notes.includes(r))
  })
  return hits.length === 1 ? hits[0]!.id : undefined
}
const NOTICE_WORDS = /活动|报名|时间|地点|名额|微家|要带|自带|准备|什么|怎么|多少|大家|一下|可以/u
/** The words of asking one thing of an activity, and nothing else ("要带啥东西不 收钱不", "几点开始啊 在哪"). */
const ASKING_ONLY = /要带|带|什么|啥|东西|准备|自己|收钱|收费|要钱|交钱|钱|费|免费|多少|几点|几号|时间|什么时候|啥时候|开始|结束|在哪儿?|哪里|地点|地方|要|吗|么|嘛|呢|不|没|啊|呀|哈|的|了|是|还|也|都|请问|问一下|一下/gu

/** What a question asks with, not what it is about: a run with one of these names nothing ("要钱吗", "带孩子", "免费体"). */
const FUNCTION_CHAR = /[要钱费收交免带啥么吗呢不没哪几多少什时候点去来能可以的了是有在我你他她们这那个一下吧还也都就给让和跟与]/u

/** A bare "几点" / "在哪" / "要带啥": four characters at most once particles and punctuation are gone. */
export const isBareAsk = (t: string) => t.replace(/[\s？?。！!～~啊呀呢哈]/gu, '').length <= 4

/**
 * Whether or when there are activities at all, no stretch of time named ("幾時有活動", "有冇啲活動啱老人家", "有活动吗"):
 * asked of the coming days, as "最近有什么活动" is.
 */
export const asksWhetherActivities = (t: string) => /(?:几时|什么时候|啥时候|哪天|何时)(?:才)?(?:有|搞|办)(?:个|点|些)?活动|有没有(?:些|点|什么|啥)?活动|有活动(?:吗|么|没|不|嘛)/u.test(t)

/** The group's activities in general, as what is asked about ("参加活动要交钱不", "咱们的活动收费吗"), no one named. */
const ACTIVITIES_AT_ALL = /^(?:请问|问下|问一下|那)?(?:(?:参加|参与|去)(?:咱们?|我们|俺们|微家|群里)?的?|(?:咱们?|我们|俺们|微家|群里)的?)?活动(?!室|中心|角)/u

/** Every detail of the activity asked about ("几点 在哪 要交钱不": time, place, fee). */
export function infoFields(t: string): NonNullable<Understanding['slots']['field']>[] {
  return INFO_FIELDS.filter(([, re]) => re.test(t)).map(([f]) => f)
}

export function infoField(t: string): NonNullable<Understanding['slots']['field']> | undefined {
  return INFO_FIELDS.find(([, re]) => re.test(t))?.[0]
}

/** Everyone she signed up drops out, herself too ("我们俩都不去了", "一家人都去不了"). */
const ALL_OF_US = /(?:我们|咱们|俺们)(?:俩|仨|几个|一家|娘俩|母女俩|两个|三个)?都|(?:我|俺|咱)(?:和|跟)[^，,。\s]{1,4}都(?:不去|去不了|来不了)|(?:我俩|咱俩|俺俩|娘俩|母女俩|娘儿俩)都|一家(?:人|子)?都(?:不去|去不了|来不了)/u

/** A clause saying someone still goes ("我跟孩子照常去", "她还是来"). */
const STILL_GOING = /(?:照常|照样|照旧|照|继续|还是|仍然|依然|还)(?:要|会)?(?:去|来|参加)(?![不了成])/u

/** A family word as the subject of a clause ("孩子发烧了", "我婆婆去不了了"). */
const RELATIVE_SUBJECT = new RegExp(`(?:^|[，,。\\s]|我|我家|俺家)(${RELATIVE_WORDS.join('|')})(?!报)`, 'u')
const RELATIVE_SUBJECT_G = new RegExp(RELATIVE_SUBJECT.source, 'gu')

/** Talk about sign-ups that is not one: 好久没参加, 报名的事我跟他说了, 参加过, "+1 同意王芳说的". */
/**
 * Going, not going and signing up for something that is not the group's: school, work, a night class elsewhere
 * ("儿子不去上学了", "我在外地回不去", "想报个夜校", "带孙子带得不好" is raising him, not bringing him).
 */
export const ELSEWHERE = /不(?:去|想去|肯去|愿意去|愿去)(?:上学|上班|学校|幼儿园|上课|补习)|(?:上学|上班|学校|幼儿园)(?:也)?(?:不去|去不了|不肯去)|回不去|不读了|报(?:个|了|名)?(?:夜校|驾校|补习班|培训班|兴趣班|辅导班|考试|学校|夜大|成人高考|低保|税|销|警|案|备)|带(?:孙子|孙女|外孙|孩子|娃)带得/u
/** Agreeing with what was just said: "是的是的 +1", "对 +1". */
export const AGREEING = /^(?:是的|是啊|对的?|没错|确实|同意|赞|哈哈|可不是|真的)+[\s，,！!。～~]*\+\s*1$/u
/** A message that opens with her own sign-up ("报名 我婆婆腿不好 她就不去了"): what follows is about someone else. */
export const OPENS_WITH_JOIN = /^(?:报名|我报名|报一个|我报一个|算我一个|\+\s*1)(?=[\s，,])/u
/** The host calling on others to sign up ("香包还有名额 想参加的扣1", "要去的接龙"): nobody signs up by saying it. */
const CALL_TO_JOIN = /(?<![我俺])(?:想|要)(?:参加|去|来|报名)的(?:请|就)?(?:扣|回复?|接龙|报名|私(?:信|聊)|找|赶紧|抓紧)/u
const NOT_JOINING = new RegExp(`${AGREEING.source}|${CALL_TO_JOIN.source}|${/不算我|别算我|本来(?:想|要|打算)(?:报|接龙|参加|去)|没(?:有)?(?:去)?参加|没报|参加过|报过了|报名的事|^\+\s*1\s*(?:同意|赞|支持|附议|说得对|确实)|(?:他|她|老公|婆婆|公公)(?:说|也说).{0,6}(?:想|要)(?:来|去)/u.source}`, 'u')

/**
 * People listed for an activity: "插花 我和我妈 两个人", "我带孙子来", "我和闺女一起报", "插花我和公公两个".
 * The sender with companions, and something that makes it a sign-up (the activity, a count, 来/去/报/一起).
 */
function companions(t: string, namesActivity: boolean): boolean {
  const withWho = new RegExp(`(?<![帮给替跟和让叫请把])(?:我|俺)(?:和|跟|带|陪|\\+|、)(?:着)?(?:我|俺)?(?:家|的)?(?:${NUM}个?)?(?:${RELATIVE_WORDS.join('|')}|${NAME})`, 'u')
  const clause = t.split(/[，,。！!？?；;\n]/u).find((c) => withWho.test(c))
  if (!clause || QUESTION.test(clause)) return false
  return namesActivity || new RegExp(`(?:${NUM})(?:个|人|位)?(?:人)?$|来|去|报|一起|参加|俩|仨`, 'u').test(clause)
}

/**
 * A message that is nothing but people, the sender among them ("我跟我女儿", "我孙女和我"): with an activity open,
 * that is how a 接龙 reply reads.
 */
function onlyPeople(t: string): boolean {
  return ONLY_PEOPLE.test(t.replace(/[\p{P}\p{S}\s~～]|[啊呀哈吧哦呢嘛]+$/gu, ''))
}
const WHO = `(?:我|俺)?(?:家|的)?(?:${NUM}个?)?(?:${RELATIVE_WORDS.join('|')}|${NAME})`
const ONLY_PEOPLE = new RegExp(`^(?:(?:我|俺)(?:和|跟|带|加)${WHO}|${WHO}(?:和|跟|加)(?:我|俺))(?:俩|仨|两个|一起|都去|一块)?$`, 'u')

/** The activity named closest to a verb ("报错了 我是想报插花的 阅读那个取消吧" → 阅读). */
function activityRefNear(t: string, verb: RegExp, sit: Situation): number | undefined {
  const m = verb.exec(t)
  if (!m) return undefined
  const clauses = t.split(/[，,。！!；;\s]+/u)
  const hit = clauses.find((c) => verb.test(c))
  return hit ? activityRef(hit, sit.activities, sit.tz) ?? activityRef(t, sit.activities, sit.tz) : undefined
}
