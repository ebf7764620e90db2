// Turning retrieved passages into a WeChat reply: with an LLM (grounded in the passages only) or
// extractively (the best sentences of the best passages). Either way the reply is plain text, short,
// Simplified Chinese, and ends with its source line.
import { z } from 'zod'
import type { ChatMessage, Llm } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import { extractAnswer, hardCut } from './extract.ts'
import { cutsAt } from './sentences.ts'
import { inScript, normalizeForIndex, toSimplified, type Script } from './normalize.ts'
import type { CoverageSpec } from './rerank.ts'
import { fillPrompt, loadPrompt } from '../core/prompts.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'
import { qaTexts } from './texts.ts'
import { shownTitle } from './index-store.ts'

/** The tool the model answers through (function calling: the reply is structured, then checked with zod). */
export const ANSWER_TOOL = 'answer_from_passages'

/**
 * What the model must return for `shown` passages numbered 1…shown: whether they answer the question, the
 * answer, and the ids of the passages it rests on. An id outside 1…shown is a passage that was not retrieved.
 */
export function answerSchema(shown: number, maxChars: number) {
  return z.object({
    covered: z.boolean().describe('这几段资料是否足以回答这个问题'),
    answer: z.string().max(maxChars * 3).describe('回答正文：纯文本，不写来源或书名号；covered 为 false 时留空'),
    cite: z.array(z.number().int().min(1).max(shown)).max(shown).describe('回答所依据的资料 id，只能是上面出现过的 id'),
  })
}

/** The model's answer broke a rule we check (a citation of a passage not shown, a number no cited passage has…). */
export class LlmAnswerRejected extends Error {
  override name = 'LlmAnswerRejected'
}

export interface Composed {
  answer: string
  grounded: boolean
  mode: 'llm' | 'extractive' | 'declined'
  /** Answered with a caveat: the passage may not be exactly what was asked (decide.ts). */
  hedged?: boolean
  /** The passage the answer quotes. */
  from?: Passage
}

export function sourceLine(p: Passage, script: Script = 'simplified'): string {
  const path = p.chunk.shownHeading ?? p.chunk.heading
  // A document without a title by what it says it is (parse.ts documentName), not by a section alone.
  const title = toSimplified(shownTitle(p.chunk) || p.chunk.name || '')
  const last = path[path.length - 1]
  // Without a title a section alone names nothing: its top section comes first. Nor, with one, does a numbered item
  // ("《妇女工作计划》· 1、推荐原则及要求": of which activity?).
  const parts = path.length >= 2 && (!title || NUMBERED_ITEM.test(toSimplified(last!))) ? [path[0]!, last!] : last ? [last] : []
  const heading = parts
    .map((h) => toSimplified(h))
    .map((h) => shortHeading(h.replace(/^【[^】]*】\s*/u, '') || h))
    .join(' · ')
  return inScript(qaTexts.sourceLine(title, heading || undefined), script)
}

/** An item numbered in Arabic figures ("1、活动内容", "2.行动措施", "(2)…"), under a section that says what it is of. */
const NUMBERED_ITEM = /^\s*(?:\d{1,2}\s*[、.．]|[（(]\d{1,2}[)）])/u

/**
 * A section named enough to find it: "（三）以筹办奥运为契机，进一步提高广大妇女的文明素质…" → "（三）以筹办奥运为契机".
 * A long section name made the source line as long as the answer above it.
 */
export function shortHeading(h: string): string {
  if (h.length <= HEADING_CHARS) return h
  const comma = h.search(/[，,；;：:]/u)
  if (comma >= 4 && comma <= HEADING_CHARS) return h.slice(0, comma)
  return `${h.slice(0, HEADING_CHARS)}…`
}
const HEADING_CHARS = 22

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

/**
 * Cuts at the last sentence end that fits, else at the last clause end (with an ellipsis), never inside brackets or
 * quotes (sentences.ts): "按照“5+6+X”(“5”即“五亮”：…；" left the bracket open. A hard cut, the last resort, gets an ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const last = (cuts: number[], limit: number) => cuts.filter((p) => p <= limit).pop() ?? 0
  const sentence = last(cutsAt(text, /[。！？；\n]/u), max)
  if (sentence >= max / 2) return text.slice(0, sentence).trim()
  const clause = last(cutsAt(text, /[，,、：:]/u), max)
  if (clause >= max / 2) return `${text.slice(0, clause - 1).trim()}…`
  return hardCut(text, max)
}

/**
 * The body, cut to fit, and one source line per passage it rests on (at most two, distinct). `maxChars` bounds the
 * quote alone: a document's title is no reason to quote less of its answer.
 */
function withSource(body: string, from: Passage | Passage[], maxChars: number, script: Script): string {
  const lines = [...new Set((Array.isArray(from) ? from : [from]).map((p) => sourceLine(p, script)))].slice(0, 2)
  const src = lines.join('\n')
  return `${truncate(inScript(body, script), maxChars)}\n${src}`
}

/**
 * Extractive answer (no LLM): the answering sentence(s), see extract.ts. Written in the script the
 * question was asked in: a Traditional question gets a Traditional answer.
 */
export function extractiveAnswer(query: PreparedQuery, spec: CoverageSpec, passages: Passage[], best: number, maxChars: number, besides?: string): { body: string; from: Passage; limit: number } {
  const ex = extractAnswer(query, spec, passages, best, maxChars, besides)
  return { body: toPlainText(ex.body), from: ex.from, limit: Math.max(maxChars, ex.limit ?? 0) }
}

function formatPassages(passages: Passage[]): string {
  // Angle brackets inside documents are neutralised so a passage cannot close its own delimiter.
  const esc = (s: string) => s.replace(/</g, '＜').replace(/>/g, '＞').replace(/"/g, '＂')
  return passages
    .map((p, i) => `<passage id="${i + 1}" title="${esc(shownTitle(p.chunk))}" section="${esc(p.chunk.heading.join(' > '))}">\n${esc(p.chunk.text)}\n</passage>`)
    .join('\n')
}

export interface LlmAnswerOptions {
  llm: Llm
  maxChars: number
}

/** Numbers of two or more digits in a text (normalised: full-width digits folded). */
const numbersOf = (text: string) => normalizeForIndex(text).match(/\d[\d.]*\d/g) ?? []

/**
 * Asks the model through a tool whose arguments are checked with zod (answerSchema). Returns undefined when
 * it says the passages don't cover the question. Throws on transport errors, and LlmAnswerRejected /
 * LlmOutputError when the answer breaks a rule: it cites a passage that was not retrieved, cites none, or
 * states a number that none of its cited passages has. The caller then answers offline.
 */
export async function llmAnswer(question: string, passages: Passage[], opts: LlmAnswerOptions): Promise<{ body: string; from: Passage[] } | undefined> {
  const shown = passages.slice(0, 5)
  if (!shown.length) return undefined
  const schema = answerSchema(shown.length, opts.maxChars)
  const messages: ChatMessage[] = [
    { role: 'system', content: fillPrompt(loadPrompt('qa-system'), { maxChars: String(opts.maxChars), tool: ANSWER_TOOL }) },
    {
      role: 'user',
      content: fillPrompt(loadPrompt('qa-user'), {
        passages: formatPassages(shown),
        question: question.replace(/</g, '＜').replace(/>/g, '＞'),
      }),
    },
  ]
  const raw = await opts.llm.extract(messages, schema, { name: ANSWER_TOOL, description: '根据检索到的资料回答居民的问题' })
  // Checked here too, whatever the adapter did: the rules hold for any implementation of the port.
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new LlmAnswerRejected(`the answer does not match the schema: ${parsed.error.message}`)
  const out = parsed.data
  if (!out.covered) return undefined
  const body = toPlainText(out.answer.replace(/\n?\s*(来源|出处|依据)\s*[:：][^\n]*$/g, ''))
  if (!body) throw new LlmAnswerRejected('covered, but no answer text')
  if (!out.cite.length) throw new LlmAnswerRejected('an answer that cites no passage')
  const from = [...new Set(out.cite)].map((id) => shown[id - 1]!)
  const cited = from.map((p) => normalizeForIndex(`${p.chunk.heading.join(' ')} ${p.chunk.text}`)).join('\n')
  const invented = numbersOf(body).filter((n) => !cited.includes(n))
  if (invented.length) throw new LlmAnswerRejected(`numbers not in the cited passages: ${invented.join(', ')}`)
  return { body, from }
}

export interface ComposeOptions {
  llm?: Llm
  maxChars: number
  log: Logger
  spec: CoverageSpec
  /** The script of the reply: the one the question was asked in. */
  script?: Script
  /** A reply she was just given, whose sentences are not quoted again (engine.ts AskOptions.besides). */
  besides?: string
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
  // A model that read the passages, said they cover the question and cited one (checked: shown, holding the
  // numbers it quotes) settles an offline "perhaps": its answer stands without the caveat.
  if (decision.outcome !== 'hedge' || !composed.grounded || composed.mode === 'llm') return composed
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
      return { answer: withSource(res.body, res.from, opts.maxChars, script), grounded: true, mode: 'llm', from: res.from[0] }
    } catch (err) {
      // A timeout, a transport error or an answer that broke a rule: the offline answer is always there.
      opts.log.warn({ err }, 'LLM answer failed or was rejected; falling back to the extractive answer')
    }
  }
  const ex = extractiveAnswer(query, opts.spec, passages, best, opts.maxChars, opts.besides)
  return { answer: withSource(ex.body, ex.from, ex.limit, script), grounded: true, mode: 'extractive', from: ex.from }
}
