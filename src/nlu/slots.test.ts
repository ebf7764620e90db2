import { describe, expect, it } from 'vitest'
import { CORPUS_ACTIVITIES, CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { contactIn, dangerOf } from './help.ts'
import { announceSlots, correctionSlots, editSlots, manageSlots, reminderSlots } from './host.ts'
import { namesIn, peopleIn } from './people.ts'
import { readSignup, removalTarget } from './signup.ts'
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

  it.each([
    // A family member only talked about is no place: the subject of another verb, a home, a quarrel, a child raised.
    ['报插花 我老公总嫌我乱花钱', { self: true, count: 1, relatives: [] }],
    ['报插花 这几天住我婆婆家', { count: 1, relatives: [] }],
    ['算我一个插花 最近跟婆婆老是闹别扭', { count: 1, relatives: [] }],
    ['报名亲子阅读，带我外孙，孩子爸妈都在上班', { count: 2, relatives: ['外孙'] }],
    ['帮我报插花 我自己带娃带得快崩溃了', { count: 1, relatives: [] }],
    ['插花报我一个 到时候可以带娃来不', { count: 1, relatives: [] }],
    // One family word said twice is one place (or as many as its number).
    ['亲子阅读我和两个娃 带娃出来见见世面', { count: 3, relatives: ['娃'] }],
    // Family words beyond the household, one place each, and "…一个" per person.
    ['插花 我和我表妹两个人', { count: 2, relatives: ['表妹'] }],
    ['插花 我一个 我妈一个', { count: 2, relatives: ['妈'] }],
    // The child's own family member brings the child, and she herself has to work.
    ['亲子阅读给孩子报上 我那天要加班 他外婆带他去', { self: false, count: 2, relatives: ['孩子', '外婆'] }],
    ['阿拉儿子想去亲子阅读，侬帮伊报一个', { self: false, count: 1, relatives: ['儿子'] }],
    // She goes too: 我带我X去, 我去…另外帮Y报.
    ['亲子阅读报一个 我带我外孙女去', { self: true, count: 2, relatives: ['外孙女'] }],
    ['周六我去亲子阅读 另外帮我邻居刘阿姨报一个', { self: true, count: 2, names: ['刘阿姨'] }],
  ])('%s', (text, people) => {
    expect(peopleIn(n(text))).toMatchObject(people)
  })

  it.each([
    // The one addressed, and one she only helps, take no place.
    ['周姐 帮我报个插花', { count: 1, names: [] }],
    ['刘姐，我和闺女报亲子阅读', { count: 2, names: [], relatives: ['闺女'] }],
    ['插花算我一个 到时候我帮帮王芳布置场地', { count: 1, names: [] }],
    // A name ends before 各, and one standing alone with 也 is signed up.
    ['给我和陈静各报一个插花', { self: true, count: 2, names: ['陈静'] }],
    ['插花给我报上 赵敏也想去', { self: true, count: 2, names: ['赵敏'] }],
  ])('names: %s', (text, people) => {
    expect(peopleIn(n(text))).toMatchObject(people)
  })

  it('a message that is nothing but people is a sign-up while an activity is open, and chatter otherwise', () => {
    const resident: Situation = { ...sit, role: 'resident' }
    expect(readSignup(n('我跟我女儿'), resident)).toMatchObject({ intent: 'signup.join', slots: { self: true, count: 2, relatives: ['女儿'] } })
    expect(readSignup(n('我外孙女和我～'), resident)).toMatchObject({ intent: 'signup.join', slots: { self: true, count: 2 } })
    expect(readSignup(n('我跟我女儿'), { ...resident, activities: [] })?.intent).not.toBe('signup.join')
    expect(readSignup(n('我跟我老公吵架了'), resident)?.intent).not.toBe('signup.join')
  })

  it('names the ones a cancellation takes off, not those who still go', () => {
    const mine: Situation = { ...sit, role: 'resident', signedUp: [1, 2] }
    expect(namesIn('帮赵敏取消插花')).toEqual(['赵敏'])
    expect(readSignup(n('亲子阅读只取消我婆婆的，我跟女儿照样去'), mine)?.slots).toMatchObject({ relatives: ['婆婆'] })
    expect(readSignup(n('帮我把儿子的插花取消了'), mine)?.slots).toMatchObject({ relatives: ['儿子'] })
  })

  it('reads who is to come off a roster', () => {
    expect(removalTarget('亲子阅读第4个删掉')).toBe('4')
    expect(removalTarget('名单里那个“小雨妈妈”去掉')).toBe('小雨妈妈')
    // The one a family signed up under: "陈静那组" is 陈静.
    expect(removalTarget('陈静那组不来了 划掉')).toBe('陈静')
    expect(removalTarget('王芳那家来不了了，把她们划了吧')).toBe('王芳')
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
