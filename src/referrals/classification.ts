// How a message is read for help: rules first (synchronous, so emergencies never wait for a model), refined
// by the LLM when one is configured and the message is addressed to the bot. Each is worked out once per
// message and kept on the context.
import { type Context, contextKey } from '../core/capability.ts'
import type { Llm } from '../core/llm.ts'
import { type Classification, classifyRules } from './classify.ts'
import { classifyWithLlm, mergeClassifications } from './classify-llm.ts'

const RULES = contextKey<Classification>('referrals.rules')
const REFINED = contextKey<Promise<Classification>>('referrals.refined')

/** Rules only: pure and cheap, safe in a route predicate. */
export const rulesOf = (ctx: Context): Classification => ctx.memo(RULES, () => classifyRules(ctx.msg.text))

export class Classifier {
  constructor(
    private readonly llm: Llm | undefined,
    private readonly timeoutMs: number,
  ) {}

  /** Private chat: any real sentence; a group mention: only when the rules see a topic or someone's own story. */
  worthAsking(ctx: Context): boolean {
    const rules = rulesOf(ctx)
    return ctx.msg.conversation.kind === 'private'
      ? ctx.msg.text.trim().length >= 4 || rules.kind !== 'none'
      : ctx.msg.mentioned && (rules.kind !== 'none' || rules.signals.includes('personal'))
  }

  /** Rules, refined by the LLM when one is configured and the message is worth asking about. */
  refined(ctx: Context): Promise<Classification> {
    return ctx.memo(REFINED, async () => {
      const rules = rulesOf(ctx)
      let result = rules
      if (this.llm && rules.urgency !== '紧急' && this.worthAsking(ctx)) {
        try {
          result = mergeClassifications(rules, await classifyWithLlm(this.llm, ctx.msg.text, this.timeoutMs))
        } catch (err) {
          ctx.log.warn({ err }, 'llm classification failed: rules decide')
        }
      }
      ctx.log.debug({ kind: result.kind, category: result.category, urgency: result.urgency, signals: result.signals }, 'classified')
      return result
    })
  }
}
