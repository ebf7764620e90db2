// Covered or not: does some sentence of the retrieved passages answer the question? A passage may share
// the question's topic words ("妇联执委") and say nothing about what is asked ("怎么报名参选"). So the
// evidence is measured on the best answer SENTENCE (with its neighbour), words count by how specific they
// are — in general language (jieba's IDF) AND in this knowledge folder (a word in most passages, like
// 妇联 or 工作 in a Women's Federation folder, says little) — and the question's most specific terms are
// checked on their own. A learned model over these signals decides (outcomeOf below, decision-model.ts).
import { answersCount, answersTypes, answerTypes, asksCount, hasAnswerOf } from './answer-type.ts'
import type { KnowledgeIndex } from './index-store.ts'
import { coveredProbability, outcome, type DecisionModel } from './decision-model.ts'
import { askedDetails, asksWhatIsMasked, askedValues, detailsFound, masked, setListed, valuesFound, type Detail } from './detail.ts'
import { focusOf } from './focus.ts'
import { lexiconOf } from './lexicon.ts'
import { coverageOf, exactOf, SCHEME_TERM, type CoverageSpec } from './rerank.ts'
import { normalizeForIndex } from './normalize.ts'
import { adviceFar, askedDocumentYears, choiceAsked, documentOfYear, forecastAsked, foreignPlace, materialAsked, offDomainTerms, quotedUnknown, unknownNumberAsked } from './off-domain.ts'
import { contentTerms, GRAM_MARK, taggedWords } from './tokenize.ts'
import { GENERIC, KINDS_COUNT, QUESTION_WORD, SCAFFOLD } from './weak-words.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'
import { beyondTitles, titlesOf } from './title-line.ts'
import { namesOwnTopic } from './followup.ts'

export const SENTENCE = /[^。！？；\n]+[。！？；]?/g

/** Share of passages from which a word counts as common in this folder, and where it bottoms out. */
const KB_COMMON = 0.05
const KB_FLOOR_SHARE = 0.5
const KB_FLOOR = 0.2
const GENERIC_WEIGHT = 0.3

const HOW = /(?:怎么|如何|怎样|咋)(?:样)?(?:才能|才|去|来)?(\p{Script=Han}{2})/gu
const HOW_BOOST = 2
/** Windows within this share of the best window's coverage are searched for the asked detail. */
const DETAIL_NEAR = 0.85
/** How many of the windows nearly as close as the best one the second look reads beside it (second-look.ts). */
const NEAR_WINDOWS = 6
/** Coverage this close to the best window's is a tie when choosing the window to quote. */
const TIE = 0.02

/** The coverage spec with decision weights: folder-common and generic words weak, scaffolding out. */
export function decisionSpec(index: KnowledgeIndex, query: PreparedQuery, spec: CoverageSpec): CoverageSpec {
  const n = index.keyword.size || 1
  const factor = (t: string) => {
    if (SCAFFOLD.has(t) || KINDS_COUNT.test(t)) return 0
    let f = GENERIC.has(t) ? GENERIC_WEIGHT : 1
    const share = index.keyword.df(t) / n
    if (share > KB_COMMON) f *= Math.max(KB_FLOOR, 1 - ((1 - KB_FLOOR) * Math.log(share / KB_COMMON)) / Math.log(KB_FLOOR_SHARE / KB_COMMON))
    return f
  }
  const terms = spec.terms.filter((t) => factor(t) > 0 && !QUESTION_WORD.test(t))
  // "怎么报名参选": the action asked about must be written about, not only the topic.
  const how = new Set([...query.own.matchAll(HOW)].map((m) => m[1]!))
  const howTerms = terms.filter((t) => t.length >= 2 && [...how].some((h) => t.startsWith(h)))
  const weight = (t: string) => spec.weight(t) * factor(t) * (howTerms.includes(t) ? HOW_BOOST : 1)
  const keyTerms = [
    ...howTerms,
    ...terms.filter((t) => t.length >= 2 && !howTerms.includes(t) && !answerTypes(t).length).sort((a, b) => weight(b) - weight(a)),
  ].slice(0, 2)
  return { ...spec, terms, weight, total: terms.reduce((s, t) => s + weight(t), 0), keyTerms }
}

export interface DecisionFeatures {
  /** Best decision-weighted coverage of the question by one sentence plus the next (and the heading). */
  sentence: number
  /** Best decision-weighted coverage by a whole passage. */
  passage: number
  /** Asked-for answer kind (phone, date, money…) beside the topic; quoted terms and numbers literal. */
  typeOk: boolean
  /** The best sentence window has the question's most specific term. */
  key: boolean
  /** Best cosine similarity of the dense search. */
  similarity: number
  /** Weighted share of the question's terms found nowhere in the folder ("参选", "天气"): asked, never written about. */
  unknown: number
  /** Index into passages of the passage holding the best sentence. */
  best: number
  /**
   * The best sentence window (with its heading), normalised, and after it the windows nearly as close to the question
   * (up to six: where the asked detail is looked for, and the reply may quote from): what the second look reads.
   */
  window: string
  /**
   * What the question asks about its topic (focus.ts: 申请 in "X怎么申请", 名额 in "名额多少") is written in a
   * sentence window that also has the topic (true when the question has no separate focus).
   */
  focus: boolean
  /**
   * The question names an everyday service the folder never writes (off-domain.ts: 燃气费, 下雨, 物业): declined
   * whatever the model says.
   */
  offDomain?: boolean
  /**
   * The question says something beyond the titles of the documents found, and no window of the first passages has any
   * of it: the windows match only by the title's words (a follow-up whose context is the title, "在哪报名" after an answer
   * from the 雨花区 plan, found its title line and opening sentence). Declined whatever the model says.
   */
  titleOnly?: boolean
  /**
   * A follow-up that leans wholly on the previous question ("要交钱吗" after "家长学校是干啥的") is answered from a
   * passage that names none of that topic (the 两癌 free check's 免费): declined whatever the model says.
   */
  topicLost?: boolean
  /** Extra signals for the learned decision (decision-model.ts). */
  extra: {
    /** Coverage of the question's most specific word in the best window (0–1; `key` is this ≥ 0.5). */
    keyShare: number
    /** Fused-and-reranked score of the first passage, and its lead over the second. */
    top: number
    margin: number
    /** Reranker coverage of the first passage. */
    topCoverage: number
    /** Number of decision terms of the question. */
    terms: number
    /** The question asks for an answer kind (phone, date, amount…). */
    asksType: boolean
    /** The question has a focus (focus.ts), and the share of its focus words found anywhere in the folder. */
    hasFocus: boolean
    focusInFolder: number
    /** Best share of the focus words in a window beside the topic. */
    focusShare: number
    /** The question has quoted terms or numbers, and the best share of them one passage has literally. */
    exactAsked: boolean
    exactShare: number
    /** The asked-for answer kinds are beside the topic (typeOk without the literal-terms part). */
    typesOnly: boolean
    /**
     * Every part of a question in several clauses ("在哪，电话多少") is asked: the least, over its clauses, of
     * the best window's coverage of that clause's terms (the sentence coverage for a one-clause question).
     */
    clauseMin: number
    /** The question asks how many, and whether a sentence about its topic states a count. */
    asksCount: boolean
    countOk: boolean
    /** Everyday words bridged to document wording (colloquial.ts, glossary). */
    bridged: boolean
    /**
     * The question asks for a detail of a known shape or a value named by its noun (detail.ts), and a window beside
     * the topic has it (the value: its noun with a value of the asked shape, in one window of the top passages).
     */
    detailAsked: boolean
    detailOk: boolean
    /** The best window has the documents' redaction marks (×××, xx). */
    masked: boolean
    /**
     * Folder-IDF-weighted share of the question's words missing from the best window: a word the folder never
     * uses weighs most ("物业费", "漏水"), one in most passages least; a glossary or alias bridge, or a lexicon
     * equivalent the folder has (lexicon.ts), counts as the word.
     */
    missing: number
    /**
     * `missing` split in two: the part from words an everyday-word entry recognises (an alias, a glossary entry or
     * a lexicon row names them: 俺, 弄个, 娃…), and the rest (物业费, 漏水: words nothing explains).
     */
    missingEveryday: number
    missingOther: number
    /** Candidate signals under study (decision lab); not read by the shipped model. */
    lab?: Record<string, number>
  }
}

/** Sentence windows of a passage: each sentence with the one after it. */
function windows(text: string): string[] {
  const s = (text.match(SENTENCE) ?? []).map((x) => x.trim()).filter(Boolean)
  if (s.length <= 1) return s
  const out: string[] = []
  for (let i = 0; i + 1 < s.length; i++) out.push(s[i]! + s[i + 1]!)
  return out
}

export function decisionFeatures(index: KnowledgeIndex, query: PreparedQuery, base: CoverageSpec, passages: Passage[], top = 5): DecisionFeatures {
  const spec = decisionSpec(index, query, base)
  const head = passages.slice(0, top)
  let sentence = 0
  let passage = 0
  let best = 0
  let bestWindow = ''
  const scored: [string, number, number][] = []
  head.forEach((p, i) => {
    const text = index.normalizedText(p.row)
    passage = Math.max(passage, coverageOf(spec, text))
    const heading = index.normalizedHeading(p.row)
    for (const w of windows(text)) {
      // The heading names what the sentence is about ("第三条 法律援助"): it counts with it. (On a line of its own: a
      // time in a heading is its own item's, see hasDetail.)
      const withHeading = `${heading}\n${w}`
      const c = coverageOf(spec, withHeading)
      scored.push([withHeading, c, i])
      if (c > sentence + 1e-9) {
        sentence = c
        best = i
        bestWindow = withHeading
      }
    }
  })
  const types = answerTypes(query.own)
  const titleOnly = onlyByTitles(spec, head, scored, (rest) => types.some((t) => hasAnswerOf(t, rest)))
  const typeOk = head.some((p) => {
    const text = index.normalizedText(p.row)
    return answersTypes(types, base.keyTerms, text) && exactOf(query.exact, text) === (query.exact.length ? 1 : 0) && coverageOf(spec, text) >= passage * 0.8
  })
  const similarity = Math.max(0, ...head.map((p) => p.similarity ?? 0))
  // The question's most specific word ("护照" in "护照怎么办理"), as written, in part, or bridged.
  // (By weight alone: keyTerms puts the "怎么…" action first, and 办理 is not what "护照怎么办理" is about.)
  const keyTerm = spec.terms.filter((t) => t.length >= 2 && !answerTypes(t).length).sort((a, b) => spec.weight(b) - spec.weight(a))[0]
  const key = !keyTerm || coverageOf({ ...spec, terms: [keyTerm], total: spec.weight(keyTerm) || 1 }, bestWindow) >= 0.5
  // The focus beside the topic: some window has both. The topic is the most specific word that isn't the focus.
  const focusTerms = focusOf(query.own)
  const share = (t: string, text: string) => coverageOf({ ...spec, terms: [t], total: spec.weight(t) || 1 }, text)
  // A compound counts when written apart ("热线…电话"), not when only one part is there (活动 of 亲子活动).
  const has = (t: string, text: string) => share(t, text) > 0.5 + 1e-9
  const topic = spec.terms
    .filter((t) => t.length >= 2 && !answerTypes(t).length && !focusTerms.some((f) => f.includes(t) || t.includes(f)))
    .sort((a, b) => spec.weight(b) - spec.weight(a))
    .slice(0, 2)
  let focusShare = focusTerms.length ? 0 : 1
  if (focusTerms.length) for (const p of head) {
    const heading = index.normalizedHeading(p.row)
    for (const w of windows(index.normalizedText(p.row))) {
      const text = `${heading} ${w}`
      if (topic.length && !topic.some((t) => has(t, text))) continue
      focusShare = Math.max(focusShare, focusTerms.filter((f) => has(f, text)).length / focusTerms.length)
    }
  }
  const focus = focusShare >= 1 - 1e-9
  // The asked detail (a name, a year, a place, a phone…) beside the topic, beyond the question's own words.
  const details = askedDetails(query.own)
  // Of windows as close as the best one, the reply quotes one that holds the asked detail: "保护令去哪里申请" ties on
  // every passage of the 保护令 section, and 第三条 (向…基层人民法院申请) says where. The signals stay on bestWindow.
  let answerFrom = best
  if (details.length && !detailsFound(details, query.own, [bestWindow])) {
    const other = scored.find(([w, c]) => c >= sentence - TIE - 1e-9 && detailsFound(details, query.own, [w]))
    if (other) answerFrom = other[2]
  }
  // Only the windows nearly as close to the question as the best one: a name three paragraphs away is
  // someone else's.
  const close = scored.filter(([, c]) => c >= sentence * DETAIL_NEAR - 1e-9).map(([w]) => w)
  // And the asked value's own noun (利息 in "小额贷款利息是多少", 报酬 in "能拿多少报酬") with a value of the asked
  // shape in one window of the top passages, the noun as written or through a glossary / lexicon bridge: the
  // loan's total beside the topic does not give its interest.
  const values = askedValues(query.own)
  const present = presenceOf(index, query, spec)
  // And the members of a named set, listed where the set is named ("“五有”（有阵地、有主人…）"), when that is asked.
  const listed = setListed(query.own, scored.map(([w]) => w))
  // "十大项目分别叫什么": the set listed where it is named (十大项目（巾帼强、巾帼创…）) gives the members' names.
  const unnamed = (ds: Detail[]) => (listed ? ds.filter((d) => d !== 'name') : ds)
  // A message of several questions ("几点开？踏春徒步要走多远"): each one's detail beside its own words, in the windows
  // nearly as close to that question as its best one; the whole question's best window need not hold them all.
  const questions = query.own.split(/[？?。！!；;]+/u).map((c) => c.trim()).filter((c) => c.length >= 4)
  const asks = questions.map((c) => ({ c, ds: askedDetails(c) })).filter(({ ds }) => ds.length)
  const eachFound = () =>
    asks.every(({ c, ds }) => {
      const ts = spec.terms.filter((t) => c.includes(t) && spec.weight(t) > 0)
      if (!ts.length) return false
      const part = { ...spec, terms: ts, total: ts.reduce((sum, t) => sum + spec.weight(t), 0) }
      const cov = scored.map(([w]) => [w, coverageOf(part, w)] as const)
      const top = Math.max(...cov.map(([, x]) => x))
      return top >= 0.5 && cov.some(([w, x]) => x >= top * DETAIL_NEAR - 1e-9 && detailsFound(unnamed(ds), c, [w]))
    })
  const detailOk =
    (detailsFound(unnamed(details), query.own, [bestWindow, ...close]) || (questions.length >= 2 && asks.length >= 1 && eachFound())) &&
    valuesFound(values.map((v) => ({ ...v, details: unnamed(v.details) })), query.own, scored.map(([w]) => w), present) &&
    listed !== false &&
    !asksWhatIsMasked(query.own)
  const absent = spec.terms.filter((t) => !inFolder(index, t) && !spec.bridges.some((b) => b.fragments.some((f) => f.includes(t) || t.includes(f))))
  const unknown = spec.total ? absent.reduce((s, t) => s + spec.weight(t), 0) / spec.total : 0
  const keyShare = keyTerm ? coverageOf({ ...spec, terms: [keyTerm], total: spec.weight(keyTerm) || 1 }, bestWindow) : 1
  const clauses = query.own.split(/[，,。？?！!；;\s]+/).map((c) => spec.terms.filter((t) => c.includes(t))).filter((ts) => ts.some((t) => spec.weight(t) > 0))
  let clauseMin = sentence
  if (clauses.length > 1) {
    const texts = head.flatMap((p) => windows(index.normalizedText(p.row)).map((w) => `${index.normalizedHeading(p.row)} ${w}`))
    clauseMin = Math.min(
      ...clauses.map((ts) => {
        const part = { ...spec, terms: ts, total: ts.reduce((s, t) => s + spec.weight(t), 0) }
        return Math.max(0, ...texts.map((t) => coverageOf(part, t)))
      }),
    )
  }
  const extra = {
    clauseMin,
    keyShare,
    top: passages[0]?.score ?? 0,
    margin: (passages[0]?.score ?? 0) - (passages[1]?.score ?? 0),
    topCoverage: passages[0]?.coverage ?? 0,
    terms: spec.terms.length,
    asksType: types.length > 0,
    hasFocus: focusTerms.length > 0,
    focusInFolder: focusTerms.length ? focusTerms.filter((t) => inFolder(index, t)).length / focusTerms.length : 1,
    focusShare,
    exactAsked: query.exact.length > 0,
    exactShare: query.exact.length ? Math.max(0, ...head.map((p) => exactOf(query.exact, index.normalizedText(p.row)))) : 1,
    typesOnly: head.some((p) => {
      const text = index.normalizedText(p.row)
      return answersTypes(types, base.keyTerms, text) && coverageOf(spec, text) >= passage * 0.8
    }),
    asksCount: asksCount(query.own),
    countOk: !asksCount(query.own) || head.some((p) => answersCount(base.keyTerms, index.normalizedText(p.row))),
    bridged: spec.bridges.length > 0,
    detailAsked: details.length > 0 || values.length > 0 || listed !== undefined || asksWhatIsMasked(query.own),
    detailOk,
    masked: masked(bestWindow),
    ...missingShares(index, query, spec, bestWindow, present),
    lab: LAB.signals?.({ index, query, spec, head, passages, bestWindow, best, close, all: scored.map(([w]) => w), present }),
  }
  const written = (t: string) => inFolder(index, t)
  const offDomain =
    offDomainTerms(contentTerms(query.own), written, query.own).length > 0 ||
    forecastAsked(query.own) ||
    choiceAsked(query.own, contentTerms, written) ||
    foreignPlace(taggedWords(query.own), written) ||
    askedDocumentYears(query.own).some((y) => !writtenAnywhere(index, documentOfYear(y))) ||
    unknownNumberAsked(query.own, (t) => writtenAnywhere(index, t)) ||
    materialAsked(query.own, [bestWindow, ...close]) ||
    adviceFar(query.own, sentence) ||
    // (A name with a character pair no passage has is written nowhere: no scan of every passage on the message path.)
    quotedUnknown(query.own, (t) => !(CJK.test(t) && !inFolder(index, t)) && writtenAnywhere(index, t))
  const topicLost = lostContextTopic(index, query, spec, head[answerFrom])
  return { sentence, passage, typeOk, key, similarity, unknown, best: answerFrom, window: [bestWindow, ...close.slice(0, NEAR_WINDOWS)].join('\n'), focus, offDomain, titleOnly, topicLost, extra }
}

/**
 * Whether every window of the first passages matches the question only by words of its document's titles, while the
 * question asks more than those (`scored`: each window with its passage's place in `head`). A window holding the kind
 * of answer asked (a date for "哪一天发布的": the plan's closing "2019年1月7日"), outside the title, says more.
 */
/**
 * The question is a follow-up with no topic of its own (followup.ts namesOwnTopic: "要交钱吗", "那周末呢"), and the
 * passage it would be answered from has none of the previous question's topic words beyond the document's title (the
 * context is that title plus her latest topic words, followup.ts followupContext). Its own words alone then found
 * something else the document says: "要交钱吗" after "家长学校是干啥的" quoted the report's "两癌免费检查".
 */
function lostContextTopic(index: KnowledgeIndex, query: PreparedQuery, spec: CoverageSpec, from: Passage | undefined): boolean {
  if (!query.context || !from || namesOwnTopic(query.own)) return false
  const own = contentTerms(query.own)
  const topic = beyondTitles(contentTerms(query.context), titlesOf(from.chunk)).filter((t) => t.length >= 2 && !own.includes(t) && spec.weight(t) > 0)
  if (!topic.length) return false
  const text = `${from.chunk.title} ${index.normalizedHeading(from.row)} ${index.normalizedText(from.row)}`
  return !topic.some((t) => coverageOf({ ...spec, terms: [t], total: spec.weight(t) || 1 }, text) > 0.5 + 1e-9)
}

function onlyByTitles(spec: CoverageSpec, head: Passage[], scored: [string, number, number][], holdsAsked: (window: string) => boolean): boolean {
  const titles = head.map((p) => titlesOf(p.chunk))
  const beyond = titles.map((ts) => {
    const terms = beyondTitles(spec.terms, ts).filter((t) => spec.weight(t) > 0)
    return { ...spec, terms, total: terms.reduce((s, t) => s + spec.weight(t), 0) }
  })
  // A question made of a document's title words alone ("雨花区妇联2019年工作计划") is not judged here, nor one that adds
  // only single characters to them ("两癌筛查几岁能做" asked of the 两癌筛查 notice: 做 says little alone).
  if (beyond.some((b) => !b.total || !b.terms.some((t) => t.length >= 2))) return false
  return scored.every(([w, , i]) => coverageOf(beyond[i]!, w) === 0 && !holdsAsked(titles[i]!.reduce((text, t) => text.split(t).join(' '), w)))
}

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/

/** Whether the folder has the word: as an indexed word, or (Chinese) every character pair of it somewhere. */
export function inFolder(index: KnowledgeIndex, t: string): boolean {
  if (index.keyword.df(t) > 0) return true
  if (SCHEME_TERM.test(t)) return writtenAnywhere(index, t)
  if (t.length < 2 || !CJK.test(t)) return false
  for (let i = 0; i + 1 < t.length; i++) if (!index.keyword.df(GRAM_MARK + t.slice(i, i + 2))) return false
  return true
}

/**
 * Whether some passage (title and headings included) has `t` — a string, or a pattern — scanned once per index and
 * `t`: a scheme named by its numbers ("1+2+2", rerank.ts) is no indexed word, nor is a year's plan; only the rare
 * question that names one pays for the scan.
 */
export function writtenAnywhere(index: KnowledgeIndex, t: string | RegExp): boolean {
  let seen = LITERAL.get(index)
  if (!seen) LITERAL.set(index, (seen = new Map()))
  const key = typeof t === 'string' ? t : `/${t.source}/`
  let found = seen.get(key)
  if (found === undefined) {
    found = false
    // Not through normalizedText(), which keeps what it makes: one scan would hold every passage's text for good.
    for (const c of index.chunks) {
      const text = normalizeForIndex(`${c.title} ${c.heading.join(' ')} ${c.text}`)
      if ((found = typeof t === 'string' ? text.includes(t) : t.test(text))) break
    }
    seen.set(key, found)
  }
  return found
}
const LITERAL = new WeakMap<KnowledgeIndex, Map<string, boolean>>()

export type Outcome = 'answer' | 'hedge' | 'decline'

/**
 * What to do with a question: the learned model's probability that the documents answer it (decision-model.ts,
 * fitted on the tuning side by decision-train.ts, which scores its choices on this same rule) — at least
 * `answer` → answer; at least `hedge` → answer with the passage but say plainly it may not be exactly what was
 * asked and offer 转人工; below → decline. A best window covering less than the model's `floor` of the question
 * is declined, and with `focusGate` a focus nowhere beside the topic (the passage is about X, not X's 报名)
 * makes an answer a hedge.
 */
export function outcomeOf(model: DecisionModel, f: DecisionFeatures): Outcome {
  return outcome(model, coveredProbability(model, f), { ...f, keyShare: f.extra.keyShare, detailFound: f.extra.detailAsked && f.extra.detailOk })
}


/**
 * How specific a word is in this folder: log of passages over passages having it (a Chinese word jieba does not
 * index counts by its rarest character pair; a word the folder never uses gets the top value), generic words
 * and single characters cut down as in the coverage weights.
 */
export function folderIdf(index: KnowledgeIndex, t: string): number {
  let df = index.keyword.df(t)
  // A scheme the folder writes is as specific as a word in one passage.
  if (!df && SCHEME_TERM.test(t) && writtenAnywhere(index, t)) df = 1
  if (!df && t.length >= 2 && CJK.test(t)) {
    df = Infinity
    for (let i = 0; i + 1 < t.length; i++) df = Math.min(df, index.keyword.df(GRAM_MARK + t.slice(i, i + 2)))
  }
  const n = index.keyword.size || 1
  return Math.log((n + 1) / (df + 0.5)) * (GENERIC.has(t) ? GENERIC_WEIGHT : 1) * (t.length === 1 ? SINGLE_WEIGHT : 1)
}

const SINGLE_WEIGHT = 0.3

/**
 * Folder-IDF-weighted share of the question's decision terms that `window` lacks (DecisionFeatures.extra.missing),
 * and its two parts: the words an everyday-word entry (alias, glossary, lexicon row) recognises, and the rest.
 */
function missingShares(index: KnowledgeIndex, query: PreparedQuery, spec: CoverageSpec, window: string, present: (t: string, window: string) => boolean): { missing: number; missingEveryday: number; missingOther: number } {
  const terms = spec.terms.filter((t) => spec.weight(t) > 0)
  const total = terms.reduce((s, t) => s + folderIdf(index, t), 0)
  const everyday = everydayOf(query, spec)
  const share = (ts: string[]) => (total ? ts.reduce((s, t) => s + folderIdf(index, t), 0) / total : 0)
  const absent = terms.filter((t) => !present(t, window))
  return { missing: share(absent), missingEveryday: share(absent.filter(everyday)), missingOther: share(absent.filter((t) => !everyday(t))) }
}

/** A question word and a bridge's fragments overlap when either holds the other. */
export const overlaps = (t: string, fragments: string[]) => fragments.some((f) => f.includes(t) || t.includes(f))

/** Whether a question word is an everyday word some entry recognises: a lexicon row, a glossary bridge or an alias. */
export function everydayOf(query: PreparedQuery, spec: CoverageSpec): (t: string) => boolean {
  const lexicon = lexiconOf(query.own)
  return (t) =>
    lexicon.some((l) => overlaps(t, l.colloquial.split(' '))) || spec.bridges.some((b) => overlaps(t, b.fragments)) || query.aliases.some((a) => a.colloquial.includes(t) || t.includes(a.colloquial))
}

/**
 * Whether a window has a question word: as written, through a glossary or alias bridge whose official word it has,
 * or through a lexicon row whose official word the folder has (the lexicon's official words stand for the
 * everyday words that point to them).
 */
export function presenceOf(index: KnowledgeIndex, query: PreparedQuery, spec: CoverageSpec): (t: string, window: string) => boolean {
  const lexicon = lexiconOf(query.own).filter((l) => inFolder(index, l.formal))
  return (t, window) =>
    window.includes(t) ||
    // "两癌筛查" is in "妇女“两癌”筛查": quotation marks inside a word do not part it.
    (QUOTE_MARK.test(window) && window.replace(QUOTE_MARKS, '').includes(t)) ||
    spec.bridges.some((b) => overlaps(t, b.fragments) && b.formal.some((f) => window.includes(f))) ||
    lexicon.some((l) => overlaps(t, l.colloquial.split(' ')) && window.includes(l.formal))
}

const QUOTE_MARKS = /[“”"「」『』‘’]/gu
const QUOTE_MARK = new RegExp(QUOTE_MARKS.source, 'u')

/** What the decision lab (scripts/decision-lab.ts, src/qa/decision-lab.ts) reads of one question. */
export interface LabInput {
  index: KnowledgeIndex
  query: PreparedQuery
  spec: CoverageSpec
  head: Passage[]
  passages: Passage[]
  bestWindow: string
  best: number
  close: string[]
  /** Every window of the head passages (with heading). */
  all: string[]
  present: (t: string, window: string) => boolean
}

/**
 * The decision lab sets `signals` to record candidate signals beside the shipped ones; the runtime never does, so
 * none of that code is on the message path.
 */
export const LAB: { signals?: (input: LabInput) => Record<string, number> } = {}
