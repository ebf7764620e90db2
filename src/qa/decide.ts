// Covered or not: does some sentence of the retrieved passages answer the question? A passage may share
// the question's topic words ("妇联执委") and say nothing about what is asked ("怎么报名参选"). So the
// evidence is measured on the best answer SENTENCE (with its neighbour), words count by how specific they
// are — in general language (jieba's IDF) AND in this knowledge folder (a word in most passages, like
// 妇联 or 工作 in a Women's Federation folder, says little) — and the question's most specific terms are
// checked on their own. Two monotone signals and two thresholds decide (DECISION_RULE below).
import { answersTypes, answerTypes } from './answer-type.ts'
import type { KnowledgeIndex } from './index-store.ts'
import { focusOf } from './focus.ts'
import { coverageOf, exactOf, type CoverageSpec } from './rerank.ts'
import { GRAM_MARK } from './tokenize.ts'
import { GENERIC, SCAFFOLD } from './weak-words.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'

const SENTENCE = /[^。！？；\n]+[。！？；]?/g

/** Share of passages from which a word counts as common in this folder, and where it bottoms out. */
const KB_COMMON = 0.05
const KB_FLOOR_SHARE = 0.5
const KB_FLOOR = 0.2
const GENERIC_WEIGHT = 0.3

/** The coverage spec with decision weights: folder-common and generic words weak, scaffolding out. */
/** Question word plus measure word, as jieba keeps them (几类, 第几次, 哪些地方, 什么样, 怎么分): the answer-type check covers what they ask. */
const QUESTION_WORD = /^(第?几|哪|什么|多少|怎么|怎样|如何|啥|咋)/
const HOW = /(?:怎么|如何|怎样|咋)(?:样)?(?:才能|才|去|来)?(\p{Script=Han}{2})/gu
const HOW_BOOST = 2

export function decisionSpec(index: KnowledgeIndex, query: PreparedQuery, spec: CoverageSpec): CoverageSpec {
  const n = index.keyword.size || 1
  const factor = (t: string) => {
    if (SCAFFOLD.has(t)) return 0
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
   * What the question asks about its topic (focus.ts: 申请 in "X怎么申请", 名额 in "名额多少") is written in a
   * sentence window that also has the topic (true when the question has no separate focus).
   */
  focus: boolean
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
  head.forEach((p, i) => {
    const text = index.normalizedText(p.row)
    passage = Math.max(passage, coverageOf(spec, text))
    const heading = index.normalizedHeading(p.row)
    for (const w of windows(text)) {
      // The heading names what the sentence is about ("第三条 法律援助"): it counts with it.
      const withHeading = `${heading} ${w}`
      const c = coverageOf(spec, withHeading)
      if (c > sentence + 1e-9) {
        sentence = c
        best = i
        bestWindow = withHeading
      }
    }
  })
  const types = answerTypes(query.own)
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
  const focus =
    !focusTerms.length ||
    head.some((p) => {
      const heading = index.normalizedHeading(p.row)
      return windows(index.normalizedText(p.row)).some((w) => {
        const text = `${heading} ${w}`
        return (!topic.length || topic.some((t) => has(t, text))) && focusTerms.every((f) => has(f, text))
      })
    })
  const absent = spec.terms.filter((t) => !inFolder(index, t) && !spec.bridges.some((b) => b.fragments.some((f) => f.includes(t) || t.includes(f))))
  const unknown = spec.total ? absent.reduce((s, t) => s + spec.weight(t), 0) / spec.total : 0
  return { sentence, passage, typeOk, key, similarity, unknown, best, focus }
}

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/

/** Whether the folder has the word: as an indexed word, or (Chinese) every character pair of it somewhere. */
function inFolder(index: KnowledgeIndex, t: string): boolean {
  if (index.keyword.df(t) > 0) return true
  if (t.length < 2 || !CJK.test(t)) return false
  for (let i = 0; i + 1 < t.length; i++) if (!index.keyword.df(GRAM_MARK + t.slice(i, i + 2))) return false
  return true
}

/**
 * What to do with a question, from two monotone signals with two thresholds (no fitted weights):
 * - the asked-for answer kind (a phone number, a date, an amount…) must be in a sentence about the topic,
 *   and quoted terms and numbers must be there literally (`typeOk`); otherwise decline;
 * - the decision-weighted coverage of the question by the best sentence window (`sentence`): at least
 *   `answer` → answer; at least `hedge` → answer with the passage but say plainly it may not be exactly what
 *   was asked and offer 转人工; below → decline.
 *
 * A logistic model over six signals fitted on the tuning half (29 uncovered questions) reached 0.86 / 0.04
 * there and 0.62 / 0.17 on the held-out half: it fitted the questions, not the problem. Two thresholds on one
 * coverage share have far less room to do that.
 *
 * Chosen by `weijia eval --calibrate` on the tuning half only (96 covered, 29 uncovered). Share of covered /
 * uncovered declined with the answer-kind check and one coverage threshold:
 *   0.28–0.40 → 1.0% / 76–79%   0.42–0.44 → 2.1% / 79–83%   0.46–0.50 → 4.2% / 86%   0.52 → 7.3% / 86%   0.60 → 18% / 86%
 * `answer` 0.47: the middle of the stretch within one question of the least balanced error. 5-fold
 * cross-validation of that choice (picked on four fifths, measured on the fifth): thresholds 0.38–0.47, on
 * average 4.0% of covered and 82% of uncovered declined — a little below the in-sample 86%, as it should be.
 * `hedge` 0.30: the middle of the flat stretch 0.28–0.38 where neither share moves; between the two, a
 * reply says plainly that the passage may not be what was asked. The held-out half is never used here.
 * Tried and dropped: declining when half the question's (weighted) terms are found nowhere in the folder
 * (tune: 2 more uncovered declined, none covered; held-out: 2 more uncovered but 4 more covered declined).
 *
 * The focus (focus.ts: what is asked about the topic — 报名 in "X怎么报名", 名额 in "名额多少") must stand in a
 * sentence window beside the topic, or an answer becomes a hedge. Tune: uncovered answered outright 4 → 1 of
 * 29, covered declined unchanged (1 of 96), covered hedged 3 → 7; held-out totals: uncovered answered outright
 * 10 → 5 of 29, covered declined unchanged (9 of 92), covered hedged 8 → 15. Tried and dropped: declining
 * outright when the focus is also nowhere in the folder and the best sentence lacks the most specific word
 * (tune: 3 more uncovered declined, no covered; held-out: 1 more uncovered but 3 more covered declined).
 * Also dropped: hedging when the best sentence has a template blank (clean.ts BLANK, "进入□、□公司"), even only for
 * questions asking a name — no tune question is affected either way; held-out: 1 uncovered fewer answered
 * outright, 5 more covered hedged.
 */
export interface DecisionRule {
  /** Answer outright at or above this coverage. */
  answer: number
  /** Answer with a caveat between this and `answer`; decline below. */
  hedge: number
  /**
   * Hedge rather than answer when at least this (weighted) share of the question's terms is found nowhere in
   * the folder AND the best sentence lacks the question's most specific word: "护照怎么办理" matched on 办理 alone.
   */
  unknown: number
}

export type Outcome = 'answer' | 'hedge' | 'decline'

export const DECISION_RULE: DecisionRule = { answer: 0.47, hedge: 0.3, unknown: 0.5 }

type OutcomeFeatures = Pick<DecisionFeatures, 'sentence' | 'typeOk' | 'key' | 'unknown'> & Partial<Pick<DecisionFeatures, 'focus'>>

export function outcomeOf(rule: DecisionRule, f: OutcomeFeatures): Outcome {
  if (!f.typeOk) return 'decline'
  // Mostly about words the folder never uses, and the most specific one missing: at best the closest passage.
  // So too when what is asked (the focus) is nowhere beside the topic: the passage is about X, not X's 报名.
  if (f.sentence >= rule.answer - 1e-9) return (f.key || f.unknown < rule.unknown) && f.focus !== false ? 'answer' : 'hedge'
  if (f.sentence >= rule.hedge - 1e-9) return 'hedge'
  return 'decline'
}

/** One labelled question as calibration sees it. */
export interface CalibrationRow {
  covered: boolean
  sentence: number
  typeOk: boolean
}

/** Share of covered questions declined and of uncovered ones declined when a single threshold `t` separates answer from decline. */
export function rates(rows: CalibrationRow[], t: number): { coveredDeclined: number; notCoveredDeclined: number } {
  const pos = rows.filter((r) => r.covered)
  const neg = rows.filter((r) => !r.covered)
  const declined = (r: CalibrationRow) => !r.typeOk || r.sentence < t - 1e-9
  return {
    coveredDeclined: pos.filter(declined).length / (pos.length || 1),
    notCoveredDeclined: neg.filter(declined).length / (neg.length || 1),
  }
}

export const GRID = Array.from({ length: 61 }, (_, i) => Number((0.2 + i * 0.01).toFixed(2)))

/**
 * The threshold in the middle of the widest stretch whose balanced error (share of covered declined + share of
 * uncovered answered, each class counting equally) is within one question of the least: the middle, not the
 * edge where one question tips the count, so one question more or less on either side doesn't move it.
 */
export function pickThreshold(rows: CalibrationRow[], grid = GRID): number {
  const cost = grid.map((t) => {
    const r = rates(rows, t)
    return r.coveredDeclined + (1 - r.notCoveredDeclined)
  })
  const pos = rows.filter((r) => r.covered).length
  const slack = 1 / Math.max(1, Math.min(pos, rows.length - pos)) + 1e-9
  const least = Math.min(...cost)
  let best: [number, number] | undefined
  for (let i = 0; i < grid.length; ) {
    if (cost[i]! > least + slack) {
      i++
      continue
    }
    let j = i
    while (j + 1 < grid.length && cost[j + 1]! <= least + slack) j++
    if (!best || j - i > best[1] - best[0]) best = [i, j]
    i = j + 1
  }
  return grid[Math.floor((best![0] + best![1]) / 2)]!
}

/** k-fold check of the threshold choice: picked on k−1 folds, measured on the one left out (rows in a fixed order). */
export function crossValidate(rows: CalibrationRow[], k = 5) {
  return Array.from({ length: k }, (_, f) => {
    const train = rows.filter((_, i) => i % k !== f)
    const test = rows.filter((_, i) => i % k === f)
    const t = pickThreshold(train)
    return { threshold: t, ...rates(test, t) }
  })
}
