// The reply deadline end to end: a resident's question in the group reaches the real bot (mock WeChat →
// pipeline → referrals' help reading → Q&A rewrite and answer → outbox) while the model never answers (the
// stub holds every socket open). She still gets the offline answer within the message's budget, and every
// request the bot made was aborted, not left hanging on the provider.
import { referralTexts } from '../src/referrals/texts.ts'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hnswBackend } from '../src/adapters/hnsw/index.ts'
import { OpenAiLlm } from '../src/adapters/openai/llm.ts'
import type { Capability } from '../src/core/capability.ts'
import type { InboundMessage, SentMessage } from '../src/core/message.ts'
import { HELP_TOOL } from '../src/nlu/help-llm.ts'
import { OfflineEmbedder } from '../src/qa/embedder-offline.ts'
import { createQa } from '../src/qa/index.ts'
import { ingest } from '../src/qa/ingest.ts'
import { writeCorpus } from '../src/qa/test-corpus.ts'
import { createReferrals } from '../src/referrals/index.ts'
import { silentLogger } from '../src/core/log.ts'
import { startOpenAiStub, type OpenAiStub } from '../src/testing/openai-stub.ts'
import { startTestBot, type TestBot } from '../src/testing/bot.ts'

let bot: TestBot | undefined
let stub: OpenAiStub | undefined
afterEach(async () => {
  await bot?.stop()
  await stub?.close()
  bot = undefined
  stub = undefined
})

/** Notes every inbound message as the pipeline sees it (an observer: it never replies). */
function inboundLog(into: InboundMessage[]): Capability {
  return {
    name: 'inbound-log',
    register(app) {
      app.use(async (ctx, next) => {
        into.push(ctx.msg)
        await next()
      })
    },
  }
}

/** The real bot with referrals and the Q&A, the model a stub that never answers, and the given limits. */
async function start(limits: { timeoutMs: number; llmBudgetMs: number }) {
  stub = await startOpenAiStub({ chat: () => new Promise<never>(() => undefined) })
  // The SDK's default retry stays on: it must not stretch a call past its timeout.
  const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'test', model: 'stub-model', timeoutMs: limits.timeoutMs })
  const kbDir = await writeCorpus()
  const indexDir = join(await mkdtemp(join(tmpdir(), 'wj-idx-')), 'index')
  const makeEmbedder = (g: ConstructorParameters<typeof OfflineEmbedder>[0]) => new OfflineEmbedder(g)
  // Indexed beforehand, so the question does not wait for the start-up ingest.
  await ingest({ vectors: hnswBackend, kbDir, indexDir, makeEmbedder, log: silentLogger() })
  const inbound: InboundMessage[] = []
  bot = await startTestBot({
    capabilities: [inboundLog(inbound), createReferrals(), createQa({ vectors: hnswBackend, makeEmbedder })],
    config: { qa: { kbDir, indexDir, maxAnswerChars: 200, followupTtlSec: 300 }, reply: { llmBudgetMs: limits.llmBudgetMs } },
    llm,
  })
  const answered = new Promise<SentMessage>((resolve) => bot!.app.onSent((s) => resolve(s)))
  return { bot, stub, inbound, answered }
}

/** What each request to the model was for. */
const purpose = (s: OpenAiStub) => s.chatRequests().map((c) => (c.tools?.[0]?.function.name === HELP_TOOL ? 'help' : c.tools ? 'answer' : 'rewrite'))


describe('reply deadline with a model that never answers', () => {
  it('a question in the group gets its offline answer within the budget, and the stub saw every request aborted', async () => {
    // The per-call timeout alone would keep her waiting 20 s: the message's budget (1.5 s) is what ends the wait.
    // The bound is the per-call timeout, far above the budget, so a busy machine cannot make this flaky.
    const limits = { timeoutMs: 20_000, llmBudgetMs: 1500 }
    const { bot, stub, inbound, answered } = await start(limits)
    bot.world.say('王芳', '@小助手 孩子放学没人管，有什么办法吗？', { mentionBot: true })
    await answered
    expect(await bot.idle()).toBe(true)

    // The offline answer from the documents first, @-mentioning her in the group.
    expect(bot.sent[0]).toMatchObject({ kind: 'room', mentions: ['王芳'] })
    expect(bot.sent[0]!.text).toContain('四点半课堂')
    expect(bot.sent[0]!.text).toMatch(/来源：《儿童课后托管服务》/)

    // Within the deadline, by the bot's own clock: the sent message's time against the inbound message's.
    const question = inbound.find((m) => m.text.includes('孩子放学'))!
    const waited = bot.sent[0]!.at - question.at
    expect(waited).toBeLessThan(limits.timeoutMs)

    // The rewrite (if a busy machine got it out within the budget at all) was cut at the end of the budget; the
    // answer call was never made (nothing was left).
    expect(['rewrite'].slice(0, purpose(stub).length)).toEqual(purpose(stub))
    // Every request was cancelled: the stub saw each client socket close before any answer.
    await stub.untilAborted(stub.chatRequests().length)
    expect(stub.pending()).toBe(0)
  })

  it('in private, calls in sequence (help reading, then the Q&A rewrite) share one budget; the answer comes offline in time', async () => {
    // Two calls of 3 s would overrun the 4 s budget: the second gets only what the first left.
    const limits = { timeoutMs: 3000, llmBudgetMs: 4000 }
    const { bot, stub, inbound, answered } = await start(limits)
    bot.world.sayPrivate('王芳', '法律援助怎么申请？')
    await answered
    expect(await bot.idle()).toBe(true)

    // The help reading outlasted 2.5 s, so she heard an acknowledgement first; then the answer.
    expect(bot.sent.map((m) => m.text)).toEqual([referralTexts.working, expect.stringContaining('法律援助中心')])
    expect(bot.sent.every((m) => m.kind === 'private' && m.to === '王芳')).toBe(true)
    const question = inbound.find((m) => m.text.includes('法律援助'))!
    // Each of the three calls (help, rewrite, answer) with its own timeout would have taken 9 s.
    expect(bot.sent[1]!.at - question.at).toBeLessThan(3 * limits.timeoutMs)

    // The help reading ran out its own timeout, the rewrite (when a busy machine got it out in the second left)
    // what was left; no answer call fit in the budget.
    expect(purpose(stub)[0]).toBe('help')
    expect(['help', 'rewrite'].slice(0, purpose(stub).length)).toEqual(purpose(stub))
    await stub.untilAborted(stub.chatRequests().length)
    expect(stub.pending()).toBe(0)
  })
})
