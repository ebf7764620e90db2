import { describe, expect, it } from 'vitest'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { noticeDetails, refusesOutright } from './notice-detail.ts'
import { understand } from './understand.ts'

const host = { where: 'group' as const, role: 'host' as const, mention: false, activities: [], signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }
const previewing = { ...host, pending: 'confirm_announce' as const }

// Tester round 18 (C3): 「不收费，大家带一本孩子喜欢的绘本来」, sent after her draft's preview, was read as 「不」 and the
// draft was thrown away; 「限10组家庭，一个大人带一个孩子算一组」 before it was lost without a word.
const DETAILS: [string, string[]][] = [
  ['限10组家庭，一个大人带一个孩子算一组', ['capacity', 'count_rule']],
  ['不收费，大家带一本孩子喜欢的绘本来', ['fee', 'bring']],
  ['不用带东西', ['bring']],
  ['不限人数', ['capacity']],
  ['材料费每人10元', ['fee']],
  ['周五晚上截止', ['deadline']],
  ['名额二十个', ['capacity']],
]
const REFUSALS = ['不', '不发了', '算了', '不用发了', '取消', '不用了，谢谢', '先别发 我问问场地', '不要了', '算了吧']

describe('a detail of a notice', () => {
  it.each(DETAILS)('%s states %j', (t, said) => {
    expect(noticeDetails(t)).toEqual(said)
    expect(refusesOutright(t)).toBe(false)
  })

  it('while her draft waits, is a change to it, never a refusal, whatever the model hears in its 不', () => {
    for (const [t] of DETAILS) expect(understand(t, previewing).intent, t).toBe('correction')
    // The model alone read "不用带东西" as a no to a question nobody asked: a detail is not one.
    for (const t of ['不用带东西', '不限人数', '不收费，大家带一本孩子喜欢的绘本来']) expect(understand(t, host).intent, t).not.toBe('confirm.no')
  })

  it('controls: a refusal as the whole answer is still a no; chat and confirmations are not details', () => {
    for (const t of REFUSALS) {
      expect(noticeDetails(t), t).toEqual([])
      expect(understand(t, previewing).intent, t).toBe('confirm.no')
    }
    for (const t of ['不', '不发了', '算了', '不用发了', '取消', '不要了']) expect(refusesOutright(t), t).toBe(true)
    for (const t of ['确认', '好的', '哈哈 辛苦了', '今天天气真好']) expect(noticeDetails(t), t).toEqual([])
    expect(understand('确认', previewing).intent).toBe('confirm.yes')
  })
})
