// How a message is read for help: rules first (synchronous, so emergencies never wait for a model), refined
// by the LLM when one is configured and the message is addressed to the bot. Each is worked out once per
// message and kept on the context.
import { type Context, contextKey } from '../core/capability.ts'
import type { Llm } from '../core/llm.ts'
import { limitLlm } from '../core/llm-deadline.ts'
import { type Classification, classifyRules } from './classify.ts'
import { type LlmClassification, mergeClassifications } from './classify-llm.ts'
import { CATEGORIES } from './categories.ts'
import { mergeHelpReading, readHelpWithLlm } from '../nlu/help-llm.ts'
import type { Understanding } from '../nlu/types.ts'

const LABEL: Record<string, (typeof CATEGORIES)[number]> = {
  legal: '法律维权', dv: '家庭暴力', family: '婚姻家庭纠纷', psych: '心理支持', jobs: '就业创业', hardship: '困难帮扶', health: '健康（两癌筛查等）', child: '儿童与家庭教育',
}

/** The merged reading (rules + model) in the referral vocabulary. */
function asClassification(u: Understanding): LlmClassification {
  const help = u.intent === 'help.emergency' || u.intent === 'help.request' || u.intent === 'help.third_party'
  return {
    kind: help ? 'help' : u.intent === 'qa.question' ? 'question' : 'other',
    category: LABEL[u.slots.category ?? ''] ?? '其他',
    urgency: u.intent === 'help.emergency' || u.slots.danger ? '紧急' : '一般',
    medical: u.slots.danger === 'medical',
    selfHarm: u.slots.danger === 'suicide',
  }
}

const RULES = contextKey<Classification>('referrals.rules')
const REFINED = contextKey<Promise<Classification>>('referrals.refined')

/** Rules only: pure and cheap, safe in a route predicate. */
export const rulesOf = (ctx: Context): Classification => ctx.memo(RULES, () => classifyRules(ctx.msg.text))

export class Classifier {
  constructor(private readonly llm: Llm | undefined) {}

  /** Private chat: any real sentence; a group mention: only when the rules see a topic or someone's own story. */
  worthAsking(ctx: Context): boolean {
    const rules = rulesOf(ctx)
    return ctx.msg.conversation.kind === 'private'
      ? ctx.msg.text.trim().length >= 4 || rules.kind !== 'none'
      : ctx.msg.mentioned && (rules.kind !== 'none' || rules.signals.includes('personal'))
  }

  /**
   * Rules, refined by the LLM when one is configured and the message is worth asking about. The call draws on
   * the message's reply budget; `signal` cancels it (the caller's deadline).
   */
  refined(ctx: Context, understood?: Understanding, signal?: AbortSignal): Promise<Classification> {
    return ctx.memo(REFINED, async () => {
      const rules = rulesOf(ctx)
      let result = rules
      if (this.llm && rules.urgency !== '紧急' && this.worthAsking(ctx)) {
        try {
          const where = ctx.msg.conversation.kind === 'room' ? 'group' : 'private'
          const reading = await readHelpWithLlm(limitLlm(this.llm, { budget: ctx.replyBudget }), ctx.msg.text, { where, signal })
          result = mergeClassifications(rules, asClassification(mergeHelpReading(understood ?? { intent: 'chatter', slots: {} }, reading)))
        } catch (err) {
          ctx.log.warn({ err }, 'llm classification failed: rules decide')
        }
      }
      ctx.log.debug({ kind: result.kind, category: result.category, urgency: result.urgency, signals: result.signals }, 'classified')
      return result
    })
  }
}
