// Text normalisation shared by documents and questions: whatever is done to one must be done to the other,
// or keyword and dense matching silently drift apart.
import { inScript, type Script, scriptOf, toSimplified } from '../core/zh/script.ts'

export { inScript, type Script, scriptOf, toSimplified }

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }

/**
 * Width normalisation for stored (quotable) text: full-width letters, digits and spaces become
 * half-width (Ｗｅｃｈａｔ１２３ → Wechat123); ASCII punctuation touching Chinese becomes the Chinese form
 * (你好,世界 → 你好，世界) so sentence splitting and heading patterns see one style.
 */
// Compiled once: this runs on every passage at ingest.
const HALF_PUNCT_NEAR_CJK = new RegExp(`(?<=[${CJK}])([,;:?!])|([,;:?!])(?=[${CJK}])`, 'g')
const OPEN_PAREN_NEAR_CJK = new RegExp(`(?<=[${CJK}])\\(|\\((?=[${CJK}])`, 'g')
const CLOSE_PAREN_AFTER_CJK = new RegExp(`(?<=[${CJK}（][^()（）]{0,30})\\)`, 'g')

export function normalizeWidth(text: string): string {
  let out = text
    .replace(/[\uff01-\uff5e]/g, (ch) => {
      const half = String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
      // Keep Chinese-style punctuation full-width; only letters and digits (and a few symbols) fold.
      return /[0-9A-Za-z%+\-=@#&*/<>_~^`|\\"']/.test(half) ? half : ch
    })
    .replace(/\u3000/g, ' ')
    .replace(/\u00a0/g, ' ')
  out = out.replace(HALF_PUNCT_NEAR_CJK, (m) => HALF_TO_FULL[m] ?? m)
  if (out.includes('(')) out = out.replace(OPEN_PAREN_NEAR_CJK, '（')
  if (out.includes(')')) out = out.replace(CLOSE_PAREN_AFTER_CJK, '）')
  return out
}

/** The form used for indexing and matching: Simplified, width-folded, lower-case, whitespace collapsed. */
export function normalizeForIndex(text: string): string {
  // Ingest normalises each passage for the embedder and again for the keyword index: remember a few.
  const hit = recent.get(text)
  if (hit !== undefined) return hit
  const out = toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim()
  if (recent.size >= 512) recent.clear()
  recent.set(text, out)
  return out
}
const recent = new Map<string, string>()

export const CJK_CLASS = CJK

