import { describe, expect, it } from 'vitest'
import type { Activity } from './store.ts'
import { texts } from './texts.ts'

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
