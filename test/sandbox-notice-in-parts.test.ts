// Tester round 18 (C3), through the sandbox script player: a notice typed in three lines is one activity. The line
// that opens with 不 (不收费…) once threw the draft away, and the line with the places was silently lost.
import { afterAll, describe, expect, it } from 'vitest'
import { texts } from '../src/signups/texts.ts'
import { roomReplies as room, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-notice-parts')
afterAll(() => script.cleanup())

describe('sandbox: a notice in three lines', () => {
  it('details join the draft, shown again once; 确认 publishes them all; her sign-up and a question get answers', async () => {
    const actions = await script.run('test/fixtures/scripts/notice-in-parts.txt')
    const host = room(actions, '李姐')
    // The first preview, then one more after the two detail lines (not one per line), and no 「不发了」.
    expect(host).toHaveLength(2)
    expect(host).not.toContain(texts.draftDropped)
    expect(host[0]).toMatch(/^活动草稿：亲子绘本共读/u)
    expect(host[0]).not.toContain('名额')
    expect(host[1]).toMatch(/^活动草稿：亲子绘本共读[\s\S]*名额：10个家庭（孩子不另占名额）[\s\S]*备注：[^\n]*不收费，大家带一本孩子喜欢的绘本来/u)
    // 确认: published with every detail.
    const notice = actions.find((a) => a.kind === 'room' && a.text.startsWith('【活动1】'))
    expect(notice?.text).toMatch(/名额：10个家庭（孩子不另占名额）[\s\S]*不收费/u)
    // Her sign-up with her son: one place, the child beside her name.
    expect(actions.some((a) => a.kind === 'room' && /已登记：王芳（带儿子）（1\/10）/u.test(a.text))).toBe(true)
    // What to bring and the fee, as the notice says them (不收费 is not 收费).
    expect(room(actions, '张丽')).toEqual([expect.stringMatching(/^活动1「亲子绘本共读」：不收费，(?:大家)?带一本孩子喜欢的绘本/u)])
  }, 120_000)
})
