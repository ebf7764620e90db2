// Time limits on LLM calls. A call that runs out of time is aborted (its HTTP request closed), not left running
// in the background, and each message has one budget for all its model calls: a reply that needs several calls
// in sequence (the help reading, the Q&A rewrite, the Q&A answer) gives the later ones only what is left, and
// when it is spent they are not made at all — the offline path answers.
import type { Llm } from './llm.ts'

export class LlmTimeoutError extends Error {
  override name = 'LlmTimeoutError'
  constructor(
    message: string,
    /** 'call': the model was slow (its own per-call timeout); 'reply': the message's budget or deadline ran out. */
    readonly limit: 'call' | 'reply',
  ) {
    super(message)
  }
}

/** Per model call when LLM_TIMEOUT_MS is unset: a few seconds, so two calls in a row still fit a reply. */
export const DEFAULT_LLM_TIMEOUT_MS = 4000

/** Below this, a call is not worth starting: no provider answers that fast, and the offline path is ready. */
export const MIN_CALL_MS = 100

/**
 * Runs `call` with a signal that aborts after `ms`, or earlier when `parent` aborts. Settles at that moment
 * even if `call` ignores its signal; the rejection is an LlmTimeoutError (or the parent's reason).
 */
export function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>, opts: { what: string; limit: 'call' | 'reply'; signal?: AbortSignal }): Promise<T> {
  const parent = opts.signal
  if (parent?.aborted) return Promise.reject(reasonOf(parent))
  const ctl = new AbortController()
  const stopped = new Promise<never>((_, reject) => ctl.signal.addEventListener('abort', () => reject(reasonOf(ctl.signal)), { once: true }))
  const onParent = () => ctl.abort(reasonOf(parent!))
  parent?.addEventListener('abort', onParent, { once: true })
  const timer = setTimeout(() => ctl.abort(new LlmTimeoutError(`${opts.what}: no answer within ${ms} ms`, opts.limit)), ms)
  let work: Promise<T>
  try {
    work = call(ctl.signal)
  } catch (err) {
    work = Promise.reject(err)
  }
  return Promise.race([work, stopped]).finally(() => {
    clearTimeout(timer)
    parent?.removeEventListener('abort', onParent)
  })
}

const reasonOf = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new LlmTimeoutError('aborted', 'reply'))

/**
 * The time one message may spend on model calls, counted from its arrival. Carried on the message's context
 * (Context.replyBudget) so every capability on the way draws on the same budget.
 */
export class ReplyBudget {
  constructor(
    /** Epoch ms after which no model call runs for this message. */
    readonly endsAt: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * From the message's own time when it is live (so time spent before the handler counts), from now for one
   * replayed long after it was sent (e.g. after an outage) or stamped by a clock ahead of ours.
   */
  static forMessage(at: number, ms: number, now: () => number = Date.now): ReplyBudget {
    const t = now()
    const start = at <= t && t - at < ms ? at : t
    return new ReplyBudget(start + ms, now)
  }

  remaining(): number {
    return Math.max(0, this.endsAt - this.now())
  }
}

/**
 * The Llm with every call bounded by what is left of `budget`: aborted when it runs out, not started when
 * less than MIN_CALL_MS is left. The model's own per-call timeout is the adapter's (LLM_TIMEOUT_MS).
 * `onTimeout` hears of each call the model was too slow for (not of calls cut short by the budget).
 */
export function limitLlm(llm: Llm, limits: { budget?: ReplyBudget; onTimeout?: () => void }): Llm {
  const run = <T>(what: string, signal: AbortSignal | undefined, call: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> => {
    const left = limits.budget?.remaining()
    let p: Promise<T>
    if (left === undefined) p = call(signal)
    else if (left < MIN_CALL_MS) p = Promise.reject(new LlmTimeoutError(`${what}: the reply budget is spent`, 'reply'))
    else p = withDeadline(left, call, { what, limit: 'reply', signal })
    return p.catch((err: unknown) => {
      if (err instanceof LlmTimeoutError && err.limit === 'call') limits.onTimeout?.()
      throw err
    })
  }
  return {
    model: llm.model,
    complete: (messages, opts = {}) => run('llm complete', opts.signal, (signal) => llm.complete(messages, { ...opts, signal })),
    extract: (messages, schema, opts) => run(`llm ${opts.name}`, opts.signal, (signal) => llm.extract(messages, schema, { ...opts, signal })),
  }
}
