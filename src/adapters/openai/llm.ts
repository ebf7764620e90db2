// The Llm port over any OpenAI-compatible chat endpoint (OpenAI, DeepSeek, Qwen/DashScope, GLM, vLLM…).
// Structured output uses function calling with a forced tool choice: response_format json_schema is
// rejected by several of those providers.
import OpenAI from 'openai'
import { z, type ZodType } from 'zod'
import type { ChatMessage, Llm, LlmCallOptions } from '../../core/llm.ts'
import { DEFAULT_LLM_TIMEOUT_MS, withDeadline } from '../../core/llm-deadline.ts'

export interface OpenAiLlmOptions {
  baseURL?: string
  apiKey: string
  model: string
  /**
   * Per call, retries included (LLM_TIMEOUT_MS): the call is aborted then and rejects with LlmTimeoutError.
   * The SDK's own `timeout` is per attempt and a timed-out attempt is retried (after a backoff, or as long as
   * a Retry-After header asks), so alone it would let maxRetries multiply the wait; our signal ends the
   * attempt in flight, and the SDK checks it before starting another.
   */
  timeoutMs?: number
  /** SDK retries (429, 5xx, connection errors): only ever within timeoutMs. */
  maxRetries?: number
}

export class LlmOutputError extends Error {
  override name = 'LlmOutputError'
}

export class OpenAiLlm implements Llm {
  readonly model: string
  readonly timeoutMs: number
  private readonly client: OpenAI

  constructor(opts: OpenAiLlmOptions) {
    this.model = opts.model
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS
    this.client = new OpenAI({ baseURL: opts.baseURL, apiKey: opts.apiKey, timeout: this.timeoutMs, maxRetries: opts.maxRetries ?? 1 })
  }

  /** One chat completion within timeoutMs; the caller's signal cancels it too. */
  private create(body: OpenAI.ChatCompletionCreateParamsNonStreaming, opts: LlmCallOptions): Promise<OpenAI.ChatCompletion> {
    return withDeadline(this.timeoutMs, (signal) => this.client.chat.completions.create(body, { signal }), {
      what: `llm ${this.model}`,
      limit: 'call',
      signal: opts.signal,
    })
  }

  async complete(messages: ChatMessage[], opts: { maxTokens?: number; temperature?: number } & LlmCallOptions = {}): Promise<string> {
    const res = await this.create(
      {
        model: this.model,
        messages,
        // max_tokens (not max_completion_tokens): the field every compatible provider understands.
        ...(opts.maxTokens ? { max_tokens: opts.maxTokens } : {}),
        ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
      },
      opts,
    )
    const text = res.choices[0]?.message?.content
    if (typeof text !== 'string') throw new LlmOutputError('the model returned no text')
    return text
  }

  async extract<T>(messages: ChatMessage[], schema: ZodType<T>, opts: { name: string; description?: string } & LlmCallOptions): Promise<T> {
    const parameters = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>
    delete parameters.$schema
    const res = await this.create(
      {
        model: this.model,
        messages,
        tools: [{ type: 'function', function: { name: opts.name, description: opts.description, parameters } }],
        tool_choice: { type: 'function', function: { name: opts.name } },
        temperature: 0,
      },
      opts,
    )
    const call = res.choices[0]?.message?.tool_calls?.find((c) => c.type === 'function' && c.function.name === opts.name)
    if (!call || call.type !== 'function') throw new LlmOutputError(`the model did not call ${opts.name}`)
    let args: unknown
    try {
      args = JSON.parse(call.function.arguments)
    } catch {
      throw new LlmOutputError(`arguments of ${opts.name} are not valid JSON`)
    }
    const parsed = schema.safeParse(args)
    if (!parsed.success) throw new LlmOutputError(`arguments of ${opts.name} do not match the schema: ${parsed.error.message}`)
    return parsed.data
  }
}
