// The help side read by an LLM, for what the rules find ambiguous (a private message the rules call chatter or
// a question, a story with no keyword). Function calling with a forced tool choice (Llm.extract), the arguments
// validated with zod, numbers masked before anything leaves. Safety stays rule-first: a reading from the model
// can raise urgency (an emergency the rules missed) and never lower it (mergeHelpReading).
import { z } from 'zod'
import type { Llm } from '../core/llm.ts'
import { maskPersonalData } from '../core/mask.ts'
import { loadPrompt } from '../core/prompts.ts'
import type { Understanding } from './types.ts'

export const HELP_TOOL = 'read_help_message'

export const helpReadingSchema = z.object({
  intent: z.enum(['help.emergency', 'help.request', 'help.third_party', 'qa.question', 'chatter']),
  category: z.enum(['legal', 'dv', 'family', 'psych', 'jobs', 'hardship', 'health', 'child', 'other']),
  danger: z.enum(['none', 'violence', 'suicide', 'medical']),
})
export type HelpReading = z.infer<typeof helpReadingSchema>

/**
 * One model call; its time limits are the caller's: the adapter's per-call timeout and, on the message path,
 * the reply budget (wrap the Llm with limitLlm). `signal` cancels it, e.g. at the reply deadline.
 */
export function readHelpWithLlm(llm: Llm, text: string, opts: { where: 'group' | 'private'; signal?: AbortSignal }): Promise<HelpReading> {
  const message = maskPersonalData(text).replace(/<\/?(?:message|where)>/g, '')
  return llm.extract(
    [
      { role: 'system', content: loadPrompt('help-parse') },
      { role: 'user', content: `<where>${opts.where === 'group' ? '群聊' : '私聊'}</where>\n<message>${message}</message>` },
    ],
    helpReadingSchema,
    { name: HELP_TOOL, description: '一条居民消息的意思：意图、类别、危险', signal: opts.signal },
  )
}

const HELP = new Set(['help.emergency', 'help.request', 'help.third_party'])

/**
 * Rules and model together. The rules' emergency always stands; the model's danger makes an emergency; for the
 * rest the model reads the intent only where the rules were unsure (chatter or a plain question).
 */
export function mergeHelpReading(rules: Understanding, llm: HelpReading): Understanding {
  const danger = rules.slots.danger ?? (llm.danger !== 'none' ? llm.danger : undefined)
  // The model reads the whole message with more sense than either offline reader: its category wins when it names one.
  const category = (llm.category !== 'other' ? llm.category : undefined) ?? rules.slots.category
  const slots = { ...rules.slots, ...(category ? { category } : {}), ...(danger ? { danger } : {}) }
  if (rules.intent === 'help.emergency' || llm.intent === 'help.emergency' || (danger && rules.intent !== 'help.third_party' && llm.intent !== 'help.third_party')) {
    return { ...rules, intent: 'help.emergency', slots }
  }
  if (rules.intent === 'chatter' || rules.intent === 'qa.question') return { ...rules, intent: llm.intent, slots: HELP.has(llm.intent) ? slots : rules.slots }
  return { ...rules, slots }
}
