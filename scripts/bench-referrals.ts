// Referrals bench: the rule classifier (it runs on every group message, before anything else) and the
// time from an emergency message to the first reply with the hotline numbers leaving the bot (mock chat,
// real Redis, real queues). Not a test: nothing here passes or fails.
import { performance } from 'node:perf_hooks'
import { classifyRules } from '../src/referrals/classify.ts'
import { toSimplified } from '../src/referrals/normalize.ts'
import { createReferrals } from '../src/referrals/index.ts'
import { startTestBot } from '../src/testing/bot.ts'

const SAMPLES = [
  '他拿刀吓唬我',
  '不想活了',
  '被赶出家门了',
  '家暴怎么申请保护令？',
  '明天的家聚会几点开始？',
  '我老公经常打我，怎么办',
  '两癌筛查在哪里做？',
  '大家好，今天天气不错，晚上一起跳广场舞吧',
  '我失业半年了，想找个活干',
  '我實在活不下去了',
]

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

export async function benchReferrals(opts: { rounds?: number; emergencies?: number } = {}): Promise<Record<string, unknown>> {
  const t0 = performance.now()
  toSimplified('預熱')
  const converterMs = performance.now() - t0

  const rounds = opts.rounds ?? 5000
  const start = performance.now()
  for (let i = 0; i < rounds; i++) for (const s of SAMPLES) classifyRules(s)
  const classifyUs = ((performance.now() - start) * 1000) / (rounds * SAMPLES.length)

  const bot = await startTestBot({ capabilities: [createReferrals()], config: { flood: { perSender: { max: 1e6, windowSec: 60 }, perRoom: { max: 1e6, windowSec: 60 } } } })
  const latencies: number[] = []
  try {
    const n = opts.emergencies ?? 20
    for (let i = 0; i < n; i++) {
      const name = `居民${i}`
      const before = bot.sent.length
      const sentAt = Date.now()
      bot.world.sayPrivate(name, '他拿刀吓唬我')
      while (!bot.sent.slice(before).some((m) => m.kind === 'private' && m.to === name)) await new Promise((r) => setTimeout(r, 2))
      latencies.push(bot.sent.slice(before).find((m) => m.kind === 'private' && m.to === name)!.at - sentAt)
    }
    await bot.idle()
  } finally {
    await bot.stop()
  }
  return {
    converterBuildMs: Math.round(converterMs),
    classifyMicrosPerMessage: Math.round(classifyUs * 10) / 10,
    classifyPerSecond: Math.round(1e6 / classifyUs),
    emergencyFirstReplyMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), n: latencies.length },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchReferrals(), null, 2))
  process.exit(0)
}
