// Testers (2026-12-02): ordinary chat registered as sign-ups while an activity was open ("…我去年做过", "广场舞…在哪能
// 报名"), and questions about the group's life that fell through to the documents (Cantonese "幾時有活動", "家接待一般
// 啥时候", "多久搞一次活动") or got a bare "nothing open" ("参加活动要交钱不"). Each script runs to its end (/idle waits
// for every reply), so what did not happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import { inScript } from '../src/core/zh/script.ts'
import type { BotAction } from '../src/sandbox/actions.ts'
import { texts } from '../src/signups/texts.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-activity-questions')
afterAll(() => script.cleanup())

const room = (actions: BotAction[]) => actions.filter((a) => a.kind === 'room')
const to = (actions: BotAction[], name: string) => room(actions).filter((a) => a.mentions.includes(name)).map((a) => a.text)

describe('sandbox: talk beside an open activity is not a sign-up', () => {
  it('"我去年 / 我去过 / 我去医院" and how to sign up for 广场舞 sign nobody up; "包饺子我去", "我也去！" still do', async () => {
    const actions = await script.run('test/fixtures/scripts/activity-misfire.txt')
    const said = room(actions).map((a) => a.text)
    // Only the two who said they go are on the list, in turn; nobody else was registered.
    expect(said.at(-1)).toMatch(/已报名（2\/15）：\n1\. 陈静\n2\. 赵敏$/u)
    expect(said.filter((t) => t.includes('已登记'))).toEqual(['活动1「包饺子」\n已登记：陈静（1/15）', '活动1「包饺子」\n已登记：赵敏（2/15）'])
    // Talk to another resident gets no reply at all.
    for (const who of ['黄玉梅', '周红', '刘阿姨']) expect(actions.some((a) => a.mentions.includes(who) || a.text.includes(who))).toBe(false)
    // How to sign up for something not announced: nothing open by that name, and what is open.
    expect(to(actions, '郑丽娟')).toEqual([expect.stringMatching(/^群里没有「广场舞」的报名，现在报名的是：\n活动1「包饺子」12月5日（周六）14:00\n/u)])
    expect(to(actions, '孙梅')).toEqual([expect.stringMatching(/^群里没有「合唱团」的报名，现在报名的是：\n活动1「包饺子」/u)])
    // The cost of activities in general, with one open: that one's notice.
    expect(to(actions, '张丽')).toEqual([expect.stringMatching(/^活动1「包饺子」[^\n]*(?:收费|费)/u)])
    // Control: a question for the documents is still answered from them.
    expect(to(actions, '吴淑芬')).toEqual([expect.stringContaining('身份证')])
  }, 120_000)
})

describe('sandbox: questions about the group\'s life, nothing open', () => {
  it('Cantonese "幾時有活動" / "有冇活動" as "最近有什么活动"; how often and when 家聚会 / 家接待 are from the group\'s own rhythm; the cost of activities; 广场舞', async () => {
    const actions = await script.run('test/fixtures/scripts/group-life-questions.txt')
    // Where "最近有什么活动" goes, in her script.
    const [list] = to(actions, '王芳')
    expect(list).toBeDefined()
    expect(to(actions, '何婆婆')).toEqual([inScript(list!, 'traditional'), inScript(list!, 'traditional')])
    // The group's rhythm, not the documents' generic rule.
    const [often, reception] = to(actions, '张丽')
    expect(often).toMatch(/^本群的固定活动：/u)
    expect(often).toMatch(/家聚会：每月第一个周六 09:00（下一次：/u)
    expect(reception).toMatch(/^本群的家接待：每周三 09:00/u)
    expect(to(actions, '陈静')).toEqual([expect.stringMatching(/^本群的固定活动：/u)])
    expect(to(actions, '赵敏')).toEqual([texts.feeNothingOpen])
    expect(to(actions, '郑丽娟')).toEqual([texts.notOpen('广场舞', [], 'Asia/Shanghai')])
    // Nobody's question was held as a sign-up for an announcement to come.
    expect(room(actions).some((a) => a.text.includes('已登记'))).toBe(false)
  }, 120_000)
})
