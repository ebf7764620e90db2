// Multinomial logistic regression over sparse binary features, trained with AdaGrad and L2. Small enough to
// write by hand (no library for this in our stack does sparse text features well at this size), and a model
// is a plain JSON object: the vocabulary and one weight row per feature.

export interface SoftmaxModel {
  labels: string[]
  /** feature → weights per label (index aligned with `labels`). */
  weights: Record<string, number[]>
  bias: number[]
}

export interface TrainOptions {
  epochs?: number
  rate?: number
  l2?: number
  /** Features seen fewer times than this in training are dropped. */
  minCount?: number
  seed?: number
}

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export function train(samples: { features: string[]; label: string }[], opts: TrainOptions = {}): SoftmaxModel {
  const { epochs = 30, rate = 0.3, l2 = 1e-4, minCount = 2, seed = 7 } = opts
  const labels = [...new Set(samples.map((s) => s.label))].sort()
  const L = labels.length
  const count = new Map<string, number>()
  for (const s of samples) for (const f of new Set(s.features)) count.set(f, (count.get(f) ?? 0) + 1)
  const vocab = new Map<string, number>()
  for (const [f, c] of count) if (c >= minCount) vocab.set(f, vocab.size)
  const V = vocab.size
  const W = new Float64Array(V * L)
  const G = new Float64Array(V * L).fill(1e-8)
  const b = new Float64Array(L)
  const gb = new Float64Array(L).fill(1e-8)
  const data = samples.map((s) => ({ x: [...new Set(s.features)].map((f) => vocab.get(f)).filter((i): i is number => i !== undefined), y: labels.indexOf(s.label) }))
  const random = rng(seed)
  const p = new Float64Array(L)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = data.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[data[i], data[j]] = [data[j]!, data[i]!]
    }
    for (const { x, y } of data) {
      scores(W, b, x, L, p)
      for (let k = 0; k < L; k++) {
        const g = p[k]! - (k === y ? 1 : 0)
        gb[k]! += g * g
        b[k]! -= (rate * g) / Math.sqrt(gb[k]!)
        for (const f of x) {
          const idx = f * L + k
          const gw = g + l2 * W[idx]!
          G[idx]! += gw * gw
          W[idx]! -= (rate * gw) / Math.sqrt(G[idx]!)
        }
      }
    }
  }
  const weights: Record<string, number[]> = {}
  for (const [f, i] of vocab) weights[f] = Array.from(W.subarray(i * L, (i + 1) * L), (w) => Math.round(w * 1000) / 1000)
  return { labels, weights, bias: Array.from(b, (w) => Math.round(w * 1000) / 1000) }
}

function scores(W: Float64Array, b: Float64Array, x: number[], L: number, out: Float64Array) {
  for (let k = 0; k < L; k++) out[k] = b[k]!
  for (const f of x) for (let k = 0; k < L; k++) out[k]! += W[f * L + k]!
  softmaxInPlace(out)
}

function softmaxInPlace(out: Float64Array | number[]) {
  let max = -Infinity
  for (const v of out) max = Math.max(max, v)
  let sum = 0
  for (let k = 0; k < out.length; k++) {
    out[k] = Math.exp(out[k]! - max)
    sum += out[k]!
  }
  for (let k = 0; k < out.length; k++) out[k]! /= sum
}

/** Label probabilities, highest first. */
export function predict(model: SoftmaxModel, features: string[]): { label: string; p: number }[] {
  const s = [...model.bias]
  for (const f of new Set(features)) {
    const w = model.weights[f]
    if (w) for (let k = 0; k < s.length; k++) s[k]! += w[k]!
  }
  softmaxInPlace(s)
  return model.labels.map((label, k) => ({ label, p: s[k]! })).sort((a, b) => b.p - a.p)
}
