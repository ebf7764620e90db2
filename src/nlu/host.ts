// Hosts (and anyone who asks for a host's action, to be told who can): announcements in prose, edits,
// closing/reopening/cancelling, exports; reminders; answers to the bot's confirmation questions. Pure.
import { findClock, PERIOD_ALONE, PERIOD_RE, periodOf } from '../core/zh/clock.ts'
import { parseDateTime } from '../core/zh/date.ts'
import { activityRef, bare, changedTime, formatSlotTime, NUM, numberOf, timeIn } from './text.ts'
import { CAPACITY_PHRASE, capacityIn, countClause, PLACE_PHRASE, placeAfter, placeClause } from './values.ts'
import { addsToNotice } from './notice-detail.ts'
import type { Situation, Slots, Understanding } from './types.ts'

const QUESTION = /[？?]|吗$|么$|呢$|怎么|如何|多少|几点|什么时候|啥时候|哪里|在哪/u

// ---------------------------------------------------------------- confirmations and corrections

const YES = /^(?:确认|确定|对|对的|是|是的|没错|好|好的|可以|行|发|发吧|发布|发布吧|确认发布|就这样|ok|嗯|嗯嗯|没问题|同意)/u
/**
 * A no, at the start of her answer. 不, 别, 不要, 不用 count only standing alone (「不」, 「不用了，谢谢」): as the first word
 * of a clause they open details of the notice just as often (不收费, 不用带东西, 不限人数, 别迟到).
 */
const NO = /^(?:(?:不|别|否|no|不要|不用)(?:了|啦|吧)?(?=$|[\s，,。.!！~～])|不发|不用发|不要发|别发|算了|等等|等一下|等会|待会|晚点|过会|回头再|先放|先别|先不|再想想|取消吧?$|不对|不是|不确认)/iu
const CORRECTION = /改成|改到|改为|换成|写错|不是.{1,12}是|地点是|地方是|时间是|应该是|是在/u
/** A question asked while a preview waits ("名额一共多少人", "地点是哪里"). */
const ASKED = /[？?]|吗$|么$|呢$|多少|几|什么|啥|哪|怎么|如何/u
/** What makes a question-shaped message a correction after all: the change said ("改成几点好", "写错了吧"). */
const CHANGE_SAID = /改成|改到|改为|换成|写错|弄错|搞错|应该是|不是.{1,12}是/u

/**
 * A host's question beside her preview ("名额一共多少人", "地点是哪里"): it asks, it puts nothing right. Read as a
 * correction, the 一 of 一共 once became "名额：1人" on her draft.
 */
export const asksBesidePreview = (t: string): boolean => ASKED.test(t) && !CHANGE_SAID.test(t)

export function readConfirmation(t: string, sit: Situation): Understanding | undefined {
  const b = bare(t)
  // "不对，是两点半" (even "不对吧？是两点半"): a no followed by the right value is a correction.
  const value = /^(?:不对|不是|错了)/u.test(b) && (timeIn(t, sit) !== undefined || /\d|[一二两三四五六七八九十半]+(?:点|号|个人|人|名)|在.{2,}/u.test(b.slice(2)))
  // Otherwise a question is read as whatever else it is.
  if (value || (!asksBesidePreview(t) && (CORRECTION.test(t) || (/^(?:哦对了)?(?:地点|地方|时间|名额|人数)/u.test(b) && b.length > 3)))) return { intent: 'correction', slots: correctionSlots(t, sit) }
  // "不收费，大家带一本绘本来", "限10组家庭": while her draft waits, a detail she adds to the notice (never a refusal of it).
  const adds = addsToNotice(t)
  if (adds && sit.pending === 'confirm_announce') return { intent: 'correction', slots: correctionSlots(t, sit) }
  if ((NO.test(t.trim()) || NO.test(b) || /先不|别别|不取消|再说/u.test(b)) && !adds) return { intent: 'confirm.no', slots: {} }
  if (YES.test(b.toLowerCase()) && b.length <= 10) return { intent: 'confirm.yes', slots: {} }
  // A thumbs-up or OK sign alone, to the bot's own preview.
  if (/^[\s👌👍✅🆗🙆‍♀️🙆]+$/u.test(t) && /\S/u.test(t)) return { intent: 'confirm.yes', slots: {} }
  return undefined
}

/** What a correction puts right: the time, the place, the number of places, the title. */
export function correctionSlots(t: string, sit: Situation): Slots {
  const slots: Slots = {}
  // "不是两点 是三点", "是三点不是两点": the time she denies is not the new one.
  const time = changedTime(t.replace(/不是[^，,。；;\s是]{1,12}/gu, ' '), sit)
  if (time) slots.time = time
  const place = /(?:地点|地方)(?:也|都|又)?(?:写错了|弄错了|搞错了|错了|改一下|改下|不对)?[，,\s]*(?:应该)?(?:是|改成|改到|改为|在)?\s*([^，,。不错]{2,12}?)(?:不是|$|，|,)|是在?([^，,。]{2,10}?)不是/u.exec(t)
  const said = place ? (place[1] ?? place[2])!.replace(/^是/u, '').trim() : undefined
  // "是下午3点 不是两点": the right time, not a place.
  const isWhen = (x: string) => /(?:\d|[一二三四五六七八九十两半]+)\s*(?:点|:|：)|上午|下午|晚上|早上|中午|傍晚|周[一二三四五六日天末]|礼拜|星期|\d+[号日月]/u.test(x)
  if (said && !isWhen(said)) slots.place = said
  else if (!said) {
    const at = placeAfter(t)
    if (at) slots.place = at
  }
  // "限三十人，不是十三": the first number is the right one.
  const cap = capacityIn(t)
  if (cap !== undefined) slots.capacity = cap
  const title = titleChange(t)
  if (title) slots.title = title
  return slots
}

/** A new name: 改名叫X, 改个名，叫X, 名字叫X不是Y, 标题改成「X」, 改叫「X」. */
function titleChange(t: string): string | undefined {
  const m = /(?:改叫(?=\s*[《「“"])|改名叫|改名为|改名成|改名(?=\s*[《「“"])|改个名字?[，,\s]*叫|名字改成|名字改为|名称改成|标题改成|标题改为|标题\s+|名字叫|标题是|名字是)\s*[《「“"]?([^》」”"，,。\s]+?)[》」”"]?(?:不是.*|打错.*|$|[，,。\s])/u.exec(t)
  return m?.[1]?.trim()
}

// ---------------------------------------------------------------- reminders

// "催一下报名的人", "给报了名的人推一下", "群发个提醒", "提大家" (Cantonese 提 for 提醒).
const REMIND = /提醒|叫大家|通知大家|催一下|催催|推一下|群发|提大家/u

export function readReminder(t: string, sit: Situation): Understanding | undefined {
  if (!REMIND.test(t)) return undefined
  // Managing existing reminders.
  const action = MANAGE.find(([, re]) => re.test(t))
  // "每周的那个提醒先停一停": a reminder already set, named by what it is, is managed, not created.
  const existing = /(?:那个|这个|第.个|的那个).{0,4}提醒|提醒\s*\d/u.test(t)
  if (action && (existing || !/每|点提醒/u.test(t.replace(/每周[一二三四五六日].{0,3}打卡/u, '')))) return { intent: 'reminder.manage', slots: manageSlots(t) }
  if (/你能|能不能设|会不会|可以设/u.test(t) && /[？?不吗]$/u.test(t)) return undefined
  const slots = reminderSlots(t, sit)
  if (slots.repeat === 'none' && !timeIn(t, sit) && !/前一天|前一晚|前.{0,3}小时|之前|开始前/u.test(t) && !/提醒我/u.test(t)) return undefined
  return { intent: 'reminder.create', slots }
}

const MANAGE: [NonNullable<Slots['action']>, RegExp][] = [
  ['list', /提醒列表|哪些提醒|什么提醒|(?:有|设了?|定了?)(?:几|多少)个?提醒|提醒.{0,4}(?:有几个|都有|有哪些|有啥)|提醒都有|查看提醒|看看提醒/u],
  ['resume', /恢复|重新开|重新打开|再开|继续提醒/u],
  ['pause', /暂停|先停|停一停|停一下|停了|这周不|先不提醒/u],
  // "取消交困难家庭登记表那个提醒": a long name between 取消 and the reminder it names.
  ['delete', /删|不要了|不用了|取消.{0,4}提醒|取消[^，,。\s]{0,14}?(?:那个|这个|的)提醒|提醒.{0,4}取消|去掉|撤了/u],
]

/** What to do with which reminder: list, pause, resume or delete; its number when given. */
export function manageSlots(t: string): Slots {
  const slots: Slots = {}
  const action = MANAGE.find(([, re]) => re.test(t))
  if (action) slots.action = action[0]
  const idx = new RegExp(`(?:提醒\\s*(\\d+)|第\\s*(${NUM})\\s*个)`, 'u').exec(t)
  if (idx) slots.index = Number(idx[1] ?? numberOf(idx[2]!))
  return slots
}

/** Who a reminder is for, said right after 提醒: 我, 大家, 所有人, 报了名的人, 插花的姐妹, 亲子阅读报名的家长. */
const AUDIENCE = /^(?:一下|下(?![午周个月楼])|给)?(?:我|大家|全体(?:成员)?|所有人|群里(?:的)?(?:姐妹们?|人)?|[^，,。\s]{0,12}?(?:的|嘅)(?:人|姐妹们?|家长|妈妈们?|宝妈们?|朋友们?)|报(?:了|咗)?名?[^，,。\s]{0,6}?(?:的|嘅))(?:一下|下(?![午周个月楼]))?[，,:：\s]*/u

/** Time, repeat, audience and content of a reminder, however it was recognised. */
export function reminderSlots(said: string, sit: Situation): Slots {
  // "后天早上提醒我去做两癌筛查，八点半": the clock said last belongs to the day said first.
  const tail = TAIL_CLOCK.exec(said)
  const at0 = said.indexOf('提醒')
  const t = tail && at0 > 0 ? said.slice(0, tail.index) : said
  const when = tail && at0 > 0 ? `${said.slice(0, at0)}${tail[1]}${said.slice(at0, tail.index)}` : said
  const repeat = repeatOf(t)
  const slots: Slots = { repeat }
  const time = (repeat !== 'none' ? firstRecurring(when, sit, repeat) : undefined) ?? dayBefore(t, sit) ?? beforeStart(t, sit) ?? timeIn(when, sit)?.time
  if (time) slots.time = time
  // The content follows the last 提醒 ("设个提醒 下周一上午十点 提醒所有人填满意度问卷"), else 发个 ("给大家发个节日祝福").
  const at = t.lastIndexOf('提醒')
  const sent = /(?:发个|发一?条|发一下|通知)/u.exec(t)
  const cue = at >= 0 ? { index: at, length: 2 } : sent ? { index: sent.index, length: sent[0].length } : undefined
  let audience = ''
  if (cue) {
    let c = t.slice(cue.index + cue.length).replace(/^[:：\s]+/u, '')
    const a = AUDIENCE.exec(c)
    if (a) {
      // "提醒报了名的": the audience is all there is, nothing to say yet.
      audience = a[0]
      c = c.slice(a[0].length)
    }
    // "提醒我周五晚上给闺女报名": the time said right after 提醒 is when, not what (unless one was said before).
    const before = timeIn(t.slice(0, cue.index), sit)
    const lead = before ? undefined : parseDateTime(c, new Date(sit.now), sit.tz)
    if (lead && lead.index === 0) c = c.slice(lead.match.length).replace(/^[\s，,]+/u, '')
    // What is left of "提醒一下，给姐妹们送祝福", "提醒一次明天的活动", "提醒全群：…", "…家长记得带绘本": the message itself.
    c = c.replace(/\s*只发给报名的.*$/u, '').replace(/^(?:一下|一次|一声|下(?![午周个月楼]))/u, '').replace(/^(?:全群|全体|群里)/u, '').replace(/^[:：,，\s]+/u, '').replace(/^(?:记得|记着|别忘了)/u, '')
    c = c.replace(/[，,]\s*(?:老忘|老是忘|总忘|怕忘|别忘了?)$/u, '').replace(/[\s\p{Extended_Pictographic}\u{FE0F}]+$/u, '').trim()
    if (c && !/^(?:吧|哈|啊|一下)$/u.test(c)) slots.content = c
  }
  const signedUpAudience = /报了名的|报名的人|报了.{1,4}的|只发给报名|报名的家长/u.test(t) || /报/u.test(audience) ||
    (/的|嘅/u.test(audience) && activityRef(audience, sit.activities, sit.tz) !== undefined)
  if (signedUpAudience) slots.audience = 'signed_up'
  else if (/大家|全体|所有人|群里/u.test(t)) slots.audience = 'all'
  return slots
}

/** A clause at the end that is only a clock time ("，八点半", "，晚上9点"). */
const TAIL_CLOCK = new RegExp(`[，,]\\s*((?:早上|上午|中午|下午|晚上)?\\s*(?:${NUM}|\\d{1,2})\\s*(?:点|:|：)(?:半|一刻|\\d{1,2}分?|[一二三四五]十(?:[一二三四五六七八九])?分?)?(?:钟)?)[吧哈啊呀]*$`, 'u')

/** "亲子阅读开始前一小时": that long before the named activity starts. */
function beforeStart(t: string, sit: Situation): string | undefined {
  const m = new RegExp(`(?:开始|开课|开场)?前\\s*(${NUM}|半)\\s*(?:个)?(小时|钟头|分钟)`, 'u').exec(t)
  if (!m) return undefined
  const a = sit.activities.find((x) => x.id === activityRef(t.slice(0, m.index), sit.activities, sit.tz))
  const n = m[1] === '半' ? 0.5 : numberOf(m[1]!)
  if (!a || n === undefined) return undefined
  const ms = m[2] === '分钟' ? n * 60_000 : n * 3_600_000
  return formatSlotTime(a.startAt - ms, sit.tz)
}

/** "插花前一天晚上八点": the clock on the day before the activity named. */
function dayBefore(t: string, sit: Situation): string | undefined {
  const m = /(?:前一天|前一晚|头一天)/u.exec(t)
  const a = m ? sit.activities.find((x) => x.id === activityRef(t.slice(0, m.index), sit.activities, sit.tz)) : undefined
  if (!m || !a) return undefined
  const clock = findClock(t.slice(m.index), { defaultPeriod: m[0] === '前一晚' ? 'evening' : undefined })
  if (!clock || clock.index > 6) return undefined
  const day = formatSlotTime(a.startAt - 86_400_000, sit.tz).slice(0, 10)
  return `${day} ${String(clock.time.hour).padStart(2, '0')}:${String(clock.time.minute).padStart(2, '0')}`
}

function repeatOf(t: string): NonNullable<Slots['repeat']> {
  if (/每天|每日|天天/u.test(t)) return 'daily'
  if (/每(?:个)?(?:周|星期|礼拜)/u.test(t)) return 'weekly'
  if (/每(?:个)?月/u.test(t)) return 'monthly'
  if (/每年/u.test(t)) return 'yearly'
  return 'none'
}

/** The first firing of "每周日晚上8点" / "每天早上7点" / "每月1号上午九点": the first one after now. */
function firstRecurring(t: string, sit: Situation, repeat: NonNullable<Slots['repeat']>): string | undefined {
  const stripped = t.replace(/每(?:个)?(?:周|星期|礼拜)/u, '周').replace(/每天|每日|天天/u, '').replace(/每(?:个)?月/u, '').replace(/每年/u, '')
  const p = parseDateTime(stripped, new Date(sit.now), sit.tz)
  if (!p || p.dateOnly) return undefined
  let at = p.at.getTime()
  if (at > sit.now) return formatSlotTime(at, sit.tz)
  if (repeat === 'daily') at += 86_400_000
  else if (repeat === 'weekly') at += 7 * 86_400_000
  else {
    // The same day and clock next month (or next year).
    const [date, clock] = formatSlotTime(at, sit.tz).split(' ') as [string, string]
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    const next = repeat === 'monthly' ? (m === 12 ? [y + 1, 1] : [y, m + 1]) : [y + 1, m]
    return `${next[0]}-${String(next[1]).padStart(2, '0')}-${String(d).padStart(2, '0')} ${clock}`
  }
  return formatSlotTime(at, sit.tz)
}

// ---------------------------------------------------------------- host actions on activities

const CLOSE = /报名.{0,4}(?:截止|结束|关|停|到此|收(?![不费钱]))|不(?:再)?(?:收|接受|让)(?!我|俺|她|他).{0,4}(?:报|人)|停止接龙|接龙(?:结束|截止|到此)|到此为止|截了|不要再报|别报了|关闭|截止报名|报名截止|停止报名|停止.{0,6}报名|关闭报名|结束报名|报名关了?|关了吧|关了|别再让人报|不收了|^截止/u
const REOPEN = /(?:多|又|再)加了?.{0,4}(?:位置|名额|位子|座位)|还(?:可以|能)报(?![吗么没不])|(?:又|重新|再)(?:能|可以)报(?:名)?了|(?:再|重新|又|继续)(?:开|放|收|接受|开放|开启|打开).{0,4}(?:报名|接龙|名额)|可以(?:继续)?报名了|名额又有了|加开|重新开放|重新打开|^\/?开放\s*(?:活动)?\s*\d|重开|再开|再放开|放开报名|开放报名|恢复报名|重新接龙|又可以报名|继续报名|重新开始报名/u
const CANCEL = /取消|不办|不搞|不开了|停了|暂停举办|改期待定|不办了|撤了|不搞了|停办|取消了/u
const EXPORT = /导出|下载|表发|名单发我|名单.{0,4}私发|导给我|导个|报名表|表格|excel|文件|下载名单/iu
const EDIT = /改到|改成|改为|改在|改名|挪到|提前到|推迟到|推迟|延后|延期到|放宽到|换到|换成|修改|更改|调到|时间不变|地点改|名额改|人数改|名字改/u

export function readHostAction(t: string, sit: Situation): Understanding | undefined {
  const activity = activityRef(t, sit.activities, sit.tz)
  const withActivity = <T extends Slots>(s: T): Slots => (activity ? { ...s, activity } : s)
  if (/^(?:修改|更改)\s*活动\s*\d|^活动\s*\d.{0,8}(?:改|挪|提前|推迟)/u.test(t) || (EDIT.test(t) && (activity !== undefined || /活动/u.test(t)) && !/提醒/u.test(t))) {
    return { intent: 'host.edit', slots: { ...withActivity({}), ...editSlots(t, sit) } }
  }
  if (EXPORT.test(t) && /导|发我|给我|发一份|表格/u.test(t) && !/提醒|导出来的|挺|不错|清楚|好看/u.test(t)) return { intent: 'host.export', slots: withActivity({}) }
  if (REOPEN.test(t) && !/提醒/u.test(t) && !(QUESTION.test(t) || /有几个|几个$/u.test(t))) return { intent: 'host.reopen', slots: withActivity({}) }
  if (CLOSE.test(t) && !/提醒|[？?]|吗$/u.test(t)) return { intent: 'host.close', slots: withActivity({}) }
  if (CANCEL.test(t) && !/报名|提醒|我的|我和/u.test(t) && !(/帮我/u.test(t) && !/活动\s*\d|不办|不搞|停办/u.test(t)) && (activity !== undefined || /活动/u.test(t))) return { intent: 'host.cancel', slots: withActivity({}) }
  return undefined
}

const CHANGE_CUE = '(?:地点|地方)(?:改成|改到|改为|换到|换成)|改到|换到|挪到|搬到|改在|改成|换成|改为'
const TIME_CUE = /改为|改成|改到|调到|调整为|挪到|换到|提前到|推迟到|延后到|延期到/u

/**
 * The new time of an edit: what follows the change when the old time is said first ("由周日上午9:30改为周日下午2:00");
 * a new day without a clock takes the clock said later ("改成周日下午 还是两点") or the activity's own ("挪到下周六
 * 12号 时间地点不变").
 */
function editTime(body: string, sit: Situation, activity: number | undefined): string | undefined {
  const cue = TIME_CUE.exec(body)
  const after = cue ? body.slice(cue.index + cue[0].length) : body
  const keep = /时间(?:地点)?(?:都)?不变/u.test(body)
  const first = timeIn(body, sit)
  const later = cue && first && first.index < cue.index ? changedTime(after, sit) : undefined
  if (later && later.length > 5) return later
  if (first && !keep) return changedTime(body, sit)
  const p = parseDateTime(after, new Date(sit.now), sit.tz)
  if (!p?.dateOnly || (!cue && !keep)) return undefined
  const day = formatSlotTime(p.at.getTime(), sit.tz).slice(0, 10)
  const period = new RegExp(PERIOD_RE, 'u').exec(p.match)?.[0]
  const clock = keep ? undefined : findClock(after.slice((p.index ?? 0) + p.match.length), { defaultPeriod: periodOf(period) })
  if (clock) return `${day} ${String(clock.time.hour).padStart(2, '0')}:${String(clock.time.minute).padStart(2, '0')}`
  const a = sit.activities.find((x) => x.id === activity)
  return a ? `${day} ${formatSlotTime(a.startAt, sit.tz).slice(11)}` : undefined
}

export function editSlots(t: string, sit: Situation): Slots {
  const slots: Slots = {}
  const body = t.replace(/^(?:修改|更改)\s*活动\s*\d\s*/u, '')
  // "挪到下周六同一时间": the same clock a week later.
  if (/下周.{0,2}同一时间|同一时间/u.test(body)) {
    const a = sit.activities.find((x) => x.id === activityRef(t, sit.activities, sit.tz))
    if (a && /下周/u.test(body)) slots.time = formatSlotTime(a.startAt + 7 * 86_400_000, sit.tz)
  } else {
    const time = editTime(body, sit, activityRef(t, sit.activities, sit.tz))
    if (time) slots.time = time
  }
  // A place word after the change ("换到社区活动中心去", not the one it leaves: "不在图书室了 改到…"); else whatever
  // follows 地点改成 ("地点改成老地方"); else a place said again on its own ("改到13号 还是上午九点半 图书室").
  const at = placeAfter(body, CHANGE_CUE) ?? placeAfter(body.replace(/不在[^，,。\s]*/gu, ' ')) ??
    body.split(/[，,。！!；;\s]+/u).map((c) => placeClause(c)).find((x) => x !== undefined)
  const place = /(?:地点|地方)(?:改成|改到|改为|换到|换成)\s*([^，,。]{2,12}?)(?:$|，|,|。)|改在([^，,。上]{2,12}?)(?:上|$|，|,)|地点\s+([^，,。]{2,12})/u.exec(body)
  if (at && !/^[^，,。]{0,4}不变/u.test(body.slice(body.indexOf(at) + at.length))) slots.place = at
  else if (place) slots.place = (place[1] ?? place[2] ?? place[3])!.trim()
  const cap = capacityIn(body)
  if (cap !== undefined) slots.capacity = cap
  const title = titleChange(body)
  if (title) slots.title = title
  return slots
}

// ---------------------------------------------------------------- announcements

const ANNOUNCE_WORD = /发布活动|发起活动|新建活动|创建活动|建个活动|发个活动|发活动|活动通知|活动预告|新活动|帮我发/u
/** A resident putting up an activity herself ("我也想发布活动", "我来发个活动"), not asking about one ("有新活动吗"). */
const RESIDENT_ANNOUNCES = /(?:发布|发起|新建|创建)活动|(?:我|俺)(?:也)?(?:想|要|来)?(?:发|建)(?:个|一个)活动/u
const ANNOUNCE_CUE = /限\s*\S{1,3}\s*(?:人|组|个|名)|不限人数|名额|接龙|报名|活动|讲座|课|会|体验|分享|联欢|比赛|排练|集合|放映/u
/**
 * A host asking for ideas or for what the documents say ("我想搞个三八节的户外活动，资料里有什么现成的可以参考", "资料里有哪些
 * 三八节活动可以参考", "三八节活动怎么搞"): a question, however many activity words and dates (三八节 is 3月8日) it
 * names. None of the corpus's 209 announcements says any of these. On the normal form (Simplified).
 */
export const ASKS_FOR_IDEAS = /(?:资料|文件|文档)(?:里|上|中)|参考|借鉴|取经|点子|主意|建议|现成|有(?:什么|啥|哪些)|有没有(?:什么|啥)|(?:怎么|咋|如何)(?:搞|办|弄|组织|安排|策划|开展|准备)|[？?]/u

export function readAnnouncement(t: string, sit: Situation): Understanding | undefined {
  // A resident who says to the bot that she wants to put one up ("我也想发布活动 周日上午打太极"): the announce route
  // answers who may (roles), rather than silence.
  if (sit.role === 'resident') return sit.mention && RESIDENT_ANNOUNCES.test(t) ? { intent: 'host.announce', slots: {} } : undefined
  const cmd = ANNOUNCE_WORD.test(t)
  const time = timeIn(t, sit)
  if (!cmd && (!time || QUESTION.test(t) || ASKS_FOR_IDEAS.test(t) || !ANNOUNCE_CUE.test(t))) return undefined
  if (!cmd && /提醒(?!一下大家)/u.test(t.slice(0, 12))) return undefined
  return { intent: 'host.announce', slots: announceSlots(t, sit) }
}

/** The command that opens an announcement ("帮我发个活动：", "發個新活動", "新建活动", "通知："): no part of its content. */
const COMMAND = /^(?:@\S+\s*)?(?:小助手)?(?:帮我|帮忙|麻烦)?(?:发布|发起|新建|创建|建|发|开|来)?(?:一下|个|一个)?(?:新)?(?:活动|通知|活动通知|活动预告)?[:：]?$/u
/** Clauses that address or urge people, or add a detail that is not the activity itself. */
const FILLER = /^(?:各位|姐妹们|家人们|大家|注意啦|冬天到了|我是|通知|发布|(?:跟|和|给)大家(?:说|讲)|告诉大家|(?:不收钱|免费)$|有兴趣|想来|要来|想学|先到先得|材料|老师|律师|社区医院.{0,2}医生|毛线|放《|读《|看《|请了|欢迎|长者|大巴|会议号|老地方|教大家(?!做|包|学|一起)|周.晚上.*提醒)|接龙|报名|优先|接送|热闹|有限$/u
/** Verbs that introduce an activity without being part of its name ("搞个读书会", "开家庭教育讲座", "练八段锦"). */
const LEAD_VERB = /^(?:还有|另外|再)?(?:一起|咱们|我们)?(?:集合)?(?:(?:教|带)大家(?:一起)?)?(?:去|来)?(?:搞一次|搞一场|搞一个|搞个|搞|放(?!映)|办一个|办个|办|举办|举行|开展|组织|有个|有一个|有|开一个|开个|开|上|练|学(?!做)|跳(?=.{1,4}[舞操])|加开一场|加开|进行)?/u

/** Title, time, place, capacity and deadline of an announcement in prose. */
export function announceSlots(raw: string, sit: Situation): Slots {
  const slots: Slots = {}
  let t = raw.replace(/@\S+/gu, ' ').replace(/\n\s*\d+\s*[.、]?\s*$/u, '')
  // "包粽子 不对 包馄饨": the correction wins.
  t = t.replace(/(\S+)\s*不对\s*/u, '')
  const labelled = (label: string) => new RegExp(`${label}[:：]\\s*([^\\s，,。]+)`, 'u').exec(t)?.[1]
  // Deadline first, so its time is not taken for the start.
  // "周二晚上8点截止报名", "周一晚八点前报个名", "25号中午12点前报节目", "截止12.11 18:00".
  const dl = /([^，,。\s]{0,12}?(?:截止|(?:之|以)?前(?=报|接龙|登记|回复))(?:报(?:个)?名|接龙)?|(?:报名)?截止(?:到|时间[:：]?)?\s*[^，,。\s]{2,12}(?:\s\d{1,2}[:：]\d{2})?|报名(?:到|至)(?=[^，,。\s]*(?:点|[:：]\d))[^，,。\s]{2,12})(?=$|[^\p{L}\p{N}]|报|接龙|登记|回复)/u.exec(t)
  let body = t
  let deadline: { at: number; weekday: boolean } | undefined
  if (dl) {
    const d = parseDateTime(dl[1]!, new Date(sit.now), sit.tz)
    if (d && !d.dateOnly) {
      deadline = { at: d.at.getTime(), weekday: /(?<![下本这上])(?:周|星期|礼拜)[一二三四五六日天]/u.test(dl[1]!) }
      body = t.replace(dl[1]!, ' ')
    }
  }
  const time = timeIn(body, sit)
  if (time) slots.time = time.time
  if (deadline) {
    // Today is not called by its weekday: "周二晚上8点截止" said on a Tuesday is next Tuesday.
    const today = formatSlotTime(sit.now, sit.tz).slice(0, 10)
    if (deadline.weekday && formatSlotTime(deadline.at, sit.tz).startsWith(today)) deadline.at += 7 * 86_400_000
    slots.deadline = formatSlotTime(deadline.at, sit.tz)
  }
  const capacity = capacityIn(body)
  if (capacity !== undefined) slots.capacity = capacity
  const placeL = labelled('地点') ?? /(?:地点|地方)(?:在|是)\s*([^\s，,。]{2,12})/u.exec(t)?.[1] ?? new RegExp(`(?:地点|地方)(${PLACE_PHRASE})`, 'u').exec(t)?.[1]
  // A name in quotes is the title ("办「手工香皂」体验"), unless it is a book or film the activity reads or shows.
  // A work shown or read, or the theme, may stand a few words after its verb ("放露天电影 《…》", "主题是《…》").
  const quoted = /(?<![放读看演唱])[「“"]([^」”"]{2,24})[」”"]/u.exec(body)?.[1] ?? /(?<!(?:[放读看演唱]|主题|书目|书单|曲目)[^，,。！!]{0,10})《([^》]{2,24})》/u.exec(body)?.[1]
  // "活动：书法体验" labels the title; "发个活动：下周六…" is the command.
  const activityLabel = /(?:^|[\s，,。])活动[:：]\s*([^\s，,。]+)/u.exec(t)?.[1]
  const titleL = labelled('标题') ?? activityLabel ?? /名字叫[:：\s]*([^\s，,。]+)/u.exec(t)?.[1] ?? quoted
  if (placeL) slots.place = placeL
  if (titleL) slots.title = titleL
  // Clauses without the time, capacity, deadline, quotes and filler: the title and the place are among them.
  let rest = body
  if (time) rest = rest.replace(time.match, ' | ')
  // "法律讲堂：婚姻家庭中的财产问题": a talk and its subject are one title.
  const subtitled = /(?:^|[\s，,])([^\s，,。：:]{1,10}(?:讲堂|讲座|课堂|沙龙|分享会))[:：]([^\s，,。：:]{2,20})/u.exec(rest)
  if (subtitled) rest = rest.replace(`${subtitled[1]}${rest.slice(subtitled.index).match(/[:：]/u)![0]}${subtitled[2]}`, ` ${subtitled[1]}\u2236${subtitled[2]} `)
  rest = rest
    .replace(/【[^】]*】|[（(][^）)]*[）)]|[「“"《][^」”"》]*[」”"》]/gu, ' | ')
    .replace(CAPACITY_PHRASE, ' | ')
    .replace(/(?:标题|时间|地点|名额|人数|活动|名字叫)[:：]?(?=\s)|(?:标题|时间|地点|名额|人数)[:：]/gu, ' | ')
    .replace(/[，,。！!；;：:～~\n]|\p{Extended_Pictographic}/gu, ' | ')
  const clauses = rest.split(/\s*\|\s*|\s+/u).map((c) => c.trim()).filter(Boolean)
  const candidates: string[] = []
  for (let c of clauses) {
    if (COMMAND.test(c) || FILLER.test(c) || /^\d+$/u.test(c)) continue
    const count = countClause(c)
    if (count !== undefined) {
      slots.capacity ??= count
      continue
    }
    // "元旦前搞个联欢会": a day before the activity is not part of its name; a clause that is only a day is none.
    const day = parseDateTime(c, new Date(sit.now), sit.tz)
    if (day && day.index === 0) {
      if (day.match.length === c.length) continue
      if (/^(?:前|后|之前)/u.test(c.slice(day.match.length))) c = c.slice(day.match.length + 1).replace(/^前/u, '')
    }
    const only = placeClause(c)
    if (only) {
      slots.place ??= only
      continue
    }
    // "广场旁边的党群服务中心": the place is the one beside.
    const beside = new RegExp(`^(?:在|于)?${PLACE_PHRASE}(?:旁边|对面|隔壁|附近|后面|边上)的(${PLACE_PHRASE})$`, 'u').exec(c)
    if (beside) {
      slots.place ??= beside[1]!
      continue
    }
    // "在图书室搞个读书会", "咱们在活动室搞一个剪纸活动", "微家活动室练八段锦": the place, then the activity.
    const lead = new RegExp(`^(?:咱们|我们|大家|阿拉)?(?:在|于|勒)?(${PLACE_PHRASE})(?:集合)?(.+)$`, 'u').exec(c)
    if (lead) {
      slots.place ??= lead[1]!
      c = lead[2]!
    }
    // "月底搞一次手机课": a rough time ahead of the verb is no part of the name.
    c = c.replace(/^(?:月底|月初|月中|年底|年前|周末|过两天|改天)/u, '').replace(LEAD_VERB, '')
    // "给孩子们辅导作业": who it is for; "妈妈读书会第三期", "元旦联欢会定了", "广场舞照常": the issue, or news about it.
    c = c.replace(/^给[^\s]{1,4}们/u, '').replace(/第[一二三四五六七八九十\d]{1,3}次(?:活动)?$/u, '').replace(/(?:定了|照常|照旧|开始了|又来了|来了)$/u, '')
    // "剪纸活动过年贴窗花用的": what comes before 活动 names it.
    c = c.replace(/^(.{2,10}?)活动.*$/u, '$1').replace(/^[^的]{1,4}们的/u, '').replace(/(?:哈|啦|呀|吧|啊)$/u, '')
    // "—4" or "到四点" left of a clock range, "冬至那天": no name in them.
    // "阿拉", "我们": only who is speaking.
    const noName = !/[\u4e00-\u9fa5A-Za-z]{2}/u.test(c) || /^(?:阿拉|我们|咱们|俺们|大家)$/u.test(c) || new RegExp(`${NUM}\\s*点(?:钟|半)?$`, 'u').test(c) || /^[^\s]{1,4}(?:那天|当天)$/u.test(c) || new RegExp(`^(?:到|至|[-—~～])\\s*${NUM}\\s*(?:点|:|：)`, 'u').test(c)
    // "街道那边给咱争取到了一个免费的面点培训": a long clause names the activity after its measure word.
    if (c.length > 10) {
      const named = /(?:一个|一场|一期|一次|个)(?:免费|公益|新)?的?([^的，,]{2,10})$/u.exec(c)
      if (named) c = named[1]!
    }
    // "从这周三开始" says when a series starts; "再发一个" is the command again: neither names the activity.
    // "晚上" on its own is when (the clock comes later), not what.
    const notAName = /^从.{1,8}(?:开始|起)$|^(?:再|又|还)?(?:发|搞|办|来|加)(?:一|两)?(?:个|场|次)$/u.test(c) || PERIOD_ALONE.test(c)
    if (c.length >= 2 && !noName && !notAName) candidates.push(c.replace(/\u2236/u, '：'))
  }
  if (!slots.title) {
    const title = candidates.find((c) => !/^(?:本周|这周|下周|明天|后天|今天)/u.test(c))
    if (title) slots.title = title
  }
  return slots
}
