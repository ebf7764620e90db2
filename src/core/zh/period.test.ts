import { describe, expect, it } from 'vitest'
import { fromWall } from '../tz.ts'
import { askedPeriod } from './period.ts'

const TZ = 'Asia/Shanghai'
// Wednesday 2 December 2026, 08:30 in Shanghai.
const NOW = fromWall(TZ, 2026, 12, 2, 8, 30)
const at = (d: number, h = 0, m = 0) => fromWall(TZ, 2026, 12, d, h, m)
const asked = (text: string) => askedPeriod(text, NOW, TZ)

describe('the stretch of time a question asks about', () => {
  it('这周 runs from now to the end of Sunday; 最近 to the end of the sixth day after today (seven days)', () => {
    for (const text of ['这周有啥活动', '本周有什么活动', '这个星期有活动吗', '这礼拜搞啥']) expect(asked(text), text).toEqual({ from: NOW, to: at(7) - 1, label: '这周' })
    // Written in Traditional characters, the same.
    for (const text of ['這週有啥活動', '這個禮拜有什麼活動']) expect(asked(text), text).toEqual({ from: NOW, to: at(7) - 1, label: '这周' })
    for (const text of ['最近有什么活动', '近期有啥活动安排', '这几天有活动不']) expect(asked(text), text).toEqual({ from: NOW, to: at(9) - 1, label: '最近7天' })
  })

  it('days and weekends: 今天 from now, 明天 the whole day, 周末 Saturday and Sunday, 下周 Monday to Sunday', () => {
    expect(asked('今天有活动吗')).toEqual({ from: NOW, to: at(3) - 1, label: '今天' })
    expect(asked('明天有什么活动')).toEqual({ from: at(3) - 1, to: at(4) - 1, label: '明天' })
    expect(asked('周末有活动吗')).toEqual({ from: at(5) - 1, to: at(7) - 1, label: '这周末' })
    expect(asked('这周末有啥')).toEqual(asked('周末有活动吗'))
    expect(asked('下周有什么活动')).toEqual({ from: at(7) - 1, to: at(14) - 1, label: '下周' })
    expect(asked('下周末有活动吗')).toEqual({ from: at(12) - 1, to: at(14) - 1, label: '下周末' })
  })

  it('a weekday of this or next week is that day; one already gone this week has nothing left', () => {
    expect(asked('这周六有活动吗')).toEqual({ from: at(5) - 1, to: at(6) - 1, label: '这周六' })
    expect(asked('下周三有啥')).toEqual({ from: at(9) - 1, to: at(10) - 1, label: '下周三' })
    expect(asked('这周三有啥活动')).toEqual({ from: NOW, to: at(3) - 1, label: '这周三' })
    const gone = asked('这周一有活动吗')!
    expect(gone.to).toBe(gone.from)
  })

  it('months: the rest of this one, all of the next (across the year)', () => {
    expect(asked('这个月有啥活动')).toEqual({ from: NOW, to: fromWall(TZ, 2027, 1, 1) - 1, label: '这个月' })
    expect(asked('下个月有活动吗')).toEqual({ from: fromWall(TZ, 2027, 1, 1) - 1, to: fromWall(TZ, 2027, 2, 1) - 1, label: '下个月' })
  })

  it('no period named: undefined', () => {
    for (const text of ['有什么活动', '活动列表', '咱们微家平时都搞些啥活动']) expect(asked(text), text).toBeUndefined()
  })
})
