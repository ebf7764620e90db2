// Fits the covered / not-covered model (decision-model.ts) on labelled tuning questions, choosing everything
// by cross-validation on those questions only:
// - the L2 strength: least class-balanced log-loss of out-of-fold probabilities (k folds, several shuffles);
// - the decline threshold: the highest at which at most `maxCoveredDeclined` of the covered questions'
//   out-of-fold probabilities fall below it (the target: covered questions are rarely turned away);
// - the answer threshold: the one that best separates covered from uncovered out-of-fold (Youden's J, the
//   middle of a tie), so what lies between is hedged.
// Then the figures of that whole recipe are measured by nested cross-validation (recipe run on k−1 folds,
// measured on the fold left out), and the model is refitted on all rows.
import { FEATURE_NAMES, FEATURE_SIGNS, type DecisionModel } from './decision-model.ts'
import { fitLogistic, outOfFold, predict, stratifiedFolds } from './logistic.ts'

export interface TrainRow {
  x: number[]
  covered: boolean
}

export interface TrainOptions {
  lambdas?: number[]
  k?: number
  /** Shuffles of the folds averaged over. */
  repeats?: number
  maxCoveredDeclined?: number
  seed?: number
  /** Direction each feature may push (decision-model.ts FEATURE_SIGNS by default). */
  signs?: number[]
}

const DEFAULTS = { lambdas: [0.1, 0.3, 1, 3, 10, 30, 100], k: 5, repeats: 5, maxCoveredDeclined: 0.05, seed: 20261201, signs: undefined as number[] | undefined }

interface Pooled {
  p: number[]
  y: number[]
}

function pooledOutOfFold(rows: TrainRow[], lambda: number, o: typeof DEFAULTS): Pooled {
  const x = rows.map((r) => r.x)
  const y = rows.map((r) => (r.covered ? 1 : 0))
  const out: Pooled = { p: [], y: [] }
  for (let rep = 0; rep < o.repeats; rep++) {
    out.p.push(...outOfFold(x, y, lambda, stratifiedFolds(y, o.k, o.seed + rep), o.k, o.signs))
    out.y.push(...y)
  }
  return out
}

function balancedLogLoss({ p, y }: Pooled): number {
  const loss = (label: number) => {
    const ps = p.filter((_, i) => y[i] === label)
    return ps.reduce((s, v) => s - Math.log(Math.min(1 - 1e-9, Math.max(1e-9, label ? v : 1 - v))), 0) / (ps.length || 1)
  }
  return (loss(0) + loss(1)) / 2
}

/** Candidate thresholds: midpoints between consecutive distinct probabilities. */
function cuts(p: number[]): number[] {
  const s = [...new Set(p)].sort((a, b) => a - b)
  return [0, ...s.slice(1).map((v, i) => (v + s[i]!) / 2), 1]
}

const below = (ps: number[], t: number) => ps.filter((v) => v < t).length / (ps.length || 1)

export function pickThresholds({ p, y }: Pooled, maxCoveredDeclined: number): { hedge: number; answer: number } {
  const pos = p.filter((_, i) => y[i] === 1)
  const neg = p.filter((_, i) => y[i] === 0)
  const c = cuts(p)
  const hedge = c.filter((t) => below(pos, t) <= maxCoveredDeclined + 1e-12).at(-1) ?? 0
  const j = c.map((t) => below(neg, t) - below(pos, t))
  const best = Math.max(...j)
  const at = c.filter((_, i) => j[i]! >= best - 1e-12)
  const answer = Math.max(hedge, at[Math.floor(at.length / 2)]!)
  return { hedge, answer }
}

/** The recipe: regularisation and both thresholds, chosen by cross-validation on `rows`. */
function choose(rows: TrainRow[], o: typeof DEFAULTS) {
  const tried = o.lambdas.map((lambda) => ({ lambda, pooled: pooledOutOfFold(rows, lambda, o) }))
  const losses = tried.map((t) => balancedLogLoss(t.pooled))
  const i = losses.indexOf(Math.min(...losses))
  const { lambda, pooled } = tried[i]!
  return { lambda, ...pickThresholds(pooled, o.maxCoveredDeclined), losses }
}

export interface DecisionFigures {
  coveredDeclined: number
  coveredHedged: number
  notCoveredDeclined: number
  notCoveredAnsweredOutright: number
}

function figures(p: number[], covered: boolean[], t: { hedge: number; answer: number }): DecisionFigures {
  const pos = p.filter((_, i) => covered[i])
  const neg = p.filter((_, i) => !covered[i])
  const share = (ps: number[], f: (v: number) => boolean) => ps.filter(f).length / (ps.length || 1)
  return {
    coveredDeclined: share(pos, (v) => v < t.hedge),
    coveredHedged: share(pos, (v) => v >= t.hedge && v < t.answer),
    notCoveredDeclined: share(neg, (v) => v < t.hedge),
    notCoveredAnsweredOutright: share(neg, (v) => v >= t.answer),
  }
}

const round = (x: number) => Number(x.toFixed(4))

export function trainDecision(rows: TrainRow[], options: TrainOptions = {}): DecisionModel {
  const o = { ...DEFAULTS, signs: FEATURE_SIGNS, ...options }
  const y = rows.map((r) => (r.covered ? 1 : 0))
  // Nested: the whole recipe on k−1 folds, measured on the one left out.
  const outer = stratifiedFolds(y, o.k, o.seed - 1)
  const perFold: DecisionFigures[] = []
  const p = new Array<number>(rows.length).fill(0)
  const thresholds: { lambda: number; hedge: number; answer: number }[] = []
  for (let f = 0; f < o.k; f++) {
    const train = rows.filter((_, i) => outer[i] !== f)
    const test = rows.map((r, i) => [r, i] as const).filter(([, i]) => outer[i] === f)
    const inner = choose(train, o)
    const m = fitLogistic(train.map((r) => r.x), train.map((r) => (r.covered ? 1 : 0)), inner.lambda, o.signs)
    const pt = test.map(([r]) => predict(m, r.x))
    test.forEach(([, i], n) => (p[i] = pt[n]!))
    thresholds.push(inner)
    perFold.push(figures(pt, test.map(([r]) => r.covered), inner))
  }
  // Ranking quality of the nested out-of-fold probabilities: chance a covered question outranks an uncovered one.
  const pos = p.filter((_, i) => y[i] === 1)
  const neg = p.filter((_, i) => y[i] === 0)
  const auc = pos.reduce((s, a) => s + neg.reduce((t, b) => t + (a > b ? 1 : a === b ? 0.5 : 0), 0), 0) / (pos.length * neg.length || 1)
  const mean = (key: keyof DecisionFigures) => round(perFold.reduce((s, f) => s + f[key], 0) / perFold.length)
  const chosen = choose(rows, o)
  const m = fitLogistic(rows.map((r) => r.x), y, chosen.lambda, o.signs)
  return {
    features: [...FEATURE_NAMES],
    mean: m.mean.map(round),
    scale: m.scale.map(round),
    bias: round(m.bias),
    weights: m.weights.map(round),
    answer: round(chosen.answer),
    hedge: round(chosen.hedge),
    lambda: chosen.lambda,
    trained: {
      rows: rows.length,
      covered: y.filter(Boolean).length,
      folds: o.k,
      repeats: o.repeats,
      seed: o.seed,
      maxCoveredDeclined: o.maxCoveredDeclined,
      balancedLogLoss: Object.fromEntries(o.lambdas.map((l, i) => [l, round(chosen.losses[i]!)])),
      nestedCrossValidation: {
        auc: round(auc),
        coveredDeclined: mean('coveredDeclined'),
        coveredHedged: mean('coveredHedged'),
        notCoveredDeclined: mean('notCoveredDeclined'),
        notCoveredAnsweredOutright: mean('notCoveredAnsweredOutright'),
        perFold: thresholds.map((t) => ({ lambda: t.lambda, hedge: round(t.hedge), answer: round(t.answer) })),
      },
    },
  }
}
