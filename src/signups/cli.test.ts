import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { parse, stringify } from 'yaml'
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../testing/redis.ts'
import { cliDeps } from '../cli/main.ts'
import { exportCommand } from './cli.ts'
import { nameKey } from './parse.ts'
import { SignupStore } from './store.ts'

let t: TestRedis
let configFile: string
beforeEach(async () => {
  t = await testRedis('signups-cli')
  const cfg = parse(readFileSync(new URL('../../config/weijia.example.yaml', import.meta.url), 'utf8')) as Record<string, unknown>
  configFile = join(mkdtempSync(join(tmpdir(), 'wj-')), 'weijia.yaml')
  writeFileSync(configFile, stringify({ ...cfg, redis: { prefix: t.prefix } }))
  vi.stubEnv('REDIS_URL', TEST_REDIS_URL)
})
afterEach(async () => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  await t.cleanup()
})

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  const code = await exportCommand(argv, cliDeps())
  vi.restoreAllMocks()
  return { code, out }
}

it('weijia export --activity ID writes the roster as CSV (or JSON) to stdout', async () => {
  const store = new SignupStore(t.redis, (...p) => [t.prefix, ...p].join(':'))
  const a = await store.create(
    { groupId: 'xingfuli', title: '亲子阅读', startAt: Date.parse('2026-11-28T14:00:00+08:00'), place: '活动室', capacity: 1, deadlineAt: 0, notes: '', hostId: 'h', hostName: '李姐' },
    Date.parse('2026-11-25T10:00:00+08:00'),
  )
  for (const n of ['王芳', '张丽, "阿丽"']) {
    await store.join(a.id, { msgId: n, by: { id: n, name: n }, people: [{ key: nameKey(n), name: n, own: true }], now: Date.parse('2026-11-25T10:00:00+08:00'), windowMs: 1000 })
  }
  const csv = await run(['--activity', String(a.id), '--config', configFile])
  expect(csv.code).toBe(0)
  expect(csv.out.startsWith('\uFEFF')).toBe(true)
  expect(csv.out.slice(1).split('\r\n')).toEqual([
    '序号,姓名,状态,登记人,报名时间',
    '1,王芳,已报名,王芳,11月25日（周三）10:00',
    '1,"张丽, ""阿丽""",候补1,"张丽, ""阿丽""",11月25日（周三）10:00',
    '',
  ])
  const json = await run(['--activity', String(a.id), '--format', 'json', '--config', configFile])
  expect(JSON.parse(json.out)).toMatchObject({ activity: { id: a.id, title: '亲子阅读' }, confirmed: [{ name: '王芳' }], waitlist: [{ name: '张丽, "阿丽"' }] })
  expect((await run(['--activity', '999', '--config', configFile])).code).toBe(1)
  expect((await run(['--format', 'xml'])).code).toBe(2)
})
