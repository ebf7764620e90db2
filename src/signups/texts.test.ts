import { describe, expect, it } from 'vitest'
import type { Activity, Outcome } from './store.ts'
import { texts } from './texts.ts'

const a = { id: 1, title: '插花课', capacity: 3 } as Activity
const promoted: Outcome = { op: 'promoted', name: '刘阿姨的婆婆', byId: 'u-liu', byName: '刘阿姨', status: 'in' }

describe('sign-up summary', () => {
  it('a raised capacity never says somebody left; a departure does', () => {
    expect(texts.summary(a, [promoted], 3)).toContain('名额增加了，候补转正：刘阿姨的婆婆')
    expect(texts.summary(a, [promoted], 3)).not.toContain('有人退出')
    const left: Outcome = { op: 'leave', name: '王芳', byId: 'u-w', byName: '王芳', status: 'removed' }
    expect(texts.summary(a, [left, promoted], 3)).toContain('有人退出，候补转正：刘阿姨的婆婆')
  })

  it('a cancellation said beside an emergency is not named; the place it freed is still given on', () => {
    const quiet: Outcome = { op: 'leave', name: '林霞', byId: 'u-l', byName: '林霞', status: 'removed', quiet: true }
    expect(texts.summary(a, [quiet], 2)).toBe('')
    const text = texts.summary(a, [quiet, promoted], 3)
    expect(text).toContain('有人退出，候补转正：刘阿姨的婆婆')
    expect(text).not.toMatch(/林霞|已取消报名/u)
    // Control: beside another cancellation in the same summary, only the other one is named.
    const other: Outcome = { op: 'leave', name: '王芳', byId: 'u-w', byName: '王芳', status: 'removed' }
    expect(texts.summary(a, [quiet, other], 2)).toContain('已取消报名：王芳\n')
    expect(texts.summary(a, [quiet, other], 2)).not.toContain('林霞')
  })

  it('a group split between places and the waitlist is told which part is where', () => {
    const join = (name: string, status: 'in' | 'wait', pos: number): Outcome => ({ op: 'join', name, byId: 'u-z', byName: '赵敏', status, state: status, pos })
    const text = texts.summary(a, [join('赵敏', 'in', 3), join('赵敏的女儿', 'wait', 1)], 3)
    expect(text).toContain('赵敏这2位：赵敏已报上；赵敏的女儿在候补')
    // Positive control: a group that fits entirely gets no such line.
    expect(texts.summary(a, [join('赵敏', 'in', 2), join('赵敏的女儿', 'in', 3)], 3)).not.toContain('这2位')
  })
})

const activity = (over: Partial<Activity>): Activity => ({
  id: 1, groupId: 'g', title: '亲子阅读', startAt: Date.UTC(2026, 11, 5, 6), place: '活动室', capacity: 2, deadlineAt: 0, notes: '', status: 'open', hostId: 'h', hostName: '李姐', createdAt: 0, version: 1, ...over,
})

describe('the list of activities', () => {
  it('says a full activity is full and the waitlist open; one with places left is 报名中', () => {
    const list = texts.list([activity({}), activity({ id: 2, title: '插花课', capacity: 12 })], [2, 7], 'Asia/Shanghai')
    expect(list).toMatch(/活动1「亲子阅读」.*已满（可排候补），已报名2\/2/u)
    expect(list).toMatch(/活动2「插花课」.*报名中，已报名7\/12/u)
  })
})

describe('a change whose time is unclear', () => {
  it('asks which, without also saying which one it went by', () => {
    const asked = texts.editNeedsConfirm('没说上午还是下午，按下午3点算（不是上午3点）', a)
    expect(asked).toBe('时间还没改：是下午3点还是上午3点？请说清楚再发一次，比如「活动1改到下午3点」。')
    expect(asked).not.toMatch(/按.*算/u)
    expect(texts.editNeedsConfirm('没说上午还是下午，按下午3点算（不是上午3点）', a, 'deadline')).toContain('比如「修改活动1 截止 下午3点」')
    // Control: a doubt about the day is passed on as it is, with no clock example.
    expect(texts.editNeedsConfirm('今天就是周六，是指今天还是下周六？', a)).toBe('时间还没改：今天就是周六，是指今天还是下周六？请说清楚再发一次。')
  })
})

describe('the roster', () => {
  const entry = (name: string, byId: string, byName: string, seq: number) => ({ key: `k${seq}`, name, byId, byName, at: seq, seq, state: 'in' as const })
  const r = { confirmed: [entry('王芳', 'u1', '王芳', 1), entry('刘桂英', 'u2', '陈静', 2), entry('陈静的妈', 'u2', '陈静', 3), entry('孙丽华', '', '张丽', 4), entry('孙丽华', 'u5', '孙姐', 5)], waitlist: [] }
  const act = activity({ capacity: 12, status: 'open' })
  it('tells hosts who signed up someone else; residents see only the names the summaries posted', () => {
    const host = texts.roster(act, r, 'Asia/Shanghai', true)
    expect(host).toContain('2. 刘桂英（陈静帮报）')
    // Her own place, her family said as hers, a pasted 接龙 line: nothing added.
    // …nor a name that may be her own under her display name (孙姐 writing "4.孙丽华").
    expect(host).toMatch(/1\. 王芳\n2\. 刘桂英（陈静帮报）\n3\. 陈静的妈\n4\. 孙丽华\n5\. 孙丽华$/u)
    expect(texts.roster(act, r, 'Asia/Shanghai')).not.toContain('帮报')
  })
})
