// Chinese numbers as people write them for times, dates and counts: 15, 十五, 二十三, 两.
const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
export const NUM = '(?:\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})'
/**
 * What may follow a numeral when it counts rather than names: another numeral, or a measure or unit word (五个, 两年,
 * 三十, 十名). A numeral followed by anything else may be a coined name (四新, 三不, 五有).
 */
export const COUNTING_AFTER_NUMERAL = '一二三四五六七八九十百千万个年天次名人位家项条种类样月周岁期届场批户座所件元倍层楼点号份成分口句'

/** "15" | "十五" | "二十三" | "两" → number; undefined when not a number we read. */
export function cnNumber(s: string): number | undefined {
  if (/^\d+$/u.test(s)) return Number(s)
  if (!/^[零〇一二两三四五六七八九十]+$/u.test(s)) return undefined
  if (!s.includes('十')) {
    // 零五 → 5; 二三 is not a number anyone writes for a time, read digit by digit anyway.
    let n = 0
    for (const ch of s) n = n * 10 + (CN_DIGIT[ch] ?? 0)
    return n
  }
  const [tens, ones] = s.split('十') as [string, string]
  if (s.split('十').length > 2) return undefined
  const t = tens === '' ? 1 : CN_DIGIT[tens]
  const o = ones === '' ? 0 : CN_DIGIT[ones]
  if (t === undefined || o === undefined || tens.length > 1 || ones.length > 1) return undefined
  return t * 10 + o
}

// ---------------------------------------------------------------- time zones (see core/tz.ts)
