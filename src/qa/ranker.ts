// A learned ranker over the head of the reranked candidates (learning to rank): per (question, passage)
// signals the pipeline already has — each search's score and rank, the hand reranker's parts and total, the
// asked-for answer kind, the question's key term, the best sentence's coverage, length — and a logistic model
// over them, fitted on the tuning side only (`weijia eval … --train-ranker src/qa/ranker-model.json`,
// ranker-train.ts). It only reorders the first `depth` candidates; the rest keep the hand order below them.
// The runtime only reads the model file; `enabled: false` there leaves the hand order alone.
import { z } from 'zod'
import { answersCount, answersTypes, answerTypes, asksCount, hasAnswerOf, hasCount, type AnswerType } from './answer-type.ts'
import type { KnowledgeIndex } from './index-store.ts'
import { checkFeatures, logisticFileFields, predict } from './logistic.ts'
import { coverageOf, coverageSpec, hasKeyTerm, type CoverageSpec } from './rerank.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'
import modelJson from './ranker-model.json' with { type: 'json' }

/** Per-question context the features need, computed once. */
export interface RankContext {
  spec: CoverageSpec
  types: ReturnType<typeof answerTypes>
  count: boolean
  top: number
  maxBm25: number
  bm25Rank: Map<number, number>
  denseRank: Map<number, number>
  sections: Map<string, number>
  top10: Set<number>
  /** The question's quoted terms and most specific terms, for the definition and nearness signals. */
  named: string[]
  /** The question asks what something is or consists of (什么, 哪些, 指, 意思…). */
  asksWhat: boolean
}

const sectionOf = (p: Passage) => `${p.chunk.doc}\u0000${p.chunk.heading.join('/')}`

const SENTENCE = /[^。！？；\n]+[。！？；]?/g

/** The signals a model may read; the model file names the ones it uses, in its order. */
export const RANK_FEATURES = {
  /** The hand reranker's total, as a gap to the first candidate, and its rank (log: first places matter most). */
  handGap: (p: Passage, _i: number, c: RankContext) => p.score - c.top,
  handRank: (_p: Passage, i: number) => Math.log1p(i),
  fused: (p: Passage) => p.signals?.fused ?? 0,
  bm25: (p: Passage, _i: number, c: RankContext) => (p.bm25 ?? 0) / c.maxBm25,
  bm25Rank: (p: Passage, _i: number, c: RankContext) => Math.log1p(c.bm25Rank.get(p.row) ?? 60),
  dense: (p: Passage) => Math.max(0, p.similarity ?? 0),
  denseRank: (p: Passage, _i: number, c: RankContext) => Math.log1p(c.denseRank.get(p.row) ?? 60),
  coverage: (p: Passage) => p.signals?.coverage ?? 0,
  exact: (p: Passage) => p.signals?.exact ?? 0,
  heading: (p: Passage) => p.signals?.heading ?? 0,
  grams: (p: Passage) => p.signals?.grams ?? 0,
  /** The question asks a kind (phone, date, amount…) / a count, and a sentence about its key terms has one. */
  typeAnswered: (p: Passage, _i: number, c: RankContext, text: string) => Number(c.types.length > 0 && answersTypes(c.types, c.spec.keyTerms, text)),
  countAnswered: (p: Passage, _i: number, c: RankContext, text: string) => Number(c.count && answersCount(c.spec.keyTerms, text)),
  keyTerm: (_p: Passage, _i: number, c: RankContext, text: string) => Number(hasKeyTerm(c.spec, text)),
  /** The best single sentence's coverage of the question: an answer sits in one place, not spread over a page. */
  sentence: (_p: Passage, _i: number, c: RankContext, text: string) => Math.max(0, ...(text.match(SENTENCE) ?? []).map((s) => coverageOf(c.spec, s))),
  /** The best two neighbouring sentences' coverage (an answer often runs over into the next sentence). */
  window: (_p: Passage, _i: number, c: RankContext, text: string) => {
    const s = text.match(SENTENCE) ?? []
    return Math.max(0, ...s.map((x, i) => coverageOf(c.spec, x + (s[i + 1] ?? ''))))
  },
  /** Proximity: the shortest stretch holding every question term the passage has (log characters). */
  span: (_p: Passage, _i: number, c: RankContext, text: string) => Math.log1p(minSpan(c.spec.terms, text)),
  /** Share of the question's most specific terms present. */
  keyTerms: (_p: Passage, _i: number, c: RankContext, text: string) => (c.spec.keyTerms.length ? c.spec.keyTerms.filter((t) => text.includes(t)).length / c.spec.keyTerms.length : 0),
  /** Share of the first ten candidates from the same section (title and heading path): evidence that gathers. */
  section: (p: Passage, _i: number, c: RankContext) => (c.sections.get(sectionOf(p)) ?? 0) / 10,
  /** A neighbouring chunk of the same file is among the first ten candidates. */
  neighbour: (p: Passage, _i: number, c: RankContext) => Number(c.top10.has(p.row - 1) || c.top10.has(p.row + 1)),
  length: (_p: Passage, _i: number, _c: RankContext, text: string) => Math.log1p(text.length),
  /**
   * The passage defines a term the question names: the term followed at once by a bracket, a colon, 即 or 是
   * (“拒绝三不”(不文明…), “五有”(有阵地…), 妇女微家是…) — where a what / which question's answer stands.
   */
  defined: (_p: Passage, _i: number, c: RankContext, text: string) => Number(c.asksWhat && c.named.some((t) => definesAt(t, text))),
  /**
   * The asked kind (a count for 多少 / 几, a date, phone, amount…) stands right beside a named term (within a
   * few characters), not merely somewhere in the same sentence.
   */
  near: (_p: Passage, _i: number, c: RankContext, text: string) => Number(answerNear(c.named, c.count, c.types, text)),
} satisfies Record<string, (p: Passage, i: number, c: RankContext, text: string) => number>

const DEFINES = /^[”」"’』》]?\s*(?:[（(：:]|即|是指|指的是|是(?!否))/
const NEAR_BEFORE = 6
const NEAR_AFTER = 16

/** Whether `term` is followed at once by a definition opener somewhere in `text`. */
export function definesAt(term: string, text: string): boolean {
  if (term.length < 2) return false
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) if (DEFINES.test(text.slice(at + term.length, at + term.length + 4))) return true
  return false
}

/** Whether an answer of an asked kind (a count, or one of `types`) stands within a few characters of a named term, in its sentence. */
export function answerNear(named: string[], count: boolean, types: AnswerType[], text: string): boolean {
  if (!count && !types.length) return false
  for (const term of named) {
    if (term.length < 2) continue
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      const around = text.slice(Math.max(0, at - NEAR_BEFORE), at + term.length + NEAR_AFTER).split(/[。！？；]/)
      // Within the term's own sentence.
      const w = around.find((x) => x.includes(term)) ?? ''
      const rest = w.replace(term, '')
      if (count && hasCount(rest)) return true
      if (types.some((t) => hasAnswerOf(t, rest))) return true
    }
  }
  return false
}

/** Shortest window of `text` containing one occurrence of each of `terms` found in it (the whole text when fewer than two are). */
export function minSpan(terms: string[], text: string): number {
  const hits: { at: number; end: number; t: number }[] = []
  const found = new Set<number>()
  terms.forEach((term, t) => {
    if (term.length < 2) return
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      hits.push({ at, end: at + term.length, t })
      found.add(t)
    }
  })
  if (found.size < 2) return text.length
  hits.sort((a, b) => a.at - b.at)
  const count = new Map<number, number>()
  let best = Infinity
  let lo = 0
  for (let hi = 0; hi < hits.length; hi++) {
    count.set(hits[hi]!.t, (count.get(hits[hi]!.t) ?? 0) + 1)
    while (count.size === found.size) {
      let end = 0
      for (let j = lo; j <= hi; j++) end = Math.max(end, hits[j]!.end)
      best = Math.min(best, end - hits[lo]!.at)
      const t = hits[lo]!.t
      const n = count.get(t)! - 1
      if (n) count.set(t, n)
      else count.delete(t)
      lo++
    }
  }
  return best
}

export type RankFeatureName = keyof typeof RANK_FEATURES
export const RANK_FEATURE_NAMES = Object.keys(RANK_FEATURES) as RankFeatureName[]

const modelSchema = z.object({
  /** Off: the hand reranker's order is kept (the model is shipped for reference and retraining). */
  enabled: z.boolean(),
  /** Candidates reordered. */
  depth: z.number().int().positive(),
  ...logisticFileFields,
})
export type RankerModel = z.infer<typeof modelSchema>

export function parseRankerModel(json: unknown): RankerModel {
  const m = modelSchema.parse(json)
  checkFeatures('ranker model', m, RANK_FEATURES)
  return m
}

const SHIPPED = parseRankerModel(modelJson)
/** The shipped model when it is on, else null (the hand order). */
export const RANKER_MODEL: RankerModel | null = SHIPPED.enabled ? SHIPPED : null
export const SHIPPED_RANKER: RankerModel = SHIPPED

function ranks(ranked: Passage[], score: (p: Passage) => number | undefined): Map<number, number> {
  const out = new Map<number, number>()
  ranked
    .filter((p) => score(p) !== undefined)
    .sort((a, b) => score(b)! - score(a)!)
    .forEach((p, i) => out.set(p.row, i))
  return out
}

export function rankContext(index: KnowledgeIndex, query: PreparedQuery, ranked: Passage[]): RankContext {
  const spec = coverageSpec(index, query)
  return {
    spec,
    types: answerTypes(query.own),
    count: asksCount(query.own),
    top: ranked[0]?.score ?? 0,
    maxBm25: Math.max(1e-9, ...ranked.map((p) => p.bm25 ?? 0)),
    bm25Rank: ranks(ranked, (p) => p.bm25),
    denseRank: ranks(ranked, (p) => p.similarity),
    sections: ranked.slice(0, 10).reduce((m, p) => m.set(sectionOf(p), (m.get(sectionOf(p)) ?? 0) + 1), new Map<string, number>()),
    top10: new Set(ranked.slice(0, 10).map((p) => p.row)),
    named: [...new Set([...query.exact, ...spec.keyTerms])],
    asksWhat: ASKS_WHAT.test(query.own),
  }
}

const ASKS_WHAT = /什么|啥|哪|指|意思|内容|包括|关系/

/** Every feature for the first `depth` candidates (training reads them all and picks). */
export function featureRows(index: KnowledgeIndex, query: PreparedQuery, ranked: Passage[], depth: number, names: readonly string[] = RANK_FEATURE_NAMES): number[][] {
  const c = rankContext(index, query, ranked)
  return ranked.slice(0, depth).map((p, i) => {
    const text = index.normalizedText(p.row)
    return names.map((n) => RANK_FEATURES[n as RankFeatureName](p, i, c, text))
  })
}

/** Reorders the first `depth` candidates by the model's score (ties keep the hand order); the rest follow. */
export function learnedOrder(index: KnowledgeIndex, query: PreparedQuery, ranked: Passage[], model: RankerModel): Passage[] {
  const rows = featureRows(index, query, ranked, model.depth, model.features)
  return reorderBy(ranked, rows.map((x) => predict(model, x)))
}

export function reorderBy<T>(ranked: T[], scores: number[]): T[] {
  const head = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i)
  return [...head.map((h) => ranked[h.i]!), ...ranked.slice(scores.length)]
}
