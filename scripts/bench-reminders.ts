// Reminders bench: cost of the route predicate on ordinary chat, schedule parsing, next-time
// computation (cron and lunar), and start-up sync + catch-up of many reminders on real Redis.
// Not a test: nothing here passes or fails. Run through `npm run bench` (once the lead wires it).
import { performance } from 'node:perf_hooks'
import { assemble } from '../src/main.ts'
import type { Directory } from '../src/core/capability.ts'
import { silentLogger } from '../src/core/log.ts'
import { createReminders } from '../src/reminders/index.ts'
import { isQuestion, parseSchedule } from '../src/reminders/parse.ts'
import { nextTimes, prevTime, type Schedule } from '../src/reminders/schedule.ts'
import type { GroupOverride } from '../src/reminders/settings.ts'
import { testConfig } from '../src/testing/bot.ts'
import { testRedis } from '../src/testing/redis.ts'

const TZ = 'Asia/Shanghai'

function perOp(n: number, fn: (i: number) => unknown): number {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) fn(i)
  return (performance.now() - t0) / n
}

export async function benchReminders(): Promise<Record<string, unknown>> {
  const now = Date.now()
  const chatter = ['今天天气真好', '家聚会是每月第一个周六吗？', '报名', '谢谢大家', '明天下午3点见']
  const phrases = ['每月第一个周六上午9点提醒大家家聚会', '每周三下午3点 家接待', '每两周的周五晚上7点 读书会', '每季度第一个月15号 家活动']
  const cron: Schedule = { kind: 'cron', cron: '0 9 * * 6#1', tz: TZ }
  const lunar: Schedule = { kind: 'cron', cron: '0 10 * * *', tz: TZ, lunar: { month: 12, day: 20 } }

  const results: Record<string, unknown> = {
    routeMatchOnChatterUs: +(1000 * perOp(20_000, (i) => { const t = chatter[i % chatter.length]!; return !isQuestion(t) && parseSchedule(t, { now, tz: TZ }) })).toFixed(2),
    parsePhraseUs: +(1000 * perOp(5_000, (i) => parseSchedule(phrases[i % phrases.length]!, { now, tz: TZ }))).toFixed(2),
    nextThreeCronMs: +perOp(2_000, () => nextTimes(cron, now, 3)).toFixed(3),
    nextThreeLunarMs: +perOp(50, () => nextTimes(lunar, now, 3)).toFixed(2),
    prevLunarMs: +perOp(50, () => prevTime(lunar, now)).toFixed(2),
  }

  // Start-up with 200 config reminders: scheduler upserts plus catch-up, against real Redis.
  const store = await testRedis('bench-rem')
  try {
    const group: GroupOverride = {
      custom: Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, schedule: `${i % 60} ${i % 24} * * ${i % 7}`, text: `提醒${i}` })),
      dailyBudget: 3,
    }
    const nobody: Directory = { resolvePerson: async () => undefined, resolveRoom: async () => undefined }
    const app = await assemble({
      config: testConfig({}, store.prefix),
      redis: store.redis,
      log: silentLogger(),
      transport: { send: async () => undefined },
      directory: nobody,
      capabilities: [createReminders({ settings: { groups: { xingfuli: group } } })],
    })
    const t0 = performance.now()
    await app.start()
    results.startSync200RemindersMs = Math.round(performance.now() - t0)
    await app.stop()
  } finally {
    await store.cleanup()
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchReminders(), null, 2))
  process.exit(0)
}
