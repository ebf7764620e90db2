// Wall-clock arithmetic in a time zone with nothing but Intl: the 微家 thinks in Asia/Shanghai days and hours.
// The one wall-clock type of the code base (weekday 0 = Sunday, as Date counts); Chinese Monday-first
// weekdays (周一 = 1 … 周日 = 7) come from isoWeekday().

export const DEFAULT_TZ = 'Asia/Shanghai'

export interface Wall {
  year: number
  month: number // 1-12
  day: number
  hour: number
  minute: number
  second: number
  /** 0 = Sunday … 6 = Saturday */
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    })
    formatters.set(tz, f)
  }
  return f
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

/** The wall clock in `tz` at epoch ms `at`. */
export function wallClock(at: number, tz: string): Wall {
  const parts: Record<string, string> = {}
  for (const p of formatter(tz).formatToParts(new Date(at))) parts[p.type] = p.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    // Some ICU versions print midnight as 24 even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
  }
}

/**
 * Epoch ms of a wall-clock time in `tz` (a few passes settle the zone offset, DST included).
 * Fields may overflow, as with Date.UTC (day 32 is the 1st of the next month).
 */
export function fromWall(tz: string, year: number, month: number, day: number, hour = 0, minute = 0): number {
  const target = Date.UTC(year, month - 1, day, hour, minute)
  let at = target
  for (let i = 0; i < 3; i++) {
    const w = wallClock(at, tz)
    const diff = target - Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
    if (diff === 0) break
    at += diff
  }
  return at
}

/** Monday-first weekday, as Chinese counts it: 周一 = 1 … 周日 = 7. */
export const isoWeekday = (w: Pick<Wall, 'weekday'>) => (w.weekday === 0 ? 7 : w.weekday)

/** Two digits: 7 → "07". */
export const pad2 = (n: number) => String(n).padStart(2, '0')

/** "2025-03-07": the calendar day in `tz`, used for daily budgets and anchors. */
export function localDay(at: number, tz: string): string {
  const w = wallClock(at, tz)
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`
}

/** Adds whole calendar days to a date (normalising month and year overflow). */
export function addDays(y: number, m: number, d: number, n: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** Days since 1970-01-01 of a local calendar day (for week arithmetic). */
export const dayNumber = (w: Pick<Wall, 'year' | 'month' | 'day'>) => Math.round(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000)

export function parseDay(day: string): { year: number; month: number; day: number } {
  const [y, m, d] = day.split('-').map(Number)
  return { year: y ?? 1970, month: m ?? 1, day: d ?? 1 }
}

/** "HH:MM" → minutes after midnight. */
export const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}
