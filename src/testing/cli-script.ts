// Runs an example script as `weijia sandbox --script` does (the same player, the real bot on the mock puppet),
// offline, in a Redis namespace of its own, and returns the bot's actions: how the end-to-end conversation
// tests drive the product. It runs in the test's own process, so the modules load once a file rather than once
// a script (a child process per script cost about 3 s each); test/sandbox.test.ts drives the CLI itself.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { loadConfig } from '../config.ts'
import { type BotAction, toAction } from '../sandbox/actions.ts'
import { playScript } from '../sandbox/play.ts'
import { parseScript } from '../sandbox/script.ts'
import { deleteByPrefix, TEST_REDIS_URL } from './redis.ts'

export interface ScriptRunner {
  run(scriptFile: string): Promise<BotAction[]>
  cleanup(): Promise<void>
}

/**
 * The example config for a script run: its own Redis prefix, and sends unpaced (the sandbox's pace only
 * spaces messages out for a person watching; no account is at risk). `batchWindowMs` shortens the wait
 * for sign-up summaries when the script's sign-ups arrive together (no /wait between them).
 */
export function scriptConfig(
  prefix: string,
  opts: { batchWindowMs?: number; knowledge?: { kbDir: string; indexDir: string }; answerMode?: 'mention' | 'questions' } = {},
): string {
  const base = parseYaml(readFileSync('config/weijia.example.yaml', 'utf8')) as Record<string, Record<string, unknown>>
  const groups = base.groups as unknown as Record<string, unknown>[]
  return toYaml({
    ...base,
    ...(opts.answerMode ? { groups: groups.map((g) => ({ ...g, answerMode: opts.answerMode })) } : {}),
    redis: { ...base.redis, prefix },
    qa: { ...base.qa, ...opts.knowledge },
    sandbox: { ...base.sandbox, roomIntervalMs: 0, jitterMs: 0, perMinute: 10_000 },
    signups: { ...base.signups, ...(opts.batchWindowMs ? { batchWindowMs: opts.batchWindowMs } : {}) },
  })
}

/**
 * Script runs whose sign-ups arrive together (no /wait between them) get their summary after half a second. Scripts
 * ask the sample documents, or `kbDir`'s (e.g. test/fixtures/real-corpus), indexed in a folder of the run's own.
 */
export function scriptRunner(label: string, opts: { kbDir?: string; answerMode?: 'mention' | 'questions' } = {}): ScriptRunner {
  const dir = mkdtempSync(join(tmpdir(), `wj-${label}-`))
  const prefix = `wjtest-${label}-${process.pid}`
  const config = join(dir, 'weijia.yaml')
  const knowledge = opts.kbDir ? { kbDir: opts.kbDir, indexDir: join(dir, 'index') } : undefined
  writeFileSync(config, scriptConfig(prefix, { batchWindowMs: 500, ...(knowledge ? { knowledge } : {}), ...(opts.answerMode ? { answerMode: opts.answerMode } : {}) }))
  return {
    async run(scriptFile) {
      const actions: BotAction[] = []
      const { bot, timezone } = loadConfig(config)
      const script = parseScript(readFileSync(scriptFile, 'utf8'), bot.name)
      await playScript(script, prefix, {
        configPath: config,
        timezone,
        // Offline and on the sandbox, whatever the developer's environment says.
        env: { ...process.env, REDIS_URL: TEST_REDIS_URL, LOG_LEVEL: 'error', WECHATY_PUPPET: '', LLM_API_KEY: '', LLM_BASE_URL: '', LLM_MODEL: '' },
        // Through JSON as the CLI prints it, so a test sees exactly what a script run shows.
        onSent: (job) => actions.push(JSON.parse(JSON.stringify(toAction(job))) as BotAction),
      })
      return actions
    },
    async cleanup() {
      const redis = new Redis(TEST_REDIS_URL)
      await deleteByPrefix(redis, prefix)
      redis.disconnect()
    },
  }
}

/** What the bot said in the group to `name` (@-mentioning her), in order. */
export const roomReplies = (actions: BotAction[], name: string): string[] => actions.filter((a) => a.kind === 'room' && a.mentions.includes(name)).map((a) => a.text)

/** What the bot said to `name` in private, in order. */
export const privateReplies = (actions: BotAction[], name: string): string[] => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
