// A host correcting an activity she has just published, through the CLI's own script player (usability round:
// "时间也改下 改成三点" was answered "按下午3点算…请重发" and the time stayed).
import { afterAll, describe, expect, it } from 'vitest'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-host-corrections')
afterAll(() => script.cleanup())

describe('sandbox: a host corrects a published activity', () => {
  it('"改成三点" for a 下午两点 activity: 15:00 the same day, everyone signed up told, as the place correction', async () => {
    const room = (await script.run('test/fixtures/scripts/signup-fix-time.txt')).filter((a) => a.kind === 'room')
    const changes = room.filter((a) => a.text.startsWith('【变更】活动1「插花课」'))
    // Control: the place correction before it, as it always worked.
    expect(changes[0]).toMatchObject({ text: expect.stringContaining('地点改为社区三楼会议室'), mentions: ['王芳', '张丽'] })
    expect(changes[1]?.text).toMatch(/^【变更】活动1「插花课」有调整：\n时间改为(?<day>\d+月\d+日（周六）)15:00\n现在：\k<day>15:00，社区三楼会议室$/u)
    expect(changes[1]?.mentions).toEqual(['王芳', '张丽'])
    expect(room.some((a) => /重发|按下午3点算/u.test(a.text))).toBe(false)
    // The day kept: the date in the notice is the one published.
    const published = /时间：(\d+月\d+日（周六）)14:00/u.exec(room.find((a) => a.text.startsWith('【活动1】插花课'))!.text)![1]
    expect(changes[1]?.text).toContain(`时间改为${published}15:00`)
    // 陈静 asking afterwards hears the new time and place.
    expect(room.at(-1)).toMatchObject({ text: `活动1「插花课」：${published}15:00，社区三楼会议室\n备注：材料费15`, mentions: ['陈静'] })
  }, 120_000)

  it('"改成三点" for a 上午9点 activity is asked (上午 or 下午), without a guess, and changes nothing; "不是九点 是十点半" moves it', async () => {
    const room = (await script.run('test/fixtures/scripts/signup-fix-time-morning.txt')).filter((a) => a.kind === 'room')
    expect(room.find((a) => a.text.startsWith('时间还没改'))).toMatchObject({ text: '时间还没改：是下午3点还是上午3点？请说清楚再发一次，比如「活动1改到下午3点」。', mentions: ['李姐'] })
    // Asking changed nothing: the one change is the 10:30 one, told to her who signed up.
    const changes = room.filter((a) => a.text.startsWith('【变更】'))
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ text: expect.stringMatching(/时间改为\d+月\d+日（周六）10:30\n/u), mentions: ['王芳'] })
    expect(room.at(-1)?.text).toMatch(/^活动1「亲子阅读」\d+月\d+日（周六）10:30开始/u)
  }, 120_000)
})
