// Every BullMQ queue and worker of the process is created here, so they share one prefix and
// connection policy, and the sandbox/tests can ask "is anything still pending?" and close them all.
import { Queue, Worker, type Job, type Processor, type WorkerOptions } from 'bullmq'
import type { Redis } from 'ioredis'
import type { Logger } from '../../core/log.ts'

/** BullMQ forbids ":" in custom ids (it is the key separator). Business ids keep their shape otherwise. */
export const safeJobId = (id: string) => id.replace(/:/g, '_')

export class QueueHub {
  private queues = new Map<string, Queue>()
  private workers: Worker[] = []
  readonly prefix: string

  constructor(
    private readonly connection: Redis,
    keyPrefix: string,
    private readonly log: Logger,
  ) {
    this.prefix = `${keyPrefix}:bull`
  }

  queue(name: string): Queue {
    let q = this.queues.get(name)
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix })
      q.on('error', (err) => this.log.error({ err, queue: name }, 'queue error'))
      this.queues.set(name, q)
    }
    return q
  }

  worker<T>(name: string, processor: Processor<T>, opts: Partial<WorkerOptions> = {}): Worker<T> {
    // Workers block on Redis, so each gets its own connection (BullMQ duplicates the one we pass).
    const w = new Worker<T>(name, processor, {
      connection: this.connection,
      prefix: this.prefix,
      autorun: false,
      ...opts,
    })
    w.on('error', (err) => this.log.error({ err, queue: name }, 'worker error'))
    this.workers.push(w as Worker)
    return w
  }

  start(): void {
    for (const w of this.workers) if (!w.isRunning()) void w.run().catch((err) => this.log.error({ err }, 'worker stopped'))
  }

  /**
   * True when no job is waiting or running, and none is delayed to within `horizonMs`.
   * Jobs delayed further (tomorrow's reminder) do not keep the bot "busy".
   */
  async idle(horizonMs = 10_000): Promise<boolean> {
    const now = Date.now()
    for (const q of this.queues.values()) {
      const counts = await q.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children')
      if (Object.values(counts).some((n) => n > 0)) return false
      const delayed: Job[] = await q.getDelayed(0, 200)
      if (delayed.some((j) => j.timestamp + (j.delay ?? 0) <= now + horizonMs)) return false
    }
    return true
  }

  /**
   * Lets running jobs finish, but not forever: a job stuck on a Redis that went away (or came back empty)
   * must not hold up shutdown. After the grace, workers close at once; an interrupted job is picked up again
   * as stalled by the next process (jobs are idempotent by business id).
   */
  async close(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        let timer: NodeJS.Timeout | undefined
        const forced = new Promise<void>((ok) => (timer = setTimeout(ok, graceMs))).then(() => {
          this.log.warn({ queue: w.name }, 'a job did not finish within the shutdown grace: closing the worker anyway')
          // A forced close waits on Redis too (a connection left half-open by a restart): cut it if that hangs.
          return bounded(w.close(true), CUT_MS, () => w.disconnect())
        })
        await Promise.race([w.close(), forced])
        clearTimeout(timer)
      }),
    )
    await Promise.all([...this.queues.values()].map((q) => bounded(q.close(), CUT_MS, () => q.disconnect())))
  }
}

/** How long a close may wait on Redis before its connection is cut. */
const CUT_MS = 5_000

/** `p`, or after `ms` the result of `cut` (which drops the connection) — never a wait without end. */
async function bounded(p: Promise<void>, ms: number, cut: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((ok) => (timer = setTimeout(() => ok('late'), ms)))
  const r = await Promise.race([p.then(() => 'done' as const), late])
  clearTimeout(timer)
  if (r === 'late') await cut().catch(() => undefined)
}
