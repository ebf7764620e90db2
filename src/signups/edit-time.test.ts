import { describe, expect, it } from 'vitest'
import { fromWall } from '../core/tz.ts'
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
