// Ports for language models and embedders. Adapters in src/adapters/openai implement them;
// with no LLM configured they are simply absent and capabilities fall back to offline logic.
import type { ZodType } from 'zod'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** Every call can be cancelled: aborting the signal ends the HTTP request (see core/llm-deadline.ts). */
export interface LlmCallOptions {
  signal?: AbortSignal
}

/**
 * Implementations bound every call by their own per-call timeout (LLM_TIMEOUT_MS), retries included, and
 * reject with LlmTimeoutError (limit 'call') when it runs out.
 */
export interface Llm {
  readonly model: string
  complete(messages: ChatMessage[], opts?: { maxTokens?: number; temperature?: number } & LlmCallOptions): Promise<string>
  /**
   * Structured output validated with zod. Uses function calling (tools + forced tool_choice),
   * because many OpenAI-compatible providers reject json_schema response formats.
   */
  extract<T>(messages: ChatMessage[], schema: ZodType<T>, opts: { name: string; description?: string } & LlmCallOptions): Promise<T>
}

export interface Embedder {
  /** Identifies the embedding space, e.g. "offline:hash-v1:512" or "openai:text-embedding-3-small". */
  readonly id: string
  embed(texts: string[]): Promise<number[][]>
  /** Optional: the same vectors as Float32Array, for ingest, which stores Float32 anyway. */
  embedFloat32?(texts: string[]): Promise<Float32Array[]>
}
