import { describe, expect, it } from 'vitest'
import { fromWall } from '../core/tz.ts'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { understand } from './understand.ts'
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
