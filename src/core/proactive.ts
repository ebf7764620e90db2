// Rules for messages the bot sends on its own (reminders, sign-up reminders): quiet hours and a daily budget.
// Pure functions plus one atomic Redis counter, exported for every capability that speaks unprompted.
import type { Redis } from './storage.ts'
import { fromWall, localDay, minutesOf, wallClock } from './tz.ts'

export interface QuietHours {
  /** "HH:MM" local time; a window may wrap midnight (21:30–07:30). Equal start and end: no quiet hours. */
  start: string
  end: string
}

export const DEFAULT_QUIET: QuietHours = { start: '21:30', end: '07:30' }

export function isQuiet(at: number, quiet: QuietHours, tz: string): boolean {
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return false
  const w = wallClock(at, tz)
  const m = w.hour * 60 + w.minute
  return start < end ? m >= start && m < end : m >= start || m < end
}

/** `at` itself, or the end of the quiet period it falls in (a reminder due at 22:00 moves to 07:30). */
export function outOfQuiet(at: number, quiet: QuietHours, tz: string): number {
  if (!isQuiet(at, quiet, tz)) return at
  const w = wallClock(at, tz)
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  const m = w.hour * 60 + w.minute
  // In a window that wraps midnight, the evening part ends tomorrow morning.
  const tomorrow = start > end && m >= start ? 1 : 0
  return fromWall(tz, w.year, w.month, w.day + tomorrow, Math.floor(end / 60), end % 60)
}

/** The budget counter key's day part: budgets are per local calendar day of the send time. */
export const budgetDay = (at: number, tz: string) => localDay(at, tz)

const TAKE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
if n > tonumber(ARGV[1]) then redis.call('DECR', KEYS[1]) return 0 end
return n`

/**
 * Atomically takes one unit of a daily budget; false when it is spent (nothing is taken then).
 * The key should name the group and the day, e.g. key('proactive', groupId, budgetDay(sendAt, tz)).
 */
export async function takeBudget(redis: Redis, key: string, limit: number, ttlSec = 3 * 24 * 3600): Promise<boolean> {
  if (limit <= 0) return false
  const n = Number(await redis.eval(TAKE, 1, key, String(limit), String(ttlSec)))
  return n > 0
}

export async function refundBudget(redis: Redis, key: string): Promise<void> {
  await redis.decr(key)
}
