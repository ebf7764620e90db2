// Turning retrieved passages into a WeChat reply: with an LLM (grounded in the passages only) or
// extractively (the best sentences of the best passages). Either way the reply is plain text, short,
// Simplified Chinese, and ends with its source line.
import type { ChatMessage, Llm } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import { extractAnswer } from './extract.ts'
import { inScript, toSimplified, type Script } from './normalize.ts'
import type { CoverageSpec } from './rerank.ts'
import { fillPrompt, loadPrompt } from '../core/prompts.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'
import { qaTexts } from './texts.ts'

/** What the model outputs when the passages don't answer the question (named in the system prompt). */
export const DECLINE_TOKEN = '【资料未涉及】'

export interface Composed {
  answer: string
  grounded: boolean
  mode: 'llm' | 'extractive' | 'declined'
  /** Answered with a caveat: the passage may not be exactly what was asked (decide.ts). */
  hedged?: boolean
}

export function sourceLine(p: Passage, script: Script = 'simplified'): string {
  const heading = p.chunk.heading[p.chunk.heading.length - 1]
  return inScript(qaTexts.sourceLine(toSimplified(p.chunk.title), heading ? toSimplified(heading) : undefined), script)
}

/** Markdown a model may emit anyway → plain WeChat text. */
export function toPlainText(text: string): string {
  return text
    .replace(/```[a-z]*\n?|```/gi, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '')
    .replace(/^\s*\|(.+)\|\s*$/gm, (_m, row: string) => row.split('|').map((c) => c.trim()).filter(Boolean).join('，'))
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![*\w])\*(?!\s)([^*\n]+?)\*(?!\*)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*[-*•]\s+/gm, '· ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** Cuts at the last sentence end that fits; a hard cut gets an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const window = text.slice(0, max)
  const cut = Math.max(...['。', '！', '？', '；', '\n'].map((p) => window.lastIndexOf(p)))
  if (cut >= max / 2) return window.slice(0, cut + 1).trim()
  return `${window.slice(0, max - 1).trim()}…`
}

function withSource(body: string, p: Passage, maxChars: number, script: Script): string {
  const src = sourceLine(p, script)
  return `${truncate(inScript(body, script), Math.max(20, maxChars - src.length - 1))}\n${src}`
}

/**
 * Extractive answer (no LLM): the answering sentence(s), see extract.ts. Written in the script the
 * question was asked in: a Traditional question gets a Traditional answer.
 */
export function extractiveAnswer(query: PreparedQuery, spec: CoverageSpec, passages: Passage[], best: number, maxChars: number): { body: string; from: Passage } {
  const ex = extractAnswer(query, spec, passages, best, maxChars, (p) => Math.max(20, maxChars - sourceLine(p).length - 1))
  return { body: toPlainText(ex.body), from: ex.from }
}

function formatPassages(passages: Passage[]): string {
  // Angle brackets inside documents are neutralised so a passage cannot close its own delimiter.
  const esc = (s: string) => s.replace(/</g, '＜').replace(/>/g, '＞').replace(/"/g, '＂')
  return passages
    .map((p, i) => `<passage id="${i + 1}" title="${esc(p.chunk.title)}" section="${esc(p.chunk.heading.join(' > '))}">\n${esc(p.chunk.text)}\n</passage>`)
    .join('\n')
}

export interface LlmAnswerOptions {
  llm: Llm
  maxChars: number
}

/** Asks the model; returns undefined when it declines (the passages don't cover the question). Throws on transport errors. */
export async function llmAnswer(question: string, passages: Passage[], opts: LlmAnswerOptions): Promise<{ body: string; from: Passage } | undefined> {
  const shown = passages.slice(0, 5)
  const messages: ChatMessage[] = [
    { role: 'system', content: fillPrompt(loadPrompt('qa-system'), { maxChars: String(opts.maxChars), declineToken: DECLINE_TOKEN }) },
    {
      role: 'user',
      content: fillPrompt(loadPrompt('qa-user'), {
        passages: formatPassages(shown),
        question: question.replace(/</g, '＜').replace(/>/g, '＞'),
      }),
    },
  ]
  const raw = await opts.llm.complete(messages, { maxTokens: Math.ceil(opts.maxChars * 1.5) + 50, temperature: 0.2 })
  if (raw.includes(DECLINE_TOKEN) || raw.includes('资料未涉及')) return undefined
  const cite = /依据\s*[:：]\s*(\d+)/.exec(raw)
  const idx = cite ? Number(cite[1]) - 1 : 0
  const from = shown[idx] ?? shown[0]!
  const body = toPlainText(
    raw
      .replace(/\n?\s*依据\s*[:：][^\n]*/g, '')
      // The model was told not to add a source; if it does, ours replaces it.
      .replace(/\n?\s*(来源|出处)\s*[:：][^\n]*$/g, ''),
  )
  if (!body) return undefined
  return { body, from }
}

export interface ComposeOptions {
  llm?: Llm
  maxChars: number
  log: Logger
  spec: CoverageSpec
  /** The script of the reply: the one the question was asked in. */
  script?: Script
}

export async function composeAnswer(
  question: string,
  query: PreparedQuery,
  passages: Passage[],
  decision: { grounded: boolean; best: number; outcome?: 'answer' | 'hedge' | 'decline' },
  opts: ComposeOptions,
): Promise<Composed> {
  const script = opts.script ?? 'simplified'
  const declined = { answer: inScript(qaTexts.notCovered, script), grounded: false, mode: 'declined' } as const
  if (!decision.grounded || !passages.length) return declined
  const composed = await composeGrounded(question, query, passages, decision.best, opts, script, declined)
  if (decision.outcome !== 'hedge' || !composed.grounded) return composed
  // Unsure: the passage, said plainly to be the closest the documents come, and a way to a person.
  return { ...composed, hedged: true, answer: `${inScript(qaTexts.hedgeBefore, script)}\n${composed.answer}\n${inScript(qaTexts.hedgeAfter, script)}` }
}

async function composeGrounded(
  question: string,
  query: PreparedQuery,
  passages: Passage[],
  best: number,
  opts: ComposeOptions,
  script: Script,
  declined: Composed,
): Promise<Composed> {
  if (opts.llm) {
    try {
      const ordered = [passages[best]!, ...passages.filter((_, i) => i !== best)]
      const res = await llmAnswer(question, ordered, { llm: opts.llm, maxChars: opts.maxChars })
      if (!res) return declined
      return { answer: withSource(res.body, res.from, opts.maxChars, script), grounded: true, mode: 'llm' }
    } catch (err) {
      opts.log.warn({ err }, 'LLM answer failed; falling back to the extractive answer')
    }
  }
  const ex = extractiveAnswer(query, opts.spec, passages, best, opts.maxChars)
  return { answer: withSource(ex.body, ex.from, opts.maxChars, script), grounded: true, mode: 'extractive' }
}
