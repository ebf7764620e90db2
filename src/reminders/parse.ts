// Text → schedule and text → command. Pure: the caller passes `now` and the time zone.
// Schedules: 每周三下午3点, 每月第一个周六上午9点, 每两周的周三, 工作日, 每季度第一个月15号, 每年3月8日,
// 每年腊月二十 / 每年农历八月十五 / 每年除夕 (lunar, through ICU's Chinese calendar), or a 5-field cron.
import { daysInMonth, pad2 } from '../core/tz.ts'
import { parseClock } from '../core/zh/clock.ts'
import { cnNumber } from '../core/zh/numbers.ts'
import { cantoneseAsMandarin } from '../core/zh/cantonese.ts'
import { toSimplified } from '../core/zh/script.ts'
import { lunarName, lunarSupported } from './lunar.ts'
import { nextTimes, type Schedule, validateCron } from './schedule.ts'
import { texts, WEEKDAY_NAMES } from './texts.ts'
import { localDay } from '../core/tz.ts'

export interface ParsedSchedule {
  ok: true
  schedule: Schedule
  /** Normalised Chinese description, e.g. "每月第一个周六 09:00". */
  description: string
  /** What follows the schedule (the reminder's content), trimmed of 提醒大家 and punctuation. */
  rest: string
  /** Things the host should know before confirming (default time, workdays exclude holidays…). */
  notes: string[]
}
export type ScheduleResult = ParsedSchedule | { ok: false; reason: string }

const NUM = '(\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})'
const W = '(?:周|星期|礼拜|週)'
const WD = '[一二三四五六日天1-7]'
const WD_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 0 }
const ORDINAL = ['', '第一个', '第二个', '第三个', '第四个', '第五个']

const num = (s: string | undefined) => (s === undefined ? undefined : cnNumber(s))

/** One way of saying "how often": a regex on the start of the text and what it means. */
interface Head {
  re: RegExp
  read(m: RegExpExecArray, ctx: { tz: string; now: number }): HeadResult | { error: string } | undefined
}
interface HeadResult {
  /** cron day-of-month, month and day-of-week fields */
  dom: string
  month: string
  dow: string
  describe: string
  weeks?: number
  lunar?: { month: number; day: number }
  notes?: string[]
}

const LUNAR_MONTHS: Record<string, number> = { 正: 1, 冬: 11, 腊: 12 }

function lunarDay(s: string): number | undefined {
  const t = s.replace(/[日号]$/u, '')
  if (t.startsWith('初')) {
    const n = cnNumber(t.slice(1))
    return n !== undefined && n >= 1 && n <= 10 ? n : undefined
  }
  if (t.startsWith('廿')) {
    const n = t.length === 1 ? 0 : cnNumber(t.slice(1))
    return n !== undefined && n <= 9 ? 20 + n : undefined
  }
  const n = cnNumber(t)
  return n !== undefined && n >= 1 && n <= 30 ? n : undefined
}

function weekdayList(spec: string): number[] | undefined {
  // 三 / 二、四 / 二和周四 / 一到五 / 一至周五
  const days = new Set<number>()
  const parts = spec.split(/[、,，和及与]/u)
  for (const part of parts) {
    const range = new RegExp(`^${W}?(${WD})(?:到|至|-|~)${W}?(${WD})$`, 'u').exec(part)
    if (range) {
      let a = WD_VALUE[range[1]!]!
      const b = WD_VALUE[range[2]!]!
      const end = b === 0 ? 7 : b
      if (a === 0) a = 7
      if (a > end) return undefined
      for (let d = a; d <= end; d++) days.add(d % 7)
      continue
    }
    const one = new RegExp(`^${W}?(${WD})$`, 'u').exec(part)
    if (!one) return undefined
    days.add(WD_VALUE[one[1]!]!)
  }
  return [...days].sort((a, b) => a - b)
}

const describeDays = (days: number[]) => days.map((d) => WEEKDAY_NAMES[d]).join('、')

const HEADS: Head[] = [
  {
    // 每年除夕
    re: /^每年的?(?:农历)?除夕/u,
    read: () => ({ dom: '*', month: '*', dow: '*', describe: '每年除夕（农历）', lunar: { month: 12, day: 0 } }),
  },
  {
    // 每年腊月二十, 每年农历八月十五, 每年正月初八
    re: new RegExp(`^每年的?(农历)?(正|冬|腊|${NUM})月(初[一二三四五六七八九十]|廿[一二三四五六七八九]?|${NUM}[日号]?)`, 'u'),
    read(m) {
      const lunarWord = m[1] !== undefined || m[2]! in LUNAR_MONTHS || /^[初廿]/u.test(m[4]!)
      if (!lunarWord) return undefined // a Gregorian date: the next head reads it
      const month = LUNAR_MONTHS[m[2]!] ?? num(m[3])
      const day = lunarDay(m[4]!)
      if (!month || month > 12 || !day) return { error: '没看懂农历日期，例如「每年腊月二十」「每年农历八月十五」。' }
      return { dom: '*', month: '*', dow: '*', describe: `每年农历${lunarName(month, day)}`, lunar: { month, day }, notes: day === 30 ? ['农历小月没有三十，那一年就不提醒'] : [] }
    },
  },
  {
    // 每年3月8日
    re: new RegExp(`^每年的?${NUM}月${NUM}[日号]?`, 'u'),
    read(m) {
      const month = num(m[1])
      const day = num(m[2])
      if (!month || !day) return { error: '没看懂日期，例如「每年3月8日上午9点」。' }
      if (month > 12) return { error: `一年只有12个月，没有${month}月。请写1到12月，例如「每年3月8日上午9点」。` }
      // 2月 has 29 days at most (the reminder then only fires in leap years, and says so below).
      const longest = month === 2 ? 29 : daysInMonth(2025, month)
      if (day > longest) return { error: `${month}月没有${day}日（${month}月最多${longest}日）。请改一下日期，例如「每年${month}月${Math.min(8, longest)}日上午9点」。` }
      return { dom: String(day), month: String(month), dow: '*', describe: `每年${month}月${day}日`, notes: month === 2 && day === 29 ? ['只有闰年有2月29日'] : [] }
    },
  },
  {
    // 每季度第一个月15号, 每季度15号, 每季度第二个月的第一个周六, 每季度最后一天
    re: new RegExp(`^每个?季度的?(?:第${NUM}个月的?)?(?:${NUM}[日号]|第${NUM}个?${W}(${WD})|最后一天)`, 'u'),
    read(m) {
      const which = num(m[1]) ?? 1
      if (which < 1 || which > 3) return { error: '一个季度只有三个月。' }
      const month = [0, 3, 6, 9].map((o) => o + which).join(',')
      const monthText = `每季度第${['', '一', '二', '三'][which]}个月`
      if (m[2] !== undefined) {
        const day = num(m[2])
        if (!day) return { error: '没看懂日期，例如「每季度第一个月15号」。' }
        if (day > 31) return { error: `一个月最多31天，没有${day}号。请写1到31号之间的日期。` }
        return { dom: String(day), month, dow: '*', describe: `${monthText}${day}号`, notes: day > 28 ? [texts.noteMonthEnd(day)] : [] }
      }
      if (m[3] !== undefined) {
        const nth = num(m[3])
        if (!nth || nth > 5) return { error: '一个月最多五个同样的星期几。' }
        const d = WD_VALUE[m[4]!]!
        return { dom: '*', month, dow: `${d}#${nth}`, describe: `${monthText}的${ORDINAL[nth]}${WEEKDAY_NAMES[d]}` }
      }
      return { dom: 'L', month, dow: '*', describe: `${monthText}的最后一天` }
    },
  },
  {
    // 每月第一个周六, 每月最后一个周五, 每月15号, 每月最后一天
    re: new RegExp(`^每个?月的?(?:第${NUM}个?${W}(${WD})|最后一个${W}(${WD})|${NUM}[日号]|最后一天)`, 'u'),
    read(m) {
      if (m[1] !== undefined) {
        const nth = num(m[1])
        if (!nth || nth > 5) return { error: '一个月最多五个同样的星期几。' }
        const d = WD_VALUE[m[2]!]!
        return { dom: '*', month: '*', dow: `${d}#${nth}`, describe: `每月${ORDINAL[nth]}${WEEKDAY_NAMES[d]}`, notes: nth === 5 ? ['不是每个月都有第五个，那个月就不提醒'] : [] }
      }
      if (m[3] !== undefined) {
        const d = WD_VALUE[m[3]]!
        return { dom: '*', month: '*', dow: `${d}L`, describe: `每月最后一个${WEEKDAY_NAMES[d]}` }
      }
      if (m[4] !== undefined) {
        const day = num(m[4])
        if (!day) return { error: '没看懂日期，例如「每月15号」。' }
        if (day > 31) return { error: `一个月最多31天，没有${day}号。请写1到31号之间的日期，例如「每月15号」。` }
        return { dom: String(day), month: '*', dow: '*', describe: `每月${day}号`, notes: day > 28 ? [texts.noteMonthEnd(day)] : [] }
      }
      return { dom: 'L', month: '*', dow: '*', describe: '每月最后一天' }
    },
  },
  {
    re: /^每个?工作日|^工作日(?:每天)?/u,
    read: () => ({ dom: '*', month: '*', dow: '1-5', describe: '每个工作日（周一到周五）', notes: [texts.noteWorkdays] }),
  },
  {
    re: /^每个?周末|^周末/u,
    read: () => ({ dom: '*', month: '*', dow: '0,6', describe: '每周六、周日' }),
  },
  { re: /^每天|^每日/u, read: () => ({ dom: '*', month: '*', dow: '*', describe: '每天' }) },
  {
    // 每两周的周三, 每隔一周周三, 隔周周三, 每双周周三, 每三周周五
    re: new RegExp(`^(?:每${NUM}个?(?:周|星期|礼拜)|每隔${NUM}个?(?:周|星期|礼拜)|隔周|每双周)的?${W}?(${WD}(?:[、,，和及与]${W}?${WD})*)`, 'u'),
    read(m) {
      const n = m[1] !== undefined ? num(m[1]) : m[2] !== undefined ? (num(m[2]) ?? 0) + 1 : 2
      if (!n || n > 8) return { error: '没看懂隔几周，例如「每两周的周三」。' }
      const days = weekdayList(m[3]!)
      if (!days) return undefined
      const every = n === 1 ? '每周' : n === 2 ? '每两周' : `每${n}周`
      return { dom: '*', month: '*', dow: days.join(','), describe: `${every}的${describeDays(days)}`, weeks: n >= 2 ? n : undefined }
    },
  },
  {
    // 每周三, 每星期二、四, 每周一到周五
    re: new RegExp(`^每个?${W}(${WD}(?:(?:[、,，和及与]|到|至|-|~)${W}?${WD})*)`, 'u'),
    read(m) {
      const days = weekdayList(m[1]!)
      if (!days) return undefined
      if (days.join() === '1,2,3,4,5') return { dom: '*', month: '*', dow: '1-5', describe: '每周一到周五' }
      return { dom: '*', month: '*', dow: days.join(','), describe: `每${describeDays(days)}` }
    },
  },
]

const CRON_FIELD = /^[\d*?,/#LW-]+$|^[A-Za-z]{3}(?:[-,][A-Za-z]{3})*$/u
const FILLER = /^[\s,，、:：的]+/u
const ASK = /[?？]|[吗呢么嘛]\s*$|什么|几点|哪[天里儿个]|怎么|是不是|有没有|啥时/u

/** Removes 提醒大家 / 通知一下 and punctuation around the content. */
function cleanRest(s: string): string {
  return s
    .replace(FILLER, '')
    .replace(/^(?:的时候|时)/u, '')
    .replace(/^[\s,，:：]*(?:请)?(?:提醒|通知|告诉)(?:一下|一次|一声)?(?:大家|各位|群里|全群|全体|姐妹们)?(?:一下|一次|一声)?[\s,，:：]*/u, '')
    .replace(/^(?:一下|一次|一声|全群|大家)[\s,，:：]*/u, '')
    .replace(/^(?:发|说)[\s,，:：]*/u, '')
    // "家聚会 提醒一下大家": the asking at the end too.
    .replace(/[\s,，]*(?:请)?(?:提醒|通知|告诉)(?:一下|一声)?(?:大家|各位|姐妹们|全群)(?:一下|一声)?[\s。.!！]*$/u, '')
    .replace(/[\s。.!！]+$/u, '')
    .trim()
}

/**
 * Reads a schedule at the start of `text`. undefined: the text does not start with a schedule at all
 * (so it is not a reminder command). { ok: false }: it does, but cannot be used (the reason is for the user).
 */
/**
 * Everyday ways of saying the same schedule: "以后每天…" (from now on is what a schedule means anyway), "每晚9点"
 * (every evening), and the yearly days people name rather than date ("每年三八节" is 3月8日).
 */
const SAYINGS: [RegExp, string][] = [
  [/^(?:以后|今后|往后|从今天起|从现在起|从今以后)[\s,，]*/u, ''],
  [/^每晚/u, '每天晚上'],
  [/^每早/u, '每天早上'],
  [/^每年的?(?:三八节|三八妇女节|妇女节)/u, '每年3月8日'],
  [/^每年的?(?:六一|六一儿童节|儿童节)/u, '每年6月1日'],
  [/^每年的?(?:元旦)/u, '每年1月1日'],
  [/^每年的?(?:国庆节?)/u, '每年10月1日'],
  [/^每年的?(?:春节|大年初一)/u, '每年农历正月初一'],
  [/^每年的?(?:端午节?)/u, '每年农历五月初五'],
  [/^每年的?(?:中秋节?)/u, '每年农历八月十五'],
  [/^每年的?(?:重阳节?)/u, '每年农历九月初九'],
]

export function parseSchedule(text: string, opts: { now: number; tz: string }): ScheduleResult | undefined {
  const trimmed = text.trim().replace(/^(?:定时)?提醒[:：\s]*/u, '').replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const input = SAYINGS.reduce((s, [re, to]) => s.replace(re, to), trimmed)
  const cron = readCron(input, opts.tz)
  if (cron) return cron
  for (const head of HEADS) {
    const m = head.re.exec(input)
    if (!m) continue
    const read = head.read(m, opts)
    if (!read) continue
    if ('error' in read) return { ok: false, reason: read.error }
    if (read.lunar && !lunarSupported) return { ok: false, reason: texts.lunarUnsupported }
    return finish(read, input.slice(m[0].length), opts)
  }
  return undefined
}

function readCron(input: string, tz: string): ScheduleResult | undefined {
  const body = input.replace(/^cron[:：\s]*/iu, '')
  const fields = body.split(/\s+/u)
  if (fields.length < 5 || !/^[\d*]/u.test(body) || !fields.slice(0, 5).every((f) => CRON_FIELD.test(f))) return undefined
  const cron = fields.slice(0, 5).join(' ')
  try {
    validateCron(cron, tz)
  } catch (err) {
    return { ok: false, reason: texts.badCron((err as Error).message) }
  }
  return { ok: true, schedule: { kind: 'cron', cron, tz }, description: `cron「${cron}」`, rest: cleanRest(fields.slice(5).join(' ')), notes: [] }
}

/** A part of the day with no hour after it ("下午提醒家聚会"), and the hour it is taken to mean. */
const PERIOD_ONLY = /^(上午|早上|早晨|中午|下午|傍晚|晚上)(?![\d一二三四五六七八九十两点]|[\s,，]*[\d一二三四五六七八九十两]+\s*[点:：])/u
const PERIOD_HOUR: Record<string, number> = { 上午: 9, 早上: 8, 早晨: 8, 中午: 12, 下午: 15, 傍晚: 17, 晚上: 19 }

function finish(head: HeadResult, after: string, opts: { now: number; tz: string }): ScheduleResult {
  const notes = [...(head.notes ?? [])]
  let rest = after.replace(FILLER, '')
  let hour = 9
  let minute = 0
  const clock = parseClock(rest)
  // Only a time right after the schedule is the reminder's time; a later one belongs to the content
  // (每周三 家接待 下午3点开始 → remind at 9:00 that the reception starts at 3 pm).
  const period = PERIOD_ONLY.exec(rest)
  if (clock && rest.startsWith(clock.match)) {
    hour = clock.time.hour
    minute = clock.time.minute
    rest = rest.slice(clock.match.length)
  } else if (period) {
    // "每月最后一个周六下午": the part of the day without the hour — its usual hour, said in the preview.
    hour = PERIOD_HOUR[period[1]!]!
    rest = rest.slice(period[0].length)
    notes.unshift(texts.noteDefaultPeriod(period[1]!, hour))
  } else {
    notes.unshift(texts.noteDefaultTime)
  }
  const cron = head.lunar ? `${minute} ${hour} * * *` : `${minute} ${hour} ${head.dom} ${head.month} ${head.dow}`
  let schedule: Schedule = { kind: 'cron', cron, tz: opts.tz }
  if (head.lunar) schedule = { ...schedule, lunar: head.lunar }
  let description = `${head.describe} ${pad2(hour)}:${pad2(minute)}`
  if (head.weeks) {
    // The cycle starts with the first matching week from now.
    const [first] = nextTimes(schedule, opts.now, 1)
    schedule = { ...schedule, weeks: { n: head.weeks, anchor: localDay(first ?? opts.now, opts.tz) } }
    description += `（从${localDay(first ?? opts.now, opts.tz).slice(5).replace('-', '月').replace(/^0/u, '')}日那周算起）`
  }
  return { ok: true, schedule, description, rest: cleanRest(rest), notes }
}

// ---------------------------------------------------------------- commands

export type Command =
  | { kind: 'list' }
  | { kind: 'pause' | 'resume' | 'delete'; ref: string }
  | { kind: 'confirm' }
  | { kind: 'cancel' }

const VERBS: Record<string, 'pause' | 'resume' | 'delete'> = {
  暂停: 'pause', 停止: 'pause', 关闭: 'pause', 停掉: 'pause',
  恢复: 'resume', 启用: 'resume', 开启: 'resume', 打开: 'resume', 重新开启: 'resume',
  删除: 'delete', 删掉: 'delete', 取消: 'delete', 去掉: 'delete',
}
const VERB = Object.keys(VERBS).sort((a, b) => b.length - a.length).join('|')
const MANAGE_A = new RegExp(`^(${VERB})(?:定时)?提醒\\s*(?:第)?\\s*([^\\s，,。]+?)\\s*(?:号|条)?[。！!]?$`, 'u')
const MANAGE_B = new RegExp(`^(${VERB})第?\\s*(\\d+)\\s*[号条个]?(?:定时)?提醒[。！!]?$`, 'u')

export function parseCommand(text: string): Command | undefined {
  const t = text.trim().replace(/\s+/gu, ' ')
  if (/^(?:提醒列表|定时提醒列表|查看(?:定时)?提醒|看看提醒|所有提醒|全部提醒|有哪些提醒|提醒有哪些)[?？。]?$/u.test(t)) return { kind: 'list' }
  const m = MANAGE_A.exec(t) ?? MANAGE_B.exec(t)
  if (m) return { kind: VERBS[m[1]!]!, ref: m[2]!.replace(/^第/u, '') }
  return undefined
}

/** Answers to a pending draft. */
export function parseDraftAnswer(text: string): 'confirm' | 'cancel' | undefined {
  const t = text.trim().toLowerCase()
  // Only unmistakable words: a host's 「好的」 to someone else must not save a draft by accident.
  if (/^(?:确认|确定|确认保存|保存|ok)[。！!.~]*$/u.test(t)) return 'confirm'
  if (/^(?:取消|不要了?|算了|放弃|不对|不用了?)[。！!.~]*$/u.test(t)) return 'cancel'
  return undefined
}

/** A question that merely starts like a schedule (每周三有活动吗？) is not a command. */
export const isQuestion = (text: string) => ASK.test(text)

/**
 * The 微家 rhythm event a question asks the time of ("家聚会啥时候", "下回家接待是哪天", "家宴会几号"), or undefined.
 * Not what it is or how it goes ("家聚会都干啥").
 */
export function rhythmAskedWhen(text: string): string | undefined {
  const t = asked(text)
  if (dropsIn(t)) return '家接待'
  const what = RHYTHM.exec(t)?.[0] ?? (ofThisGroup(t) ? LOOSELY.find(([re]) => re.test(t))?.[1] : undefined)
  // "家聚会按规定多久一次" asks what the rules say: the documents. "家接待一般啥时候" asks when it is here, which the
  // group's own reminder says. Asked beside what the group does ("平时多久搞一次活动 家聚会是啥时候"): the overview.
  // Of 微家 in general ("妇女微家是不是每周都有家接待"): the documents.
  if (!what || /规定|要求/u.test(t) || DOCUMENTS_ASKED.test(t) || (HOMES_IN_GENERAL.test(t) && !OWN_GROUP.test(t)) || asksOverview(t)) return undefined
  return WHEN.test(t) ? what : undefined
}
const RHYTHM = /家接待|家聚会|家活动|家宴会/u

/**
 * Whether she may drop in, or when someone is there: "那我平时能来微家坐坐聊聊天不", "能去微家串串门吗", "微家平时有人在吗",
 * "能不能过来坐坐". Someone is there to receive her at the group's 家接待, so that is the answer (when the group has one;
 * otherwise the documents are asked). Of 微家 in general ("妇女微家一般有人值班吗") it is the documents'.
 */
const DROP_IN = new RegExp(
  [
    '(?:来|去|到|过来|过去)(?:咱们?|我们|俺们)?(?:的)?微家(?:里|这边|那边|活动室)?[^，,。？?]{0,4}(?:坐坐|坐一坐|坐会|坐一会|坐下|聊聊|聊天|唠嗑|唠唠|串门|串串门|喝茶|喝杯茶|玩玩|玩一玩|走走|看看)',
    '(?:能|可以|能不能|可不可以|方便)(?:来|去|过来|过去)(?:坐坐|坐一坐|坐会|坐一会|聊聊|聊天|唠嗑|串门|串串门|喝茶|玩玩)',
    '微家(?:里|那边|这边|活动室)?(?:平时|平常|一般|每天|白天|天天)?(?:都)?(?:有人(?:在|值班|接待)?(?:吗|没|不|嘛|么|呀|啊)|有没有人|有人没|谁在|有人值班)',
  ].join('|'),
  'u',
)
/** She asks to drop in at this 微家, or whether someone is there: the group's 家接待 answers (see DROP_IN). */
export const dropsIn = (text: string): boolean => {
  const t = asked(text)
  return DROP_IN.test(t) && !(HOMES_IN_GENERAL.test(t) && !OWN_GROUP.test(t))
}
/** A week, a month, a year, as people say them: 每周, 每个礼拜, 一个星期, 逢星期三, 一年. */
const PERIOD = '(?:每|一|逢)个?(?:周|星期|礼拜|月|季度|年)'
/** How often, as a count: "多久一次", "一个月几回", "一年有多少次" (Cantonese 幾多次). */
const HOW_OFTEN = `(?:多久|多长时间)[^，,。？?]{0,4}一次|${PERIOD}[^，,。？?]{0,4}(?:几次|几回|多少次|多少回)`
/** Every week, month or year (not "一年", which asks whether there is one at all: "一年有冇饮宴"). */
const EVERY = '(?:每|逢)个?(?:周|星期|礼拜|月|季度|年)'
/**
 * Whether it happens every week or month, asked yes or no: "是不是每周三", "每个礼拜都有人接待吗", "每个月有没有聚会"
 * (Cantonese "係咪逢星期三㗎", "係咪每個禮拜都有人接待㗎", "每個月有冇聚會").
 */
const EVERY_ASKED = `(?:是不是|是否)[^，,。？?]{0,2}${EVERY}|${EVERY}[^，,。？?]{0,4}(?:都有|都搞|都办|都聚|都开|有没有)`
/** When it is, or how often, or whether it happens every week; or whether the group has one ("有没有家聚会"). */
const WHEN = new RegExp(
  `啥时候|什么时候|哪天|哪一天|几号|几月几|几点|星期几|周几|礼拜几|哪个周|时间是|啥时间|什么时间|几时|${HOW_OFTEN}|${EVERY_ASKED}|(?:有没有|有无)(?:${RHYTHM.source})|(?:${RHYTHM.source})(?:有没有|有吗)`,
  'u',
)
/** The rhythm named loosely, when this group is the subject ("咱们微家几时接待", "我哋微家幾時聚會"). */
const LOOSELY: [RegExp, string][] = [
  [/接待/u, '家接待'],
  [/聚会|聚一次|聚一聚/u, '家聚会'],
  [/宴会|饮宴|家宴/u, '家宴会'],
]

/**
 * Where the group's rhythm event is, or whether one signs up for it: "家聚会在哪", "要报名不" (after "家聚会啥时候"),
 * "家接待要不要报名". Read on the question alone; which event is the one it names or the one she just asked about.
 */
export function rhythmDetailAsked(text: string): 'where' | 'signup' | undefined {
  const t = asked(text).trim()
  // Asked, not said: "我要报名" signs her up.
  if (/(?:要|需要|用|得)(?:先)?报名(?:(?:吗|不|没|嘛|么)[啊呀]?[？?]?|[？?])$|要不要报名|用不用报名|需不需要报名|得不得报名|报不报名/u.test(t)) return 'signup'
  if (/在哪|哪儿|哪里|什么地方|啥地方|地点|地址/u.test(t) && !/(?:申请|办理|报名|登记|投诉|求助|咨询)/u.test(t)) return 'where'
  return undefined
}

/** The group's own: "咱们微家", "我们群", "俺们这". */
const OWN_GROUP = /(?:咱们|我们|俺们|咱|俺|本|这个)(?:的)?(?:微家|群|这)|群里/u
/**
 * 微家 in general: with what is usual or what the rules say ("微家一般多久聚一次", "按规定微家…"), or every 微家. A bare
 * "微家" said in the group is this one ("微家係咪每個禮拜都有人接待㗎").
 */
const HOMES_IN_GENERAL = /(?:妇女|每个|各个?|所有|别的|其他|其它|人家)微家|微家[^，,。？?]{0,8}(?:一般|通常|规定|要求|应该|标准)|(?:一般|通常|规定|要求|应该|标准)[^，,。？?]{0,8}微家/u
/** This group is what she asks about: so said, or as "微家" with nothing that makes it 微家 in general. */
const ofThisGroup = (t: string) => OWN_GROUP.test(t) || (/微家/u.test(t) && !HOMES_IN_GENERAL.test(t))
/** How often, or what regularly ("平时都搞些啥活动", "多久聚一次", "一个月聚几回", "一个礼拜搞几多次"). */
const REGULARLY = new RegExp(
  `(?:平时|平常|一般|固定|经常|日常)[^，,。？?]{0,8}(?:活动|聚|搞|办)|(?:多久|多长时间|${PERIOD})[^，,。？?]{0,6}(?:一次|几次|几回|多少次|多少回|聚|搞|活动)|都(?:搞|有|办|做)(?:些|点)?(?:啥|什么)活动`,
  'u',
)
/** Whether something happens every week, asked yes or no: of this group only when it names it (not "法律援助中心…"). */
const EVERY_ASKED_RE = new RegExp(EVERY_ASKED, 'u')

/**
 * "咱们微家平时都搞些啥活动啊，多久一次": the group's own rhythm (its reminders), not the documents' "每周一次家接待…" for
 * 微家 in general, nor only the activities open for sign-up. The time of one of them has its own question
 * (rhythmAskedWhen).
 */
export function rhythmOverviewAsked(text: string): boolean {
  const t = asked(text)
  return !DOCUMENTS_ASKED.test(t) && asksOverview(t)
}
/** What the documents say, asked as such ("资料里说微家多久搞一次家接待", a host preparing a talk): theirs, not this group's. */
const DOCUMENTS_ASKED = /(?:资料|文件|文档|方案|材料)(?:里|上|中)|(?:资料|文件|文档|方案)(?:说|讲|写|提)|按(?:资料|文件|规定)/u

/** The question as these readers take it: no @mention, Simplified, Cantonese words as Mandarin ("呢個微家平時有咩活動"). */
const asked = (text: string) => cantoneseAsMandarin(toSimplified(text.replace(/@\S+/gu, ' ')))

/**
 * What the group does regularly, asked of this group: said so ("咱们微家"), or asked with no other subject ("多久搞一次
 * 活动" in the group is about the group). 微家 in general, or a service or programme, is the documents'. One event's
 * time is rhythmAskedWhen's, unless activities in general are asked beside it ("平时多久搞一次活动 家聚会是啥时候").
 */
function asksOverview(t: string): boolean {
  const rest = t.replace(new RegExp(RHYTHM.source, 'gu'), ' ')
  if (!OWN_GROUP.test(rest) && (NOT_THIS_GROUP.test(rest) || HOMES_IN_GENERAL.test(rest))) return false
  if (!REGULARLY.test(rest) && !(EVERY_ASKED_RE.test(rest) && ofThisGroup(rest))) return false
  return rest === t || /活动/u.test(rest)
}
/** A subject other than this group's gatherings: another group, a service or programme (微家 in general: above). */
// A festival ("三八节一般搞啥") is not in the group's rhythm: what is usually done then is the documents'.
const NOT_THIS_GROUP = /别的|别人|其他|其它|人家|妇联|社区|街道|培训|筛查|体检|讲座|课|班|咨询|义诊|服务|热线|低保|补贴|(?:三八|妇女|母亲|父亲|儿童|劳动|国庆|元宵|端午|中秋|重阳|春)节|三八|六一|过年/u

/**
 * A reminder moved to a new time: "家接待改到每周四下午3点", "家聚会的提醒改成每月第二个周六上午9点", "提醒2改到每周五晚上8点".
 * `what` is the rhythm's name or the reminder's number; `when` the new schedule as she wrote it.
 */
export function parseMove(text: string): { what: string; when: string } | undefined {
  const t = text.replace(/@\S+\s*/gu, '').trim().replace(/[。！!～~]+$/u, '')
  const m = /^(?:把)?(?:(家接待|家聚会|家活动|家宴会)(?:的)?(?:提醒|时间)?|(?:第)?(\d{1,3})(?:号|个)?提醒|提醒\s*(\d{1,3}))(?:的时间)?\s*(?:改到|改成|改为|换到|挪到|调到|调整到|改在)\s*(.+)$/u.exec(t)
  if (!m) return undefined
  return { what: m[1] ?? m[2] ?? m[3]!, when: m[4]!.trim() }
}
