// The rate-limited outbox: every message the bot sends is a BullMQ job.
//
// Pacing (see outbox/pacing.ts): a job is delayed to its conversation's reserved slot; the ordinary queue's
// worker takes at most one job per account gap (60 s / perMinute) and, among the jobs ready, the one of
// the highest priority class (reply > summary > reminder; FIFO within a class, so a batch of reminders due
// at one minute leaves in a stable order, evenly spread); before sending, the Redis gate checks the account's
// gap and the conversation's gap across all processes. Urgent messages (emergency numbers) have a queue of
// their own: they never wait for the account's gap, only for their conversation's.
import { DelayedError, type Job } from 'bullmq'
import type { Redis } from 'ioredis'
import type { Config } from '../../config.ts'
import type { Outbox } from '../../core/capability.ts'
import type { Logger } from '../../core/log.ts'
import type { Conversation, OutgoingMessage } from '../../core/message.ts'
import { Pacer, SendGate } from '../../outbox/pacing.ts'
import { type SendJob, sendJobSchema, type Transport } from '../../outbox/payload.ts'
import { priorityOf, queuePriority } from '../../outbox/priority.ts'
import { splitText } from '../../outbox/split.ts'
import { type QueueHub, safeJobId } from './hub.ts'

export const OUTBOX_QUEUE = 'outbox'
/**
 * Emergency numbers must not wait for the account's pace, and BullMQ's limiter holds back every job of a
 * queue whatever its priority, so urgent messages have a queue of their own with no limiter. The
 * per-conversation minimum gap still applies to them.
 */
export const URGENT_QUEUE = 'outbox-urgent'

/** Sensitive messages leave Redis once sent, so their key is remembered apart for this long. */
const SENSITIVE_DEDUP_TTL_MS = 7 * 24 * 3600 * 1000

const conversationKey = (c: Conversation) => (c.kind === 'room' ? `room:${c.roomId}` : `dm:${c.contactId}`)

export interface OutboxOptions {
  hub: QueueHub
  redis: Redis
  key: (...parts: string[]) => string
  settings: Config['outbox']
  transport: Transport
  log: Logger
}

class Closing extends Error {}

/** The job for one part of a (possibly split) message. */
function partJob(out: OutgoingMessage, of: number, index: number, text: string, slot: number): SendJob {
  return {
    to: out.to,
    text,
    // Mention once, on the first part, as a person would.
    mentions: index === 0 && out.to.kind === 'room' ? (out.mentions ?? []) : [],
    file: index === 0 ? out.file : undefined,
    slot,
    priority: priorityOf(out),
    part: of > 1 ? { index, of } : undefined,
  }
}

/** Resolves after `ms`, or rejects with Closing as soon as the worker starts closing. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new Closing())
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new Closing())
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** After each send: `at` is when the pacer granted it (Redis clock), the time every gap is measured on. */
export type SentListener = (job: SendJob, sent: { at: number }) => void

export interface OutboxWithDirect extends Outbox {
  onSent(fn: SentListener): void
  /**
   * Straight to the transport, without Redis: for the few messages that must not wait for storage to come
   * back (emergency numbers, one "busy" notice per person). Keeps this process's gap per conversation.
   */
  sendNow(out: OutgoingMessage): Promise<void>
}

export function createOutbox(opts: OutboxOptions): OutboxWithDirect {
  const { hub, settings, log } = opts
  const queue = hub.queue(OUTBOX_QUEUE)
  const urgentQueue = hub.queue(URGENT_QUEUE)
  const pacer = new Pacer(opts.redis, (c) => opts.key('outbox', 'slot', c), settings.roomIntervalMs, settings.jitterMs)
  const gate = new SendGate(opts.redis, { account: opts.key('outbox', 'gate', 'account'), conversation: (c) => opts.key('outbox', 'gate', c) }, settings.perMinute, settings.roomIntervalMs)
  const listeners: SentListener[] = []
  // The two workers may hold messages for one conversation at once: one at a time per conversation, in the
  // order they were picked (so an emergency picked while a group message is on its way goes right after it).
  const busy = new Map<string, Promise<unknown>>()
  // Direct sends keep their own per-conversation order: a queued delivery may be stuck on Redis (the gate),
  // which is exactly when direct sends are needed, so they must never wait behind one.
  const directBusy = new Map<string, Promise<unknown>>()
  const inConversation = async <T>(conv: string, fn: () => Promise<T>, locks = busy): Promise<T> => {
    const previous = locks.get(conv) ?? Promise.resolve()
    const mine = previous.then(fn)
    const settled = mine.catch(() => undefined)
    locks.set(conv, settled)
    try {
      return await mine
    } finally {
      if (locks.get(conv) === settled) locks.delete(conv)
    }
  }

  const deliver = async (data: SendJob, urgent: boolean, signal: AbortSignal) => {
    const conv = conversationKey(data.to)
    // BullMQ promotes delayed jobs on a coarse tick; never before the reserved slot.
    for (let early = data.slot - Date.now(); early > 0; early = data.slot - Date.now()) await pause(early, signal)
    for (;;) {
      // Wait for the account's turn outside the conversation, so an emergency to the same conversation
      // never queues behind a message that is only waiting for the account's pace.
      if (!urgent) for (let w = await gate.accountWait(); w > 0; w = await gate.accountWait()) await pause(w, signal)
      const at = await inConversation(conv, async () => {
        for (;;) {
          const wait = await gate.take(conv, urgent)
          if (wait.account > 0) return undefined // another process (or an emergency) took the turn: wait outside again
          if (wait.conversation === 0) {
            try {
              await opts.transport.send(data)
            } finally {
              // Never fail a delivered message over this: a retry would send it twice.
              await gate.sent(conv).catch((err) => log.warn({ err }, 'outbox: could not record the end of a send'))
            }
            return wait.at ?? Date.now()
          }
          await pause(wait.conversation, signal)
        }
      })
      if (at !== undefined) {
        for (const fn of listeners) fn(data, { at })
        return
      }
    }
  }

  const workerFor = (name: string, urgent: boolean, workerOpts: Parameters<QueueHub['worker']>[2]) => {
    const closing = new AbortController()
    const worker = hub.worker<SendJob>(
      name,
      async (job: Job<SendJob>, token?: string) => {
        const data = sendJobSchema.parse(job.data)
        try {
          await deliver(data, urgent, closing.signal)
        } catch (err) {
          if (!(err instanceof Closing)) throw err
          // Shutting down while waiting for a turn: back to the queue, not sent and no attempt used up.
          await job.moveToDelayed(Date.now(), token)
          throw new DelayedError()
        }
      },
      workerOpts,
    )
    worker.on('closing', () => closing.abort())
    worker.on('failed', onFailed)
  }

  const onFailed = (job: { id?: string; attemptsMade: number; opts: { attempts?: number }; data: SendJob } | undefined, err: Error) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1)
    // Never silently dropped: a send that finally fails stays in the failed set and is logged with its id.
    if (final) log.error({ err, jobId: job?.id, to: job?.data.to }, 'outbox: send failed for good')
    else log.warn({ err, jobId: job.id, attempt: job.attemptsMade }, 'outbox: send failed, retrying')
  }
  // One job per account gap, across processes (BullMQ keeps the limiter in Redis). With max 1 the limiter's
  // window is a minimum gap between two jobs taken, so the next job is chosen by priority at the moment it
  // can go, not a gap earlier: a reply queued behind 200 reminders waits for one gap, not for them.
  workerFor(OUTBOX_QUEUE, false, { concurrency: 1, limiter: { max: 1, duration: gate.accountGapMs } })
  // Several at once, so waiting out one group's gap never delays the private reply to the same person;
  // the per-conversation lock keeps each conversation in order.
  workerFor(URGENT_QUEUE, true, { concurrency: 4 })

  // Last direct send per conversation (this process only: there is no shared store to ask while it is down).
  const lastDirect = new Map<string, number>()

  return {
    onSent(fn) {
      listeners.push(fn)
    },
    async sendNow(out: OutgoingMessage) {
      const conv = conversationKey(out.to)
      const parts = splitText(out.text, settings.maxLength)
      for (const [index, text] of parts.entries()) {
        const data = partJob(out, parts.length, index, text, Date.now())
        const at = await inConversation(conv, async () => {
          const wait = (lastDirect.get(conv) ?? 0) + settings.roomIntervalMs - Date.now()
          if (wait > 0) await new Promise((r) => setTimeout(r, wait))
          await opts.transport.send(data)
          const now = Date.now()
          lastDirect.set(conv, now)
          return now
        }, directBusy)
        for (const fn of listeners) fn(data, { at })
      }
    },
    async send(out: OutgoingMessage) {
      const priority = priorityOf(out)
      const urgent = priority === 'urgent'
      const parts = out.file ? [out.text] : splitText(out.text, settings.maxLength)
      for (const [index, text] of parts.entries()) {
        // Urgent messages take no slot behind the backlog; the worker still keeps the minimum gap.
        const slot = urgent ? Date.now() : await pacer.reserve(conversationKey(out.to), out.notBefore)
        const data = partJob(out, parts.length, index, text, slot)
        const jobId = out.key ? safeJobId(`${out.key}#${index}`) : undefined
        const now = Date.now()
        await (urgent ? urgentQueue : queue).add('send', data, {
          jobId,
          // Due exactly at the slot (timestamp + delay), so messages reserved for one moment keep the order
          // in which they were queued.
          timestamp: now,
          delay: Math.max(0, slot - now),
          priority: urgent ? undefined : queuePriority(priority),
          // A completed job's id is what makes a keyed send idempotent; sensitive jobs are removed once sent,
          // so their key is also kept as a deduplication id (no content) for a week.
          deduplication: out.sensitive && jobId ? { id: jobId, ttl: SENSITIVE_DEDUP_TTL_MS } : undefined,
          attempts: settings.attempts,
          backoff: { type: 'exponential', delay: settings.backoffMs },
          // Sent texts are kept a few days for diagnosis, except personal details, which go as soon as sent.
          // A failed send is kept either way (never silently dropped), sensitive ones for a shorter time.
          removeOnComplete: out.sensitive ? true : { age: 3 * 24 * 3600, count: 20_000 },
          removeOnFail: { age: (out.sensitive ? 7 : 30) * 24 * 3600 },
        })
      }
    },
  }
}
