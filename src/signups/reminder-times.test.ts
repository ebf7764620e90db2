import { describe, expect, it } from 'vitest'
import { reminderTimes } from './reminder-times.ts'

describe('reminderTimes', () => {
  const now = Date.parse('2026-11-25T10:00:00+08:00')
  const tz = 'Asia/Shanghai'
  const settings = { soonBeforeMin: 120, dayBeforeHour: 22 }
  const quiet = { start: '21:30', end: '07:30' }

  it('moves the day-before reminder out of quiet hours, still the day before', () => {
    // 22:00 the day before is inside 21:30–07:30: it moves to 07:30 that day.
    const t = reminderTimes({ startAt: Date.parse('2026-11-28T14:00:00+08:00'), now, tz, settings, quiet })
    expect(new Date(t.daybefore!).toISOString()).toBe('2026-11-26T23:30:00.000Z')
    expect(new Date(t.soon!).toISOString()).toBe('2026-11-28T04:00:00.000Z')
  })

  it('sends no reminder in the past', () => {
    // Tonight at 20:00: no day-before reminder, the 2-hour one at 18:00.
    const tonight = reminderTimes({ startAt: Date.parse('2026-11-25T20:00:00+08:00'), now, tz, settings, quiet })
    expect(tonight.daybefore).toBeUndefined()
    expect(new Date(tonight.soon!).toISOString()).toBe('2026-11-25T10:00:00.000Z')
  })

  it('moves an early "soon" reminder to the end of quiet hours', () => {
    // 08:00 start: 2 hours before is 06:00, inside quiet hours → 07:30.
    const early = reminderTimes({ startAt: Date.parse('2026-11-28T08:00:00+08:00'), now, tz, settings, quiet })
    expect(new Date(early.soon!).toISOString()).toBe('2026-11-27T23:30:00.000Z')
  })

  it('without quiet hours the day-before reminder keeps its hour', () => {
    const t = reminderTimes({ startAt: Date.parse('2026-11-28T14:00:00+08:00'), now, tz, settings })
    expect(new Date(t.daybefore!).toISOString()).toBe('2026-11-27T14:00:00.000Z')
  })
})
