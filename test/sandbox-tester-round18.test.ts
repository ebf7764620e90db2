// Testers (round 18), through the sandbox script player on the real documents: this group's own place and host, an
// unquoted short set the documents only use, and a private disclosure that also asks something. The script runs to
// its end (/idle waits for every reply), so what did not happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import { qaTexts } from '../src/qa/texts.ts'
import { referralTexts } from '../src/referrals/texts.ts'
import { privateReplies as privately, roomReplies as room, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-round18', { kbDir: 'test/fixtures/real-corpus' })
afterAll(() => script.cleanup())

describe('sandbox: round 18 tester', () => {
  it('where the 微家 is and who runs it come from config; 两癌 is not answered from a passage that only uses it; a disclosure gets only the offer; a neighbour asked after gets a neutral word', async () => {
    const actions = await script.run('test/fixtures/scripts/round18-tester.txt')
    // The example config's place and host (they were "资料里没有找到").
    expect(room(actions, '刘婶')).toEqual([expect.stringContaining('幸福里社区微家活动室'), expect.stringMatching(/^咱们微家的主人是李姐/u)])
    // The documents never say which two cancers: not covered (it quoted a passage on "“两癌”贫困母亲" outright).
    expect(room(actions, '周姐')).toEqual([qaTexts.notCovered])
    // A resident copying a staff command with a short number ("接单 R-1"): told who may use it, not small talk.
    expect(privately(actions, '周姐')).toEqual([expect.stringMatching(/^这个指令只有工作人员可以用/u)])
    // Her disclosure: the consent offer, and no "资料里没有找到…回复转人工" after it for her "我不知道该找谁".
    const hers = privately(actions, '陈静')
    expect(hers).toHaveLength(1)
    expect(hers[0]).toMatch(/这不是您的错[\s\S]*同意请回复/u)
    expect(room(actions, '陈静')).toEqual([])
    // A neighbour asked after by name (no emergency seen in the group): nothing said or implied of her, no documents.
    expect(room(actions, '张丽')).toEqual([referralTexts.concernAnyone])
    expect(privately(actions, '张丽')).toEqual([])
  }, 180_000)
})
