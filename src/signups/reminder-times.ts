// When an activity's reminders go out: the evening before (at a configured hour) and shortly before the
// start, both moved out of the group's quiet hours. Pure: the clock and settings are arguments.
import { isQuiet } from '../core/proactive.ts'
import { fromWall, wallClock } from '../core/tz.ts'
import type { RemindKind } from './jobs.ts'
import type { SignupSettings } from './settings.ts'

export interface ReminderTimeInput {
  startAt: number
  now: number
  tz: string
  settings: Pick<SignupSettings, 'soonBeforeMin' | 'dayBeforeHour'>
  quiet?: { start: string; end: string }
}

/** When each reminder goes out; a kind is absent when it would be in the past or pointless. */
export function reminderTimes({ startAt, now, tz, settings, quiet }: ReminderTimeInput): Partial<Record<RemindKind, number>> {
  const out: Partial<Record<RemindKind, number>> = {}
  const w = wallClock(startAt, tz)
  let soon = startAt - settings.soonBeforeMin * 60_000
  if (quiet && isQuiet(soon, quiet, tz)) {
    // 6:00 for an 8:00 activity: wait for the end of quiet hours if that is still before the start.
    const end = atClock(startAt, quiet.end, tz)
    if (end < startAt && end > soon) soon = end
  }
  if (soon > now) out.soon = soon
  let dayBefore = fromWall(tz, w.year, w.month, w.day - 1, settings.dayBeforeHour, 0)
  // In quiet hours the day-before reminder moves to that morning's end of quiet hours: still the day before.
  if (quiet && isQuiet(dayBefore, quiet, tz)) dayBefore = atClock(dayBefore, quiet.end, tz)
  // Announced the evening before: people just saw it; the 2-hour reminder is enough.
  if (dayBefore > now && dayBefore < (out.soon ?? startAt) - 3600_000) out.daybefore = dayBefore
  return out
}

/** The instant on `at`'s calendar day (in tz) when the clock shows hh:mm. */
function atClock(at: number, hhmm: string, tz: string): number {
  const w = wallClock(at, tz)
  return fromWall(tz, w.year, w.month, w.day, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)))
}
