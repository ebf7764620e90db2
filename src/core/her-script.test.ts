// Her script across messages: "好" / "1" / "不用了 取消吧" (written the same in both scripts) are answered in the script
// she wrote in before, in that conversation (a group message counts for her private chat too); emergencies never
// wait on the memory. Real Redis, one prefix per test.
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import type { Context } from './capability.ts'
import { createContext } from './context.ts'
import { followHerScript, herScript, rememberAfterSafety, ScriptMemory } from './her-script.ts'
import { silentLogger } from './log.ts'
import type { InboundMessage, OutgoingMessage } from './message.ts'
import { compose } from './pipeline.ts'
import { Router } from './router.ts'
import { safetyFirst } from './safety.ts'
import { testConfig } from '../testing/config.ts'
import { testRedis, type TestRedis } from '../testing/redis.ts'

const config = testConfig()
const ROOM = { kind: 'room', roomId: 'r1@chatroom', topic: '幸福里妇女微家' } as const
const ASK_CONTACT = '好的。您希望工作人员怎么联系您？'
let stores: TestRedis[] = []
const extra: Redis[] = []

afterEach(async () => {
  for (const s of stores) await s.cleanup()
  for (const r of extra) r.disconnect()
  stores = []
  extra.length = 0
})

async function memory(): Promise<ScriptMemory> {
  const store = await testRedis('script')
  stores.push(store)
  return new ScriptMemory(store.redis, (conv, sender) => `${store.prefix}:script:${conv}:${sender}`)
}

let n = 0
function msg(text: string, opts: { who?: string; room?: boolean } = {}): InboundMessage {
  const sender = { id: `wx-${opts.who ?? 'chen'}`, name: opts.who ?? '陈美玲' }
  return {
    id: `m${++n}`,
    conversation: opts.room ? ROOM : { kind: 'private', contactId: sender.id, name: sender.name },
    sender,
    role: 'resident',
    kind: 'text',
    text,
    mentioned: !!opts.room,
    at: Date.now(),
  }
}

/** Runs the message through the two stages around a handler that replies; returns what was sent. */
async function replyTo(mem: ScriptMemory, m: InboundMessage, text = ASK_CONTACT): Promise<string[]> {
  const sent: OutgoingMessage[] = []
  const ctx = createContext(m, { config, log: silentLogger(), outbox: { send: async (out) => void sent.push(out) } })
  await compose([rememberAfterSafety(mem), followHerScript(mem), (c) => c.reply(text)])(ctx)
  return sent.map((s) => s.text)
}

describe('her script', () => {
  it('"好" after a message in Traditional (or Cantonese) is answered in Traditional; after Simplified, in Simplified', async () => {
    const mem = await memory()
    await replyTo(mem, msg('我想搵人傾下 我屋企人成日鬧我'))
    expect(await replyTo(mem, msg('好'))).toEqual(['好的。您希望工作人員怎麼聯繫您？'])
    expect(await replyTo(mem, msg('1'))).toEqual(['好的。您希望工作人員怎麼聯繫您？'])
    // Control: another resident who wrote in Simplified, and nobody's memory mixed up.
    await replyTo(mem, msg('我想找人帮忙', { who: '王芳' }))
    expect(await replyTo(mem, msg('好', { who: '王芳' }))).toEqual([ASK_CONTACT])
    // She changes script: the latest one counts.
    await replyTo(mem, msg('我还是想找人说说', { who: 'chen' }))
    expect(await replyTo(mem, msg('不用了 取消吧'))).toEqual([ASK_CONTACT])
  })

  it('a message in the group counts for her private chat (where the bot continues it), not the other way round', async () => {
    const mem = await memory()
    await replyTo(mem, msg('我想找人幫忙 我老公成日打我', { room: true }))
    expect(await replyTo(mem, msg('是'))).toEqual(['好的。您希望工作人員怎麼聯繫您？'])
    expect(await replyTo(mem, msg('好的', { room: true }))).toEqual(['好的。您希望工作人員怎麼聯繫您？'])
    await replyTo(mem, msg('我報名', { who: '张丽' }))
    expect(await replyTo(mem, msg('+1', { who: '张丽', room: true }))).toEqual([ASK_CONTACT])
  })

  it('herScript: the remembered script for a neutral message, else the message\'s own', async () => {
    const mem = await memory()
    await replyTo(mem, msg('唔該晒'))
    const seen: string[] = []
    for (const text of ['好', '我想问一下']) {
      const ctx = createContext(msg(text), { config, log: silentLogger(), outbox: { send: async () => {} } })
      await compose([followHerScript(mem), async (c: Context) => void seen.push(herScript(c))])(ctx)
    }
    expect(seen).toEqual(['traditional', 'simplified'])
  })

  it('an emergency is answered at once, whatever the memory does; its script is remembered afterwards', async () => {
    // A memory whose Redis never answers: the numbers still go out.
    const stuck = new Redis({ host: '127.0.0.1', port: 1, maxRetriesPerRequest: null, retryStrategy: () => 200 })
    stuck.on('error', () => {})
    extra.push(stuck)
    const hung = new ScriptMemory(stuck, (conv, sender) => `x:${conv}:${sender}`)
    const router = new Router()
    router.add({ name: 'danger', safety: true, band: 'safety', match: (c) => /打我|救命/u.test(c.msg.text), handle: (c) => c.reply('请马上拨打110', { urgent: true }) })
    const run = (mem: ScriptMemory, m: InboundMessage, sent: OutgoingMessage[]) => {
      const deps = { config, log: silentLogger(), outbox: { send: async (out: OutgoingMessage) => void sent.push(out) } }
      return compose([rememberAfterSafety(mem), safetyFirst(router, deps), followHerScript(mem), (c) => c.reply(ASK_CONTACT)])(createContext(m, deps))
    }
    const first: OutgoingMessage[] = []
    void run(hung, msg('救命 佢又打我 好驚'), first)
    const deadline = Date.now() + 2000
    while (!first.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
    expect(first.map((s) => s.text)).toEqual(['請馬上撥打110'])
    // With a memory that works: remembered after the numbers, so her next "1" in private is answered in Traditional.
    const mem = await memory()
    const second: OutgoingMessage[] = []
    await run(mem, msg('救命 佢又打我 好驚', { who: '周梅' }), second)
    await run(mem, msg('1', { who: '周梅' }), second)
    expect(second.map((s) => s.text)).toEqual(['請馬上撥打110', '好的。您希望工作人員怎麼聯繫您？'])
  })
})
