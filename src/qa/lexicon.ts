// Matching the everyday → official lexicon (lexicon-data.ts) against a question.
//
// Unlike colloquial.ts aliases, a lexicon match is search help only: its official words join the query at a
// weight below the question's own words and stay out of the coverage measure, so a passage that merely has
// the official word is not taken as proof that it answers the question.
import type { Alias } from './colloquial.ts'
import { LEXICON } from './lexicon-data.ts'
import { normalizeForIndex } from './normalize.ts'

interface Row {
  /** Fragments that must all occur in the question. */
  fragments: string[]
  colloquial: string
  formal: string
}

const ROWS: Row[] = LEXICON.map(([everyday, official]) => ({
  fragments: everyday.split(/\s+/).map(normalizeForIndex).filter(Boolean),
  colloquial: everyday.trim().replace(/\s+/g, ' '),
  formal: normalizeForIndex(official),
})).filter((r) => r.fragments.length && r.formal)

/**
 * The official words a (normalised) question's everyday wording points to. A row counts only when all its
 * fragments occur; its official word is skipped when the question already has it or `skip` holds it.
 */
export function lexiconOf(normalized: string, skip: readonly string[] = []): Alias[] {
  const out: Alias[] = []
  const seen = new Set(skip)
  for (const row of ROWS) {
    if (seen.has(row.formal) || normalized.includes(row.formal)) continue
    if (!row.fragments.every((f) => normalized.includes(f))) continue
    seen.add(row.formal)
    out.push({ colloquial: row.colloquial, formal: row.formal })
  }
  return out
}
