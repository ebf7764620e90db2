// Covered or not: does some sentence of the retrieved passages answer the question? A passage may share
// the question's topic words ("妇联执委") and say nothing about what is asked ("怎么报名参选"). So the
// evidence is measured on the best answer SENTENCE (with its neighbour), words count by how specific they
// are — in general language (jieba's IDF) AND in this knowledge folder (a word in most passages, like
// 妇联 or 工作 in a Women's Federation folder, says little) — and the question's most specific terms are
// checked on their own. A few signals are combined by a logistic model fitted on the tuning half
// (`weijia eval --calibrate`); the weights below are its output, with where they come from.
import { answersTypes, answerTypes } from './answer-type.ts'
import type { KnowledgeIndex } from './index-store.ts'
import { coverageOf, exactOf, type CoverageSpec } from './rerank.ts'
import { GRAM_MARK } from './tokenize.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'

const SENTENCE = /[^。！？；\n]+[。！？；]?/g

/**
 * Words of this kind of document that name the setting rather than the question's point. General language
 * rates them as specific (妇联 10.6, 微家 unknown); they are weak evidence whatever the folder.
 */
const GENERIC = new Set(
  (
    '妇女 妇联 微家 妇女微家 女性 活动 工作 服务 社区 开展 组织 建设 发展 家庭 群众 基层 街道 村 乡镇 镇 县 区 市 ' +
    '单位 部门 机构 项目 情况 问题 方面 有关 相关 举办 进行 实施 推进 加强 提供 帮助 帮扶 提升 参与 全面 积极'
  ).split(' '),
)

/** Question scaffolding that jieba keeps as words but that names nothing to look for. */
const SCAFFOLD = new Set(
  '地方 有人 具体 到底 那种 来着 这块 现在 一共 大概 主要 一般 叫 说 讲 看到 海报 上面 听说 哈哈 那年 今年 去年 明年 这个月'.split(' '),
)

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
  /** Share of the question's two most specific terms found in the best sentence window. */
  specific: number
  /** Asked-for answer kind (phone, date, money…) beside the topic; quoted terms and numbers literal. */
  typeOk: boolean
  /** Best cosine similarity of the dense search. */
  similarity: number
  /** Weighted share of the question's terms found nowhere in the folder ("参选", "天气"): asked, never written about. */
  unknown: number
  /** Index into passages of the passage holding the best sentence. */
  best: number
}

/** Sentence windows of a passage: each sentence with the one after it. */
function windows(text: string): string[] {
  const s = (text.match(SENTENCE) ?? []).map((x) => x.trim()).filter(Boolean)
  if (s.length <= 1) return s
  const out: string[] = []
  for (let i = 0; i + 1 < s.length; i++) out.push(s[i]! + s[i + 1]!)
  return out
}

const only = (spec: CoverageSpec, t: string): CoverageSpec => ({ ...spec, terms: [t], total: spec.weight(t) || 1 })

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
  const specific = spec.keyTerms.length ? spec.keyTerms.reduce((s, t) => s + coverageOf(only(spec, t), bestWindow), 0) / spec.keyTerms.length : 1
  const types = answerTypes(query.own)
  const typeOk = head.some((p) => {
    const text = index.normalizedText(p.row)
    return answersTypes(types, base.keyTerms, text) && exactOf(query.exact, text) === (query.exact.length ? 1 : 0) && coverageOf(spec, text) >= passage * 0.8
  })
  const similarity = Math.max(0, ...head.map((p) => p.similarity ?? 0))
  const absent = spec.terms.filter((t) => !inFolder(index, t) && !spec.bridges.some((b) => b.fragments.some((f) => f.includes(t) || t.includes(f))))
  const unknown = spec.total ? absent.reduce((s, t) => s + spec.weight(t), 0) / spec.total : 0
  return { sentence, passage, specific, typeOk, similarity, unknown, best }
}

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/

/** Whether the folder has the word: as an indexed word, or (Chinese) every character pair of it somewhere. */
function inFolder(index: KnowledgeIndex, t: string): boolean {
  if (index.keyword.df(t) > 0) return true
  if (t.length < 2 || !CJK.test(t)) return false
  for (let i = 0; i + 1 < t.length; i++) if (!index.keyword.df(GRAM_MARK + t.slice(i, i + 2))) return false
  return true
}

/** The model's inputs in a fixed order (the order of DECISION_MODEL.weights). */
export function featureVector(f: DecisionFeatures): number[] {
  return [f.sentence, f.passage, f.specific, f.typeOk ? 1 : 0, f.similarity, f.unknown]
}

export const FEATURE_NAMES = ['sentence', 'passage', 'specific', 'typeOk', 'similarity', 'unknown'] as const

export interface DecisionModel {
  bias: number
  weights: number[]
  /** Answer when the modelled probability of "covered" is at least this. */
  threshold: number
}

/**
 * Fitted by `weijia eval --calibrate --split test/fixtures/qa-real/split.json` on the tuning half only
 * (96 covered / 29 uncovered questions; class-weighted logistic regression, L2 0.01). Weights in
 * FEATURE_NAMES order. Share of covered questions declined / uncovered declined on that half by threshold:
 *   0.30 → 2.1% / 76%   0.35 → 4.2% / 79%   0.40 → 4.2% / 86%   0.45 → 5.2% / 86%   0.50 → 10% / 86%   0.60 → 20% / 90%
 * 0.42 sits inside the flat stretch 0.40–0.45 rather than at its edge. typeOk carries the largest weight: a
 * question asking for a number, time, date, address or amount that no topical sentence holds is declined.
 * The held-out half is never used here; its figures are in the eval report.
 */
export const DECISION_MODEL: DecisionModel = {
  bias: -4.649,
  weights: [1.2683, 1.4049, 1.1527, 2.7938, 0.3386, -1.0403],
  threshold: 0.42,
}

export function probability(model: DecisionModel, x: number[]): number {
  const z = model.bias + model.weights.reduce((s, w, i) => s + w * x[i]!, 0)
  return 1 / (1 + Math.exp(-z))
}

/**
 * Fits the logistic model by gradient descent with a small L2 penalty, classes weighted to count equally
 * (there are ~3 covered questions per uncovered one). Deterministic: zero start, fixed steps.
 */
export function fitLogistic(xs: number[][], ys: number[], opts: { l2?: number; steps?: number; rate?: number } = {}): { bias: number; weights: number[] } {
  const l2 = opts.l2 ?? 0.01
  const steps = opts.steps ?? 20000
  const rate = opts.rate ?? 0.5
  const d = xs[0]?.length ?? 0
  const pos = ys.filter((y) => y === 1).length
  const neg = ys.length - pos
  const cw = (y: number) => (y === 1 ? ys.length / (2 * (pos || 1)) : ys.length / (2 * (neg || 1)))
  let bias = 0
  const w = new Array<number>(d).fill(0)
  for (let step = 0; step < steps; step++) {
    let gb = 0
    const gw = new Array<number>(d).fill(0)
    xs.forEach((x, i) => {
      const p = probability({ bias, weights: w, threshold: 0 }, x)
      const e = (p - ys[i]!) * cw(ys[i]!)
      gb += e
      for (let j = 0; j < d; j++) gw[j]! += e * x[j]!
    })
    bias -= (rate * gb) / xs.length
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / xs.length + l2 * w[j]!)
  }
  return { bias, weights: w }
}
