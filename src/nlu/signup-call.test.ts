import { describe, expect, it } from 'vitest'
import { CORPUS_ACTIVITIES, CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { understand } from './understand.ts'

const sit = { where: 'group' as const, role: 'host' as const, mention: false, activities: CORPUS_ACTIVITIES, signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }

// The host calling on others to sign up ("插花还有名额 想参加的扣1") was read as her own sign-up: a tester's host
// found herself on the list.
describe('a call to sign up is nobody\'s sign-up', () => {
  it.each(['插花课还有名额 想参加的扣1', '亲子阅读还差几个人 想去的接龙', '要报名的私信我', '想参加的扣1'])('%s', (text) => {
    expect(understand(text, sit).intent).not.toBe('signup.join')
  })

  it('controls: her own wish to go, in the same words, is a sign-up', () => {
    expect(understand('我也想参加', { ...sit, role: 'resident' }).intent).toBe('signup.join')
    expect(understand('插花我想去的 帮我报一个', { ...sit, role: 'resident' }).intent).toBe('signup.join')
  })
})
