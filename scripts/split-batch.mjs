// Splits a new blind question batch once, at random, per kind, into a tuning half and a held-out half, and adds
// the ids to test/fixtures/qa-real/split.json. Usage: node scripts/split-batch.mjs questions-x.jsonl [seed]
// Per kind the ids are shuffled with a seeded generator (mulberry32) and the first ceil(n/2) go to tuning,
// as for batches l–o. Run it once, before measuring anything on the batch.
import { readFileSync, writeFileSync } from 'node:fs'

const [file, seedArg] = process.argv.slice(2)
if (!file) throw new Error('usage: node scripts/split-batch.mjs questions-x.jsonl [seed]')
let seed = Number(seedArg ?? 20261130) >>> 0
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
const byKind = new Map()
for (const it of items) byKind.set(it.kind, [...(byKind.get(it.kind) ?? []), it.id])
const splitPath = new URL('../test/fixtures/qa-real/split.json', import.meta.url)
const split = JSON.parse(readFileSync(splitPath, 'utf8'))
const known = new Set([...split.tune, ...split.heldout])
const clash = items.filter((it) => known.has(it.id))
if (clash.length) throw new Error(`ids already split: ${clash.map((it) => it.id).join(', ')}`)
let tune = 0
for (const ids of byKind.values()) {
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
  }
  const cut = Math.ceil(ids.length / 2)
  split.tune.push(...ids.slice(0, cut))
  split.heldout.push(...ids.slice(cut))
  tune += cut
}
writeFileSync(splitPath, `${JSON.stringify(split)}\n`)
process.stdout.write(`${file}: ${tune} tune, ${items.length - tune} held-out; split.json: ${split.tune.length} tune, ${split.heldout.length} held-out\n`)
