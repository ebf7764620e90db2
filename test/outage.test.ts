// Redis stops while the bot runs: emergencies still get the numbers at once (straight to the chat, no queue),
// everyone else addressed to the bot gets one short busy notice, and once Redis is back the emergencies are
// recorded as cases. A real redis-server is stopped and started again on the same port.
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { createReferrals, type ReferralParts } from '../src/referrals/index.ts'
import { startTestBot, type TestBot } from '../src/testing/bot.ts'
import { type RedisServer, redisServer } from '../src/testing/redis-server.ts'

async function until<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

let server: RedisServer | undefined
let bot: TestBot | undefined
let redis: Redis | undefined
afterEach(async () => {
  await bot?.stop().catch(() => undefined)
  redis?.disconnect()
  await server?.stop()
  bot = server = redis = undefined
}, 60_000)

describe('Redis outage', () => {
  it('answers emergencies directly, sends one busy notice per person, and records the cases once Redis is back', async () => {
    server = await redisServer()
    redis = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 100 })
    let parts: ReferralParts | undefined
    bot = await startTestBot({
      capabilities: [createReferrals({ expose: (p) => (parts = p) })],
      store: { redis, prefix: 'wjoutage', cleanup: async () => undefined },
    })
    const b = bot
    // Positive control while Redis is up: an emergency goes through the queue as usual.
    b.world.sayPrivate('陈静', '他拿刀吓唬我')
    await until(() => b.sent.find((s) => s.to === '陈静' && s.text.includes('110')), 'the normal emergency reply')
    await until(async () => (await parts!.cases.list()).length === 1, 'the normal case')

    await server.stop()
    await until(() => redis!.status !== 'ready', 'the connection to notice')
    const before = b.sent.length

    b.world.say('王芳', '他拿刀吓唬我，我好害怕')
    b.world.sayPrivate('张丽', '不想活了')
    b.world.sayPrivate('黄秀英', '我不想活了 撐不下去了')
    const groupReply = await until(() => b.sent.slice(before).find((s) => s.kind === 'room' && s.text.includes('110')), 'the group emergency reply')
    expect(groupReply.mentions).toEqual(['王芳'])
    expect(groupReply.text).not.toContain('拿刀')
    await until(() => b.sent.slice(before).find((s) => s.to === '王芳' && s.kind === 'private' && s.text.includes('110')), 'the private reply to 王芳')
    await until(() => b.sent.slice(before).find((s) => s.to === '张丽' && s.text.includes('110')), 'the reply to 张丽')
    // Written in Traditional characters: the direct reply is in them too (her message says so; nothing is looked up).
    const hers = await until(() => b.sent.slice(before).find((s) => s.to === '黄秀英' && s.text.includes('110')), 'the reply to 黄秀英')
    expect(hers.text).toContain('請保護好自己')
    expect(b.sent.slice(before).find((s) => s.to === '张丽' && s.text.includes('110'))!.text).toContain('请保护好自己')
    // Staff hear of it directly too, with what she wrote (privately).
    await until(() => b.sent.slice(before).find((s) => s.to === '小王' && s.text.includes('系统暂时无法建档') && s.text.includes('王芳')), 'the direct staff alert')

    // Anyone else addressed to the bot: one busy notice each, however many messages.
    b.world.say('赵敏', '@小助手 家聚会啥时候', { mentionBot: true })
    await until(() => b.sent.slice(before).find((s) => s.text.startsWith('系统繁忙') && s.mentions.includes('赵敏')), 'the busy notice to 赵敏')
    b.world.say('赵敏', '@小助手 在吗', { mentionBot: true })
    b.world.say('周姐', '@小助手 在吗', { mentionBot: true })
    await until(() => b.sent.slice(before).find((s) => s.text.startsWith('系统繁忙') && s.mentions.includes('周姐')), 'the busy notice to 周姐 (control)')
    expect(b.sent.slice(before).filter((s) => s.text.startsWith('系统繁忙') && s.mentions.includes('赵敏'))).toHaveLength(1)

    // Redis back (empty: no persistence in this test): the two emergencies are replayed and recorded.
    await server.start()
    const cases = await until(async () => {
      const all = await parts!.cases.list()
      return all.length === 3 ? all : undefined
    }, 'the replayed cases')
    expect(cases.map((c) => c.resident.name).sort()).toEqual(['张丽', '王芳', '黄秀英'].sort())
    expect(cases.every((c) => c.urgency === '紧急')).toBe(true)
    // The numbers were not sent a second time on replay.
    expect(b.sent.filter((s) => s.kind === 'room' && s.text.includes('110') && s.mentions.includes('王芳'))).toHaveLength(1)
  }, 150_000)
})
