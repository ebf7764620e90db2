// The LLM client and remote embedder from the validated environment (config.ts). No key → no LLM (the bot
// answers extractively) and the offline embedder. Any OpenAI-compatible provider works through LLM_BASE_URL.
import type { Env } from '../../config.ts'
import type { Embedder, Llm } from '../../core/llm.ts'
import { OpenAiEmbedder } from './embedder.ts'
import { OpenAiLlm } from './llm.ts'

type LlmEnv = Pick<Env, 'LLM_BASE_URL' | 'LLM_API_KEY' | 'LLM_MODEL' | 'LLM_TIMEOUT_MS' | 'EMBEDDING_MODEL'>

export function llmFromEnv(e: LlmEnv): Llm | undefined {
  if (!e.LLM_API_KEY) return undefined
  return new OpenAiLlm({ baseURL: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL, timeoutMs: e.LLM_TIMEOUT_MS })
}

/** Remote embeddings when EMBEDDING_MODEL and a key are set; otherwise undefined (callers use the offline embedder). */
export function remoteEmbedderFromEnv(e: LlmEnv): Embedder | undefined {
  if (e.LLM_API_KEY && e.EMBEDDING_MODEL) return new OpenAiEmbedder({ baseURL: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.EMBEDDING_MODEL })
  return undefined
}
