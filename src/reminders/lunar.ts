// Chinese lunar dates from lunar-javascript (pinned in package.json). Not ICU: Node's ICU Chinese calendar
// puts 正月初一 2027 on 02-07 and 2030 on 02-02, where the published calendars say 02-06 and 02-03.
import { createRequire } from 'node:module'

export interface LunarDate {
  month: number // 1-12
  leap: boolean
  day: number // 1-30
}

// The package is CommonJS without type declarations: the few calls we make, typed here.
interface LunarLib {
  Solar: { fromYmd(y: number, m: number, d: number): { getLunar(): { getMonth(): number; getDay(): number } } }
}

let lib: LunarLib | undefined
// Loaded on first use (~30 ms, 430 kB of tables): most processes never ask for a lunar date.
const load = (): LunarLib => (lib ??= createRequire(import.meta.url)('lunar-javascript') as LunarLib)

/** Kept for callers that asked whether ICU had a Chinese calendar: the library always does. */
export const lunarSupported = true

const ymdFormatters = new Map<string, Intl.DateTimeFormat>()
const cache = new Map<string, LunarDate>()

/** The Gregorian wall-clock date of `at` in `tz`. */
function wallDate(at: number, tz: string): { y: number; m: number; d: number } {
  let f = ymdFormatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-u-ca-gregory', { timeZone: tz, year: 'numeric', month: 'numeric', day: 'numeric' })
    ymdFormatters.set(tz, f)
  }
  const parts: Record<string, number> = {}
  for (const p of f.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { y: parts.year!, m: parts.month!, d: parts.day! }
}

export function lunarDate(at: number, tz: string): LunarDate {
  const { y, m, d } = wallDate(at, tz)
  const key = `${y}-${m}-${d}`
  let hit = cache.get(key)
  if (!hit) {
    // A schedule search converts a few hundred consecutive days (~0.2 ms each): remember them.
    const l = load().Solar.fromYmd(y, m, d).getLunar()
    // The library marks a leap month with a negative number (闰六月 is -6).
    hit = { month: Math.abs(l.getMonth()), leap: l.getMonth() < 0, day: l.getDay() }
    if (cache.size > 5_000) cache.clear()
    cache.set(key, hit)
  }
  return { ...hit }
}

/** day 0 means the month's last day (腊月 has 29 or 30 days, so 除夕 is "腊月 day 0"). */
export function isLunarDay(at: number, tz: string, want: { month: number; day: number }): boolean {
  const d = lunarDate(at, tz)
  if (d.leap || d.month !== want.month) return false
  if (want.day > 0) return d.day === want.day
  return d.day >= 29 && lunarDate(at + 86_400_000, tz).day === 1
}

const MONTHS = ['', '正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月']
const DAYS_TENS = ['初', '十', '廿', '三']
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export function lunarName(month: number, day: number): string {
  if (month === 12 && day === 0) return '除夕'
  const m = MONTHS[month] ?? `${month}月`
  if (day === 0) return `${m}最后一天`
  let d: string
  if (day === 10) d = '初十'
  else if (day === 20) d = '二十'
  else if (day === 30) d = '三十'
  else d = `${DAYS_TENS[Math.floor(day / 10)]}${DIGITS[day % 10]}`
  return `${m}${d}`
}
