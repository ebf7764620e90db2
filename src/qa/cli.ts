// CLI commands of the knowledge Q&A: `weijia ingest`, `weijia ask`, `weijia eval`.
// Machine-readable output (JSON) goes to stdout; logs go to stderr.
import { readFile, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import type { Embedder, Llm } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import { FEATURE_NAMES, type FeatureName } from './decision-model.ts'
import { embedderFor } from './embedder-offline.ts'
import { QaEngine } from './engine.ts'
import { readEvalFile, readSplit } from './evaluate.ts'
import { evalRun } from './eval-run.ts'
import { KnowledgeIndex } from './index-store.ts'
import { ingest } from './ingest.ts'
import type { VectorBackend } from './vectors.ts'
import { secondLookFileText } from './second-look-train.ts'

/** Handed over by src/cli/main.ts (the edge that builds clients from the environment). */
export interface QaCliDeps {
  log: Logger
  vectors: VectorBackend
  llm?: Llm
  /** A remote embedder when EMBEDDING_MODEL is set; otherwise the offline one is used. */
  remoteEmbedder?: Embedder
}

const DEFAULT_KB = 'knowledge'
const DEFAULT_INDEX = 'data/index'

const USAGE = {
  ingest: 'usage: weijia ingest [--kb DIR] [--index DIR]\n  Reads .md .txt .html .docx .pdf under DIR (default knowledge/) into the index (default data/index).',
  ask: 'usage: weijia ask [--index DIR] [--json] [--max-chars N] "问题"\n       weijia ask [--index DIR] --json --stdin   (one question per line → one JSON object per line)',
  eval:
    'usage: weijia eval --qa FILE.jsonl [--qa FILE2.jsonl …] [--split SPLIT.json] [--kb DIR] [--index DIR] [--train-decision MODEL.json [--decision-features a,b,…] [--max-covered-declined 0.05] [--max-covered-hedged 0.15] [--focus-gate on]] [--train-ranker MODEL.json] [--train-second-look MODEL.json]\n' +
    '  Lines {"q": "...", "must": ["..."], "id"?, "kind"?}; empty must = the documents do not cover it.\n' +
    '  Prints the pipeline beside a plain BM25-over-paragraphs baseline on the same documents (--kb, default knowledge/);\n' +
    '  with --split {"tune": [ids], "heldout": [ids]} both halves separately. Without --index a temporary index of --kb is built.\n' +
    '  --train-decision: fits the covered / not-covered model on the tune half only, writes it to MODEL.json\n' +
    '  (src/qa/decision-model.json is the shipped one) and prints its cross-validation figures;\n' +
    '  --decision-features: the signals it reads (names in src/qa/decision-model.ts FEATURES);\n' +
    '  --max-covered-declined / --max-covered-hedged: the shares of covered questions it may decline / hedge out-of-fold;\n' +
    '  --focus-gate on: keeps the focus gate on (a focus nowhere beside the topic is at most hedged) rather than choosing it.\n' +
    '  --train-ranker: fits the learned ranker on the tune half only (variants chosen by cross-validation grouped by\n' +
    '  question), writes it to MODEL.json (src/qa/ranker-model.json is the shipped one) and prints its figures;\n' +
    '  --train-second-look: fits the second look at the decision on the tune half only (measured leaving out one\n' +
    '  batch at a time), writes it to MODEL.json (src/qa/second-look-model.json is the shipped one) and prints its figures.',
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>

/** parseArgs with --help added; bad arguments come back as { error } so each command prints its usage. */
function parse(argv: string[], options: Options, allowPositionals: boolean): { values: Record<string, string | boolean | undefined>; positionals: string[] } | { error: string } {
  try {
    const r = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true })
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals }
  } catch (err) {
    return { error: (err as Error).message }
  }
}

export async function ingestCommand(argv: string[], deps: QaCliDeps): Promise<number> {
  const args = parse(argv, { kb: { type: 'string' }, index: { type: 'string' } }, false)
  if ('error' in args || args.values.help) {
    process.stderr.write(`${'error' in args ? `${args.error}\n` : ''}${USAGE.ingest}\n`)
    return 'error' in args ? 2 : 0
  }
  const log = deps.log
  try {
    const summary = await ingest({
      vectors: deps.vectors,
      kbDir: (args.values.kb as string | undefined) ?? DEFAULT_KB,
      indexDir: (args.values.index as string | undefined) ?? DEFAULT_INDEX,
      makeEmbedder: (glossary) => embedderFor(glossary, deps.remoteEmbedder),
      log,
    })
    process.stdout.write(`${JSON.stringify(summary)}\n`)
    // The other files are indexed, but a file that could not be read is not searchable: say which, and fail.
    for (const f of summary.failures) process.stderr.write(`not indexed: ${f.path}: ${f.reason}\n`)
    return summary.failed > 0 ? 1 : 0
  } catch (err) {
    log.error({ err }, 'ingest failed')
    return 1
  }
}

export async function loadEngine(indexDir: string, deps: QaCliDeps, opts: { maxChars?: number; llm?: boolean } = {}): Promise<QaEngine> {
  const index = await KnowledgeIndex.load(indexDir, (glossary) => embedderFor(glossary, deps.remoteEmbedder), deps.vectors)
  return new QaEngine(index, { llm: opts.llm === false ? undefined : deps.llm, maxChars: opts.maxChars, log: deps.log })
}

export async function askCommand(argv: string[], deps: QaCliDeps): Promise<number> {
  const args = parse(argv, { index: { type: 'string' }, json: { type: 'boolean' }, stdin: { type: 'boolean' }, 'max-chars': { type: 'string' } }, true)
  if ('error' in args || args.values.help) {
    process.stderr.write(`${'error' in args ? `${args.error}\n` : ''}${USAGE.ask}\n`)
    return 'error' in args ? 2 : 0
  }
  const question = args.positionals.join(' ').trim()
  const fromStdin = Boolean(args.values.stdin)
  const maxChars = args.values['max-chars'] ? Number(args.values['max-chars']) : undefined
  if ((!fromStdin && !question) || (fromStdin && question) || (maxChars !== undefined && !(maxChars >= 40))) {
    process.stderr.write(`${USAGE.ask}\n`)
    return 2
  }
  const log = deps.log
  let engine: QaEngine
  try {
    engine = await loadEngine((args.values.index as string | undefined) ?? DEFAULT_INDEX, deps, { maxChars })
  } catch (err) {
    log.error({ err }, (err as Error).message)
    return 1
  }
  const json = Boolean(args.values.json)
  const print = (r: Awaited<ReturnType<QaEngine['ask']>>) => process.stdout.write(json ? `${JSON.stringify(r)}\n` : `${r.answer}\n`)
  if (!fromStdin) {
    print(await engine.ask(question))
    return 0
  }
  // Sequential on purpose: output lines must follow input order.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue
    print(await engine.ask(line))
  }
  return 0
}

function decisionFeatureList(text: string): FeatureName[] {
  const names = text.split(',').map((n) => n.trim()).filter(Boolean)
  const unknown = names.filter((n) => !FEATURE_NAMES.includes(n as FeatureName))
  if (unknown.length || !names.length) throw new Error(`--decision-features: unknown ${unknown.join(',')}; known: ${FEATURE_NAMES.join(',')}`)
  return names as FeatureName[]
}

function share(v: unknown): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!(n >= 0 && n <= 1)) throw new Error(`expected a share between 0 and 1, got ${String(v)}`)
  return n
}

function focusGates(v: unknown): boolean[] | undefined {
  if (v === undefined) return undefined
  if (v === 'on') return [true]
  throw new Error(`--focus-gate: expected "on", got ${String(v)}`)
}

export async function evalCommand(argv: string[], deps: QaCliDeps): Promise<number> {
  const args = parse(
    argv,
    { qa: { type: 'string', multiple: true }, index: { type: 'string' }, kb: { type: 'string' }, split: { type: 'string' }, 'train-decision': { type: 'string' }, 'decision-features': { type: 'string' }, 'max-covered-declined': { type: 'string' }, 'max-covered-hedged': { type: 'string' }, 'focus-gate': { type: 'string' }, 'train-ranker': { type: 'string' }, 'train-second-look': { type: 'string' } },
    false,
  )
  const qaFiles = ('error' in args ? [] : (args.values.qa as unknown as string[] | undefined)) ?? []
  if ('error' in args || args.values.help || !qaFiles.length) {
    process.stderr.write(`${'error' in args ? `${args.error}\n` : ''}${USAGE.eval}\n`)
    return 'error' in args || !args.values.help ? 2 : 0
  }
  const log = deps.log
  try {
    const items = (await Promise.all(qaFiles.map(async (f) => readEvalFile(await readFile(f, 'utf8'))))).flat()
    const kbDir = (args.values.kb as string | undefined) ?? DEFAULT_KB
    // --kb alone means "evaluate these documents": build a temporary index rather than trusting data/index.
    const indexDir = (args.values.index as string | undefined) ?? (args.values.kb ? undefined : DEFAULT_INDEX)
    const report = await evalRun({
      kbDir,
      indexDir,
      items,
      split: args.values.split ? readSplit(await readFile(args.values.split as string, 'utf8')) : undefined,
      makeEmbedder: (glossary) => embedderFor(glossary, deps.remoteEmbedder),
      vectors: deps.vectors,
      llm: deps.llm,
      log,
      trainDecision: Boolean(args.values['train-decision']),
      trainRanker: Boolean(args.values['train-ranker']),
      trainSecondLook: Boolean(args.values['train-second-look']),
      decisionFeatures: args.values['decision-features'] ? decisionFeatureList(args.values['decision-features'] as string) : undefined,
      decisionBudgets: { maxCoveredDeclined: share(args.values['max-covered-declined']), maxCoveredHedged: share(args.values['max-covered-hedged']), focusGates: focusGates(args.values['focus-gate']) },
    })
    if ('decisionModel' in report && report.decisionModel) {
      await writeFile(args.values['train-decision'] as string, `${JSON.stringify(report.decisionModel, null, 1)}\n`)
      process.stdout.write(`${JSON.stringify(report.decisionModel.trained, null, 1)}\n`)
      return 0
    }
    if ('rankerModel' in report && report.rankerModel) {
      await writeFile(args.values['train-ranker'] as string, `${JSON.stringify(report.rankerModel, null, 1)}\n`)
      process.stdout.write(`${JSON.stringify(report.rankerModel.trained, null, 1)}\n`)
      return 0
    }
    if ('secondLookModel' in report && report.secondLookModel) {
      await writeFile(args.values['train-second-look'] as string, secondLookFileText(report.secondLookModel))
      process.stdout.write(`${JSON.stringify(report.secondLookModel.trained, null, 1)}\n`)
      return 0
    }
    process.stdout.write(`${JSON.stringify(report, null, 1)}\n`)
    return 0
  } catch (err) {
    log.error({ err }, (err as Error).message)
    return 1
  }
}
