// Usability round 14 (a tester playing the host, /work/notes/tester-host): what residents type after a host's
// notice — her commands, questions about a cancelled activity, fee and bring questions, a daughter to bring — and
// a deadline given as a part of the day. Each script runs to its end (/idle waits for every reply), so what did not
// happen is checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import type { BotAction } from '../src/sandbox/actions.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-tester-host')
afterAll(() => script.cleanup())

const room = (actions: BotAction[]) => actions.filter((a) => a.kind === 'room')
const to = (actions: BotAction[], name: string) => room(actions).filter((a) => a.mentions.includes(name)).map((a) => a.text)

describe('sandbox: a resident typing a host command', () => {
  it('"导出", "名单", "取消活动1", "導出" …: each gets one line saying who may use it, in her script; nothing changes', async () => {
    const actions = await script.run('test/fixtures/scripts/resident-host-commands.txt')
    const refused = /^这个指令只有微家主人或工作人员可以用哦。[^\n]+$/u
    // 导出, 修改活动1, 重新开放1, 取消活动1 (王芳); 截止报名1 (张丽). Her 名单 and 活动列表 only read what the group sees
    // anyway, and are answered.
    expect(to(actions, '王芳')).toEqual([expect.stringMatching(refused), expect.stringMatching(refused), expect.stringMatching(refused), '这个指令只有微家主人或工作人员可以用哦。要取消自己的报名，回复「取消报名」就行。'])
    expect(to(actions, '张丽').filter((t) => refused.test(t))).toHaveLength(1)
    expect(room(actions).filter((a) => /^活动1「做香包」 .*\n已报名（1\/5）：/u.test(a.text))).toHaveLength(2)
    // 導出, 取消活動1: in Traditional, as she wrote.
    expect(to(actions, '陳太')).toEqual([expect.stringMatching(/^這個指令只有微家主人或工作人員可以用哦。/u), '這個指令只有微家主人或工作人員可以用哦。要取消自己的報名，回覆「取消報名」就行。'])
    // Nothing was exported, edited, closed or cancelled; a plain question is still answered, and the host's 名单 works.
    expect(actions.filter((a) => a.kind === 'private')).toEqual([])
    expect(to(actions, '张丽').at(-1)).toMatch(/^最近的活动：\n活动1「做香包」.*10:00，报名中，已报名1\/5$/u)
    expect(room(actions).at(-1)?.text).toMatch(/^活动1「做香包」 .*10:00\n已报名（1\/5）：\n1\. 王芳$/u)
  }, 120_000)
})

describe('sandbox: questions about a cancelled activity', () => {
  it('by title or by its notice, addressed or read as activity talk: "已经取消了" with the host\'s reason, which the cancellation notice carried too', async () => {
    const actions = await script.run('test/fixtures/scripts/cancelled-activity-questions.txt')
    const gone = '活动1「做香包」（原定12月5日（周六）10:00）已经取消了（李姐说：场地被占了，下次再约）。有新活动会在群里发通知。'
    const cancelledAs = (text: string) => text.replace(/12月\d+日（周.）/gu, '12月5日（周六）')
    // The notice to those signed up says why, in her words.
    expect(room(actions).find((a) => a.text.startsWith('【通知】活动1'))).toMatchObject({ text: expect.stringMatching(/取消了（李姐说：场地被占了，下次再约），/u), mentions: ['王芳'] })
    // "香包那个还搞不搞了" (part of the title), "艾草香囊要自己带布吗" (its notice), "做香包几点开始啊" (not addressed).
    expect(to(actions, '张丽').map(cancelledAs)[0]).toBe(gone)
    expect(to(actions, '陈美玲').map(cancelledAs)).toEqual([gone])
    expect(to(actions, '王芳').filter((t) => !t.startsWith('【通知】')).map(cancelledAs)).toEqual([gone])
    // Cancelled without a reason: no one is quoted. A question for the documents still goes to them.
    expect(room(actions).find((a) => a.text.startsWith('【通知】活动2'))?.text).toMatch(/取消了，给报名的朋友们/u)
    expect(to(actions, '赵敏')[0]).toMatch(/^活动2「插花」（原定.*）已经取消了。有新活动/u)
    expect(to(actions, '赵敏')[1]).toMatch(/来源：《两癌筛查/u)
    // Announced again: asked as it is now.
    expect(to(actions, '张丽')[1]).toMatch(/^活动3「做香包」照常：/u)
  }, 120_000)
})

describe('sandbox: a fee or what to bring, asked right after a notice', () => {
  it('"那要钱不？要自己带面粉吗" is answered from the notice (what it does not say named for the host), "两癌筛查要钱吗" from the documents', async () => {
    const actions = await script.run('test/fixtures/scripts/fee-bring-followup.txt')
    expect(to(actions, '王芳')).toEqual(['活动1「包饺子」的通知里没写费用和要带的东西，可以问问微家主人李姐。'])
    // Not said to the bot, but right after the sign-ups: the same.
    expect(to(actions, '赵敏')).toEqual(['活动1「包饺子」的通知里没写要带的东西，可以问问微家主人李姐。'])
    // Naming something else: the documents answer, and no activity is mentioned.
    expect(to(actions, '陈静')).toEqual([expect.stringMatching(/来源：《两癌筛查/u)])
    // With two open, the activity the talk was just about, and what its notice says.
    expect(to(actions, '周红')).toEqual(['活动2「剪纸」：材料费5元，自带剪刀。'])
  }, 120_000)
})

describe('sandbox: a sign-up asking whether she may bring someone', () => {
  it('"我報名 我同個女一齊嚟得唔得": signed up and answered in her script; by family the child comes on her place', async () => {
    const actions = await script.run('test/fixtures/scripts/signup-bringing-someone.txt')
    const texts = room(actions).map((a) => a.text)
    // Counted by person: she is on, told (in Traditional) how to put her daughter on too, and that works.
    expect(to(actions, '陳太')).toEqual(['活動1「包湯圓」按人數報名（限10人），女兒來的話也要報上名。需要的話可以回覆「幫我女兒也報上」。'])
    expect(texts).toContain('活動1「包湯圓」\n已登記：陳太（1/10）')
    expect(texts).toContain('活動1「包湯圓」\n已登記：陳太的女兒（2/10）')
    // A grown-up asked about is not signed up on a question, only when she says so.
    expect(to(actions, '王芳')).toEqual(['活动1「包汤圆」按人数报名（限10人），老公来的话也要报上名。需要的话可以回复「帮我老公也报上」。'])
    expect(texts).toContain('活动1「包汤圆」\n已登记：王芳（3/10）')
    // By family: the son comes on her place, written beside her name; asked without signing up, how to say so.
    expect(to(actions, '张丽')).toEqual(['活动2「亲子阅读」按家庭算名额，儿子跟您一起来不另占名额，已经给您写上了。'])
    expect(to(actions, '赵敏')).toEqual(['活动2「亲子阅读」按家庭算名额，孙子跟您一起来不另占名额，报名时说「报名 带孙子」就行。'])
    expect(texts.at(-1)).toMatch(/已报名（1\/5）：\n1\. 张丽（带儿子）$/u)
    expect(texts.filter((t) => t.includes('（这个亲子活动按家庭算名额'))).toEqual([])
  }, 120_000)
})
