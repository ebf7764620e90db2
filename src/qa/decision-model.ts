// The covered / not-covered decision as a learned model: a logistic regression over the signals decide.ts
// measures, giving the probability that the documents answer the question, and two thresholds on it
// (answer outright / answer with a caveat / decline). The weights and thresholds are data, fitted on the
// tuning side only by `weijia eval … --train-decision src/qa/decision-model.json` (decision-train.ts);
// the runtime only reads them.
import { z } from 'zod'
import type { DecisionFeatures } from './decide.ts'
import { checkFeatures, logisticFileFields, predict } from './logistic.ts'
import modelJson from './decision-model.json' with { type: 'json' }

/** The signals a model may read; the model file names the ones it uses, in its order. */
export const FEATURES = {
  /** Decision-weighted coverage of the question by the best sentence window, and by the best passage. */
  sentence: (f: DecisionFeatures) => f.sentence,
  passage: (f: DecisionFeatures) => f.passage,
  /** The question asks for an answer kind (phone, date, amount…) that stands nowhere beside the topic. */
  typeMissing: (f: DecisionFeatures) => Number(f.extra.asksType && !f.extra.typesOnly),
  /** The question has a focus (focus.ts), and the best share of it beside the topic. */
  hasFocus: (f: DecisionFeatures) => Number(f.extra.hasFocus),
  focusShare: (f: DecisionFeatures) => f.extra.focusShare,
  /**
   * The question asks a detail of a known shape (a name, a year, a place, a count, a phone…) and no window close
   * to the question has one beyond the question's own words, or asks a value by its noun (利息是多少, 多少报酬) and
   * no window of the top passages has that noun beside a value of the asked shape (detail.ts).
   */
  detailMissing: (f: DecisionFeatures) => Number(f.extra.detailAsked && !f.extra.detailOk),
  /** The best window has the documents' redaction marks (×××, xx): the asked detail may be what was blanked. */
  masked: (f: DecisionFeatures) => Number(f.extra.masked),
  /**
   * Folder-IDF-weighted share of the question's words the best window lacks: a word the folder never uses
   * ("物业费") weighs most; bridges and lexicon equivalents count (decide.ts).
   */
  missing: (f: DecisionFeatures) => f.extra.missing,
  /** `missing` in two parts: words an everyday-word entry recognises (俺, 弄个, 娃…), and the rest (decide.ts). */
  missingEveryday: (f: DecisionFeatures) => f.extra.missingEveryday,
  missingOther: (f: DecisionFeatures) => f.extra.missingOther,
} satisfies Record<string, (f: DecisionFeatures) => number>

export type FeatureName = keyof typeof FEATURES
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[]
/** What `weijia eval --train-decision` fits unless told otherwise. */
export const DEFAULT_FEATURES: FeatureName[] = ['sentence', 'passage', 'typeMissing', 'hasFocus', 'focusShare', 'detailMissing', 'masked', 'missingEveryday', 'missingOther']

/**
 * Which way each signal may move the probability, by its meaning: more of the question found, the asked-for
 * kind there, the focus beside the topic → more likely covered; the asked-for kind or detail missing, a
 * blanked-out window, a separate focus to find, or more of the question's specific words missing → less.
 * Training holds a weight at zero rather than let it go the other way (logistic.ts).
 */
const SIGN: Record<FeatureName, 1 | -1> = {
  sentence: 1,
  passage: 1,
  typeMissing: -1,
  hasFocus: -1,
  focusShare: 1,
  detailMissing: -1,
  masked: -1,
  missing: -1,
  missingEveryday: -1,
  missingOther: -1,
}
export const signsOf = (names: FeatureName[]): number[] => names.map((n) => SIGN[n])

export function featureVector(names: readonly string[], f: DecisionFeatures): number[] {
  return names.map((n) => FEATURES[n as FeatureName](f))
}

const modelSchema = z.object({
  ...logisticFileFields,
  /** Probability at or above which the reply is an outright answer, and below which it is a decline. */
  answer: z.number(),
  hedge: z.number(),
  /** A best window covering less of the question than this is declined whatever the probability. */
  floor: z.number(),
  /** Whether a question whose focus is nowhere beside its topic is at most hedged. */
  focusGate: z.boolean(),
  lambda: z.number(),
})
export type DecisionModel = z.infer<typeof modelSchema>

export function parseDecisionModel(json: unknown): DecisionModel {
  const m = modelSchema.parse(json)
  checkFeatures('decision model', m, FEATURES)
  if (m.hedge > m.answer) throw new Error('decision model: the hedge threshold is above the answer threshold')
  return m
}

export const DECISION_MODEL: DecisionModel = parseDecisionModel(modelJson)

/** What the runtime does with a probability (the model file holds the same fields; decision-train.ts scores its choices on this rule). */
export interface Rule {
  floor: number
  focusGate: boolean
  hedge: number
  answer: number
}

/** Below this sentence coverage, a window without the question's most specific word is at most a hedge (outcome). */
export const KEY_GATE_COVERAGE = 0.6
/**
 * Below this sentence coverage a window holds less than a third of what she asked, and is at most a hedge however
 * sure the model is: "娃在老家爷爷奶奶带 视频都不跟我说话 咋办 好难受" (coverage 0.23, p 0.70) was answered outright with a
 * passage on trafficked women's residence. On the tuning side (3,236) it hedges 3 uncovered questions and 11 covered
 * ones answered outright before: 6 of those replies did not quote the answer, 5 did and still show it under the hedge.
 * One two-part question lost its answer ("微家多久要跟姐妹们聚一回呀,一个礼拜一次够不够": the first part, now hedged, no
 * longer lets the parts be answered each on its own).
 */
export const OUTRIGHT_COVERAGE = 0.3

export function outcome(rule: Rule, p: number, row: { sentence: number; focus: boolean; offDomain?: boolean; titleOnly?: boolean; topicLost?: boolean; keyShare?: number; detailFound?: boolean }): 'answer' | 'hedge' | 'decline' {
  if (row.sentence < rule.floor || row.offDomain || row.titleOnly || row.topicLost) return 'decline'
  if (p < rule.hedge) return 'decline'
  // The key gate: a window without the question's most specific word, and covering little of the rest, is never
  // presented as the answer outright ("困难家庭的孩子吃饭有补助不" quoted 爱心妈妈 visits) — unless it holds the detail
  // asked for (the papers of "老闆欠我三個月工資 可以申請法律援助嗎 要帶什麼", whose most specific word is her story's).
  // On the tuning side (1,948) such outright replies quoted the answer for 24 of 70 covered questions (34%), against
  // 79% where the window has the word; they are hedged ("不确定…供您参考") instead.
  if (row.keyShare === 0 && row.sentence < KEY_GATE_COVERAGE && !row.detailFound) return 'hedge'
  if (row.sentence < OUTRIGHT_COVERAGE) return 'hedge'
  return p >= rule.answer && (row.focus || !rule.focusGate) ? 'answer' : 'hedge'
}

/** Probability that the documents answer the question. */
export function coveredProbability(model: DecisionModel, f: DecisionFeatures): number {
  return predict(model, featureVector(model.features, f))
}
