// Danger beside talk of something else, and a disclosure beside a question about the federation's work, through the
// sandbox script player on the real documents. The script runs to its end (/idle waits for every reply), so what did
// not happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import { referralTexts } from '../src/referrals/texts.ts'
import { texts as signupTexts } from '../src/signups/texts.ts'
import { privateReplies as privately, roomReplies as room, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-danger-beside', { kbDir: 'test/fixtures/real-corpus' })
afterAll(() => script.cleanup())


describe('sandbox: danger and disclosures beside other talk', () => {
  it('a 宣传栏 or a 讲座 set aside (or a 讲座 cancelled, nothing booked) does not hide the danger nor follow it; a disclosure beside a work question is a private offer; the controls as before', async () => {
    const actions = await script.run('test/fixtures/scripts/danger-beside-talk.txt')
    // "宣传栏的事先放放，他拿刀吓唬我": the numbers first, in the group and in private, nothing of what she wrote.
    expect(room(actions, '陈芳')).toEqual([referralTexts.groupEmergency({ medical: false, selfHarm: false })])
    expect(privately(actions, '陈芳')[0]).toMatch(/^如有危险，请立即拨打110报警/u)
    // "讲座的事回头再说 他正在打我", with nobody @-mentioned: the same.
    expect(room(actions, '林霞')).toEqual([referralTexts.groupEmergency({ medical: false, selfHarm: false })])
    expect(privately(actions, '林霞')[0]).toMatch(/^如有危险，请立即拨打110报警/u)
    // "上次讲座我没去，他拿刀吓唬我": the 上次 is the 讲座's; the knife is now.
    expect(room(actions, '郑红')).toEqual([referralTexts.groupEmergency({ medical: false, selfHarm: false })])
    expect(privately(actions, '郑红')[0]).toMatch(/^如有危险，请立即拨打110报警/u)
    // "讲座先不去了 他正在打我" with nothing booked: the numbers, and no "您现在没有报名…不用取消" after them, anywhere.
    expect(room(actions, '何梅')).toEqual([referralTexts.groupEmergency({ medical: false, selfHarm: false })])
    expect(privately(actions, '何梅')[0]).toMatch(/^如有危险，请立即拨打110报警/u)
    expect(actions.map((a) => a.text).join('\n')).not.toContain(signupTexts.notSignedUp)
    // "我被家暴了 妇联都做了啥": the private offer, the group hears only that (no documents, no detail).
    expect(privately(actions, '吴静')[0]).toMatch(/家庭暴力方面/u)
    expect(room(actions, '吴静')).toEqual([referralTexts.groupDisclosure])
    // Controls: the work question alone is answered from the documents, nothing private; a film is no emergency.
    expect(privately(actions, '孙大姐')).toEqual([])
    expect(room(actions, '孙大姐')).toEqual([expect.stringMatching(/来源：《/u)])
    expect(privately(actions, '周老师')).toEqual([])
    expect(room(actions, '周老师').join('\n')).not.toMatch(/请立即拨打110|已私信/u)
    // No reply in the group to the four of them carries their words.
    const group = ['陈芳', '林霞', '郑红', '吴静', '何梅'].flatMap((name) => room(actions, name)).join('\n')
    expect(group).not.toMatch(/刀|吓唬|宣传栏|讲座|正在打|被家暴了|妇联都做了啥|不去/u)
  }, 180_000)
})
