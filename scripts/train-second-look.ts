// npm run train:second-look — fits the second look at the covered / not-covered decision (src/qa/second-look.ts) on
// the tuning side of the real-document questions (test/fixtures/qa-real, never the held-out half), offline, and writes
// src/qa/second-look-model.json. Deterministic on one index; the index is built afresh here, and a fresh build once moved
// the weights in the fifth or sixth decimal place (the dense search's similarities differ by rounding).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hnswBackend } from '../src/adapters/hnsw/index.ts'
import { silentLogger } from '../src/core/log.ts'
import { OfflineEmbedder } from '../src/qa/embedder-offline.ts'
import { evalRun } from '../src/qa/eval-run.ts'
import { questionFiles, readEvalFile, readSplit } from '../src/qa/evaluate.ts'
import { secondLookFileText } from '../src/qa/second-look-train.ts'

const FIX = new URL('../test/fixtures/', import.meta.url).pathname
const QA = join(FIX, 'qa-real')
const items = questionFiles(readdirSync(QA)).flatMap((f) => readEvalFile(readFileSync(join(QA, f), 'utf8')))
const report = await evalRun({
  kbDir: join(FIX, 'real-corpus'),
  items,
  split: readSplit(readFileSync(join(QA, 'split.json'), 'utf8')),
  makeEmbedder: (g) => new OfflineEmbedder(g),
  vectors: hnswBackend,
  log: silentLogger(),
  trainSecondLook: true,
})
if (!('secondLookModel' in report) || !report.secondLookModel) throw new Error('no model came back')
const out = new URL('../src/qa/second-look-model.json', import.meta.url).pathname
writeFileSync(out, secondLookFileText(report.secondLookModel))
console.log(JSON.stringify(report.secondLookModel.trained, null, 1))
console.log(`→ ${out}`)
