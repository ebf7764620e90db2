// Chinese dates and times as people write them in WeChat groups: 周六下午2点半, 明晚8点, 下周三 14:30, 3月8日, 本月15号.
// Pure: the caller passes `now`; wall-clock arithmetic happens in the given time zone (default Asia/Shanghai).
// Never guesses silently: when a reading is a guess, `ambiguous` carries a short Chinese reason to show the user.
import { fromWall, wallClock as tzWall } from './tz.ts'

export interface ClockTime {
  hour: number
  minute: number
}

export const DEFAULT_TZ = 'Asia/Shanghai'

// ---------------------------------------------------------------- numbers

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const NUM = '(?:\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})'

/** "15" | "十五" | "二十三" | "两" → number; undefined when not a number we read. */
export function cnNumber(s: string): number | undefined {
  if (/^\d+$/u.test(s)) return Number(s)
  if (!/^[零〇一二两三四五六七八九十]+$/u.test(s)) return undefined
  if (!s.includes('十')) {
    // 零五 → 5; 二三 is not a number anyone writes for a time, read digit by digit anyway.
    let n = 0
    for (const ch of s) n = n * 10 + (CN_DIGIT[ch] ?? 0)
    return n
  }
  const [tens, ones] = s.split('十') as [string, string]
  if (s.split('十').length > 2) return undefined
  const t = tens === '' ? 1 : CN_DIGIT[tens]
  const o = ones === '' ? 0 : CN_DIGIT[ones]
  if (t === undefined || o === undefined || tens.length > 1 || ones.length > 1) return undefined
  return t * 10 + o
}

// ---------------------------------------------------------------- time zones (see core/tz.ts)

export interface WallClock {
  year: number
  month: number // 1-12
  day: number
  hour: number
  minute: number
  /** 1 = Monday … 7 = Sunday */
  weekday: number
}

/** The wall clock at `at` in `tz`, weekday Monday-first as Chinese counts it (周一 = 1 … 周日 = 7). */
export function wallClock(at: Date | number, tz = DEFAULT_TZ): WallClock {
  const { second: _s, weekday, ...w } = tzWall(+at, tz)
  return { ...w, weekday: weekday === 0 ? 7 : weekday }
}

/** The instant when the wall clock in `tz` shows this date and time (fields may overflow, like Date.UTC). */
export function fromWallClock(year: number, month: number, day: number, hour = 0, minute = 0, tz = DEFAULT_TZ): Date {
  return new Date(fromWall(tz, year, month, day, hour, minute))
}

/** Adds whole calendar days to a wall-clock date (normalising month/year overflow). */
function addDays(y: number, m: number, d: number, n: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

// ---------------------------------------------------------------- clock

type Period = 'dawn' | 'morning' | 'noon' | 'afternoon' | 'evening'

const PERIOD_WORDS: Array<[string, Period]> = [
  ['凌晨', 'dawn'], ['清晨', 'morning'], ['早上', 'morning'], ['早晨', 'morning'], ['上午', 'morning'], ['早', 'morning'],
  ['中午', 'noon'], ['午间', 'noon'], ['下午', 'afternoon'], ['午后', 'afternoon'], ['傍晚', 'evening'],
  ['晚上', 'evening'], ['夜里', 'evening'], ['夜间', 'evening'], ['晚间', 'evening'], ['晚', 'evening'],
]
const PERIOD_RE = PERIOD_WORDS.map(([w]) => w).join('|')

// Group 1: period. Then either hh:mm (2,3) or H点/时 (4) with minutes (5: 半|一刻|三刻, 6: number) and optional 钟/分.
const CLOCK_SRC =
  `(?:(${PERIOD_RE})\\s*)?(?:(\\d{1,2})[:：](\\d{2})(?!\\d)|(${NUM})[点时](?:(半|一刻|三刻)|(?:过)?(${NUM})分?)?钟?)`

interface ClockDetail {
  time: ClockTime
  match: string
  index: number
  /** The reading is certain (period word or 24-hour form). */
  explicit: boolean
  /** The other plausible reading when not explicit. */
  alternative?: ClockTime
  /** 晚上12点 and the like: the time is on the following day. */
  nextDay?: boolean
}

function periodOf(word: string | undefined): Period | undefined {
  return word ? PERIOD_WORDS.find(([w]) => w === word)?.[1] : undefined
}

function applyPeriod(h: number, p: Period): { hour: number; nextDay?: boolean } {
  switch (p) {
    case 'dawn':
      return { hour: h === 12 ? 0 : h }
    case 'morning':
      return { hour: h === 12 ? 12 : h }
    case 'noon':
      return { hour: h >= 1 && h <= 3 ? h + 12 : h }
    case 'afternoon':
      return { hour: h < 12 ? h + 12 : h }
    case 'evening':
      if (h === 12) return { hour: 0, nextDay: true }
      // 晚上1点 / 夜里2点 are after midnight; 晚上6-11点 are in the evening.
      if (h >= 1 && h <= 4) return { hour: h, nextDay: true }
      return { hour: h < 12 ? h + 12 : h }
  }
}

function readClock(m: RegExpExecArray, defaultPeriod?: Period): ClockDetail | undefined {
  const period = periodOf(m[1]) ?? defaultPeriod
  let h: number | undefined
  let min = 0
  const colon = m[2] !== undefined
  if (colon) {
    h = Number(m[2])
    min = Number(m[3])
  } else {
    h = cnNumber(m[4] ?? '')
    if (m[5] === '半') min = 30
    else if (m[5] === '一刻') min = 15
    else if (m[5] === '三刻') min = 45
    else if (m[6] !== undefined) {
      const v = cnNumber(m[6])
      if (v === undefined) return undefined
      min = v
    }
  }
  if (h === undefined || h > 24 || min > 59) return undefined
  if (h === 24) h = 0
  const base = { match: m[0], index: m.index }
  if (period) {
    if (h > 12) return { ...base, time: { hour: h, minute: min }, explicit: true } // 下午14点: trust the 24h number
    const r = applyPeriod(h, period)
    return { ...base, time: { hour: r.hour, minute: min }, explicit: true, nextDay: r.nextDay }
  }
  if (h === 0 || h >= 13) return { ...base, time: { hour: h, minute: min }, explicit: true }
  if (h === 12) return { ...base, time: { hour: 12, minute: min }, explicit: true }
  // 24-hour style "09:30" / "9:30" reads as morning for 6–11; "2:30" and bare "2点" could be either.
  if (colon && h >= 6) return { ...base, time: { hour: h, minute: min }, explicit: true }
  // Bare 1–11: afternoon for 1–5 (nobody meets at 3am), morning for 6–11; say so.
  const pm = { hour: h + 12, minute: min }
  const am = { hour: h, minute: min }
  return h <= 5
    ? { ...base, time: pm, explicit: false, alternative: am }
    : { ...base, time: am, explicit: false, alternative: pm }
}

// 早一点, 快一点, 多一点: "a bit", not one o'clock.
const NOT_CLOCK_BEFORE = /[早晚快慢多少好大小高低有差些再重轻]$/u

/** First clock at or after `from`; with `sticky`, only one starting exactly at `from`. */
function findClock(text: string, opts: { from?: number; sticky?: boolean; defaultPeriod?: Period } = {}): ClockDetail | undefined {
  const re = new RegExp(CLOCK_SRC, opts.sticky ? 'uy' : 'gu')
  re.lastIndex = opts.from ?? 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    // 早一点 / 晚一点 / 快一点: the single-character period is part of the idiom.
    const idiom = m[4] === '一' && !m[5] && !m[6] && !m[0].endsWith('钟') &&
      (m[1] === '早' || m[1] === '晚' || (!m[1] && NOT_CLOCK_BEFORE.test(text.slice(0, m.index))))
    const d = idiom ? undefined : readClock(m, opts.defaultPeriod)
    if (d) return d
    if (opts.sticky) return undefined
    re.lastIndex = m.index + 1
  }
  return undefined
}

/** The first clock time in the text: 上午9点, 下午2点半, 晚上8点, 14:30, 9:00, 两点, 十点一刻, 中午12点. */
export function parseClock(text: string): { time: ClockTime; match: string } | undefined {
  const d = findClock(text)
  return d && { time: d.time, match: d.match }
}

// ---------------------------------------------------------------- dates

interface DateHit {
  index: number
  match: string
  /** Resolves to a calendar date given today's wall clock; may carry a period (今晚) or an ambiguity. */
  resolve(today: WallClock, timeOfDay: ClockTime | undefined): {
    y: number; m: number; d: number; ambiguous?: string
  }
  period?: Period
}

const WD_CHARS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 }
const WD_NAME = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

// Words after a number that make "3号" a building or a seat, not a date.
const NOT_DAY_AFTER = '(?![楼栋院门线床室厅座位车单元])'

interface DatePattern {
  re: RegExp
  build(m: RegExpExecArray): Omit<DateHit, 'index' | 'match'> | undefined
}

const isBefore = (a: { y: number; m: number; d: number }, t: WallClock) =>
  a.y * 10000 + a.m * 100 + a.d < t.year * 10000 + t.month * 100 + t.day

const DATE_PATTERNS: DatePattern[] = [
  {
    // 2026年3月8日, 2026-03-08, 2026/3/8
    re: new RegExp(`(\\d{4})(?:年(${NUM})月(${NUM})[日号]?|[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d:：]))`, 'gu'),
    build(m) {
      const y = Number(m[1])
      const mo = m[2] !== undefined ? cnNumber(m[2]) : Number(m[4])
      const d = m[3] !== undefined ? cnNumber(m[3]) : Number(m[5])
      if (!validDate(y, mo, d)) return undefined
      return { resolve: () => ({ y, m: mo!, d: d! }) }
    },
  },
  {
    // 本月15号, 下个月3号, 这个月20日
    re: new RegExp(`(本月|这个?月|下个?月)(${NUM})[日号]${NOT_DAY_AFTER}`, 'gu'),
    build(m) {
      const d = cnNumber(m[2]!)
      if (d === undefined || d < 1 || d > 31) return undefined
      const next = m[1]!.startsWith('下')
      return {
        resolve: (t) => {
          const base = addDays(t.year, t.month, 1, 0)
          const ym = next ? (t.month === 12 ? { y: t.year + 1, m: 1 } : { y: t.year, m: t.month + 1 }) : { y: base.y, m: base.m }
          if (d > daysInMonth(ym.y, ym.m)) return { ...ym, d: daysInMonth(ym.y, ym.m), ambiguous: `${ym.m}月没有${d}号` }
          return { ...ym, d }
        },
      }
    },
  },
  {
    // 3月8日, 三月八号, 3月8
    re: new RegExp(`(${NUM})月(${NUM})[日号]?${NOT_DAY_AFTER}`, 'gu'),
    build(m) {
      const mo = cnNumber(m[1]!)
      const d = cnNumber(m[2]!)
      if (mo === undefined || d === undefined || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined
      return { resolve: (t) => monthDay(t, mo, d, `${mo}月${d}日`) }
    },
  },
  {
    // 3.8 or 3/8 (month.day); not 2.5小时, not 14/20
    re: /(?<![\d.\/])(\d{1,2})[./](\d{1,2})(?![\d.\/:：%]|小时|个|分|元|块|岁|人|名|斤|公)/gu,
    build(m) {
      const mo = Number(m[1])
      const d = Number(m[2])
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined
      return { resolve: (t) => monthDay(t, mo, d, `${mo}月${d}日`) }
    },
  },
  {
    // 大后天, 后天, 明天, 今天, 今晚, 明早
    re: /(大后天|后天|明天|明日|明儿|明晚|明早|今天|今日|今儿|今晚|今早|今夜)/gu,
    build(m) {
      const w = m[1]!
      const offset = w === '大后天' ? 3 : w === '后天' ? 2 : w.startsWith('明') ? 1 : 0
      const period: Period | undefined = /晚|夜/u.test(w) ? 'evening' : w.endsWith('早') ? 'morning' : undefined
      return { period, resolve: (t) => { const r = addDays(t.year, t.month, t.day, offset); return r } }
    },
  },
  {
    // 周六, 星期六, 礼拜天, 这周六, 本周日, 下周三, 下下周一, 上周五
    re: /(下下|下|这|本|上)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])/gu,
    build(m) {
      const target = WD_CHARS[m[2]!]!
      const rel = m[1]
      return {
        resolve: (t, tod) => {
          if (rel) {
            const weeks = rel === '下下' ? 2 : rel === '下' ? 1 : rel === '上' ? -1 : 0
            return addDays(t.year, t.month, t.day, target - t.weekday + 7 * weeks)
          }
          const ahead = (target - t.weekday + 7) % 7
          if (ahead !== 0) return addDays(t.year, t.month, t.day, ahead)
          // Said on that very weekday: today if the time is still ahead, else next week — and ask.
          const stillToday = !tod || tod.hour * 60 + tod.minute > t.hour * 60 + t.minute
          const r = addDays(t.year, t.month, t.day, stillToday ? 0 : 7)
          return { ...r, ambiguous: `今天就是${WD_NAME[target]}，是指今天还是下${WD_NAME[target]}？` }
        },
      }
    },
  },
  {
    // 15号, 15日 (this month, or next month when already past)
    re: new RegExp(`(?<![\\d月])(${NUM})[日号]${NOT_DAY_AFTER}`, 'gu'),
    build(m) {
      const d = cnNumber(m[1]!)
      if (d === undefined || d < 1 || d > 31) return undefined
      return {
        resolve: (t) => {
          let y = t.year
          let mo = t.month
          if (d < t.day) {
            mo += 1
            if (mo > 12) { mo = 1; y += 1 }
          }
          if (d > daysInMonth(y, mo)) return { y, m: mo, d: daysInMonth(y, mo), ambiguous: `${mo}月没有${d}号` }
          return { y, m: mo, d }
        },
      }
    },
  },
  {
    // 3天后, 三天以后
    re: new RegExp(`(${NUM})天(?:以?后|之后)`, 'gu'),
    build(m) {
      const n = cnNumber(m[1]!)
      if (n === undefined) return undefined
      return { resolve: (t) => addDays(t.year, t.month, t.day, n) }
    },
  },
]

function validDate(y: number, mo: number | undefined, d: number | undefined): boolean {
  return mo !== undefined && d !== undefined && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

function monthDay(t: WallClock, mo: number, d: number, label: string): { y: number; m: number; d: number; ambiguous?: string } {
  let y = t.year
  if (d > daysInMonth(y, mo)) return { y, m: mo, d: daysInMonth(y, mo), ambiguous: `${mo}月没有${d}号` }
  if (isBefore({ y, m: mo, d }, t)) {
    // Earlier this year: most likely a slip, possibly next year. Take next year and ask.
    y += 1
    return { y, m: mo, d: Math.min(d, daysInMonth(y, mo)), ambiguous: `${label}今年已经过了，是指明年吗？` }
  }
  return { y, m: mo, d }
}

function firstDate(text: string): DateHit | undefined {
  let best: DateHit | undefined
  for (const p of DATE_PATTERNS) {
    p.re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = p.re.exec(text))) {
      const built = p.build(m)
      if (built) {
        const hit = { ...built, index: m.index, match: m[0] }
        // Earliest wins; at the same index the longer (more specific) match wins.
        if (!best || hit.index < best.index || (hit.index === best.index && hit.match.length > best.match.length)) best = hit
        break
      }
    }
  }
  return best
}

// ---------------------------------------------------------------- relative offsets

const RELATIVE_RE = new RegExp(`(半|${NUM}个?半?)(小时|个钟头?|钟头|分钟)(?:以?后|之后)`, 'u')

function relativeOffset(text: string): { ms: number; match: string; index: number } | undefined {
  const m = RELATIVE_RE.exec(text)
  if (!m) return undefined
  const raw = m[1]!
  let n: number
  if (raw === '半') n = 0.5
  else {
    const half = raw.endsWith('半')
    const v = cnNumber(raw.replace(/个|半/gu, ''))
    if (v === undefined) return undefined
    n = v + (half ? 0.5 : 0)
  }
  const unit = m[2] === '分钟' ? 60_000 : 3_600_000
  return { ms: Math.round(n * unit), match: m[0], index: m.index }
}

// ---------------------------------------------------------------- date + time

export interface ParsedDateTime {
  at: Date
  /** The text that was read (date and time together when adjacent), to cut from the message. */
  match: string
  /** Set, with a short Chinese reason, when the reading is a guess the user should confirm. */
  ambiguous?: string
  /** Only a date was given (at = 00:00 that day, or the start of the named period). */
  dateOnly?: boolean
  /** Where `match` starts in the text. */
  index?: number
}

const BETWEEN = /^[\s,，的]*/u
const PART_OF_DAY = new RegExp(`^(${PERIOD_RE})(?![\\d零〇一二两三四五六七八九十])`, 'u')
const PERIOD_START: Record<Period, number> = { dawn: 5, morning: 9, noon: 12, afternoon: 14, evening: 19 }

function describeAlt(c: ClockTime, alt: ClockTime): string {
  const label = (t: ClockTime) => {
    const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12
    const p = t.hour < 12 ? '上午' : t.hour < 18 ? '下午' : '晚上'
    return `${p}${h12}点${t.minute ? (t.minute === 30 ? '半' : `${t.minute}分`) : ''}`
  }
  return `没说上午还是下午，按${label(c)}算（不是${label(alt)}）`
}

/**
 * The first date and/or time in the text, resolved against `now` in `tz`.
 * Date without time → dateOnly (midnight, or the start of a named period like 明晚).
 * Time without date → today, or tomorrow if that time has passed today.
 * Past results are returned as read (the caller decides what to do with a past time).
 */
export function parseDateTime(text: string, now: Date, tz = DEFAULT_TZ): ParsedDateTime | undefined {
  const rel = relativeOffset(text)
  const date = firstDate(text)
  const today = wallClock(now, tz)

  let clock: ClockDetail | undefined
  let span: { index: number; end: number } | undefined
  let partOfDay: RegExpExecArray | null
  let datePeriod = date?.period
  if (date) {
    // The time right after the date (周六下午2点, 明天 14:30, 3月8日的上午9点), or right before it (下午2点 周六).
    const after = date.index + date.match.length
    const gap = BETWEEN.exec(text.slice(after))![0].length
    clock = findClock(text, { from: after + gap, sticky: true, defaultPeriod: date.period })
    if (clock) span = { index: date.index, end: clock.index + clock.match.length }
    else if ((partOfDay = PART_OF_DAY.exec(text.slice(after + gap)))) {
      // 周六下午: a date and a part of the day, no time.
      datePeriod = periodOf(partOfDay[1])
      span = { index: date.index, end: after + gap + partOfDay[0].length }
    } else {
      const before = text.slice(0, date.index)
      let c: ClockDetail | undefined
      for (let from = 0; (c = findClock(before, { from })); from = c.index + 1) {
        if (/^[\s,，]*$/u.test(before.slice(c.index + c.match.length))) {
          clock = c
          span = { index: c.index, end: date.index + date.match.length }
          break
        }
      }
    }
    span ??= { index: date.index, end: date.index + date.match.length }
  } else if (rel) {
    return { at: new Date(now.getTime() + rel.ms), match: rel.match, index: rel.index }
  } else {
    clock = findClock(text)
    if (!clock) return undefined
    span = { index: clock.index, end: clock.index + clock.match.length }
  }

  const match = text.slice(span.index, span.end)
  const reasons: string[] = []
  if (clock && !clock.explicit && clock.alternative) reasons.push(describeAlt(clock.time, clock.alternative))

  let day: { y: number; m: number; d: number }
  if (date) {
    const r = date.resolve(today, clock?.time)
    if (r.ambiguous) reasons.push(r.ambiguous)
    day = r
  } else {
    day = { y: today.year, m: today.month, d: today.day }
    const nowMins = today.hour * 60 + today.minute
    const mins = (t: ClockTime) => t.hour * 60 + t.minute
    // Today's guess already passed but the other reading hasn't (8点 said at 9:00 → 20:00 today): take that, still ask.
    if (!clock!.explicit && clock!.alternative && mins(clock!.time) <= nowMins && mins(clock!.alternative) > nowMins) {
      const alt = clock!.alternative
      clock = { ...clock!, time: alt, alternative: clock!.time }
      reasons[0] = describeAlt(clock.time, clock.alternative!)
    }
    if (!clock!.nextDay && mins(clock!.time) <= nowMins) day = addDays(day.y, day.m, day.d, 1)
  }

  if (!clock) {
    const startHour = datePeriod ? PERIOD_START[datePeriod] : 0
    const at = fromWallClock(day.y, day.m, day.d, startHour, 0, tz)
    return { at, match, index: span.index, dateOnly: true, ...(reasons.length ? { ambiguous: reasons.join('；') } : {}) }
  }
  if (clock.nextDay) day = addDays(day.y, day.m, day.d, 1)
  const at = fromWallClock(day.y, day.m, day.d, clock.time.hour, clock.time.minute, tz)
  return { at, match, index: span.index, ...(reasons.length ? { ambiguous: reasons.join('；') } : {}) }
}

// ---------------------------------------------------------------- formatting

const pad = (n: number) => String(n).padStart(2, '0')

/** "11月28日（周六）14:00" */
export function formatDateTime(at: Date, tz = DEFAULT_TZ): string {
  const w = wallClock(at, tz)
  return `${w.month}月${w.day}日（${WD_NAME[w.weekday]}）${pad(w.hour)}:${pad(w.minute)}`
}

/** "11月28日（周六）" */
export function formatDate(at: Date, tz = DEFAULT_TZ): string {
  const w = wallClock(at, tz)
  return `${w.month}月${w.day}日（${WD_NAME[w.weekday]}）`
}
