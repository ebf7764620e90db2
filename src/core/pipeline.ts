// The one primitive: middleware (ctx, next). compose() refuses a second next() from the same middleware,
// which would run the rest of the chain twice (two replies, two jobs).
import type { Context } from './capability.ts'

export type Next = () => Promise<void>
export type Middleware = (ctx: Context, next: Next) => Promise<void>

export function compose(middleware: Middleware[]): (ctx: Context) => Promise<void> {
  return (ctx) => {
    let last = -1
    const dispatch = async (i: number): Promise<void> => {
      if (i <= last) throw new Error('next() called more than once')
      last = i
      const mw = middleware[i]
      if (!mw) return
      await mw(ctx, () => dispatch(i + 1))
    }
    return dispatch(0)
  }
}
