// Boots the real app on the mock puppet against real Redis, and records everything it sends.
import type { BotApp } from '../app.ts'
import type { MockWorld } from '../adapters/wechaty/mock-world.ts'
import { boot } from '../main.ts'
import type { Config } from '../config.ts'
import type { Capability } from '../core/capability.ts'
import type { Llm } from '../core/llm.ts'
import { silentLogger, type Logger } from '../core/log.ts'
import { toAction, type BotAction } from '../sandbox/actions.ts'
import { waitIdle } from '../sandbox/runner.ts'
import { testConfig } from './config.ts'
import { testRedis, type TestRedis } from './redis.ts'

export interface TestBot {
  app: BotApp
  world: MockWorld
  config: Config
  store: TestRedis
  /**
   * Every message the bot sent: `at` when the test heard of it, `grantedAt` when the outbox's pacer let it go
   * (the clock pacing is kept on; a busy event loop can delay the first, never the second).
   */
  sent: (BotAction & { at: number; grantedAt: number })[]
  idle(timeoutMs?: number): Promise<boolean>
  stop(): Promise<void>
}

export { testConfig }

export async function startTestBot(opts: {
  capabilities: Capability[]
  config?: Record<string, unknown>
  outbox?: Partial<Config['outbox']>
  startedAt?: number
  llm?: Llm
  log?: Logger
  /** Reuse a Redis namespace (e.g. to restart the bot on the same data); the caller then cleans it up. */
  store?: TestRedis
}): Promise<TestBot> {
  const store = opts.store ?? (await testRedis('bot'))
  const ownStore = !opts.store
  const config = testConfig(opts.config, store.prefix)
  const log = opts.log ?? silentLogger()
  const sent: TestBot['sent'] = []
  const rt = await boot({
    mode: 'sandbox',
    config,
    redis: store.redis,
    log,
    capabilities: opts.capabilities,
    llm: opts.llm,
    startedAt: opts.startedAt,
    outbox: opts.outbox ?? { roomIntervalMs: 0, jitterMs: 0, perMinute: 10_000 },
    onSent: (job, { at }) => sent.push({ ...toAction(job), at: Date.now(), grantedAt: at }),
  })
  const { app, world } = rt
  return {
    app,
    world,
    config,
    store,
    sent,
    idle: (timeoutMs) => waitIdle(app, timeoutMs),
    async stop() {
      await rt.stop()
      if (ownStore) await store.cleanup()
    },
  }
}
