// Sentence lab: which sentence the offline answer should quote. Records, for every covered TUNING question (split.json
// `tune` ids only) that is answered, each candidate sentence's signals (src/qa/sentence-select.ts) and whether it holds a
// must string; then compares, by k-fold cross-validation grouped by question, the hand score's pick with a logistic
// model's (pointwise, or pairwise on differences within a question), several L2 strengths, on the share of questions
// whose picked sentence holds the answer (of those where some candidate does). `--write FILE` fits the best variant on
// all rows and writes the model file (src/qa/sentence-model.json).
// Usage: npx tsx scripts/sentence-lab.ts [--write src/qa/sentence-model.json]
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hnswBackend } from '../src/adapters/hnsw/index.ts'
import { silentLogger } from '../src/core/log.ts'
import { OfflineEmbedder } from '../src/qa/embedder-offline.ts'
import { EXTRACT_LAB, type SentenceCandidate } from '../src/qa/extract.ts'
import { QaEngine } from '../src/qa/engine.ts'
import { readEvalFile, readSplit, splitItems, textHits } from '../src/qa/evaluate.ts'
import { KnowledgeIndex } from '../src/qa/index-store.ts'
import { ingest } from '../src/qa/ingest.ts'
import { fitLogistic, predict, seeded } from '../src/qa/logistic.ts'
import { bestOf, SENTENCE_FEATURE_NAMES, sentenceRow } from '../src/qa/sentence-select.ts'

const FIX = new URL('../test/fixtures/', import.meta.url).pathname
const files = 'abcdefghijklmnopqrs'.split('').map((c) => `questions-${c}.jsonl`)
const items = files.flatMap((f) => readEvalFile(readFileSync(join(FIX, 'qa-real', f), 'utf8')))
const tune = splitItems(items, readSplit(readFileSync(join(FIX, 'qa-real', 'split.json'), 'utf8'))).tune.filter((i) => i.must.length)
const write = process.argv.indexOf('--write') >= 0 ? process.argv[process.argv.indexOf('--write') + 1] : undefined

interface Q {
  id: string
  x: number[][]
  hand: number[]
  y: number[]
}
const dir = await mkdtemp(join(tmpdir(), 'wj-sent-'))
const questions: Q[] = []
try {
  const log = silentLogger()
  await ingest({ vectors: hnswBackend, kbDir: join(FIX, 'real-corpus'), indexDir: dir, makeEmbedder: (g) => new OfflineEmbedder(g), log })
  const engine = new QaEngine(await KnowledgeIndex.load(dir, (g) => new OfflineEmbedder(g), hnswBackend), { log })
  for (const item of tune) {
    const seen: SentenceCandidate[][] = []
    EXTRACT_LAB.collect = (cs) => seen.push(cs)
    await engine.ask(item.q)
    // One extraction only: a question answered in parts quotes several, and its must may belong to either.
    if (seen.length !== 1) continue
    const cs = seen[0]!
    const best = bestOf(cs)
    if (process.env.DUMP) {
      const h = cs.reduce((b, c, i) => (c.score > cs[b]!.score + 1e-9 ? i : b), 0)
      if (!textHits(cs[h]!.sentences[cs[h]!.i]!, item.must) && cs.some((c) => textHits(c.sentences[c.i]!, item.must)))
        process.stderr.write(`${item.id} ${item.q}\n  PICK r${cs[h]!.rank} ${cs[h]!.sentences[cs[h]!.i]!.slice(0, 90)}\n${cs.filter((c) => textHits(c.sentences[c.i]!, item.must)).slice(0, 2).map((c) => `  GOOD r${c.rank} ${c.sentences[c.i]!.slice(0, 90)}`).join('\n')}\n`)
    }
    questions.push({ id: item.id!, x: cs.map((c) => sentenceRow(c, best)), hand: cs.map((c) => c.score), y: cs.map((c) => (textHits(c.sentences[c.i]!, item.must) ? 1 : 0)) })
  }
} finally {
  EXTRACT_LAB.collect = undefined
  await rm(dir, { recursive: true, force: true })
}
const answerable = questions.filter((q) => q.y.some((v) => v === 1))
const argmax = (s: number[]) => s.reduce((b, v, i) => (v > s[b]! + 1e-9 ? i : b), 0)
const handRate = answerable.filter((q) => q.y[argmax(q.hand)] === 1).length / answerable.length
process.stdout.write(`questions answered in one extraction: ${questions.length}; with a candidate holding the answer: ${answerable.length}\n`)
process.stdout.write(`hand score's pick holds the answer: ${handRate.toFixed(3)}\n`)

type Mode = 'pointwise' | 'pairwise'
const BLEND = Number(process.env.BLEND ?? 0)
function rowsOf(qs: Q[], mode: Mode): { x: number[][]; y: number[] } {
  const x: number[][] = []
  const y: number[] = []
  for (const q of qs) {
    if (mode === 'pointwise') q.x.forEach((r, i) => (x.push(r), y.push(q.y[i]!)))
    else
      q.y.forEach((a, i) =>
        q.y.forEach((b, j) => {
          if (a === 1 && b === 0) {
            x.push(q.x[i]!.map((v, k) => v - q.x[j]![k]!), q.x[j]!.map((v, k) => v - q.x[i]![k]!))
            y.push(1, 0)
          }
        }),
      )
  }
  return { x, y }
}
const K = 5
const REPEATS = 2
/** The learned pick among the candidates whose hand score is within `margin` of the best hand score. */
function pickWithin(q: Q, probs: number[], margin: number): number {
  if (BLEND) return argmax(q.hand.map((h, i) => h + BLEND * Math.log(probs[i]! / (1 - probs[i]!))))
  const top = Math.max(...q.hand)
  let b = -1
  probs.forEach((p, i) => {
    if (q.hand[i]! >= top - margin - 1e-9 && (b < 0 || p > probs[b]! + 1e-9)) b = i
  })
  return b
}
function cv(mode: Mode, lambda: number, margin = Infinity): number {
  let hits = 0
  let n = 0
  for (let rep = 0; rep < REPEATS; rep++) {
    const rnd = seeded(20261201 + rep)
    const fold = answerable.map(() => Math.floor(rnd() * K))
    for (let f = 0; f < K; f++) {
      const { x, y } = rowsOf(answerable.filter((_, i) => fold[i] !== f), mode)
      const m = fitLogistic(x, y, lambda)
      answerable.forEach((q, i) => {
        if (fold[i] !== f) return
        n++
        if (q.y[pickWithin(q, q.x.map((r) => predict(m, r)), margin)] === 1) hits++
      })
    }
  }
  return hits / n
}
let bestVariant: { mode: Mode; lambda: number; margin: number; rate: number } | undefined
const margins = (process.env.MARGINS ?? '0.1,0.2,0.3,0.5,Infinity').split(',').map(Number)
for (const mode of ['pairwise'] as Mode[])
  for (const lambda of [1, 10])
    for (const margin of margins) {
      const rate = cv(mode, lambda, margin)
      process.stdout.write(`${mode} λ ${lambda} margin ${margin}: ${rate.toFixed(3)}\n`)
      if (!bestVariant || rate > bestVariant.rate + 1e-9) bestVariant = { mode, lambda, margin, rate }
    }
if (write && bestVariant) {
  const { x, y } = rowsOf(answerable, bestVariant.mode)
  const m = fitLogistic(x, y, bestVariant.lambda)
  const model = {
    enabled: bestVariant.rate > handRate,
    features: SENTENCE_FEATURE_NAMES,
    ...m,
    margin: Number.isFinite(bestVariant.margin) ? bestVariant.margin : null,
    blend: BLEND || null,
    trained: { questions: answerable.length, mode: bestVariant.mode, lambda: bestVariant.lambda, folds: K, repeats: REPEATS, crossValidated: Number(bestVariant.rate.toFixed(4)), hand: Number(handRate.toFixed(4)) },
  }
  writeFileSync(write, `${JSON.stringify(model, null, 1)}\n`)
  process.stdout.write(`wrote ${write} (enabled: ${model.enabled})\n`)
}
