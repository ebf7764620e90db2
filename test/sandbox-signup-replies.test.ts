// Usability round 13 (testers playing the host and residents in the sandbox): the short replies residents give a
// notice — a bare "1", one more 接龙 line — and a host's notice counted by family ("限8家 带孩子的算一家").
// Each script runs to its end (/idle waits for every reply), so what did not happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import type { BotAction } from '../src/sandbox/actions.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-signup-replies')
afterAll(() => script.cleanup())

const roomTexts = (actions: BotAction[]) => actions.filter((a) => a.kind === 'room').map((a) => a.text)
const rosterOf = (texts: string[], id: number) => texts.filter((t) => new RegExp(`^活动${id}「[^」]+」 .*\\n已报名`, 'u').test(t)).at(-1)

describe('sandbox: short replies to a notice', () => {
  it('"1" right after a fresh notice is a sign-up in turn with the others; "就4个名额哈" leaves no 就 in the notes', async () => {
    const room = roomTexts(await script.run('test/fixtures/scripts/bare-one.txt'))
    const notice = room.find((t) => t.startsWith('【活动1】做香包'))
    expect(notice).toMatch(/名额：4人\n备注：先到先得\n/u)
    expect(notice).not.toMatch(/备注：就/u)
    // 王芳 said it first, so she has the first place, not a fifth one on the waitlist.
    expect(rosterOf(room, 1)).toMatch(/已报名（4\/4）：\n1\. 王芳\n2\. 张丽\n3\. 陈静\n4\. 赵敏$/u)
    expect(room.join('\n')).not.toContain('候补')
  }, 120_000)

  it('"1" answers what was asked just before: asked back after chat, a sign-up when quoting the notice or under 想参加的扣1, nothing under a poll or 收到的扣1', async () => {
    const actions = await script.run('test/fixtures/scripts/bare-one-elsewhere.txt')
    const room = actions.filter((a) => a.kind === 'room')
    // After other talk while the notice is fresh: asked, not ignored and not signed up.
    expect(room.find((a) => a.text === '是要报名「做香包」吗？回复「报名」')?.mentions).toEqual(['张丽'])
    // Quoting the notice, a "报名" after a poll, and a "扣1" under the host's call are sign-ups, in that order...
    expect(rosterOf(room.map((a) => a.text), 1)).toMatch(/已报名（3\/10）：\n1\. 陈静\n2\. 周红\n3\. 吴霞$/u)
    // ...while the answers to the poll and to 收到的扣1 get no reply at all, and the host did not sign herself up.
    for (const who of ['赵敏', '刘阿姨', '孙梅']) expect(actions.some((a) => a.mentions.includes(who) || a.text.includes(who))).toBe(false)
    expect(room.some((a) => /已登记：[^\n]*李姐/u.test(a.text))).toBe(false)
  }, 120_000)

  it('"1" under a draft is held for it; under the second notice it is for that one, not 活动1; as the answer to "哪一个" it is still 1', async () => {
    const room = roomTexts(await script.run('test/fixtures/scripts/bare-one-two-open.txt'))
    expect(room).toContain('活动1「做香包」\n已登记：王芳（1/10）')
    expect(room).toContain('活动2「插花」\n已登记：张丽（1/8）')
    expect(room.some((t) => t.startsWith('现在有2个活动，您要报名哪一个？'))).toBe(true)
    expect(rosterOf(room, 1)).toMatch(/已报名（2\/10）：\n1\. 王芳\n2\. 陈静$/u)
    expect(rosterOf(room, 2)).toMatch(/已报名（1\/8）：\n1\. 张丽$/u)
  }, 120_000)

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
