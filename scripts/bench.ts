// `npm run bench`: every benchmark, figures as JSON on stdout. Not a test: nothing here passes or fails.
// Each bench runs in a fresh child process, so no bench's figures depend on what another left in memory
// (the Q&A bench leaves a 10,000-passage index behind, for one).
import { spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { startFlags } from './start-flags.ts'

const BENCHES = ['startup', 'foundation', 'qa', 'signups', 'referrals', 'reminders', 'outbox'] as const

function run(name: (typeof BENCHES)[number]): unknown {
  const file = fileURLToPath(new URL(`./bench-${name}.ts`, import.meta.url))
  process.stderr.write(`bench: ${name}…\n`)
  // With the bot's own node flags (npm start), so each part is measured as it runs in the bot.
  const r = spawnSync(process.execPath, [...startFlags(), '--import', 'tsx', file], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    env: { ...process.env, WECHATY_LOG: process.env.WECHATY_LOG ?? 'silent' },
  })
  if (r.status !== 0) return { error: `exit ${r.status}`, stderr: r.stderr.slice(-2000) }
  return JSON.parse(r.stdout)
}

const results: Record<string, unknown> = { machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model }, nodeFlags: startFlags() }
for (const name of BENCHES) results[name === 'foundation' ? 'pipeline' : name] = run(name)
console.log(JSON.stringify(results, null, 2))
