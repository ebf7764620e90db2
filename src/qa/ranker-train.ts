// Fits the learned ranker (ranker.ts) on the tuning questions only, choosing everything by k-fold
// cross-validation grouped by question (a question's candidates never sit on both sides of a fold):
// - pointwise (a candidate is positive when it contains a must string; classes weighted equally) or pairwise
//   (the difference of a positive and a negative candidate of one question; both orders, so no bias);
// - how many candidates it reorders (depth) and the L2 strength.
// Each variant is scored on what the reader sees: hit@1, hit@5 and MRR of the final list (reordered, near-
// duplicates dropped, 10 kept) out-of-fold, averaged over a few shuffles of the folds; the best MRR wins (ties:
// hit@1, then the simpler model). The variant table and the hand order's figures on the same questions go into
// the model file. Weights are sign-constrained by the features' meaning (logistic.ts), so a few hundred
// questions cannot teach "lower in the BM25 list is better".
import { fitLogistic, predict, seeded, type LogisticModel } from './logistic.ts'
import { featureRows, RANK_FEATURE_NAMES, reorderBy, type RankerModel, type RankFeatureName } from './ranker.ts'
import type { KnowledgeIndex } from './index-store.ts'
import { decide, finalOrder, type Passage, type PreparedQuery } from './retrieve.ts'
import type { Outcome } from './decide.ts'

export interface RankQuestion {
  query: PreparedQuery
  ranked: Passage[]
  /** Features of the first maxDepth candidates (RANK_FEATURE_NAMES order). */
  x: number[][]
  /** Per ranked candidate: contains a must string. */
  hit: boolean[]
  covered: boolean
}

export type RankMode = 'pointwise' | 'pairwise'

export interface RankTrainOptions {
  depths?: number[]
  lambdas?: number[]
  modes?: RankMode[]
  k?: number
  repeats?: number
  seed?: number
  /** Passages in the final list (the eval reads 10). */
  listSize?: number
  /** Named sets of features tried (FEATURE_SETS by default). */
  featureSets?: Record<string, RankFeatureName[]>
}

/**
 * Feature sets tried. `parts`: the hand reranker's parts and total, plus the answer-kind, key-term, best-sentence
 * and length signals — none of the searches' separate scores and ranks, which the fused score already holds (with
 * them, tune cross-validation came out lower: MRR 0.851 against 0.861).
 */
export const FEATURE_SETS: Record<string, RankFeatureName[]> = {
  all: RANK_FEATURE_NAMES,
  parts: ['handGap', 'handRank', 'fused', 'coverage', 'exact', 'heading', 'grams', 'sentence', 'window', 'typeAnswered', 'countAnswered', 'keyTerm', 'length'],
  /**
   * `parts` plus two question-type signals: the passage defines a term the question names (`defined`) and the
   * asked count or kind stands right beside a named term (`near`). Tune (515 questions, 331 covered), pairwise,
   * depth 20, λ 10, 3 shuffles: `parts` 0.783 / 0.961 / 0.864, `partsTyped` 0.806 / 0.962 / 0.875.
   */
  partsTyped: ['handGap', 'handRank', 'fused', 'coverage', 'exact', 'heading', 'grams', 'sentence', 'window', 'typeAnswered', 'countAnswered', 'keyTerm', 'length', 'defined', 'near'],
}

const DEFAULTS = { depths: [10, 20, 30], lambdas: [1, 3, 10, 30], modes: ['pointwise', 'pairwise'] as RankMode[], k: 5, repeats: 3, seed: 20261130, listSize: 10, featureSets: FEATURE_SETS }

/** Which way each feature may push a candidate up (0: either): by its meaning. */
const SIGN: Record<RankFeatureName, number> = {
  handGap: 1,
  handRank: -1,
  fused: 1,
  bm25: 1,
  bm25Rank: -1,
  dense: 1,
  denseRank: -1,
  coverage: 1,
  exact: 1,
  heading: 1,
  grams: 1,
  typeAnswered: 1,
  countAnswered: 1,
  keyTerm: 1,
  sentence: 1,
  window: 1,
  span: -1,
  keyTerms: 1,
  section: 1,
  neighbour: 1,
  length: 0,
  defined: 1,
  near: 1,
}

export function collectQuestion(index: KnowledgeIndex, query: PreparedQuery, ranked: Passage[], hitOf: (p: Passage) => boolean, covered: boolean, maxDepth: number): RankQuestion {
  return { query, ranked, x: featureRows(index, query, ranked, maxDepth), hit: ranked.map(hitOf), covered }
}

/** The chosen features' columns of a row of all features. */
const pick = (x: number[], cols: number[]) => cols.map((j) => x[j]!)

function trainingRows(qs: RankQuestion[], depth: number, mode: RankMode, cols: number[]): { x: number[][]; y: number[] } {
  const x: number[][] = []
  const y: number[] = []
  for (const q of qs) {
    if (!q.covered) continue
    const n = Math.min(depth, q.x.length)
    const pos = [...Array(n).keys()].filter((i) => q.hit[i])
    const neg = [...Array(n).keys()].filter((i) => !q.hit[i])
    // A question with no answer (or nothing but answers) in reach says nothing about the order.
    if (!pos.length || !neg.length) continue
    if (mode === 'pointwise')
      for (let i = 0; i < n; i++) {
        x.push(pick(q.x[i]!, cols))
        y.push(q.hit[i] ? 1 : 0)
      }
    else
      for (const a of pos)
        for (const b of neg) {
          const d = cols.map((j) => q.x[a]![j]! - q.x[b]![j]!)
          x.push(d, d.map((v) => -v))
          y.push(1, 0)
        }
  }
  return { x, y }
}

function fit(qs: RankQuestion[], depth: number, mode: RankMode, lambda: number, cols: number[]): LogisticModel {
  const { x, y } = trainingRows(qs, depth, mode, cols)
  const m = fitLogistic(x, y, lambda, cols.map((j) => SIGN[RANK_FEATURE_NAMES[j]!]))
  // Pairwise rows are symmetric: the fitted mean is 0 and the bias meaningless; scoring uses the same weights.
  return m
}

/** Rank of the first answering passage in the final list (−1: none). */
function firstHit(index: KnowledgeIndex, q: RankQuestion, order: Passage[], listSize: number): number {
  const hitOf = new Map(q.ranked.map((p, i) => [p.row, q.hit[i]!]))
  return finalOrder(index, q.query, order, listSize, null).findIndex((p) => hitOf.get(p.row))
}

function reordered(q: RankQuestion, m: LogisticModel, depth: number, cols: number[]): Passage[] {
  return reorderBy(q.ranked, q.x.slice(0, depth).map((x) => predict(m, pick(x, cols))))
}

const round = (x: number) => Number(x.toFixed(4))

function figures(ranks: number[]) {
  const n = ranks.length || 1
  return {
    hit1: round(ranks.filter((r) => r === 0).length / n),
    hit5: round(ranks.filter((r) => r >= 0 && r < 5).length / n),
    mrr: round(ranks.reduce((s, r) => s + (r >= 0 ? 1 / (r + 1) : 0), 0) / n),
  }
}

/** Question folds, shuffled with `seed`. */
function groupFolds(n: number, k: number, seed: number): number[] {
  const rnd = seeded(seed)
  const idx = [...Array(n).keys()]
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[idx[i], idx[j]] = [idx[j]!, idx[i]!]
  }
  const folds = new Array<number>(n).fill(0)
  idx.forEach((q, r) => (folds[q] = r % k))
  return folds
}

/** Out-of-fold final lists of one variant, for every question (covered or not), for each shuffle. */
function outOfFoldOrders(qs: RankQuestion[], cols: number[], depth: number, mode: RankMode, lambda: number, o: typeof DEFAULTS): Passage[][][] {
  const out: Passage[][][] = []
  for (let rep = 0; rep < o.repeats; rep++) {
    const folds = groupFolds(qs.length, o.k, o.seed + rep)
    const orders = new Array<Passage[]>(qs.length)
    for (let f = 0; f < o.k; f++) {
      const m = fit(qs.filter((_, i) => folds[i] !== f), depth, mode, lambda, cols)
      qs.forEach((q, i) => folds[i] === f && (orders[i] = reordered(q, m, depth, cols)))
    }
    out.push(orders)
  }
  return out
}

function cvFigures(index: KnowledgeIndex, qs: RankQuestion[], orders: Passage[][][], listSize: number) {
  const ranks = orders.flatMap((os) => qs.map((q, i) => (q.covered ? firstHit(index, q, os[i]!, listSize) : undefined)).filter((r): r is number => r !== undefined))
  return figures(ranks)
}

/** Decision outcomes (decide.ts reads the final list's best sentence) for covered and uncovered questions. */
export function decisionShares(index: KnowledgeIndex, qs: RankQuestion[], lists: Passage[][]) {
  const outcomes: Outcome[] = qs.map((q, i) => decide(index, q.query, lists[i]!).outcome)
  const share = (covered: boolean, o: Outcome) => {
    const idx = qs.map((q, i) => (q.covered === covered ? i : -1)).filter((i) => i >= 0)
    return round(idx.filter((i) => outcomes[i] === o).length / (idx.length || 1))
  }
  return {
    notCoveredDeclined: share(false, 'decline'),
    notCoveredHedged: share(false, 'hedge'),
    notCoveredAnsweredOutright: share(false, 'answer'),
    coveredWronglyDeclined: share(true, 'decline'),
    coveredHedged: share(true, 'hedge'),
  }
}

export function trainRanker(index: KnowledgeIndex, qs: RankQuestion[], options: RankTrainOptions = {}): RankerModel {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const o = { ...DEFAULTS, ...given }
  const colsOf = (set: string) => o.featureSets[set]!.map((n) => RANK_FEATURE_NAMES.indexOf(n))
  const hand = qs.map((q) => finalOrder(index, q.query, q.ranked, o.listSize, null))
  const handFigures = figures(qs.filter((q) => q.covered).map((q) => firstHit(index, q, q.ranked, o.listSize)))
  const variants: { features: string; mode: RankMode; depth: number; lambda: number; hit1: number; hit5: number; mrr: number }[] = []
  for (const features of Object.keys(o.featureSets))
    for (const mode of o.modes)
      for (const depth of o.depths)
        for (const lambda of o.lambdas)
          variants.push({ features, mode, depth, lambda, ...cvFigures(index, qs, outOfFoldOrders(qs, colsOf(features), depth, mode, lambda, o), o.listSize) })
  // Best MRR among the variants that keep hit@5 (the reader's first screen) at least the hand order's, then
  // hit@1; on a tie the shallower, more regularised variant (pointwise and the first feature set before others).
  const byMrr = [...variants].sort((a, b) => b.mrr - a.mrr || b.hit1 - a.hit1 || a.depth - b.depth || b.lambda - a.lambda)
  const keeps = (v: (typeof variants)[number]) => v.hit5 >= handFigures.hit5
  const best = byMrr.find(keeps) ?? byMrr[0]!
  // The chosen variant's out-of-fold lists (first shuffle) as the decision would read them, beside the hand order's.
  const oof = outOfFoldOrders(qs, colsOf(best.features), best.depth, best.mode, best.lambda, { ...o, repeats: 1 })[0]!
  const m = fit(qs, best.depth, best.mode, best.lambda, colsOf(best.features))
  return {
    // Shipped on only when cross-validation says it ranks better than the hand order; the lead may still turn it off.
    enabled: best.mrr > handFigures.mrr && best.hit1 > handFigures.hit1 && keeps(best),
    depth: best.depth,
    features: [...o.featureSets[best.features]!],
    mean: m.mean.map(round),
    scale: m.scale.map(round),
    bias: round(m.bias),
    weights: m.weights.map(round),
    trained: {
      questions: qs.length,
      covered: qs.filter((q) => q.covered).length,
      folds: o.k,
      repeats: o.repeats,
      seed: o.seed,
      chosen: { features: best.features, mode: best.mode, depth: best.depth, lambda: best.lambda },
      handOrder: handFigures,
      crossValidation: best,
      decisionHandOrder: decisionShares(index, qs, hand),
      // For reference: retrieve.ts decides on the hand order, so the shipped decision figures are decisionHandOrder's.
      decisionIfReadOnLearnedOrder: decisionShares(index, qs, oof.map((order, i) => finalOrder(index, qs[i]!.query, order, o.listSize, null))),
      variants,
    },
  }
}
