// Fits the second-look model (second-look.ts) on the tuning side, and measures it the way a new writer meets it:
// leave-one-batch-out, each batch (one writer, one persona) predicted by a model fitted on the other batches, with
// the vocabulary chosen without it too. The figures go into the model file's `trained` for people to read.
import type { Outcome } from './decide.ts'
import { afterSecondLook, BASE_NAMES, secondLookRow, secondLookScore, WINDOW_KINDS, type SecondLookModel } from './second-look.ts'
import { fitSparseLogistic } from './sparse-logistic.ts'

export interface SecondLookTrainRow {
  /** The batch (writer) the question came from: the unit left out in cross-validation. */
  group: string
  covered: boolean
  /** What the model reads of the question and its best window (secondLookFeatures). */
  features: string[]
  /** The first decision's signals (BASE_NAMES order). */
  base: number[]
  first: Outcome
  offDomain: boolean
}

export interface SecondLookOptions {
  /** Inverse L2 strength (as in liblinear / scikit-learn's C). */
  C?: number
  /** A gram gets a weight only if at least this many training questions have it absent. */
  minDf?: number
  decline?: number
  undecline?: number
  sizes?: number[]
  /** Kinds of value (WINDOW_KINDS) the question's words are crossed with. */
  kinds?: string[]
}

/** Chosen on the tuning side's leave-one-batch-out figures (test/fixtures/qa-real/README.md, twenty-fourth session). */
export const SECOND_LOOK_DEFAULTS: Required<SecondLookOptions> = { C: 3, minDf: 3, decline: 0.3, undecline: 0.5, sizes: [1, 2, 3], kinds: Object.keys(WINDOW_KINDS) }

function fit(rows: SecondLookTrainRow[], o: Required<SecondLookOptions>): SecondLookModel {
  const df = new Map<string, number>()
  for (const r of rows) for (const g of r.features) df.set(g, (df.get(g) ?? 0) + 1)
  const grams = [...df].filter(([, n]) => n >= o.minDf).map(([g]) => g).sort()
  const k = BASE_NAMES.length
  const mean = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r.base[j]!, 0) / rows.length)
  const scale = mean.map((mu, j) => Math.sqrt(rows.reduce((s, r) => s + (r.base[j]! - mu) ** 2, 0) / rows.length) || 1)
  const shell: SecondLookModel = { sizes: o.sizes, kinds: o.kinds, grams, gramWeights: [], base: [...BASE_NAMES], mean, scale, baseWeights: [], bias: 0, decline: o.decline, undecline: o.undecline }
  const vocab = new Map(grams.map((g, j) => [g, j]))
  const x = rows.map((r) => secondLookRow(shell, vocab, r.features, r.base))
  const w = fitSparseLogistic(x, rows.map((r) => (r.covered ? 1 : 0)), grams.length + k, o.C)
  const round = (v: number) => Math.round(v * 1e6) / 1e6
  return { ...shell, gramWeights: w.weights.slice(0, grams.length).map(round), baseWeights: w.weights.slice(grams.length).map(round), bias: round(w.bias) }
}

/** Shares of uncovered questions declined / answered outright and of covered ones declined / hedged. */
export function outcomeShares(rows: { covered: boolean }[], outcomes: Outcome[]) {
  const of = (covered: boolean, o: Outcome) => {
    const idx = rows.map((r, i) => (r.covered === covered ? i : -1)).filter((i) => i >= 0)
    return idx.length ? Math.round((idx.filter((i) => outcomes[i] === o).length / idx.length) * 1000) / 1000 : 0
  }
  return { notCoveredDeclined: of(false, 'decline'), notCoveredAnsweredOutright: of(false, 'answer'), coveredDeclined: of(true, 'decline'), coveredHedged: of(true, 'hedge') }
}

/** Area under the ROC curve of `p` for labels `y` (ties counted half). */
export function auc(p: number[], y: boolean[]): number {
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0])
  let rank = 0
  let sumPos = 0
  for (let i = 0; i < order.length; ) {
    let j = i
    while (j < order.length && order[j]![0] === order[i]![0]) j++
    const mid = (i + j + 1) / 2
    for (let t = i; t < j; t++) if (y[order[t]![1]]) sumPos += mid
    rank = j
    i = j
  }
  const pos = y.filter(Boolean).length
  const neg = rank - pos
  return pos && neg ? (sumPos - (pos * (pos + 1)) / 2) / (pos * neg) : 0.5
}

export function trainSecondLook(rows: SecondLookTrainRow[], options: SecondLookOptions = {}): SecondLookModel {
  const o = { ...SECOND_LOOK_DEFAULTS, ...options }
  const groups = [...new Set(rows.map((r) => r.group))].sort()
  const oof = new Array<number>(rows.length).fill(0)
  for (const g of groups) {
    const m = fit(rows.filter((r) => r.group !== g), o)
    rows.forEach((r, i) => {
      if (r.group === g) oof[i] = secondLookScore(m, r.features, r.base)
    })
  }
  const model = fit(rows, o)
  const after = rows.map((r, i) => afterSecondLook(o, r.first, oof[i]!, r.offDomain))
  model.trained = {
    rows: rows.length,
    covered: rows.filter((r) => r.covered).length,
    grams: model.grams.length,
    options: o,
    leaveOneBatchOut: {
      batches: groups.length,
      auc: Math.round(auc(oof, rows.map((r) => r.covered)) * 10000) / 10000,
      first: outcomeShares(rows, rows.map((r) => r.first)),
      after: outcomeShares(rows, after),
    },
  }
  return model
}

/** The model file's text: one line per field, since the gram list runs to thousands of entries. */
export function secondLookFileText(m: SecondLookModel): string {
  return `{\n${Object.entries(m).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`
}
