// The features a learned reader sees: character n-grams of the normal form (what people write) and the
// situation the message arrives in (group or private, who sends it, what the bot is waiting for). Character
// n-grams, not words: colloquial and coined phrasing splits badly into dictionary words, and a 1–3 gram bag
// is robust to typos, dialect particles and script (the text is Simplified first).
import { normalize } from '../text.ts'
import type { Situation } from '../types.ts'

/** Digits and Chinese numerals collapse to one sign: "+3" and "+5" are the same shape. */
const DIGITS = /\d+/gu
const CN_NUM = /[一二两三四五六七八九十俩仨]/gu

export function textFeatures(raw: string): string[] {
  const t = normalize(raw).toLowerCase().replace(DIGITS, '0').replace(CN_NUM, '〇').replace(/\s+/gu, ' ')
  const chars = [...`^${t}$`]
  const out: string[] = []
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const g = chars.slice(i, i + n).join('')
      if (n === 1 && (g === '^' || g === '$')) continue
      out.push(g)
    }
  }
  return out
}

export function situationFeatures(sit: Pick<Situation, 'where' | 'role' | 'mention' | 'pending' | 'openCase' | 'signedUp' | 'media'>): string[] {
  const out = [`@where=${sit.where}`, `@role=${sit.role}`, `@pending=${sit.pending ?? 'none'}`, `@wr=${sit.where}/${sit.role}`]
  if (sit.mention) out.push('@mention')
  if (sit.openCase) out.push('@openCase')
  if (sit.signedUp.length) out.push('@signedUp')
  if (sit.media) out.push(`@media=${sit.media}`)
  return out
}

export function featuresOf(raw: string, sit: Parameters<typeof situationFeatures>[0]): string[] {
  const text = textFeatures(raw)
  const situation = situationFeatures(sit)
  // What the bot waits for changes what the same words mean ("好" to a consent question vs. to a preview).
  const pending = sit.pending ? text.filter((g) => [...g].length <= 2).map((g) => `${sit.pending}|${g}`) : []
  return [...text, ...situation, ...pending]
}
