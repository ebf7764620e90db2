// The clock of a host's change to an activity ("写错了 改成三点"): a clock without 上午/下午 is read in the
// activity's own half of the day, so the change is applied instead of asked about. Pure.
import { type ClockDetail, type ClockTime, findClock } from '../core/zh/clock.ts'
import { parseDateTime } from '../core/zh/date.ts'
import { wallClock } from '../core/tz.ts'

/** Hours an activity may start in (06:00–21:59): a reading outside them (3 a.m., 10:30 p.m.) settles nothing. */
const FIRST_HOUR = 6
const LAST_HOUR = 21

const pad2 = (n: number) => String(n).padStart(2, '0')
const hhmm = (t: ClockTime) => `${pad2(t.hour)}:${pad2(t.minute)}`

/**
 * Each clock of the text said without 上午/下午 ("三点"), read in the activity's half of the day (before or after
 * noon): 15:00 for a 下午两点 activity. Undefined when one of them cannot be (a 上午9点 activity and "三点": 3 a.m. is
 * no time to meet, so the host is asked).
 */
export function halfDayReadings(text: string, activityAt: number, tz: string): { clock: ClockDetail; time: ClockTime }[] | undefined {
  const afternoon = wallClock(activityAt, tz).hour >= 12
  const out: { clock: ClockDetail; time: ClockTime }[] = []
  for (let c: ClockDetail | undefined, from = 0; (c = findClock(text, { from })); from = c.index + c.match.length) {
    if (c.explicit || !c.alternative) continue
    const time = [c.time, c.alternative].find((t) => t.hour >= 12 === afternoon)
    if (!time || time.hour < FIRST_HOUR || time.hour > LAST_HOUR) return undefined
    out.push({ clock: c, time })
  }
  return out
}

/** The part of the day to write before a clock, so the date parser reads it as meant. */
const periodWord = (t: ClockTime) => (t.hour >= 18 ? '晚上' : t.hour >= 12 ? '下午' : '上午')

/**
 * The new time of a change ("HH:MM", or "YYYY-MM-DD HH:MM" when a day was said, as the understanding gave it)
 * with a clock said without 上午/下午 settled by the activity's own time. `ambiguous` carries the date parser's
 * reason when the words still leave a doubt (no half of the day settles it, or the day itself is unclear).
 */
export function settledTime(text: string, time: string, activityAt: number, now: number, tz: string): { time: string; ambiguous?: string } {
  const said = parseDateTime(text, new Date(now), tz)
  if (!said?.ambiguous) return { time }
  const readings = halfDayReadings(text, activityAt, tz)
  if (!readings?.length) return { time, ambiguous: said.ambiguous }
  // The parser, given the half of the day written out, must find nothing else to doubt (a weekday that is today).
  let written = text
  for (const { clock, time: t } of [...readings].reverse()) written = `${written.slice(0, clock.index)}${periodWord(t)}${written.slice(clock.index)}`
  const again = parseDateTime(written, new Date(now), tz)
  if (!again || again.ambiguous) return { time, ambiguous: said.ambiguous }
  // The clock of the slot is one of the bare clocks' two readings: take the one in the activity's half.
  const clock = time.slice(-5)
  const mine = readings.find(({ clock: c }) => hhmm(c.time) === clock || (c.alternative && hhmm(c.alternative) === clock))
  return { time: mine ? `${time.slice(0, -5)}${hhmm(mine.time)}` : time }
}
