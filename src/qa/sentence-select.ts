// Which sentence of the first passages the offline answer quotes (extract.ts builds the candidates). The hand score
// adds up each sentence's signals with weights chosen by eye; a learned selector (sentence-model.json, fitted on the
// tuning questions only by sentence-train.ts) weighs the same signals, compared with its rivals for the same question,
// from which sentences do hold the answer. The model file's `enabled: false` leaves the hand score in charge.
import { z } from 'zod'
import { checkFeatures, logisticFileFields, predict } from './logistic.ts'
import type { SentenceCandidate } from './extract.ts'
import modelJson from './sentence-model.json' with { type: 'json' }

/** The signals a model may read, each from a candidate and the best of its rivals (`best`: the highest of each signal). */
export const SENTENCE_FEATURES = {
  hand: (c: SentenceCandidate) => c.score,
  handGap: (c: SentenceCandidate, best: Best) => c.score - best.score,
  own: (c: SentenceCandidate) => c.parts.own,
  ownGap: (c: SentenceCandidate, best: Best) => c.parts.own - best.own,
  withHeading: (c: SentenceCandidate) => c.parts.withHeading,
  exact: (c: SentenceCandidate) => c.parts.exact,
  kind: (c: SentenceCandidate) => (c.parts.kind > 0 ? 1 : 0),
  detail: (c: SentenceCandidate) => (c.parts.detail > 0 ? 1 : 0),
  focus: (c: SentenceCandidate) => c.parts.focus / 0.3,
  number: (c: SentenceCandidate) => (c.parts.number > 0 ? 1 : 0),
  defines: (c: SentenceCandidate) => (c.parts.defines > 0 ? 1 : 0),
  other: (c: SentenceCandidate) => c.parts.other / 0.3,
  firstPaper: (c: SentenceCandidate) => (c.firstPaper ? 1 : 0),
  list: (c: SentenceCandidate) => (c.enumerates ? 1 : 0) + (c.opensList ? 1 : 0),
  run: (c: SentenceCandidate) => Math.min(8, c.run) / 8,
  firstPassage: (c: SentenceCandidate) => (c.rank === 0 ? 1 : 0),
  rank: (c: SentenceCandidate) => Math.log1p(c.rank),
  position: (c: SentenceCandidate) => c.i / Math.max(1, c.sentences.length - 1),
  opening: (c: SentenceCandidate) => (c.i === 0 ? 1 : 0),
  length: (c: SentenceCandidate) => Math.log1p(c.sentences[c.i]!.length),
  crisis: (c: SentenceCandidate) => (c.crisis ? 1 : 0),
  ownShare: (c: SentenceCandidate) => c.ownShare,
  prev: (c: SentenceCandidate) => c.near.prev,
  next: (c: SentenceCandidate) => c.near.next,
  key: (c: SentenceCandidate) => c.near.key,
  passageBestGap: (c: SentenceCandidate) => c.parts.own - c.near.passageBest,
  passageGap: (c: SentenceCandidate, best: Best) => c.p.score - best.passage,
} as const

export type SentenceFeatureName = keyof typeof SENTENCE_FEATURES
export const SENTENCE_FEATURE_NAMES = Object.keys(SENTENCE_FEATURES) as SentenceFeatureName[]

export interface Best {
  score: number
  own: number
  passage: number
}

/**
 * `margin`: the model chooses only among the sentences whose hand score is within this of the best one, so the hand
 * rules' strong cases (the line opening the list asked for, the row defining the term) stand, and it settles the
 * near-ties the hand weights cannot tell apart (cross-validated on the tuning questions, sentence-lab.ts).
 */
const fileSchema = z.object({ ...logisticFileFields, enabled: z.boolean(), margin: z.number().nullable(), blend: z.number().nullable().default(null) })
export type SentenceModel = z.infer<typeof fileSchema>

function loadModel(): SentenceModel | null {
  const m = fileSchema.parse(modelJson)
  checkFeatures('sentence-model.json', m, SENTENCE_FEATURES)
  return m.enabled ? m : null
}

/** The shipped selector, or null when the file switches it off (the hand score decides). */
export const SENTENCE_MODEL = loadModel()

export function bestOf(candidates: SentenceCandidate[]): Best {
  return { score: Math.max(...candidates.map((c) => c.score)), own: Math.max(...candidates.map((c) => c.parts.own)), passage: Math.max(...candidates.map((c) => c.p.score)) }
}

/** A candidate's signals in the order `names` gives. */
export function sentenceRow(c: SentenceCandidate, best: Best, names: readonly SentenceFeatureName[] = SENTENCE_FEATURE_NAMES): number[] {
  return names.map((n) => SENTENCE_FEATURES[n](c, best))
}

/**
 * The candidate to quote: the model's most probable of those near the hand's best, or the hand score's highest. Of
 * equals from different passages, the one with more of the question's most specific words in its own text (a document's
 * title lends its words to every sentence alike: "两癌筛查多大岁数能做" tied "9—14岁女孩是接种的重点人群" with "筛查年龄一般为
 * 35—64岁"); within a passage, the first (what follows it is quoted after it).
 */
export function chooseSentence(candidates: SentenceCandidate[], model: SentenceModel | null = SENTENCE_MODEL): SentenceCandidate | undefined {
  if (!candidates.length) return undefined
  if (!model) return candidates.reduce((top, c) => (handPrefers(c, top) ? c : top))
  const best = bestOf(candidates)
  const names = model.features as SentenceFeatureName[]
  const floor = best.score - (model.margin ?? Infinity) - 1e-9
  let top = candidates[0]!
  let topP = -Infinity
  for (const c of candidates) {
    if (c.score < floor) continue
    const prob = predict(model, sentenceRow(c, best, names))
    // Blended: the hand score moved by the model's log-odds, so a strong hand case stands and near-ties follow the model.
    const p = model.blend ? c.score + model.blend * Math.log(prob / (1 - prob)) : prob
    if (p > topP + 1e-9) {
      top = c
      topP = p
    }
  }
  return top
}

/** The hand choice: a higher score, or an equal one from another passage with more of the key words (above). */
const handPrefers = (c: SentenceCandidate, top: SentenceCandidate): boolean =>
  c.score > top.score + 1e-9 || (c.score > top.score - 1e-9 && c.p !== top.p && c.near.key > top.near.key + 1e-9)
