// The Llm port over any OpenAI-compatible chat endpoint (OpenAI, DeepSeek, Qwen/DashScope, GLM, vLLM…).
// Structured output uses function calling with a forced tool choice: response_format json_schema is
// rejected by several of those providers.
import OpenAI from 'openai'
import { z, type ZodType } from 'zod'
import type { ChatMessage, Llm } from '../../core/llm.ts'

export interface OpenAiLlmOptions {
  baseURL?: string
  apiKey: string
  model: string
  /** Per-request timeout; the chat path must not hang a reply for long. */
  timeoutMs?: number
  maxRetries?: number
}

export class LlmOutputError extends Error {
  override name = 'LlmOutputError'
}

export class OpenAiLlm implements Llm {
  readonly model: string
  private readonly client: OpenAI

  constructor(opts: OpenAiLlmOptions) {
    this.model = opts.model
    this.client = new OpenAI({ baseURL: opts.baseURL, apiKey: opts.apiKey, timeout: opts.timeoutMs ?? 30_000, maxRetries: opts.maxRetries ?? 1 })
  }

  async complete(messages: ChatMessage[], opts: { maxTokens?: number; temperature?: number } = {}): Promise<string> {
    const res = await this.client.chat.completions.create({
      model: this.model,
      messages,
      // max_tokens (not max_completion_tokens): the field every compatible provider understands.
      ...(opts.maxTokens ? { max_tokens: opts.maxTokens } : {}),
      ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
    })
    const text = res.choices[0]?.message?.content
    if (typeof text !== 'string') throw new LlmOutputError('the model returned no text')
    return text
  }

  async extract<T>(messages: ChatMessage[], schema: ZodType<T>, opts: { name: string; description?: string }): Promise<T> {
    const parameters = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>
    delete parameters.$schema
    const res = await this.client.chat.completions.create({
      model: this.model,
      messages,
      tools: [{ type: 'function', function: { name: opts.name, description: opts.description, parameters } }],
      tool_choice: { type: 'function', function: { name: opts.name } },
      temperature: 0,
    })
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
