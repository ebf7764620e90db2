// Her last exchange with the bot, as the next message's routing sees it: remembered per conversation and sender
// when the route that took it says what it was about, left as it was by routes that do not say, forgotten after the
// window. Real Redis, one prefix per test.
import { afterEach, describe, expect, it } from 'vitest'
import type { Context, Route } from './capability.ts'
import { createContext } from './context.ts'
import { silentLogger } from './log.ts'
import type { InboundMessage } from './message.ts'
import { compose } from './pipeline.ts'
import { followsDocuments, PREVIOUS_TURN, rememberTurns, type Subject, TurnMemory } from './turns.ts'
import { testConfig } from '../testing/config.ts'
import { testRedis, type TestRedis } from '../testing/redis.ts'

const config = testConfig()
const ROOM = { kind: 'room', roomId: 'r1@chatroom', topic: '幸福里妇女微家' } as const
const OTHER_ROOM = { kind: 'room', roomId: 'r2@chatroom', topic: '阳光妇女微家' } as const
let stores: TestRedis[] = []

afterEach(async () => {
  for (const s of stores) await s.cleanup()
  stores = []
})

async function memory(windowSec = 300): Promise<{ mem: TurnMemory; store: TestRedis }> {
  const store = await testRedis('turns')
  stores.push(store)
  return { mem: new TurnMemory(store.redis, (conv, sender) => `${store.prefix}:turn:${conv}:${sender}`, windowSec), store }
}

let n = 0
function msg(text: string, opts: { who?: string; room?: typeof ROOM | typeof OTHER_ROOM; mentioned?: boolean } = {}): InboundMessage {
  const sender = { id: `wx-${opts.who ?? 'li'}`, name: opts.who ?? '李姐' }
  const room = opts.room ?? ROOM
  return { id: `m${++n}`, conversation: room, sender, role: 'host', kind: 'text', text, mentioned: opts.mentioned ?? true, at: Date.now() }
}

const route = (subject?: Subject): Route => ({ name: `test.${subject ?? 'none'}`, ...(subject ? { subject } : {}), match: () => true, handle: async () => {} })

/** Runs the message through the turn stage to a route (or none); returns the context its predicates saw. */
async function turn(mem: TurnMemory, m: InboundMessage, claimedBy?: Route, overheardFollowUp?: (m: InboundMessage) => boolean): Promise<Context> {
  const ctx = createContext(m, { config, log: silentLogger(), outbox: { send: async () => {} } })
  await compose([rememberTurns(mem, overheardFollowUp ? { overheardFollowUp } : {}), async (c) => void (c.route = claimedBy)])(ctx)
  return ctx
}

describe('turns', () => {
  it('a question the documents took is what her next message to the bot follows; not someone else\'s, not in another group', async () => {
    const { mem } = await memory()
    const first = await turn(mem, msg('@小助手 那个踏春嘉年华的徒步要走多远'), route('documents'))
    expect(followsDocuments(first)).toBe(false)
    expect(followsDocuments(await turn(mem, msg('@小助手 名额一共多少人')))).toBe(true)
    expect(followsDocuments(await turn(mem, msg('@小助手 名额一共多少人', { who: '王芳' })))).toBe(false)
    expect(followsDocuments(await turn(mem, msg('@小助手 名额一共多少人', { room: OTHER_ROOM })))).toBe(false)
  })

  it('an exchange with the sign-ups ends the topic; one with no subject ("好的 谢谢") leaves it', async () => {
    const { mem } = await memory()
    await turn(mem, msg('@小助手 两癌筛查在哪做'), route('documents'))
    await turn(mem, msg('@小助手 好的 谢谢'), route())
    expect(followsDocuments(await turn(mem, msg('@小助手 要带身份证吗')))).toBe(true)
    await turn(mem, msg('@小助手 报名'), route('activities'))
    const after = await turn(mem, msg('@小助手 几点开始'))
    expect(after.get(PREVIOUS_TURN)).toBe('activities')
    expect(followsDocuments(after)).toBe(false)
  })

  it('is read only for a message said to the bot, and forgotten after the window', async () => {
    const { mem, store } = await memory(120)
    await turn(mem, msg('@小助手 踏春嘉年华的风筝赛几个人一组'), route('documents'))
    // Overheard chat is no follow-up the bot answers: no round trip for it.
    expect((await turn(mem, msg('名额一共多少人', { mentioned: false }))).get(PREVIOUS_TURN)).toBeUndefined()
    expect((await turn(mem, msg('@小助手 名额一共多少人'))).get(PREVIOUS_TURN)).toBe('documents')
    const ttl = await store.redis.ttl(`${store.prefix}:turn:${ROOM.roomId}:wx-li`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(120)
  })

  it('overheard, is read for what the app says may follow her question ("那要钱不"), and for nothing else', async () => {
    const { mem } = await memory()
    await turn(mem, msg('两癌筛查在哪报名', { mentioned: false }), route('documents'))
    const followUp = (m: InboundMessage) => m.text.startsWith('那')
    expect(followsDocuments(await turn(mem, msg('那要钱不', { mentioned: false }), undefined, followUp))).toBe(true)
    expect((await turn(mem, msg('今天天气不错', { mentioned: false }), undefined, followUp)).get(PREVIOUS_TURN)).toBeUndefined()
    // Someone else's "那要钱不" follows nothing of hers.
    expect(followsDocuments(await turn(mem, msg('那要钱不', { who: '王芳', mentioned: false }), undefined, followUp))).toBe(false)
  })
})
