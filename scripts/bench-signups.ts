// Sign-ups bench: sign-up jobs through the real BullMQ queue and worker to the Redis roster (Lua), on real Redis.
// It enqueues through the capability's service (SignupService.enqueue, exactly what the chat handler calls)
// instead of the mock chat, so the figure is the queue + worker + store path. The app is the real one (createApp
// with the signups capability); only the transport is a no-op, since summaries are not what is measured.
// Reports throughput, p50/p95 latency from enqueue to the roster write, and whether capacity held exactly.
// Beside it, the baseline: the same number of jobs through a bare BullMQ queue and worker on the same Redis, with a
// processor that does nothing, so the figure reads against what BullMQ alone does on this machine.
import { performance } from 'node:perf_hooks'
import { Queue, Worker } from 'bullmq'
import { assemble } from '../src/main.ts'
import { silentLogger } from '../src/core/log.ts'
import { createSignups } from '../src/signups/index.ts'
import type { ApplyJob } from '../src/signups/jobs.ts'
import type { SignupService } from '../src/signups/service.ts'
import { nameKey } from '../src/signups/parse.ts'
import { testConfig } from '../src/testing/bot.ts'
import { testRedis } from '../src/testing/redis.ts'

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

export async function benchSignups(opts: { signups?: number; capacity?: number; concurrency?: number } = {}): Promise<Record<string, unknown>> {
  const total = opts.signups ?? 5000
  const capacity = opts.capacity ?? 1000
  const store = await testRedis('bench-signups')
  const config = testConfig({}, store.prefix)
  const log = silentLogger()
  let exposed: SignupService | undefined
  const cap = createSignups({ settings: { ...(opts.concurrency ? { concurrency: opts.concurrency } : {}), batchWindowMs: 1000 }, expose: (s) => (exposed = s) })
  const app = await assemble({
    config,
    redis: store.redis,
    log,
    transport: { send: async () => undefined },
    directory: { resolvePerson: async () => undefined, resolveRoom: async () => ({ kind: 'room', roomId: 'bench@chatroom', topic: 'bench' }) },
    capabilities: [cap],
    outbox: { roomIntervalMs: 0, jitterMs: 0, perMinute: 1e6 },
  })
  await app.start()
  const svc = exposed!
  try {
    const act = await svc.store.create(
      { groupId: 'xingfuli', title: '压测活动', startAt: Date.now() + 7 * 24 * 3600_000, place: '活动室', capacity, deadlineAt: 0, notes: '', hostId: 'h', hostName: '李姐' },
      Date.now(),
    )
    const enqueuedAt = new Map<string, number>()
    const latencies: number[] = []
    let applied = 0
    let finish: () => void = () => {}
    const finished = new Promise<void>((ok) => (finish = ok))
    // The worker calls svc.applyNow for every job: time it there, after the Lua write returns.
    const apply = svc.applyNow.bind(svc)
    svc.applyNow = async (job: ApplyJob) => {
      const r = await apply(job)
      const t0 = enqueuedAt.get(job.msgId)
      if (t0 !== undefined) latencies.push(performance.now() - t0)
      if (++applied === total) finish()
      return r
    }

    const start = performance.now()
    const batch = 200
    for (let i = 0; i < total; i += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, total - i) }, (_, j) => {
          const n = i + j
          const name = `居民${n}`
          const msgId = `bench-${n}`
          enqueuedAt.set(msgId, performance.now())
          return svc.enqueue({ op: 'join', activityId: act.id, msgId, by: { id: `wx${n}`, name }, people: [{ key: nameKey(name), name, own: true }] })
        }),
      )
    }
    const enqueueMs = performance.now() - start
    await finished
    const elapsed = performance.now() - start
    const counts = await svc.store.counts(act.id)
    const roster = await svc.store.roster(act.id)
    // Enqueue order is call order (adds go out in order on one connection): compare the roster with it.
    const order = [...roster.confirmed, ...roster.waitlist].map((e) => Number(e.name.slice(2)))
    const inversions = order.filter((n, i) => i > 0 && n < order[i - 1]!).length
    const firstCome = roster.confirmed.every((e) => Number(e.name.slice(2)) < capacity)
    return {
      path: 'SignupService.enqueue → BullMQ (signups queue) → worker → Lua roster write (no chat)',
      signups: total,
      capacity,
      workerConcurrency: svc.settings.concurrency,
      enqueueMs: Math.round(enqueueMs),
      totalMs: Math.round(elapsed),
      throughputPerSec: Math.round((total / elapsed) * 1000),
      latencyMs: { p50: Math.round(pct(latencies, 50)), p95: Math.round(pct(latencies, 95)), max: Math.round(Math.max(...latencies)) },
      confirmed: counts.confirmed,
      waitlisted: counts.waiting,
      capacityExact: counts.confirmed === capacity && counts.waiting === total - capacity,
      /** The first `capacity` to arrive got the places. */
      firstComeFirstServed: firstCome,
      /** Adjacent roster positions out of arrival order (0 = exact arrival order). */
      orderInversions: inversions,
    }
  } finally {
    await app.stop()
    await store.cleanup()
  }
}

/** Raw BullMQ: `total` jobs added in batches of 200 (as above), an empty processor; jobs per second end to end. */
export async function benchRawBullmq(opts: { jobs?: number; concurrency?: number } = {}): Promise<Record<string, unknown>> {
  const total = opts.jobs ?? 5000
  const store = await testRedis('bench-raw-bullmq')
  const connection = { connection: store.redis, prefix: store.prefix }
  const queue = new Queue('raw', connection)
  let done = 0
  let finish: () => void = () => {}
  const finished = new Promise<void>((ok) => (finish = ok))
  const worker = new Worker('raw', async () => undefined, { ...connection, concurrency: opts.concurrency ?? 1, autorun: false })
  worker.on('completed', () => void (++done === total && finish()))
  void worker.run()
  try {
    const start = performance.now()
    for (let i = 0; i < total; i += 200) {
      await Promise.all(Array.from({ length: Math.min(200, total - i) }, (_, j) => queue.add('job', { n: i + j }, { jobId: `raw-${i + j}`, removeOnComplete: true })))
    }
    await finished
    const elapsed = performance.now() - start
    return { path: 'Queue.add → BullMQ worker, empty processor (no roster, no app)', jobs: total, workerConcurrency: opts.concurrency ?? 1, totalMs: Math.round(elapsed), throughputPerSec: Math.round((total / elapsed) * 1000) }
  } finally {
    await worker.close()
    await queue.close()
    await store.cleanup()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A short first run warms up JIT, Lua script caches and connections; its figures are not reported.
  await benchSignups({ signups: 1000, capacity: 100 })
  await benchRawBullmq({ jobs: 1000 })
  const results = {
    default: await benchSignups(),
    concurrency8: await benchSignups({ concurrency: 8 }),
    rawBullmq: await benchRawBullmq(),
    rawBullmqConcurrency8: await benchRawBullmq({ concurrency: 8 }),
  }
  console.log(JSON.stringify(results, null, 2))
  process.exit(0)
}
