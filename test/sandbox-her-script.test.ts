// Round 14 (testers): residents writing Traditional characters or Cantonese got Simplified replies in the help flow
// (after "好" / "1" / "是", the case's confirmation, taking the request back) and to a sign-up taken back in words
// written the same in both scripts; and "我们这个微家算哪种" got an unrelated passage instead of the group's type.
// Each script runs to its end (/idle waits for every reply).
import { afterAll, describe, expect, it } from 'vitest'
import { inScript } from '../src/core/zh/script.ts'
import { referralTexts as T } from '../src/referrals/texts.ts'
import type { BotAction } from '../src/sandbox/actions.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-her-script')
afterAll(() => script.cleanup())

const trad = (text: string) => inScript(text, 'traditional')
const privately = (actions: BotAction[], name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
const CASE = /R-\d{8}-\d{4}/u
/** The text with its case number as R-X (the number carries the day the script runs). */
const withCase = (text: string) => text.replace(CASE, 'R-X')

describe('sandbox: the help flow in her script', () => {
  it('Traditional or Cantonese: every reply to her in Traditional, her "好" / "1" / "是" and her withdrawal included; staff read Simplified', async () => {
    const actions = await script.run('test/fixtures/scripts/help-in-her-script.txt')
    // Asked privately in Cantonese: consent, the contact question after "好", the case registered after "1", taken back.
    expect(privately(actions, '陳美玲').map(withCase)).toEqual([
      trad(T.askConsent('其他')),
      trad(T.askContact),
      trad(T.caseCreated('R-X')),
      trad(T.withdrawn(['R-X'])),
    ])
    // Asked in the group: the same after "是" and "微信", and "不用了 取消吧" (written the same in both scripts).
    expect(privately(actions, '黃秀英').map(withCase)).toEqual([
      trad(T.askConsent('家庭暴力')),
      trad(T.askContact),
      trad(T.caseCreated('R-X')),
      trad(T.withdrawn(['R-X'])),
    ])
    // "唔使喇 我自己搞掂咗" while her yes was awaited: declined, in Traditional.
    expect(privately(actions, '何秀蘭')).toEqual([trad(T.askConsent('其他')), trad(T.declined)])
    // Control: written in Simplified, answered in Simplified.
    expect(privately(actions, '王芳').map(withCase)).toEqual([
      `谢谢您告诉我。${T.askConsent('婚姻家庭纠纷')}`,
      T.askContact,
      T.caseCreated('R-X'),
      T.withdrawn(['R-X']),
    ])
    // Staff: the alerts and the withdrawals, in Simplified.
    const staff = privately(actions, '小王')
    expect(staff.filter((t) => t.startsWith('【新求助】'))).toHaveLength(3)
    expect(staff.filter((t) => t.startsWith('【撤回】'))).toHaveLength(3)
    for (const t of staff) expect(t).toContain(t.startsWith('【新求助】') ? '类别：' : '请不要再联系她')
  }, 120_000)

  it('a sign-up taken back with "不去了 取消吧" is confirmed in the script she signed up in', async () => {
    const room = (await script.run('test/fixtures/scripts/signup-cancel-her-script.txt')).filter((a) => a.kind === 'room').map((a) => a.text)
    expect(room).toContain('活動1「插花」\n已取消報名：陳靜\n目前已報名0/10')
    // Control: written in Simplified, confirmed in Simplified.
    expect(room).toContain('活动1「插花」\n已取消报名：张丽\n目前已报名0/10')
  }, 120_000)
})

describe('sandbox: the group\'s own type', () => {
  it('"我们这个微家算哪种": the type from config and the guide\'s sentence on it, in the writer\'s script', async () => {
    const actions = await script.run('test/fixtures/scripts/group-type.txt')
    const answer = '咱们是「网格睦邻」型妇女微家。\n网格睦邻型：依托网格和楼道，开展邻里互助、矛盾调解、走访关爱。\n来源：《妇女微家服务指南》· 三、微家的类型'
    expect(actions.map((a) => [a.mentions[0], a.text])).toEqual([
      ['王芳', answer],
      ['陳美玲', trad(answer)],
      ['张丽', answer],
    ])
  }, 120_000)
})
