// The Jobs port on BullMQ: idempotent by business id, payloads validated with zod when picked up.
import { UnrecoverableError } from 'bullmq'
import type { JobQueue, Jobs, JobSpec } from '../../core/capability.ts'
import type { Logger } from '../../core/log.ts'
import { type QueueHub, safeJobId } from './hub.ts'

export function createJobs(hub: QueueHub, log: Logger): Jobs {
  return {
    define<T>(spec: JobSpec<T>): JobQueue<T> {
      const queue = hub.queue(spec.name)
      const worker = hub.worker(
        spec.name,
        async (job) => {
          const parsed = spec.schema.safeParse(job.data)
          // A malformed payload will not get better on retry.
          if (!parsed.success) throw new UnrecoverableError(`invalid payload: ${parsed.error.message}`)
          await spec.process(parsed.data, { id: job.id ?? '', attempt: job.attemptsMade + 1 })
        },
        { concurrency: spec.concurrency ?? 1 },
      )
      worker.on('failed', (job, err) => {
        const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError
        log[final ? 'error' : 'warn']({ err, queue: spec.name, jobId: job?.id, attempt: job?.attemptsMade }, final ? 'job failed for good' : 'job failed, will retry')
      })
      return {
        async add(id, data, opts) {
          const delay = opts?.at ? Math.max(0, opts.at - Date.now()) : 0
          await queue.add(spec.name, data, {
            jobId: safeJobId(id),
            delay,
            attempts: spec.attempts ?? 3,
            backoff: { type: 'exponential', delay: 1000 },
            // Keep finished jobs a while: their ids are what makes a redelivered message a no-op.
            removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
            removeOnFail: { age: 30 * 24 * 3600 },
          })
        },
        async remove(id) {
          const job = await queue.getJob(safeJobId(id))
          if (job) await job.remove()
        },
      }
    },
  }
}
