// Dates and times as people write them in WeChat groups: 周六下午2点半, 明晚8点, 下周三 14:30, 3月8日, 本月15号.
// Pure: the caller passes `now`; wall-clock arithmetic happens in the given time zone (default Asia/Shanghai).
// Never guesses silently: when a reading is a guess, `ambiguous` carries a short Chinese reason to show the user.
import { addDays, DEFAULT_TZ, daysInMonth, fromWall, isoWeekday, type Wall, wallClock } from '../tz.ts'
import { type ClockDetail, type ClockTime, findClock, type Period, PERIOD_RE, periodOf } from './clock.ts'
import { WEEKDAY_NAMES } from './format.ts'
import { cnNumber, NUM } from './numbers.ts'


interface DateHit {
  index: number
  match: string
  /** Resolves to a calendar date given today's wall clock; may carry a period (今晚) or an ambiguity. */
  resolve(today: Wall, timeOfDay: ClockTime | undefined): {
    y: number; m: number; d: number; ambiguous?: string
  }
  period?: Period
}

/** Fixed-date days named by name; a past one this year means next year's (no question: the name says which). */
const HOLIDAYS: Record<string, [number, number]> = {
  元旦: [1, 1], 三八节: [3, 8], 三八妇女节: [3, 8], 妇女节: [3, 8], 劳动节: [5, 1], 儿童节: [6, 1],
  国庆节: [10, 1], 国庆: [10, 1], 平安夜: [12, 24], 圣诞节: [12, 25], 圣诞: [12, 25],
}

const WD_CHARS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 }

// Words after a number that make "3号" a building or a seat, not a date.
const NOT_DAY_AFTER = '(?![楼栋院门线床室厅座位车单元游])'

interface DatePattern {
  re: RegExp
  build(m: RegExpExecArray): Omit<DateHit, 'index' | 'match'> | undefined
}

const isBefore = (a: { y: number; m: number; d: number }, t: Wall) =>
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
    // 平安夜, 三八节, 元旦: days everyone knows by name (the next one to come).
    re: new RegExp(`(${Object.keys(HOLIDAYS).join('|')})`, 'gu'),
    build(m) {
      const [mo, d] = HOLIDAYS[m[1]!]!
      return { resolve: (t) => { const r = monthDay(t, mo, d, m[1]!); return { y: r.y, m: r.m, d: r.d } } }
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
    re: /(?<!一)(下下|下|这|本|上)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])/gu,
    build(m) {
      const target = WD_CHARS[m[2]!]!
      const rel = m[1]
      return {
        resolve: (t, tod) => {
          if (rel) {
            const weeks = rel === '下下' ? 2 : rel === '下' ? 1 : rel === '上' ? -1 : 0
            return addDays(t.year, t.month, t.day, target - isoWeekday(t) + 7 * weeks)
          }
          const ahead = (target - isoWeekday(t) + 7) % 7
          if (ahead !== 0) return addDays(t.year, t.month, t.day, ahead)
          // Said on that very weekday: today if the time is still ahead, else next week — and ask.
          const stillToday = !tod || tod.hour * 60 + tod.minute > t.hour * 60 + t.minute
          const r = addDays(t.year, t.month, t.day, stillToday ? 0 : 7)
          return { ...r, ambiguous: `今天就是${WEEKDAY_NAMES[target]}，是指今天还是下${WEEKDAY_NAMES[target]}？` }
        },
      }
    },
  },
  {
    // 15号, 15日 (this month, or next month when already past)
    re: new RegExp(`(?<!\\d)(?<!(?<!每个?)月)(${NUM})[日号]${NOT_DAY_AFTER}`, 'gu'),
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

function monthDay(t: Wall, mo: number, d: number, label: string): { y: number; m: number; d: number; ambiguous?: string } {
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
      // "不是周六 是周日下午2点": the date said NOT to be the one is not the date.
      const negated = /不是[\s,，]*$/u.test(text.slice(0, m.index))
      const built = negated ? undefined : p.build(m)
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
  /** The part of the day named with a date and no clock ("周二晚上", "明晚"): `at` is its start. */
  period?: Period
  /** Where `match` starts in the text. */
  index?: number
}

// Between a date and its clock: spaces, commas, 的, and the weekday or date restated (12月10号（周四）晚上7点,
// 本周四（12月3日）下午两点半, 12月20号周日早上八点半).
const BETWEEN = /^[\s,，的]*(?:[（(][^（()）]{1,10}[）)]|(?:周|星期|礼拜)[一二三四五六日天]|当天|那天|当日)?[\s,，的]*/u
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
 * The characters of dates and times in Traditional script, one for one, so positions in the text stay where they
 * were ("下週六下午三點" reads as "下周六下午三点"; callers cut the original text by the indices returned).
 */
const TRADITIONAL_DATE: Record<string, string> = { 週: '周', 點: '点', 時: '时', 鐘: '钟', 兩: '两', 號: '号', 禮: '礼', 後: '后', 個: '个', 間: '间', 遲: '迟', 幾: '几', 開: '开', 這: '这', 來: '来', 過: '过', 當: '当', 從: '从', 與: '与' }
const TRADITIONAL_DATE_CHARS = new RegExp(`[${Object.keys(TRADITIONAL_DATE).join('')}]`, 'gu')

/**
 * The first date and/or time in the text, resolved against `now` in `tz`.
 * Date without time → dateOnly (midnight, or the start of a named period like 明晚).
 * Time without date → today, or tomorrow if that time has passed today.
 * Past results are returned as read (the caller decides what to do with a past time).
 */
export function parseDateTime(text: string, now: Date, tz = DEFAULT_TZ): ParsedDateTime | undefined {
  text = text.replace(TRADITIONAL_DATE_CHARS, (c) => TRADITIONAL_DATE[c]!)
  const rel = relativeOffset(text)
  const date = firstDate(text)
  const today = wallClock(now.getTime(), tz)

  let clock: ClockDetail | undefined
  let span: { index: number; end: number } | undefined
  let partOfDay: RegExpExecArray | null
  let datePeriod = date?.period
  if (date) {
    // The time right after the date (周六下午2点, 明天 14:30, 3月8日的上午9点), or right before it (下午2点 周六).
    const after = date.index + date.match.length
    const gap = BETWEEN.exec(text.slice(after))![0].length
    clock = findClock(text, { from: after + gap, sticky: true, defaultPeriod: date.period })
    // "元旦前搞个联欢会：12月31号晚上六点", "以后每周三下午 第一次是明天下午两点": a day with no clock, then a later
    // day with its clock: the later one is the one meant.
    const next = clock ? undefined : parseDateTime(text.slice(after), now, tz)
    if (next && !next.dateOnly && firstDate(next.match)) return { ...next, index: (next.index ?? 0) + after }
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
      // "周六的亲子阅读往后推一个小时，三点开始": the day, then its clock further on (no other day between).
      const later = clock ? undefined : findClock(text, { from: after, defaultPeriod: date.period })
      if (later && !firstDate(text.slice(after, later.index))) {
        clock = later
        // Only the date is cut from the text here; the clock is read from where it stands.
        span = { index: date.index, end: after }
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
    // "12月20日周六" when the 20th is a Sunday: one of the two is wrong, and the host is asked which.
    const restated = /^[\s,，的（(]*(?:周|星期|礼拜)([一二三四五六日天])/u.exec(text.slice(date.index + date.match.length))
    if (restated && !/周|星期|礼拜/u.test(date.match)) {
      const actual = new Date(Date.UTC(r.y, r.m - 1, r.d)).getUTCDay() || 7
      const said = WD_CHARS[restated[1]!]!
      if (said !== actual) reasons.push(`${r.m}月${r.d}日是${WEEKDAY_NAMES[actual]}，不是${WEEKDAY_NAMES[said]}`)
    }
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
    const at = new Date(fromWall(tz, day.y, day.m, day.d, startHour, 0))
    return { at, match, index: span.index, dateOnly: true, ...(datePeriod ? { period: datePeriod } : {}), ...(reasons.length ? { ambiguous: reasons.join('；') } : {}) }
  }
  if (clock.nextDay) day = addDays(day.y, day.m, day.d, 1)
  const at = new Date(fromWall(tz, day.y, day.m, day.d, clock.time.hour, clock.time.minute))
  return { at, match, index: span.index, ...(reasons.length ? { ambiguous: reasons.join('；') } : {}) }
}

// ---------------------------------------------------------------- formatting
