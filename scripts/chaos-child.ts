// A child of chaos.ts: the real bot on the mock puppet against a given Redis and key prefix. Every message
// the bot sends is printed as one JSON line on stdout, so the parent knows what was sent before it kills
// this process with SIGKILL.
//   burst N   announce an activity (capacity 20), wait until it is published, then N residents reply 报名
//             within about a second (the parent kills the process part-way)
//   resume    start again on the same data and wait until the bot is quiet
import { Redis } from 'ioredis'
import { silentLogger } from '../src/core/log.ts'
import { boot } from '../src/main.ts'
import { toAction } from '../src/sandbox/actions.ts'
import { waitIdle } from '../src/sandbox/runner.ts'
import { testConfig } from '../src/testing/bot.ts'

const [url, prefix, phase, countText] = process.argv.slice(2)
const redis = new Redis(url!, { maxRetriesPerRequest: null })
const config = testConfig({ flood: { perSender: { max: 8, windowSec: 60 }, perRoom: { max: 60, windowSec: 60 }, digestMs: 2000 } }, prefix)
const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`)
const rt = await boot({
  mode: 'sandbox',
  config,
  redis,
  log: silentLogger(),
  outbox: { roomIntervalMs: 100, jitterMs: 0, perMinute: 600 },
  onSent: (job) => print({ type: 'sent', ...toAction(job), at: Date.now() }),
})
print({ type: 'ready', at: Date.now() })

if (phase === 'burst') {
  const n = Number(countText ?? 200)
  rt.world.say('李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 微家活动室 限20人', { mentionBot: true })
  // Wait for the announcement, so this phase measures the crash, not the race with publishing.
  while (!(await redis.keys(`${prefix}:signups:act:*`)).length) await new Promise((r) => setTimeout(r, 20))
  print({ type: 'announced', at: Date.now() })
  for (let i = 1; i <= n; i++) {
    rt.world.say(`居民${i}`, '报名')
    print({ type: 'said', name: `居民${i}`, at: Date.now() })
    await new Promise((r) => setTimeout(r, 5))
  }
  print({ type: 'quiet', ok: await waitIdle(rt.app, 120_000), at: Date.now() })
} else {
  print({ type: 'quiet', ok: await waitIdle(rt.app, 120_000), at: Date.now() })
}
await rt.stop()
redis.disconnect()
process.exit(0)
