// The Q&A's vector port on hnswlib (through LangChain's HNSWLib): graphs built in a worker thread.
import type { VectorBackend } from '../../qa/vectors.ts'
import { HnswGraphBuilder } from './graph-builder.ts'
import { HnswVectorStore } from './vector-store.ts'

export const hnswBackend: VectorBackend = {
  load: (dir, embedder) => HnswVectorStore.load(dir, embedder),
  empty: () => HnswVectorStore.empty(),
  builder: (opts) => new HnswGraphBuilder(opts),
}
