// A reminder's schedule: a cron pattern in a time zone (with an optional every-N-weeks or lunar-date
// filter, since cron cannot say either), or a fixed interval. Fire times, previous times and the
// BullMQ repeat options all come from here.
import { CronExpressionParser } from 'cron-parser'
import { z } from 'zod'
import type { Repeat } from '../core/capability.ts'
import { isLunarDay } from './lunar.ts'
import { dayNumber, fromWall, parseDay, wallClock } from '../core/tz.ts'

export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cron'),
    cron: z.string().min(1),
    tz: z.string().min(1),
    /** Fire only every n-th week, counted from the week of `anchor` (local "YYYY-MM-DD"). */
    weeks: z.object({ n: z.number().int().min(2), anchor: z.string() }).optional(),
    /** Fire only on this lunar date (day 0 = last day of the month). The cron then ticks daily. */
    lunar: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(0).max(30) }).optional(),
  }),
  z.object({ kind: z.literal('every'), ms: z.number().int().min(500) }),
])
export type Schedule = z.infer<typeof scheduleSchema>

/** What BullMQ ticks on. Filtered schedules tick more often; the fire job drops ticks that don't occur. */
export function repeatOf(s: Schedule): Repeat {
  return s.kind === 'every' ? { every: s.ms } : { pattern: s.cron, tz: s.tz }
}

/** Checks a cron pattern; throws with cron-parser's message when invalid. */
export function validateCron(cron: string, tz: string): void {
  CronExpressionParser.parse(cron, { tz, strict: false }).next()
}

/** Does a tick at `at` count as an occurrence (the every-N-weeks and lunar filters)? */
export function occurs(s: Schedule, at: number): boolean {
  if (s.kind === 'every') return true
  if (s.weeks) {
    const here = wallClock(at, s.tz)
    const anchor = parseDay(s.weeks.anchor)
    const anchorWeekday = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day)).getUTCDay()
    const monday = (n: number, weekday: number) => n - ((weekday + 6) % 7)
    const weeks = Math.round((monday(dayNumber(here), here.weekday) - monday(dayNumber(anchor), anchorWeekday)) / 7)
    if (((weeks % s.weeks.n) + s.weeks.n) % s.weeks.n !== 0) return false
  }
  if (s.lunar && !isLunarDay(at, s.tz, s.lunar)) return false
  return true
}

// A daily tick with a lunar filter needs up to ~385 ticks per year; a few years' worth bounds every search.
const MAX_TICKS = 4000

/** The next `count` occurrences strictly after `from`. */
export function nextTimes(s: Schedule, from: number, count: number): number[] {
  const out: number[] = []
  if (s.kind === 'every') {
    const first = Math.floor(from / s.ms) * s.ms + s.ms
    for (let i = 0; i < count; i++) out.push(first + i * s.ms)
    return out
  }
  if (s.lunar) return lunarTimes(s, from, count, 1)
  const it = CronExpressionParser.parse(s.cron, { tz: s.tz, currentDate: new Date(from) })
  for (let i = 0; i < MAX_TICKS && out.length < count; i++) {
    let at: number
    try {
      at = it.next().getTime()
    } catch {
      break
    }
    if (occurs(s, at)) out.push(at)
  }
  return out
}

/** Occurrences in (from, to]. */
export function timesBetween(s: Schedule, from: number, to: number, max = 500): number[] {
  const out: number[] = []
  let cursor = from
  while (out.length < max) {
    const [next] = nextTimes(s, cursor, 1)
    if (next === undefined || next > to) break
    out.push(next)
    cursor = next
  }
  return out
}

/** The latest occurrence at or before `at`, if any within the search bound. */
export function prevTime(s: Schedule, at: number): number | undefined {
  if (s.kind === 'every') return Math.floor(at / s.ms) * s.ms
  if (s.lunar) return lunarTimes(s, at + 1, 1, -1)[0]
  // cron-parser's prev() is strictly before currentDate: start just after `at` so a tick at `at` counts.
  const it = CronExpressionParser.parse(s.cron, { tz: s.tz, currentDate: new Date(at + 1) })
  for (let i = 0; i < MAX_TICKS; i++) {
    let t: number
    try {
      t = it.prev().getTime()
    } catch {
      return undefined
    }
    if (occurs(s, t)) return t
  }
  return undefined
}

/**
 * Lunar schedules tick daily at a fixed time ("M H * * *"); walking days directly is ~100× faster than
 * asking cron-parser for each daily tick. direction 1: after `from`; -1: before `from`.
 */
function lunarTimes(s: Extract<Schedule, { kind: 'cron' }>, from: number, count: number, direction: 1 | -1): number[] {
  const [minute, hour] = s.cron.split(/\s+/).map(Number)
  const out: number[] = []
  const start = wallClock(from, s.tz)
  for (let i = 0; i < 3 * 400 && out.length < count; i++) {
    const at = fromWall(s.tz, start.year, start.month, start.day + direction * i, hour ?? 0, minute ?? 0)
    if (direction === 1 ? at <= from : at >= from) continue
    if (occurs(s, at)) out.push(at)
  }
  return out
}
