import { describe, expect, it } from 'vitest'
import { asksForNumber, bareOne } from './resolve.ts'
import type { Activity, LastMessage } from './store.ts'

const NOW = 1_000_000_000_000
const MIN = 60_000
const act = (id: number, title: string, createdAt: number): Activity => ({
  id, groupId: 'g', title, startAt: NOW + 3 * 86_400_000, place: '微家活动室', capacity: 4, deadlineAt: 0, notes: '', status: 'open', hostId: 'h', hostName: '李姐', createdAt, version: 1,
})
const read = (live: Activity[], prev: LastMessage | undefined, extra: { quoted?: string; drafting?: boolean } = {}) => bareOne({ live, prev, now: NOW, windowMin: 120, ...extra })

// A bare "1" / "扣1" (a tester's "1" right after the notice was ignored while the places went to others).
describe('a bare "1"', () => {
  const sachet = act(1, '做香包', NOW - 5 * MIN)
  const flowers = act(2, '插花', NOW - 2 * MIN)

  it('right after the notice, or after the sign-ups that followed it, is a sign-up for that activity', () => {
    expect(read([sachet], { related: true, at: NOW - MIN, activityId: 1 })).toEqual({ verdict: 'join', activity: sachet })
    // With two open, the one the talk was about, never "活动1" because she typed 1.
    expect(read([sachet, flowers], { related: true, at: NOW - MIN, activityId: 2 })).toEqual({ verdict: 'join', activity: flowers })
    expect(read([sachet, flowers], { related: true, at: NOW - MIN })).toEqual({ verdict: 'join' })
  })

  it('quoting the notice is a sign-up for it whatever came between; quoting anything else is not', () => {
    const chat: LastMessage = { related: false, at: NOW - MIN }
    expect(read([sachet, flowers], chat, { quoted: '【活动1】做香包\n时间：12月6日（周日）10:00' })).toEqual({ verdict: 'join', activity: sachet })
    expect(read([sachet, flowers], chat, { quoted: '周日上午10点 微家活动室 做香包 就4个名额哈' })).toEqual({ verdict: 'join', activity: sachet })
    expect(read([sachet], chat, { quoted: '明天降温 大家多穿点' })).toEqual({ verdict: 'ignore' })
  })

  it('answers a poll or a 收到请扣1 asked just before, even about the activity; the same talk without the question is a sign-up', () => {
    expect(read([sachet], { related: true, at: NOW - MIN, activityId: 1, asks: true })).toEqual({ verdict: 'ignore' })
    expect(read([sachet], { related: false, at: NOW - MIN, asks: true })).toEqual({ verdict: 'ignore' })
    expect(read([sachet], { related: true, at: NOW - MIN, activityId: 1 })).toEqual({ verdict: 'join', activity: sachet })
  })

  it('after other talk while a notice is fresh, she is asked; when the notice is old, it is not about the activity', () => {
    const chat: LastMessage = { related: false, at: NOW - MIN }
    expect(read([sachet, flowers], chat)).toEqual({ verdict: 'ask', activity: flowers })
    expect(read([act(1, '做香包', NOW - 3 * 60 * MIN)], chat)).toEqual({ verdict: 'ignore' })
    // Activity talk too long ago breaks the chain as well.
    expect(read([act(1, '做香包', NOW - 3 * 60 * MIN)], { related: true, at: NOW - 121 * MIN, activityId: 1 })).toEqual({ verdict: 'ignore' })
  })

  it('with nothing open it is no sign-up, unless it replies to the host\'s announcement awaiting her 确认 (then held)', () => {
    expect(read([], { related: true, at: NOW - MIN })).toEqual({ verdict: 'ignore' })
    expect(read([], { related: true, at: NOW - MIN }, { drafting: true })).toEqual({ verdict: 'join' })
    expect(read([], { related: false, at: NOW - MIN }, { drafting: true })).toEqual({ verdict: 'ignore' })
  })
})

describe('a message asking the group for a number (what a bare "1" after it answers)', () => {
  it.each([
    ['香包还有名额 想参加的扣1', 'signup'],
    ['要报名的扣1', 'signup'],
    ['明天上午停水 收到的扣1', 'other'],
    ['收到请回复1', 'other'],
    ['周日包完香包 大家想吃饺子还是馄饨？1.饺子 2.馄饨', 'other'],
    ['选1还是2', 'other'],
  ] as const)('%s → %s', (text, kind) => {
    expect(asksForNumber(text)).toBe(kind)
  })

  it.each(['今天好冷啊 大家多穿点', '注意事项：1.自带剪刀 2.准时到场', '有事打110', '1楼 2单元'])('%s asks for none', (text) => {
    expect(asksForNumber(text)).toBeUndefined()
  })
})
