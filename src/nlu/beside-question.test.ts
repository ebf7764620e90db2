import { describe, expect, it } from 'vitest'
import { CORPUS_ACTIVITIES, CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { readByRules } from './rules.ts'
import { understand } from './understand.ts'

const group = { where: 'group' as const, role: 'resident' as const, mention: true, activities: [], signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }
const one = { ...group, mention: false, activities: CORPUS_ACTIVITIES.slice(0, 1) }

// A tester's sign-up was lost: read whole, "报名 另外…有没有什么培训或者招工的信息" was a question only.
describe('a bare sign-up word that opens a message with a question after it', () => {
  it('signs her up for the one open activity and keeps the question beside it', () => {
    const read = readByRules('报名 另外我上个月被厂里辞了 社区有没有什么培训或者招工的信息', one)
    expect(read.intent).toBe('signup.join')
    expect(read.slots.activity).toBe(one.activities[0]!.id)
    expect(read.also).toEqual(['qa.question'])
    // Understood as a request for help, the sign-up is carried along (both happen).
    const u = understand('报名 另外我上个月被厂里辞了 社区有没有什么培训或者招工的信息', one)
    expect([u.intent, ...(u.also ?? [])]).toContain('signup.join')
  })

  it('controls: the question alone signs nobody up; with two activities open a bare 报名 names none', () => {
    expect(readByRules('另外我上个月被厂里辞了 社区有没有什么培训或者招工的信息', one).intent).not.toMatch(/^signup\./u)
    const two = { ...one, activities: CORPUS_ACTIVITIES.slice(0, 2) }
    expect(readByRules('报名 社区有没有什么培训或者招工的信息', two).slots.activity).toBeUndefined()
  })
})

describe('a question the model calls a request for help without finding any trouble', () => {
  it('stays a question in the group', () => {
    expect(understand('我想在我家开个微家 谁都能当主人不 要交钱不', group).intent).toBe('qa.question')
  })

  it('controls: a trouble asked as a question is still a request; a vague opening in private is the model\'s', () => {
    expect(understand('我老公天天打我 有没有地方能帮帮我', group).intent).toMatch(/^help\./u)
    expect(understand('在吗…有个事憋心里好久了', { ...group, where: 'private' as const }).intent).toBe('help.request')
    // Her own body or fear told in the group stays a worry (the re-judge found it answered there with a statistic).
    expect(understand('我最近摸到胸口有粒嘢 有啲驚 去邊度可以免費檢查', group).intent).toMatch(/^help\./u)
  })
})
