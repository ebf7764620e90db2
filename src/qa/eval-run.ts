// One evaluation run, shared by `weijia eval`, the benchmark and the test suite: the real pipeline and the
// plain BM25 baseline on the same documents and questions, reported per half of the split when there is one.
import type { VectorBackend } from './vectors.ts'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Embedder, Llm } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import { BaselineBm25 } from './baseline.ts'
import { QaEngine } from './engine.ts'
import { evaluate, trainOn, trainRankerOn, trainSecondLookOn, evaluateBaseline, splitItems, type EvalItem, type Split } from './evaluate.ts'
import type { FeatureName } from './decision-model.ts'
import type { Glossary } from './glossary.ts'
import { KnowledgeIndex } from './index-store.ts'
import { ingest, listKnowledgeFiles } from './ingest.ts'
import { parseFile } from './parse.ts'

export async function baselineFor(kbDir: string): Promise<BaselineBm25> {
  const docs = []
  for (const path of await listKnowledgeFiles(kbDir)) {
    try {
      const parsed = await parseFile(path)
      docs.push({ ...parsed, title: parsed.indexTitle })
    } catch {
      // Unparseable files are skipped by ingest too.
    }
  }
  return BaselineBm25.fromDocuments(docs)
}

export interface EvalRunOptions {
  kbDir: string
  /** An existing index of kbDir; without it a temporary one is built (and removed). */
  indexDir?: string
  items: EvalItem[]
  split?: Split
  makeEmbedder: (g: Glossary) => Embedder
  vectors: VectorBackend
  llm?: Llm
  log: Logger
  /** Train the decision model on the tuning half (all items without a split) and return it instead. */
  trainDecision?: boolean
  /** The signals to train on (decision-model.ts FEATURES); DEFAULT_FEATURES when absent. */
  decisionFeatures?: FeatureName[]
  /** Training budgets (decision-train.ts): shares of covered questions declined / hedged out-of-fold. */
  decisionBudgets?: { maxCoveredDeclined?: number; maxCoveredHedged?: number; focusGates?: boolean[] }
  /** Train the learned ranker (ranker-train.ts) on the tuning half and return it instead. */
  trainRanker?: boolean
  /** Train the second look (second-look-train.ts) on the tuning half and return it instead. */
  trainSecondLook?: boolean
}

export async function evalRun(opts: EvalRunOptions) {
  const temp = opts.indexDir ? undefined : await mkdtemp(join(tmpdir(), 'wj-eval-'))
  try {
    const indexDir = opts.indexDir ?? temp!
    if (temp) await ingest({ vectors: opts.vectors, kbDir: opts.kbDir, indexDir, makeEmbedder: opts.makeEmbedder, log: opts.log })
    const engine = new QaEngine(await KnowledgeIndex.load(indexDir, opts.makeEmbedder, opts.vectors), { llm: opts.llm, log: opts.log })
    // Training only ever sees the tuning half.
    if (opts.trainDecision) return { decisionModel: await trainOn(engine, opts.split ? splitItems(opts.items, opts.split).tune : opts.items, opts.decisionFeatures, opts.decisionBudgets) }
    if (opts.trainSecondLook) return { secondLookModel: await trainSecondLookOn(engine, opts.split ? splitItems(opts.items, opts.split).tune : opts.items) }
    if (opts.trainRanker) return { rankerModel: await trainRankerOn(engine, opts.split ? splitItems(opts.items, opts.split).tune : opts.items) }
    const baseline = await baselineFor(opts.kbDir)
    const one = async (items: EvalItem[]) => ({ pipeline: await evaluate(engine, items), baseline: evaluateBaseline(baseline, items) })
    if (!opts.split) return { all: await one(opts.items) }
    const halves = splitItems(opts.items, opts.split)
    // The held-out half's texts are never printed: only its figures, so nobody tunes on it by accident.
    const heldout = await one(halves.heldout)
    const redacted = { ...heldout.pipeline, misses: heldout.pipeline.misses.length, notFirst: heldout.pipeline.notFirst.length, wrongDecisions: heldout.pipeline.wrongDecisions.length }
    return { tune: await one(halves.tune), heldout: { ...heldout, pipeline: redacted } }
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true })
  }
}
