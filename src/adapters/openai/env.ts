// LLM and embedder settings from the environment. No key → no LLM (the bot answers extractively)
// and the offline embedder. Any OpenAI-compatible provider works: set LLM_BASE_URL.
//   LLM_BASE_URL     e.g. https://api.deepseek.com/v1 (default: OpenAI)
//   LLM_API_KEY      enables the LLM
//   LLM_MODEL        chat model (default gpt-4o-mini)
//   EMBEDDING_MODEL  with a key: remote embeddings from the same endpoint; otherwise offline
import { z } from 'zod'
import type { Embedder, Llm } from '../../core/llm.ts'
import { OpenAiEmbedder } from './embedder.ts'
import { OpenAiLlm } from './llm.ts'

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

const envSchema = z.object({
  LLM_BASE_URL: z.preprocess(blank, z.string().url().optional()),
  LLM_API_KEY: z.preprocess(blank, z.string().optional()),
  LLM_MODEL: z.preprocess(blank, z.string().default('gpt-4o-mini')),
  EMBEDDING_MODEL: z.preprocess(blank, z.string().optional()),
})

function readEnv(env: NodeJS.ProcessEnv) {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new Error(`Invalid LLM settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  }
  return parsed.data
}

export function llmFromEnv(env: NodeJS.ProcessEnv = process.env): Llm | undefined {
  const e = readEnv(env)
  if (!e.LLM_API_KEY) return undefined
  return new OpenAiLlm({ baseURL: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL })
}

/** Remote embeddings when EMBEDDING_MODEL and a key are set; otherwise undefined (callers use the offline embedder). */
export function remoteEmbedderFromEnv(env: NodeJS.ProcessEnv = process.env): Embedder | undefined {
  const e = readEnv(env)
  if (e.LLM_API_KEY && e.EMBEDDING_MODEL) return new OpenAiEmbedder({ baseURL: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.EMBEDDING_MODEL })
  return undefined
}
