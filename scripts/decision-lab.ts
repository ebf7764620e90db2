// Decision lab, step 1: the decision signals of every TUNING question (split.json `tune` ids only) dumped to a
// JSON file, so candidate signals and learners can be compared by nested CV without re-running retrieval.
// Usage: npx tsx scripts/decision-lab.ts OUT.json
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hnswBackend } from '../src/adapters/hnsw/index.ts'
import { silentLogger } from '../src/core/log.ts'
import { OfflineEmbedder } from '../src/qa/embedder-offline.ts'
import { LAB } from '../src/qa/decide.ts'
import { labSignals } from '../src/qa/decision-lab.ts'
import { VALUE_REACH } from '../src/qa/detail.ts'
import { QaEngine } from '../src/qa/engine.ts'
import { questionFiles, readEvalFile, readSplit, splitItems } from '../src/qa/evaluate.ts'
import { KnowledgeIndex } from '../src/qa/index-store.ts'
import { ingest } from '../src/qa/ingest.ts'

const FIX = new URL('../test/fixtures/', import.meta.url).pathname
const KB = join(FIX, 'real-corpus')
const log = silentLogger()
const files = questionFiles(readdirSync(join(FIX, 'qa-real')))
const items = files.flatMap((f) => readEvalFile(readFileSync(join(FIX, 'qa-real', f), 'utf8')).map((i) => ({ ...i, file: f })))
const split = readSplit(readFileSync(join(FIX, 'qa-real', 'split.json'), 'utf8'))
const tune = splitItems(items, split).tune as (typeof items)[number][]
LAB.signals = labSignals
if (process.env.REACH) VALUE_REACH.n = Number(process.env.REACH)
const dir = await mkdtemp(join(tmpdir(), 'wj-lab-'))
try {
  await ingest({ vectors: hnswBackend, kbDir: KB, indexDir: dir, makeEmbedder: (g) => new OfflineEmbedder(g), log })
  const engine = new QaEngine(await KnowledgeIndex.load(dir, (g) => new OfflineEmbedder(g), hnswBackend), { log })
  const rows = []
  for (const item of tune) {
    const r = await engine.retrieve(item.q, 10)
    const f = r.decision.features
    if (!f) throw new Error(`no features for ${item.id}`)
    const { lab, ...extra } = f.extra
    rows.push({ id: item.id, file: item.file, q: item.q, kind: (item as { kind?: string }).kind, covered: item.must.length > 0, sentence: f.sentence, passage: f.passage, focus: f.focus, offDomain: f.offDomain, similarity: f.similarity, key: f.key, unknown: f.unknown, extra, lab })
  }
  writeFileSync(process.argv[2] ?? '/tmp/decision-rows.json', JSON.stringify(rows))
  console.log(`${rows.length} tuning rows, ${rows.filter((r) => r.covered).length} covered`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
