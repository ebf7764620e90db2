// The resident never waits long in silence: when the model is slow an acknowledgement goes out first, and at
// the deadline the rules decide. Timers only, no sleeping: tests drive it with a model that never answers.
import type { Context } from '../core/capability.ts'

export interface ReplyDeadline {
  /** Say "收到，请稍等" when the work has not finished by then. */
  ackAfterMs: number
  /** Give up on the work and use the fallback. */
  deadlineMs: number
  ack: string
}

export async function withinDeadline<T>(ctx: Context, work: Promise<T>, fallback: () => T, opts: ReplyDeadline): Promise<T> {
  const ackTimer = setTimeout(() => {
    ctx.reply(opts.ack, { mention: true }).catch((err: unknown) => ctx.log.warn({ err }, 'could not send the acknowledgement'))
  }, opts.ackAfterMs)
  let deadlineTimer: NodeJS.Timeout | undefined
  const late = new Promise<T>((resolve) => {
    deadlineTimer = setTimeout(() => {
      ctx.log.warn({ deadlineMs: opts.deadlineMs }, 'reply deadline reached: the rules decide')
      resolve(fallback())
    }, opts.deadlineMs)
  })
  try {
    return await Promise.race([
      work.catch((err: unknown) => {
        ctx.log.warn({ err }, 'refinement failed: the rules decide')
        return fallback()
      }),
      late,
    ])
  } finally {
    clearTimeout(ackTimer)
    clearTimeout(deadlineTimer)
  }
}
