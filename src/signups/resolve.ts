// Which activity a message means, and whether a bare "+1" is a sign-up at all. Pure.
import type { ActivityRef } from './parse.ts'
import { nameKey } from './parse.ts'
import type { Activity, LastMessage } from './store.ts'

export type Pick =
  | { one: Activity }
  | { several: Activity[] }
  | { none: true }
  | { notFound: number }
  /** A sign-up naming an activity the group does not have ("我想报插花" while only 香包 is open): asked, never moved. */
  | { unknownName: string; open: Activity[] }

/** By number, by (part of) the title, by a quoted announcement; or the only candidate. */
export function pickActivity(acts: Activity[], ref: ActivityRef, quoted?: string): Pick {
  if (ref.number !== undefined) {
    const a = acts.find((x) => x.id === ref.number)
    return a ? { one: a } : { notFound: ref.number }
  }
  if (ref.text) {
    const hits = byTitle(acts, ref.text)
    if (hits.length === 1) return { one: hits[0]! }
    if (hits.length > 1) return { several: hits }
  }
  if (quoted) {
    const m = /活动\s*(\d+)/u.exec(quoted)
    const byNum = m ? acts.find((x) => x.id === Number(m[1])) : undefined
    if (byNum) return { one: byNum }
    const hits = acts.filter((a) => nameKey(quoted).includes(nameKey(a.title)))
    if (hits.length === 1) return { one: hits[0]! }
  }
  if (acts.length === 1) return { one: acts[0]! }
  if (acts.length === 0) return { none: true }
  return { several: acts }
}

/** Activities whose title contains the text or is contained in it (亲子阅读 ~ 报名亲子阅读活动). */
export function byTitle(acts: Activity[], text: string): Activity[] {
  const t = nameKey(text)
  if (t.length < 2) return []
  return acts.filter((a) => {
    const k = nameKey(a.title)
    return k.length >= 2 && (t.includes(k) || k.includes(t))
  })
}

/**
 * The "+1" rule: a bare "+1"/"+2" is a sign-up when it quotes an announcement, or when the group's previous
 * message (from anyone) was about an activity — an announcement, a sign-up, a cancellation, a 接龙 list or a
 * question about it — and came at most `windowMin` minutes before. Any unrelated chat in between breaks the chain,
 * so "+1" agreeing with ordinary chat is never counted.
 */
export function plusOneCounts(prev: LastMessage | undefined, now: number, windowMin: number): boolean {
  return !!prev && prev.related && now - prev.at <= windowMin * 60_000
}
