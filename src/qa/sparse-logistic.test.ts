import { describe, expect, it } from 'vitest'
import { fitLogistic, predict } from './logistic.ts'
import { fitSparseLogistic, sparseScore, type SparseRow } from './sparse-logistic.ts'

// Rows of three signals with a known pattern and some noise (a fixed generator: the same rows every run).
function rows(n: number): { x: number[][]; y: number[] } {
  let s = 7
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
  const x: number[][] = []
  const y: number[] = []
  for (let i = 0; i < n; i++) {
    const r = [rnd(), rnd() < 0.3 ? 1 : 0, rnd()]
    x.push(r)
    y.push(2 * r[0]! - 1.5 * r[1]! + (rnd() - 0.5) > 0.4 ? 1 : 0)
  }
  return { x, y }
}

describe('the sparse logistic fit (L-BFGS)', () => {
  it('finds the same model as the dense Newton fit on the same standardised rows (λ = 1 / C)', () => {
    const { x, y } = rows(400)
    const dense = fitLogistic(x, y, 1 / 3)
    // The dense fit standardises inside; give the sparse fit the same standardised values.
    const sparse: SparseRow[] = x.map((r) => ({ idx: [0, 1, 2], val: r.map((v, j) => (v - dense.mean[j]!) / dense.scale[j]!) }))
    const fit = fitSparseLogistic(sparse, y, 3, 3)
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(dense.weights[j]!, 3))
    expect(fit.bias).toBeCloseTo(dense.bias, 3)
    expect(sparseScore(fit, sparse[5]!)).toBeCloseTo(predict(dense, x[5]!), 4)
  })

  it('learns which binary features mark a class, and gives the same weights on every run', () => {
    // Feature 0 comes with label 0, feature 1 with label 1, feature 2 with both.
    const data: SparseRow[] = []
    const y: number[] = []
    for (let i = 0; i < 60; i++) {
      data.push({ idx: [i % 2 ? 1 : 0, 2], val: [1, 1] })
      y.push(i % 2)
    }
    const a = fitSparseLogistic(data, y, 3, 1)
    expect(a.weights[0]).toBeLessThan(-1)
    expect(a.weights[1]).toBeGreaterThan(1)
    expect(Math.abs(a.weights[2]!)).toBeLessThan(Math.abs(a.weights[0]!))
    expect(fitSparseLogistic(data, y, 3, 1)).toEqual(a)
  })
})
