// Shared reading helpers: one normal form of a message, and which activity it refers to.
import { findClock } from '../core/zh/clock.ts'
import { cantoneseAsMandarin } from '../core/zh/cantonese.ts'
import { parseDateTime } from '../core/zh/date.ts'
import { toSimplified } from '../core/zh/script.ts'
import { pad2, wallClock } from '../core/tz.ts'
import type { ActivityView, Situation } from './types.ts'

/**
 * Simplified script, half-width digits and signs, a leading @mention of the bot removed, spaces collapsed.
 * A plus between numbers names a scheme ("1+2+2楼栋式工作制", "5+6+X"), never a sign-up's "+2": it is kept
 * full-width so no sign-up reading sees it.
 */
export function normalize(raw: string): string {
  return cantoneseAsMandarin(toSimplified(raw.normalize('NFKC')))
    .replace(/@小助手[\s\u2005]*/gu, '')
    .replace(/[➕]/gu, '+')
    .replace(NUMBER_SCHEME, (m) => m.replace(/\+/gu, '＋'))
    .replace(WHICH_TYPED_THAT, '是哪')
    .replace(/[ \t\u2005\u3000]+/gu, ' ')
    .trim()
}

// "五型微家 是那五型": 那 typed for 哪 (older people's phones offer it first) when a count asks which ones, at the end.
const WHICH_TYPED_THAT = /是那(?=[一二三四五六七八九十两几\d]{1,2}(?:个|种|型|类|样|家|位|项|条)?[？?吗呀啊呢]*$)/gu

// Two pluses at least, written tight: "活动2 +1" and "活动2+1" sign up for 活动2.
const NUMBER_SCHEME = /(?<![+\d])\d{1,2}(?:\+(?:\d{1,2}|[A-Za-z])(?![A-Za-z])){2,}/gu

/** Without punctuation and spaces: for short answers ("好的！" = "好的"). */
export const bare = (t: string) => t.replace(/[\p{P}\p{S}\s]/gu, '')

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 俩: 2, 仨: 3 }
export function numberOf(s: string): number | undefined {
  if (/^\d+$/u.test(s)) return Number(s)
  if (s.length === 1) return CN_DIGIT[s]
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(s)
  if (m) return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[2] ? CN_DIGIT[m[2]]! : 0)
  return undefined
}
export const NUM = '(?:\\d{1,3}|[一二两三四五六七八九十俩仨]{1,3})'

/** Descriptions people use for an activity, and the title words they point to. */
const DESCRIPTIONS: [RegExp, RegExp][] = [
  [/带(?:娃|孩子|小孩)|亲子|孩子的|娃的|读书|看书|绘本|故事/u, /亲子|阅读|绘本|读书/u],
  [/花/u, /花/u],
  [/跳舞|舞蹈|广场舞/u, /舞/u],
  [/做饭|包饺子|饺子|烘焙|蛋糕|做菜/u, /饺子|烘焙|蛋糕|厨|菜/u],
  [/讲座|听课|知识/u, /讲座|知识|课堂/u],
]

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六']

const GENERIC_END = /^(?:制作|分享|交流|比赛|培训|学习|活动|体验|沙龙|课堂|小组|大赛|教学|课程|讲堂)$/u

/** Words in a title worth matching on their own: 亲子阅读 → 亲子, 阅读; 插花课 → 插花; 做手工香包 → 香包. */
function titleKeys(title: string): string[] {
  const t = toSimplified(title).replace(/[《》「」“”"'\s]/gu, '')
  const core = t.replace(/(?:课|活动|体验|讲座|会)$/u, '')
  const keys = new Set([t, core])
  for (let i = 0; i + 2 <= core.length; i += 2) keys.add(core.slice(i, i + 2))
  // A compound's head is its end: 做手工香包 → 香包, as people call it ("报名香包"); not a generic end (制作, 分享).
  const head = core.slice(-2)
  if (!GENERIC_END.test(head)) keys.add(head)
  return [...keys].filter((k) => k.length >= 2)
}

/**
 * Part of a title names the activity unless another noun continues it: "编织角" is a place, not 「编织课」;
 * "插花那个", "阅读的", "插花课" do name theirs.
 */
function mentionsKey(t: string, key: string, title: string): boolean {
  for (let i = t.indexOf(key); i >= 0; i = t.indexOf(key, i + 1)) {
    const next = t[i + key.length]
    // A place or a group named after the craft (编织角, 舞蹈队, 读书会) is not the activity.
    if (next === undefined || toSimplified(title).includes(key + next) || !/[角组队社群馆店坊会站屋团]/u.test(next)) return true
  }
  return false
}

/** What is signed up for, as written right after the verb: "我想报插花" → 插花, "报名香包" → 香包. */
const SIGNED_FOR = /(?:报名|报个名|报一个|报个|报|参加)\s*([\p{Script=Han}]{2,6}?)(?:课|班|活动)?(?=[\s，,。！!？?~～吧呀啊哈的]|$)/u
/** Words after 报 that are not an activity's name: people, counts, the activity in general, a day, a description, or the start of what she goes on to say ("报名 最近老失眠…", "我报一个 另外想问下…"). */
const NOT_A_NAME = /好伐|好吗|行吗|行伐|可以吗|我|俺|她|他|你|咱|名|一|想|问|说|最近|另外|顺便|不过|但是|可是|其实|因为|所以|就是|还有|然后|觉得|感觉|一直|老是|总是|太|真|很|没|不|吗|呢|两|二|三|家|孩子|娃|婆|妈|爸|公|姐|妹|哥|弟|闺女|女儿|儿子|孙|老伴|朋友|同事|邻居|一起|也|了|上|活动|这个|那个|哪个|周|礼拜|星期|号|明天|后天|今天|下午|上午|晚上|时间|名额|位置|候补|接龙|刚|看到|才|消息|通知|晚了|来晚/u

/**
 * The name of an activity that is signed up for and matches none of the group's ("我想报插花" while only 做手工香包 is
 * open): the sign-up must not land on another activity. Undefined when the message names no activity, or names one
 * of the group's.
 */
export function unknownActivityName(t: string, acts: ActivityView[]): string | undefined {
  const m = SIGNED_FOR.exec(t)
  const name = m?.[1]
  if (!name || NOT_A_NAME.test(name) || namesActivity(t, acts)) return undefined
  return DESCRIPTIONS.some(([said, title]) => said.test(name) && acts.some((a) => title.test(a.title))) ? undefined : name
}

/** The activities whose day `t` names (周六, 礼拜天, 12月5日, 5号). */
function daysNamed(t: string, acts: ActivityView[], tz: string): Set<number> {
  const out = new Set<number>()
  for (const a of acts) {
    const w = wallClock(a.startAt, tz)
    const day = WEEKDAY[w.weekday]!
    const dayRe = new RegExp(`(?:周|礼拜|星期)${day === '日' ? '[日天]' : day}|${w.month}月${w.day}[日号]|${w.day}号`, 'u')
    if (dayRe.test(t)) out.add(a.id)
  }
  return out
}

/** Whether `t` names the activity by part of its title (插花, 阅读). */
export const namesTitle = (t: string, a: ActivityView) => titleKeys(a.title).some((k) => mentionsKey(t, k, a.title))

/** Whether the text names an activity outright, by number or title (not by a description such as 带娃那个). */
export function namesActivity(t: string, acts: ActivityView[]): boolean {
  if (/(?:活动|第)\s*(?:\d|[一二两三])\s*(?:个|号)?|(?:\d|[一二两三])\s*号活动/u.test(t)) return true
  return acts.some((a) => namesTitle(t, a))
}

/**
 * The activity a message refers to: 活动2 / 2号活动, part of the title (插花, 阅读), its day (周六的, 周日那个),
 * its place (图书室那个). Undefined when none or several fit.
 */
/** A clause that turns an activity down ("插花就不去了", "剪纸算了", "瑜伽去不了"). */
const TURNED_DOWN = /不(?:去|参加|报|来)|去不了|来不了|算了|不想去|没空/u

export function activityRef(t: string, acts: ActivityView[], tz: string): number | undefined {
  // 活动2, 活动一, 第2个, 2号活动, 二号活动, and a number closing a command ("截止报名2", "开放报名1").
  const byNum = /(?:活动|第)\s*(\d|[一二两三])\s*(?:个|号)?|^(\d)\s*号?(?:活动)?(?:[的那个吧呀哈谢\s]|$)|(\d|[一二两三])\s*号活动|(?:报名|接龙)\s*(\d)\s*$/u.exec(t)
  if (byNum) {
    const n = numberOf(byNum[1] ?? byNum[2] ?? byNum[3] ?? byNum[4]!)
    if (acts.some((a) => a.id === n)) return n
  }
  const named = (s: string) => {
    const found = new Set<number>()
    for (const a of acts) if (namesTitle(s, a)) found.add(a.id)
    return found
  }
  const hits = named(t)
  if (hits.size === 1) {
    // "周五那个瑜伽" when 瑜伽 is on Sunday and 剪纸 on Friday: the day and the title disagree — ask, never guess.
    // (A day after 改到 / 挪到 is the new day of an edit.)
    const said = t.replace(/(?:改到|改成|改为|挪到|换到|调到|提前到|推迟到|延到)[^，,。；;！!？?\s]*/gu, '')
    const days = daysNamed(said, acts, tz)
    const [only] = hits
    return days.size > 0 && !days.has(only!) ? undefined : only
  }
  if (hits.size > 1) {
    // "剪纸算我一个 插花就不去了": the one she turns down in a clause of its own is not the one meant.
    const clauses = t.split(/[，,。；;！!？?\n\s]+/u)
    const declined = new Set(clauses.filter((c) => TURNED_DOWN.test(c)).flatMap((c) => [...named(c)]))
    const kept = [...hits].filter((id) => !declined.has(id))
    if (declined.size > 0 && kept.length === 1) return kept[0]
    // "亲子阅读挪到周日下午三点，跟插花错开": the one the first clause is about.
    const first = t.split(/[，,。；;！!？?\n]/u).map(named).find((h) => h.size > 0)
    return first?.size === 1 ? [...first][0] : undefined
  }
  // "要交钱那个", "20块那个": the activity that has a fee.
  if (/交钱|收费|要钱|付钱|\d+\s*(?:块|元)|材料费/u.test(t)) {
    const paid = acts.filter((a) => /费|\d+\s*元/u.test(toSimplified(a.notes)))
    if (paid.length === 1) return paid[0]!.id
  }
  // By description: what the activity is about, though its title is not named ("带娃那个", "看书的").
  for (const [cue, title] of DESCRIPTIONS) if (cue.test(t)) for (const a of acts) if (title.test(toSimplified(a.title))) hits.add(a.id)
  if (hits.size === 1) return [...hits][0]
  hits.clear()
  // By position in the bot's own list: 第一个 / 第二个.
  const ord = /第([一二三1-3])个|^([一二三])个?$/u.exec(t)
  if (ord) {
    const n = numberOf(ord[1] ?? ord[2]!)
    const a = n ? acts[n - 1] : undefined
    if (a) return a.id
  }
  for (const id of daysNamed(t, acts, tz)) hits.add(id)
  if (hits.size === 1) return [...hits][0]
  if (hits.size > 1) return undefined
  for (const a of acts) {
    const place = toSimplified(a.place).replace(/^(?:社区|微家)/u, '')
    if (place.length >= 2 && t.includes(place)) hits.add(a.id)
  }
  return hits.size === 1 ? [...hits][0] : undefined
}

/** "YYYY-MM-DD HH:MM" local. */
export function formatSlotTime(at: number, tz: string): string {
  const w = wallClock(at, tz)
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)} ${pad2(w.hour)}:${pad2(w.minute)}`
}

/** The first date-time in the text with a clock time, formatted; undefined when only a date or nothing. */
export function timeIn(t: string, sit: Pick<Situation, 'now' | 'tz'>): { time: string; match: string; index: number } | undefined {
  const p = parseDateTime(t, new Date(sit.now), sit.tz)
  if (!p || p.dateOnly) return undefined
  return { time: formatSlotTime(p.at.getTime(), sit.tz), match: p.match, index: p.index ?? t.indexOf(p.match) }
}

export const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)|(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/u

/**
 * The time a change or a correction says: "YYYY-MM-DD HH:MM" when a day is named, "HH:MM" when only a clock is
 * (the day is the activity's or the draft's, not today: "改成八点" is 08:00 even when 8 a.m. has passed today).
 */
export function changedTime(t: string, sit: Pick<Situation, 'now' | 'tz'>): string | undefined {
  const hit = timeIn(t, sit)
  if (!hit) return undefined
  const clock = findClock(hit.match)
  if (clock && clock.index === 0 && clock.match.length === hit.match.length) return `${pad2(clock.time.hour)}:${pad2(clock.time.minute)}`
  return hit.time
}
