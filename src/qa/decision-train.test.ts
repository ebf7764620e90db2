import { describe, expect, it } from 'vitest'
import { pickRule, type TrainRow } from './decision-train.ts'

// Rows of one signal: covered questions score high, uncovered low, and the runtime's outcome() reads the rest.
const row = (covered: boolean, extra: Partial<TrainRow> = {}): TrainRow => ({ x: [covered ? 1 : 0], covered, sentence: 0.9, focus: true, ...extra })

describe('pickRule', () => {
  it('chooses thresholds that decline the uncovered questions within the covered budget', () => {
    const rows = [...Array.from({ length: 20 }, () => row(true)), ...Array.from({ length: 20 }, () => row(false))]
    const p = rows.map((r, i) => (r.covered ? 0.7 + (i % 5) / 20 : 0.1 + (i % 5) / 20))
    const rule = pickRule({ p, y: rows.map((r) => (r.covered ? 1 : 0)), rows }, { maxCoveredDeclined: 0.05, maxCoveredHedged: 0.15, floors: [0] })
    expect(rule.hedge).toBeGreaterThan(0.3)
    expect(rule.hedge).toBeLessThan(0.7)
  })

  it('says so when the fixed rules alone hedge more covered questions than allowed, rather than writing zero thresholds', () => {
    // The key gate (no most specific word, low coverage) hedges every covered question whatever the model says.
    const rows = [...Array.from({ length: 10 }, () => row(true, { keyShare: 0, sentence: 0.3 })), ...Array.from({ length: 10 }, () => row(false))]
    const p = rows.map((r) => (r.covered ? 0.9 : 0.1))
    expect(() => pickRule({ p, y: rows.map((r) => (r.covered ? 1 : 0)), rows }, { maxCoveredDeclined: 0.05, maxCoveredHedged: 0.15, floors: [0] })).toThrow(
      /hedge 1\.000 of them/,
    )
  })
})
