// Which capability takes a detail question ("名额一共多少人", "几点开始") with the corpus world's 亲子阅读 and 插花课 open:
// the sign-ups, unless it names something else or follows her own question to the documents (core/turns.ts). Routing
// through app.explain (every capability registered, real Redis, no puppet); her last exchange is seeded as the
// pipeline writes it. The end-to-end conversation is test/sandbox-detail-after-documents.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InboundMessage } from '../src/core/message.ts'
import type { Subject } from '../src/core/turns.ts'
import { CORPUS_NOW } from '../src/nlu/corpus.ts'
import { GROUP_ID, type NluWorld, nluWorld, ROOM } from '../src/testing/nlu-world.ts'

let world: NluWorld
// Mentions only: the group answers questions only when @-mentioned, as the tester's group does.
beforeAll(async () => void (world = await nluWorld({ answerMode: 'mention' })))
afterAll(() => world.close())

let n = 0
/** The route that takes her message, after her previous exchange here (if any) and the group's previous message. */
async function routeOf(text: string, opts: { before?: Subject; groupTalkedOfActivities?: boolean; mentioned?: boolean } = {}): Promise<string | undefined> {
  const { app } = world
  const sender = { id: `u-detail-${++n}`, name: `居民${n}` }
  if (opts.before) await app.redis.set(app.key('turn', ROOM.roomId, sender.id), opts.before, 'EX', 60)
  // Each question is read as if the group's previous message was someone else's (activity talk, or not).
  await app.redis.set(app.key('signups', 'last', GROUP_ID), JSON.stringify({ related: !!opts.groupTalkedOfActivities, at: CORPUS_NOW - 60_000 }))
  const msg: InboundMessage = { id: `m-detail-${n}`, conversation: ROOM, sender, role: 'resident', groupId: GROUP_ID, kind: 'text', text: `@小助手 ${text}`, mentioned: opts.mentioned ?? true, at: CORPUS_NOW }
  return app.explain(msg)
}

describe('a detail question after a question to the documents', () => {
  it.each(['名额一共多少人', '几点开始', '在哪里', '要带什么'])('"%s" follows her question to the documents: the documents answer', async (text) => {
    expect(await routeOf(text, { before: 'documents' })).toBe('qa.answer')
    // Control: with no question to the documents before it, the open activities' notices answer it.
    expect(await routeOf(text)).toBe('signups.resident')
  })

  it.each(['插花课几点开始', '活动1在哪', '咱们这次活动名额一共多少人', '我报上了没', '报名'])('"%s" is the sign-ups\', whatever she asked the documents', async (text) => {
    expect(await routeOf(text, { before: 'documents' })).toBe('signups.resident')
  })

  it('her last exchange with the sign-ups, or activity talk in the group since, makes a bare question theirs again', async () => {
    expect(await routeOf('名额一共多少人', { before: 'activities' })).toBe('signups.resident')
    expect(await routeOf('名额一共多少人', { before: 'documents', groupTalkedOfActivities: true })).toBe('signups.resident')
    expect(await routeOf('名额一共多少人', { before: 'documents' })).toBe('qa.answer')
  })

  it('a gathering only the documents describe, named, is theirs even with no question before it', async () => {
    expect(await routeOf('踏春嘉年华几点开始')).toBe('qa.answer')
    expect(await routeOf('那个踏春嘉年华还有名额吗')).toBe('qa.answer')
    expect(await routeOf('插花课还有名额吗')).toBe('signups.resident')
  })
})
