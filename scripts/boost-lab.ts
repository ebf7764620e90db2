// Boosted decision stumps (logistic loss, classes weighted equally), each stump held to its feature's sign.
import type { Learner } from '../src/qa/decision-train.ts'

export function boostLearner(eta = 0.1, depth = 1): Learner {
  return {
    fit: (x, y, rounds, signs) => {
      const n = x.length
      const d = x[0]?.length ?? 0
      const pos = y.filter((v) => v === 1).length
      const cw = y.map((v) => (v === 1 ? 0.5 / Math.max(1, pos) : 0.5 / Math.max(1, n - pos)) * n)
      // Candidate cuts per feature: midpoints of up to 32 quantiles.
      const cutsOf = (j: number) => {
        const vs = [...new Set(x.map((r) => r[j]!))].sort((a, b) => a - b)
        const step = Math.max(1, Math.floor(vs.length / 32))
        const out: number[] = []
        for (let i = step; i < vs.length; i += step) out.push((vs[i - 1]! + vs[i]!) / 2)
        return out
      }
      const cuts = Array.from({ length: d }, (_, j) => cutsOf(j))
      const bin = x.map((r) => r.map((v, j) => { let b = 0; while (b < cuts[j]!.length && v > cuts[j]![b]!) b++; return b }))
      const prior = Math.log(0.5 / 0.5)
      const f = new Array<number>(n).fill(prior)
      const trees: { j: number; c: number; lo: number; hi: number; j2?: number; c2?: number; lo2?: number; hi2?: number }[] = []
      const reg = 1
      for (let t = 0; t < rounds; t++) {
        const g = new Array<number>(n)
        const h = new Array<number>(n)
        for (let i = 0; i < n; i++) {
          const p = 1 / (1 + Math.exp(-f[i]!))
          g[i] = cw[i]! * (p - y[i]!)
          h[i] = cw[i]! * Math.max(1e-6, p * (1 - p))
        }
        let best = { gain: 0, j: -1, b: 0, lo: 0, hi: 0 }
        for (let j = 0; j < d; j++) {
          const nb = cuts[j]!.length + 1
          const G = new Array<number>(nb).fill(0)
          const H = new Array<number>(nb).fill(0)
          for (let i = 0; i < n; i++) { G[bin[i]![j]!]! += g[i]!; H[bin[i]![j]!]! += h[i]! }
          const gt = G.reduce((a, b) => a + b, 0)
          const ht = H.reduce((a, b) => a + b, 0)
          let gl = 0
          let hl = 0
          for (let b = 0; b < nb - 1; b++) {
            gl += G[b]!
            hl += H[b]!
            const gr = gt - gl
            const hr = ht - hl
            if (hl < 1 || hr < 1) continue
            const lo = -gl / (hl + reg)
            const hi = -gr / (hr + reg)
            const s = signs?.[j] ?? 0
            if (s > 0 && hi < lo) continue
            if (s < 0 && hi > lo) continue
            const gain = (gl * gl) / (hl + reg) + (gr * gr) / (hr + reg) - (gt * gt) / (ht + reg)
            if (gain > best.gain) best = { gain, j, b, lo, hi }
          }
        }
        if (best.j < 0) break
        const tree = { j: best.j, c: cuts[best.j]![best.b]!, lo: eta * best.lo, hi: eta * best.hi }
        trees.push(tree)
        for (let i = 0; i < n; i++) f[i]! += bin[i]![best.j]! <= best.b ? tree.lo : tree.hi
      }
      return (r: number[]) => {
        let z = prior
        for (const t of trees) z += r[t.j]! <= t.c ? t.lo : t.hi
        return 1 / (1 + Math.exp(-z))
      }
    },
  }
}
