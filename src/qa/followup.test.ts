import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testRedis, type TestRedis } from '../testing/redis.ts'
import { FollowupStore, followupContext, isElliptical, mergeFollowup, namesOwnTopic } from './followup.ts'

describe('follow-up detection', () => {
  it('treats short or elliptical questions as follow-ups, complete ones as new', () => {
    for (const q of ['那周末呢？', '周末呢', '那如果是外地户口呢', '还有别的吗']) expect(isElliptical(q), q).toBe(true)
    for (const q of ['两癌筛查在哪里做', '法律援助要带什么材料', '孩子放学没人管怎么办']) expect(isElliptical(q), q).toBe(false)
  })

  it('tells a follow-up that names a topic of its own from one that only asks a detail', () => {
    for (const q of ['那个刺绣项目是哪家公司搞的', '那个幸福大讲堂都有哪几门课']) expect(namesOwnTopic(q), q).toBe(true)
    for (const q of ['那要带啥', '具体在哪', '一年能解决多少人', '那周末呢']) expect(namesOwnTopic(q), q).toBe(false)
    // It is still read as a follow-up (it opens with 那个): the two are separate questions.
    expect(isElliptical('那个刺绣项目是哪家公司搞的')).toBe(true)
  })

  it('merges a follow-up with the previous question only', () => {
    expect(mergeFollowup('家聚会一般什么时候', '那周末呢？')).toBe('家聚会一般什么时候 那周末呢？')
    expect(mergeFollowup('家聚会一般什么时候', '法律援助要带什么材料')).toBe('法律援助要带什么材料')
    expect(mergeFollowup(undefined, '那周末呢？')).toBe('那周末呢？')
  })

  it('carries what the previous question was about, not what it asked, when the follow-up asks its own thing', () => {
    for (const q of ['利息咋算', '要准备哪些材料', '打这些电话要钱不', '多久能批下来', '那要带啥']) expect(isElliptical(q)).toBe(true)
    expect(isElliptical('两癌筛查在哪做')).toBe(false)
    expect(followupContext('我想开个小吃店 创业担保贷款最多能贷多少 能贷几年', '利息咋算')).toContain('创业担保贷款')
    expect(followupContext('我想开个小吃店 创业担保贷款最多能贷多少 能贷几年', '利息咋算')).not.toMatch(/多少|几年/u)
    expect(followupContext('法律援助怎么申请', '要准备哪些材料')).toBe('法律援助')
    // Asked in Traditional ("要還幾年"), it asks its own thing as much as "要还几年": the loan, not its amount again.
    expect(followupContext('創業擔保貸款最多能貸多少', '要還幾年', '创业担保贷款与技能培训')).toBe('创业担保贷款与技能培训')
    // "暑假呢 …": the last question again, of something else.
    expect(isElliptical('暑假呢 放假了更没人管')).toBe(true)
  })

  it('a follow-up that asks by a question word alone ("交给谁", "干嘛的") asks its own thing of the document', () => {
    const about = '十佳巾帼女职工评选活动'
    for (const q of ['交给谁', '交給誰', '干嘛用的', '怎样交'])
      expect(followupContext('事迹材料要写多少字 什么时候之前交', q, about), q).toBe(about)
    // Control: the last question again, of something else, carries all of it.
    expect(followupContext('事迹材料什么时候之前交', '那推荐表呢', about)).toBe('事迹材料什么时候之前交')
  })
})

describe('follow-up context in Redis', () => {
  let store: TestRedis
  beforeEach(async () => {
    store = await testRedis('qa-followup')
  })
  afterEach(() => store.cleanup())

  it('keeps the last question per (conversation, sender) with a TTL', async () => {
    const f = new FollowupStore(store.redis, (c, s) => `${store.prefix}:qa:followup:${c}:${s}`, 300)
    await f.remember('room1@chatroom', 'alice', '家聚会一般什么时候')
    expect(await f.previous('room1@chatroom', 'alice')).toBe('家聚会一般什么时候')
    expect(await f.previous('room1@chatroom', 'bob')).toBeUndefined()
    expect(await f.previous('room2@chatroom', 'alice')).toBeUndefined()
    const ttl = await store.redis.ttl(`${store.prefix}:qa:followup:room1@chatroom:alice`)
    expect(ttl).toBeGreaterThan(290)
    expect(ttl).toBeLessThanOrEqual(300)
  })

  it('expires', async () => {
    const f = new FollowupStore(store.redis, (c, s) => `${store.prefix}:qa:followup:${c}:${s}`, 1)
    await f.remember('r@chatroom', 'alice', '家聚会一般什么时候')
    await new Promise((r) => setTimeout(r, 1100))
    expect(await f.previous('r@chatroom', 'alice')).toBeUndefined()
  })
})

describe('a follow-up after an answer', () => {
  it('leans on the document the answer came from when it asks its own thing', () => {
    expect(followupContext('单亲妈妈能不能申请', '怎么申请', '县妇联 两节 送温暖 关爱困难妇女在行动')).toBe('县妇联 两节 送温暖 关爱困难妇女在行动')
    // A long document (a county's whole report) is no topic: what she asked of it carries too (a tester's "那要利息吗"
    // after a loan question found the report's 维权 statistics).
    expect(followupContext('我想在家开个网店卖点手工，妇联有没有贷款扶持啊', '那要利息吗', '县妇联工作报告', true)).toMatch(/^县妇联工作报告 .*贷款/u)
    // Asked again of something else, the whole previous question carries; not answered, its topic does.
    expect(followupContext('家聚会一般什么时候', '那周末呢？', '妇女微家服务指南')).toBe('家聚会一般什么时候')
    expect(followupContext('创业担保贷款最多能贷多少', '利息咋算')).toBe('创业担保贷款')
  })
})
