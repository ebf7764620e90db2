import { describe, expect, it } from 'vitest'
import { CORPUS_ACTIVITIES, CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { contactIn, dangerOf } from './help.ts'
import { announceSlots, correctionSlots, editSlots, manageSlots, reminderSlots } from './host.ts'
import { peopleIn } from './people.ts'
import { removalTarget } from './signup.ts'
import { activityRef, normalize } from './text.ts'
import type { Situation } from './types.ts'
import { capacityIn, placeClause } from './values.ts'

// Slot values read by their form, in our own phrasings (not corpus lines). Now is Tuesday 2026-12-01 10:00.
const sit: Situation = {
  where: 'group',
  role: 'host',
  mention: false,
  activities: CORPUS_ACTIVITIES.map(({ id, title, startAt, place, notes }) => ({ id, title, startAt, place, notes })),
  signedUp: [],
  openCase: false,
  now: CORPUS_NOW,
  tz: CORPUS_TZ,
}
const n = (t: string) => normalize(t)

describe('announcements in prose', () => {
  it.each([
    ['周六下午两点 社区活动室 包汤圆 限20人', { title: '包汤圆', place: '社区活动室', time: '2026-12-05 14:00', capacity: 20 }],
    ['本周日上午9点在社区公园健步走，限30人', { title: '健步走', place: '社区公园', time: '2026-12-06 09:00', capacity: 30 }],
    ['12月9日下午3点，社区会议室举行读书会，名额15个', { title: '读书会', place: '社区会议室', capacity: 15 }],
    ['这周六早上八点 小区北门集合 去郊外踏青 最多25人', { title: '郊外踏青', place: '小区北门', capacity: 25 }],
    ['周五晚上七点 活动室 电影之夜 放《我的姐姐》 二十个名额', { title: '电影之夜', place: '活动室', capacity: 20 }],
    ['发个活动：下周一上午十点，手机课堂，微家活动室，十五个人', { title: '手机课堂', place: '微家活动室', capacity: 15 }],
    ['下周三下午两点在三楼舞蹈室上「形体课」，限12位', { title: '形体课', place: '三楼舞蹈室', capacity: 12 }],
  ])('%s', (text, slots) => {
    expect(announceSlots(n(text), sit)).toMatchObject(slots)
  })

  it('keeps 广场舞 whole: it is a dance, not a square', () => {
    expect(announceSlots(n('明晚七点 活动室广场舞排练'), sit)).toMatchObject({ title: '广场舞排练', place: '活动室' })
  })
})

describe('places and capacities by form', () => {
  it.each([
    ['限10人', 10], ['最多15个家庭', 15], ['名额20', 20], ['二十个名额', 20], ['名额扩到30', 30], ['人数减到十五个', 15], ['限额二十人', 20],
  ])('%s → %i', (text, cap) => {
    expect(capacityIn(text)).toBe(cap)
  })

  it.each([
    ['社区卫生服务中心', '社区卫生服务中心'], ['在微家活动室', '微家活动室'], ['地点在居委会二楼', '居委会二楼'], ['东门集合', '东门'], ['手机拍照小课堂', undefined],
  ])('%s → %s', (text, place) => {
    expect(placeClause(text)).toBe(place)
  })
})

describe('changes and corrections', () => {
  it('reads the new place, capacity and title of an edit', () => {
    expect(editSlots('插花课地方换到社区活动中心去', sit)).toMatchObject({ place: '社区活动中心' })
    expect(editSlots('插花名额减到十个', sit)).toMatchObject({ capacity: 10 })
    expect(editSlots('亲子阅读改个名，叫故事妈妈', sit)).toMatchObject({ title: '故事妈妈' })
  })

  it('gives a clock alone as HH:MM (the day is the activity’s, not today)', () => {
    expect(correctionSlots('改成八点吧', sit).time).toBe('08:00')
    expect(correctionSlots('日期错了，是12号下午两点', sit).time).toBe('2026-12-12 14:00')
    expect(correctionSlots('名字叫亲子共读不是亲子阅读', sit).title).toBe('亲子共读')
  })
})

describe('reminders', () => {
  it('separates who is reminded from what', () => {
    expect(reminderSlots(n('周六早上九点提醒报了插花的姐妹带花瓶'), sit)).toMatchObject({ audience: 'signed_up', content: '带花瓶' })
    expect(reminderSlots(n('明晚八点提醒所有人下周停水'), sit)).toMatchObject({ audience: 'all', content: '下周停水' })
    expect(reminderSlots(n('提醒我明天下午三点去接孩子'), sit)).toMatchObject({ time: '2026-12-02 15:00', content: '去接孩子' })
  })

  it('fires a monthly or yearly reminder first on its next date', () => {
    expect(reminderSlots(n('每月1号上午九点提醒交水费'), sit).time).toBe('2027-01-01 09:00')
    expect(reminderSlots(n('每年三八节早上八点给大家发个祝福'), sit)).toMatchObject({ repeat: 'yearly', time: '2027-03-08 08:00', content: '祝福' })
  })

  it('reads what to do with a reminder already set', () => {
    expect(manageSlots('那个打卡提醒先停一停')).toEqual({ action: 'pause' })
  })
})

describe('sign-ups: who and how many', () => {
  it.each([
    ['插花我和老公孩子三个人', { self: true, count: 3, relatives: ['老公', '孩子'] }],
    ['插花课算我一个，再带上我婆婆', { self: true, count: 2, relatives: ['婆婆'] }],
    ['插花 我+1 我同事+1', { self: true, count: 2 }],
    ['亲子阅读我们一家三口', { count: 3 }],
    ['亲子阅读 一大两小', { count: 3 }],
    ['我婆婆想去插花，我就不去了，帮她报上', { self: false, count: 1, relatives: ['婆婆'] }],
    ['给我家两个娃报亲子阅读，我陪着去', { self: true, count: 3 }],
    ['报插花，李娟赵敏和我', { names: ['李娟', '赵敏'] }],
    ['帮我报个插花，最近跟老公吵得厉害', { self: true, count: 1, relatives: [] }],
  ])('%s', (text, people) => {
    expect(peopleIn(n(text))).toMatchObject(people)
  })

  it('reads who is to come off a roster', () => {
    expect(removalTarget('亲子阅读第4个删掉')).toBe('4')
    expect(removalTarget('名单里那个“小雨妈妈”去掉')).toBe('小雨妈妈')
    expect(removalTarget('把陈静剔除 插花课')).toBe('陈静')
  })

  it('reads which activity: by number, the first clause, the fee', () => {
    expect(activityRef('截止报名2', sit.activities, sit.tz)).toBe(2)
    expect(activityRef('活动一名额扩到30', sit.activities, sit.tz)).toBe(1)
    expect(activityRef('亲子阅读挪到周日，跟插花错开', sit.activities, sit.tz)).toBe(1)
    expect(activityRef('要交钱的那个几点开始', sit.activities, sit.tz)).toBe(2)
  })
})

describe('danger by its cause, contact by what she asks', () => {
  it.each([
    ['他又动手了，鼻子一直流血', 'violence'],
    ['我婆婆摔倒了，头上都是血，叫不醒', 'medical'],
    ['我割了手腕 不想活了', 'suicide'],
  ])('%s → %s', (text, danger) => {
    expect(dangerOf(text)).toBe(danger)
  })

  it('does not take the way she rules out for the one she asks for', () => {
    expect(contactIn('千万别打电话，发微信')).toBe('wechat')
    expect(contactIn('打我电话就行')).toBe('phone')
  })
})
