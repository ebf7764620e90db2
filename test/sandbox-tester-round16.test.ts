// Testers (round 16), through the sandbox script player: a figure about an organisation's work asked with a dispute
// word ("成功调解了几起"), a host asking the documents for ideas, and "在吗" or "好的" said to the bot. Each script runs
// to its end (/idle waits for every reply), so what did not happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import { inScript } from '../src/core/zh/script.ts'
import { referralTexts } from '../src/referrals/texts.ts'
import { safetyTexts } from '../src/safety/texts.ts'
import { privateReplies as privately, roomReplies as room, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-round16')
afterAll(() => script.cleanup())

const OFFER = /转给微家的工作人员|轉給微家的工作人員/u

describe('sandbox: a figure about an organisation\'s work is a question, not her trouble', () => {
  it('"成功調解了幾起", "老舅妈工作站成功调解了几起": answered like any question, no offer in private, nothing said of her family', async () => {
    const actions = await script.run('test/fixtures/scripts/figure-not-dispute.txt')
    for (const name of ['赵敏', '张丽']) {
      expect(privately(actions, name), name).toEqual([])
      const said = room(actions, name)
      expect(said.length, name).toBeGreaterThan(0)
      for (const text of said) expect(text).not.toMatch(/谢谢您愿意说出来|謝謝您願意說出來|家里的事|家裡的事|已私信/u)
    }
    // Asked in private: the documents answer it there, with no offer of a person.
    expect(privately(actions, '陈阿姨')).toHaveLength(1)
    expect(privately(actions, '陈阿姨')[0]).not.toMatch(OFFER)
    // Controls: her own dispute, a family quarrel and being hit get the private offer and the group hears only that.
    expect(privately(actions, '王芳')[0]).toMatch(/婚姻家庭纠纷方面/u)
    expect(room(actions, '王芳')).toEqual([referralTexts.groupFamily])
    expect(privately(actions, '何姐')[0]).toMatch(/婚姻家庭纠纷方面/u)
    expect(room(actions, '何姐')).toEqual([referralTexts.groupFamily])
    expect(privately(actions, '李丽')[0]).toMatch(/家庭暴力方面/u)
    expect(room(actions, '李丽')).toEqual([referralTexts.groupDisclosure])
  }, 120_000)
})

describe('sandbox: a host asking the documents for ideas is asking, not announcing', () => {
  it('"资料里有什么现成的可以参考" gets no draft; "名额一共多少人" beside a draft edits nothing; an announcement still publishes', async () => {
    const actions = await script.run('test/fixtures/scripts/host-asks-ideas.txt')
    // Replies to her @-mention her; the notices that publish mention no one.
    const hers = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    expect(room(actions, '李姐')).toEqual(hers.slice(0, 4))
    // Her two questions go to the documents (here the sample ones, which say nothing of 三八节).
    expect(hers.slice(0, 2)).toEqual([expect.not.stringMatching(/活动草稿/u), expect.not.stringMatching(/活动草稿/u)])
    expect(hers.filter((t) => t.startsWith('活动草稿：'))).toHaveLength(1)
    // The draft that waits for its clock: her question is answered as one, and the places stay 20.
    expect(hers[3]).not.toMatch(/活动草稿|名额：1人/u)
    // The clock she sends then is on the day she gave (the bot asked for it alone), not today's.
    expect(hers[4]).toMatch(/^【活动1】[^\n]*包饺子[^\n]*\n时间：[^\n]*（周六）14:00\n[^\n]*\n名额：20人/u)
    // Control: the announcement by command is published at once.
    expect(hers[5]).toMatch(/^【活动2】亲子阅读\n时间：[^\n]*（周六）14:00\n地点：微家活动室\n名额：2人/u)
  }, 120_000)
})

describe('sandbox: "在吗" and "好的" said to the bot', () => {
  it('"在吗", "在不在", "有人吗", "小助手在嗎？" get a short "在的"; "晓得了", "好的", "收到" get nothing; thanks and a greeting after them are answered', async () => {
    const actions = await script.run('test/fixtures/scripts/presence-and-ack.txt')
    const present = safetyTexts.present
    for (const name of ['王芳', '张丽']) expect(room(actions, name), name).toEqual([present])
    expect(room(actions, '赵敏')).toEqual([inScript(present, 'traditional')])
    // Her three acknowledgements get no reply; the thanks after them does, so the bot read them all.
    expect(room(actions, '陈阿姨')).toEqual([present, safetyTexts.smalltalk('谢谢')])
    expect(privately(actions, '林美玲')).toEqual([present, safetyTexts.smalltalk('你好')])
    expect(actions.map((a) => a.text).join('\n')).not.toMatch(/资料里没有找到|我在呢/u)
  }, 120_000)
})
