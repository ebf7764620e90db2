import { describe, expect, it } from 'vitest'
import type { SentenceCandidate } from './extract.ts'
import type { Passage } from './retrieve.ts'
import { chooseSentence } from './sentence-select.ts'

const passage = (id: string) => ({ chunk: { id } }) as unknown as Passage
const candidate = (p: Passage, i: number, score: number, key: number, text: string): SentenceCandidate => ({
  p,
  rank: 0,
  sentences: [text],
  i,
  score,
  parts: { own: 0, withHeading: 0, exact: 0, kind: 0, detail: 0, focus: 0, number: 0, other: 0, defines: 0 },
  enumerates: false,
  opensList: false,
  firstPaper: false,
  run: 0,
  crisis: false,
  ownShare: 1,
  near: { prev: 0, next: 0, key, passageBest: 0 },
})

describe('the hand choice of the sentence to quote', () => {
  it('takes the highest score; of equals from two passages, the one with more of the key words in its own text', () => {
    const hpv = passage('hpv')
    const what = passage('what')
    const a = candidate(hpv, 0, 1.839, 0.43, '9—14岁女孩是接种的重点人群')
    const b = candidate(what, 0, 1.839, 1, '两癌筛查，筛查年龄一般为35—64岁')
    expect(chooseSentence([a, b], null)).toBe(b)
    expect(chooseSentence([a, { ...b, score: 1.5 }], null)).toBe(a)
  })

  it('of equals in one passage, the first: what follows it is quoted after it', () => {
    const p = passage('one')
    const first = candidate(p, 0, 1.01, 0.29, '建立了家政服务站，开办了住家服务')
    const later = candidate(p, 1, 1.01, 1, '街道妇联下属的家政服务站，举办了培训班')
    expect(chooseSentence([first, later], null)).toBe(first)
  })
})
