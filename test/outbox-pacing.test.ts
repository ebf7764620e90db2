// Outbox pacing on real Redis, with one or several outboxes (as several processes would run) sharing it.
// No assertion depends on how fast this machine is: tests wait for the outbox's sent events, compare the
// times at which the Redis pacer granted each send (its clock, the one the gaps are kept on), and order
// deliveries with transports that hold a send until the test lets it go.
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { createOutbox } from '../src/adapters/bullmq/outbox.ts'
import { QueueHub } from '../src/adapters/bullmq/hub.ts'
import { keyFor } from '../src/adapters/redis/keys.ts'
import type { Config } from '../src/config.ts'
import { createLogger } from '../src/core/log.ts'
import type { Conversation } from '../src/core/message.ts'
import type { SendJob, Transport } from '../src/outbox/payload.ts'
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../src/testing/redis.ts'

const room = (n: number | string): Conversation => ({ kind: 'room', roomId: `r${n}@chatroom`, topic: `微家${n}` })
const person = (n: number | string): Conversation => ({ kind: 'private', contactId: `u${n}`, name: `居民${n}` })

interface Sent {
  text: string
  to: string
  priority: SendJob['priority']
  /** When the Redis pacer granted the send (Redis clock, ms). */
  at: number
}

/** Every send of every outbox in one list, and a way to wait until it satisfies a condition. */
class Deliveries {
  readonly list: Sent[] = []
  private waiters: { test: () => boolean; resolve: () => void }[] = []

  add(job: SendJob, at: number) {
    this.list.push({ text: job.text, to: job.to.kind === 'room' ? job.to.roomId : job.to.contactId, priority: job.priority, at })
    this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true))
  }

  texts = () => this.list.map((s) => s.text)

  /** Resolves when `test` holds; the timeout only ends a failing test, it is never what a test waits for. */
  until(test: (list: Sent[]) => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (test(this.list)) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for: ${what}; sent so far: ${this.texts().join(' | ')}`)), timeoutMs)
      this.waiters.push({ test: () => test(this.list), resolve: () => (clearTimeout(timer), resolve()) })
    })
  }
}

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

const base: Config['outbox'] = { roomIntervalMs: 0, jitterMs: 0, perMinute: 10_000, maxLength: 600, attempts: 3, backoffMs: 20 }

let store: TestRedis | undefined
const running: { hub: QueueHub; redis: Redis }[] = []
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.hub.close()
    r.redis.disconnect()
  }
  await store?.cleanup()
  store = undefined
})

/** `count` outboxes on one Redis namespace, each with its own connection and workers, like separate processes. */
async function outboxes(count: number, settings: Partial<Config['outbox']>, transport: (job: SendJob) => Promise<void> = async () => {}) {
  store ??= await testRedis('pacing')
  const deliveries = new Deliveries()
  const log = createLogger({ level: 'silent', pretty: false })
  const boxes = []
  for (let i = 0; i < count; i++) {
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
    const hub = new QueueHub(redis, store.prefix, log)
    const t: Transport = { send: transport }
    const box = createOutbox({ hub, redis, key: keyFor(store.prefix), settings: { ...base, ...settings }, transport: t, log })
    box.onSent((job, { at }) => deliveries.add(job, at))
    hub.start()
    running.push({ hub, redis })
    boxes.push(box)
  }
  return { boxes, deliveries, store: store! }
}

const gaps = (list: Sent[]) => list.slice(1).map((s, i) => s.at - list[i]!.at)

describe('account pacing', () => {
  it('spreads sends evenly (60 s / perMinute apart), never a burst', async () => {
    // 600 a minute: one per 100 ms. 12 messages to 12 groups, queued at once.
    const { boxes, deliveries } = await outboxes(1, { perMinute: 600 })
    for (let i = 1; i <= 12; i++) await boxes[0]!.send({ to: room(i), text: `提醒${i}`, priority: 'reminder' })
    await deliveries.until((l) => l.length === 12, 'all 12 sent')
    expect(Math.min(...gaps(deliveries.list))).toBeGreaterThanOrEqual(100)
    // A stable order: as queued.
    expect(deliveries.texts()).toEqual(Array.from({ length: 12 }, (_, i) => `提醒${i + 1}`))
  })

  it('serves a reply, then a summary, before queued reminders; reminders in the order queued', async () => {
    const firstOut = deferred()
    const release = deferred()
    const { boxes, deliveries } = await outboxes(1, { perMinute: 600 }, async (job) => {
      // Hold the first reminder until everything is queued, so the order below depends on priority alone.
      if (job.text === '提醒1') {
        firstOut.resolve()
        await release.promise
      }
    })
    for (let i = 1; i <= 10; i++) await boxes[0]!.send({ to: room(i), text: `提醒${i}`, priority: 'reminder' })
    await firstOut.promise
    await boxes[0]!.send({ to: room('s'), text: '报名汇总', priority: 'summary' })
    await boxes[0]!.send({ to: person('staff'), text: '【求助】请尽快联系' })
    release.resolve()
    await deliveries.until((l) => l.length === 12, 'all 12 sent')
    expect(deliveries.texts()).toEqual(['提醒1', '【求助】请尽快联系', '报名汇总', ...Array.from({ length: 9 }, (_, i) => `提醒${i + 2}`)])
    expect(deliveries.list.map((s) => s.priority).slice(0, 3)).toEqual(['reminder', 'reply', 'summary'])
    expect(Math.min(...gaps(deliveries.list))).toBeGreaterThanOrEqual(100)
  })

  it('sends reminders due at one moment in the order they were queued, evenly spread', async () => {
    const { boxes, deliveries } = await outboxes(1, { perMinute: 1200 })
    const due = Date.now() + 500
    const order = [7, 3, 9, 1, 5, 2, 8, 4, 6]
    for (const n of order) await boxes[0]!.send({ to: room(n), text: `提醒${n}`, priority: 'reminder', notBefore: due })
    await deliveries.until((l) => l.length === order.length, 'all sent')
    expect(deliveries.texts()).toEqual(order.map((n) => `提醒${n}`))
    expect(deliveries.list[0]!.at).toBeGreaterThanOrEqual(due - 5) // Redis's clock vs ours, same machine
    expect(Math.min(...gaps(deliveries.list))).toBeGreaterThanOrEqual(50)
  })

  it('two outboxes on one Redis share the account pace', async () => {
    const { boxes, deliveries } = await outboxes(2, { perMinute: 600 })
    const sends: Promise<void>[] = []
    for (let i = 1; i <= 6; i++) for (const [b, box] of boxes.entries()) sends.push(box.send({ to: room(`${b}-${i}`), text: `通知${b}-${i}` }))
    await Promise.all(sends)
    await deliveries.until((l) => l.length === 12, 'all 12 sent')
    // Both processes did send (positive control), and no two sends came closer than the account's gap.
    expect(new Set(deliveries.list.map((s) => s.text.slice(2, 3)))).toEqual(new Set(['0', '1']))
    expect(Math.min(...gaps([...deliveries.list].sort((a, b) => a.at - b.at)))).toBeGreaterThanOrEqual(100)
  })
})

describe('conversation pacing across processes', () => {
  it('two outboxes on one Redis keep the minimum gap in one group', async () => {
    const { boxes, deliveries } = await outboxes(2, { roomIntervalMs: 400 })
    const sends: Promise<void>[] = []
    for (let i = 1; i <= 3; i++) for (const [b, box] of boxes.entries()) sends.push(box.send({ to: room('same'), text: `通知${b}-${i}` }))
    await Promise.all(sends)
    await deliveries.until((l) => l.length === 6, 'all 6 sent')
    expect(Math.min(...gaps([...deliveries.list].sort((a, b) => a.at - b.at)))).toBeGreaterThanOrEqual(400)
  })

  it('even for urgent messages, which reserve no slot: only the send-time gate keeps their gap', async () => {
    const { boxes, deliveries } = await outboxes(2, { roomIntervalMs: 1000 })
    await Promise.all(boxes.map((box, b) => box.send({ to: room('same'), text: `如有危险请拨打110（${b}）`, urgent: true })))
    await deliveries.until((l) => l.length === 2, 'both sent')
    const [first, second] = [...deliveries.list].sort((a, b) => a.at - b.at)
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000)
  })
})

/** Polls a Redis state until it holds (for states that raise no event), bounded so a failing test ends. */
async function untilRedis(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('urgent messages', () => {
  it("go ahead of their conversation's backlog, still keeping its minimum gap", async () => {
    const firstOut = deferred()
    const release = deferred()
    const { boxes, deliveries, store } = await outboxes(1, { roomIntervalMs: 100 }, async (job) => {
      if (job.text === '通知1') {
        firstOut.resolve()
        await release.promise
      }
    })
    for (let i = 1; i <= 8; i++) await boxes[0]!.send({ to: room('same'), text: `通知${i}` })
    await firstOut.promise
    await boxes[0]!.send({ to: room('same'), text: '如有危险，请立即拨打110', urgent: true })
    // The emergency is picked up (and waits for the group message on its way) before that one is let go.
    await untilRedis(async () => (await store.redis.llen(`${store.prefix}:bull:outbox-urgent:active`)) === 1, 'the urgent job picked up')
    release.resolve()
    await deliveries.until((l) => l.length === 9, 'all 9 sent')
    expect(deliveries.texts()).toEqual(['通知1', '如有危险，请立即拨打110', ...Array.from({ length: 7 }, (_, i) => `通知${i + 2}`)])
    expect(Math.min(...gaps(deliveries.list))).toBeGreaterThanOrEqual(100)
  })

  it('overtake a backlog held up by a slow send, and do not wait for the account pace', async () => {
    const urgentOut = deferred()
    let backlogInFlight = 0
    let inFlightWhenUrgentSent = -1
    const { boxes, deliveries } = await outboxes(1, { perMinute: 60 }, async (job) => {
      if (job.priority === 'urgent') {
        inFlightWhenUrgentSent = backlogInFlight
        urgentOut.resolve()
        return
      }
      // The first group message hangs until the emergency reply is out (or 20 s, so a failing test ends).
      backlogInFlight++
      await Promise.race([urgentOut.promise, new Promise((r) => setTimeout(r, 20_000))])
      backlogInFlight--
    })
    for (let i = 1; i <= 5; i++) await boxes[0]!.send({ to: room(i), text: `通知${i}`, priority: 'reminder' })
    await boxes[0]!.send({ to: person(1), text: '如有危险，请立即拨打110', urgent: true })
    await deliveries.until((l) => l.some((s) => s.priority === 'urgent'), 'the urgent message')
    // It went while the group message was still hanging, and first of all sends.
    expect(inFlightWhenUrgentSent).toBe(1)
    expect(deliveries.texts()[0]).toBe('如有危险，请立即拨打110')
    // Positive control: the backlog still goes, one a second.
    await deliveries.until((l) => l.length >= 3, 'two of the backlog')
    expect(deliveries.texts().slice(1, 3)).toEqual(['通知1', '通知2'])
  })

  it('count against the account pace: the next ordinary send keeps a full gap after an emergency', async () => {
    const { boxes, deliveries } = await outboxes(1, { perMinute: 300 }) // one per 200 ms
    await boxes[0]!.send({ to: person(1), text: '如有危险，请立即拨打110', urgent: true })
    await deliveries.until((l) => l.length === 1, 'the urgent message')
    await boxes[0]!.send({ to: room(1), text: '通知1' })
    await deliveries.until((l) => l.length === 2, 'the notice')
    expect(deliveries.list[1]!.at - deliveries.list[0]!.at).toBeGreaterThanOrEqual(200)
  })

  it('are not held back by the account pace when it is slow (perMinute 1)', async () => {
    const { boxes, deliveries, store } = await outboxes(1, { perMinute: 1 })
    await boxes[0]!.send({ to: room(1), text: '通知1' })
    await boxes[0]!.send({ to: room(2), text: '通知2' })
    await deliveries.until((l) => l.length === 1, 'the first notice')
    await boxes[0]!.send({ to: person(1), text: '如有危险，请立即拨打110', urgent: true })
    await deliveries.until((l) => l.length === 2, 'the urgent message')
    expect(deliveries.texts()).toEqual(['通知1', '如有危险，请立即拨打110'])
    // The second notice waits for its turn a minute after the first, still queued (not lost).
    expect(deliveries.list[1]!.at - deliveries.list[0]!.at).toBeLessThan(60_000)
    const q = `${store.prefix}:bull:outbox`
    const pending = (await store.redis.zcard(`${q}:prioritized`)) + (await store.redis.llen(`${q}:active`)) + (await store.redis.llen(`${q}:wait`))
    expect(pending).toBe(1)
  })
})

describe('shutdown', () => {
  it('puts a message waiting for its turn back in the queue, unsent and with no attempt used', async () => {
    const { boxes, deliveries, store } = await outboxes(1, { perMinute: 1 })
    // The emergency takes the account's turn, so the notice, once picked, waits a minute inside the worker.
    await boxes[0]!.send({ to: person(1), text: '如有危险，请立即拨打110', urgent: true })
    await deliveries.until((l) => l.length === 1, 'the urgent message')
    await boxes[0]!.send({ to: room(1), text: '通知1', key: 'notice:1' })
    const jobKey = `${store.prefix}:bull:outbox:notice_1#0`
    // Wait until the worker holds it (a state in Redis, polled: there is no event for "waiting for a turn").
    await untilRedis(async () => (await store.redis.lpos(`${store.prefix}:bull:outbox:active`, 'notice_1#0')) !== null, 'the notice picked up')
    const [first] = running.splice(0)
    await first!.hub.close()
    first!.redis.disconnect()
    expect(await store.redis.zscore(`${store.prefix}:bull:outbox:delayed`, 'notice_1#0')).not.toBeNull()
    expect(Number((await store.redis.hget(jobKey, 'atm')) ?? 0)).toBe(0)
    expect(deliveries.texts()).toEqual(['如有危险，请立即拨打110'])
    // Positive control: the next process sends it once the account's turn comes (here: the first process's
    // one-a-minute gap is cleared, the pacer's key and BullMQ's limiter key, rather than waited out).
    await store.redis.del(`${store.prefix}:outbox:gate:account`, `${store.prefix}:bull:outbox:limiter`)
    const next = await outboxes(1, { perMinute: 600 })
    await next.deliveries.until((l) => l.length === 1, 'the notice, from the new process')
    expect(next.deliveries.texts()).toEqual(['通知1'])
  })
})
