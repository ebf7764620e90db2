import { describe, expect, it } from 'vitest'
import { aliasesOf, formalize } from './colloquial.ts'
import { DECISION_MODEL, FEATURE_NAMES, fitLogistic, probability } from './decide.ts'

describe('decision model', () => {
  it('fits a separating direction and weighs the classes equally', () => {
    // Covered when the first feature is high; the second is noise. Three covered per uncovered, as in the dev set.
    const xs = [...Array.from({ length: 30 }, (_, i) => [0.6 + (i % 5) * 0.08, (i % 3) / 3]), ...Array.from({ length: 10 }, (_, i) => [0.1 + (i % 5) * 0.06, (i % 3) / 3])]
    const ys = [...Array(30).fill(1), ...Array(10).fill(0)]
    const m = fitLogistic(xs, ys, { steps: 3000 })
    expect(m.weights[0]).toBeGreaterThan(2)
    expect(Math.abs(m.weights[1]!)).toBeLessThan(m.weights[0]! / 4)
    const model = { ...m, threshold: 0.5 }
    expect(xs.every((x, i) => probability(model, x) >= 0.5 === (ys[i] === 1))).toBe(true)
  })

  it('has one weight per feature, and a missing answer kind costs more than any coverage gain', () => {
    expect(DECISION_MODEL.weights).toHaveLength(FEATURE_NAMES.length)
    const full = [1, 1, 1, 1, 0.3, 0]
    const noType = [1, 1, 1, 0, 0.3, 0]
    expect(probability(DECISION_MODEL, full)).toBeGreaterThanOrEqual(DECISION_MODEL.threshold)
    expect(probability(DECISION_MODEL, noType)).toBeLessThan(DECISION_MODEL.threshold)
  })
})

describe('everyday words', () => {
  it('maps everyday words to formal ones, the longer form first', () => {
    expect(formalize('低保户的娃儿在学校吃饭要钱不')).toBe('低保户的孩子在学校吃饭收费不')
    expect(aliasesOf('带娃的妈妈')).toEqual([
      { colloquial: '娃', formal: '孩子' },
      { colloquial: '妈妈', formal: '母亲' },
    ])
    // Already formal: nothing to add.
    expect(aliasesOf('孩子和娃')).toEqual([])
  })
})
