// The covered / not-covered decision as a learned model: a logistic regression over the signals decide.ts
// measures, giving the probability that the documents answer the question, and two thresholds on it
// (answer outright / answer with a caveat / decline). The weights and thresholds are data, fitted on the
// tuning side only by `weijia eval … --train-decision src/qa/decision-model.json` (decision-train.ts);
// the runtime only reads them.
import { z } from 'zod'
import type { DecisionFeatures } from './decide.ts'
import { predict } from './logistic.ts'
import modelJson from './decision-model.json' with { type: 'json' }

/** The signals the model reads, in a fixed order (the model file names them, and must match). */
export const FEATURES = {
  /** Decision-weighted coverage of the question by the best sentence window, and by the best passage. */
  sentence: (f: DecisionFeatures) => f.sentence,
  passage: (f: DecisionFeatures) => f.passage,
  /** The question asks for an answer kind (phone, date, amount…) that stands nowhere beside the topic. */
  typeMissing: (f: DecisionFeatures) => Number(f.extra.asksType && !f.extra.typesOnly),
  /** The question has a focus (focus.ts), and the best share of it beside the topic. */
  hasFocus: (f: DecisionFeatures) => Number(f.extra.hasFocus),
  focusShare: (f: DecisionFeatures) => f.extra.focusShare,
} satisfies Record<string, (f: DecisionFeatures) => number>

export type FeatureName = keyof typeof FEATURES
export const FEATURE_NAMES = Object.keys(FEATURES) as FeatureName[]

/**
 * Which way each signal may move the probability, by its meaning: more of the question found, the asked-for
 * kind there, the focus beside the topic → more likely covered; the asked-for kind missing, or a separate
 * focus to find → less. Training holds a
 * weight at zero rather than let it go the other way (logistic.ts).
 */
const SIGN: Record<FeatureName, 1 | -1> = {
  sentence: 1,
  passage: 1,
  typeMissing: -1,
  hasFocus: -1,
  focusShare: 1,
}
export const FEATURE_SIGNS: number[] = FEATURE_NAMES.map((n) => SIGN[n])

export function featureVector(f: DecisionFeatures): number[] {
  return FEATURE_NAMES.map((n) => FEATURES[n](f))
}

const modelSchema = z.object({
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  bias: z.number(),
  weights: z.array(z.number()),
  /** Probability at or above which the reply is an outright answer, and below which it is a decline. */
  answer: z.number(),
  hedge: z.number(),
  lambda: z.number(),
  /** How it was trained and what cross-validation measured (for people; the runtime ignores it). */
  trained: z.record(z.string(), z.unknown()).optional(),
})
export type DecisionModel = z.infer<typeof modelSchema>

export function parseDecisionModel(json: unknown): DecisionModel {
  const m = modelSchema.parse(json)
  const same = m.features.length === FEATURE_NAMES.length && m.features.every((n, i) => n === FEATURE_NAMES[i])
  if (!same) throw new Error(`decision model: features ${m.features.join(',')} do not match ${FEATURE_NAMES.join(',')}; retrain it`)
  if (m.hedge > m.answer) throw new Error('decision model: the hedge threshold is above the answer threshold')
  return m
}

export const DECISION_MODEL: DecisionModel = parseDecisionModel(modelJson)

/** Probability that the documents answer the question. */
export function coveredProbability(model: DecisionModel, f: DecisionFeatures): number {
  return predict(model, featureVector(f))
}
