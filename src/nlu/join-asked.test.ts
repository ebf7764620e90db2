import { describe, expect, it } from 'vitest'
import { fromWall } from '../core/tz.ts'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { joinAskedFor } from './signup.ts'
import { understand } from './understand.ts'
import { normalize } from './text.ts'
import type { Situation } from './types.ts'

const dumplings = [{ id: 1, title: '包饺子', startAt: fromWall(CORPUS_TZ, 2026, 12, 5, 14, 0), place: '微家活动室', notes: '' }]
const sit = (over: Partial<Situation> = {}): Situation => ({ where: 'group', role: 'resident', mention: false, activities: dumplings, signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ, ...over })

// A tester (2026-12-02): with 包饺子 open, "小区门口那个广场舞晚上几点跳啊 在哪能报名" was registered as a sign-up.
describe('how to sign up for something not announced is a question', () => {
  it('names what is asked about, when it is a kind of gathering that is not open', () => {
    expect(joinAskedFor(normalize('小区门口那个广场舞晚上几点跳啊 在哪能报名'), dumplings, CORPUS_TZ)).toBe('广场舞')
    expect(joinAskedFor(normalize('社区合唱团去哪报名啊'), dumplings, CORPUS_TZ)).toBe('合唱团')
    expect(joinAskedFor(normalize('廣場舞點樣報名'), [], CORPUS_TZ)).toBe('广场舞')
    expect(joinAskedFor(normalize('请问跳舞的在哪报名'), [], CORPUS_TZ)).toBe('跳舞')
    // An open activity, a rhythm gathering, a service or programme, or nothing named: not this question.
    for (const text of ['包饺子在哪能报名', '家聚会在哪报名', '两癌筛查在哪报名', '育婴师培训在哪报名', '巾帼志愿者怎么报名 要培训吗', '怎么报名']) {
      expect({ text, name: joinAskedFor(normalize(text), dumplings, CORPUS_TZ) }).toEqual({ text, name: undefined })
    }
  })

  it.each(['小区门口那个广场舞晚上几点跳啊 在哪能报名', '广场舞怎么报名', '社区合唱团去哪报名啊'])('%s: a question, with or without activities open', (text) => {
    expect(understand(text, sit({ mention: true })).intent).toBe('qa.question')
    expect(understand(text, sit({ mention: true, activities: [] })).intent).toBe('qa.question')
  })

  it('controls: asked of the open activity it is about the activity; a sign-up for an unknown name is still a sign-up', () => {
    expect(understand('包饺子在哪能报名', sit({ mention: true }))).toMatchObject({ intent: 'activity.info', slots: { activity: 1 } })
    expect(understand('我想报广场舞', sit({ mention: true })).intent).toBe('signup.join')
  })
})
