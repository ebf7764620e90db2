// The model's reading in the referral vocabulary (src/nlu/help-llm.ts asks the model), merged with the
// rules, which stay the safety net — an emergency found by either is an emergency.
import { z } from 'zod'
import { CATEGORIES, URGENCIES } from './categories.ts'
import type { Classification } from './classify.ts'

export const llmClassificationSchema = z.object({
  kind: z.enum(['help', 'question', 'other']).describe('help: 本人遇到困难想要帮助; question: 只是打听知识; other: 无关'),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES),
  medical: z.boolean().describe('需要医疗急救'),
  selfHarm: z.boolean().describe('有自伤或自杀念头'),
})
export type LlmClassification = z.infer<typeof llmClassificationSchema>


/** Rules and model together: urgency is the worse of the two; otherwise the model reads the intent. */
export function mergeClassifications(rules: Classification, llm: LlmClassification): Classification {
  const emergency = rules.urgency === '紧急' || llm.urgency === '紧急'
  const signals = [...rules.signals, `llm:${llm.kind}:${llm.urgency}`]
  if (emergency) {
    const category = rules.urgency === '紧急' ? rules.category : llm.category
    return { kind: 'help', category, urgency: '紧急', medical: rules.medical || llm.medical, selfHarm: rules.selfHarm || llm.selfHarm, clear: true, signals }
  }
  const kind = llm.kind === 'help' ? 'help' : llm.kind === 'question' ? (rules.kind === 'none' ? 'none' : 'topic') : rules.kind === 'help' ? 'help' : 'none'
  // A request the rules saw but the model calls chat: keep it (a needless consent question is cheap).
  const category = llm.kind === 'help' ? llm.category : rules.category
  return { kind, category, urgency: '一般', medical: false, selfHarm: false, clear: rules.clear || kind === 'help', signals }
}
