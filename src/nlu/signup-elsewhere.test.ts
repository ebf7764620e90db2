import { describe, expect, it } from 'vitest'
import { CORPUS_ACTIVITIES, CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { readByRules } from './rules.ts'

const sit = { where: 'group' as const, role: 'resident' as const, mention: false, activities: CORPUS_ACTIVITIES, signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }

// Going, not going and signing up for something that is not the group's (utterances-f): never a sign-up or a
// cancellation; the same verbs about the group's activities still are.
describe('school, work and classes elsewhere', () => {
  it.each([
    '我儿子沉迷网络游戏 不去上学已经两周了 怎么办',
    '儿子上初中住校 打电话说同学孤立他 哭着要回家 我在外地回不去 急死了',
    '我想报个夜校学会计 老公说我瞎折腾 一分钱不给 我该咋说服他',
    '儿媳妇嫌我带孙子带得不好 天天给我脸色看',
    '我妈让我帮她去报低保 可是我自己也快过不下去了',
  ])('%s', (text) => {
    expect(readByRules(text, sit).intent).not.toMatch(/^signup\./u)
  })

  it('controls: the group\'s activity with the same verbs', () => {
    expect(readByRules('插花课我去不了了', { ...sit, signedUp: [2] }).intent).toBe('signup.cancel')
    expect(readByRules('亲子阅读我不排了', { ...sit, signedUp: [1] }).intent).toBe('signup.cancel')
    expect(readByRules('帮我和孙子报个插花', sit).intent).toBe('signup.join')
  })
})
