// Retrieval evaluation and threshold calibration on a JSONL file of {"q", "must": [...]}
// (empty must = the documents don't cover the question, the bot should decline).
import { z } from 'zod'
import type { QaEngine } from './engine.ts'
import type { BaselineBm25 } from './baseline.ts'
import { normalizeForIndex } from './normalize.ts'
import type { Passage } from './retrieve.ts'
import { DECISION_MODEL, FEATURE_NAMES, decisionFeatures, featureVector, fitLogistic, probability, type DecisionModel } from './decide.ts'
import { coverageSpec } from './rerank.ts'

// id and kind are optional: the sample KB's file has neither, the real-document set has both.
const itemSchema = z.object({ q: z.string().min(1), must: z.array(z.string()), id: z.string().optional(), kind: z.string().optional() })
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
  return textHits(`${p.chunk.heading.join(' ')} ${p.chunk.text}`, must)
}

export function textHits(text: string, must: string[]): boolean {
  const norm = normalizeForIndex(text)
  return must.some((m) => norm.includes(normalizeForIndex(m)))
}

/** The split file of a development set: which question ids tune, which are held out. */
const splitSchema = z.object({ tune: z.array(z.string()), heldout: z.array(z.string()) })
export type Split = z.infer<typeof splitSchema>

export function readSplit(text: string): Split {
  const parsed = splitSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new Error('split file: expected {"tune": [ids], "heldout": [ids]}')
  return parsed.data
}

export function splitItems(items: EvalItem[], split: Split): { tune: EvalItem[]; heldout: EvalItem[] } {
  const tune = new Set(split.tune)
  const heldout = new Set(split.heldout)
  return { tune: items.filter((i) => i.id && tune.has(i.id)), heldout: items.filter((i) => i.id && heldout.has(i.id)) }
}

/** Ranking figures from the rank of the first hit per covered question (-1: not in the list). */
export function rankingFigures(ranks: number[]) {
  const n = ranks.length
  const at = (k: number) => ranks.filter((r) => r >= 0 && r < k).length
  const rr = ranks.reduce((s, r) => s + (r >= 0 ? 1 / (r + 1) : 0), 0)
  return { covered: n, hit1: round(n ? at(1) / n : 0), hit5: round(n ? at(5) / n : 0), mrr: round(n ? rr / n : 0) }
}

/** The baseline ranked on the same questions; it has no covered / not-covered decision. */
export function evaluateBaseline(baseline: BaselineBm25, items: EvalItem[], k = 10) {
  const ranks = items.filter((i) => i.must.length).map((i) => baseline.search(i.q, k).findIndex((p) => textHits(p.text, i.must)))
  return rankingFigures(ranks)
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
  const kinds = new Map<string, number[]>()
  const wrongDecisions: { q: string; expected: 'answer' | 'decline'; coverage: number; probability: number }[] = []
  for (const item of items) {
    const r = await engine.retrieve(item.q, k)
    if (item.must.length) {
      covered++
      const rank = r.passages.findIndex((p) => isHit(p, item.must))
      if (item.kind) kinds.set(item.kind, [...(kinds.get(item.kind) ?? []), rank])
      if (rank === 0) hit1++
      if (rank >= 0 && rank < 5) hit5++
      if (rank >= 0) rr += 1 / (rank + 1)
      else misses.push(item.id ? `${item.id} ${item.q}` : item.q)
      if (!r.decision.grounded) {
        wronglyDeclined++
        wrongDecisions.push({ q: item.id ? `${item.id} ${item.q}` : item.q, expected: 'answer', coverage: round(r.decision.coverage), probability: round(r.decision.probability) })
      }
    } else {
      uncovered++
      if (!r.decision.grounded) declinedCorrectly++
      else wrongDecisions.push({ q: item.id ? `${item.id} ${item.q}` : item.q, expected: 'decline', coverage: round(r.decision.coverage), probability: round(r.decision.probability) })
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
    model: DECISION_MODEL,
    byKind: Object.fromEntries([...kinds].map(([kind, ranks]) => [kind, rankingFigures(ranks)])),
    misses,
    wrongDecisions,
  }
}

/**
 * Fits the covered / not-covered model (decide.ts) on these questions: the logistic weights, then, per
 * probability threshold, the share of covered questions declined and of uncovered ones declined, so the
 * threshold can be picked from a flat stretch rather than the edge of one. Run on the tuning half only.
 */
export async function calibrate(engine: QaEngine, items: EvalItem[]) {
  const rows: { q: string; covered: boolean; x: number[] }[] = []
  for (const item of items) {
    const r = await engine.retrieve(item.q, 10)
    const f = decisionFeatures(engine.index, r.query, coverageSpec(engine.index, r.query), r.passages)
    rows.push({ q: item.id ? `${item.id} ${item.q}` : item.q, covered: item.must.length > 0, x: featureVector(f).map(round) })
  }
  const fitted = fitLogistic(rows.map((r) => r.x), rows.map((r) => (r.covered ? 1 : 0)))
  const pos = rows.filter((r) => r.covered)
  const neg = rows.filter((r) => !r.covered)
  const curve = (model: DecisionModel) =>
    [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8].map((t) => ({
      threshold: t,
      coveredDeclined: round(pos.filter((r) => probability({ ...model, threshold: t }, r.x) < t).length / (pos.length || 1)),
      notCoveredDeclined: round(neg.filter((r) => probability({ ...model, threshold: t }, r.x) < t).length / (neg.length || 1)),
    }))
  const fittedModel = { ...fitted, threshold: 0.5 }
  return {
    features: FEATURE_NAMES,
    current: { model: DECISION_MODEL, curve: curve(DECISION_MODEL) },
    fitted: { bias: round(fitted.bias), weights: fitted.weights.map(round), curve: curve(fittedModel) },
    rows: rows.map((r) => ({ ...r, p: round(probability(DECISION_MODEL, r.x)) })),
  }
}
