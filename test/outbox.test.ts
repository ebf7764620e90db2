// The outbox on real Redis with a scripted transport: retries, final failure, splitting, idempotent keys.
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { BotApp } from '../src/app.ts'
import { assemble } from '../src/main.ts'
import { createLogger } from '../src/core/log.ts'
import type { SendJob, Transport } from '../src/outbox/payload.ts'
import { testConfig } from '../src/testing/bot.ts'
import { testRedis, type TestRedis } from '../src/testing/redis.ts'
import { waitIdle } from '../src/sandbox/runner.ts'

const room = { kind: 'room' as const, roomId: 'r1@chatroom', topic: '幸福里妇女微家' }

let app: BotApp | undefined
let store: TestRedis | undefined
afterEach(async () => {
  await app?.stop()
  await store?.cleanup()
  app = store = undefined
})

async function boot(transport: Transport, outbox: Record<string, number> = {}) {
  store = await testRedis('outbox')
  const lines: string[] = []
  const log = createLogger({
    level: 'info',
    destination: new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }),
  })
  app = await assemble({
    config: testConfig({}, store.prefix),
    redis: store.redis,
    log,
    transport,
    directory: { resolvePerson: async () => undefined, resolveRoom: async () => undefined },
    capabilities: [],
    outbox: { roomIntervalMs: 0, jitterMs: 0, perMinute: 10_000, backoffMs: 20, ...outbox },
  })
  await app.start()
  return { lines }
}

describe('outbox', () => {
  it('retries a transient failure with backoff, then delivers', async () => {
    const delivered: SendJob[] = []
    let calls = 0
    await boot({
      async send(job) {
        calls++
        if (calls <= 2) throw new Error('network blip')
        delivered.push(job)
      },
    })
    await app!.outbox.send({ to: room, text: '家聚会改到周六' })
    expect(await waitIdle(app!)).toBe(true)
    expect(calls).toBe(3)
    expect(delivered.map((d) => d.text)).toEqual(['家聚会改到周六'])
  })

  it('logs a send that finally fails with its job id, and keeps it in the failed set', async () => {
    const { lines } = await boot({ send: async () => Promise.reject(new Error('account restricted')) }, { attempts: 2 })
    await app!.outbox.send({ to: room, text: '提醒', key: 'reminder:x:1' })
    expect(await waitIdle(app!)).toBe(true)
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'outbox: send failed for good')
    expect(failure).toMatchObject({ jobId: 'reminder_x_1#0', err: { message: 'account restricted' } })
    const failedKeys = await store!.redis.zcard(`${store!.prefix}:bull:outbox:failed`)
    expect(failedKeys).toBe(1)
  })

  it('splits long text at sentence ends and mentions only on the first part', async () => {
    const delivered: SendJob[] = []
    await boot({ send: async (job) => void delivered.push(job) }, { maxLength: 60 })
    const sentence = '微家每周三下午有家接待，欢迎大家来坐坐。'
    await app!.outbox.send({ to: room, text: sentence.repeat(6), mentions: [{ id: 'u1', name: '王芳' }] })
    expect(await waitIdle(app!)).toBe(true)
    expect(delivered.length).toBeGreaterThan(1)
    expect(delivered.map((d) => d.text).join('')).toBe(sentence.repeat(6))
    expect(delivered.every((d) => [...d.text].length <= 60 && d.text.endsWith('。'))).toBe(true)
    expect(delivered.map((d) => d.mentions.length)).toEqual([1, ...Array(delivered.length - 1).fill(0)])
  })

  it('sends a keyed message once even if asked twice', async () => {
    const delivered: SendJob[] = []
    await boot({ send: async (job) => void delivered.push(job) })
    await app!.outbox.send({ to: room, text: '明早9点家聚会', key: 'reminder:gathering:20261201' })
    await app!.outbox.send({ to: room, text: '明早9点家聚会', key: 'reminder:gathering:20261201' })
    expect(await waitIdle(app!)).toBe(true)
    expect(delivered).toHaveLength(1)
  })
})

describe('urgent messages', () => {
  it('go ahead of a conversation backlog, still keeping the minimum gap', async () => {
    const delivered: { text: string; at: number }[] = []
    await boot({ send: async (job) => void delivered.push({ text: job.text, at: Date.now() }) }, { roomIntervalMs: 100 })
    for (let i = 1; i <= 8; i++) await app!.outbox.send({ to: room, text: `通知${i}` })
    await app!.outbox.send({ to: room, text: '如有危险，请立即拨打110', urgent: true })
    expect(await waitIdle(app!)).toBe(true)
    const order = delivered.map((d) => d.text)
    // The first notice may already be on its way; the emergency message comes right after it at the latest.
    expect(order.indexOf('如有危险，请立即拨打110')).toBeLessThanOrEqual(1)
    expect(order.filter((t) => t.startsWith('通知'))).toEqual(Array.from({ length: 8 }, (_, i) => `通知${i + 1}`))
    const gaps = delivered.slice(1).map((d, i) => d.at - delivered[i]!.at)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100 - 15)
  })
})

describe('urgent and sensitive messages', () => {
  it('are not held back by the global per-minute cap', async () => {
    const delivered: string[] = []
    await boot({ send: async (job) => void delivered.push(job.text) }, { perMinute: 2 })
    for (let i = 1; i <= 3; i++) await app!.outbox.send({ to: room, text: `通知${i}` })
    await new Promise((r) => setTimeout(r, 500))
    // The cap lets two through; the third waits for the next minute.
    expect(delivered).toEqual(['通知1', '通知2'])
    await app!.outbox.send({ to: { kind: 'private', contactId: 'u1', name: '张丽' }, text: '如有危险，请立即拨打110', urgent: true })
    const deadline = Date.now() + 3000
    while (!delivered.includes('如有危险，请立即拨打110') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(delivered).toEqual(['通知1', '通知2', '如有危险，请立即拨打110'])
  })

  it('send a keyed sensitive message once, even after its job has been removed', async () => {
    const delivered: string[] = []
    await boot({ send: async (job) => void delivered.push(job.text) })
    const alert = { to: { kind: 'private' as const, contactId: 's1', name: '小王' }, text: '【求助】R-1', key: 'referral:R-1:alert:小王', sensitive: true }
    await app!.outbox.send(alert)
    expect(await waitIdle(app!)).toBe(true)
    // Gone from Redis once sent: no copy of the text is kept.
    expect(await store!.redis.exists(`${store!.prefix}:bull:outbox:referral_R-1_alert_小王#0`)).toBe(0)
    await app!.outbox.send(alert)
    expect(await waitIdle(app!)).toBe(true)
    expect(delivered).toEqual(['【求助】R-1'])
  })
})
