import { afterEach, describe, expect, it } from 'vitest'
import { shiftClock } from './shift-clock.ts'

describe('shiftClock', () => {
  let undo: (() => void) | undefined
  afterEach(() => undo?.())

  it('makes new Date() and Date.now() read the given moment, and time runs on from it', async () => {
    const before = new Date()
    const at = Date.UTC(2026, 11, 1, 2, 0) // 2026-12-01 10:00 in Shanghai
    undo = shiftClock(at)
    const first = Date.now()
    expect(first - at).toBeGreaterThanOrEqual(0)
    expect(first - at).toBeLessThan(60_000)
    expect(new Date().getUTCDate()).toBe(1)
    await new Promise((r) => setTimeout(r, 20))
    expect(Date.now()).toBeGreaterThan(first)
    // Dates made before the shift are still Dates, and explicit dates are untouched.
    expect(before instanceof Date).toBe(true)
    expect(new Date(0).getTime()).toBe(0)
    expect(new Date(2020, 0, 1).getFullYear()).toBe(2020)
    expect(Date.UTC(2020, 0, 1)).toBe(1577836800000)
  })

  it('undo puts the real clock back', () => {
    const real = Date.now()
    const restore = shiftClock(Date.UTC(2001, 0, 1))
    expect(new Date().getUTCFullYear()).toBe(2001)
    restore()
    expect(Math.abs(Date.now() - real)).toBeLessThan(3_600_000)
    expect(new Date().getUTCFullYear()).toBeGreaterThan(2001)
  })
})
