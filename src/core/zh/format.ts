// Dates and times as the bot writes them to people: 11月28日（周六）14:00.
import { DEFAULT_TZ, isoWeekday, pad2, wallClock } from '../tz.ts'

/** Monday-first, as Chinese counts the week: WEEKDAY_NAMES[1] = 周一 … [7] = 周日. */
export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** "11月28日（周六）14:00" */
export function formatDateTime(at: Date, tz = DEFAULT_TZ): string {
  const w = wallClock(at.getTime(), tz)
  return `${w.month}月${w.day}日（${WEEKDAY_NAMES[isoWeekday(w)]}）${pad2(w.hour)}:${pad2(w.minute)}`
}

/** "11月28日（周六）" */
export function formatDate(at: Date, tz = DEFAULT_TZ): string {
  const w = wallClock(at.getTime(), tz)
  return `${w.month}月${w.day}日（${WEEKDAY_NAMES[isoWeekday(w)]}）`
}
