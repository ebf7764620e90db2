// The resident never waits long in silence: when the model is slow an acknowledgement goes out first, and at
// the deadline the rules decide and the model's request is aborted. Timers only, no sleeping: tests drive it
// with a model that never answers.
import type { Context } from '../core/capability.ts'
import { LlmTimeoutError } from '../core/llm-deadline.ts'

export interface ReplyDeadline {
  /** Say "收到，请稍等" when the work has not finished by then. */
  ackAfterMs: number
  /** Give up on the work and use the fallback. */
  deadlineMs: number
  ack: string
}

/** `work` gets a signal that aborts at the deadline: whatever it still waits for is cancelled, not left running. */
export async function withinDeadline<T>(ctx: Context, work: (signal: AbortSignal) => Promise<T>, fallback: () => T, opts: ReplyDeadline): Promise<T> {
  const ctl = new AbortController()
  const ackTimer = setTimeout(() => {
    ctx.reply(opts.ack, { mention: true }).catch((err: unknown) => ctx.log.warn({ err }, 'could not send the acknowledgement'))
  }, opts.ackAfterMs)
  let deadlineTimer: NodeJS.Timeout | undefined
  const late = new Promise<T>((resolve) => {
    deadlineTimer = setTimeout(() => {
      ctx.log.warn({ deadlineMs: opts.deadlineMs }, 'reply deadline reached: the rules decide')
      ctl.abort(new LlmTimeoutError(`reply deadline of ${opts.deadlineMs} ms reached`, 'reply'))
      resolve(fallback())
    }, opts.deadlineMs)
  })
  try {
    return await Promise.race([
      work(ctl.signal).catch((err: unknown) => {
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
