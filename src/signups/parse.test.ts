import { describe, expect, it } from 'vitest'
import { cancelReasonOf, isConfirmation, nameKey, parseHostCommand, parseResident } from './parse.ts'
import { asksToBring, peopleOf, slotsFor } from './handlers/resident.ts'
import { peopleIn } from '../nlu/people.ts'
import { byTitle, pickActivity, plusOneCounts } from './resolve.ts'
import { typedHostCommand } from './handlers/host.ts'
import type { Activity } from './store.ts'

describe('resident sign-up forms', () => {
  it.each([
    ['报名', [{ self: true }], {}],
    ['报名！', [{ self: true }], {}],
    ['我报名', [{ self: true }], {}],
    ['我也报名', [{ self: true }], {}],
    ['我要报名', [{ self: true }], {}],
    ['算我一个', [{ self: true }], {}],
    ['加我一个', [{ self: true }], {}],
    ['我参加', [{ self: true }], {}],
    ['报名+1', [{ self: true }], {}],
    ['报名 亲子阅读', [{ self: true }], { text: '亲子阅读' }],
    ['报名活动3', [{ self: true }], { number: 3 }],
    ['报名2人', [{ self: true }, { guest: 1 }], {}],
    ['帮我婆婆报一个', [{ relation: '婆婆' }], {}],
    ['给张阿姨也报个名', [{ name: '张阿姨' }], {}],
    ['帮婆婆和我妈报名', [{ relation: '婆婆' }, { relation: '妈' }], {}],
    ['我和婆婆报名', [{ self: true }, { relation: '婆婆' }], {}],
  ])('%s → join', (text, people, ref) => {
    expect(parseResident(text)).toEqual({ kind: 'join', form: 'explicit', people, ref })
  })

  it.each([
    ['+1', [{ self: true }], {}],
    ['＋１', [{ self: true }], {}],
    ['➕1', [{ self: true }], {}],
    ['+2', [{ self: true }, { guest: 1 }], {}],
    ['+2 我和闺女', [{ self: true }, { relation: '闺女' }], {}],
    ['+2 带孩子', [{ self: true }, { relation: '孩子' }], {}],
    ['+3', [{ self: true }, { guest: 1 }, { guest: 2 }], {}],
    ['+1 活动3', [{ self: true }], { number: 3 }],
  ])('%s → plus', (text, people, ref) => {
    expect(parseResident(text)).toEqual({ kind: 'join', form: 'plus', people, ref })
  })

  it.each([
    ['取消报名', {}, undefined],
    ['不去了', {}, undefined],
    ['我不去了', {}, undefined],
    ['我去不了了', {}, undefined],
    ['-1', {}, undefined],
    ['取消报名活动3', { number: 3 }, undefined],
    ['取消婆婆的报名', {}, '婆婆'],
    ['婆婆不去了', {}, '婆婆'],
  ])('%s → leave', (text, ref, who) => {
    expect(parseResident(text)).toEqual({ kind: 'leave', ref, ...(who ? { who } : {}) })
  })

  it.each([
    ['我报上了没？', 'status'],
    ['我报名了吗', 'status'],
    ['有我吗？', 'status'],
    ['还有名额吗？', 'places'],
    ['满了吗', 'places'],
    ['还能报吗？', 'places'],
    ['怎么报名？', 'howto'],
    ['周六的活动要报名吗', 'howto'],
  ])('%s → a question (%s), never a sign-up', (text, kind) => {
    expect(parseResident(text)?.kind).toBe(kind)
  })

  it.each(['1', '扣1', '扣个1', '1️⃣', '１。'])('%s → a bare "1" (a sign-up only as a reply to the activity, see resolve.ts)', (text) => {
    expect(parseResident(text)).toEqual({ kind: 'join', form: 'one', people: [{ self: true }], ref: {} })
  })

  it.each(['好的', '今天天气真好', '报名了', '谢谢李姐', '哈哈哈', '我去超市', '大家周末愉快', '+100', '11', '10', '1楼', '收到的扣1'])('%s → nothing', (text) => {
    expect(parseResident(text)).toBeUndefined()
  })

  it('reads pasted 接龙 lists', () => {
    expect(parseResident('#接龙\n亲子阅读\n1. 王芳\n2. 张丽\n3. 赵敏')).toEqual({ kind: 'roster', titleLines: ['亲子阅读'], names: ['王芳', '张丽', '赵敏'], weak: false })
    expect(parseResident('#接龙\n亲子阅读 周六下午\n\n1、王芳\n2、张丽 带孩子\n3、')).toEqual({ kind: 'roster', titleLines: ['亲子阅读 周六下午'], names: ['王芳', '张丽', '张丽的孩子'], weak: false })
    // A line that is not a name (an instruction, an @mention, a sentence) never takes a place; companions do.
    expect(parseResident('#接龙\n插花课\n1. 王芳+娃\n2. @小助手 帮我统计一下\n3. 请大家按顺序接龙\n4. 刘阿姨带孙子\n5. 赵敏 我周六可能晚点到大概三点左右')).toMatchObject({
      names: ['王芳', '王芳的娃', '刘阿姨', '刘阿姨的孙子'],
    })
    // Without the marker a numbered list is only a candidate (its title must name an activity).
    expect(parseResident('亲子阅读\n1. 王芳\n2. 张丽')).toMatchObject({ kind: 'roster', weak: true })
    expect(parseResident('购物清单\n1. 鸡蛋')).toBeUndefined()
  })

  it('reads one numbered name line, added to the chain on its own, as her entry (a tester\'s "4.孙丽华" was ignored)', () => {
    for (const text of ['4.孙丽华', '4. 孙丽华', '4、孙丽华', '４．孙丽华', '10. 李奶奶']) {
      expect(parseResident(text)).toEqual({ kind: 'roster', titleLines: [], names: [text.includes('李') ? '李奶奶' : '孙丽华'], weak: true, added: true })
    }
    expect(parseResident('5.孙丽华+娃')).toMatchObject({ names: ['孙丽华', '孙丽华的娃'], added: true })
    // A numbered line that names nobody is no entry; a pasted list is still a list.
    for (const text of ['1.带剪刀', '2.周六下午', '3楼王芳', '1. 请大家按顺序接龙']) expect(parseResident(text)).toBeUndefined()
    expect(parseResident('接龙\n1. 王芳\n2. 张丽')).toEqual({ kind: 'roster', titleLines: [], names: ['王芳', '张丽'], weak: false })
  })
})

describe('who a sign-up registers', () => {
  it('names family and guests after the sender, without duplicates', () => {
    expect(slotsFor([{ self: true }, { relation: '婆婆' }, { guest: 1 }, { name: '张阿姨' }, { self: true }], { name: '王芳' })).toEqual([
      { key: '王芳', name: '王芳', own: true },
      { key: '王芳的婆婆', name: '王芳的婆婆', own: true },
      { key: '王芳+1', name: '王芳+1', own: true },
      { key: '张阿姨', name: '张阿姨', own: true },
    ])
    expect(nameKey(' 王 芳 ')).toBe('王芳')
  })

  it("reads a grandparent word on an account named for one as the account's owner (a grandchild typing)", () => {
    expect(slotsFor([{ relation: '奶奶' }], { name: '孙奶奶' })).toEqual([{ key: '孙奶奶', name: '孙奶奶', own: true }])
    expect(slotsFor([{ self: true }, { relation: '外婆' }], { name: '周外婆' })).toEqual([{ key: '周外婆', name: '周外婆', own: true }])
    // Anyone else's grandmother is her grandmother; 婆婆 is a mother-in-law, not a grandparent.
    expect(slotsFor([{ relation: '奶奶' }], { name: '王芳' })).toEqual([{ key: '王芳的奶奶', name: '王芳的奶奶', own: true }])
    expect(slotsFor([{ relation: '婆婆' }], { name: '李婆婆' })).toEqual([{ key: '李婆婆的婆婆', name: '李婆婆的婆婆', own: true }])
  })

  it.each([
    ['给我奶奶报个名', ['王芳的奶奶']],
    ['帮我姥姥报一个', ['王芳的姥姥']],
    ['帮我妈妈报名插花课，她叫刘桂兰，没有微信', ['刘桂兰']],
    ['婆婆让我帮她报插花 她不会打字 名字写周桂兰就行', ['周桂兰']],
    ['帮我报一个 我是替我外婆报的 她叫周阿婆', ['周阿婆']],
    ['周日插花 我和我妹 两个 我妹叫李娟', ['王芳', '李娟']],
    ['我和我妈报名', ['王芳', '王芳的妈']],
  ])('%s registers %j', (said, names) => {
    const p = peopleIn(said)
    const who = peopleOf({ self: p.self, relatives: p.relatives, names: p.names, count: p.count })
    expect(slotsFor(who, { name: '王芳' }).map((s) => s.name)).toEqual(names)
  })
})

describe('host commands', () => {
  it.each([
    ['名单', { kind: 'roster' }],
    ['名单3', { kind: 'roster', number: 3 }],
    ['活动3名单', { kind: 'roster', number: 3 }],
    ['导出', { kind: 'export' }],
    ['导出活动3', { kind: 'export', number: 3 }],
    ['截止报名3', { kind: 'close', number: 3 }],
    ['重新开放3', { kind: 'reopen', number: 3 }],
    ['取消活动3', { kind: 'cancel', number: 3 }],
    ['活动列表', { kind: 'list' }],
    ['修改活动3 时间 周日下午3点', { kind: 'edit', number: 3, field: 'time', value: '周日下午3点' }],
    ['修改活动3 地点 社区广场', { kind: 'edit', number: 3, field: 'place', value: '社区广场' }],
    ['修改活动3 限30人', { kind: 'edit', number: 3, value: '限30人' }],
    ['活动3时间改为周日下午3点', { kind: 'edit', number: 3, field: 'time', value: '周日下午3点' }],
  ])('%s', (text, cmd) => expect(parseHostCommand(text)).toEqual(cmd))

  it.each(['报名', '名单里有我吗', '我想导出照片', '取消报名', '改天再说'])('%s is not a host command', (text) => {
    expect(parseHostCommand(text)).toBeUndefined()
  })

  it('confirmations', () => {
    for (const t of ['确认', '确定', '对的', '是的', '好']) expect(isConfirmation(t)).toBe(true)
    for (const t of ['确认一下时间', '不对']) expect(isConfirmation(t)).toBe(false)
  })
})

const act = (id: number, title: string): Activity => ({
  id, groupId: 'g', title, startAt: 0, place: '', capacity: 0, deadlineAt: 0, notes: '', status: 'open', hostId: '', hostName: '', createdAt: 0, version: 1,
})

describe('which activity', () => {
  const acts = [act(3, '亲子阅读'), act(4, '健康讲座')]
  it('by number, by title, by quoted announcement, or the only one; otherwise ask', () => {
    expect(pickActivity(acts, { number: 4 })).toEqual({ one: acts[1] })
    expect(pickActivity(acts, { number: 9 })).toEqual({ notFound: 9 })
    expect(pickActivity(acts, { text: '亲子阅读' })).toEqual({ one: acts[0] })
    expect(pickActivity(acts, {}, '【活动4】健康讲座\n时间：…')).toEqual({ one: acts[1] })
    expect(pickActivity(acts, {})).toEqual({ several: acts })
    expect(pickActivity([acts[0]!], {})).toEqual({ one: acts[0] })
    expect(pickActivity([], {})).toEqual({ none: true })
    expect(byTitle(acts, '报名亲子阅读活动')).toEqual([acts[0]])
  })

  it('the "+1" rule: previous group message about an activity, recent enough', () => {
    const now = 1_000_000_000
    expect(plusOneCounts({ related: true, at: now - 60_000 }, now, 120)).toBe(true)
    expect(plusOneCounts({ related: false, at: now - 1000 }, now, 120)).toBe(false)
    expect(plusOneCounts({ related: true, at: now - 121 * 60_000 }, now, 120)).toBe(false)
    expect(plusOneCounts(undefined, now, 120)).toBe(false)
  })
})

describe('a 接龙 pasted on one line (conversation round 5)', () => {
  it('reads its numbered items as its lines', () => {
    expect(parseResident('接龙 1.王芳 2.王芳婆婆 3.张丽')).toMatchObject({ kind: 'roster', names: ['王芳', '王芳婆婆', '张丽'] })
    // Not a list: one item.
    expect(parseResident('接龙 1.王芳')?.kind).not.toBe('roster')
  })
})

describe("a host's command as typed (a resident typing one is told who may use it)", () => {
  it.each(['导出', '名单', '名单1', '活动列表', '修改活动1 时间 周日下午3点', '截止报名1', '截止报名', '重新开放1', '取消活动1', '取消活动', '導出', '名單', '取消活動1', '活動列表'])('%s is one', (text) => {
    expect(typedHostCommand(text)).toBe(true)
  })
  it.each(['有哪些活动', '报名情况', '截止', '重开', '改时间了吗', '取消报名', '我报名', '导出来看看'])('%s is not', (text) => {
    expect(typedHostCommand(text)).toBe(false)
  })
})

describe("the host's reason beside a cancellation", () => {
  it.each([
    ['取消活动1 场地被占了 下次再约', '场地被占了，下次再约'],
    ['活动1取消 因为下雨', '下雨'],
    ['由于天气原因，取消活动2', '天气原因'],
    ['插花课不办了 老师病了', '老师病了'],
    ['取消活动1', undefined],
    ['取消活动1 抱歉大家', undefined],
    ['@小助手 周六的活动取消吧', undefined],
  ])('%s → %s', (text, reason) => {
    expect(cancelReasonOf(text)).toBe(reason)
  })
})

describe('asking whether she may bring someone', () => {
  it.each([
    ['我報名 我同個女一齊嚟得唔得', '女儿'],
    ['报名 能带我女儿一起来吗', '女儿'],
    ['我报名，可以带孙子来不', '孙子'],
    ['报名 我老公能一起来不', '老公'],
    ['我報名 可唔可以帶埋個仔', '儿子'],
    ['算我一个，我家俩娃能一起来不', '娃'],
    // Who comes, said rather than asked; a question about something else.
    ['我报名 带儿子', undefined],
    ['+2 我和闺女', undefined],
    ['报名 我和闺女都去', undefined],
    ['我报名 要带剪刀吗', undefined],
    ['报名 我老公不让我去咋办', undefined],
  ])('%s → %s', (text, who) => {
    expect(asksToBring(text)).toBe(who)
  })
})
