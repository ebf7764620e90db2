// Who can sign in to the console, and that a link works once and a session ends: real Redis, one prefix per run.
import { afterAll, describe, expect, it } from 'vitest'
import { grantsFor, loginLinks, sessions } from '../src/console/auth.ts'
import { testConfig } from '../src/testing/config.ts'
import { testRedis } from '../src/testing/redis.ts'

const store = await testRedis('console-auth')
const key = (...p: string[]) => [store.prefix, ...p].join(':')
const config = testConfig({}, store.prefix)
afterAll(() => store.cleanup())

describe('console sign-in', () => {
  it('grants come from the config: host, staff and supervisor get theirs, a resident nothing', () => {
    expect(grantsFor(config, { id: 'x1', name: '王芳' })).toBeUndefined()
    expect(grantsFor(config, { id: 'x2', name: '李姐' })).toMatchObject({ role: 'host', hostOf: ['xingfuli'], staffOf: [], supervisorOf: [] })
    expect(grantsFor(config, { id: 'x3', name: '小王' })).toMatchObject({ role: 'supervisor', staffOf: ['xingfuli'], supervisorOf: ['xingfuli'] })
  })

  it('a link is made only for configured people and works exactly once', async () => {
    const links = loginLinks(store.redis, key, config, 'http://127.0.0.1:1')
    expect(await links.create({ id: 'x1', name: '王芳' })).toBeUndefined()
    const url = await links.create({ id: 'x2', name: '李姐' })
    const token = url!.split('/').pop()!
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:1\/console\/login\/[\w-]{32}$/)
    expect((await links.peek(token))?.person.name).toBe('李姐')
    const [a, b] = await Promise.all([links.consume(token), links.consume(token)])
    expect([a, b].filter(Boolean)).toHaveLength(1)
    expect(await links.peek(token)).toBeUndefined()
    // Only a hash of the token is stored, with the 10-minute expiry.
    const keys = await store.redis.keys(key('console', 'link', '*'))
    expect(keys.some((k) => k.includes(token))).toBe(false)
  })

  it('a link expires after 10 minutes', async () => {
    const links = loginLinks(store.redis, key, config, 'http://x')
    const token = (await links.create({ id: 'x2', name: '李姐' }))!.split('/').pop()!
    const [k] = await store.redis.keys(key('console', 'link', '*'))
    const ttl = await store.redis.ttl(k!)
    expect(ttl).toBeGreaterThan(590)
    expect(ttl).toBeLessThanOrEqual(600)
    expect(await links.peek(token)).toBeDefined()
  })

  it('sessions are found by id and end on sign-out', async () => {
    const s = sessions(store.redis, key)
    const sid = await s.create(grantsFor(config, { id: 'x2', name: '李姐' })!)
    expect((await s.get(sid))?.person.name).toBe('李姐')
    expect(await s.get('not-a-session')).toBeUndefined()
    await s.destroy(sid)
    expect(await s.get(sid)).toBeUndefined()
  })
})
