// Knowledge Q&A benchmark: ingestion throughput, retrieval latency and memory on a generated corpus of
// ≥ 10,000 passages (offline embedder), plus the eval figures on knowledge/eval/qa.jsonl if present and on the
// real documents' development set (test/fixtures/qa-real) beside the plain BM25 baseline.
// Targets on 2 cores: ingestion ≥ 1 MB/s, retrieval p95 ≤ 20 ms, RSS ≤ 400 MB.
// Run: npx tsx scripts/bench-qa.ts   (prints JSON on stdout)
//      npx tsx scripts/bench-qa.ts --chunks 100000   (scale only: ingest, latency and RSS at ~100k passages, no eval)
import { hnswBackend } from '../src/adapters/hnsw/index.ts'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { silentLogger } from '../src/core/log.ts'
import { OfflineEmbedder } from '../src/qa/embedder-offline.ts'
import { QaEngine } from '../src/qa/engine.ts'
import { evaluate, readEvalFile, readSplit } from '../src/qa/evaluate.ts'
import { evalRun } from '../src/qa/eval-run.ts'
import { KnowledgeIndex } from '../src/qa/index-store.ts'
import { ingest } from '../src/qa/ingest.ts'
import { retrieve } from '../src/qa/retrieve.ts'

const SECTIONS = 25
/** 420 files × 25 sections ≈ 10.5k passages; `--chunks 100000` scales the generated corpus (latency at 100k). */
const chunksArg = process.argv.indexOf('--chunks')
const FILES = chunksArg > 0 ? Math.ceil(Number(process.argv[chunksArg + 1]) / SECTIONS) : 420
const QUERIES = 300

/** Small deterministic PRNG so runs are comparable. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0
    return seed / 2 ** 32
  }
}

const TOPICS = ['课后托管', '暑期托管', '家庭暴力', '人身安全保护令', '法律援助', '两癌筛查', '创业担保贷款', '技能培训', '就业帮扶', '困难帮扶', '心理疏导', '留守儿童', '家庭教育', '婚姻家庭纠纷调解', '居家养老服务', '临时救助', '医疗救助', '巾帼家政', '妇女维权', '家风家教']
const SUBJECTS = ['社区妇联', '妇女微家', '街道办事处', '县妇联', '人社部门', '民政部门', '司法所', '卫生院', '村委会', '志愿者团队']
const ACTIONS = ['负责受理申请', '定期开展走访', '提供免费咨询', '组织专题讲座', '协助办理手续', '对接相关部门', '建立工作台账', '安排专人跟进', '公布办理流程', '开展政策宣传']
const DETAILS = ['申请人需携带身份证和户口本', '办理时限一般为七个工作日', '符合条件的可以享受财政补贴', '具体标准以当地公布为准', '情况紧急的可以先行处理', '结果会通过电话告知本人', '材料不全的会一次性告知需要补充的内容', '可以委托家属代为办理', '相关费用由财政承担', '每年集中组织两次']

function sentence(r: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!
  return `${pick(SUBJECTS)}围绕${pick(TOPICS)}${pick(ACTIONS)}，${pick(DETAILS)}。`
}

export async function generateCorpus(dir: string): Promise<{ bytes: number; files: number }> {
  const r = rng(42)
  const num = '一二三四五六七八九十'
  let bytes = 0
  for (let f = 0; f < FILES; f++) {
    const topic = TOPICS[f % TOPICS.length]!
    const lines = [`# ${topic}工作指引（第${f + 1}号）`, '']
    for (let s = 0; s < SECTIONS; s++) {
      const head = s < 10 ? `${num[s]}、` : `${s + 1}.`
      lines.push(`## ${head}${topic}${['申请条件', '办理流程', '所需材料', '补贴标准', '咨询方式'][s % 5]}`, '')
      // ~8 sentences ≈ 250–300 characters: one passage per section.
      lines.push(Array.from({ length: 8 }, () => sentence(r)).join(''), '')
    }
    const text = lines.join('\n')
    bytes += Buffer.byteLength(text)
    await writeFile(join(dir, `指引-${String(f).padStart(4, '0')}.md`), text)
  }
  return { bytes, files: FILES }
}

function queries(n: number): string[] {
  const r = rng(7)
  const colloquial = ['孩子放学没人管怎么办', '被公司辞退了找谁', '家里老人瘫在床上', '想学门手艺', '老公打我怎么办', '请不起律师', '想开个小店能贷款吗', '免费查宫颈癌在哪报名']
  return Array.from({ length: n }, (_, i) => (i % 3 === 0 ? colloquial[i % colloquial.length]! : `${TOPICS[Math.floor(r() * TOPICS.length)]}${['怎么申请', '要带什么材料', '多久能办好', '有补贴吗'][i % 4]}`))
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const round = (x: number, d = 2) => Number(x.toFixed(d))

/** Child-process part: load the index, run the queries, report latency and RSS (a clean process, no ingest garbage). */
async function queryPhase(indexDir: string): Promise<Record<string, number>> {
  const t0 = performance.now()
  const index = await KnowledgeIndex.load(indexDir, (g) => new OfflineEmbedder(g), hnswBackend)
  const loadMs = performance.now() - t0
  const qs = queries(QUERIES)
  for (const q of qs.slice(0, 20)) await retrieve(index, q) // warm-up (JIT, jieba idf table)
  const times: number[] = []
  for (const q of qs) {
    const t = performance.now()
    await retrieve(index, q)
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  global.gc?.()
  return { loadMs: round(loadMs, 0), p50Ms: round(pct(times, 50)), p95Ms: round(pct(times, 95)), maxMs: round(times.at(-1)!), rssMb: round(process.memoryUsage().rss / 2 ** 20, 0) }
}

export async function benchQa(): Promise<Record<string, unknown>> {
  const root = await mkdtemp(join(tmpdir(), 'wj-bench-qa-'))
  const kb = join(root, 'kb')
  const indexDir = join(root, 'index')
  await mkdir(kb)
  const log = silentLogger()
  try {
    const corpus = await generateCorpus(kb)
    const t0 = performance.now()
    const summary = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir, makeEmbedder: (g) => new OfflineEmbedder(g), log, batchSize: 256 })
    const ingestSec = (performance.now() - t0) / 1000
    const t1 = performance.now()
    const again = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir, makeEmbedder: (g) => new OfflineEmbedder(g), log })
    const reingestSec = (performance.now() - t1) / 1000

    const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), '--query-phase', indexDir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
    if (child.status !== 0) throw new Error(`query phase failed: ${child.stderr}`)
    const retrieval = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, number>

    const result: Record<string, unknown> = {
      corpus: { files: corpus.files, mb: round(corpus.bytes / 1e6), chunks: summary.chunks },
      ingest: { seconds: round(ingestSec), mbPerSec: round(corpus.bytes / 1e6 / ingestSec), chunksPerSec: round(summary.chunks / ingestSec, 0) },
      reingestUnchanged: { seconds: round(reingestSec), embedded: again.embedded },
      retrieval: { queries: QUERIES, ...retrieval },
      targets: { ingestMbPerSec: 1, retrievalP95Ms: FILES * SECTIONS > 50_000 ? 50 : 20, rssMb: FILES * SECTIONS > 50_000 ? undefined : 400 },
    }
    if (chunksArg > 0) return result
    const evalFile = fileURLToPath(new URL('../knowledge/eval/qa.jsonl', import.meta.url))
    if (existsSync(evalFile)) {
      const evalIndex = join(root, 'eval-index')
      await ingest({ vectors: hnswBackend, kbDir: fileURLToPath(new URL('../knowledge/', import.meta.url)), indexDir: evalIndex, makeEmbedder: (g) => new OfflineEmbedder(g), log })
      const engine = new QaEngine(await KnowledgeIndex.load(evalIndex, (g) => new OfflineEmbedder(g), hnswBackend), { log })
      const { misses: _m, wrongDecisions, ...figures } = await evaluate(engine, readEvalFile(await readFile(evalFile, 'utf8')))
      result.eval = { ...figures, wrongDecisions }
    }
    // The real documents' development set: pipeline beside the plain BM25 baseline, tune and held-out halves.
    const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url))
    const items = ['questions-a.jsonl', 'questions-b.jsonl'].flatMap((f) => readEvalFile(readFileSync(join(fixtures, 'qa-real', f), 'utf8')))
    const split = readSplit(readFileSync(join(fixtures, 'qa-real', 'split.json'), 'utf8'))
    const real = await evalRun({ vectors: hnswBackend, kbDir: join(fixtures, 'real-corpus'), items, split, makeEmbedder: (g) => new OfflineEmbedder(g), log })
    const brief = (h: { pipeline: Record<string, unknown>; baseline: Record<string, unknown> }) => {
      const { misses: _m, wrongDecisions: _w, rule: _t, byKind, ...pipeline } = h.pipeline
      return { pipeline, baseline: h.baseline, byKind }
    }
    if ('heldout' in real) {
      const r = real as Extract<typeof real, { heldout: unknown }>
      result.realDocuments = { tune: brief(r.tune), heldout: brief(r.heldout) }
    }
    return result
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--query-phase')
  if (i > 0) process.stdout.write(`${JSON.stringify(await queryPhase(process.argv[i + 1]!))}\n`)
  else process.stdout.write(`${JSON.stringify(await benchQa(), null, 1)}\n`)
}
