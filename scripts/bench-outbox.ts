// Outbox pacing bench, at the production pace (perMinute 40, room gap 1500 ms + jitter 800 ms): 200 groups'
// reminders due at the same minute, then a reply to a person and a staff alert queued behind them, then an
// emergency. Measures the real send times (when the transport was called) for a while: the most sends in
// any 10 s window (target ≤ ceil(perMinute / 6) + 1), the gaps, and how long the reply, the staff alert and
// the emergency waited. Then the same with two outboxes on one Redis (two processes, one account).
// Not a test: nothing here passes or fails. BENCH_OUTBOX_SECONDS sets how long each scenario watches (default 75).
import { Redis } from 'ioredis'
import { createOutbox } from '../src/adapters/bullmq/outbox.ts'
import { QueueHub } from '../src/adapters/bullmq/hub.ts'
import { keyFor } from '../src/adapters/redis/keys.ts'
import type { Config } from '../src/config.ts'
import { createLogger } from '../src/core/log.ts'
import type { OutgoingMessage } from '../src/core/message.ts'
import type { SendJob } from '../src/outbox/payload.ts'
import { deleteByPrefix, TEST_REDIS_URL } from '../src/testing/redis.ts'

const SETTINGS: Config['outbox'] = { roomIntervalMs: 1500, jitterMs: 800, perMinute: 40, maxLength: 600, attempts: 5, backoffMs: 2000 }
const WATCH_MS = Number(process.env.BENCH_OUTBOX_SECONDS ?? 75) * 1000
const GROUPS = 200

interface Sent {
  text: string
  priority: SendJob['priority']
  at: number
}

function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= windowMs) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

async function scenario(processes: number): Promise<Record<string, unknown>> {
  const prefix = `wjbench-outbox-${process.pid}-${processes}`
  const log = createLogger({ level: 'silent', pretty: false })
  const sent: Sent[] = []
  const parts = Array.from({ length: processes }, () => {
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
    const hub = new QueueHub(redis, prefix, log)
    const outbox = createOutbox({
      hub,
      redis,
      key: keyFor(prefix),
      settings: SETTINGS,
      transport: { send: async (job) => void sent.push({ text: job.text, priority: job.priority, at: Date.now() }) },
      log,
    })
    hub.start()
    return { redis, hub, outbox }
  })
  const queuedAt = new Map<string, number>()
  const send = async (i: number, out: OutgoingMessage) => {
    queuedAt.set(out.text, Date.now())
    await parts[i % processes]!.outbox.send(out)
  }
  const start = Date.now()
  // Due at the same minute: every reminder is queued at once, one per group, alternating between processes.
  for (let g = 0; g < GROUPS; g++) await send(g, { to: { kind: 'room', roomId: `g${g}@chatroom`, topic: `微家${g}` }, text: `提醒 g${g}`, priority: 'reminder' })
  const remindersQueuedMs = Date.now() - start
  await send(0, { to: { kind: 'private', contactId: 'resident', name: '王芳' }, text: 'reply', priority: 'reply' })
  await send(1, { to: { kind: 'private', contactId: 'staff', name: '小王' }, text: 'staff alert', priority: 'reply' })
  // Later, while the reminders are still going out: an emergency reply.
  await new Promise((r) => setTimeout(r, 20_000))
  await send(0, { to: { kind: 'private', contactId: 'resident2', name: '张丽' }, text: 'urgent', urgent: true })
  await new Promise((r) => setTimeout(r, Math.max(0, WATCH_MS - (Date.now() - start))))
  const watchedMs = Date.now() - start

  for (const p of parts) await p.hub.close()
  await deleteByPrefix(parts[0]!.redis, prefix)
  for (const p of parts) p.redis.disconnect()

  const times = sent.map((s) => s.at)
  const gaps = times.slice(1).map((t, i) => t - times[i]!)
  const waited = (text: string) => {
    const s = sent.find((x) => x.text === text)
    return s ? { waitedMs: s.at - queuedAt.get(text)!, position: sent.indexOf(s) + 1 } : 'not sent while watched'
  }
  const reminders = sent.filter((s) => s.priority === 'reminder')
  const order = reminders.map((s) => Number(s.text.slice(4)))
  return {
    processes,
    perMinute: SETTINGS.perMinute,
    watchedSeconds: Math.round(watchedMs / 1000),
    remindersQueuedMs,
    sent: sent.length,
    remindersSent: reminders.length,
    maxSendsIn10s: maxInWindow(times, 10_000),
    // An emergency never waits for the pace, so it can add one send to a window.
    maxSendsIn10sWithoutUrgent: maxInWindow(sent.filter((s) => s.priority !== 'urgent').map((s) => s.at), 10_000),
    target: Math.ceil(SETTINGS.perMinute / 6) + 1,
    maxSendsIn60s: maxInWindow(times, 60_000),
    maxSendsIn60sWithoutUrgent: maxInWindow(sent.filter((s) => s.priority !== 'urgent').map((s) => s.at), 60_000),
    minGapMs: Math.min(...gaps),
    medianGapMs: [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)],
    reply: waited('reply'),
    staffAlert: waited('staff alert'),
    urgent: waited('urgent'),
    // One queue, whatever the number of processes: the reminders leave in the order they were queued.
    remindersInQueuedOrder: order.every((g, i) => i === 0 || g > order[i - 1]!),
    projectedSecondsForAll: Math.round((GROUPS + 2) * (60 / SETTINGS.perMinute)),
  }
}

export async function benchOutbox(): Promise<Record<string, unknown>> {
  const [one, two] = await Promise.all([scenario(1), scenario(2)])
  return { oneProcess: one, twoProcesses: two }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchOutbox(), null, 2))
}
