// The Q&A engine: a loaded index + optional LLM → answers. Shared by the CLI and the chat capability.
import { maskPersonalData } from '../core/mask.ts'
import type { Llm } from '../core/llm.ts'
import { limitLlm, type ReplyBudget } from '../core/llm-deadline.ts'
import type { Logger } from '../core/log.ts'
import { composeAnswer } from './answer.ts'
import { definitionAsked, withDefinition } from './define.ts'
import { shownTitle, type KnowledgeIndex } from './index-store.ts'
import { normalizeForIndex, scriptOf, toSimplified } from './normalize.ts'
import { askingPart } from '../core/zh/question-forms.ts'
import { inScript, type Script } from '../core/zh/script.ts'
import { askingClause, questionParts } from './parts.ts'
import { followupContext } from './followup.ts'
import { coverageSpec } from './rerank.ts'
import { fillPrompt, loadPrompt } from '../core/prompts.ts'
import { retrieve, type Retrieval, type Thresholds } from './retrieve.ts'
import { qaTexts } from './texts.ts'
import { SECOND_LOOK, withLlm, type SecondLookModel } from './second-look.ts'
import { contentTerms } from './tokenize.ts'
import { GENERIC, KINDS_COUNT, QUESTION_WORD, SCAFFOLD } from './weak-words.ts'

export interface Source {
  doc: string
  title: string
  heading: string
  text: string
  score: number
}

export interface AskResult {
  q: string
  /** The question as read: typos of folder words corrected ("刺秀" → 刺绣, homophones.ts); what a follow-up leans on. */
  read?: string
  answer: string
  grounded: boolean
  /** Answered with a caveat (the closest passage, perhaps not exactly what was asked) — see decide.ts. */
  hedged?: boolean
  /** What the answer was about: the title and section it was quoted from (a follow-up leans on it). */
  about?: string
  sources: Source[]
}

export interface EngineOptions {
  llm?: Llm
  maxChars?: number
  log: Logger
  thresholds?: Thresholds
  /** The second look at the decision (second-look.ts); the shipped model unless given (FIRST_DECISION_ONLY: none). */
  secondLook?: SecondLookModel
  /** Rewrite colloquial questions with the LLM before searching (default: on when an LLM is set). */
  rewrite?: boolean
  /**
   * After a call runs out of time (the adapter's per-call timeout, LLM_TIMEOUT_MS), the LLM is left out for
   * this long: the rest of that question and the next ones are answered offline at once, so a hung model
   * costs one timeout, not one per call and message.
   */
  llmPauseMs?: number
}

export const DEFAULT_LLM_PAUSE_MS = 30_000

export interface AskOptions {
  /** The message's reply budget: the rewrite and the answer get only what is left of it (see core/llm-deadline.ts). */
  budget?: ReplyBudget
  /** The script to answer in when the question is written the same in both ("利息多少" after "要還幾年"). */
  script?: Script
  /** A reply she was just given: the sentences it quoted are not quoted again ("还有别的吗" asks for something else). */
  besides?: string
}

export class QaEngine {
  readonly maxChars: number
  private readonly opts: EngineOptions
  /** Until when the LLM is left out after a missed deadline (epoch ms). */
  private llmPausedUntil = 0

  constructor(
    readonly index: KnowledgeIndex,
    opts: EngineOptions,
  ) {
    this.maxChars = opts.maxChars ?? 200
    this.opts = opts
  }

  /**
   * The LLM when one is configured and has not just timed out, limited by the message's budget; a call the
   * model is too slow for leaves it out for llmPauseMs.
   */
  private llm(budget?: ReplyBudget): Llm | undefined {
    const llm = this.opts.llm
    if (!llm || Date.now() < this.llmPausedUntil) return undefined
    const pause = this.opts.llmPauseMs ?? DEFAULT_LLM_PAUSE_MS
    return limitLlm(llm, { budget, onTimeout: () => (this.llmPausedUntil = Date.now() + pause) })
  }

  async retrieve(question: string, k = 8, context?: string, opts: AskOptions = {}): Promise<Retrieval> {
    const llm = this.llm(opts.budget)
    const rewrite = llm && this.opts.rewrite !== false ? await this.rewrite(llm, context ? `${context} ${question}` : question) : undefined
    return retrieve(this.index, question, { k, rewrite, context, thresholds: this.opts.thresholds, secondLook: withLlm(this.opts.secondLook ?? SECOND_LOOK, Boolean(llm)) })
  }

  /**
   * Whether the document an answer was about is long enough to hold many topics (a county's annual report, a
   * collection of plans): then its title alone does not say what a follow-up is about (followup.ts).
   */
  aboutIsBroad(about: string): boolean {
    if (!this.passagesAbout) {
      this.passagesAbout = new Map()
      for (const chunk of this.index.chunks) {
        const a = aboutOf({ chunk })
        this.passagesAbout.set(a, (this.passagesAbout.get(a) ?? 0) + 1)
      }
    }
    return (this.passagesAbout.get(about) ?? 0) > BROAD_DOCUMENT_PASSAGES
  }
  private passagesAbout?: Map<string, number>

  /** `context`: the previous question when this one is an elliptical follow-up. */
  async ask(question: string, context?: string, opts: AskOptions = {}): Promise<AskResult> {
    // Numbers never leave the building: the question goes to the LLM (and a remote embedder) masked.
    const q = maskPersonalData(question.trim())
    if (!q) return { q: question, answer: qaTexts.emptyQuestion, grounded: false, sources: [] }
    const r = await this.retrieve(q, 8, context, opts)
    // Several questions in one message, not answered outright as a whole: each on its own, the later ones leaning on
    // the first for its topic (as a follow-up does).
    // Only when the whole is hedged: a part alone asks less than the whole and is answered more easily than it should
    // be, so a declined whole stays declined (on the tuning side, splitting declined wholes answered 91 uncovered
    // questions outright for 33 covered ones).
    const parts = !context ? questionParts(q) : [q]
    if (parts.length >= 2) {
      // Answered outright as a whole, one passage may still answer only one of them ("创业贷款能贷多少钱 要还几年" →
      // the amount alone): each on its own when every one is answered outright from one document, as for a decline.
      const best = r.passages[r.decision.best]
      const each = await this.askParts(parts, opts, r.decision.outcome !== 'hedge', best ? aboutOf(best) : undefined)
      if (each) return each
    }
    // The covered / not-covered decision was taken offline on the question's own words (a rewrite only widens
    // the search): the LLM is asked only when it says covered, and may decline but never un-decline.
    // "妇女微家是干嘛的": the folder's sentence that says what it is, when the passages found only use the name.
    const defined = r.decision.outcome !== 'decline' ? definitionAsked(r.query.own) : undefined
    const passages = defined ? withDefinition(this.index, defined, r.passages) : r.passages
    const composed = await composeAnswer(context ? `${context}（追问：${q}）` : q, r.query, passages, r.decision, {
      llm: this.llm(opts.budget),
      maxChars: this.maxChars,
      log: this.opts.log,
      spec: coverageSpec(this.index, r.query),
      script: opts.script ?? scriptOf(q),
      besides: opts.besides,
    })
    // Not the question's text: one handed over from a help request carries her circumstances, and logs keep no case detail.
    this.opts.log.debug({ chars: q.length, mode: composed.mode, ...r.decision }, 'qa answered')
    return {
      q: question,
      read: r.query.own,
      answer: composed.answer,
      grounded: composed.grounded,
      hedged: composed.hedged,
      ...(composed.grounded && composed.from ? { about: aboutOf(composed.from) } : {}),
      sources: r.passages.map((p) => ({
        doc: p.chunk.doc,
        title: shownTitle(p.chunk),
        heading: p.chunk.heading.join(' > '),
        text: p.chunk.text,
        score: Number(p.score.toFixed(5)),
      })),
    }
  }

  /**
   * Each question of a message on its own; undefined unless at least one is answered outright. Those the documents
   * do not answer are said so, by their words, so she knows which part is missing (and the whole stays a hedge).
   */
  private async askParts(parts: string[], opts: AskOptions, declined: boolean, wholeAbout?: string): Promise<AskResult | undefined> {
    const answers: AskResult[] = []
    // The part each answer is for (a part that only asks "the others" is left out, below).
    const asked: string[] = []
    // A later part that names only what it asks ("要不要钱") leans on the first one's topic, as a follow-up does.
    // Each asked without what she told around it ("要钱不 最近手头有点紧" → "要钱不").
    for (const [i, whole] of parts.slice(0, 3).entries()) {
      const part = askingPart(whole)
      const a = await this.ask(part, i === 0 ? undefined : followupContext(parts[0], part), opts)
      // The parts of one message ask about one thing: a later part answered from a document neither the whole nor an
      // earlier part was found in has been read out of its context ("微家主人必须是一个人吗，几个姐妹一起当行不行":
      // "几个姐妹一起当" alone found "对接姐妹需求" in a 三八节 plan).
      const strayed = i > 0 && a.grounded && !a.hedged && a.about !== wholeAbout && !answers.some((b) => b.grounded && !b.hedged && b.about === a.about)
      // "网格睦邻是其中一种不，另外几种叫啥": "the others" of what an earlier part was answered with outright ask nothing that
      // answer does not quote; "「另外几种叫啥」：资料里没有找到" under the list of all five contradicted it.
      if (i > 0 && !(a.grounded && !a.hedged) && answers.some((b) => b.grounded && !b.hedged) && asksOnlyTheRest(part)) continue
      answers.push(strayed ? { ...a, grounded: false, hedged: false } : a)
      asked.push(whole)
    }
    const outright = answers.filter((a) => a.grounded && !a.hedged).length
    if (outright === 0) return undefined
    // Declined as a whole: only when every part is answered outright, all from one document ("法律援助要带什么材料？
    // 多久有结果？"), the parts of one topic.
    if (declined && (outright < answers.length || new Set(answers.map((a) => a.about)).size > 1)) return undefined
    // The same passage answering two parts ("暑假有托管班不 要钱不": "…多为公益性质或只收少量费用") is quoted once.
    const lines = [...new Set(answers.map((a, i) => (a.grounded && !a.hedged ? a.answer : inScript(qaTexts.partNotCovered(askingClause(asked[i]!)), scriptOf(asked[i]!)))))]
    // Two answers from one section name it once, after the second.
    const sourceOf = (line: string) => /\n(?:来源|來源)：[^\n]+$/u.exec(line)?.[0]
    for (let i = 0; i + 1 < lines.length; i++) {
      const source = sourceOf(lines[i]!)
      if (source && source === sourceOf(lines[i + 1]!)) lines[i] = lines[i]!.slice(0, -source.length)
    }
    // Every part answered from one document: the next follow-up leans on it, as after a single answer.
    const abouts = new Set(answers.filter((a) => a.grounded && !a.hedged).map((a) => a.about))
    return {
      q: parts.join(' '),
      answer: lines.join('\n'),
      grounded: true,
      // A part the documents do not answer keeps the whole a hedge.
      hedged: outright < answers.length,
      ...(abouts.size === 1 && [...abouts][0] ? { about: [...abouts][0] } : {}),
      sources: answers.flatMap((a) => a.sources).slice(0, 8),
    }
  }

  /** LLM query rewriting (colloquial → formal). Failures only cost the rewrite, never the answer. */
  private async rewrite(llm: Llm, question: string): Promise<string | undefined> {
    try {
      const hints = this.index.glossary.hints(normalizeForIndex(question)).slice(0, 8)
      const out = await llm.complete(
        [
          { role: 'system', content: fillPrompt(loadPrompt('qa-rewrite'), { hints: hints.join('\n') || '（无）' }) },
          { role: 'user', content: `<question>\n${question.replace(/</g, '＜').replace(/>/g, '＞')}\n</question>` },
        ],
        { maxTokens: 80, temperature: 0 },
      )
      const line = toSimplified(out.split('\n').map((l) => l.trim()).find(Boolean) ?? '').slice(0, 60)
      return line || undefined
    } catch (err) {
      this.opts.log.warn({ err }, 'LLM query rewrite failed; searching with the original question')
      return undefined
    }
  }
}

/** More passages than this make a document broad (the sample folder's notices have 5–21, a county report 28). */
const BROAD_DOCUMENT_PASSAGES = 24

/** Words that point back at the rest of what was just named ("另外几种", "其他的呢", "剩下的叫啥"). */
const THE_REST = new Set(['另外', '其他', '其它', '其余', '剩下', '别的', '另几'])
/** A question whose own content words only point back at the rest of something ("另外几种叫啥"). */
function asksOnlyTheRest(part: string): boolean {
  const words = contentTerms(normalizeForIndex(part)).filter((w) => !GENERIC.has(w) && !SCAFFOLD.has(w) && !KINDS_COUNT.test(w) && !QUESTION_WORD.test(w))
  return words.length > 0 && words.every((w) => THE_REST.has(w))
}

/**
 * The document a quoted passage is from, as words a follow-up can lean on ("单亲妈妈能不能申请" answered from "…“两节”送温暖
 * 关爱困难妇女…": "怎么申请" next is about that notice). Not its section: on the sample folder, the section's words pulled
 * "利息咋算" after "要准备哪些材料" back to 怎么申请, and "去哪申请" to 有效期.
 */
// A document without a title is about its outermost section.
const aboutOf = (p: { chunk: { title: string; label?: string; heading: string[] } }) => (shownTitle(p.chunk) || p.chunk.heading[0] || '').replace(/[“”"《》「」：:（）()]/gu, ' ').replace(/\s+/gu, ' ').trim()
