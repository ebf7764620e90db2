import { describe, expect, it } from 'vitest'
import { fromWall } from '../core/tz.ts'
import { CORPUS_ACTIVITIES, CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { readByRules } from './rules.ts'
import { withoutGoingElsewhere } from './signup.ts'
import { understand } from './understand.ts'
import type { Situation } from './types.ts'

const dumplings = [{ id: 1, title: '包饺子', startAt: fromWall(CORPUS_TZ, 2026, 12, 5, 14, 0), place: '微家活动室', notes: '' }]
const sit = (over: Partial<Situation> = {}): Situation => ({ where: 'group', role: 'resident', mention: false, activities: dumplings, signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ, ...over })

// A tester (2026-12-02): with 包饺子 open, "淑芬姐 社区卫生服务中心好像就能做 我去年做过" was registered as a sign-up.
describe('去 that goes somewhere else is no sign-up', () => {
  it.each([
    '淑芬姐 社区卫生服务中心好像就能做 我去年做过',
    '我去过那个卫生服务中心 人不多',
    '我去医院拿药了 才看到消息',
    '王姐你说的那个事 我去问问居委会',
    '明天我要去我婆婆家 不在群里了',
    '我去了三次社区 都说不行',
  ])('%s', (text) => {
    expect(understand(text, sit()).intent).not.toMatch(/^signup\./u)
    expect(understand(text, sit({ activities: CORPUS_ACTIVITIES })).intent).not.toMatch(/^signup\./u)
  })

  it('controls: going to the activity, bare, with its name, or said twice, still is', () => {
    for (const text of ['包饺子我去', '我也去！', '我去我去', '周六那个我去的', '我也想去包饺子', '那我去吧', '我也去 我去年就想学了']) {
      expect({ text, intent: readByRules(text, sit()).intent }).toEqual({ text, intent: 'signup.join' })
    }
    expect(withoutGoingElsewhere('我去年做过', sit())).not.toContain('去')
    expect(withoutGoingElsewhere('我去 我去年就想学了', sit())).toMatch(/^我去 /u)
  })
})
