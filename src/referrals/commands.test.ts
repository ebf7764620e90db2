import { describe, expect, it } from 'vitest'
import { canonicalCaseId, localDate } from './cases.ts'
import { parseStaffCommand } from './commands.ts'
import { readConsent, readContact } from './flow.ts'

describe('staff commands', () => {
  it.each([
    ['接单 R-20261122-0007', { type: 'ack', id: 'R-20261122-0007' }],
    ['接单r-20261122-7', { type: 'ack', id: 'R-20261122-0007' }],
    ['接单：R20261122-0007', { type: 'ack', id: 'R-20261122-0007' }],
    ['备注 R-20261122-0007 已电话联系，明天面谈', { type: 'note', id: 'R-20261122-0007', text: '已电话联系，明天面谈' }],
    ['转派 R-20261122-0007 @小陈', { type: 'transfer', id: 'R-20261122-0007', to: '小陈' }],
    ['结案 R-20261122-0007 已协助申请保护令', { type: 'close', id: 'R-20261122-0007', result: '已协助申请保护令' }],
    ['结案 R-20261122-0007', { type: 'close', id: 'R-20261122-0007', result: '（未填写）' }],
    ['我的案件', { type: 'mine' }],
    ['查看 R-20261122-0007', { type: 'view', id: 'R-20261122-0007' }],
    ['看一下 r20261122-7', { type: 'view', id: 'R-20261122-0007' }],
  ])('%s', (text, cmd) => expect(parseStaffCommand(text)).toEqual(cmd))

  it('a known verb with the wrong rest asks for the usage; other text is not a command', () => {
    expect(parseStaffCommand('接单')).toEqual({ error: 'usage' })
    expect(parseStaffCommand('备注 R-20261122-0007')).toEqual({ error: 'usage' })
    expect(parseStaffCommand('转派 R-20261122-0007')).toEqual({ error: 'usage' })
    expect(parseStaffCommand('接单 12345')).toEqual({ error: 'usage' })
    expect(parseStaffCommand('我想接单做手工')).toBeUndefined()
    // A case named with a verb we do not know: the usage, not a chat reply.
    expect(parseStaffCommand('催一下 R-20261122-0007')).toEqual({ error: 'usage' })
  })

  it("a staff member asking in her own words for what waits on her gets her list; a need of her own does not", () => {
    for (const t of ['有新的求助吗', '还有没人接的案子吗？', '今天有啥求助没', '我手上还有几个案子', '看看我的单子', '待办', '个案列表']) {
      expect(parseStaffCommand(t), t).toEqual({ type: 'mine' })
    }
    for (const t of ['求助', '我想求助', '有人能帮帮我吗', '我老公打我']) expect(parseStaffCommand(t), t).toBeUndefined()
  })

  it('case ids use the local (Asia/Shanghai) date', () => {
    // 2026-11-22 17:00 UTC is already 11-23 in Shanghai.
    expect(localDate(Date.UTC(2026, 10, 22, 17, 0), 'Asia/Shanghai')).toBe('20261123')
    expect(localDate(Date.UTC(2026, 10, 22, 15, 59), 'Asia/Shanghai')).toBe('20261122')
    expect(canonicalCaseId('r20261122-12')).toBe('R-20261122-0012')
    expect(canonicalCaseId('R-2026112-0001')).toBeUndefined()
  })
})

describe('consent conversation answers', () => {
  it.each([
    ['同意', 'yes'],
    ['好的', 'yes'],
    ['嗯嗯，麻烦了', 'yes'],
    ['1', 'yes'],
    ['不用了', 'no'],
    ['不要告诉别人', 'no'],
    ['算了吧', 'no'],
    ['不好意思我再想想', 'no'],
    ['取消', 'cancel'],
    ['好累啊我老公昨天又喝多了回来骂人', 'other'],
    ['你是机器人吗', 'other'],
  ])('%s → %s', (text, answer) => expect(readConsent(text)).toBe(answer))

  it('reads the contact preference', () => {
    expect(readContact('1')).toBe('微信私聊')
    expect(readContact('2 13912340000')).toBe('打电话（13912340000）')
    expect(readContact('3、周末上午')).toBe('当面聊（周末上午）')
    expect(readContact('晚上发微信就行')).toBe('晚上发微信就行')
    expect(readContact('x'.repeat(300))).toHaveLength(120)
  })
})
