// Nothing a resident was told is recorded gets lost when Redis itself restarts: the embedded
// redis-server (append-only persistence under the data dir) is stopped and started again between two bots.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { connectRedis } from '../src/adapters/redis/connect.ts'
import { silentLogger } from '../src/core/log.ts'
import { signups } from '../src/signups/index.ts'
import { startTestBot } from '../src/testing/bot.ts'

describe('Redis restart with persistence on', () => {
  it('keeps activities and rosters', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wj-persist-'))
    const log = silentLogger()
    const store = (redis: Awaited<ReturnType<typeof connectRedis>>) => ({ redis: redis.redis, prefix: 'wjpersist', cleanup: async () => {} })

    const first = await connectRedis({ dataDir, log })
    expect(first.embedded).toBe(true)
    const bot1 = await startTestBot({ capabilities: [signups], store: store(first) })
    bot1.world.say('李姐', '@小助手 发布活动 周六下午2点 亲子阅读 微家活动室 限2人', { mentionBot: true })
    expect(await bot1.idle()).toBe(true)
    for (const name of ['王芳', '张丽', '赵敏']) {
      bot1.world.say(name, '报名')
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(await bot1.idle()).toBe(true)
    expect(bot1.sent.some((s) => /已登记：王芳、张丽（2\/2）/.test(s.text) && /候补：赵敏/.test(s.text))).toBe(true)
    await bot1.stop()
    await first.stop()

    // A new redis-server process on the same data directory.
    const second = await connectRedis({ dataDir, log })
    expect(second.url).not.toBe(first.url)
    const bot2 = await startTestBot({ capabilities: [signups], store: store(second) })
    bot2.world.say('李姐', '@小助手 名单', { mentionBot: true })
    expect(await bot2.idle()).toBe(true)
    expect(bot2.sent.at(-1)!.text).toMatch(/已报名（2\/2）：\s*1\. 王芳\s*2\. 张丽[\s\S]*候补[\s\S]*赵敏/)
    await bot2.stop()
    await second.stop()
  }, 60_000)
})
