// Dense vector index: LangChain's HNSWLib (hnswlib-node underneath), persisted in a directory.
// The graph is built by graph-builder.ts in a worker thread; this loads and queries it.
// Rows are addressed by number: each stored document's metadata holds the row of the chunk it stands
// for; the chunk texts themselves live in the knowledge index (index-store.ts), not duplicated here.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib'
import { Embeddings } from '@langchain/core/embeddings'
import type { Embedder } from '../../core/llm.ts'
import type { VectorHit, VectorIndex } from '../../qa/vectors.ts'

/** Bridges the Embedder port to LangChain's Embeddings class. */
export class PortEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({})
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedder.embed(texts)
  }
  override async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.embedder.embed([text])
    return v!
  }
}


const SEARCH_EF = 64

export class HnswVectorStore implements VectorIndex {
  private constructor(private readonly store: HNSWLib | undefined) {}

  static async load(dir: string, embedder: Embedder): Promise<HnswVectorStore> {
    const store = await HNSWLib.load(dir, new PortEmbeddings(embedder))
    store.index.setEf(SEARCH_EF)
    return new HnswVectorStore(store)
  }

  static empty(): HnswVectorStore {
    return new HnswVectorStore(undefined)
  }

  get size(): number {
    return this.store ? this.store.index.getCurrentCount() : 0
  }

  async search(vector: number[], k: number): Promise<VectorHit[]> {
    if (!this.store || !this.size) return []
    this.store.index.setEf(Math.max(SEARCH_EF, k))
    const hits = await this.store.similaritySearchVectorWithScore(vector, Math.min(k, this.size))
    return hits.map(([doc, distance]) => ({ row: Number(doc.metadata.row), distance }))
  }
}
