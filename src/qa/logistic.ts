// A small L2-regularised logistic regression, fitted by Newton's method (a handful of features, a few hundred
// rows: exact and deterministic, no library needed). Features are standardised with the training rows' mean
// and spread, so one regularisation strength fits them all; the two classes weigh the same in the loss
// (uncovered questions are the minority, and declining them is half the job).
import { z } from 'zod'

export interface LogisticModel {
  mean: number[]
  scale: number[]
  bias: number
  weights: number[]
}

/** The fields every shipped logistic model file has (the decision's and the ranker's add their own). */
export const logisticFileFields = {
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  bias: z.number(),
  weights: z.array(z.number()),
  /** How it was trained and what cross-validation measured (for people; the runtime ignores it). */
  trained: z.record(z.string(), z.unknown()).optional(),
}

/** A model file's features must be ones this code computes, with a weight, mean and spread each. */
export function checkFeatures(what: string, m: LogisticModel & { features: string[] }, known: object): void {
  const unknown = m.features.filter((n) => !(n in known))
  if (unknown.length) throw new Error(`${what}: unknown features ${unknown.join(',')}; retrain it`)
  if (m.weights.length !== m.features.length || m.mean.length !== m.features.length || m.scale.length !== m.features.length)
    throw new Error(`${what}: weights do not match its features; retrain it`)
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

export function predict(m: LogisticModel, x: number[]): number {
  let z = m.bias
  for (let j = 0; j < x.length; j++) z += (m.weights[j]! * (x[j]! - m.mean[j]!)) / m.scale[j]!
  return sigmoid(z)
}

/** Solves A·x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]!])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r
    ;[m[c], m[p]] = [m[p]!, m[c]!]
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!
    x[r] = s / m[r]![r]!
  }
  return x
}

/**
 * Fits on rows `x` with labels `y` (1 = covered); `lambda` is the L2 strength on the standardised weights (not
 * the bias). `signs` (+1, −1 or 0 per feature) says which way each feature may push: a weight that comes out the
 * other way is held at zero and the rest refitted, until every weight agrees with its sign (a feature then
 * either helps the way its meaning says or is left out — a few hundred questions must not teach "more of the
 * question found nowhere in the folder means more covered").
 */
export function fitLogistic(x: number[][], y: number[], lambda: number, signs?: number[]): LogisticModel {
  const d = x[0]?.length ?? 0
  const off = new Set<number>()
  for (;;) {
    const m = fitFree(x, y, lambda, off)
    const wrong = signs ? m.weights.map((w, j) => (signs[j]! * w < -1e-12 ? j : -1)).filter((j) => j >= 0) : []
    if (!wrong.length || off.size >= d) return m
    // Drop the most contrary one first; another may come right once it is gone.
    const worst = wrong.sort((a, b) => Math.abs(m.weights[b]!) - Math.abs(m.weights[a]!))[0]!
    off.add(worst)
  }
}

function fitFree(x: number[][], y: number[], lambda: number, off: Set<number>, iterations = 30): LogisticModel {
  const d = x[0]?.length ?? 0
  const n = x.length
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / n)
  const scale = mean.map((mu, j) => Math.sqrt(x.reduce((s, r) => s + (r[j]! - mu) ** 2, 0) / n) || 1)
  // A feature held at zero is read as a constant: its weight stays 0.
  const z = x.map((r) => [1, ...r.map((v, j) => (off.has(j) ? 0 : (v - mean[j]!) / scale[j]!))])
  const pos = y.filter((v) => v === 1).length
  // Each class carries half the total weight.
  const cw = y.map((v) => (v === 1 ? 0.5 / Math.max(1, pos) : 0.5 / Math.max(1, n - pos)) * n)
  const w = new Array<number>(d + 1).fill(0)
  for (let it = 0; it < iterations; it++) {
    const g = w.map((wj, j) => (j ? lambda * wj : 0))
    // The held features' rows get a unit diagonal so the system stays solvable; their gradient is 0.
    const h = w.map((_, j) => w.map((__, k) => (j === k && j ? (off.has(j - 1) ? 1 : lambda) : 0)))
    z.forEach((row, i) => {
      const p = sigmoid(row.reduce((s, v, j) => s + v * w[j]!, 0))
      const r = cw[i]! * (p - y[i]!)
      const c = cw[i]! * p * (1 - p)
      for (let j = 0; j <= d; j++) {
        g[j]! += r * row[j]!
        for (let k = 0; k <= d; k++) h[j]![k]! += c * row[j]! * row[k]!
      }
    })
    const step = solve(h, g)
    let moved = 0
    for (let j = 0; j <= d; j++) {
      w[j]! -= step[j]!
      moved = Math.max(moved, Math.abs(step[j]!))
    }
    if (moved < 1e-9) break
  }
  return { mean, scale, bias: w[0]!, weights: w.slice(1) }
}

/** A small deterministic generator (mulberry32), so folds are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fold number per row, each class spread evenly over the k folds (shuffled with `seed`). */
export function stratifiedFolds(y: number[], k: number, seed: number): number[] {
  const rnd = seeded(seed)
  const folds = new Array<number>(y.length).fill(0)
  for (const label of [0, 1]) {
    const idx = y.map((v, i) => [v, i] as const).filter(([v]) => v === label).map(([, i]) => i)
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      ;[idx[i], idx[j]] = [idx[j]!, idx[i]!]
    }
    idx.forEach((row, n) => (folds[row] = n % k))
  }
  return folds
}

/** Out-of-fold probabilities: each row predicted by a model fitted without its fold. */
export function outOfFold(x: number[][], y: number[], lambda: number, folds: number[], k: number, signs?: number[]): number[] {
  const p = new Array<number>(y.length).fill(0)
  for (let f = 0; f < k; f++) {
    const train = folds.map((g, i) => (g !== f ? i : -1)).filter((i) => i >= 0)
    const m = fitLogistic(train.map((i) => x[i]!), train.map((i) => y[i]!), lambda, signs)
    folds.forEach((g, i) => {
      if (g === f) p[i] = predict(m, x[i]!)
    })
  }
  return p
}
