// Foundation bench: mock chat → adapter → pipeline → outbox enqueue, on real Redis: throughput and
// latency from the Wechaty message event to the outbox enqueue. Start-up and RSS are measured in a
// fresh process by bench-startup.ts. Run through `npm run bench`.
import { performance } from 'node:perf_hooks'
import type { Message } from 'wechaty'
import { boot } from '../src/main.ts'
import type { Capability } from '../src/core/capability.ts'
import { silentLogger } from '../src/core/log.ts'
import { waitIdle } from '../src/sandbox/runner.ts'
import { testConfig } from '../src/testing/bot.ts'
import { testRedis } from '../src/testing/redis.ts'

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

export async function benchFoundation(opts: { messages?: number; rate?: number } = {}): Promise<Record<string, unknown>> {
  const total = opts.messages ?? 2000
  const rate = opts.rate ?? 300
  const store = await testRedis('bench')
  // Flood control would (rightly) silence one bench sender; lift it so every message is measured.
  const config = testConfig({ flood: { perSender: { max: 1e6, windowSec: 60 }, perRoom: { max: 1e6, windowSec: 60 } } }, store.prefix)
  const log = silentLogger()
  const received = new Map<string, number>()
  const latencies: number[] = []
  let enqueued = 0
  let target = 0
  let done: () => void = () => {}
  const bench: Capability = {
    name: 'bench',
    register(app) {
      app.route({
        name: 'bench.reply',
        match: (c) => c.msg.mentioned,
        handle: async (c) => {
          await c.reply(`收到：${c.msg.text}`)
          const start = received.get(c.msg.id)
          if (start !== undefined) latencies.push(performance.now() - start)
          if (++enqueued === target) done()
        },
      })
    },
  }
  const rt = await boot({ mode: 'sandbox', config, redis: store.redis, log, capabilities: [bench], outbox: { roomIntervalMs: 0, jitterMs: 0, perMinute: 1e6 } })
  const { app, world } = rt
  // Listeners run in order within the event's tick: the adapter's stops at its first await, so this stamp
  // is taken in the same tick as the message event (microseconds later).
  world.bot.on('message', (m: Message) => void received.set(m.id, performance.now()))

  const residents = Array.from({ length: 20 }, (_, i) => `居民${i + 1}`)
  const phase = async (n: number, perSecond?: number) => {
    enqueued = 0
    target = n
    latencies.length = 0
    const finished = new Promise<void>((ok) => (done = ok))
    const start = performance.now()
    for (let i = 0; i < n; i++) {
      world.say(residents[i % residents.length]!, `@小助手 第${i}个问题`, { mentionBot: true })
      if (perSecond) {
        const due = start + ((i + 1) * 1000) / perSecond
        const wait = due - performance.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      } else if (i % 50 === 49) await new Promise((r) => setImmediate(r))
    }
    await finished
    return { seconds: (performance.now() - start) / 1000, latencies: [...latencies] }
  }
  // 1) Saturation: everything at once; how many messages per second reach the outbox.
  const burst = await phase(total)
  await waitIdle(app, 120_000)
  // 2) Latency at the target rate (a busy evening across many groups), not inside a backlog.
  const steady = await phase(Math.min(total, rate * 5), rate)
  await waitIdle(app, 120_000)
  await rt.stop()
  await store.cleanup()
  const ms = (xs: number[]) => ({ p50: +pct(xs, 50).toFixed(1), p95: +pct(xs, 95).toFixed(1), max: +Math.max(...xs).toFixed(1) })
  return {
    saturation: { messages: total, throughput_msgs_per_s: Math.round(total / burst.seconds), latency_ms: ms(burst.latencies) },
    steady: { rate_msgs_per_s: rate, messages: steady.latencies.length, latency_ms: ms(steady.latencies) },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchFoundation(), null, 2))
  process.exit(0)
}
