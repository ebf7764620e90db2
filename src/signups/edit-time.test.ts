import { describe, expect, it } from 'vitest'
import { fromWall } from '../core/tz.ts'
import { settledTime } from './edit-time.ts'
import { weekdayNear } from './handlers/host.ts'

const TZ = 'Asia/Shanghai'
const at = (d: number, h = 14, m = 0) => fromWall(TZ, 2026, 12, d, h, m)
// The activity: Saturday 12 December 2026, 14:00. Today is Monday 30 November.
const SAT_12 = at(12)

describe('a host moving an activity to a weekday', () => {
  it('means the day with that weekday nearest the activity, not the coming one', () => {
    expect(weekdayNear('插花的时间改到周日下午3点', '2026-12-06 15:00', SAT_12, TZ)).toBe(at(13, 15))
    expect(weekdayNear('改到星期五晚上7点', '2026-12-04 19:00', SAT_12, TZ)).toBe(at(11, 19))
    expect(weekdayNear('挪到礼拜一上午', '2026-11-30 09:00', SAT_12, TZ)).toBe(at(14, 9))
  })

  it('leaves a weekday with 这/下 or a date to the understanding', () => {
    expect(weekdayNear('改到下周日下午3点', '2026-12-06 15:00', SAT_12, TZ)).toBeUndefined()
    expect(weekdayNear('改到这周日下午3点', '2026-12-06 15:00', SAT_12, TZ)).toBeUndefined()
    expect(weekdayNear('改到6号周日下午3点', '2026-12-06 15:00', SAT_12, TZ)).toBeUndefined()
    expect(weekdayNear('改到下午3点', '2026-12-12 15:00', SAT_12, TZ)).toBeUndefined()
  })
})

describe('a clock said without 上午/下午 in a change', () => {
  // Now: Monday 30 November 2026, 10:00.
  const NOW = fromWall(TZ, 2026, 11, 30, 10, 0)
  const settle = (text: string, time: string, activityAt: number) => settledTime(text, time, activityAt, NOW, TZ)

  it('keeps the half of the day of the activity: 三点 for a 下午两点 activity is 15:00', () => {
    expect(settle('时间也改下 改成三点', '15:00', SAT_12)).toEqual({ time: '15:00' })
    expect(settle('写错了 改成三点', '15:00', SAT_12)).toEqual({ time: '15:00' })
    expect(settle('不是两点 是三点半', '15:30', SAT_12)).toEqual({ time: '15:30' })
    // The default reading of 八点 is the morning; an evening activity means the evening, a morning one the morning.
    expect(settle('改成八点', '08:00', at(12, 19))).toEqual({ time: '20:00' })
    expect(settle('改成十点', '10:00', at(12, 9))).toEqual({ time: '10:00' })
    // A day said keeps its day.
    expect(settle('改到12号三点', '2026-12-12 15:00', at(12, 14))).toEqual({ time: '2026-12-12 15:00' })
  })

  it('asks when the activity does not settle it, and leaves a clear time alone', () => {
    // A 上午9点 activity and 三点: 3 a.m. is no time to meet, so 上午 or 下午 is asked (control: 十点 above).
    expect(settle('改成三点', '15:00', at(12, 9))).toEqual({ time: '15:00', ambiguous: expect.stringContaining('没说上午还是下午') })
    // A 下午两点 activity and 十点半: 22:30 is too late to start, 10:30 not in its half.
    expect(settle('改成十点半', '10:30', SAT_12).ambiguous).toContain('没说上午还是下午')
    expect(settle('改成下午3点', '15:00', at(12, 9))).toEqual({ time: '15:00' })
    expect(settle('改成15:00', '15:00', at(12, 9))).toEqual({ time: '15:00' })
  })
})

