// Testers (round 17), through the sandbox script player on the real documents: a question for a 宣传栏 about domestic
// violence, past years' activities, dropping in at the 微家, praise said to the bot, and a chain of follow-ups. The
// script runs to its end (/idle waits for every reply), so what did not happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import { referralTexts } from '../src/referrals/texts.ts'
import { safetyTexts } from '../src/safety/texts.ts'
import { privateReplies as privately, roomReplies as room, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-round17', { kbDir: 'test/fixtures/real-corpus' })
afterAll(() => script.cleanup())


describe('sandbox: round 17 group talk', () => {
  it('a 宣传栏 question is answered from the documents, past activities too, dropping in gets the 家接待, praise a short thanks; the controls as before', async () => {
    const actions = await script.run('test/fixtures/scripts/round17-group-talk.txt')
    // Her 宣传栏 question: the documents (with the numbers), nothing private, nothing said of her.
    expect(privately(actions, '孙大姐')).toEqual([])
    const hers = room(actions, '孙大姐')
    expect(hers).toHaveLength(1)
    expect(hers[0]).toMatch(/来源：《/u)
    expect(hers[0]).not.toMatch(/谢谢您愿意说出来|这不是您的错|已私信|如需个人帮助/u)
    // Past years' 三八节: the documents, not the group's open sign-ups.
    expect(room(actions, '周老师')).toEqual([expect.stringMatching(/三八[\s\S]*来源：《/u)])
    // Dropping in: welcome, and the group's 家接待 (Wednesdays 09:00 in the example config) at its place.
    expect(room(actions, '刘奶奶')).toEqual([expect.stringMatching(/^欢迎来坐坐！家接待的时候有人在（[^）]+）。\n本群的家接待：每周三 09:00，下一次是/u)])
    // Praise: one short thanks (the acknowledgement after it gets nothing, the thanks 不客气).
    expect(room(actions, '赵敏')).toEqual([safetyTexts.praised, safetyTexts.smalltalk('谢谢')])
    // Controls: disclosures get the private offer, and the group hears only that.
    expect(privately(actions, '李丽')[0]).toMatch(/家庭暴力方面/u)
    expect(room(actions, '李丽')).toEqual([referralTexts.groupDisclosure])
    expect(privately(actions, '何姐')[0]).toMatch(/家庭暴力方面/u)
    expect(room(actions, '何姐')).toEqual([referralTexts.groupDisclosure])
    expect(room(actions, '张丽')).toEqual([expect.stringMatching(/^现在群里没有正在报名的活动。/u)])
    expect(room(actions, '王芳')).toEqual([expect.stringMatching(/^本群的家接待：每周三 09:00，下一次是/u)])
    // A chain of follow-ups: a typo of a folder word (刺秀) is read as the word (homophones.ts), and "一年能解决多少人"
    // leans on it, not on every topic asked before (it was declined).
    const chain = room(actions, '李嫂')
    expect(chain).toHaveLength(3)
    expect(chain[1]).toContain('长沙美好工艺绣品公司')
    // It names its own topic: answered outright on its own words, not hedged under the first question's words.
    expect(chain[1]).not.toMatch(/不确定/u)
    expect(chain[2]).toContain('每年解决了300名')
  }, 180_000)
})
