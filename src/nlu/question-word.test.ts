import { describe, expect, it } from 'vitest'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { understand } from './understand.ts'

const group = { where: 'group' as const, role: 'resident' as const, mention: true, activities: [], signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }
const private_ = { ...group, where: 'private' as const, mention: false }

// A tester's "@小助手 县妇联主席是谁" got the generic menu: a question that asks by 谁 was read as small talk.
describe('a question that asks by a question word at its end', () => {
  it('is a question for the documents, in either script and in Cantonese', () => {
    for (const text of ['县妇联主席是谁', '事蹟材料交給誰', '推荐表交给谁', '县妇联主席系边个', '培训班是干嘛的', '讲座何时开始'])
      expect(understand(text, group).intent, text).toBe('qa.question')
    for (const text of ['推荐表交给谁', '妇联主席是谁']) expect(understand(text, private_).intent, text).toBe('qa.question')
  })

  it('controls: chat overheard in the group stays chatter, 谁 as "anyone" too; whom to turn to, naming nothing, is small talk\'s', () => {
    expect(understand('打麻将三缺一 谁来😂', { ...group, mention: false }).intent).toBe('chatter')
    // 谁 inside a clause is as often "anyone" as "who".
    expect(understand('谁家有多余的折叠椅 活动室地方不够坐', { ...group, mention: false }).intent).toBe('chatter')
    expect(understand('那我该找谁问', private_).intent).toBe('chatter')
  })
})
