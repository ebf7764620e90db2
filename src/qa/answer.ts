// Turning retrieved passages into a WeChat reply: with an LLM (grounded in the passages only) or
// extractively (the best sentences of the best passages). Either way the reply is plain text, short,
// Simplified Chinese, and ends with its source line.
import type { ChatMessage, Llm } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import { normalizeForIndex, toSimplified } from './normalize.ts'
import { fillPrompt, loadPrompt } from '../core/prompts.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'
import { qaTexts } from './texts.ts'

/** What the model outputs when the passages don't answer the question (named in the system prompt). */
export const DECLINE_TOKEN = '【资料未涉及】'

export interface Composed {
  answer: string
  grounded: boolean
  mode: 'llm' | 'extractive' | 'declined'
}

export function sourceLine(p: Passage): string {
  const heading = p.chunk.heading[p.chunk.heading.length - 1]
  return qaTexts.sourceLine(toSimplified(p.chunk.title), heading ? toSimplified(heading) : undefined)
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

function withSource(body: string, p: Passage, maxChars: number): string {
  const src = sourceLine(p)
  return `${truncate(body, Math.max(20, maxChars - src.length - 1))}\n${src}`
}

const SENTENCE = /[^。！？；\n]+[。！？；]?/g

/**
 * Extractive answer: sentences scored by the query's (weighted, expanded) terms; the answer is the
 * window of consecutive sentences of one passage that fits the budget and scores highest — a run of
 * text reads better than scattered lines. A passage that fits entirely is quoted whole.
 * Text from documents is only ever quoted, never interpreted, so instructions inside it have no effect.
 */
export function extractiveAnswer(query: PreparedQuery, passages: Passage[], best: number, maxChars: number): { body: string; from: Passage } {
  const order = [passages[best]!, ...passages.filter((_, i) => i !== best)].slice(0, 3)
  let top: { score: number; p: Passage; from: number; to: number } | undefined
  order.forEach((p, rank) => {
    const budget = Math.max(20, maxChars - sourceLine(p).length - 1)
    const sentences = (p.chunk.text.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean)
    const norms = sentences.map((s) => normalizeForIndex(s))
    const context = normalizeForIndex(`${p.chunk.title} ${p.chunk.heading.join(' ')}`)
    // Earlier passages are better evidence.
    const boost = rank === 0 ? 1.3 : 1
    for (let i = 0; i < sentences.length; i++) {
      let len = 0
      let j = i
      while (j < sentences.length && (j === i || len + sentences[j]!.length + 1 <= budget)) {
        len += sentences[j]!.length + 1
        j++
      }
      // Distinct query terms found in the window (or its heading): a window that covers more of the question wins.
      const text = `${context} ${norms.slice(i, j).join('')}`
      let sum = 0
      for (const t of query.keyword) if (text.includes(t.term)) sum += t.weight * Math.min(t.term.length, 4)
      // A window that starts at the passage start (often the direct statement) wins ties.
      const score = sum * boost + (i === 0 ? 0.01 : 0)
      if (!top || score > top.score) top = { score, p, from: i, to: j }
    }
  })
  const chosen = top ?? { p: order[0]!, from: 0, to: Infinity }
  const sentences = (chosen.p.chunk.text.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean).slice(chosen.from, chosen.to)
  // List items keep their own lines; running prose is joined.
  const body = sentences.reduce((acc, s) => (acc && /^\s*(\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|·)/.test(s) ? `${acc}\n${s}` : acc + s), '')
  return { body: toSimplified(toPlainText(body)), from: chosen.p }
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
  return { body: toSimplified(body), from }
}

export interface ComposeOptions {
  llm?: Llm
  maxChars: number
  log: Logger
}

export async function composeAnswer(
  question: string,
  query: PreparedQuery,
  passages: Passage[],
  decision: { grounded: boolean; best: number },
  opts: ComposeOptions,
): Promise<Composed> {
  if (!decision.grounded || !passages.length) return { answer: qaTexts.notCovered, grounded: false, mode: 'declined' }
  if (opts.llm) {
    try {
      const ordered = [passages[decision.best]!, ...passages.filter((_, i) => i !== decision.best)]
      const res = await llmAnswer(question, ordered, { llm: opts.llm, maxChars: opts.maxChars })
      if (!res) return { answer: qaTexts.notCovered, grounded: false, mode: 'declined' }
      return { answer: withSource(res.body, res.from, opts.maxChars), grounded: true, mode: 'llm' }
    } catch (err) {
      opts.log.warn({ err }, 'LLM answer failed; falling back to the extractive answer')
    }
  }
  const ex = extractiveAnswer(query, passages, decision.best, opts.maxChars)
  return { answer: withSource(ex.body, ex.from, opts.maxChars), grounded: true, mode: 'extractive' }
}
