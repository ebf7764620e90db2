// The Jobs port on BullMQ: idempotent by business id, payloads validated with zod when picked up.
import { type Job, UnrecoverableError } from 'bullmq'
import type { JobQueue, JobRuntime, JobSpec, Repeat, ScheduledJob, Scheduler } from '../../core/capability.ts'
import type { Logger } from '../../core/log.ts'
import { type QueueHub, safeJobId } from './hub.ts'

/** Retries and retention for every job of a spec, one-off or scheduled. */
const jobOptions = (spec: JobSpec<unknown>) => ({
  attempts: spec.attempts ?? 3,
  backoff: { type: 'exponential', delay: 1000 },
  // Keep finished jobs a while: their ids are what makes a redelivered message a no-op.
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
})

/** A scheduler's job id is `repeat:<schedulerId>:<dueMillis>`; prevMillis carries the same due time. */
function scheduledAt(job: Job): number | undefined {
  if (!job.repeatJobKey) return undefined
  const due = job.opts.prevMillis ?? Number(String(job.id).split(':').pop())
  return Number.isFinite(due) && due > 0 ? due : job.timestamp + (job.delay ?? 0)
}

function startWorker<T>(hub: QueueHub, log: Logger, spec: JobSpec<T>) {
  const worker = hub.worker(
    spec.name,
    async (job) => {
      const parsed = spec.schema.safeParse(job.data)
      // A malformed payload will not get better on retry.
      if (!parsed.success) throw new UnrecoverableError(`invalid payload: ${parsed.error.message}`)
      await spec.process(parsed.data, { id: job.id ?? '', attempt: job.attemptsMade + 1, scheduledAt: scheduledAt(job) })
    },
    { concurrency: spec.concurrency ?? 1 },
  )
  worker.on('failed', (job, err) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError
    log[final ? 'error' : 'warn']({ err, queue: spec.name, jobId: job?.id, attempt: job?.attemptsMade }, final ? 'job failed for good' : 'job failed, will retry')
  })
}

/** The Jobs port plus its lifecycle, for the assembly (main.ts) to start, watch and close. */
export function createJobs(hub: QueueHub, log: Logger): JobRuntime {
  return {
    start: () => hub.start(),
    idle: () => hub.idle(),
    close: () => hub.close(),
    define<T>(spec: JobSpec<T>): JobQueue<T> {
      const queue = hub.queue(spec.name)
      startWorker(hub, log, spec)
      return {
        async add(id, data, opts) {
          const delay = opts?.at ? Math.max(0, opts.at - Date.now()) : 0
          await queue.add(spec.name, data, {
            jobId: safeJobId(id),
            delay,
            ...jobOptions(spec as JobSpec<unknown>),
          })
        },
        async remove(id) {
          const job = await queue.getJob(safeJobId(id))
          if (job) await job.remove()
        },
      }
    },

    schedule<T>(spec: JobSpec<T>): Scheduler<T> {
      const queue = hub.queue(spec.name)
      startWorker(hub, log, spec)
      return {
        async upsert(id, repeat, data) {
          // Same id → the same scheduler, updated in place: no duplicates across restarts or processes.
          await queue.upsertJobScheduler(safeJobId(id), repeat, {
            name: spec.name,
            data,
            opts: jobOptions(spec as JobSpec<unknown>),
          })
        },
        async remove(id) {
          await queue.removeJobScheduler(safeJobId(id))
        },
        async list() {
          const all = await queue.getJobSchedulers(0, -1, true)
          return all.map((s): ScheduledJob<T> => {
            const repeat: Repeat = s.pattern ? { pattern: s.pattern, tz: s.tz } : { every: s.every ?? 0 }
            return { id: s.id ?? s.key, repeat, data: s.template?.data as T | undefined, next: s.next ?? undefined }
          })
        },
      }
    },
  }
}
