import { describe, expect, it } from 'vitest'
import { CORPUS_ACTIVITIES, CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { understand } from './understand.ts'
import type { Situation } from './types.ts'

// Round 18: a host takes someone off the roster in plain words; who has paid is asked of a roster; whether an activity
// is still on names it by part of its title ("绘本那个").
const host: Situation = {
  where: 'group',
  role: 'host',
  mention: true,
  activities: CORPUS_ACTIVITIES.map(({ id, title, startAt, place, notes }) => ({ id, title, startAt, place, notes })),
  signedUp: [],
  openCase: false,
  now: CORPUS_NOW,
  tz: CORPUS_TZ,
}
const resident: Situation = { ...host, role: 'resident' }

describe('a host taking someone off the roster', () => {
  it.each([
    ['张丽说她不来了，帮她取消一下', '张丽'],
    ['王芳不来了，帮她取消一下', '王芳'],
    ['帮王芳取消报名', '王芳'],
    ['王芳的报名取消一下', '王芳'],
    ['把王芳给去掉', '王芳'],
    ['把张丽从名单划掉吧', '张丽'],
  ])('%s → remove %s', (text, target) => {
    expect(understand(text, host)).toMatchObject({ intent: 'signup.remove', slots: { target } })
  })
  it('she or he with no name is still a removal (the bot asks whom)', () => {
    expect(understand('她不来了帮她退了', host).intent).toBe('signup.remove')
    expect(understand('给她去掉', host).intent).toBe('signup.remove')
  })
  it('her own family or herself is her cancellation; a resident keeps the cancellation of the one she signed up', () => {
    expect(understand('我婆婆不来了 帮她取消一下', host)).toMatchObject({ intent: 'signup.cancel', slots: { relatives: ['婆婆'] } })
    expect(understand('帮我取消一下', host).intent).toBe('signup.cancel')
    expect(understand('帮王芳取消报名', resident)).toMatchObject({ intent: 'signup.cancel', slots: { names: ['王芳'] } })
    expect(understand('取消活动1', host).intent).toBe('host.cancel')
  })
})

describe('who has paid', () => {
  it.each(['茶话会谁还没交钱', '谁交了钱', '茶水费收齐了没'])('%s is a roster asked with the fee', (text) => {
    expect(understand(text, host)).toMatchObject({ intent: 'signup.roster', slots: { field: 'fee' } })
  })
  it('what it costs is still a question about the activity (control)', () => {
    expect(understand('材料费要交多少钱', resident)).toMatchObject({ intent: 'activity.info', slots: { field: 'fee' } })
  })
})

describe('still on, by part of a title', () => {
  it('"绘本那个还搞不搞了" names 绘本, with nothing open', () => {
    expect(understand('绘本那个还搞不搞了', { ...resident, activities: [] })).toMatchObject({ intent: 'activity.info', slots: { title: '绘本' } })
    expect(understand('上次说的读书会还办不办了', { ...resident, activities: [] })).toMatchObject({ intent: 'activity.info', slots: { title: '读书会' } })
  })
})
