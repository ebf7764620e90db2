import { describe, expect, it } from 'vitest'
import { afterSecondLook, BASE_NAMES, parseSecondLook, FIRST_DECISION_ONLY, SECOND_LOOK, secondLookFeatures, WINDOW_KINDS, withLlm } from './second-look.ts'

/** The question's grams the window lacks (no kinds of value to cross them with). */
const absentGrams = (q: string, w: string) => secondLookFeatures(q, w, [1, 2, 3], [])
import { trainSecondLook, type SecondLookTrainRow } from './second-look-train.ts'

describe('the question\'s grams the window does not say', () => {
  it('are the 1–3-grams not in the window, never across punctuation, spaces or digits', () => {
    const g = absentGrams('保护令多久能下来', '法院应当在72小时内作出人身安全保护令')
    expect(g).toContain('多久')
    expect(g).toContain('能下来')
    expect(g).not.toContain('保护令')
    expect(g).not.toContain('护令')
    // A number is no ask word, and a gram never runs over a comma or a space.
    const parts = absentGrams('2013年接访，多少人次 一共', '')
    expect(parts).not.toContain('3年')
    expect(parts).not.toContain('访多')
    expect(parts).not.toContain('次一')
    expect(parts).toContain('年接访')
  })

  it('count an emoji as one character', () => {
    expect(absentGrams('啥🤔', '')).toEqual(['啥', '🤔', '啥🤔'])
  })

  it('cross the question\'s words with each kind of value the window lacks', () => {
    // The window has a time of day and a place, no sum.
    const f = secondLookFeatures('几点开门', '每天上午9:00在社区中心', [1, 2], ['time', 'money', 'place'])
    expect(f).toContain('几点¬money')
    expect(f).not.toContain('几点¬time')
    expect(f).not.toContain('几点¬place')
    // Single characters are not crossed; the absent grams come first, as themselves.
    expect(f).not.toContain('几¬money')
    expect(f.slice(0, 3)).toEqual(['几', '点', '开'])
    expect(Object.keys(WINDOW_KINDS)).toEqual(expect.arrayContaining(['number', 'money', 'date', 'time', 'phone', 'place', 'age']))
  })
})

describe('what the second look may change', () => {
  const m = { decline: 0.3, undecline: 0.8 }
  it('declines a hedge it finds unlikely, hedges a decline it is sure of, and never touches an outright answer', () => {
    expect(afterSecondLook(m, 'hedge', 0.1, false)).toBe('decline')
    expect(afterSecondLook(m, 'hedge', 0.5, false)).toBe('hedge')
    expect(afterSecondLook(m, 'decline', 0.9, false)).toBe('hedge')
    expect(afterSecondLook(m, 'decline', 0.5, false)).toBe('decline')
    expect(afterSecondLook(m, 'answer', 0.01, false)).toBe('answer')
    expect(afterSecondLook(m, 'answer', 0.99, false)).toBe('answer')
  })

  it('keeps the decline of an everyday service the folder never writes, however sure it is', () => {
    expect(afterSecondLook(m, 'decline', 0.99, true)).toBe('decline')
  })

  it('can be turned off: the first decision stands', () => {
    for (const first of ['answer', 'hedge', 'decline'] as const) for (const p of [0, 0.5, 1]) expect(afterSecondLook(FIRST_DECISION_ONLY, first, p, false)).toBe(first)
  })

  it('leaves hedges to the LLM when one reads them', () => {
    expect(afterSecondLook(withLlm(SECOND_LOOK, true), 'hedge', 0.0001, false)).toBe('hedge')
    expect(withLlm(SECOND_LOOK, true).undecline).toBe(SECOND_LOOK.undecline)
  })
})

describe('the shipped second-look model', () => {
  it('reads the signals the runtime computes, with weights for each and thresholds in order', () => {
    expect(SECOND_LOOK.base).toEqual(BASE_NAMES)
    expect(SECOND_LOOK.grams.length).toBeGreaterThan(1000)
    expect(SECOND_LOOK.decline).toBeLessThan(SECOND_LOOK.undecline)
    expect(() => parseSecondLook({ ...SECOND_LOOK, base: ['bogus', ...SECOND_LOOK.base.slice(1)] })).toThrow(/unknown/)
    expect(() => parseSecondLook({ ...SECOND_LOOK, gramWeights: SECOND_LOOK.gramWeights.slice(1) })).toThrow(/retrain/)
    expect(() => parseSecondLook({ ...SECOND_LOOK, decline: 0.9, undecline: 0.5 })).toThrow(/threshold/)
    expect(() => parseSecondLook({ ...SECOND_LOOK, kinds: ['weather'] })).toThrow(/unknown/)
  })
})

describe('training the second look', () => {
  // Two writers' batches: a question missing "多少钱" from its window is uncovered, one missing only "请问" covered.
  const row = (group: string, covered: boolean, features: string[], first: 'answer' | 'hedge' | 'decline'): SecondLookTrainRow => ({
    group, covered, features, first, offDomain: false, base: BASE_NAMES.map((n) => (n === 'firstHedged' ? Number(first === 'hedge') : n === 'firstDeclined' ? Number(first === 'decline') : 0.5)),
  })
  const rows = ['a', 'b', 'c'].flatMap((g) =>
    Array.from({ length: 12 }, (_, i) => (i % 2 ? row(g, false, ['多少钱', '多少', '钱', '请问'], 'hedge') : row(g, true, ['请问', '请'], i % 4 ? 'hedge' : 'decline'))),
  )

  it('learns which missing words mean the documents do not answer, and measures itself leaving one batch out', () => {
    const m = trainSecondLook(rows, { minDf: 2, C: 3 })
    const w = new Map(m.grams.map((g, j) => [g, m.gramWeights[j]!]))
    expect(w.get('多少钱')!).toBeLessThan(0)
    expect(w.get('请')!).toBeGreaterThan(0)
    const cv = m.trained!.leaveOneBatchOut as { batches: number; first: { notCoveredDeclined: number }; after: { notCoveredDeclined: number; coveredDeclined: number } }
    expect(cv.batches).toBe(3)
    // Every uncovered question was hedged at first; left out, each batch's are declined, and no covered one is.
    expect(cv.first.notCoveredDeclined).toBe(0)
    expect(cv.after.notCoveredDeclined).toBe(1)
    expect(cv.after.coveredDeclined).toBe(0)
    expect(trainSecondLook(rows, { minDf: 2, C: 3 })).toEqual(m)
  })
})
