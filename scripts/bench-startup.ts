// Start-up bench: a fresh plain-node process (scripts/startup-child.mjs) boots the real bot from dist/
// (every capability, knowledge index loaded) in the sandbox, and reports the time from process start to
// ready and the RSS once ready. A child, so nothing else the bench loaded is counted.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startFlags } from './start-flags.ts'

export async function benchStartup(runs = 3): Promise<Record<string, unknown>> {
  const { buildDist } = await import('./build.mjs')
  await buildDist()
  const results: { readyMs: number; warmMs: number; rssMb: number }[] = []
  const flags = startFlags()
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [...flags, fileURLToPath(new URL('./startup-child.mjs', import.meta.url))], {
      encoding: 'utf8',
      env: { ...process.env, WECHATY_LOG: 'silent', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    })
    if (r.status !== 0) throw new Error(`startup child failed: ${r.stderr}`)
    results.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!))
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  return {
    what: 'fresh process running dist/: start → bot ready (all capabilities, Redis, mock WeChat); → first cited answer (index loaded)',
    nodeFlags: flags,
    runs,
    readyMs: { median: median(results.map((r) => r.readyMs)), all: results.map((r) => r.readyMs) },
    firstAnswerMs: { median: median(results.map((r) => r.warmMs)), all: results.map((r) => r.warmMs) },
    rssMbAfterFirstAnswer: { median: median(results.map((r) => r.rssMb)), all: results.map((r) => r.rssMb) },
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchStartup(), null, 2))
}
