// The Embedder port over an OpenAI-compatible /embeddings endpoint.
import OpenAI from 'openai'
import type { Embedder } from '../../core/llm.ts'

export interface OpenAiEmbedderOptions {
  baseURL?: string
  apiKey: string
  model: string
  timeoutMs?: number
}

export class OpenAiEmbedder implements Embedder {
  readonly id: string
  private readonly client: OpenAI

  constructor(private readonly opts: OpenAiEmbedderOptions) {
    // The id names the embedding space: the same model name from two providers may differ, so the host is part of it.
    const host = opts.baseURL ? new URL(opts.baseURL).host : 'api.openai.com'
    this.id = `openai:${host}:${opts.model}`
    this.client = new OpenAI({ baseURL: opts.baseURL, apiKey: opts.apiKey, timeout: opts.timeoutMs ?? 60_000, maxRetries: 2 })
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (!texts.length) return []
    // Floats explicitly: some compatible servers don't implement the SDK's default base64 encoding.
    const res = await this.client.embeddings.create({ model: this.opts.model, input: texts, encoding_format: 'float' })
    const out = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding as number[])
    if (out.length !== texts.length) throw new Error(`embeddings endpoint returned ${out.length} vectors for ${texts.length} texts`)
    return out
  }
}
