import { describe, expect, it } from 'vitest'
import type { Context } from './capability.ts'
import { compose } from './pipeline.ts'

const ctx = {} as Context

describe('compose', () => {
  it('runs middleware in order, around next()', async () => {
    const trace: string[] = []
    await compose([
      async (_c, next) => {
        trace.push('a>')
        await next()
        trace.push('<a')
      },
      async (_c, next) => {
        trace.push('b')
        await next()
      },
    ])(ctx)
    expect(trace).toEqual(['a>', 'b', '<a'])
  })

  it('stops when a middleware does not call next()', async () => {
    const trace: string[] = []
    await compose([async () => void trace.push('gate'), async () => void trace.push('never')])(ctx)
    expect(trace).toEqual(['gate'])
  })

  it('refuses next() twice', async () => {
    const run = compose([
      async (_c, next) => {
        await next()
        await next()
      },
    ])
    await expect(run(ctx)).rejects.toThrow('next() called more than once')
  })
})
