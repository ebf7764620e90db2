// The second look at the covered / not-covered decision: a sparse logistic model over what the question asks that
// the answer windows do not say — each character 1–3-gram of the question absent from the best window and those
// nearly as close (decide.ts), and each of its words beside each kind of value (a time, a sum, a place…) they lack —
// next to the first decision's own signals. The hand rules (detail.ts, off-domain.ts) name the asks they know
// ("多少钱", "几点"); a writer they have never met asks in words they don't list, and this model has learned, from the
// tuning side, which missing words mean the documents don't answer. It can decline what the first decision hedges,
// and turn a decline it is sure about into a hedge (never an outright answer). Trained by second-look-train.ts
// (`npm run train:second-look`); the runtime only reads the model file.
import { z } from 'zod'
import type { DecisionFeatures } from './decide.ts'
import type { Outcome } from './decide.ts'
import { sparseScore, type SparseFit, type SparseRow } from './sparse-logistic.ts'
import modelJson from './second-look-model.json' with { type: 'json' }

/** Punctuation, spaces and digits part the question: a gram never spans them (a number is no ask word). */
const PART = /[\s，,。？?！!；;：:、~～…“”"「」（）()0-9０-９]/u

/** The question's character n-grams (code points; `sizes`: n), each once, in order. */
export function questionGrams(question: string, sizes: readonly number[] = [1, 2, 3]): string[] {
  const out = new Set<string>()
  for (const run of question.split(new RegExp(PART.source, 'gu'))) {
    const cs = Array.from(run)
    for (const n of sizes) for (let i = 0; i + n <= cs.length; i++) out.add(cs.slice(i, i + n).join(''))
  }
  return [...out]
}

/**
 * Kinds of value a window may hold. Crossed with the question's words they let the model learn which words ask for
 * which kind ("几点" and a window with no time of day; "多少钱" and one with no sum): what detail.ts writes by hand for
 * the asks it knows, learned for those it doesn't.
 */
export const WINDOW_KINDS = {
  number: /[0-9０-９]|[一二三四五六七八九十百千万两]+[个名次人家场项所期届条种类位岁天年月周]/u,
  money: /[0-9.]+\s*(?:万元|元|万|块)|免费|不收/u,
  date: /[0-9一二三四五六七八九十]+月|[0-9]+日|[0-9]{4}年|每周|每月|每年|星期/u,
  time: /[0-9]+[:：][0-9]+|[0-9一二三四五六七八九十]+点|上午|下午|晚上/u,
  phone: /[0-9]{5,}|热线|电话/u,
  place: /[路街巷楼室村]|社区|中心|地点|大厅|窗口|办公/u,
  age: /[0-9一二三四五六七八九十]+[岁周]|年龄|以上|以下/u,
} satisfies Record<string, RegExp>
export type WindowKind = keyof typeof WINDOW_KINDS

/**
 * What the model reads of the question and its window: each question gram the window lacks (as itself), and each
 * question word of two or three characters crossed with each kind of value the window lacks ("几点¬time").
 */
export function secondLookFeatures(question: string, window: string, sizes: readonly number[], kinds: readonly string[]): string[] {
  const grams = questionGrams(question, sizes)
  const lacking = kinds.filter((k) => !WINDOW_KINDS[k as WindowKind].test(window))
  const out = grams.filter((g) => !window.includes(g))
  for (const g of grams) if (Array.from(g).length >= 2) for (const k of lacking) out.push(`${g}¬${k}`)
  return out
}

/** The first decision's signals the model reads beside the grams, in the model file's order. */
export const BASE_SIGNALS = {
  /** The first model's log-odds that the documents answer. */
  logOdds: (f, p) => Math.log(clamp(p) / (1 - clamp(p))),
  detailMissing: (f) => Number(f.extra.detailAsked && !f.extra.detailOk),
  /** The question asks a detail of a known shape and a window beside the topic has it (detail.ts). */
  detailFound: (f) => Number(f.extra.detailAsked && f.extra.detailOk),
  offDomain: (f) => Number(Boolean(f.offDomain)),
  titleOnly: (f) => Number(Boolean(f.titleOnly)),
  hasFocus: (f) => Number(f.extra.hasFocus),
  focusShare: (f) => f.extra.focusShare,
  missing: (f) => f.extra.missing,
  keyShare: (f) => f.extra.keyShare,
  sentence: (f) => f.sentence,
  firstDeclined: (f, p, first) => Number(first === 'decline'),
  firstHedged: (f, p, first) => Number(first === 'hedge'),
} satisfies Record<string, (f: DecisionFeatures, p: number, first: Outcome) => number>

const clamp = (p: number) => Math.min(1 - 1e-4, Math.max(1e-4, p))

export type BaseSignal = keyof typeof BASE_SIGNALS
export const BASE_NAMES = Object.keys(BASE_SIGNALS) as BaseSignal[]

const modelSchema = z.object({
  /** Gram sizes read from the question, and the kinds of value (WINDOW_KINDS) its words are crossed with. */
  sizes: z.array(z.number().int().positive()),
  kinds: z.array(z.string()),
  /** The features with a weight (secondLookFeatures), and their weights. */
  grams: z.array(z.string()),
  gramWeights: z.array(z.number()),
  /** The first decision's signals, standardised with the training rows' mean and spread. */
  base: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  baseWeights: z.array(z.number()),
  bias: z.number(),
  /** Below `decline` the question is declined; a first decline at or above `undecline` becomes a hedge. */
  decline: z.number(),
  undecline: z.number(),
  trained: z.record(z.string(), z.unknown()).optional(),
})
export type SecondLookModel = z.infer<typeof modelSchema>

export function parseSecondLook(json: unknown): SecondLookModel {
  const m = modelSchema.parse(json)
  const unknown = [...m.base.filter((n) => !(n in BASE_SIGNALS)), ...m.kinds.filter((k) => !(k in WINDOW_KINDS))]
  if (unknown.length) throw new Error(`second-look model: unknown signals ${unknown.join(',')}; retrain it`)
  if (m.grams.length !== m.gramWeights.length || m.base.length !== m.baseWeights.length || m.base.length !== m.mean.length || m.base.length !== m.scale.length)
    throw new Error('second-look model: weights do not match its features; retrain it')
  if (m.decline > m.undecline) throw new Error('second-look model: the decline threshold is above the undecline threshold')
  return m
}

export const SECOND_LOOK: SecondLookModel = parseSecondLook(modelJson)

/**
 * With an LLM to read them, hedged questions go to it (it answers only from passages it cites, or says the documents
 * don't cover it): a better reader than the grams, so the second look declines no hedge then, and only turns a decline
 * it is sure about into a hedge for the LLM to read.
 */
export const withLlm = (m: SecondLookModel, llm: boolean): SecondLookModel => (llm ? { ...m, decline: 0 } : m)

/** No second look: the first decision stands (for a folder or a test that wants the first decision alone). */
export const FIRST_DECISION_ONLY: SecondLookModel = { ...SECOND_LOOK, decline: 0, undecline: Infinity }

/** The row the model reads: its grams' indices (unknown grams have no weight) and the standardised signals after them. */
export function secondLookRow(m: SecondLookModel, vocab: Map<string, number>, grams: string[], base: number[]): SparseRow {
  const idx: number[] = []
  const val: number[] = []
  for (const g of grams) {
    const j = vocab.get(g)
    if (j !== undefined) {
      idx.push(j)
      val.push(1)
    }
  }
  base.forEach((v, k) => {
    idx.push(m.grams.length + k)
    val.push((v - m.mean[k]!) / m.scale[k]!)
  })
  return { idx, val }
}

/**
 * The model's vocabulary and weight vector, built once per set of weights. Keyed on the weight arrays, not the model
 * object: withLlm and FIRST_DECISION_ONLY copy the model with other thresholds (per question, with an LLM), and share
 * its arrays.
 */
const TABLES = new WeakMap<number[], { vocab: Map<string, number>; fit: SparseFit; grams: string[]; base: number[]; bias: number }>()
function tablesOf(m: SecondLookModel): { vocab: Map<string, number>; fit: SparseFit } {
  let t = TABLES.get(m.gramWeights)
  if (!t || t.grams !== m.grams || t.base !== m.baseWeights || t.bias !== m.bias) {
    t = { vocab: new Map(m.grams.map((g, j) => [g, j])), fit: { bias: m.bias, weights: [...m.gramWeights, ...m.baseWeights] }, grams: m.grams, base: m.baseWeights, bias: m.bias }
    TABLES.set(m.gramWeights, t)
  }
  return t
}

/** The model's probability for a row of features (secondLookFeatures) and first-decision signals (baseSignals). */
export function secondLookScore(m: SecondLookModel, features: string[], base: number[]): number {
  const { vocab, fit } = tablesOf(m)
  return sparseScore(fit, secondLookRow(m, vocab, features, base))
}

export function baseSignals(names: readonly string[], f: DecisionFeatures, p: number, first: Outcome): number[] {
  return names.map((n) => BASE_SIGNALS[n as BaseSignal](f, p, first))
}

/** Probability, on a second look, that the documents answer the question (`question`: its own normalised words). */
export function secondLookProbability(m: SecondLookModel, question: string, f: DecisionFeatures, p: number, first: Outcome): number {
  return secondLookScore(m, secondLookFeatures(question, f.window, m.sizes, m.kinds), baseSignals(m.base, f, p, first))
}

/**
 * The outcome after the second look. A hedge it finds unlikely to be answered is declined; a first decline it is sure
 * the documents do answer is hedged (shown with the caveat and 转人工), unless the question named an everyday service
 * the folder never writes — that decline stands. An outright answer is left as the first decision gave it: on the
 * tuning side, leaving one batch out at a time, letting the second look decline answers too declined no more
 * uncovered questions (0.942 either way) and one more covered one in a thousand, and the hand-checked answers of the
 * sample folder are outright answers.
 */
export function afterSecondLook(m: Pick<SecondLookModel, 'decline' | 'undecline'>, first: Outcome, p2: number, offDomain: boolean): Outcome {
  if (first === 'hedge' && p2 < m.decline) return 'decline'
  if (first === 'decline' && p2 >= m.undecline && !offDomain) return 'hedge'
  return first
}
