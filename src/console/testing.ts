// The sandbox bot with its console on a free port, a throwaway Redis namespace and knowledge folder, and
// every log line captured: shared by the browser tests and scripts/bench-console.ts.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { readFileSync } from 'node:fs'
import { deleteByPrefix } from '../adapters/redis/keys.ts'
import { createLogger } from '../core/log.ts'
import { projectPath } from '../core/paths.ts'
import { boot, type SandboxRuntime } from '../main.ts'
import { toAction, type BotAction } from '../sandbox/actions.ts'
import { waitIdle } from '../sandbox/runner.ts'

export const SECOND_GROUP = { id: 'heping', match: { topic: '和平里妇女微家' }, name: '和平里妇女微家', type: '公益服务', place: '和平里社区活动中心', hosts: ['陈姐'], staff: ['小李'], supervisor: '小李' }

export interface ConsoleWorld {
  rt: SandboxRuntime
  url: string
  sent: BotAction[]
  logs: string[]
  dir: string
  /** Resolves with the first sent message (already sent or to come) that matches. */
  waitSent(pred: (a: BotAction) => boolean, timeoutMs?: number): Promise<BotAction>
  idle(): Promise<boolean>
  stop(): Promise<void>
}

/**
 * `knowledge`: extra files put in the knowledge folder before the bot starts (its start-up ingest sees them).
 * `unpaced`: sends without the sandbox's pace (300 ms a message per room), for tests that wait for replies.
 */
export async function startConsoleWorld(opts: { password?: string; knowledge?: Record<string, Buffer | string>; unpaced?: boolean } = {}): Promise<ConsoleWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'wj-console-'))
  cpSync(projectPath('knowledge'), join(dir, 'knowledge'), { recursive: true })
  for (const [name, body] of Object.entries(opts.knowledge ?? {})) writeFileSync(join(dir, 'knowledge', name), body)
  const base = parseYaml(readFileSync(projectPath('config', 'weijia.example.yaml'), 'utf8')) as Record<string, unknown>
  const config = {
    ...base,
    qa: { kbDir: join(dir, 'knowledge'), indexDir: join(dir, 'index'), maxAnswerChars: 200, followupTtlSec: 300 },
    console: { enabled: true, host: '127.0.0.1', port: 0 },
    // Sign-up summaries after half a second, not three: tests wait for them.
    signups: { ...(base.signups as object), batchWindowMs: 500 },
    groups: [...(base.groups as unknown[]), SECOND_GROUP],
    ...(opts.unpaced ? { sandbox: { ...(base.sandbox as object), roomIntervalMs: 0, jitterMs: 0, perMinute: 10_000 } } : {}),
  }
  const configPath = join(dir, 'weijia.yaml')
  writeFileSync(configPath, toYaml(config))
  const logs: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk))
      done()
    },
  })
  const prefix = `wjtest-console-${process.pid}-${Date.now().toString(36)}`
  if (opts.password) process.env.CONSOLE_PASSWORD = opts.password
  const sent: BotAction[] = []
  const waiters: { pred: (a: BotAction) => boolean; ok: (a: BotAction) => void }[] = []
  const rt = await boot({
    mode: 'sandbox',
    configPath,
    redisPrefix: prefix,
    console: true,
    log: createLogger({ level: 'debug', destination: sink }),
    onSent: (job) => {
      const a = toAction(job)
      sent.push(a)
      for (const w of [...waiters]) if (w.pred(a)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.ok(a)
      }
    },
  })
  if (!rt.console) throw new Error(`console did not start:\n${logs.join('')}`)
  return {
    rt,
    url: rt.console.url,
    sent,
    logs,
    dir,
    waitSent(pred, timeoutMs = 15_000) {
      const hit = sent.find(pred)
      if (hit) return Promise.resolve(hit)
      return new Promise((ok, fail) => {
        const w = { pred, ok: (a: BotAction) => (clearTimeout(timer), ok(a)) }
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1)
          fail(new Error(`no matching message within ${timeoutMs} ms; sent so far:\n${sent.map((s) => JSON.stringify(s)).join('\n')}`))
        }, timeoutMs)
        waiters.push(w)
      })
    },
    idle: () => waitIdle(rt.app, 30_000),
    async stop() {
      await rt.stop((redis) => deleteByPrefix(redis, prefix).then(() => undefined))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
