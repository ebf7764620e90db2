// Simplified and Traditional script: residents write in either, documents and rules are in Simplified, and
// a reply follows the script of the question. One converter of each direction per process.
import * as OpenCC from 'opencc-js'
import { compactConverter } from './compact-converter.ts'

let toCn: ((s: string) => string) | undefined
let toTw: ((s: string) => string) | undefined

/**
 * The last messages converted: one is converted about twelve times as it goes through the pipeline (the readers'
 * normal forms, the script checks, the reply's script), mostly as the same few strings. The conversion is a pure
 * function of its input, so a hit is exactly what converting again gives. Only message-sized texts are kept
 * (documents are converted too, once each).
 */
const recent = new Map<string, string>()
const RECENT_MAX = 256
const RECENT_LONGEST = 200

/** Traditional → Simplified. 'tw' → 'cn' is character-level, so already-Simplified text passes unchanged. */
export function toSimplified(text: string): string {
  const short = text.length <= RECENT_LONGEST
  const known = short ? recent.get(text) : undefined
  if (known !== undefined) return known
  // Building a converter costs ~30–200 ms: once per process, on first use.
  const convert = (toCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))
  // 么 is Simplified (什么, 有么, "孩子放学么人管"), but OpenCC reads a lone one as the Traditional form of 幺.
  const simplified = text.includes('么') ? text.split('么').map((part) => convert(part)).join('么') : convert(text)
  if (short) {
    if (recent.size >= RECENT_MAX) recent.clear()
    recent.set(text, simplified)
  }
  return simplified
}

export type Script = 'simplified' | 'traditional'

/**
 * The script a text is written in: Traditional when converting it to Simplified changes it. Characters of written
 * Cantonese that OpenCC maps anyway (搵 → 揾) say nothing about the script: "边度可以搵到" is written in Simplified.
 */
const CANTONESE_ONLY = /[搵嗰]/gu
export function scriptOf(text: string): Script {
  const t = text.replace(CANTONESE_ONLY, '')
  return toSimplified(t) === t ? 'simplified' : 'traditional'
}

/** Written the same in both scripts ("利息多少"): the text alone does not say which one its writer uses. */
export function scriptNeutral(text: string): boolean {
  return scriptOf(text) === 'simplified' && inScript(text, 'traditional') === text
}

/** Text in the given script (replies follow the script of the question). */
export function inScript(text: string, script: Script): string {
  if (script === 'simplified') return toSimplified(text)
  // The same conversion as OpenCC.Converter({ from: 'cn', to: 'tw' }) without its 40 MB trie: every message is
  // asked whether it is script-neutral (core/her-script.ts), so this is built on the first one.
  const convert = (toTw ??= compactConverter('s2tw'))
  return convert(toSimplified(text)).replace(MISCONVERTED, (m: string) => FIXES[m]!)
}

/** OpenCC's phrase table reads 爱困 (sleepy) inside 关爱困难: "關愛睏難婦女". 困难 is never 睏難. */
const FIXES: Record<string, string> = { 睏難: '困難' }
const MISCONVERTED = new RegExp(Object.keys(FIXES).join('|'), 'gu')
