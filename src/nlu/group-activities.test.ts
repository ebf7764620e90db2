import { describe, expect, it } from 'vitest'
import { fromWall } from '../core/tz.ts'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { asksPastActivities, understand } from './understand.ts'
import type { Situation } from './types.ts'

const dumplings = [{ id: 1, title: '包饺子', startAt: fromWall(CORPUS_TZ, 2026, 12, 5, 14, 0), place: '微家活动室', notes: '' }]
const sit = (over: Partial<Situation> = {}): Situation => ({ where: 'group', role: 'resident', mention: false, activities: dumplings, signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ, ...over })

// Testers (2026-12-02): "参加活动要交钱不" with nothing open was held as a sign-up; Cantonese "幾時有活動" / "有冇活動"
// went to the documents.
describe('questions about the group\'s activities in general', () => {
  it('"参加活动要交钱不" asks the fee, with or without one open; never a sign-up', () => {
    for (const text of ['参加活动要交钱不', '咱们的活动收费吗', '參加活動要唔要俾錢']) {
      expect(understand(text, sit({ mention: true }))).toMatchObject({ intent: 'activity.info', slots: { field: 'fee' } })
      expect(understand(text, sit({ mention: true, activities: [] }))).toMatchObject({ intent: 'activity.info', slots: { field: 'fee' } })
    }
    // Control: a sign-up that asks the fee beside it stays a sign-up.
    expect(understand('报名 这次收不收材料费', sit()).intent).toBe('signup.join')
  })

  it('Cantonese "幾時有活動" / "有冇活動" ask which activities there are, as "最近有什么活动" does', () => {
    for (const text of ['幾時有活動？要唔要俾錢㗎', '我哋呢個微家係做咩㗎？我年紀大咗 有冇啲活動啱我哋老人家參加', '最近有冇活動呀', '最近有咩活動', '什么时候有活动啊']) {
      expect({ text, intent: understand(text, sit({ mention: true })).intent }).toEqual({ text, intent: 'activity.list' })
      expect({ text, intent: understand(text, sit({ mention: true, activities: [] })).intent }).toEqual({ text, intent: 'activity.list' })
    }
    expect(understand('最近有什么活动', sit({ mention: true })).intent).toBe('activity.list')
  })
})

// Tester round 17: "往年三八节都搞过啥活动" and "三八妇女节以前都搞过哪些活动" got "现在群里没有正在报名的活动。"
describe('activities of past years', () => {
  it('are asked of the documents, with or without one open, in either script', () => {
    for (const text of ['往年三八节都搞过啥活动', '三八妇女节以前都搞过哪些活动', '去年三八节办了什么活动', '历年都有哪些活动', '往年三八節都搞過啥活動']) {
      expect({ text, intent: understand(text, sit({ mention: true })).intent }).toEqual({ text, intent: 'qa.question' })
      expect({ text, intent: understand(text, sit({ mention: true, activities: [] })).intent }).toEqual({ text, intent: 'qa.question' })
    }
  })

  it('controls: what is on now or coming is still the group\'s list ("这周有啥活动", "周六以前有啥活动")', () => {
    for (const text of ['这周有啥活动', '最近有什么活动', '周末有啥活动', '有啥活动', '最近有冇活動呀']) {
      expect({ text, intent: understand(text, sit({ mention: true })).intent }).toEqual({ text, intent: 'activity.list' })
      expect({ text, intent: understand(text, sit({ mention: true, activities: [] })).intent }).toEqual({ text, intent: 'activity.list' })
    }
    // "以前" after a day or a date bounds what is coming; it is no past.
    for (const text of ['周六以前有啥活动', '月底以前有活动吗', '3号以前有啥活动']) expect(asksPastActivities(text), text).toBe(false)
  })
})

// Round 23, tried in the sandbox: "“爱在六月”是啥活动?" listed the group's open activities instead of asking the documents.
describe('what kind of activity a named thing is', () => {
  it('is asked of the documents; "这周是什么活动" still lists the group\'s own', () => {
    for (const text of ['“爱在六月”是啥活动?', '春风行动是个什么活动', '「踏春嘉年华」是什么样的活动']) {
      expect({ text, intent: understand(text, sit({ mention: true })).intent }).toEqual({ text, intent: 'qa.question' })
    }
    expect(understand('这周是什么活动', sit({ mention: true })).intent).toBe('activity.list')
  })
})
