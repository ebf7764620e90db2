// The dense-vector port of the knowledge index. The HNSW adapter (src/adapters/hnsw) implements it; the Q&A
// code only knows these shapes, so the graph library can change without touching retrieval.
import type { Embedder } from '../core/llm.ts'

export interface VectorHit {
  row: number
  /** Cosine distance: 0 = same direction, lower is better. */
  distance: number
}

/** A loaded graph, ready for queries. */
export interface VectorIndex {
  readonly size: number
  search(vector: number[], k: number): Promise<VectorHit[]>
}

/** Builds a graph from rows fed as their vectors become available. */
export interface GraphBuilder {
  /** Queues rows for insertion; `vectors` holds them back to back (rows.length × dims). */
  add(rows: number[], vectors: Float32Array): void
  /** Waits for every queued row and writes the graph into `dir` (which must exist). */
  finish(dir: string): Promise<number>
  abort(): Promise<void>
}

export interface VectorBackend {
  load(dir: string, embedder: Embedder): Promise<VectorIndex>
  empty(): VectorIndex
  builder(opts: { dims: number; size: number }): GraphBuilder
}
