// The sandbox script harness, driven as a person would: the real CLI in a child process.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { deleteByPrefix, TEST_REDIS_URL } from '../src/testing/redis.ts'
import { Redis } from 'ioredis'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'wjsandbox-'))
const prefix = `wjtest-sandbox-${process.pid}`
const config = join(dir, 'weijia.yaml')
writeFileSync(config, readFileSync('config/weijia.example.yaml', 'utf8').replace('prefix: weijia', `prefix: ${prefix}`))

async function sandbox(script: string) {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.txt`)
  writeFileSync(file, script)
  return run('node', ['bin/weijia.js', 'sandbox', '--script', file, '--config', config], {
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'error', WECHATY_PUPPET: '' },
    timeout: 90_000,
  }).catch((err: { code: number; stdout: string; stderr: string }) => err)
}

afterAll(async () => {
  const redis = new Redis(TEST_REDIS_URL)
  await deleteByPrefix(redis, prefix)
  redis.disconnect()
})

describe('weijia sandbox --script', () => {
  it('runs the script through the real bot and prints every bot action as JSON lines', async () => {
    const res = await sandbox(['# 新成员入群，然后群里闲聊', '+赵敏', '王芳: 大家好', '/wait 100ms', '赵敏 -> 小助手: 你好'].join('\n'))
    expect('code' in res ? res.code : 0).toBe(0)
    const actions = res.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))
    expect(actions[0]).toMatchObject({ kind: 'room', to: '幸福里妇女微家', mentions: ['赵敏'] })
    expect(actions[0].text).toContain('欢迎来到幸福里妇女微家')
    for (const a of actions) expect(Object.keys(a).sort()).toEqual(expect.arrayContaining(['kind', 'mentions', 'text', 'to']))
  }, 120_000)

  it('reports a malformed line with its line number and exits non-zero before starting', async () => {
    const res = await sandbox('王芳: 你好\n这一行没有冒号\n')
    expect('code' in res && res.code).toBe(2)
    expect(res.stderr).toMatch(/:line 2: cannot read "这一行没有冒号"/)
  }, 60_000)
})
