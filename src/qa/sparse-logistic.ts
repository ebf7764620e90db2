// An L2-regularised logistic regression over sparse rows (thousands of binary features, a few thousand rows),
// fitted by L-BFGS. logistic.ts's Newton fit builds the full Hessian, fine for ten dense signals and far too big
// here. Deterministic: the same rows give the same weights on every run. Classes weigh the same in the loss (each
// carries half of it), as in logistic.ts.

/** One row: indices of its features with their values (binary features have value 1). */
export interface SparseRow {
  idx: number[]
  val: number[]
}

export interface SparseFit {
  bias: number
  weights: number[]
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

export function sparseScore(m: SparseFit, row: SparseRow): number {
  let z = m.bias
  for (let k = 0; k < row.idx.length; k++) z += m.weights[row.idx[k]!]! * row.val[k]!
  return sigmoid(z)
}

/**
 * Minimises Σ cᵢ·logloss(rowᵢ) + ‖w‖² / (2·C), the bias unpenalised (cᵢ: each class carries half the rows'
 * total weight). `dims` is the number of features.
 */
export function fitSparseLogistic(rows: SparseRow[], y: number[], dims: number, C: number, maxIter = 500): SparseFit {
  const n = rows.length
  const pos = y.filter((v) => v === 1).length
  const cw = y.map((v) => (v === 1 ? 0.5 / Math.max(1, pos) : 0.5 / Math.max(1, n - pos)) * n)
  const d = dims + 1 // the last one is the bias
  const loss = (w: Float64Array, g: Float64Array): number => {
    g.fill(0)
    let f = 0
    for (let j = 0; j < dims; j++) {
      f += (w[j]! * w[j]!) / (2 * C)
      g[j] = w[j]! / C
    }
    for (let i = 0; i < n; i++) {
      const r = rows[i]!
      let z = w[dims]!
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]!]! * r.val[k]!
      // log(1 + e^z) − y·z, written to stay finite for large |z|.
      f += cw[i]! * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i]! * z)
      const e = cw[i]! * (sigmoid(z) - y[i]!)
      for (let k = 0; k < r.idx.length; k++) g[r.idx[k]!]! += e * r.val[k]!
      g[dims]! += e
    }
    return f
  }
  const w = lbfgs(loss, new Float64Array(d), maxIter)
  return { bias: w[dims]!, weights: Array.from(w.subarray(0, dims)) }
}

/** Limited-memory BFGS (ten pairs) with a backtracking Armijo line search. */
function lbfgs(fg: (w: Float64Array, g: Float64Array) => number, w: Float64Array, maxIter: number, memory = 10): Float64Array {
  const d = w.length
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0
    for (let j = 0; j < d; j++) s += a[j]! * b[j]!
    return s
  }
  let g = new Float64Array(d)
  let f = fg(w, g)
  const ss: Float64Array[] = []
  const ys: Float64Array[] = []
  const dir = new Float64Array(d)
  const next = new Float64Array(d)
  let gNext = new Float64Array(d)
  for (let it = 0; it < maxIter; it++) {
    // Two-loop recursion: dir = −H·g.
    dir.set(g)
    const alpha: number[] = []
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = dot(ss[k]!, dir) / dot(ys[k]!, ss[k]!)
      alpha[k] = a
      for (let j = 0; j < d; j++) dir[j]! -= a * ys[k]![j]!
    }
    if (ss.length) {
      const last = ss.length - 1
      const gamma = dot(ss[last]!, ys[last]!) / dot(ys[last]!, ys[last]!)
      for (let j = 0; j < d; j++) dir[j]! *= gamma
    }
    for (let k = 0; k < ss.length; k++) {
      const b = dot(ys[k]!, dir) / dot(ys[k]!, ss[k]!)
      for (let j = 0; j < d; j++) dir[j]! += ss[k]![j]! * (alpha[k]! - b)
    }
    for (let j = 0; j < d; j++) dir[j] = -dir[j]!
    let slope = dot(g, dir)
    if (slope >= 0) {
      // Not a descent direction: start the memory afresh along the gradient.
      ss.length = 0
      ys.length = 0
      for (let j = 0; j < d; j++) dir[j] = -g[j]!
      slope = dot(g, dir)
    }
    let step = it === 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1
    let fNext = Infinity
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < d; j++) next[j] = w[j]! + step * dir[j]!
      fNext = fg(next, gNext)
      if (fNext <= f + 1e-4 * step * slope) break
      step /= 2
    }
    if (!(fNext < f)) break
    const s = new Float64Array(d)
    const yv = new Float64Array(d)
    for (let j = 0; j < d; j++) {
      s[j] = next[j]! - w[j]!
      yv[j] = gNext[j]! - g[j]!
    }
    w.set(next)
    const done = f - fNext < 1e-10 * Math.max(1, Math.abs(f))
    f = fNext
    ;[g, gNext] = [gNext, g]
    if (dot(s, yv) > 1e-12) {
      ss.push(s)
      ys.push(yv)
      if (ss.length > memory) {
        ss.shift()
        ys.shift()
      }
    }
    if (done) break
  }
  return w
}
