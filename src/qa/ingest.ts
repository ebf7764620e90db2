// Ingestion: knowledge folder → cleaned, chunked, embedded, indexed. Incremental: a file whose bytes
// hash the same as last time is not re-parsed, and no passage whose text is unchanged is re-embedded
// (vectors are cached by content hash in the index), so editing one document costs one document.
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import type { Embedder } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import { TermCounter } from './bm25.ts'
import { chunkText } from './chunk.ts'
import { Glossary } from './glossary.ts'
import type { GraphBuilder, VectorBackend } from './vectors.ts'
import { graphExists, PIPELINE_VERSION, readPrevious, writeIndex, type ChunkRecord, type FileEntry, type Manifest } from './index-store.ts'
import { parseFile, SUPPORTED_EXTENSIONS } from './parse.ts'
import { normalizeForIndex } from './normalize.ts'
import { addWords, gramsOfNormalized, tokensOfNormalized } from './tokenize.ts'

/** The operator's glossary file at the top of the knowledge folder: read as glossary, never indexed. */
export const GLOSSARY_FILE = 'glossary.txt'
/** Evaluation questions live beside the documents but must never become answers. */
const SKIP_DIRS = new Set(['eval'])

export interface IngestOptions {
  kbDir: string
  indexDir: string
  /** Chooses the embedder once the glossary is known (the offline embedder uses it). */
  makeEmbedder: (glossary: Glossary) => Embedder
  /** Where the dense graph is built (the HNSW adapter in production). */
  vectors: VectorBackend
  log: Logger
  /** Texts per embedding request. */
  batchSize?: number
  /** Called as work advances (the console's progress bar). */
  onProgress?: (p: { phase: 'parse' | 'embed' | 'write'; done: number; total: number }) => void
}

export interface IngestSummary {
  added: number
  updated: number
  unchanged: number
  removed: number
  failed: number
  failures: { path: string; reason: string }[]
  files: number
  chunks: number
  /** Passages embedded in this run (0 when nothing changed). */
  embedded: number
  embedder: string
  bytes: number
  ms: number
}

export async function listKnowledgeFiles(kbDir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue
      const full = join(dir, e.name)
      if (e.isDirectory()) {
        if (depth === 0 && SKIP_DIRS.has(e.name)) continue
        await walk(full, depth + 1)
      } else if (e.isFile()) {
        if (depth === 0 && e.name === GLOSSARY_FILE) continue
        // A README at the top describes the folder (where the files came from); it is not knowledge.
        if (depth === 0 && /^readme\.(md|txt)$/i.test(e.name)) continue
        if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase())) out.push(full)
      }
    }
  }
  await walk(kbDir, 0)
  return out
}

/** Text that is embedded and keyword-indexed: title and headings make a passage findable by topic. */
export function indexText(c: Pick<ChunkRecord, 'title' | 'heading' | 'text'>): string {
  return `${c.title}\n${c.heading.join(' ')}\n${c.text}`
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  const started = Date.now()
  const { kbDir, indexDir, log } = opts
  const glossaryPath = join(kbDir, GLOSSARY_FILE)
  const { glossary, problems } = await Glossary.load(glossaryPath)
  for (const p of problems) log.warn({ file: glossaryPath, line: p.line }, `glossary line skipped: ${p.reason}`)
  const glossaryText = await readFile(glossaryPath, 'utf8').catch(() => '')
  addWords(glossary.words())
  const embedder = opts.makeEmbedder(glossary)
  const pipeline = `${PIPELINE_VERSION}:${glossary.fingerprint}`

  const prev = await readPrevious(indexDir)
  const samePipeline = prev?.manifest.pipeline === pipeline
  const prevByDoc = new Map<string, ChunkRecord[]>()
  // Term counts per passage hash, in the counter's numbering (see TermCounter).
  const counter = new TermCounter()
  const prevTerms = new Map<string, Uint32Array>()
  const termsOf = (c: ChunkRecord) => {
    const normalized = normalizeForIndex(indexText(c))
    // What the keyword index holds for a passage (tokenize.ts keywordTerms): search-mode words and bigrams.
    return counter.count(tokensOfNormalized(normalized), gramsOfNormalized(normalized))
  }
  const cachedVectors = new Map<string, Float32Array>()
  if (prev) {
    const prevDoc = samePipeline ? counter.adopt(prev.keyword) : undefined
    prev.chunks.forEach((c, i) => {
      const list = prevByDoc.get(c.doc) ?? []
      list.push(c)
      prevByDoc.set(c.doc, list)
      if (prevDoc) prevTerms.set(c.hash, prevDoc(i))
      if (prev.manifest.embedderId === embedder.id) {
        cachedVectors.set(c.hash, prev.vectors.subarray(i * prev.manifest.dims, (i + 1) * prev.manifest.dims))
      }
    })
  }

  const summary: IngestSummary = {
    added: 0, updated: 0, unchanged: 0, removed: 0, failed: 0, failures: [],
    files: 0, chunks: 0, embedded: 0, embedder: embedder.id, bytes: 0, ms: 0,
  }
  const fileEntries: Record<string, FileEntry> = {}
  const chunks: ChunkRecord[] = []
  const paths = await listKnowledgeFiles(kbDir)
  for (const [i, path] of paths.entries()) {
    opts.onProgress?.({ phase: 'parse', done: i, total: paths.length })
    const doc = relative(kbDir, path).split(sep).join('/')
    const bytes = await readFile(path)
    const hash = sha(bytes)
    const before = prev?.manifest.files[doc]
    if (before && before.hash === hash && samePipeline && prevByDoc.has(doc)) {
      summary.unchanged++
      fileEntries[doc] = before
      chunks.push(...prevByDoc.get(doc)!)
      continue
    }
    try {
      const parsed = await parseFile(path, bytes)
      const pieces = chunkText(parsed.text, parsed.indexTitle)
      // The readable title is shown in citations; the one indexed stays what retrieval was tuned and checked on.
      const label = parsed.title !== parsed.indexTitle ? { label: parsed.title } : {}
      const records = pieces.map((p, n): ChunkRecord => {
        const rec: ChunkRecord = { id: `${doc}#${n}`, doc, title: parsed.indexTitle, ...label, heading: p.heading, text: p.text, start: p.start, end: p.end, hash: '' }
        rec.hash = sha(`${embedder.id}\n${indexText(rec)}`).slice(0, 32)
        // Shown only: added after the hash, so vectors and the index are as before.
        if (p.shownHeading) rec.shownHeading = p.shownHeading
        if (parsed.name) rec.name = parsed.name
        return rec
      })
      chunks.push(...records)
      fileEntries[doc] = { hash, title: parsed.title || parsed.name || '', chunks: records.length }
      summary.bytes += Buffer.byteLength(parsed.text)
      if (!before) summary.added++
      else if (before.hash !== hash) summary.updated++
      else summary.unchanged++
    } catch (err) {
      summary.failed++
      const reason = (err as Error).message
      summary.failures.push({ path, reason })
      log.warn({ path, reason }, 'file skipped: could not be parsed')
    }
  }
  if (prev) for (const doc of Object.keys(prev.manifest.files)) if (!(doc in fileEntries) && !summary.failures.some((f) => f.path === join(kbDir, doc))) summary.removed++

  log.debug({ ms: Date.now() - started }, 'ingest: files parsed')
  // Unchanged rows (same passages in the same order) keep the existing graph; otherwise a worker thread
  // builds a new one from vectors streamed in as they become available, so on two cores the graph grows
  // while this thread embeds.
  const sameRows =
    prev !== undefined &&
    prev.manifest.embedderId === embedder.id &&
    prev.chunks.length === chunks.length &&
    prev.chunks.every((c, i) => c.hash === chunks[i]!.hash) &&
    graphExists(indexDir)
  const rowsOf = new Map<string, number[]>()
  chunks.forEach((c, row) => rowsOf.set(c.hash, [...(rowsOf.get(c.hash) ?? []), row]))
  let graph: GraphBuilder | undefined
  const feed = (hashes: string[]) => {
    if (sameRows || !hashes.length) return
    const dims = cachedVectors.get(hashes[0]!)!.length
    graph ??= opts.vectors.builder({ dims, size: chunks.length })
    const rows = hashes.flatMap((h) => rowsOf.get(h) ?? [])
    const buf = new Float32Array(rows.length * dims)
    rows.forEach((row, k) => buf.set(cachedVectors.get(chunks[row]!.hash)!, k * dims))
    graph.add(rows, buf)
  }
  try {
    // Embed only passages whose vectors are not cached; batches keep remote requests within provider limits.
    const missing = chunks.filter((c) => !cachedVectors.has(c.hash))
    const unique = [...new Map(missing.map((c) => [c.hash, c])).values()]
    feed([...rowsOf.keys()].filter((h) => cachedVectors.has(h)))
    const batch = opts.batchSize ?? 64
    for (let i = 0; i < unique.length; i += batch) {
      const part = unique.slice(i, i + batch)
      const texts = part.map(indexText)
      const vecs = embedder.embedFloat32 ? await embedder.embedFloat32(texts) : (await embedder.embed(texts)).map((v) => Float32Array.from(v))
      if (vecs.length !== part.length) throw new Error(`embedder returned ${vecs.length} vectors for ${part.length} texts`)
      part.forEach((c, k) => {
        cachedVectors.set(c.hash, vecs[k]!)
        // Tokenise for the keyword index while the embedder's tokens are still memoised.
        if (!prevTerms.has(c.hash)) prevTerms.set(c.hash, termsOf(c))
      })
      summary.embedded += part.length
      opts.onProgress?.({ phase: 'embed', done: summary.embedded, total: unique.length })
      feed(part.map((c) => c.hash))
    }
    log.debug({ ms: Date.now() - started, embedded: summary.embedded }, 'ingest: embedded')
    const dims = chunks.length ? cachedVectors.get(chunks[0]!.hash)!.length : (prev?.manifest.dims ?? 0)
    const vectors = new Float32Array(chunks.length * dims)
    chunks.forEach((c, i) => {
      const v = cachedVectors.get(c.hash)!
      if (v.length !== dims) throw new Error(`embedder returned ${v.length}-d vector, expected ${dims}`)
      vectors.set(v, i * dims)
    })
    const keyword = counter.encode(chunks.map((c) => prevTerms.get(c.hash) ?? termsOf(c)))

    const manifest: Manifest = { version: 1, pipeline, embedderId: embedder.id, dims, builtAt: new Date().toISOString(), files: fileEntries }
    log.debug({ ms: Date.now() - started, sameRows }, 'ingest: parsed, embedded and tokenised; writing')
    opts.onProgress?.({ phase: 'write', done: 0, total: 1 })
    await writeIndex(indexDir, { manifest, chunks, keyword, vectors, glossaryText }, sameRows ? 'keep' : graph)
    graph = undefined
  } finally {
    // On any failure the worker must not linger.
    await graph?.abort()
  }
  summary.files = Object.keys(fileEntries).length
  summary.chunks = chunks.length
  summary.ms = Date.now() - started
  return summary
}
