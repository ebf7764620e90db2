#!/usr/bin/env -S node --max-semi-space-size=4
// (The flag keeps V8's young generation small, as package.json's start script and the Dockerfile do: a bot handling a
// few messages a second gives up a little peak throughput for about 15 MB less resident memory.)
// Runs the CLI from dist/ (plain JS: fast start), rebuilding it first when src/ is newer.
// If dist/ cannot be built here (e.g. a read-only install), runs the TypeScript through tsx instead.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const entry = join(root, 'dist', 'cli', 'main.js')

function newestSource(dir) {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs)
  }
  return newest
}

async function load() {
  const fresh = existsSync(entry) && statSync(entry).mtimeMs >= newestSource(join(root, 'src'))
  if (!fresh) {
    try {
      const { buildDist } = await import('../scripts/build.mjs')
      await buildDist()
    } catch (err) {
      process.stderr.write(`weijia: could not build dist/ (${err.message}); running from source\n`)
      const { register } = await import('tsx/esm/api')
      register()
      return import('../src/cli/main.ts')
    }
  }
  return import(entry)
}

const { main } = await load()
const code = await main(process.argv.slice(2))
process.exitCode = code
// The command is over: whatever a failed start-up left open (a Redis connection, the puppet) must not keep
// the process alive. The grace lets stdout drain into a pipe first.
setTimeout(() => process.exit(code), 1500).unref()
