// Usability round 13 (testers playing the host and residents in the sandbox): one more 接龙 line added on its own,
// and a host's notice counted by family ("限8家 带孩子的算一家").
// Each script runs to its end (/idle waits for every reply), so what did not happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import type { BotAction } from '../src/sandbox/actions.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-signup-replies')
afterAll(() => script.cleanup())

const roomTexts = (actions: BotAction[]) => actions.filter((a) => a.kind === 'room').map((a) => a.text)
const rosterOf = (texts: string[], id: number) => texts.filter((t) => new RegExp(`^活动${id}「[^」]+」 .*\\n已报名`, 'u').test(t)).at(-1)

describe('sandbox: short replies to a notice', () => {
  it('"4.孙丽华" after a pasted 接龙 is her line of it; a numbered line that names nobody is not', async () => {
    const room = roomTexts(await script.run('test/fixtures/scripts/jielong-added-line.txt'))
    expect(room).toContain('活动1「包饺子」\n已登记：孙丽华（5/10）')
    expect(room).toContain('活动1「包饺子」\n已登记：周红（6/10）')
    expect(rosterOf(room, 1)).toMatch(/已报名（6\/10）：\n1\. 王芳\n2\. 张丽\n3\. 陈静\n4\. 刘阿姨的婆婆\n5\. 孙丽华\n6\. 周红$/u)
    expect(room.join('\n')).not.toMatch(/带剪刀|赵敏/u)
  }, 120_000)
})

describe('sandbox: a notice counted by family', () => {
  it('"限8家 带孩子的算一家": 8 families, a parent with her children one place, a clean note, and no question to the host', async () => {
    const actions = await script.run('test/fixtures/scripts/family-households.txt')
    const room = roomTexts(actions)
    const notice = room.find((t) => t.startsWith('【活动1】亲子手工做圣诞贺卡'))
    expect(notice).toMatch(/名额：8个家庭（孩子不另占名额）\n报名截止：12月10日（周四）20:00\n备注：带孩子的算一家\n/u)
    expect(room.join('\n')).not.toMatch(/备注：家/u)
    // The host said how places count: she is not asked (she is told nothing in private at all; the draft and the
    // notice above show the rule was read from her words).
    expect(actions.some((a) => a.kind === 'private' && a.to === '李姐')).toBe(false)
    expect(room.filter((t) => t.includes('按家庭算名额'))).toHaveLength(1)
    // "+1 我带儿子" and "我家俩娃都去 算一家吧" are one family each; two grown-ups are two places.
    expect(rosterOf(room, 1)).toMatch(/已报名（5\/8）：\n1\. 王芳（带儿子）\n2\. 张丽\n3\. 陈静\n4\. 陈静的妈\n5\. 赵敏（带娃×2）$/u)
    expect(room).toContain('您还没有报名（名单和候补里都没有您）。\n活动1「亲子手工做圣诞贺卡」还有3个名额（5/8），回复「报名」就行。')
  }, 120_000)
})
