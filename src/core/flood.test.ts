import { describe, expect, it } from 'vitest'
import { FloodGuard } from './flood.ts'

describe('FloodGuard', () => {
  it('allows max per window, warns once, then drops until the window has room', () => {
    let now = 0
    const g = new FloodGuard(3, 1000, () => now)
    expect(['a', 'a', 'a', 'a', 'a'].map((k) => g.check(k))).toEqual(['ok', 'ok', 'ok', 'warn', 'drop'])
    expect(g.check('b')).toBe('ok')
    now = 1001
    expect(g.check('a')).toBe('ok')
  })

  it('sweeps idle keys', () => {
    let now = 0
    const g = new FloodGuard(1, 100, () => now)
    g.check('x')
    g.check('x')
    now = 500
    g.sweep()
    expect(g.check('x')).toBe('ok')
  })
})
