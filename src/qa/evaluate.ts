// Retrieval evaluation and threshold calibration on a JSONL file of {"q", "must": [...]}
// (empty must = the documents don't cover the question, the bot should decline).
import { z } from 'zod'
import type { QaEngine } from './engine.ts'
import { normalizeForIndex } from './normalize.ts'
import type { Passage } from './retrieve.ts'
import { THRESHOLDS, signals, type Thresholds } from './retrieve.ts'

const itemSchema = z.object({ q: z.string().min(1), must: z.array(z.string()) })
export type EvalItem = z.infer<typeof itemSchema>

export function readEvalFile(text: string): EvalItem[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l && !l.startsWith('#') && !l.startsWith('//'))
    .map(([l, n]) => {
      const parsed = itemSchema.safeParse(JSON.parse(l))
      if (!parsed.success) throw new Error(`eval line ${n}: expected {"q": string, "must": string[]}`)
      return parsed.data
    })
}

/** A passage "hits" when it contains any must-string; both sides compared in Simplified, width-folded form. */
export function isHit(p: Passage, must: string[]): boolean {
  const text = normalizeForIndex(`${p.chunk.heading.join(' ')} ${p.chunk.text}`)
  return must.some((m) => text.includes(normalizeForIndex(m)))
}

const round = (x: number) => Number(x.toFixed(4))

export async function evaluate(engine: QaEngine, items: EvalItem[], k = 10) {
  let hit1 = 0
  let hit5 = 0
  let rr = 0
  let covered = 0
  let uncovered = 0
  let declinedCorrectly = 0
  let wronglyDeclined = 0
  const misses: string[] = []
  const wrongDecisions: { q: string; expected: 'answer' | 'decline'; coverage: number; similarity: number }[] = []
  for (const item of items) {
    const r = await engine.retrieve(item.q, k)
    if (item.must.length) {
      covered++
      const rank = r.passages.findIndex((p) => isHit(p, item.must))
      if (rank === 0) hit1++
      if (rank >= 0 && rank < 5) hit5++
      if (rank >= 0) rr += 1 / (rank + 1)
      else misses.push(item.q)
      if (!r.decision.grounded) {
        wronglyDeclined++
        wrongDecisions.push({ q: item.q, expected: 'answer', coverage: round(r.decision.coverage), similarity: round(r.decision.similarity) })
      }
    } else {
      uncovered++
      if (!r.decision.grounded) declinedCorrectly++
      else wrongDecisions.push({ q: item.q, expected: 'decline', coverage: round(r.decision.coverage), similarity: round(r.decision.similarity) })
    }
  }
  return {
    questions: items.length,
    covered,
    notCovered: uncovered,
    hit1: round(covered ? hit1 / covered : 0),
    hit5: round(covered ? hit5 / covered : 0),
    mrr: round(covered ? rr / covered : 0),
    notCoveredDeclined: round(uncovered ? declinedCorrectly / uncovered : 0),
    coveredWronglyDeclined: round(covered ? wronglyDeclined / covered : 0),
    thresholds: THRESHOLDS,
    misses,
    wrongDecisions,
  }
}

/**
 * Grid search over the decision thresholds by balanced accuracy. Reports the best point and, per
 * threshold, the range where accuracy stays within 1 question of the best — pick from the middle of
 * that range rather than its edge, so the line isn't fitted to these particular questions.
 */
export async function calibrate(engine: QaEngine, items: EvalItem[]) {
  const rows: { q: string; covered: boolean; coverage: number; similarity: number }[] = []
  for (const item of items) {
    const r = await engine.retrieve(item.q, 10)
    const s = signals(engine.index, r.query, r.passages)
    rows.push({ q: item.q, covered: item.must.length > 0, coverage: round(s.coverage), similarity: round(s.similarity) })
  }
  const pos = rows.filter((r) => r.covered).length
  const neg = rows.length - pos
  const score = (t: Thresholds) => {
    let tp = 0
    let tn = 0
    for (const r of rows) {
      const g = r.coverage >= t.strongCoverage || (r.coverage >= t.coverage && r.similarity >= t.similarity)
      if (g && r.covered) tp++
      if (!g && !r.covered) tn++
    }
    return { balanced: (pos ? tp / pos : 1) / 2 + (neg ? tn / neg : 1) / 2, errors: pos - tp + (neg - tn) }
  }
  const grid: { t: Thresholds; balanced: number; errors: number }[] = []
  for (let c = 0.2; c <= 0.951; c += 0.05)
    for (let s = 0; s <= 0.501; s += 0.02)
      for (const strong of [0.7, 0.8, 0.9, 1.01]) {
        const t = { coverage: round(c), similarity: round(s), strongCoverage: strong }
        grid.push({ t, ...score(t) })
      }
  grid.sort((a, b) => b.balanced - a.balanced || a.errors - b.errors)
  const best = grid[0]!
  const near = grid.filter((g) => g.errors <= best.errors + 1)
  const span = (f: (t: Thresholds) => number) => [Math.min(...near.map((g) => f(g.t))), Math.max(...near.map((g) => f(g.t)))]
  return {
    current: { thresholds: THRESHOLDS, ...score(THRESHOLDS) },
    best,
    nearBestRanges: { coverage: span((t) => t.coverage), similarity: span((t) => t.similarity), strongCoverage: span((t) => t.strongCoverage) },
    rows,
  }
}
