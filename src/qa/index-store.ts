// The knowledge index on disk. One directory, rows aligned across files:
//   manifest.json   which files went in (content hash), which embedder built it, pipeline version
//   chunks.jsonl    passages with title, heading path, offsets: one JSON object a line (row i)
//   keyword.terms   BM25 term dictionary, one term a line
//   keyword.bin     BM25 term counts per row (Uint32, see bm25.ts packBm25Docs)
// Every part loads in O(size) — line by line or as one binary view — never one giant JSON string.
//   vectors.bin     Float32 vectors (row i) — also the embedding cache for the next ingest
//   glossary.txt    the operator's glossary at ingest time, so `ask --index DIR` needs nothing else
//   hnsw/           LangChain HNSWLib files over the same rows
// manifest.json is written last: a crash mid-write leaves the previous manifest, which the next
// ingest then rebuilds from.
import type { GraphBuilder, VectorBackend, VectorIndex } from './vectors.ts'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { once } from 'node:events'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { finished } from 'node:stream/promises'
import { join } from 'node:path'
import type { Embedder } from '../core/llm.ts'
import { Bm25Index, packBm25Docs, unpackBm25Docs, type Bm25Data } from './bm25.ts'
import { Glossary, parseGlossary } from './glossary.ts'
import { normalizeForIndex } from './normalize.ts'
import { addWords } from './tokenize.ts'

/** Bump when cleaning/chunking/tokenising changes, so the next ingest re-parses every file. */
export const PIPELINE_VERSION = 11

export interface ChunkRecord {
  id: string
  /** Path relative to the knowledge folder, "/"-separated. */
  doc: string
  /** The title indexed with the passage (parse.ts indexTitle). */
  title: string
  /** The title a citation shows, when it is not `title` ("社区妇联活动工作计划8篇" for 001_c973…; '' for a file code). */
  label?: string
  /**
   * What a citation names a document without any title by (parse.ts documentName: "婦女工作計劃" for 003_9eac…). Shown
   * only: a follow-up leans on the title or the outermost section, as before.
   */
  name?: string
  heading: string[]
  /** The section path a citation shows, when it is not `heading` (a glued-in plan's own, chunk.ts). */
  shownHeading?: string[]
  text: string
  start: number
  end: number
  /** Hash of the embedded text + embedder id: the vector cache key. */
  hash: string
}

/** The title to show for a passage. */
export const shownTitle = (c: Pick<ChunkRecord, 'title' | 'label'>) => c.label ?? c.title

export interface FileEntry {
  hash: string
  title: string
  chunks: number
}

export interface Manifest {
  version: number
  pipeline: string
  embedderId: string
  dims: number
  builtAt: string
  files: Record<string, FileEntry>
}

export class IndexNotFoundError extends Error {
  override name = 'IndexNotFoundError'
  constructor(dir: string) {
    super(`No knowledge index in ${dir}: run "weijia ingest --index ${dir}" first.`)
  }
}

export class EmbedderMismatchError extends Error {
  override name = 'EmbedderMismatchError'
  constructor(
    readonly indexEmbedder: string,
    readonly queryEmbedder: string,
  ) {
    super(
      `The index was built with embedder "${indexEmbedder}" but queries would use "${queryEmbedder}": ` +
        'vectors from different embedders are not comparable. Re-run "weijia ingest" with the current settings, ' +
        'or set EMBEDDING_MODEL/LLM_* as they were when the index was built.',
    )
  }
}

const files = (dir: string) => ({
  manifest: join(dir, 'manifest.json'),
  chunks: join(dir, 'chunks.jsonl'),
  terms: join(dir, 'keyword.terms'),
  keyword: join(dir, 'keyword.bin'),
  vectors: join(dir, 'vectors.bin'),
  glossary: join(dir, 'glossary.txt'),
  hnsw: join(dir, 'hnsw'),
})

export function indexExists(dir: string): boolean {
  return existsSync(files(dir).manifest)
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(files(dir).manifest, 'utf8')) as Manifest
  } catch {
    return undefined
  }
}

export async function readStoredGlossaryText(dir: string): Promise<string> {
  return readFile(files(dir).glossary, 'utf8').catch(() => '')
}

/** What a previous ingest left, for re-use: chunks, their term counts and vectors. */
export interface PreviousIndex {
  manifest: Manifest
  chunks: ChunkRecord[]
  keyword: Bm25Data
  vectors: Float32Array
}

export async function readPrevious(dir: string): Promise<PreviousIndex | undefined> {
  const manifest = await readManifest(dir)
  if (!manifest) return undefined
  try {
    const f = files(dir)
    const chunks = await readChunks(f.chunks)
    const keyword = await readKeyword(f.terms, f.keyword)
    const buf = await readFile(f.vectors)
    const vectors = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4)
    if (keyword.docs.length !== chunks.length || vectors.length !== chunks.length * manifest.dims) return undefined
    return { manifest, chunks, keyword, vectors }
  } catch {
    return undefined
  }
}

/** Writes one record a line through a stream: no single string the size of the whole file. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`
  const out = createWriteStream(tmp)
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain')
  out.end()
  await finished(out)
  await rename(tmp, path)
}

async function* readLines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  for await (const line of rl) if (line) yield line
}

export async function readChunks(path: string): Promise<ChunkRecord[]> {
  const out: ChunkRecord[] = []
  for await (const line of readLines(path)) out.push(JSON.parse(line) as ChunkRecord)
  return out
}

async function readKeyword(termsPath: string, binPath: string): Promise<Bm25Data> {
  const terms: string[] = []
  for await (const line of readLines(termsPath)) terms.push(line)
  const buf = await readFile(binPath)
  // Copy into an aligned buffer only when the file's buffer isn't 4-byte aligned.
  const bytes = buf.byteOffset % 4 ? new Uint8Array(buf) : buf
  return { terms, docs: unpackBm25Docs(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)) }
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`
  await writeFile(tmp, data)
  await rename(tmp, path)
}

export interface IndexContents {
  manifest: Manifest
  chunks: ChunkRecord[]
  keyword: Bm25Data
  vectors: Float32Array
  glossaryText: string
}

/**
 * Writes the index. `sameRows`: the rows (passages and vectors) are identical to what is on disk, so the
 * HNSW graph — the slow part — is kept as it is.
 */
export const graphExists = (dir: string) => existsSync(join(files(dir).hnsw, 'hnswlib.index'))

/**
 * Writes every part of the index. The dense graph comes from a builder that has been fed every row
 * (see ingest.ts), or is kept as it is ('keep': same passages in the same order); none means no passages.
 */
export async function writeIndex(dir: string, contents: IndexContents, graph: GraphBuilder | 'keep' | undefined): Promise<void> {
  const f = files(dir)
  await mkdir(dir, { recursive: true })
  if (graph !== 'keep') {
    const hnswTmp = `${f.hnsw}.tmp-${process.pid}`
    await rm(hnswTmp, { recursive: true, force: true })
    await mkdir(hnswTmp, { recursive: true })
    if (graph) await graph.finish(hnswTmp)
    await rm(f.hnsw, { recursive: true, force: true })
    await rename(hnswTmp, f.hnsw)
  }
  await writeLines(f.chunks, contents.chunks.map((c) => JSON.stringify(c)))
  await writeLines(f.terms, contents.keyword.terms)
  const packed = packBm25Docs(contents.keyword.docs)
  await writeAtomic(f.keyword, new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength))
  await writeAtomic(f.vectors, new Uint8Array(contents.vectors.buffer, contents.vectors.byteOffset, contents.vectors.byteLength))
  await writeAtomic(f.glossary, contents.glossaryText)
  await writeAtomic(f.manifest, JSON.stringify(contents.manifest, null, 1))
}

/** A loaded index, ready for queries. */
export class KnowledgeIndex {
  private readonly normalized: (string | undefined)[] = []

  /** Title, headings and text of a passage in matching form; cached, since every query checks a few. */
  normalizedText(row: number): string {
    let t = this.normalized[row]
    if (t === undefined) {
      const c = this.chunks[row]!
      this.normalized[row] = t = normalizeForIndex(`${c.title} ${c.heading.join(' ')} ${c.text}`)
    }
    return t
  }

  private readonly headings: (string | undefined)[] = []

  /**
   * Title and heading path of a passage in matching form, as the reranker and the decision read it: the shown path
   * where a glued-in plan starts again (chunk.ts planOpening), so 003's 市妇联 plan is not read under the other
   * plan's "3、座谈会时间：3月6日上午9:00" (a date and a time for every question about its loans). The keyword index
   * keeps the parsed path: that heading line is itself the 座谈会 answer.
   */
  normalizedHeading(row: number): string {
    let t = this.headings[row]
    if (t === undefined) {
      const c = this.chunks[row]!
      this.headings[row] = t = normalizeForIndex(`${c.title} ${(c.shownHeading ?? c.heading).join(' ')}`)
    }
    return t
  }

  private constructor(
    readonly manifest: Manifest,
    readonly chunks: ChunkRecord[],
    readonly keyword: Bm25Index,
    readonly vectors: VectorIndex,
    readonly glossary: Glossary,
    readonly embedder: Embedder,
  ) {}

  /** Glossary the index was built with (built-in + the operator's copy stored in the index). */
  static async glossaryOf(dir: string): Promise<Glossary> {
    const extra = parseGlossary(await readStoredGlossaryText(dir)).entries
    return new Glossary([...Glossary.builtin().entries, ...extra])
  }

  /**
   * Loads the index for querying with `embedder` (chosen by the caller, typically from the glossary:
   * `makeEmbedder(await KnowledgeIndex.glossaryOf(dir))`). Refuses an embedder other than the one that built it.
   */
  static async load(dir: string, makeEmbedder: (glossary: Glossary) => Embedder, backend: VectorBackend): Promise<KnowledgeIndex> {
    const manifest = await readManifest(dir)
    if (!manifest) throw new IndexNotFoundError(dir)
    const glossary = await KnowledgeIndex.glossaryOf(dir)
    const embedder = makeEmbedder(glossary)
    if (embedder.id !== manifest.embedderId) throw new EmbedderMismatchError(manifest.embedderId, embedder.id)
    addWords(glossary.words())
    const f = files(dir)
    const chunks = await readChunks(f.chunks)
    const keyword = new Bm25Index(await readKeyword(f.terms, f.keyword))
    const vectors = chunks.length ? await backend.load(f.hnsw, embedder) : backend.empty()
    return new KnowledgeIndex(manifest, chunks, keyword, vectors, glossary, embedder)
  }
}
