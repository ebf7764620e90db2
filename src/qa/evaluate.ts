// Retrieval evaluation and threshold calibration on a JSONL file of {"q", "must": [...]}
// (empty must = the documents don't cover the question, the bot should decline).
import { z } from 'zod'
import type { QaEngine } from './engine.ts'
import type { BaselineBm25 } from './baseline.ts'
import { stripPinyin } from './clean.ts'
import { normalizeForIndex } from './normalize.ts'
import { prepareQuery, rankedCandidates, type Passage } from './retrieve.ts'
import { collectQuestion, trainRanker, type RankTrainOptions } from './ranker-train.ts'
import { decisionFeatures } from './decide.ts'
import { DECISION_MODEL, DEFAULT_FEATURES, featureVector, type FeatureName } from './decision-model.ts'
import { trainDecision, type TrainOptions, type TrainRow } from './decision-train.ts'
import { coverageSpec } from './rerank.ts'
import { BASE_NAMES, baseSignals, secondLookFeatures } from './second-look.ts'
import { SECOND_LOOK_DEFAULTS, trainSecondLook, type SecondLookOptions, type SecondLookTrainRow } from './second-look-train.ts'

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
  // A must copied from the Traditional-script page may carry its pinyin brackets (婦聯(lián)); ingest removes them.
  return must.some((m) => norm.includes(normalizeForIndex(stripPinyin(m))))
}

/** The batch files of the real-document set in a folder, in the order they were written (a–z, then aa, ab, …). */
export function questionFiles(names: string[]): string[] {
  return names
    .filter((n) => /^questions-[a-z]+\.jsonl$/.test(n))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
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
  let coveredHedged = 0
  let notCoveredHedged = 0
  /** Covered questions answered (outright or hedged), and how many of those replies quote the answer itself. */
  let replied = 0
  let quoted = 0
  const misses: string[] = []
  /** Covered questions whose first passage is not a hit (rank given, -1 beyond k). */
  const notFirst: string[] = []
  const kinds = new Map<string, number[]>()
  const wrongDecisions: { q: string; expected: 'answer' | 'decline'; outcome: string; coverage: number; typeOk: boolean }[] = []
  const wrong = (item: EvalItem, expected: 'answer' | 'decline', d: Awaited<ReturnType<QaEngine['retrieve']>>['decision']) =>
    wrongDecisions.push({ q: item.id ? `${item.id} ${item.q}` : item.q, expected, outcome: d.outcome, coverage: round(d.coverage), typeOk: d.typeOk })
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
      if (rank !== 0) notFirst.push(`${rank} ${item.id ? `${item.id} ${item.q}` : item.q}`)
      if (r.decision.outcome === 'hedge') coveredHedged++
      if (r.decision.outcome !== 'decline') {
        // The reply a resident reads (offline: the quoted sentences), not only the passage it came from.
        replied++
        if (textHits((await engine.ask(item.q)).answer, item.must)) quoted++
      }
      if (r.decision.outcome === 'decline') {
        wronglyDeclined++
        wrong(item, 'answer', r.decision)
      }
    } else {
      uncovered++
      if (r.decision.outcome === 'decline') declinedCorrectly++
      else {
        if (r.decision.outcome === 'hedge') notCoveredHedged++
        wrong(item, 'decline', r.decision)
      }
    }
  }
  return {
    questions: items.length,
    covered,
    notCovered: uncovered,
    hit1: round(covered ? hit1 / covered : 0),
    hit5: round(covered ? hit5 / covered : 0),
    mrr: round(covered ? rr / covered : 0),
    // Counted strictly: a hedged reply (the passage, said to be perhaps not what was asked, with 转人工) is
    // not a decline. The hedged shares are reported beside, so either reading can be taken.
    notCoveredDeclined: round(uncovered ? declinedCorrectly / uncovered : 0),
    coveredWronglyDeclined: round(covered ? wronglyDeclined / covered : 0),
    notCoveredHedged: round(uncovered ? notCoveredHedged / uncovered : 0),
    coveredHedged: round(covered ? coveredHedged / covered : 0),
    /** Uncovered questions answered with no caveat: the confident wrong answers. */
    notCoveredAnsweredOutright: round(uncovered ? (uncovered - declinedCorrectly - notCoveredHedged) / uncovered : 0),
    /** Of the covered questions answered, the share whose reply text holds the answer (a `must` string). */
    replyQuotesAnswer: round(replied ? quoted / replied : 0),
    rule: { answer: DECISION_MODEL.answer, hedge: DECISION_MODEL.hedge, floor: DECISION_MODEL.floor, focusGate: DECISION_MODEL.focusGate },
    byKind: Object.fromEntries([...kinds].map(([kind, ranks]) => [kind, rankingFigures(ranks)])),
    misses,
    notFirst,
    wrongDecisions,
  }
}

/**
 * Trains the covered / not-covered model (decision-train.ts) on these questions — the tuning side only — and
 * returns it with its cross-validation figures; `weijia eval --train-decision FILE` writes it.
 */
export async function trainOn(engine: QaEngine, items: EvalItem[], features: FeatureName[] = DEFAULT_FEATURES, budgets: Pick<TrainOptions, 'maxCoveredDeclined' | 'maxCoveredHedged' | 'focusGates'> = {}) {
  const rows: TrainRow[] = []
  for (const item of items) {
    const r = await engine.retrieve(item.q, 10)
    // The signals the runtime decided on (the question's own words, the hand order: retrieve.ts), so the model
    // is fitted on what it will read.
    const f = r.decision.features ?? decisionFeatures(engine.index, r.query, coverageSpec(engine.index, r.query), r.passages)
    rows.push({ x: featureVector(features, f), covered: item.must.length > 0, sentence: f.sentence, focus: f.focus, keyShare: f.extra.keyShare, detailFound: f.extra.detailAsked && f.extra.detailOk })
  }
  return trainDecision(rows, { features, ...budgets })
}

/** The batch an evaluation question came from: its id's letters (ay003 → ay). */
export const batchOf = (id: string): string => id.replace(/\d+$/u, '')

/**
 * Trains the second look (second-look.ts) on these questions — the tuning side only — from what the runtime
 * read: the first decision's outcome and signals, and what it reads of the question and its best window;
 * `weijia eval --train-second-look FILE` writes it.
 */
export async function trainSecondLookOn(engine: QaEngine, items: EvalItem[], options: SecondLookOptions = {}) {
  const sizes = options.sizes ?? SECOND_LOOK_DEFAULTS.sizes
  const kinds = options.kinds ?? SECOND_LOOK_DEFAULTS.kinds
  const rows: SecondLookTrainRow[] = []
  for (const item of items) {
    const r = await engine.retrieve(item.q, 10)
    const d = r.decision
    // No passages: declined before any decision is read, and nothing to learn from.
    if (!d.features || !d.first) continue
    rows.push({
      group: batchOf(item.id ?? item.q),
      covered: item.must.length > 0,
      features: secondLookFeatures(r.query.own, d.features.window, sizes, kinds),
      base: baseSignals(BASE_NAMES, d.features, d.probability, d.first),
      first: d.first,
      offDomain: Boolean(d.features.offDomain),
    })
  }
  return trainSecondLook(rows, options)
}

/**
 * Trains the learned ranker (ranker-train.ts) on these questions — the tuning side only — with its
 * cross-validation figures; `weijia eval --train-ranker FILE` writes it. Searches with the question alone (no
 * LLM rewrite), as the offline eval does.
 */
export async function trainRankerOn(engine: QaEngine, items: EvalItem[], options: RankTrainOptions = {}) {
  const maxDepth = Math.max(...(options.depths ?? [30]), 30)
  const qs = []
  for (const item of items) {
    const query = prepareQuery(engine.index, item.q)
    const ranked = await rankedCandidates(engine.index, query)
    qs.push(collectQuestion(engine.index, query, ranked, (p) => isHit(p, item.must), item.must.length > 0, maxDepth))
  }
  return trainRanker(engine.index, qs, options)
}
