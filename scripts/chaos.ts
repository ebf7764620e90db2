// `npm run chaos`: fault scenarios against the real bot (mock puppet, real redis-server started here), and
// what held. Not a test: it prints measured figures (and exits non-zero when a promise was broken).
//   1. 200 residents reply 报名 within about a second, right after the host's announcement (the race with
//      publishing included): recorded vs acknowledged vs lost.
//   2. The same burst with the bot killed (SIGKILL) part-way, then started again on the same Redis:
//      everyone recorded must be told, and nobody recorded twice.
//   3. Redis stopped while the bot runs: time to the first emergency reply (group and private), busy
//      notices, and the cases recorded once Redis is back.
//   4. Start-up with Redis unreachable: how long until the CLI exits, with which code.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { silentLogger } from '../src/core/log.ts'
import { boot } from '../src/main.ts'
import { createReferrals, type ReferralParts } from '../src/referrals/index.ts'
import type { BotAction } from '../src/sandbox/actions.ts'
import { toAction } from '../src/sandbox/actions.ts'
import { waitIdle } from '../src/sandbox/runner.ts'
import { SignupStore } from '../src/signups/store.ts'
import { capabilities } from '../src/capabilities.ts'
import { testConfig } from '../src/testing/bot.ts'
import { freePort, redisServer } from '../src/testing/redis-server.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
type Sent = BotAction & { at: number }

/**
 * Residents a group message told about their sign-up (已登记 / 候补 lines). Long summaries are split into
 * parts by the outbox, so all group texts are read together; 居民12 must not match inside 居民120.
 */
function toldNames(sent: Sent[], names: string[]): Set<string> {
  // Parts of one split message follow each other: joined without a separator, a name cut at a part
  // boundary reads whole again.
  const all = sent.filter((s) => s.kind === 'room').map((s) => s.text).join('')
  return new Set(names.filter((n) => new RegExp(`${n}(?![0-9])`).test(all)))
}

async function rosterOf(redis: Redis, prefix: string) {
  const store = new SignupStore(redis, (...p) => [prefix, ...p].join(':'))
  const ids = (await redis.keys(`${prefix}:signups:act:*`)).map((k) => k.split(':')[3]).filter((x): x is string => /^\d+$/.test(x ?? ''))
  const id = Number([...new Set(ids)][0])
  const r = await store.roster(id)
  return { confirmed: r.confirmed.map((e) => e.name), waitlist: r.waitlist.map((e) => e.name) }
}

async function burstRace(url: string) {
  const prefix = `chaos-race-${Date.now().toString(36)}`
  const redis = new Redis(url, { maxRetriesPerRequest: null })
  const sent: Sent[] = []
  const config = testConfig({}, prefix)
  const rt = await boot({ mode: 'sandbox', config, redis, log: silentLogger(), outbox: { roomIntervalMs: 100, jitterMs: 0, perMinute: 600 }, onSent: (j) => sent.push({ ...toAction(j), at: Date.now() }) })
  const n = 200
  // The order the bot received the replies in (the mock may reorder near-simultaneous sends).
  const received: string[] = []
  rt.world.bot.on('message', (m) => {
    if (m.text() === '报名') received.push(m.talker().name())
  })
  const started = Date.now()
  rt.world.say('李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 微家活动室 限20人', { mentionBot: true })
  // No wait for the announcement: the first replies race with publishing, as in a real group.
  for (let i = 1; i <= n; i++) {
    rt.world.say(`居民${i}`, '报名')
    await sleep(5)
  }
  const burstMs = Date.now() - started
  const quiet = await waitIdle(rt.app, 180_000)
  const roster = await rosterOf(redis, prefix)
  const recorded = [...roster.confirmed, ...roster.waitlist]
  const told = toldNames(sent, recorded)
  await rt.stop()
  await redis.del(...(await redis.keys(`${prefix}:*`)))
  redis.disconnect()
  return {
    scenario: '200 sign-ups in ~1 s racing the announcement (capacity 20)',
    burstMs,
    quiet,
    confirmed: roster.confirmed.length,
    waitlisted: roster.waitlist.length,
    lost: n - recorded.length,
    acknowledged: recorded.filter((name) => told.has(name)).length,
    recordedNotTold: recorded.filter((name) => !told.has(name)).length,
    notTold: recorded.filter((name) => !told.has(name)).slice(0, 5),
    inArrivalOrder: recorded.join() === received.join(),
    messagesSent: sent.length,
  }
}

/** Runs the child; resolves with its sent messages. `killAfter` kills it with SIGKILL once that many residents have spoken. */
function child(url: string, prefix: string, phase: 'burst' | 'resume', killAfter?: number): Promise<{ sent: Sent[]; killed: boolean; said: number; quiet?: boolean }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/chaos-child.ts', url, prefix, phase, '200'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const sent: Sent[] = []
  let said = 0
  let killed = false
  let quiet: boolean | undefined
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    const o = JSON.parse(line) as { type: string; ok?: boolean } & Sent
    if (o.type === 'sent') sent.push(o)
    if (o.type === 'quiet') quiet = o.ok
    if (o.type === 'said' && ++said === killAfter) {
      killed = true
      proc.kill('SIGKILL')
    }
  })
  return new Promise((ok) => proc.once('exit', () => ok({ sent, killed, said, quiet })))
}

async function burstKill(url: string, killAfter: number) {
  const prefix = `chaos-kill-${Date.now().toString(36)}`
  const redis = new Redis(url, { maxRetriesPerRequest: null })
  const first = await child(url, prefix, 'burst', killAfter)
  const second = await child(url, prefix, 'resume')
  const roster = await rosterOf(redis, prefix)
  const recorded = [...roster.confirmed, ...roster.waitlist]
  const told = toldNames([...first.sent, ...second.sent], recorded)
  const duplicates = recorded.length - new Set(recorded).size
  await redis.del(...(await redis.keys(`${prefix}:*`)))
  redis.disconnect()
  return {
    scenario: `kill -9 after ${killAfter} of 200 residents spoke, then restart on the same Redis`,
    killed: first.killed,
    spokeBeforeKill: first.said,
    sentBeforeKill: first.sent.length,
    sentAfterRestart: second.sent.length,
    restartWentQuiet: second.quiet,
    confirmed: roster.confirmed.length,
    waitlisted: roster.waitlist.length,
    recorded: recorded.length,
    acknowledged: recorded.filter((name) => told.has(name)).length,
    recordedNotTold: recorded.filter((name) => !told.has(name)).length,
    duplicates,
  }
}

async function outage() {
  const server = await redisServer()
  const redis = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 200 })
  const sent: Sent[] = []
  let parts: ReferralParts | undefined
  const caps = capabilities.map((c) => (c.name === 'referrals' ? createReferrals({ expose: (p) => (parts = p) }) : c))
  const rt = await boot({ mode: 'sandbox', config: testConfig({}, 'chaos-outage'), redis, log: silentLogger(), capabilities: caps, outbox: { roomIntervalMs: 100, jitterMs: 0, perMinute: 600 }, onSent: (j) => sent.push({ ...toAction(j), at: Date.now() }) })
  await waitIdle(rt.app, 30_000)
  await server.stop()
  while (redis.status === 'ready') await sleep(10)
  const before = sent.length
  const t0 = Date.now()
  rt.world.say('王芳', '他拿刀吓唬我')
  const t1 = Date.now()
  rt.world.sayPrivate('张丽', '不想活了')
  for (let i = 0; i < 5; i++) rt.world.say('赵敏', `@小助手 家聚会啥时候${i}`, { mentionBot: true })
  const first = async (pred: (s: Sent) => boolean) => {
    for (let i = 0; i < 400; i++) {
      const hit = sent.slice(before).find(pred)
      if (hit) return hit
      await sleep(10)
    }
    return undefined
  }
  const group = await first((s) => s.kind === 'room' && s.text.includes('110'))
  const priv = await first((s) => s.kind === 'private' && s.to === '张丽' && s.text.includes('110'))
  await sleep(1000)
  const busy = sent.slice(before).filter((s) => s.text.startsWith('系统繁忙')).length
  const downFor = Date.now() - t0
  await server.start()
  let cases = 0
  for (let i = 0; i < 300 && cases < 2; i++) {
    cases = (await parts!.cases.list().catch(() => [])).length
    await sleep(100)
  }
  await rt.stop()
  redis.disconnect()
  await server.stop()
  return {
    scenario: `Redis stopped for ~${Math.round(downFor / 1000)} s: emergencies in the group and in private, 5 questions`,
    firstGroupEmergencyReplyMs: group ? group.at - t0 : null,
    firstPrivateEmergencyReplyMs: priv ? priv.at - t1 : null,
    busyNoticesTo赵敏: busy,
    casesRecordedAfterRecovery: cases,
  }
}

async function startWithoutRedis() {
  const port = await freePort()
  const t0 = Date.now()
  const code = await new Promise<number | null>((ok) => {
    const p = spawn(process.execPath, ['bin/weijia.js', 'sandbox', '--script', 'examples/sandbox-demo.txt'], { cwd: root, env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${port}` }, stdio: 'ignore' })
    p.once('exit', (c) => ok(c))
  })
  return { scenario: 'start-up with Redis unreachable', exitCode: code, exitAfterMs: Date.now() - t0 }
}

const server = await redisServer()
const results = []
// `npm run chaos -- race kill` runs only the named scenarios.
const scenarios = {
  race: () => burstRace(server.url),
  kill: () => burstKill(server.url, 120),
  kill30: () => burstKill(server.url, 30),
  kill195: () => burstKill(server.url, 195),
  outage,
  startup: startWithoutRedis,
}
const chosen = process.argv.slice(2).filter((a) => a in scenarios) as (keyof typeof scenarios)[]
for (const name of chosen.length ? chosen : (Object.keys(scenarios) as (keyof typeof scenarios)[])) {
  const r = await scenarios[name]()
  results.push(r)
  process.stdout.write(`${JSON.stringify(r)}\n`)
}
await server.stop()
const broken = results.some((r) => ('lost' in r && r.lost) || ('inArrivalOrder' in r && !r.inArrivalOrder) || ('recordedNotTold' in r && r.recordedNotTold) || ('duplicates' in r && r.duplicates) || ('firstGroupEmergencyReplyMs' in r && (r.firstGroupEmergencyReplyMs ?? Infinity) > 2000) || ('exitAfterMs' in r && (r.exitAfterMs > 10_000 || r.exitCode !== 1)))
process.exit(broken ? 1 : 0)
