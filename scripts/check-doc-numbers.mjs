#!/usr/bin/env node
// Checks that moving text between documents lost no figure: counts every numeric token (1,330 · 0.880 · 2026-12-02
// gives 2026, 12, 02) in the old text and in the new texts together, and lists each token whose count dropped.
// Usage: node scripts/check-doc-numbers.mjs OLD NEW [NEW…]   (a file, or REV:PATH read with `git show`)
// Exit code 1 when some token dropped.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const read = (src) => (existsSync(src) ? readFileSync(src, 'utf8') : execFileSync('git', ['show', src], { encoding: 'utf8', maxBuffer: 64 << 20 }))

function counts(text) {
  const m = new Map()
  for (const t of text.match(/\d+(?:[.,]\d+)*/g) ?? []) m.set(t, (m.get(t) ?? 0) + 1)
  return m
}

const [oldSrc, ...newSrcs] = process.argv.slice(2)
if (!oldSrc || !newSrcs.length) {
  process.stderr.write('usage: node scripts/check-doc-numbers.mjs OLD NEW [NEW…]\n')
  process.exit(2)
}
const before = counts(read(oldSrc))
const after = counts(newSrcs.map(read).join('\n'))
const dropped = [...before].filter(([t, n]) => (after.get(t) ?? 0) < n).map(([t, n]) => ({ token: t, before: n, after: after.get(t) ?? 0 }))
const total = (m) => [...m.values()].reduce((a, b) => a + b, 0)
process.stdout.write(`old: ${before.size} distinct numeric tokens, ${total(before)} occurrences; new: ${after.size} distinct, ${total(after)} occurrences\n`)
if (!dropped.length) process.stdout.write('no token lost or dropped in count\n')
else for (const d of dropped) process.stdout.write(`dropped: ${d.token}  ${d.before} → ${d.after}\n`)
process.exit(dropped.length ? 1 : 0)
