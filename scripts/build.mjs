// Bundles src/ into dist/ with esbuild (node_modules stay external). Running plain JS instead of going
// through tsx's loader hooks halves start-up: under tsx every module, node_modules included, is resolved
// through a hooks thread. Code splitting keeps lazily imported parts (CLI commands, the OpenAI adapter,
// document parsers) and their packages out of the start-up path. Type-checking stays with `tsc`.
import { build } from 'esbuild'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url))

export async function buildDist() {
  // Build beside dist/ and swap it in, so a process starting at the same moment never sees half a build.
  const tmp = `${DIST.replace(/\/$/, '')}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  await build({
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    entryPoints: { 'cli/main': 'src/cli/main.ts', main: 'src/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: tmp,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  const old = `${tmp}.old`
  if (existsSync(DIST)) renameSync(DIST, old)
  renameSync(tmp, DIST)
  rmSync(old, { recursive: true, force: true })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = Date.now()
  await buildDist()
  process.stderr.write(`built dist/ in ${Date.now() - t} ms\n`)
}
