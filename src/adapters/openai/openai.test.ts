// The OpenAI adapters against a local OpenAI-compatible server, through the real SDK and a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startOpenAiStub, type OpenAiStub } from '../../testing/openai-stub.ts'
import { OpenAiEmbedder } from './embedder.ts'
import { loadEnv } from '../../config.ts'
import { llmFromEnv, remoteEmbedderFromEnv } from './env.ts'
import { LlmOutputError, OpenAiLlm } from './llm.ts'
import { LlmTimeoutError, limitLlm, ReplyBudget, withDeadline } from '../../core/llm-deadline.ts'

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

describe('cancellation: a call that runs out of time closes its request', () => {
  const never = () => new Promise<never>(() => undefined)

  it('the per-call timeout aborts the HTTP request, retries included (the stub sees the socket closed)', async () => {
    stub.onChat(never)
    const before = { aborted: stub.aborted(), requests: stub.chatRequests().length }
    // maxRetries 2: the SDK retries a timed-out attempt, but never past the call's own timeout.
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'm', timeoutMs: 300, maxRetries: 2 })
    const err = await llm.complete([{ role: 'user', content: 'x' }]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LlmTimeoutError)
    expect((err as LlmTimeoutError).limit).toBe('call')
    await stub.untilAborted(before.aborted + 1)
    expect(stub.chatRequests().length - before.requests).toBe(1)
    expect(stub.pending()).toBe(0)
  })

  it("the caller's signal aborts the request at once, with the caller's reason", async () => {
    let arrived!: () => void
    const received = new Promise<void>((r) => (arrived = r))
    stub.onChat(() => {
      arrived()
      return never()
    })
    const before = stub.aborted()
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'm', timeoutMs: 60_000 })
    const ctl = new AbortController()
    const call = llm.extract([{ role: 'user', content: 'x' }], z.object({ a: z.string() }), { name: 'f', signal: ctl.signal })
    await received
    const reason = new LlmTimeoutError('deadline', 'reply')
    ctl.abort(reason)
    await expect(call).rejects.toBe(reason)
    await stub.untilAborted(before + 1)
    expect(stub.pending()).toBe(0)
  })

  it('a spent reply budget makes no request at all; a budget shorter than the call timeout cuts it short', async () => {
    stub.onChat(never)
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'm', timeoutMs: 60_000 })
    let t = 1000
    const spent = new ReplyBudget(1050, () => t)
    const requests = stub.chatRequests().length
    const err = await limitLlm(llm, { budget: spent }).complete([{ role: 'user', content: 'x' }]).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'LlmTimeoutError', limit: 'reply' })
    expect(stub.chatRequests()).toHaveLength(requests)

    const before = stub.aborted()
    t = Date.now()
    const short = new ReplyBudget(t + 300, Date.now)
    let timedOut = 0
    const err2 = await limitLlm(llm, { budget: short, onTimeout: () => timedOut++ }).complete([{ role: 'user', content: 'x' }]).catch((e: unknown) => e)
    expect(err2).toMatchObject({ name: 'LlmTimeoutError', limit: 'reply' })
    await stub.untilAborted(before + 1)
    // Cut short by the budget, not slow by the model's own limit: no pause for the model.
    expect(timedOut).toBe(0)
  })

  it('withDeadline settles on time even when the work ignores its signal', async () => {
    const err = await withDeadline(20, () => never(), { what: 'w', limit: 'call' }).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'LlmTimeoutError', limit: 'call' })
  })

  it('the budget counts from the message when it is live, from now for an old or future-stamped one', () => {
    const now = () => 10_000
    expect(ReplyBudget.forMessage(9000, 8000, now).remaining()).toBe(7000)
    expect(ReplyBudget.forMessage(1000, 8000, now).remaining()).toBe(8000)
    expect(ReplyBudget.forMessage(12_000, 8000, now).remaining()).toBe(8000)
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
    // One per-call timeout, from LLM_TIMEOUT_MS (a few seconds by default), validated.
    expect((llmFromEnv(loadEnv({ LLM_API_KEY: 'k' })) as OpenAiLlm).timeoutMs).toBe(4000)
    expect((llmFromEnv(loadEnv({ LLM_API_KEY: 'k', LLM_TIMEOUT_MS: '2500' })) as OpenAiLlm).timeoutMs).toBe(2500)
    expect(() => loadEnv({ LLM_TIMEOUT_MS: 'soon' })).toThrow(/LLM_TIMEOUT_MS/)
    expect(() => loadEnv({ LLM_TIMEOUT_MS: '60000' })).toThrow(/LLM_TIMEOUT_MS/)
    expect(remoteEmbedderFromEnv(loadEnv({ LLM_API_KEY: 'k', LLM_BASE_URL: stub.baseURL, EMBEDDING_MODEL: 'bge-m3' }))?.id).toMatch(/^openai:.*:bge-m3$/)
    expect(() => loadEnv({ LLM_API_KEY: 'k', LLM_BASE_URL: 'not a url' })).toThrow(/LLM_BASE_URL/)
  })
})
