import { describe, expect, it } from 'vitest'
import { isQuiet, outOfQuiet } from '../core/proactive.ts'
import { nextTimes, occurs, prevTime, repeatOf, type Schedule, timesBetween } from './schedule.ts'
import { renderReminder } from './service.ts'
import { fromWall } from '../core/tz.ts'

const TZ = 'Asia/Shanghai'
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()

describe('schedule arithmetic', () => {
  const monthly: Schedule = { kind: 'cron', cron: '0 9 * * 6#1', tz: TZ }

  it('finds the previous occurrence, counting one exactly at the given time', () => {
    expect(prevTime(monthly, at('2026-12-05T08:59:00'))).toBe(at('2026-11-07T09:00:00'))
    expect(prevTime(monthly, at('2026-12-05T09:00:00'))).toBe(at('2026-12-05T09:00:00'))
    expect(prevTime({ kind: 'every', ms: 60_000 }, 125_000)).toBe(120_000)
  })

  it('lists occurrences in a window', () => {
    const weekly: Schedule = { kind: 'cron', cron: '0 15 * * 3', tz: TZ }
    expect(timesBetween(weekly, at('2026-11-25T10:00:00'), at('2026-12-10T00:00:00'))).toEqual([at('2026-11-25T15:00:00'), at('2026-12-02T15:00:00'), at('2026-12-09T15:00:00')])
  })

  it('filters every-other-week and lunar ticks', () => {
    const biweekly: Schedule = { kind: 'cron', cron: '0 15 * * 3', tz: TZ, weeks: { n: 2, anchor: '2026-11-25' } }
    expect(occurs(biweekly, at('2026-11-25T15:00:00'))).toBe(true)
    expect(occurs(biweekly, at('2026-12-02T15:00:00'))).toBe(false)
    expect(occurs(biweekly, at('2026-11-11T15:00:00'))).toBe(true)
    expect(prevTime(biweekly, at('2026-12-08T00:00:00'))).toBe(at('2026-11-25T15:00:00'))
    const lunar: Schedule = { kind: 'cron', cron: '0 10 * * *', tz: TZ, lunar: { month: 12, day: 20 } }
    expect(prevTime(lunar, at('2026-11-25T10:00:00'))).toBe(at('2026-02-07T10:00:00'))
  })

  it('maps to BullMQ repeat options', () => {
    expect(repeatOf(monthly)).toEqual({ pattern: '0 9 * * 6#1', tz: TZ })
    expect(repeatOf({ kind: 'every', ms: 1500 })).toEqual({ every: 1500 })
  })
})

describe('quiet hours', () => {
  const quiet = { start: '21:30', end: '07:30' }
  it.each([
    ['2026-11-25T21:29:00', '2026-11-25T21:29:00'],
    ['2026-11-25T21:30:00', '2026-11-26T07:30:00'],
    ['2026-11-25T23:59:00', '2026-11-26T07:30:00'],
    ['2026-11-26T03:00:00', '2026-11-26T07:30:00'],
    ['2026-11-26T07:30:00', '2026-11-26T07:30:00'],
    ['2026-12-31T22:00:00', '2027-01-01T07:30:00'],
  ])('%s moves to %s', (due, expected) => expect(outOfQuiet(at(due), quiet, TZ)).toBe(at(expected)))

  it('handles a window within one day, and no window', () => {
    const lunch = { start: '12:00', end: '14:00' }
    expect(isQuiet(at('2026-11-25T13:00:00'), lunch, TZ)).toBe(true)
    expect(outOfQuiet(at('2026-11-25T13:00:00'), lunch, TZ)).toBe(at('2026-11-25T14:00:00'))
    expect(isQuiet(at('2026-11-25T15:00:00'), lunch, TZ)).toBe(false)
    expect(isQuiet(at('2026-11-25T15:00:00'), { start: '00:00', end: '00:00' }, TZ)).toBe(false)
  })

  it('converts wall-clock times in other zones too', () => {
    // 2026-03-29 02:30 does not exist in Berlin (DST starts); the clock jumps to 03:30.
    expect(new Date(fromWall('Europe/Berlin', 2026, 3, 29, 12, 0)).toISOString()).toBe('2026-03-29T10:00:00.000Z')
  })
})

describe('rendering', () => {
  it('fills the template and drops a line whose placeholders are all empty', () => {
    const def = { template: '【家接待】今天是{name}的家接待日。\n地点：{place}', signup: '想参加的朋友请回复「报名」。' }
    expect(renderReminder(def, { name: '幸福里妇女微家', place: '' }, at('2026-11-25T15:00:00'), TZ)).toBe('【家接待】今天是幸福里妇女微家的家接待日。\n想参加的朋友请回复「报名」。')
    expect(renderReminder({ template: '{date}{time} 在{place}' }, { name: 'x', place: '活动室' }, at('2026-11-25T15:00:00'), TZ)).toBe('11月25日（周三）15:00 在活动室')
  })
})
