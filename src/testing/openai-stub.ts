// A local OpenAI-compatible server for tests: the real SDK talks to it over a real socket, so request
// shapes, headers and parsing are exercised exactly as with a provider. Responders are pluggable and
// every request is recorded for assertions.
import { EventEmitter, once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ChatRequestBody {
  model: string
  messages: { role: string; content: string }[]
  tools?: { type: 'function'; function: { name: string; description?: string; parameters: unknown } }[]
  tool_choice?: unknown
  stream?: boolean
  max_tokens?: number
  temperature?: number
  [k: string]: unknown
}

export type ChatReply =
  | string
  | { content?: string; toolCalls?: { name: string; arguments: string }[] }
  /** An HTTP error, e.g. { status: 500 } to test fallbacks. */
  | { status: number; message?: string }

export type ChatResponder = (body: ChatRequestBody) => ChatReply | Promise<ChatReply>
export type EmbedResponder = (input: string[], model: string) => number[][] | Promise<number[][]>

export interface RecordedRequest {
  path: string
  headers: IncomingMessage['headers']
  body: unknown
}

export interface OpenAiStub {
  /** Base URL for the SDK, ending in /v1. */
  readonly baseURL: string
  readonly requests: RecordedRequest[]
  chatRequests(): ChatRequestBody[]
  /** Requests received and not yet answered: a responder that never settles holds its socket open. */
  pending(): number
  /** Requests the client gave up on: it closed the connection before the answer was sent. */
  aborted(): number
  /** Resolves once `n` requests in all have been aborted by the client (an event, never a sleep). */
  untilAborted(n: number): Promise<void>
  onChat(fn: ChatResponder): void
  onEmbed(fn: EmbedResponder): void
  close(): Promise<void>
}

/** Deterministic toy embedding: character histogram folded into `dims`, L2-normalised. */
export function toyEmbedding(text: string, dims = 16): number[] {
  const v = new Array<number>(dims).fill(0)
  for (const ch of text) v[ch.codePointAt(0)! % dims]! += 1
  const n = Math.hypot(...v) || 1
  return v.map((x) => x / n)
}

export async function startOpenAiStub(opts: { chat?: ChatResponder; embed?: EmbedResponder } = {}): Promise<OpenAiStub> {
  let chat: ChatResponder = opts.chat ?? (() => 'ok')
  let embed: EmbedResponder = opts.embed ?? ((input) => input.map((t) => toyEmbedding(t)))
  const requests: RecordedRequest[] = []
  let open = 0
  let aborted = 0
  let closing = false
  const events = new EventEmitter()

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const server = createServer(async (req, res) => {
    open++
    res.once('close', () => {
      open--
      // Closed before our answer went out: the client aborted (a timeout or a cancelled call).
      if (!res.writableFinished && !closing) {
        aborted++
        events.emit('aborted')
      }
    })
    try {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined
      const path = (req.url ?? '').split('?')[0]!
      requests.push({ path, headers: req.headers, body })
      if (req.method === 'POST' && path.endsWith('/chat/completions')) return await handleChat(body as ChatRequestBody, res)
      if (req.method === 'POST' && path.endsWith('/embeddings')) return await handleEmbed(body as { input: string | string[]; model: string; encoding_format?: string }, res)
      send(res, 404, { error: { message: `no route ${req.method} ${path}` } })
    } catch (err) {
      send(res, 500, { error: { message: (err as Error).message } })
    }
  })

  async function handleChat(body: ChatRequestBody, res: ServerResponse) {
    const reply = await chat(body)
    if (typeof reply === 'object' && 'status' in reply) {
      return send(res, reply.status, { error: { message: reply.message ?? 'stub error', type: 'stub' } })
    }
    const content = typeof reply === 'string' ? reply : (reply.content ?? null)
    const toolCalls = typeof reply === 'string' ? undefined : reply.toolCalls
    const id = `chatcmpl-stub-${requests.length}`
    const created = Math.floor(Date.now() / 1000)
    const tool_calls = toolCalls?.map((t, i) => ({ id: `call_${i}`, type: 'function', function: { name: t.name, arguments: t.arguments } }))
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      const chunk = (delta: unknown, finish: string | null) =>
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`)
      chunk({ role: 'assistant' }, null)
      for (const piece of (content ?? '').match(/[\s\S]{1,8}/g) ?? []) chunk({ content: piece }, null)
      chunk({}, tool_calls ? 'tool_calls' : 'stop')
      res.end('data: [DONE]\n\n')
      return
    }
    send(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content, ...(tool_calls ? { tool_calls } : {}) }, finish_reason: tool_calls ? 'tool_calls' : 'stop', logprobs: null }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    })
  }

  async function handleEmbed(body: { input: string | string[]; model: string; encoding_format?: string }, res: ServerResponse) {
    const input = Array.isArray(body.input) ? body.input : [body.input]
    const vectors = await embed(input, body.model)
    const data = vectors.map((v, index) => ({
      object: 'embedding',
      index,
      // The SDK asks for base64 unless told otherwise; honour both.
      embedding: body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v,
    }))
    send(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } })
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatRequestBody),
    pending: () => open,
    aborted: () => aborted,
    async untilAborted(n) {
      while (aborted < n) await once(events, 'aborted')
    },
    onChat: (fn) => void (chat = fn),
    onEmbed: (fn) => void (embed = fn),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
