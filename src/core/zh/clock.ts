// Clock times as people write them: 上午9点, 下午2点半, 晚上8点, 14:30, 两点, 十点一刻, 中午12点.
// Pure. A reading that is a guess (bare 3点: afternoon?) carries its alternative for the caller to confirm.
import { cnNumber, NUM } from './numbers.ts'

export interface ClockTime {
  hour: number
  minute: number
}

export type Period = 'dawn' | 'morning' | 'noon' | 'afternoon' | 'evening'

const PERIOD_WORDS: Array<[string, Period]> = [
  ['凌晨', 'dawn'], ['清晨', 'morning'], ['早上', 'morning'], ['早晨', 'morning'], ['上午', 'morning'], ['早', 'morning'],
  ['中午', 'noon'], ['午间', 'noon'], ['下午', 'afternoon'], ['午后', 'afternoon'], ['傍晚', 'evening'],
  ['晚上', 'evening'], ['夜里', 'evening'], ['夜间', 'evening'], ['晚间', 'evening'], ['晚', 'evening'],
]
export const PERIOD_RE = PERIOD_WORDS.map(([w]) => w).join('|')
/** A part of the day said on its own, with no clock ("晚上", "周六下午"): when, not what, and not yet a time. */
export const PERIOD_ALONE = new RegExp(`^(?:今天|明天|后天|今|明|周[一二三四五六日天]|星期[一二三四五六日天])?(?:${PERIOD_RE})$`, 'u')

// Group 1: period. Then either hh:mm (2,3) or H点/时 (4) with minutes (5: 半|一刻|三刻, 6: number) and optional 钟/分.
const CLOCK_SRC =
  `(?:(${PERIOD_RE})\\s*)?(?:(\\d{1,2})[:：](\\d{2})(?!\\d)|(${NUM}) ?[点时](?:(半|一刻|三刻)|(?:过)?(${NUM})分?)?钟?)`

export interface ClockDetail {
  time: ClockTime
  match: string
  index: number
  /** The reading is certain (period word or 24-hour form). */
  explicit: boolean
  /** The other plausible reading when not explicit. */
  alternative?: ClockTime
  /** 晚上12点 and the like: the time is on the following day. */
  nextDay?: boolean
}

export function periodOf(word: string | undefined): Period | undefined {
  return word ? PERIOD_WORDS.find(([w]) => w === word)?.[1] : undefined
}

function applyPeriod(h: number, p: Period): { hour: number; nextDay?: boolean } {
  switch (p) {
    case 'dawn':
      return { hour: h === 12 ? 0 : h }
    case 'morning':
      return { hour: h === 12 ? 12 : h }
    case 'noon':
      return { hour: h >= 1 && h <= 3 ? h + 12 : h }
    case 'afternoon':
      return { hour: h < 12 ? h + 12 : h }
    case 'evening':
      if (h === 12) return { hour: 0, nextDay: true }
      // 晚上1点 / 夜里2点 are after midnight; 晚上6-11点 are in the evening.
      if (h >= 1 && h <= 4) return { hour: h, nextDay: true }
      return { hour: h < 12 ? h + 12 : h }
  }
}

function readClock(m: RegExpExecArray, defaultPeriod?: Period): ClockDetail | undefined {
  const period = periodOf(m[1]) ?? defaultPeriod
  let h: number | undefined
  let min = 0
  const colon = m[2] !== undefined
  if (colon) {
    h = Number(m[2])
    min = Number(m[3])
  } else {
    h = cnNumber(m[4] ?? '')
    if (m[5] === '半') min = 30
    else if (m[5] === '一刻') min = 15
    else if (m[5] === '三刻') min = 45
    else if (m[6] !== undefined) {
      const v = cnNumber(m[6])
      if (v === undefined) return undefined
      min = v
    }
  }
  if (h === undefined || h > 24 || min > 59) return undefined
  if (h === 24) h = 0
  const base = { match: m[0], index: m.index }
  if (period) {
    if (h > 12) return { ...base, time: { hour: h, minute: min }, explicit: true } // 下午14点: trust the 24h number
    const r = applyPeriod(h, period)
    return { ...base, time: { hour: r.hour, minute: min }, explicit: true, nextDay: r.nextDay }
  }
  if (h === 0 || h >= 13) return { ...base, time: { hour: h, minute: min }, explicit: true }
  if (h === 12) return { ...base, time: { hour: 12, minute: min }, explicit: true }
  // 24-hour style "09:30" / "9:30" reads as morning for 6–11; "2:30" and bare "2点" could be either.
  if (colon && h >= 6) return { ...base, time: { hour: h, minute: min }, explicit: true }
  // Bare 1–11: afternoon for 1–5 (nobody meets at 3am), morning for 6–11; say so.
  const pm = { hour: h + 12, minute: min }
  const am = { hour: h, minute: min }
  return h <= 5
    ? { ...base, time: pm, explicit: false, alternative: am }
    : { ...base, time: am, explicit: false, alternative: pm }
}

// 早一点, 快一点, 多一点: "a bit", not one o'clock.
const NOT_CLOCK_BEFORE = /[早晚快慢多少好大小高低有差些再重轻]$/u

/** First clock at or after `from`; with `sticky`, only one starting exactly at `from`. */
export function findClock(text: string, opts: { from?: number; sticky?: boolean; defaultPeriod?: Period } = {}): ClockDetail | undefined {
  const re = new RegExp(CLOCK_SRC, opts.sticky ? 'uy' : 'gu')
  re.lastIndex = opts.from ?? 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    // 早一点 / 晚一点 / 快一点: the single-character period is part of the idiom.
    const idiom = m[4] === '一' && !m[5] && !m[6] && !m[0].endsWith('钟') &&
      (m[1] === '早' || m[1] === '晚' || (!m[1] && NOT_CLOCK_BEFORE.test(text.slice(0, m.index))))
    const d = idiom ? undefined : readClock(m, opts.defaultPeriod)
    if (d) return d
    if (opts.sticky) return undefined
    re.lastIndex = m.index + 1
  }
  return undefined
}

/** The first clock time in the text: 上午9点, 下午2点半, 晚上8点, 14:30, 9:00, 两点, 十点一刻, 中午12点. */
export function parseClock(text: string): { time: ClockTime; match: string } | undefined {
  const d = findClock(text)
  return d && { time: d.time, match: d.match }
}

