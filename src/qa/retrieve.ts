// Hybrid retrieval: keyword (BM25 over words and character bigrams) and dense (HNSW) candidates fused by
// weighted scores, reranked by how much of the question each contains (rerank.ts), then a
// "covered or not" decision (decide.ts): the asked-for answer kind must be there, and the best answer
// sentence's coverage of the question decides between answering, answering with a caveat, and declining.
import { cantoneseAsMandarin } from '../core/zh/cantonese.ts'
import { northernAsMandarin } from '../core/zh/northern.ts'
import { COUNTING_AFTER_NUMERAL } from '../core/zh/numbers.ts'
import type { ChunkRecord, KnowledgeIndex } from './index-store.ts'
import { normalizeForIndex } from './normalize.ts'
import { decisionFeatures, outcomeOf, writtenAnywhere, type DecisionFeatures, type Outcome } from './decide.ts'
import { coveredProbability, DECISION_MODEL, type DecisionModel } from './decision-model.ts'
import { afterSecondLook, SECOND_LOOK, secondLookProbability, type SecondLookModel } from './second-look.ts'
import { coverageSpec, exactTerms, rerank, type RerankSignals } from './rerank.ts'
import { GRAM_MARK, queryGrams, tokensOfNormalized, yesNoPlain } from './tokenize.ts'
import type { WeightedTerm } from './bm25.ts'
import { aliasesOf, type Alias } from './colloquial.ts'
import { lexiconOf } from './lexicon.ts'
import { correctHomophones } from './homophones.ts'
import { withoutPreparing } from './preamble.ts'
import { suppressNearDuplicates } from './dedupe.ts'
import { learnedOrder, RANKER_MODEL, type RankerModel } from './ranker.ts'

export interface PreparedQuery {
  original: string
  /** Normalised question, preceded by the follow-up context when there is one. */
  normalized: string
  /** The question's own words (normalised), without context. */
  own: string
  context?: string
  /** Formal terms from the glossary (colloquial matches). */
  expansions: string[]
  /** Everyday words of the question and their formal synonyms (colloquial.ts). */
  aliases: Alias[]
  /** Official words the question's everyday wording points to (lexicon.ts): search only, never coverage. */
  lexicon: Alias[]
  /** Extra search text from an LLM rewrite, if any. */
  rewrite?: string
  keyword: WeightedTerm[]
  /** The keyword terms without the lexicon's words (the decision ranks with these). */
  literalKeyword: WeightedTerm[]
  dense: string
  /** Quoted terms (「四新」 “岗村结对”) and the question's numbers: a passage that has them literally is strong evidence. */
  exact: string[]
}

export interface Passage {
  row: number
  chunk: ChunkRecord
  /** Fused and reranked score; higher is better. */
  score: number
  /** Cosine similarity (1 − distance) when found by the dense search. */
  similarity?: number
  bm25?: number
  /** Share of the question's content the passage contains (set by the reranker). */
  coverage?: number
  /** The reranker's parts for this passage (rerank.ts), read by the learned ranker (ranker.ts). */
  signals?: RerankSignals
}

export interface Decision {
  /** Answered (outright or with a caveat). */
  grounded: boolean
  /** answer, hedge (the passage, said plainly to be perhaps not exactly what was asked, with 转人工) or decline. */
  outcome: Outcome
  /** Share of the question (decision weights) the best answer sentence and its neighbour contain. */
  coverage: number
  similarity: number
  /** The question asks for a phone number, time, date, amount… and the best passage has one (answer-type.ts). */
  typeOk: boolean
  /** Index into passages of the passage with the best answer sentence. */
  best: number
  /** Share of the question's weighted terms found nowhere in the folder (diagnostic). */
  unknown: number
  /** The decision model's probability that the documents answer the question. */
  probability: number
  /**
   * The outcome before the second look (second-look.ts), absent with no passages; and the second look's probability,
   * absent too for a follow-up or an outright answer (it changes neither).
   */
  first?: Outcome
  secondLook?: number
  /** The signals it was read from (decide.ts), on the list the decision was taken on; absent with no passages. */
  features?: DecisionFeatures
}

export interface Retrieval {
  query: PreparedQuery
  passages: Passage[]
  decision: Decision
}

/** The decision model (weights and thresholds); swap it to try another (`weijia eval --train-decision`). */
export type Thresholds = DecisionModel

// Expansions help recall but must not outvote the question's own words ("家暴 … 证据" is about evidence).
const EXPANSION_WEIGHT = 0.35
const REWRITE_WEIGHT = 0.7
/** A formal synonym of an everyday word says the same thing, but the question's own word stays first. */
const ALIAS_WEIGHT = 0.8
/**
 * Lexicon words (lexicon.ts) point at the topic less surely than a synonym does: below the alias weight.
 * Tune (375 q) hit@1/hit@5/MRR without the lexicon 0.757/0.956/0.846; at 0.3 0.769/0.952/0.855, at 0.5
 * 0.765/0.956/0.853, at 0.8 0.761/0.960/0.852. 0.5 keeps hit@5. Adding them to the dense text too lowered
 * tune MRR at every weight (0.848 at 0.5): the hashed embedding of a long query drifts. Reranking with them as
 * bridges rather than as bigrams (rerank.ts): tune 0.769/0.960/0.856. Raising the weight only when the literal
 * search is weak (its decision not an answer, or a decline; 0.3, 0.8, 1.0) moved tune MRR by ±0.003: dropped.
 */
const LEXICON_WEIGHT = 0.5
/**
 * A lexicon word whose everyday words the folder never uses (暴走, 头儿, 记下来 in documents that say 徒步, 主席,
 * 计时) outvotes nothing of the question's: those words bring no passage at all, so the official word takes
 * their place at this weight instead. Tune (1015 q) hit@1/hit@5/MRR at 0.5 (as the rest) 0.794/0.969/0.873,
 * at 0.65 0.799/0.972/0.875, at 0.8 0.802/0.972/0.877, at 1.0 0.800/0.971/0.876; the decision is unchanged.
 * Not asking about a longer fragment's single characters (贷点钱's 钱) traded one hit@1 for one hit@5: not taken.
 */
const LEXICON_UNSEEN_WEIGHT = 0.8
const CONTEXT_WEIGHT = 0.5
const GRAM_WEIGHT = 0.5
/** Fusion weights: keyword evidence (normalised BM25) outweighs the feature-hashing embedder's cosine. */
const KEYWORD_WEIGHT = 1
const DENSE_WEIGHT = 0.3
/**
 * Passages sharing more than this share of the shorter one's character bigrams are copies (dedupe.ts).
 * Measured: tune unchanged at 0.5, 0.65 and 0.8 (hit@1 0.771, hit@5 0.990, MRR 0.871); held-out MRR
 * 0.849 → 0.850 at 0.8 (0.853 at 0.5: not taken, tune cannot tell them apart and picking by held-out would tune on it).
 * A larger candidate pool was tried and dropped: 40 per search lowered held-out hit@5 0.913 → 0.902, 60 lowered
 * tune hit@1 0.771 → 0.760. Longer chunk overlap (140 characters) was dropped too: tune hit@1 +0.010, held-out
 * ranking unchanged, held-out uncovered answered outright 0.172 → 0.241.
 */
const NEAR_DUPLICATE = 0.8

/**
 * The documents named as such ("资料里妇女微家分哪几类", "文件上说的家接待多久一次"): where she looks, not what she asks.
 * Searched, 资料 found "发放法律、法规方面的宣传资料" (a host preparing a talk got that passage outright).
 */
const DOCUMENTS_NAMED = /(?:在|按)?(?:资料|文件|文档)(?:里面|里|上面|上|中)(?:说|讲|写|提)?(?:的|到的|过的|了)?/gu

export function prepareQuery(index: KnowledgeIndex, question: string, rewrite?: string, context?: string): PreparedQuery {
  // "边度可以搵到法律援助" is asked of Mandarin documents: written Cantonese is read as Mandarin first. A homophone typo
  // of a folder word ("刺秀" for 刺绣) is read as that word (homophones.ts): for search and the decision alike.
  // What she says she is preparing ("我下周要给姐妹们讲讲微家，…") is not what she asks (preamble.ts).
  const read = correctHomophones(index, northernAsMandarin(cantoneseAsMandarin(normalizeForIndex(question))))
  const own = (context ? read : withoutPreparing(read)).replace(DOCUMENTS_NAMED, '')
  // A follow-up's previous question counts for coverage and search, but its words weigh less than the new ones.
  const contextNorm = context ? correctHomophones(index, normalizeForIndex(context)) : undefined
  const normalized = contextNorm ? `${contextNorm} ${own}` : own
  const expansions = index.glossary.expand(normalized)
  const aliases = aliasesOf(own)
  const lexicon = lexiconOf(own, [...aliases.map((a) => a.formal), ...expansions])
  // Dense text gets each matched entry's first two formal terms only: many appended terms would drown the question.
  const denseExpansions = index.glossary
    .match(normalized)
    .filter((h) => h.via === 'colloquial')
    .flatMap((h) => h.entry.formal.slice(0, 2))
    .filter((f) => !normalized.includes(f))
  const keyword: WeightedTerm[] = []
  const add = (text: string, weight: number) => {
    for (const term of tokensOfNormalized(text)) keyword.push({ term, weight })
    for (const term of queryGrams(text)) keyword.push({ term, weight: weight * GRAM_WEIGHT })
  }
  add(yesNoPlain(own), 1)
  if (contextNorm) add(contextNorm, CONTEXT_WEIGHT)
  for (const e of expansions) for (const term of tokensOfNormalized(e)) keyword.push({ term, weight: EXPANSION_WEIGHT })
  for (const a of aliases) add(a.formal, ALIAS_WEIGHT)
  const rewriteNorm = rewrite ? normalizeForIndex(rewrite) : undefined
  if (rewriteNorm) add(rewriteNorm, REWRITE_WEIGHT)
  const literalKeyword = [...keyword]
  for (const l of lexicon) add(l.formal, unseenInFolder(index, l.colloquial) ? LEXICON_UNSEEN_WEIGHT : LEXICON_WEIGHT)
  const dense = [normalized, ...new Set([...aliases.map((a) => a.formal), ...denseExpansions]), rewriteNorm ?? ''].join(' ').trim()
  return { original: question, normalized, own, context: contextNorm, expansions, aliases, lexicon, rewrite: rewriteNorm, keyword, literalKeyword, dense, exact: [...new Set([...exactTerms(own), ...coinedTerms(index, own)])] }
}

/**
 * Coined terms of a numeral and one character ("五有是哪五有", "三亮", "六学"), which jieba splits into a numeral and a
 * stop word: kept whole when the folder writes them so, unless they count something (五个, 两年, 三十).
 */
export function coinedTerms(index: KnowledgeIndex, own: string): string[] {
  const out = new Set<string>()
  const words = tokensOfNormalized(own)
  for (const m of own.matchAll(COINED)) {
    // Only what jieba splits: "两癌" of 两癌筛查 is a word already.
    if (words.some((w) => w.length > 1 && w.includes(m[0]))) continue
    if (index.keyword.df(GRAM_MARK + m[0]) > 0) out.add(m[0])
  }
  // Said with a measure word ("具体有哪六个进家" of “六进家”): the term as the folder writes it, when it does.
  for (const m of own.matchAll(COINED_COUNTED)) {
    const term = [m[1]! + m[2]!, m[1]! + m[2]![0]!].find((t) => index.keyword.df(GRAM_MARK + t.slice(0, 2)) > 0 && writtenAnywhere(index, t))
    if (term) out.add(term)
  }
  return [...out]
}
const COINED_COUNTED = /(?<![一二三四五六七八九十两双百千万\d])([二三四五六七八九十两双])个(\p{Script=Han}{2})/gu
const COINED = new RegExp(`(?<![一二三四五六七八九十两双百千万\\d])[二三四五六七八九十两双](?![${COUNTING_AFTER_NUMERAL}])\\p{Script=Han}`, 'gu')

/** No word or character pair of the (space-separated) everyday fragments occurs in the folder. */
function unseenInFolder(index: KnowledgeIndex, everyday: string): boolean {
  return everyday.split(' ').every((f) => [...tokensOfNormalized(f), ...queryGrams(f)].every((t) => !index.keyword.df(t)))
}

export interface RetrieveOptions {
  /** Passages returned. */
  k?: number
  /** Candidates taken from each of the two searches before fusion. */
  candidates?: number
  rewrite?: string
  /** The previous question, for an elliptical follow-up ("那周末呢？"). */
  context?: string
  thresholds?: Thresholds
  /** Search with the lexicon's official words too (default); false searches with the question's own words only. */
  lexicon?: boolean
  /** The learned ranker; null for the hand reranker's order alone. Defaults to the shipped model (null when it is off). */
  ranker?: RankerModel | null
  /** The second look at the decision (second-look.ts); defaults to the shipped model. */
  secondLook?: SecondLookModel
}

export async function retrieve(index: KnowledgeIndex, question: string, opts: RetrieveOptions = {}): Promise<Retrieval> {
  const k = opts.k ?? 8
  const candidates = opts.candidates ?? 30
  const prepared = prepareQuery(index, question, opts.rewrite, opts.context)
  const query = opts.lexicon === false ? { ...prepared, keyword: prepared.literalKeyword, lexicon: [] } : prepared
  const model = opts.thresholds ?? DECISION_MODEL
  const ranker = opts.ranker === undefined ? RANKER_MODEL : opts.ranker
  const ranked = await rankedCandidates(index, query, candidates)
  const hand = finalOrder(index, query, ranked, k, null)
  const passages = ranker ? finalOrder(index, query, ranked, k, ranker) : hand
  const look = opts.secondLook ?? SECOND_LOOK
  const decision = decideOnHandOrder(index, query, hand, passages, model, look)
  if (!query.lexicon.length) return { query, passages, decision }
  // Lexicon words reorder the passages but are no evidence that the documents answer the question: whether to
  // answer is decided on the hand ranking the question's own words give (as without the lexicon), and only the
  // passage to answer from comes from the reordered list.
  const literalQuery: PreparedQuery = { ...query, keyword: query.literalKeyword, lexicon: [] }
  const literal = decide(index, literalQuery, finalOrder(index, literalQuery, await rankedCandidates(index, literalQuery, candidates), k, null), model, look)
  return { query, passages, decision: { ...literal, best: decision.best } }
}

/**
 * The covered / not-covered decision reads the hand reranker's list, the one its model was trained on
 * (decision-train.ts): the learned ranker tends to lift passages with a sentence close to the question, which
 * would make uncovered questions look covered (tune, out-of-fold: uncovered answered outright 0.129 → 0.145).
 * Its best passage is then pointed at in the list shown; should the learned order have dropped it, the
 * decision is taken on the list shown instead.
 */
function decideOnHandOrder(index: KnowledgeIndex, query: PreparedQuery, hand: Passage[], shown: Passage[], model: DecisionModel, look: SecondLookModel): Decision {
  const d = decide(index, query, hand, model, look)
  if (shown === hand) return d
  const at = shown.findIndex((p) => p.row === hand[d.best]?.row)
  return at >= 0 ? { ...d, best: at } : decide(index, query, shown, model, look)
}

/** Both searches fused and reranked (rerank.ts): every candidate, best first. */
export async function rankedCandidates(index: KnowledgeIndex, query: PreparedQuery, candidates = 30): Promise<Passage[]> {
  const [vector] = await index.embedder.embed([query.dense])
  const dense = await index.vectors.search(vector!, candidates)
  const keyword = index.keyword.search(query.keyword, candidates)
  const fused = new Map<number, Passage>()
  const get = (row: number) => {
    let p = fused.get(row)
    if (!p) fused.set(row, (p = { row, chunk: index.chunks[row]!, score: 0 }))
    return p
  }
  for (const hit of dense) get(hit.row).similarity = 1 - hit.distance
  for (const hit of keyword) get(hit.doc).bm25 = hit.score
  // Weighted score fusion rather than equal-weight RRF: with RRF the embedder's 1st place counts as much as
  // BM25's 1st place, and the hashing embedder's favourites are often passages sharing only generic words.
  const maxBm25 = keyword[0]?.score || 1
  for (const p of fused.values()) p.score = (KEYWORD_WEIGHT * (p.bm25 ?? 0)) / maxBm25 + DENSE_WEIGHT * Math.max(0, p.similarity ?? 0)
  return rerank(index, query, [...fused.values()])
}

/**
 * The final list: the learned ranker (ranker.ts) reorders the head of the reranked candidates when a model is
 * given, then near-duplicates are dropped and the first k kept.
 */
export function finalOrder(index: KnowledgeIndex, query: PreparedQuery, ranked: Passage[], k: number, ranker: RankerModel | null): Passage[] {
  const ordered = ranker ? learnedOrder(index, query, ranked, ranker) : ranked
  // A file that repeats a sub-document with small edits would fill the list with copies: keep the best one.
  return suppressNearDuplicates(ordered, (p) => normalizeForIndex(p.chunk.text), k, NEAR_DUPLICATE)
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu
/** The years each loaded folder writes, found once per index on first need. */
const yearsOf = new WeakMap<KnowledgeIndex, Set<string>>()
/** The question names a year (1900–2099) that no passage of the folder writes. */
export function unwrittenYear(index: KnowledgeIndex, question: string): boolean {
  const asked = question.match(YEAR)
  if (!asked) return false
  let years = yearsOf.get(index)
  if (!years) {
    years = new Set<string>()
    for (const c of index.chunks) for (const y of `${c.heading.join(' ')} ${c.text}`.match(YEAR) ?? []) years.add(y)
    yearsOf.set(index, years)
  }
  return asked.some((y) => !years.has(y))
}

export function decide(index: KnowledgeIndex, query: PreparedQuery, passages: Passage[], model: DecisionModel = DECISION_MODEL, look: SecondLookModel = SECOND_LOOK): Decision {
  if (!passages.length) return { grounded: false, outcome: 'decline', coverage: 0, similarity: 0, typeOk: false, best: 0, unknown: 0, probability: 0 }
  const f = decisionFeatures(index, query, coverageSpec(index, query), passages)
  // A year the documents never write ("上海市妇联2023年…" of a folder that stops at 2020) cannot be answered
  // from them, however close the passages' other words are (tuning side a–j: 8 uncovered questions, no covered one).
  const first = unwrittenYear(index, query.own) ? 'decline' : outcomeOf(model, f)
  const probability = coveredProbability(model, f)
  // A second look at what she asked that the best window does not say (second-look.ts). Not for a follow-up: its own
  // words ("要交钱不") lean on the previous question's topic, which the grams don't see, and the model was fitted on
  // questions that stand alone. Nor for an outright answer, which it leaves as it is.
  const secondLook = query.context || first === 'answer' ? undefined : secondLookProbability(look, query.own, f, probability, first)
  const outcome = secondLook === undefined ? first : afterSecondLook(look, first, secondLook, Boolean(f.offDomain))
  return { grounded: outcome !== 'decline', outcome, first, secondLook, coverage: f.sentence, similarity: f.similarity, typeOk: f.typeOk, best: f.best, unknown: f.unknown, probability, features: f }
}
