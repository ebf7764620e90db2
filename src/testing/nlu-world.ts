// The corpus world (SCHEMA.md) as a real app: every capability registered, real Redis under a unique prefix,
// fake outbox and jobs (nothing is sent, nothing runs). Each corpus line becomes an inbound message from its
// own sender, with that sender's state (pending question, sign-ups, open case) seeded through the stores,
// and `explain` says which route would claim it.
import { hnswBackend } from '../adapters/hnsw/index.ts'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { type BotApp, createApp } from '../app.ts'
import { parseConfig } from '../config.ts'
import type { Capability, JobRuntime, OutboxRuntime } from '../core/capability.ts'
import { silentLogger } from '../core/log.ts'
import type { InboundMessage } from '../core/message.ts'
import { projectPath } from '../core/paths.ts'
import { CORPUS_ACTIVITIES, CORPUS_NOW, type CorpusLine, strippedText } from '../nlu/corpus.ts'
import type { Intent } from '../nlu/types.ts'
import { carriedIntents } from '../nlu/route-intents.ts'
import { createQa } from '../qa/index.ts'
import { createReferrals } from '../referrals/index.ts'
import { createReminders } from '../reminders/index.ts'
import { createSafety } from '../safety/index.ts'
import type { SignupService } from '../signups/service.ts'
import { createSignups } from '../signups/index.ts'
import { welcome } from '../welcome/index.ts'
import { type TestRedis, testRedis } from './redis.ts'

export const GROUP_ID = 'xingfuli'
export const ROOM = { kind: 'room' as const, roomId: 'xfl@chatroom', topic: '幸福里妇女微家' }

export interface NluWorld {
  app: BotApp
  signups: SignupService
  /** The route that claims the line's message in its situation (undefined: nobody, i.e. chatter). */
  routeOf(line: CorpusLine): Promise<string | undefined>
  /** The route, and the intents it carries along for another capability (a sign-up recorded after the help reply). */
  readingOf(line: CorpusLine): Promise<{ route?: string; carried: Intent[] }>
  close(): Promise<void>
}

const fakeOutbox: OutboxRuntime = { send: async () => undefined, sendNow: async () => undefined, onSent: () => undefined }
const fakeJobs: JobRuntime = {
  define: () => ({ add: async () => undefined, remove: async () => undefined }),
  schedule: () => ({ upsert: async () => undefined, remove: async () => undefined, list: async () => [] }),
  start: () => undefined,
  idle: async () => true,
  close: async () => undefined,
}

export async function nluWorld(opts: { answerMode?: 'mention' | 'questions' } = {}): Promise<NluWorld> {
  const store: TestRedis = await testRedis('nlu')
  const base = parseYaml(readFileSync(projectPath('config', 'weijia.example.yaml'), 'utf8')) as { groups: Record<string, unknown>[] }
  const groups = base.groups.map((g) => ({ ...g, answerMode: opts.answerMode ?? 'questions' }))
  const config = parseConfig({ ...base, groups, redis: { prefix: store.prefix } })
  const now = () => CORPUS_NOW
  let signups: SignupService | undefined
  const capabilities: Capability[] = [
    welcome,
    createReferrals({ now }),
    createSafety({ now }),
    createReminders({ now }),
    createSignups({ now, expose: (s) => (signups = s) }),
    createQa({ vectors: hnswBackend }),
  ]
  const app = await createApp({
    config,
    storage: { redis: store.redis, key: (...parts) => [store.prefix, ...parts].join(':') },
    log: silentLogger(),
    outbox: fakeOutbox,
    jobs: fakeJobs,
    directory: { resolvePerson: async () => undefined, resolveRoom: async () => ROOM },
    capabilities,
    startedAt: 0,
    now,
  })
  const svc = signups!
  const key = (...parts: string[]) => [store.prefix, ...parts].join(':')
  for (const a of CORPUS_ACTIVITIES) {
    const created = await svc.store.create(
      { groupId: GROUP_ID, title: a.title, startAt: a.startAt, place: a.place, capacity: a.capacity, deadlineAt: 0, notes: a.notes, hostId: 'host-lijie', hostName: '李姐' },
      CORPUS_NOW - 86_400_000,
    )
    const people = Array.from({ length: a.signedUp + a.waitlisted }, (_, i) => ({ key: `seed${a.id}-${i}`, name: `居民${a.id}-${i}`, own: true }))
    await svc.store.join(created.id, { msgId: `seed-${a.id}`, by: { id: 'seed', name: '接龙' }, people, now: CORPUS_NOW - 3_600_000, windowMs: 1 })
  }

  const seed = async (line: CorpusLine, sender: { id: string; name: string }) => {
    for (const n of line.ctx.signedUp ?? []) {
      await svc.store.join(n, { msgId: `su-${line.id}-${n}`, by: sender, people: [{ key: sender.name, name: sender.name, own: true }], now: CORPUS_NOW - 60_000, windowMs: 1 })
    }
    const flow = (step: string) =>
      store.redis.set(key('referrals', 'flow', sender.id), JSON.stringify({ step, origin: `o-${line.id}`, groupId: GROUP_ID, category: '其他', urgency: '一般', medical: false, source: 'private', tries: 0 }), 'EX', 600)
    // An open help request of the sender's (the referrals' per-resident index of open cases).
    if (line.ctx.openCase) await store.redis.sadd(key('referrals', 'open', sender.id), `R-20261130-${line.id}`)
    switch (line.ctx.pending) {
      case 'consent':
        await flow('consent')
        break
      case 'contact':
        await flow('contact')
        break
      case 'confirm_announce':
        await svc.store.saveDraft(GROUP_ID, sender.id, { draft: { title: '插花课第二期', startAt: CORPUS_NOW + 5 * 86_400_000, questions: [] }, to: ROOM, at: CORPUS_NOW, roomId: ROOM.roomId }, 600)
        break
      case 'confirm_reminder':
        await store.redis.set(key('reminders', 'draft', GROUP_ID, sender.id), '{}', 'EX', 600)
        break
      case 'which_activity':
        await svc.pending.set(GROUP_ID, sender.id, { kind: 'which_activity', intent: 'signup.join', slots: { self: true, count: 1 }, msgId: `q-${line.id}`, activityIds: [1, 2] })
        break
      case 'confirm_cancel':
        await svc.pending.set(GROUP_ID, sender.id, { kind: 'confirm_cancel', activityId: 2 })
        break
      default:
        break
    }
  }

  async function readingOf(line: CorpusLine): Promise<{ route?: string; carried: Intent[] }> {
    const sender = { id: `u-${line.id}`, name: line.ctx.role === 'host' ? '李姐' : line.ctx.role === 'staff' ? '小王' : `居民${line.id}` }
    await seed(line, sender)
    // Each line is read as if the group had been quiet before it (no "+1" chain from the previous line).
    await store.redis.del(key('signups', 'last', GROUP_ID))
    const msg: InboundMessage = {
      id: `m-${line.id}`,
      conversation: line.ctx.where === 'group' ? ROOM : { kind: 'private', contactId: sender.id, name: sender.name },
      sender,
      role: line.ctx.role,
      groupId: GROUP_ID,
      kind: line.ctx.media ?? 'text',
      text: strippedText(line),
      mentioned: !!line.ctx.mention,
      at: CORPUS_NOW,
    }
    const { route, understood } = await app.explainFully(msg)
    // The help routes hand a carried sign-up to the sign-ups, in the group and in private alike.
    return { route, carried: understood ? carriedIntents(understood) : [] }
  }

  return {
    app,
    signups: svc,
    routeOf: async (line) => (await readingOf(line)).route,
    readingOf,
    async close() {
      await app.stop()
      await store.cleanup()
    },
  }
}
