// The rate-limited outbox: every message the bot sends is a BullMQ job. Per-conversation pacing comes
// from slot reservation (see Pacer), the global per-minute cap from the worker's limiter, and order
// within a conversation from increasing slots processed by a single worker.
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
const URGENT_PRIORITY = 1
const NORMAL_PRIORITY = 10

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
  const pacer = new Pacer(opts.redis, (c) => opts.key('outbox', 'slot', c), settings.roomIntervalMs, settings.jitterMs)
  const listeners: ((job: SendJob) => void)[] = []
  // Last real send per conversation in this process: a job promoted late must not be followed too closely.
  const lastSent = new Map<string, number>()

  const worker = hub.worker<SendJob>(
    OUTBOX_QUEUE,
    async (job) => {
      const data = sendJobSchema.parse(job.data)
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
    },
    { concurrency: 1, limiter: { max: settings.perMinute, duration: 60_000 } },
  )
  worker.on('failed', (job, err) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1)
    // Never silently dropped: a send that finally fails stays in the failed set and is logged with its id.
    if (final) log.error({ err, jobId: job?.id, to: job?.data.to }, 'outbox: send failed for good')
    else log.warn({ err, jobId: job.id, attempt: job.attemptsMade }, 'outbox: send failed, retrying')
  })

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
        await queue.add('send', data, {
          jobId: out.key ? safeJobId(`${out.key}#${index}`) : undefined,
          delay: Math.max(0, slot - Date.now()),
          // Every job has a priority because BullMQ serves plain jobs before prioritised ones; equal
          // priorities keep their order, so conversations stay in order and urgent ones go first.
          priority: out.urgent ? URGENT_PRIORITY : NORMAL_PRIORITY,
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
