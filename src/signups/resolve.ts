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
  const q = quoted ? quotedActivity(acts, quoted) : undefined
  if (q) return { one: q }
  if (acts.length === 1) return { one: acts[0]! }
  if (acts.length === 0) return { none: true }
  return { several: acts }
}

/** The activity a quoted message is the notice of (or talks about): by 活动N, else by its title. */
export function quotedActivity(acts: Activity[], quoted: string): Activity | undefined {
  const m = /活动\s*(\d+)/u.exec(quoted)
  const byNum = m ? acts.find((x) => x.id === Number(m[1])) : undefined
  if (byNum) return byNum
  const hits = acts.filter((a) => nameKey(quoted).includes(nameKey(a.title)))
  return hits.length === 1 ? hits[0] : undefined
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

/**
 * What a bare "1" / "扣1" is. In WeChat groups it is how many say "me" to a notice, but it answers whatever was asked
 * just before: a poll (1.周六 2.周日), a host's 收到请扣1, someone's numbered question. So it is a sign-up only when it
 * clearly replies to the activity: it quotes the notice, or the group's previous message was activity talk (the
 * notice itself, or the sign-ups following it — the "+1" rule) and asked for no number about anything else. Said
 * after other talk while a notice is fresh (announced within the window), she is asked rather than ignored; otherwise
 * it is somebody else's conversation.
 */
export type BareOne = { verdict: 'join'; activity?: Activity } | { verdict: 'ask'; activity: Activity } | { verdict: 'ignore' }

export function bareOne(o: { live: Activity[]; prev: LastMessage | undefined; now: number; windowMin: number; quoted?: string; drafting?: boolean }): BareOne {
  const { live, prev, now, windowMin } = o
  // Nothing open: right after the host's announcement that awaits her 确认, it is held for it like "报名" (held.ts).
  if (live.length === 0) return o.drafting && !prev?.asks && plusOneCounts(prev, now, windowMin) ? { verdict: 'join' } : { verdict: 'ignore' }
  if (o.quoted !== undefined) {
    const a = quotedActivity(live, o.quoted)
    return a ? { verdict: 'join', activity: a } : { verdict: 'ignore' }
  }
  const recent = !!prev && now - prev.at <= windowMin * 60_000
  if (recent && prev.asks) return { verdict: 'ignore' }
  if (plusOneCounts(prev, now, windowMin)) {
    const a = live.find((x) => x.id === prev?.activityId)
    return a ? { verdict: 'join', activity: a } : { verdict: 'join' }
  }
  const fresh = live.filter((a) => a.status === 'open' && now - a.createdAt <= windowMin * 60_000).sort((x, y) => y.createdAt - x.createdAt)[0]
  return fresh ? { verdict: 'ask', activity: fresh } : { verdict: 'ignore' }
}

/** Asking for a number: 收到请回复1, 同意的扣1, 选1还是2, or numbered choices asked about ("周六还是周日？1.周六 2.周日"). */
const ASKS_NUMBER = /(?:扣|回复?|打|选)\s*(?:个|一个)?\s*[1-9](?!\d)|[1-9]还是[2-9]/u
const CHOICES = /(?<!\d)1\s*[.、．)）:：][^\n]{1,30}?[\s，,；;、]2\s*[.、．)）:：]/u
const ASKING = /[？?]|选|投票|哪|还是|吗/u
/** …for a sign-up: 想去的扣1, 报名的回复1, 参加扣1. */
const ASKS_SIGNUP = /(?:报名|参加|想去|要去|去的|来的|接龙|算上)[^，,。！!？?\n]{0,4}(?:扣|回复?|打)\s*(?:个|一个)?\s*1(?!\d)/u

/**
 * Whether a message asks the group for a number, and for what: 'signup' ("香包还有名额 想参加的扣1": a "1" after it is a
 * sign-up), 'other' (a poll, "收到的扣1": a "1" after it answers that), or undefined (it asks for none).
 */
export function asksForNumber(text: string): 'signup' | 'other' | undefined {
  if (!ASKS_NUMBER.test(text) && !(CHOICES.test(text) && ASKING.test(text))) return undefined
  return ASKS_SIGNUP.test(text) ? 'signup' : 'other'
}
