// Lunar dates against the published calendars (the expected dates are copied from the published
// 农历 tables and holiday notices, never computed by the library under test).
import { describe, expect, it } from 'vitest'
import { isLunarDay, lunarDate, lunarName } from './lunar.ts'
import { nextTimes, type Schedule } from './schedule.ts'

const TZ = 'Asia/Shanghai'
/** Noon in Shanghai on a Gregorian date, as epoch ms. */
const noon = (ymd: string) => new Date(`${ymd}T12:00:00+08:00`).getTime()
const DAY = 86_400_000
const local = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10)

// 正月初一 (春节), 2024–2035, as published. 除夕 is the day before each.
const SPRING_FESTIVAL: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06', // ICU says 02-07
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03', // ICU says 02-02
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
}

describe('lunar calendar', () => {
  for (const [year, ymd] of Object.entries(SPRING_FESTIVAL)) {
    it(`${year}: 正月初一 is ${ymd}, 除夕 the day before`, () => {
      const newYear = noon(ymd)
      expect(lunarDate(newYear, TZ)).toEqual({ month: 1, leap: false, day: 1 })
      expect(isLunarDay(newYear, TZ, { month: 1, day: 1 })).toBe(true)
      expect(isLunarDay(newYear - DAY, TZ, { month: 1, day: 1 })).toBe(false)
      // 除夕 = the last day of 腊月 (day 0), whether 腊月 has 29 or 30 days.
      const eve = newYear - DAY
      expect(lunarDate(eve, TZ)).toMatchObject({ month: 12, leap: false })
      expect(isLunarDay(eve, TZ, { month: 12, day: 0 })).toBe(true)
      expect(isLunarDay(eve - DAY, TZ, { month: 12, day: 0 })).toBe(false)
      expect(isLunarDay(newYear, TZ, { month: 12, day: 0 })).toBe(false)
    })
  }

  it('schedules 每年除夕 and 每年正月初一 on the published dates, 2024–2035', () => {
    const eve: Schedule = { kind: 'cron', cron: '0 20 * * *', tz: TZ, lunar: { month: 12, day: 0 } }
    const first: Schedule = { kind: 'cron', cron: '0 9 * * *', tz: TZ, lunar: { month: 1, day: 1 } }
    // One search per year: a lunar search looks a few years ahead at most.
    const each = (s: Schedule) => Object.keys(SPRING_FESTIVAL).map((y) => local(nextTimes(s, noon(`${Number(y) - 1}-12-01`), 1)[0]!))
    const published = Object.values(SPRING_FESTIVAL)
    expect(each(first)).toEqual(published)
    expect(each(eve)).toEqual(published.map((d) => local(noon(d) - DAY)))
  })

  it('tells a leap month from the regular one (2025 has 闰六月)', () => {
    // Published: 六月初一 2025-06-25, 闰六月初一 2025-07-25, 七月初一 2025-08-23.
    expect(lunarDate(noon('2025-06-30'), TZ)).toEqual({ month: 6, leap: false, day: 6 })
    expect(lunarDate(noon('2025-07-25'), TZ)).toEqual({ month: 6, leap: true, day: 1 })
    expect(lunarDate(noon('2025-07-30'), TZ)).toEqual({ month: 6, leap: true, day: 6 })
    expect(lunarDate(noon('2025-08-23'), TZ)).toEqual({ month: 7, leap: false, day: 1 })
    // A reminder on 六月初六 fires once that year, in the regular month, not again in the leap month.
    const s: Schedule = { kind: 'cron', cron: '0 9 * * *', tz: TZ, lunar: { month: 6, day: 6 } }
    const in2025 = nextTimes(s, noon('2025-01-01'), 2).map(local)
    expect(in2025).toEqual(['2025-06-30', '2026-07-19'])
  })

  it('2028 has 闰五月: 端午 (五月初五) comes once, on the published 2028-05-28', () => {
    let leapDays = 0
    for (let at = noon('2028-01-01'); at < noon('2029-01-01'); at += DAY) {
      const d = lunarDate(at, TZ)
      if (d.leap) {
        expect(d.month).toBe(5)
        leapDays++
      }
    }
    // A lunar month has 29 or 30 days.
    expect([29, 30]).toContain(leapDays)
    const s: Schedule = { kind: 'cron', cron: '0 9 * * *', tz: TZ, lunar: { month: 5, day: 5 } }
    const times = nextTimes(s, noon('2028-01-01'), 2).map(local)
    expect(times[0]).toBe('2028-05-28')
    expect(times[1]!.startsWith('2029-')).toBe(true)
  })

  it('names lunar days', () => {
    expect(lunarName(12, 0)).toBe('除夕')
    expect(lunarName(1, 1)).toBe('正月初一')
    expect(lunarName(8, 15)).toBe('八月十五')
    expect(lunarName(12, 20)).toBe('腊月二十')
  })
})
