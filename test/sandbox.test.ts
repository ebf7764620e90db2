// The sandbox script harness, driven as a person would: the real CLI in a child process.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { deleteByPrefix, TEST_REDIS_URL } from '../src/testing/redis.ts'
import { Redis } from 'ioredis'
import { scriptConfig } from '../src/testing/cli-script.ts'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'wjsandbox-'))
const prefix = `wjtest-sandbox-${process.pid}`
const config = join(dir, 'weijia.yaml')
// The demo's sign-ups come 200 ms apart: its summary keeps the configured window.
writeFileSync(config, scriptConfig(prefix))

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

  it('runs the README demo end to end: welcome, answers, sign-ups, reminders, referrals and an emergency', async () => {
    const res = await sandbox(readFileSync('examples/sandbox-demo.txt', 'utf8'))
    expect('code' in res ? res.code : 0).toBe(0)
    const actions = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; to: string; text: string; mentions: string[] })
    const room = actions.filter((a) => a.kind === 'room')
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name)
    const inRoom = (re: RegExp) => room.find((a) => re.test(a.text))
    expect(inRoom(/^欢迎来到幸福里妇女微家/)?.mentions).toEqual(['赵敏'])
    expect(inRoom(/家聚会一般安排在每月/)?.text).toMatch(/来源：《妇女微家服务指南》/)
    expect(inRoom(/四点半课堂/)?.mentions).toEqual(['张丽'])
    expect(inRoom(/没有找到明确说法/)?.mentions).toEqual(['王芳'])
    expect(inRoom(/【活动1】亲子阅读/)).toBeDefined()
    expect(inRoom(/已登记：王芳、张丽（2\/2）[\s\S]*候补：赵敏（第1位）/)).toBeDefined()
    expect(inRoom(/候补转正：赵敏/)?.mentions).toEqual(['赵敏'])
    expect(inRoom(/已报名（2\/2）：\s*1\. 张丽\s*2\. 赵敏/)).toBeDefined()
    expect(inRoom(/请确认这条定时提醒/)?.mentions).toEqual(['李姐'])
    expect(inRoom(/已保存，这是第1号提醒/)).toBeDefined()
    expect(inRoom(/只有微家主人或工作人员可以用/)?.mentions).toEqual(['王芳'])
    // The referral goes on in private; staff get the emergency, flagged urgent.
    expect(to('赵敏').some((a) => a.text.includes('同意请回复「同意」'))).toBe(true)
    // 张丽's later emergency puts the numbers first in private.
    expect(to('张丽').find((a) => a.text.includes('110'))?.text).toMatch(/^如有危险，请立即拨打110报警；也可拨打12338/)
    expect(room.find((a) => /已私信您/.test(a.text) && a.text.includes('110'))?.text).toMatch(/^如有危险，请立即拨打110/)
    expect(to('小王').some((a) => a.text.startsWith('【紧急求助】'))).toBe(true)
    // Nothing a resident wrote about her situation ever appears in the group.
    for (const a of room) expect(a.text).not.toMatch(/抚养费|拿刀|吓唬|害怕/)
  }, 120_000)

  it('reports a malformed line with its line number and exits non-zero before starting', async () => {
    const res = await sandbox('王芳: 你好\n这一行没有冒号\n')
    expect('code' in res && res.code).toBe(2)
    expect(res.stderr).toMatch(/:line 2: cannot read "这一行没有冒号"/)
  }, 60_000)
})
