// Text normalisation for classification: Traditional → Simplified, full-width → half-width, no spaces.
import { toSimplified } from '../core/zh/script.ts'

export { toSimplified }

export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '')
}
