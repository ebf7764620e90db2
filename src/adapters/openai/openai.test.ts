// The OpenAI adapters against a local OpenAI-compatible server, through the real SDK and a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startOpenAiStub, type OpenAiStub } from '../../testing/openai-stub.ts'
import { OpenAiEmbedder } from './embedder.ts'
import { loadEnv } from '../../config.ts'
import { llmFromEnv, remoteEmbedderFromEnv } from './env.ts'
import { LlmOutputError, OpenAiLlm } from './llm.ts'

let stub: OpenAiStub
beforeAll(async () => {
  stub = await startOpenAiStub()
})
afterAll(() => stub.close())

describe('OpenAiLlm', () => {
  it('complete: sends the messages and returns the text', async () => {
    stub.onChat((body) => `收到${body.messages.length}条`)
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'qwen-plus' })
    expect(await llm.complete([{ role: 'system', content: '规则' }, { role: 'user', content: '你好' }], { maxTokens: 50, temperature: 0.1 })).toBe('收到2条')
    const req = stub.requests.at(-1)!
    expect(req.headers.authorization).toBe('Bearer k')
    expect(req.body).toMatchObject({ model: 'qwen-plus', max_tokens: 50, temperature: 0.1 })
  })

  it('extract: forces a tool call with the zod schema as JSON schema, never response_format', async () => {
    const schema = z.object({ name: z.string(), count: z.number().int() })
    stub.onChat(() => ({ toolCalls: [{ name: 'signup', arguments: JSON.stringify({ name: '王芳', count: 2 }) }] }))
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'deepseek-chat' })
    expect(await llm.extract([{ role: 'user', content: '王芳报名2人' }], schema, { name: 'signup', description: '报名' })).toEqual({ name: '王芳', count: 2 })
    const body = stub.chatRequests().at(-1)!
    expect(body.response_format).toBeUndefined()
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'signup' } })
    expect(body.tools![0]!.function).toMatchObject({ name: 'signup', parameters: { type: 'object', required: ['name', 'count'] } })
  })

  it('extract: rejects arguments that fail the schema', async () => {
    stub.onChat(() => ({ toolCalls: [{ name: 'signup', arguments: '{"name":"王芳","count":"两个"}' }] }))
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'm' })
    await expect(llm.extract([{ role: 'user', content: 'x' }], z.object({ name: z.string(), count: z.number() }), { name: 'signup' })).rejects.toBeInstanceOf(LlmOutputError)
  })

  it('surfaces HTTP errors (callers fall back)', async () => {
    stub.onChat(() => ({ status: 503 }))
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'm', maxRetries: 0 })
    await expect(llm.complete([{ role: 'user', content: 'x' }])).rejects.toThrow()
  })
})

describe('OpenAiEmbedder and env', () => {
  it('embeds through /embeddings in order, as floats', async () => {
    stub.onEmbed((input) => input.map((t) => [t.length, 1]))
    const e = new OpenAiEmbedder({ baseURL: stub.baseURL, apiKey: 'k', model: 'bge-m3' })
    expect(e.id).toBe(`openai:${new URL(stub.baseURL).host}:bge-m3`)
    expect(await e.embed(['一', '一二三'])).toEqual([[1, 1], [3, 1]])
    expect(stub.requests.at(-1)!.body).toMatchObject({ model: 'bge-m3', encoding_format: 'float', input: ['一', '一二三'] })
  })

  it('reads settings from the environment; no key means offline', () => {
    expect(llmFromEnv(loadEnv({}))).toBeUndefined()
    expect(remoteEmbedderFromEnv(loadEnv({}))).toBeUndefined()
    expect(remoteEmbedderFromEnv(loadEnv({ LLM_API_KEY: 'k' }))).toBeUndefined()
    expect(llmFromEnv(loadEnv({ LLM_API_KEY: 'k', LLM_BASE_URL: stub.baseURL, LLM_MODEL: 'glm-4' }))?.model).toBe('glm-4')
    expect(remoteEmbedderFromEnv(loadEnv({ LLM_API_KEY: 'k', LLM_BASE_URL: stub.baseURL, EMBEDDING_MODEL: 'bge-m3' }))?.id).toMatch(/^openai:.*:bge-m3$/)
    expect(() => loadEnv({ LLM_API_KEY: 'k', LLM_BASE_URL: 'not a url' })).toThrow(/LLM_BASE_URL/)
  })
})
