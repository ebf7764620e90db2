// The roster scripts against real Redis: capacity under concurrency, order, idempotency, promotion, deadline, batching.
import { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../testing/redis.ts'
import { nameKey } from './parse.ts'
import { type NewActivity, SignupStore } from './store.ts'

const NOW = Date.parse('2026-11-25T10:00:00+08:00')
const HOUR = 3600_000
const base: NewActivity = {
  groupId: 'xingfuli', title: '亲子阅读', startAt: NOW + 72 * HOUR, place: '微家活动室', capacity: 20,
  deadlineAt: 0, notes: '', hostId: 'li', hostName: '李姐',
}
const me = (name: string) => ({ id: `wx-${name}`, name })
const self = (name: string) => [{ key: nameKey(name), name, own: true }]

let t: TestRedis
let store: SignupStore
beforeEach(async () => {
  t = await testRedis('signups-store')
  store = new SignupStore(t.redis, (...p) => [t.prefix, ...p].join(':'))
})
afterEach(async () => t.cleanup())

describe('SignupStore', () => {
  it('200 concurrent sign-ups for 20 places: exactly 20 in, 180 waiting, in the order Redis applied them', async () => {
    const a = await store.create(base, NOW)
    // Several connections, as several workers or processes would use.
    const conns = Array.from({ length: 8 }, () => new Redis(TEST_REDIS_URL))
    const stores = conns.map((c) => new SignupStore(c, (...p) => [t.prefix, ...p].join(':')))
    try {
      const names = Array.from({ length: 200 }, (_, i) => `居民${i + 1}`)
      const results = await Promise.all(
        names.map((n, i) => stores[i % stores.length]!.join(a.id, { msgId: `m${i}`, by: me(n), people: self(n), now: NOW, windowMs: 3000 })),
      )
      const outcomes = results.flatMap((r) => r.outcomes)
      expect(outcomes.filter((o) => o.status === 'in')).toHaveLength(20)
      expect(outcomes.filter((o) => o.status === 'wait')).toHaveLength(180)
      // Positions are 1..20 and 1..180 with no gaps or repeats.
      expect(outcomes.filter((o) => o.status === 'in').map((o) => o.pos).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      expect(new Set(outcomes.filter((o) => o.status === 'wait').map((o) => o.pos)).size).toBe(180)
      const r = await store.roster(a.id)
      expect(r.confirmed).toHaveLength(20)
      expect(r.waitlist).toHaveLength(180)
      // Arrival order: the roster order is the order the script ran (its sequence numbers), waitlist after roster.
      const seqs = [...r.confirmed, ...r.waitlist].map((e) => e.seq)
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
      expect(new Set(seqs).size).toBe(200)
      // And each person's reported position matches the roster.
      for (const o of outcomes.filter((x) => x.status === 'wait')) expect(r.waitlist[o.pos! - 1]!.name).toBe(o.name)
    } finally {
      for (const c of conns) c.disconnect()
    }
  })

  it('a replayed message changes nothing and reports nothing new', async () => {
    const a = await store.create(base, NOW)
    const first = await store.join(a.id, { msgId: 'm1', by: me('王芳'), people: self('王芳'), now: NOW, windowMs: 3000 })
    const again = await store.join(a.id, { msgId: 'm1', by: me('王芳'), people: self('王芳'), now: NOW + 10, windowMs: 3000 })
    expect(first.outcomes).toMatchObject([{ status: 'in', pos: 1 }])
    expect(again.replay).toBe(true)
    expect(again.outcomes).toEqual([])
    expect((await store.roster(a.id)).confirmed.map((e) => e.name)).toEqual(['王芳'])
    // The same person again from a new message is a duplicate, not a second place.
    const dup = await store.join(a.id, { msgId: 'm2', by: me('王芳'), people: self('王芳'), now: NOW, windowMs: 3000 })
    expect(dup.outcomes).toMatchObject([{ status: 'dup', state: 'in' }])
    expect(await store.counts(a.id)).toEqual({ confirmed: 1, waiting: 0 })
  })

  it('cancelling promotes the first waiting person', async () => {
    const a = await store.create({ ...base, capacity: 2 }, NOW)
    for (const n of ['王芳', '张丽', '赵敏', '孙梅']) await store.join(a.id, { msgId: n, by: me(n), people: self(n), now: NOW, windowMs: 3000 })
    const res = await store.leave(a.id, { msgId: 'x1', by: me('张丽'), senderKey: nameKey('张丽'), now: NOW, windowMs: 3000 })
    expect(res.outcomes).toMatchObject([
      { op: 'leave', name: '张丽', status: 'removed', state: 'in' },
      { op: 'promoted', name: '赵敏', byId: 'wx-赵敏', pos: 2 },
    ])
    const r = await store.roster(a.id)
    expect(r.confirmed.map((e) => e.name)).toEqual(['王芳', '赵敏'])
    expect(r.waitlist.map((e) => e.name)).toEqual(['孙梅'])
    const none = await store.leave(a.id, { msgId: 'x2', by: me('张丽'), senderKey: nameKey('张丽'), now: NOW, windowMs: 3000 })
    expect(none.outcomes).toMatchObject([{ op: 'leave', status: 'notfound' }])
  })

  it('a quiet cancellation (beside an emergency) marks its lines and finds nothing without a line', async () => {
    const a = await store.create({ ...base, capacity: 1 }, NOW)
    for (const n of ['林霞', '孙梅']) await store.join(a.id, { msgId: n, by: me(n), people: self(n), now: NOW, windowMs: 3000 })
    const res = await store.leave(a.id, { msgId: 'q1', by: me('林霞'), senderKey: nameKey('林霞'), quiet: true, now: NOW, windowMs: 3000 })
    expect(res.outcomes).toEqual([
      expect.objectContaining({ op: 'leave', name: '林霞', status: 'removed', quiet: true }),
      expect.not.objectContaining({ quiet: true }),
    ])
    expect(res.outcomes[1]).toMatchObject({ op: 'promoted', name: '孙梅' })
    expect((await store.roster(a.id)).confirmed.map((e) => e.name)).toEqual(['孙梅'])
    const none = await store.leave(a.id, { msgId: 'q2', by: me('林霞'), senderKey: nameKey('林霞'), quiet: true, now: NOW, windowMs: 3000 })
    expect(none.outcomes).toEqual([])
  })

  it('family members and guests belong to the sender; cancelling one of them keeps the rest', async () => {
    const a = await store.create(base, NOW)
    const people = [
      { key: nameKey('王芳'), name: '王芳', own: true },
      { key: nameKey('王芳的婆婆'), name: '王芳的婆婆', own: true },
    ]
    await store.join(a.id, { msgId: 'm1', by: me('王芳'), people, now: NOW, windowMs: 3000 })
    expect(await store.hasEntry(a.id, { id: 'wx-王芳', key: 'nobody' })).toBe(true)
    const res = await store.leave(a.id, { msgId: 'm2', by: me('王芳'), senderKey: nameKey('王芳'), whoKey: '婆婆', now: NOW, windowMs: 3000 })
    expect(res.outcomes.map((o) => o.name)).toEqual(['王芳的婆婆'])
    expect((await store.roster(a.id)).confirmed.map((e) => e.name)).toEqual(['王芳'])
  })


  it('cancelling all of hers reports them in the order they signed up, whatever order Redis keeps its hash in', async () => {
    const a = await store.create(base, NOW)
    // Eight people with entries past a listpack's 64-byte values: Redis keeps them in a seeded hash table.
    const names = ['王芳', '王芳的婆婆', '王芳的闺女', '王芳的儿子', '王芳的妹妹', '王芳的老伴', '王芳的外孙', '王芳的邻居']
    const people = names.map((name) => ({ key: nameKey(name), name, own: true }))
    await store.join(a.id, { msgId: 'm1', by: me('王芳'), people, now: NOW, windowMs: 3000 })
    const res = await store.leave(a.id, { msgId: 'm2', by: me('王芳'), senderKey: nameKey('王芳'), now: NOW, windowMs: 3000 })
    expect(res.outcomes.map((o) => o.name)).toEqual(names)
    expect(await store.counts(a.id)).toEqual({ confirmed: 0, waiting: 0 })
  })
  it('after the deadline or once closed, sign-ups are declined; cancellations still promote', async () => {
    const a = await store.create({ ...base, capacity: 1, deadlineAt: NOW + HOUR }, NOW)
    await store.join(a.id, { msgId: 'm1', by: me('王芳'), people: self('王芳'), now: NOW, windowMs: 3000 })
    await store.join(a.id, { msgId: 'm2', by: me('张丽'), people: self('张丽'), now: NOW, windowMs: 3000 })
    const late = await store.join(a.id, { msgId: 'm3', by: me('赵敏'), people: self('赵敏'), now: NOW + 2 * HOUR, windowMs: 3000 })
    expect(late.outcomes).toMatchObject([{ status: 'late' }])
    await store.update(a.id, { status: 'closed' })
    const closed = await store.join(a.id, { msgId: 'm4', by: me('孙梅'), people: self('孙梅'), now: NOW, windowMs: 3000 })
    expect(closed.outcomes).toMatchObject([{ status: 'closed' }])
    const left = await store.leave(a.id, { msgId: 'm5', by: me('王芳'), senderKey: nameKey('王芳'), now: NOW + 2 * HOUR, windowMs: 3000 })
    expect(left.outcomes.find((o) => o.op === 'promoted')?.name).toBe('张丽')
    expect(await store.counts(a.id)).toEqual({ confirmed: 1, waiting: 0 })
  })

  it('raising capacity promotes from the waitlist; lowering never removes anyone', async () => {
    const a = await store.create({ ...base, capacity: 1 }, NOW)
    for (const n of ['王芳', '张丽', '赵敏']) await store.join(a.id, { msgId: n, by: me(n), people: self(n), now: NOW, windowMs: 3000 })
    const up = await store.resize(a.id, 2, NOW, 3000)
    expect(up.outcomes.map((o) => [o.op, o.name])).toEqual([['promoted', '张丽']])
    await store.resize(a.id, 1, NOW, 3000)
    expect(await store.counts(a.id)).toEqual({ confirmed: 2, waiting: 1 })
  })

  it('a pasted 接龙 list merges: new names added, nobody removed or duplicated', async () => {
    const a = await store.create(base, NOW)
    await store.join(a.id, { msgId: 'm1', by: me('王芳'), people: self('王芳'), now: NOW, windowMs: 3000 })
    await store.join(a.id, { msgId: 'm2', by: me('孙梅'), people: self('孙梅'), now: NOW, windowMs: 3000 })
    const pasted = ['王芳', '张丽', '赵敏'].map((n) => ({ key: nameKey(n), name: n, own: n === '赵敏' }))
    const res = await store.join(a.id, { msgId: 'm3', by: me('赵敏'), people: pasted, now: NOW, windowMs: 3000 })
    // 王芳 was already in (silently merged); 张丽 and 赵敏 are new.
    expect(res.outcomes.map((o) => [o.name, o.status])).toEqual([['张丽', 'in'], ['赵敏', 'in']])
    const r = await store.roster(a.id)
    expect(r.confirmed.map((e) => e.name)).toEqual(['王芳', '孙梅', '张丽', '赵敏'])
    // 赵敏 owns her own line; 张丽's line has no owner until she claims it.
    expect(r.confirmed.find((e) => e.name === '赵敏')?.byId).toBe('wx-赵敏')
    expect(r.confirmed.find((e) => e.name === '张丽')?.byId).toBe('')
  })

  it('outcomes wait in one batching window and are claimed once (again on a retry)', async () => {
    const a = await store.create(base, NOW)
    const r1 = await store.join(a.id, { msgId: 'm1', by: me('王芳'), people: self('王芳'), now: NOW, windowMs: 3000 })
    const r2 = await store.join(a.id, { msgId: 'm2', by: me('张丽'), people: self('张丽'), now: NOW + 100, windowMs: 3000 })
    expect(r1.opened).toBe(true)
    expect(r2.opened).toBe(false)
    expect(r2.window).toBe(r1.window)
    const claimed = await store.claim(a.id, r1.window!)
    expect(claimed.map((o) => o.name)).toEqual(['王芳', '张丽'])
    // A retry of the same summary job sees the same list; a new sign-up opens a new window.
    expect((await store.claim(a.id, r1.window!)).map((o) => o.name)).toEqual(['王芳', '张丽'])
    const r3 = await store.join(a.id, { msgId: 'm3', by: me('赵敏'), people: self('赵敏'), now: NOW + 200, windowMs: 3000 })
    expect(r3.opened).toBe(true)
    expect(r3.window).not.toBe(r1.window)
    await store.release(a.id, r1.window!)
    expect((await store.claim(a.id, r3.window!)).map((o) => o.name)).toEqual(['赵敏'])
  })
})
