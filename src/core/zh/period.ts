// The stretch of time a question asks about: "这周有啥活动", "最近有什么活动" (today and the six days after), "周末有活动吗",
// "下周三有啥".
// Pure: the caller passes `now`; days and weeks are wall-clock ones in the time zone (weeks run Monday to Sunday).
import { fromWall, isoWeekday, wallClock } from '../tz.ts'
import { toSimplified } from './script.ts'

export interface Period {
  /** Exclusive start (epoch ms): now for a stretch that has begun, else just before its first day. */
  from: number
  /** Inclusive end (epoch ms): the last millisecond of its last day. */
  to: number
  /** How to name it in a reply: 这周, 最近7天, 明天, 下周三… */
  label: string
}

const WEEK = '(?:周|星期|礼拜)'
const DAY_OF_WEEK: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 }

/** Whole days (the first counted from today, today itself from now), or a calendar month. */
type Span = { kind: 'days'; start: number; days: number } | { kind: 'month'; offset: number }

interface Wording {
  re: RegExp
  label: string | ((m: RegExpExecArray) => string)
  span(m: RegExpExecArray, weekday: number): Span
}

// Longer wordings first: 这周末 before 这周, 下周三 before 下周.
const WORDINGS: Wording[] = [
  { re: new RegExp(`(这|本|下)个?${WEEK}([一二三四五六日天])`, 'u'), label: (m) => `${m[1] === '下' ? '下' : '这'}周${m[2] === '天' ? '日' : m[2]}`, span: (m, wd) => ({ kind: 'days', start: DAY_OF_WEEK[m[2]!]! - wd + (m[1] === '下' ? 7 : 0), days: 1 }) },
  { re: /下个?周末/u, label: '下周末', span: (_, wd) => ({ kind: 'days', start: 13 - wd, days: 2 }) },
  { re: /(?:这|本)?个?周末/u, label: '这周末', span: (_, wd) => (wd === 7 ? { kind: 'days', start: 0, days: 1 } : { kind: 'days', start: 6 - wd, days: 2 }) },
  { re: new RegExp(`下(?:个|一)?${WEEK}`, 'u'), label: '下周', span: (_, wd) => ({ kind: 'days', start: 8 - wd, days: 7 }) },
  { re: new RegExp(`(?:这|本)(?:个|一)?${WEEK}`, 'u'), label: '这周', span: (_, wd) => ({ kind: 'days', start: 0, days: 8 - wd }) },
  { re: /下个?月/u, label: '下个月', span: () => ({ kind: 'month', offset: 1 }) },
  { re: /(?:这|本)个?月/u, label: '这个月', span: () => ({ kind: 'month', offset: 0 }) },
  { re: /今天|今日|今儿/u, label: '今天', span: () => ({ kind: 'days', start: 0, days: 1 }) },
  { re: /明天|明日|明儿/u, label: '明天', span: () => ({ kind: 'days', start: 1, days: 1 }) },
  { re: /后天/u, label: '后天', span: () => ({ kind: 'days', start: 2, days: 1 }) },
  { re: /这两天/u, label: '这两天', span: () => ({ kind: 'days', start: 0, days: 2 }) },
  { re: /最近|近期|这几天|近几天|这些天|这段时间|这阵子/u, label: '最近7天', span: () => ({ kind: 'days', start: 0, days: 7 }) },
]

/** The stretch of time `text` asks about, or undefined when it names none. */
export function askedPeriod(text: string, now: number, tz: string): Period | undefined {
  const plain = toSimplified(text)
  const w = wallClock(now, tz)
  const day = (offset: number) => fromWall(tz, w.year, w.month, w.day + offset)
  for (const wording of WORDINGS) {
    const m = wording.re.exec(plain)
    if (!m) continue
    const label = typeof wording.label === 'string' ? wording.label : wording.label(m)
    const span = wording.span(m, isoWeekday(w))
    if (span.kind === 'month') {
      const start = fromWall(tz, w.year, w.month + span.offset, 1)
      return { from: Math.max(now, start - 1), to: fromWall(tz, w.year, w.month + span.offset + 1, 1) - 1, label }
    }
    // A day already gone this week (这周一, asked on Wednesday) has nothing left to ask about.
    if (span.start + span.days <= 0) return { from: now, to: now, label }
    return { from: Math.max(now, day(span.start) - 1), to: day(span.start + span.days) - 1, label }
  }
  return undefined
}
