import { describe, expect, it } from 'vitest'
import { aliasesOf, formalize } from './colloquial.ts'
import { DECISION_RULE, crossValidate, outcomeOf, pickThreshold, rates, type CalibrationRow } from './decide.ts'

describe('covered / not-covered rule', () => {
  it('is monotone in coverage and declines when the asked-for answer kind is missing', () => {
    const at = (sentence: number, typeOk = true, key = true, unknown = 0) => outcomeOf(DECISION_RULE, { sentence, typeOk, key, unknown })
    expect(at(1)).toBe('answer')
    expect(at(DECISION_RULE.answer)).toBe('answer')
    expect(at((DECISION_RULE.answer + DECISION_RULE.hedge) / 2)).toBe('hedge')
    expect(at(DECISION_RULE.hedge - 0.01)).toBe('decline')
    expect(at(0)).toBe('decline')
    // Full coverage of the topic does not make up for a missing phone number or date.
    expect(at(1, false)).toBe('decline')
    // A question mostly about words the folder never uses, its most specific word missing too, is hedged at best.
    expect(at(1, true, false, DECISION_RULE.unknown)).toBe('hedge')
    expect(at(DECISION_RULE.hedge - 0.01, true, false, DECISION_RULE.unknown)).toBe('decline')
    // Positive controls: either alone is tolerated.
    expect(at(1, true, true, DECISION_RULE.unknown)).toBe('answer')
    expect(at(1, true, false, 0)).toBe('answer')
    expect(DECISION_RULE.hedge).toBeLessThan(DECISION_RULE.answer)
  })

  it('hedges when what is asked (the focus) is nowhere beside the topic, however well the topic is covered', () => {
    const at = (sentence: number, focus?: boolean) => outcomeOf(DECISION_RULE, { sentence, typeOk: true, key: true, unknown: 0, focus })
    expect(at(1, false)).toBe('hedge')
    expect(at(DECISION_RULE.hedge - 0.01, false)).toBe('decline')
    // Positive controls: the focus found, or a question without one, is answered.
    expect(at(1, true)).toBe('answer')
    expect(at(1)).toBe('answer')
  })

  // Covered questions around 0.6–0.9, uncovered around 0.1–0.3, one uncovered at 0.5 and one covered at 0.35.
  const rows: CalibrationRow[] = [
    ...[0.35, 0.6, 0.7, 0.8, 0.9, 0.65, 0.75, 0.85].map((sentence) => ({ covered: true, sentence, typeOk: true })),
    ...[0.1, 0.2, 0.3, 0.5].map((sentence) => ({ covered: false, sentence, typeOk: true })),
    { covered: false, sentence: 0.9, typeOk: false },
  ]

  it('counts declines per class, the answer-kind check included', () => {
    expect(rates(rows, 0.55)).toEqual({ coveredDeclined: 1 / 8, notCoveredDeclined: 1 })
    expect(rates(rows, 0.25)).toEqual({ coveredDeclined: 0, notCoveredDeclined: 3 / 5 })
  })

  it('picks the middle of the stretch of least error, not its edge', () => {
    // Separable: covered at 0.60–0.90, uncovered at 0.10–0.29. Any threshold in (0.29, 0.60] is perfect; the
    // edges are one question from a mistake, so the pick sits in the middle.
    const separable: CalibrationRow[] = [
      ...Array.from({ length: 20 }, (_, i) => ({ covered: true, sentence: 0.6 + i * 0.015, typeOk: true })),
      ...Array.from({ length: 20 }, (_, i) => ({ covered: false, sentence: 0.1 + i * 0.01, typeOk: true })),
    ]
    const t = pickThreshold(separable)
    expect(t).toBeGreaterThan(0.4)
    expect(t).toBeLessThan(0.5)
    expect(rates(separable, t)).toEqual({ coveredDeclined: 0, notCoveredDeclined: 1 })
  })

  it('cross-validates the choice on folds it was not picked on', () => {
    const folds = crossValidate(rows, 3)
    expect(folds).toHaveLength(3)
    for (const f of folds) {
      expect(f.threshold).toBeGreaterThan(0.2)
      expect(f.coveredDeclined).toBeGreaterThanOrEqual(0)
      expect(f.notCoveredDeclined).toBeLessThanOrEqual(1)
    }
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
