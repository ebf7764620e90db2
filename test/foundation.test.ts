// The foundation end to end: mock WeChat → adapter → pipeline → outbox (BullMQ on real Redis) → mock WeChat.
import { FileBox } from 'file-box'
import { afterEach, describe, expect, it } from 'vitest'
import type { Capability } from '../src/core/capability.ts'
import { startTestBot, type TestBot } from '../src/testing/bot.ts'
import { welcome } from '../src/welcome/index.ts'

/** A stand-in capability: echoes mentions, throws on "boom", and has a host-only command. */
const echo: Capability = {
  name: 'echo',
  register(app) {
    app.route({ name: 'echo.roster', priority: 10, roles: ['host', 'staff'], match: (c) => c.msg.text === '名单', handle: (c) => c.reply('名单：（空）') })
    app.route({
      name: 'echo.boom',
      priority: 20,
      match: (c) => c.msg.text === 'boom',
      handle: async () => {
        throw new Error('kaboom 13812345678')
      },
    })
    app.route({ name: 'echo.burst', priority: 20, match: (c) => c.msg.text === 'burst', handle: async (c) => {
      for (let i = 1; i <= 20; i++) await c.reply(`第${i}条`, { mention: false })
    } })
    app.route({ name: 'echo.sos', priority: 5, bypassFlood: true, match: (c) => c.msg.text.startsWith('救命'), handle: (c) => c.reply('请立即拨打110') })
    app.route({ name: 'echo.mention', priority: 50, match: (c) => c.msg.mentioned, handle: (c) => c.reply(`收到：${c.msg.text}`) })
  },
}

let bot: TestBot | undefined
afterEach(async () => {
  await bot?.stop()
  bot = undefined
})

const topic = '幸福里妇女微家'

describe('foundation on the mock puppet', () => {
  it('answers a mention with an @reply through the outbox, and ignores chatter', async () => {
    bot = await startTestBot({ capabilities: [echo] })
    bot.world.say('王芳', '今天天气真好')
    bot.world.say('王芳', '@小助手 下次家聚会是什么时候？', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent.map(({ at: _at, grantedAt: _granted, ...a }) => a)).toEqual([
      { kind: 'room', to: topic, text: '收到：下次家聚会是什么时候？', mentions: ['王芳'] },
    ])
  })

  it('never reacts to its own messages (no echo loop)', async () => {
    bot = await startTestBot({ capabilities: [echo] })
    bot.world.say('王芳', '@小助手 你好', { mentionBot: true })
    await bot.idle()
    await new Promise((r) => setTimeout(r, 300))
    await bot.idle()
    expect(bot.sent).toHaveLength(1)
  })

  it('drops messages older than start-up', async () => {
    bot = await startTestBot({ capabilities: [echo], startedAt: Date.now() + 60_000 })
    // Idle counts the message until the bot has handled it.
    bot.world.say('王芳', '@小助手 你好', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent).toEqual([])
  })

  it('handles a redelivered message id once', async () => {
    bot = await startTestBot({ capabilities: [echo] })
    const seen: string[] = []
    bot.world.bot.on('message', (m) => void (m.self() || seen.push(m.id)))
    bot.world.say('王芳', '@小助手 重复', { mentionBot: true })
    await bot.idle()
    expect(seen).toHaveLength(1)
    // The puppet delivers the same message id again, as real puppets do after a reconnect.
    bot.world.bot.puppet.emit('message', { messageId: seen[0]! })
    await new Promise((r) => setTimeout(r, 300))
    await bot.idle()
    expect(seen).toHaveLength(2)
    expect(bot.sent).toHaveLength(1)
  })

  it('sends a burst of 20 replies to one room paced and in order', async () => {
    const interval = 60
    bot = await startTestBot({ capabilities: [echo], outbox: { roomIntervalMs: interval, jitterMs: 0, perMinute: 10_000 } })
    bot.world.say('李姐', 'burst')
    expect(await bot.idle()).toBe(true)
    expect(bot.sent.map((s) => s.text)).toEqual(Array.from({ length: 20 }, (_, i) => `第${i + 1}条`))
    // On the pacer's clock (when each send was let go), as test/outbox-pacing.test.ts measures: when the test
    // hears of a send depends on a busy event loop, which can bunch two notices that left 60 ms apart.
    const gaps = bot.sent.slice(1).map((s, i) => s.grantedAt - bot!.sent[i]!.grantedAt)
    // Timers may fire a few ms early relative to our clock reads; pacing is never a burst.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval - 15)
    expect(bot.sent.at(-1)!.grantedAt - bot.sent[0]!.grantedAt).toBeGreaterThanOrEqual(19 * interval - 30)
  })

  it('welcomes a member who joins, with the group welcome text', async () => {
    bot = await startTestBot({ capabilities: [welcome] })
    bot.world.join('赵敏')
    expect(await bot.idle()).toBe(true)
    expect(bot.sent).toHaveLength(1)
    expect(bot.sent[0]).toMatchObject({ kind: 'room', to: topic, mentions: ['赵敏'] })
    expect(bot.sent[0]!.text).toContain('欢迎来到幸福里妇女微家')
  })

  it('turns a throwing handler into a polite reply and keeps working', async () => {
    bot = await startTestBot({ capabilities: [echo] })
    bot.world.say('王芳', '@小助手 boom', { mentionBot: true })
    await bot.idle()
    bot.world.say('王芳', '@小助手 还在吗', { mentionBot: true })
    await bot.idle()
    expect(bot.sent).toHaveLength(2)
    expect(bot.sent[0]!.text).toMatch(/^抱歉，我这边出了点小问题，请稍后再试。（编号 [0-9A-Z]{6}）$/)
    expect(bot.sent[0]!.text).not.toContain('kaboom')
    expect(bot.sent[1]!.text).toBe('收到：还在吗')
  })

  it('refuses a host command to a resident, and lets the host run it', async () => {
    bot = await startTestBot({ capabilities: [echo] })
    bot.world.say('王芳', '@小助手 名单', { mentionBot: true })
    await bot.idle()
    bot.world.say('李姐', '@小助手 名单', { mentionBot: true })
    await bot.idle()
    expect(bot.sent.map((s) => [s.mentions[0], s.text])).toEqual([
      ['王芳', '这个指令只有微家主人或工作人员可以用哦。如需帮忙，可以@群里的微家主人。'],
      ['李姐', '名单：（空）'],
    ])
  })

  it('answers private messages in private, and hints to type when sent an image', async () => {
    bot = await startTestBot({ capabilities: [echo] })
    bot.world.sayPrivate('王芳', '我想咨询一下')
    await bot.idle()
    bot.world.person('王芳').say(FileBox.fromBase64(Buffer.from('x').toString('base64'), 'photo.jpg')).to(bot.world.me)
    // An image in the group, not addressed to the bot, is ignored.
    bot.world.person('张丽').say(FileBox.fromBase64(Buffer.from('x').toString('base64'), 'photo.jpg')).to(bot.world.rooms.get('xingfuli')!)
    await new Promise((r) => setTimeout(r, 300))
    await bot.idle()
    expect(bot.sent.map(({ at: _at, grantedAt: _granted, ...a }) => a)).toEqual([
      { kind: 'private', to: '王芳', text: '收到：我想咨询一下', mentions: [] },
      { kind: 'private', to: '王芳', text: '我暂时看不了语音、图片和视频，麻烦打字告诉我，我马上帮您。', mentions: [] },
    ])
  })

  it('never drops a flooding sender\'s messages: each is applied, the replies over the limit come as one digest', async () => {
    const applied: string[] = []
    const recording: Capability = {
      name: 'recording',
      register(app) {
        app.route({ name: 'rec.sos', safety: true, bypassFlood: true, match: (c) => c.msg.text.startsWith('救命'), handle: (c) => c.reply('请立即拨打110', { urgent: true }) })
        app.route({ name: 'rec.any', priority: 50, match: (c) => c.msg.mentioned, handle: async (c) => {
          applied.push(c.msg.text)
          await c.reply(`收到：${c.msg.text}`)
        } })
      },
    }
    bot = await startTestBot({ capabilities: [recording], config: { flood: { perSender: { max: 3, windowSec: 60 }, perRoom: { max: 100, windowSec: 60 }, digestMs: 300 } } })
    for (let i = 1; i <= 6; i++) {
      bot.world.say('王芳', `@小助手 第${i}问`, { mentionBot: true })
      await new Promise((r) => setTimeout(r, 30))
    }
    expect(await bot.idle()).toBe(true)
    // Every message was applied, none dropped.
    expect(applied.sort()).toEqual(['第1问', '第2问', '第3问', '第4问', '第5问', '第6问'])
    const texts = bot.sent.map((s) => s.text)
    // Three replies of their own (within the limit), then one message gathering the other three.
    expect(texts.filter((t) => t.startsWith('收到'))).toHaveLength(3)
    const digest = texts.filter((t) => t.startsWith('大家消息有点多'))
    expect(digest).toHaveLength(1)
    expect(digest[0]).toContain('3条')
    for (const q of ['第4问', '第5问', '第6问']) expect(digest[0]).toContain(q)
    expect(texts).toHaveLength(4)
    // A safety route is never gathered or delayed, however many messages came before.
    bot.world.say('王芳', '@小助手 救命', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent.at(-1)!.text).toBe('请立即拨打110')
  })

  it('a host working through her commands is not gathered into a digest: her own messages do not count against her', async () => {
    const recording: Capability = {
      name: 'recording',
      register(app) {
        app.route({ name: 'rec.any', priority: 50, match: (c) => c.msg.mentioned, handle: (c) => c.reply(`收到：${c.msg.text}`) })
      },
    }
    bot = await startTestBot({ capabilities: [recording], config: { flood: { perSender: { max: 3, windowSec: 60 }, perRoom: { max: 100, windowSec: 60 }, digestMs: 300 } } })
    // 李姐 is the example config's host: six commands in a row, six replies of their own.
    for (let i = 1; i <= 6; i++) bot.world.say('李姐', `@小助手 第${i}条`, { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    const texts = bot.sent.map((s) => s.text)
    expect(texts.filter((t) => t.startsWith('收到'))).toHaveLength(6)
    expect(texts.some((t) => t.startsWith('大家消息有点多'))).toBe(false)
  })
})

describe('directory', () => {
  it('resolves configured people and group rooms through the puppet', async () => {
    bot = await startTestBot({ capabilities: [] })
    expect(await bot.app.resolvePerson('小王')).toMatchObject({ name: '小王' })
    expect(await bot.app.resolvePerson('没这个人')).toBeUndefined()
    const room = await bot.app.resolveRoom('xingfuli')
    expect(room).toEqual({ kind: 'room', roomId: bot.world.rooms.get('xingfuli')!.id, topic: '幸福里妇女微家' })
    expect(await bot.app.resolveRoom('nope')).toBeUndefined()
  })
})
