// Near-duplicate passages in the final list: one file can repeat a sub-document with small edits (a
// placeholder □ here, a dropped word there), and two copies of one passage take two of the five places a
// reader looks at. Keeping the best-ranked copy gives the next different passage its place.

/** Character bigrams of a passage's normalised text (punctuation and spaces dropped). */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, '')]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  return out
}

/** Share of the shorter passage's bigrams the other passage also has (1: one contains the other). */
export function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (!small.size) return 0
  let shared = 0
  for (const g of small) if (large.has(g)) shared++
  return shared / small.size
}

/**
 * How complete a copy is: its figures, less its blanks. A file may repeat a passage once with its figures and names
 * and once with them blanked out ("迄今约有20期" / "×××家政服务站…迄今约有期"); the reader should be quoted the full one.
 */
function completeness(text: string): number {
  return (text.match(/\d+/gu)?.length ?? 0) - (text.match(/□|×+|x{2,}|＊+|\*{2,}/giu)?.length ?? 0)
}

/**
 * Drops every item whose text overlaps an earlier (better-ranked) kept item by more than `threshold`, until
 * `k` are kept; a more complete copy (completeness) takes the earlier one's place. Work is bounded by the
 * candidates looked at, never the corpus.
 */
export function suppressNearDuplicates<T>(ranked: T[], textOf: (item: T) => string, k: number, threshold = 0.8): T[] {
  const kept: { item: T; grams: Set<string>; complete: number }[] = []
  for (const item of ranked) {
    const text = textOf(item)
    const grams = bigrams(text)
    const copy = kept.find((o) => overlap(o.grams, grams) > threshold)
    if (copy) {
      const complete = completeness(text)
      if (complete > copy.complete) Object.assign(copy, { item, grams, complete })
      continue
    }
    if (kept.length >= k) break
    kept.push({ item, grams, complete: completeness(text) })
  }
  return kept.map((o) => o.item)
}
