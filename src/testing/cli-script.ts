// Runs an example script through the real CLI (`weijia sandbox --script`), offline, in a Redis namespace of
// its own, and returns the bot's actions: how the end-to-end conversation tests drive the product.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import type { BotAction } from '../sandbox/actions.ts'
import { deleteByPrefix, TEST_REDIS_URL } from './redis.ts'

const run = promisify(execFile)

export interface ScriptRunner {
  run(scriptFile: string): Promise<BotAction[]>
  cleanup(): Promise<void>
}

export function scriptRunner(label: string): ScriptRunner {
  const dir = mkdtempSync(join(tmpdir(), `wj-${label}-`))
  const prefix = `wjtest-${label}-${process.pid}`
  const config = join(dir, 'weijia.yaml')
  writeFileSync(config, readFileSync('config/weijia.example.yaml', 'utf8').replace('prefix: weijia', `prefix: ${prefix}`))
  return {
    async run(scriptFile) {
      const res = await run('node', ['bin/weijia.js', 'sandbox', '--script', scriptFile, '--config', config], {
        // Offline and on the sandbox, whatever the developer's environment says.
        env: { ...process.env, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'error', WECHATY_PUPPET: '', LLM_API_KEY: '', LLM_BASE_URL: '', LLM_MODEL: '' },
        timeout: 90_000,
      })
      return res.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as BotAction)
    },
    async cleanup() {
      const redis = new Redis(TEST_REDIS_URL)
      await deleteByPrefix(redis, prefix)
      redis.disconnect()
    },
  }
}
