// Fits the covered / not-covered model (decision-model.ts) on labelled tuning questions, choosing everything
// by cross-validation on those questions only. The figures that matter are the replies' (answer / hedge /
// decline), so the recipe is scored on the same outcomes the runtime gives (outcome() below: the coverage
// floor, the focus gate and both thresholds):
// - the L2 strength: least class-balanced log-loss of out-of-fold probabilities (k folds, several shuffles);
// - the coverage floor, whether a missing focus caps the reply at a hedge, and the decline threshold: the
//   combination declining the most uncovered questions while at most `maxCoveredDeclined` of the covered ones
//   are declined out-of-fold;
// - the answer threshold: the highest (the fewest uncovered questions answered outright — the confident wrong
//   answers) at which at most `maxCoveredHedged` of the covered questions are hedged out-of-fold.
// Then the figures of that whole recipe are measured by nested cross-validation (recipe run on k−1 folds,
// measured on the fold left out), and the model is refitted on all rows.
import { DEFAULT_FEATURES, outcome, signsOf, type DecisionModel, type FeatureName, type Rule } from './decision-model.ts'
import { fitLogistic, predict, stratifiedFolds } from './logistic.ts'

export interface TrainRow {
  x: number[]
  covered: boolean
  /** Coverage of the question by the best sentence window (the floor is read on it). */
  sentence: number
  /** The question's focus is beside its topic (focus.ts); true when it has none. */
  focus: boolean
  /** Coverage of the question's most specific word in the best window (the key gate, decision-model.ts outcome). */
  keyShare?: number
  /** A detail of a known shape is asked and a window beside the topic has it (exempt from the key gate). */
  detailFound?: boolean
}

export interface TrainOptions {
  lambdas?: number[]
  k?: number
  /** Shuffles of the folds averaged over. */
  repeats?: number
  maxCoveredDeclined?: number
  maxCoveredHedged?: number
  /** Coverage floors tried (a best window covering less of the question is declined whatever the model says). */
  floors?: number[]
  /** Focus-gate settings tried (both by default; [true] keeps the gate on: a focus nowhere beside the topic is at most hedged). */
  focusGates?: boolean[]
  seed?: number
  /** The signals the model reads (decision-model.ts DEFAULT_FEATURES by default); rows' x must match. */
  features?: FeatureName[]
  /** Direction each feature may push (by the features' meaning, decision-model.ts, by default). */
  signs?: number[]
  /** The learner (the sign-constrained logistic regression by default); `lambdas` are its parameter values. */
  learner?: Learner
}

/** A learner the recipe can choose the parameter of: fitted on rows, it gives each row a probability. */
export interface Learner {
  fit: (x: number[][], y: number[], param: number, signs?: number[]) => (x: number[]) => number
}

export const LOGISTIC: Learner = {
  fit: (x, y, lambda, signs) => {
    const m = fitLogistic(x, y, lambda, signs)
    return (r) => predict(m, r)
  },
}

const DEFAULTS = { lambdas: [0.1, 0.3, 1, 3, 10, 30, 100], k: 5, repeats: 5, maxCoveredDeclined: 0.08, maxCoveredHedged: 0.15, floors: [0, 0.2, 0.25, 0.3], focusGates: [true, false], seed: 20261201, signs: undefined as number[] | undefined, learner: LOGISTIC }

interface Pooled {
  p: number[]
  y: number[]
  rows: TrainRow[]
}

function pooledOutOfFold(rows: TrainRow[], lambda: number, o: typeof DEFAULTS): Pooled {
  const x = rows.map((r) => r.x)
  const y = rows.map((r) => (r.covered ? 1 : 0))
  const out: Pooled = { p: [], y: [], rows: [] }
  for (let rep = 0; rep < o.repeats; rep++) {
    const folds = stratifiedFolds(y, o.k, o.seed + rep)
    const p = new Array<number>(y.length).fill(0)
    for (let f = 0; f < o.k; f++) {
      const train = folds.map((g, i) => (g !== f ? i : -1)).filter((i) => i >= 0)
      const model = o.learner.fit(train.map((i) => x[i]!), train.map((i) => y[i]!), lambda, o.signs)
      folds.forEach((g, i) => g === f && (p[i] = model(x[i]!)))
    }
    out.p.push(...p)
    out.y.push(...y)
    out.rows.push(...rows)
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

export interface DecisionFigures {
  coveredDeclined: number
  coveredHedged: number
  notCoveredDeclined: number
  notCoveredHedged: number
  notCoveredAnsweredOutright: number
}

function figures(p: number[], rows: TrainRow[], rule: Rule): DecisionFigures {
  const out = p.map((v, i) => outcome(rule, v, rows[i]!))
  const share = (covered: boolean, o: string) => {
    const idx = rows.map((r, i) => (r.covered === covered ? i : -1)).filter((i) => i >= 0)
    return idx.filter((i) => out[i] === o).length / (idx.length || 1)
  }
  return {
    coveredDeclined: share(true, 'decline'),
    coveredHedged: share(true, 'hedge'),
    notCoveredDeclined: share(false, 'decline'),
    notCoveredHedged: share(false, 'hedge'),
    notCoveredAnsweredOutright: share(false, 'answer'),
  }
}

/** The last of the ascending `xs` for which `ok` holds, `ok` holding on a prefix of them (monotone). */
function lastWithin(xs: number[], ok: (x: number) => boolean): number | undefined {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ok(xs[mid]!)) lo = mid + 1
    else hi = mid
  }
  return lo ? xs[lo - 1] : undefined
}

export function pickRule({ p, rows }: Pooled, o: { maxCoveredDeclined: number; maxCoveredHedged: number; floors: number[]; focusGates?: boolean[] }): Rule {
  const c = cuts(p)
  let best: { rule: Rule; f: DecisionFigures } | undefined
  // Strictly better: fewer uncovered answered outright, then more uncovered declined, then fewer covered hedged.
  const better = (a: DecisionFigures, b: DecisionFigures) =>
    a.notCoveredAnsweredOutright < b.notCoveredAnsweredOutright - 1e-12 ||
    (Math.abs(a.notCoveredAnsweredOutright - b.notCoveredAnsweredOutright) <= 1e-12 &&
      (a.notCoveredDeclined > b.notCoveredDeclined + 1e-12 ||
        (Math.abs(a.notCoveredDeclined - b.notCoveredDeclined) <= 1e-12 && a.coveredHedged < b.coveredHedged - 1e-12)))
  for (const floor of o.floors)
    for (const focusGate of o.focusGates ?? [true, false]) {
      // The decline threshold: the highest within the covered-declined budget (answer set out of the way).
      // (Both shares only grow with the threshold, so the last cut within budget is found by bisection.)
      const hedge = lastWithin(c, (t) => figures(p, rows, { floor, focusGate, hedge: t, answer: t }).coveredDeclined <= o.maxCoveredDeclined + 1e-12)
      if (hedge === undefined) continue
      // The answer threshold: the highest within the covered-hedged budget.
      const answer = lastWithin(c.filter((t) => t >= hedge), (t) => figures(p, rows, { floor, focusGate, hedge, answer: t }).coveredHedged <= o.maxCoveredHedged + 1e-12)
      if (answer === undefined) continue
      const rule = { floor, focusGate, hedge, answer }
      const f = figures(p, rows, rule)
      if (!best || better(f, best.f)) best = { rule, f }
    }
  // No combination within budget: the rules outside the model (outcome() in decision-model.ts: the key gate hedges,
  // the topic checks decline) already take more covered questions than allowed. Zero thresholds would then be
  // written as if chosen; say so instead.
  if (!best) {
    // At thresholds of 0 and the least strict floor and focus-gate setting tried, what the fixed rules alone take.
    const least = (o.focusGates ?? [true, false])
      .map((focusGate) => figures(p, rows, { floor: Math.min(...o.floors), focusGate, hedge: 0, answer: 0 }))
      .reduce((a, b) => (b.coveredDeclined + b.coveredHedged < a.coveredDeclined + a.coveredHedged ? b : a))
    throw new Error(
      `no thresholds keep covered questions within the budget (declined ≤ ${o.maxCoveredDeclined}, hedged ≤ ${o.maxCoveredHedged}): ` +
        `the fixed rules alone decline ${least.coveredDeclined.toFixed(3)} and hedge ${least.coveredHedged.toFixed(3)} of them`,
    )
  }
  return best.rule
}

/** The recipe: regularisation, floor, focus gate and both thresholds, chosen by cross-validation on `rows`. */
function choose(rows: TrainRow[], o: typeof DEFAULTS) {
  const tried = o.lambdas.map((lambda) => ({ lambda, pooled: pooledOutOfFold(rows, lambda, o) }))
  const losses = tried.map((t) => balancedLogLoss(t.pooled))
  const i = losses.indexOf(Math.min(...losses))
  const { lambda, pooled } = tried[i]!
  return { lambda, ...pickRule(pooled, o), losses }
}

const round = (x: number) => Number(x.toFixed(4))

export function trainDecision(rows: TrainRow[], options: TrainOptions = {}): DecisionModel {
  const names = options.features ?? DEFAULT_FEATURES
  // Options left undefined keep their defaults.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const o = { ...DEFAULTS, signs: signsOf(names), ...given }
  const y = rows.map((r) => (r.covered ? 1 : 0))
  // Nested: the whole recipe on k−1 folds, measured on the one left out.
  const outer = stratifiedFolds(y, o.k, o.seed - 1)
  const perFold: DecisionFigures[] = []
  const p = new Array<number>(rows.length).fill(0)
  const chosenPerFold: (Rule & { lambda: number })[] = []
  for (let f = 0; f < o.k; f++) {
    const train = rows.filter((_, i) => outer[i] !== f)
    const test = rows.filter((_, i) => outer[i] === f)
    const inner = choose(train, o)
    const m = o.learner.fit(train.map((r) => r.x), train.map((r) => (r.covered ? 1 : 0)), inner.lambda, o.signs)
    const pt = test.map((r) => m(r.x))
    rows.forEach((_, i) => outer[i] === f && (p[i] = m(rows[i]!.x)))
    chosenPerFold.push(inner)
    perFold.push(figures(pt, test, inner))
  }
  // Ranking quality of the nested out-of-fold probabilities: chance a covered question outranks an uncovered one.
  const pos = p.filter((_, i) => y[i] === 1)
  const neg = p.filter((_, i) => y[i] === 0)
  const auc = pos.reduce((s, a) => s + neg.reduce((t, b) => t + (a > b ? 1 : a === b ? 0.5 : 0), 0), 0) / (pos.length * neg.length || 1)
  const mean = (key: keyof DecisionFigures) => round(perFold.reduce((s, f) => s + f[key], 0) / perFold.length)
  const chosen = choose(rows, o)
  const m = fitLogistic(rows.map((r) => r.x), y, chosen.lambda, o.signs)
  return {
    features: [...names],
    mean: m.mean.map(round),
    scale: m.scale.map(round),
    bias: round(m.bias),
    weights: m.weights.map(round),
    answer: round(chosen.answer),
    hedge: round(chosen.hedge),
    floor: chosen.floor,
    focusGate: chosen.focusGate,
    lambda: chosen.lambda,
    trained: {
      rows: rows.length,
      covered: y.filter(Boolean).length,
      folds: o.k,
      repeats: o.repeats,
      seed: o.seed,
      maxCoveredDeclined: o.maxCoveredDeclined,
      maxCoveredHedged: o.maxCoveredHedged,
      balancedLogLoss: Object.fromEntries(o.lambdas.map((l, i) => [l, round(chosen.losses[i]!)])),
      nestedCrossValidation: {
        auc: round(auc),
        coveredDeclined: mean('coveredDeclined'),
        coveredHedged: mean('coveredHedged'),
        notCoveredDeclined: mean('notCoveredDeclined'),
        notCoveredHedged: mean('notCoveredHedged'),
        notCoveredAnsweredOutright: mean('notCoveredAnsweredOutright'),
        perFold: chosenPerFold.map((t) => ({ lambda: t.lambda, floor: t.floor, focusGate: t.focusGate, hedge: round(t.hedge), answer: round(t.answer) })),
      },
    },
  }
}
