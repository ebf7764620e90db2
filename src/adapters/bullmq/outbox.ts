// The rate-limited outbox: every message the bot sends is a BullMQ job. Per-conversation pacing comes
// from slot reservation (see Pacer) plus the gap since the last real send, the global per-minute cap from
// the worker's limiter, and order within a conversation from increasing slots processed by one worker.
// Urgent messages (emergency numbers) go through a second queue without the cap.
import type { Redis } from 'ioredis'
import type { Config } from '../../config.ts'
import type { Outbox } from '../../core/capability.ts'
import type { Logger } from '../../core/log.ts'
import type { Conversation, OutgoingMessage } from '../../core/message.ts'
import { Pacer } from '../../outbox/pacing.ts'
import { type SendJob, sendJobSchema, type Transport } from '../../outbox/payload.ts'
import { splitText } from '../../outbox/split.ts'
import { type QueueHub, safeJobId } from './hub.ts'

export const OUTBOX_QUEUE = 'outbox'
/**
 * Emergency numbers must not wait for the global per-minute cap (BullMQ's limiter counts every job of a
 * queue, whatever its priority), so urgent messages have a queue of their own with no limiter. The
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

export function createOutbox(opts: OutboxOptions): Outbox & { onSent(fn: (job: SendJob) => void): void } {
  const { hub, settings, log } = opts
  const queue = hub.queue(OUTBOX_QUEUE)
  const urgentQueue = hub.queue(URGENT_QUEUE)
  const pacer = new Pacer(opts.redis, (c) => opts.key('outbox', 'slot', c), settings.roomIntervalMs, settings.jitterMs)
  const listeners: ((job: SendJob) => void)[] = []
  // Last real send per conversation in this process: a job promoted late must not be followed too closely.
  const lastSent = new Map<string, number>()
  // The two workers may hold messages for one conversation at once: one at a time per conversation.
  const busy = new Map<string, Promise<void>>()

  const deliver = async (data: SendJob) => {
    // BullMQ promotes delayed jobs on a coarse tick (~100 ms): one job can come late and the next on
    // time. Waiting for both the reserved slot and the gap since the last real send keeps pacing exact.
    const conv = conversationKey(data.to)
    const due = Math.max(data.slot, (lastSent.get(conv) ?? 0) + settings.roomIntervalMs)
    const early = due - Date.now()
    if (early > 0) await new Promise((r) => setTimeout(r, Math.min(early, 5_000)))
    await opts.transport.send(data)
    lastSent.set(conv, Date.now())
    if (lastSent.size > 10_000) lastSent.clear()
    for (const fn of listeners) fn(data)
  }
  const processJob = async (job: { data: unknown }) => {
    const data = sendJobSchema.parse(job.data)
    const conv = conversationKey(data.to)
    const previous = busy.get(conv) ?? Promise.resolve()
    const mine = previous.then(() => deliver(data))
    const settled = mine.catch(() => undefined)
    busy.set(conv, settled)
    try {
      await mine
    } finally {
      if (busy.get(conv) === settled) busy.delete(conv)
    }
  }

  const onFailed = (job: { id?: string; attemptsMade: number; opts: { attempts?: number }; data: SendJob } | undefined, err: Error) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1)
    // Never silently dropped: a send that finally fails stays in the failed set and is logged with its id.
    if (final) log.error({ err, jobId: job?.id, to: job?.data.to }, 'outbox: send failed for good')
    else log.warn({ err, jobId: job.id, attempt: job.attemptsMade }, 'outbox: send failed, retrying')
  }
  hub.worker<SendJob>(OUTBOX_QUEUE, processJob, { concurrency: 1, limiter: { max: settings.perMinute, duration: 60_000 } }).on('failed', onFailed)
  // Several at once, so waiting out one group's gap never delays the private reply to the same person;
  // the per-conversation lock keeps each conversation in order.
  hub.worker<SendJob>(URGENT_QUEUE, processJob, { concurrency: 4 }).on('failed', onFailed)

  return {
    onSent(fn) {
      listeners.push(fn)
    },
    async send(out: OutgoingMessage) {
      const parts = out.file ? [out.text] : splitText(out.text, settings.maxLength)
      for (const [index, text] of parts.entries()) {
        // Urgent messages take no slot behind the backlog; the worker still keeps the minimum gap.
        const slot = out.urgent ? Date.now() : await pacer.reserve(conversationKey(out.to), out.notBefore)
        const data: SendJob = {
          to: out.to,
          text,
          // Mention once, on the first part, as a person would.
          mentions: index === 0 && out.to.kind === 'room' ? (out.mentions ?? []) : [],
          file: index === 0 ? out.file : undefined,
          slot,
          part: parts.length > 1 ? { index, of: parts.length } : undefined,
        }
        const jobId = out.key ? safeJobId(`${out.key}#${index}`) : undefined
        await (out.urgent ? urgentQueue : queue).add('send', data, {
          jobId,
          delay: Math.max(0, slot - Date.now()),
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
