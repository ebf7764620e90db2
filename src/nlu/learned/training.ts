// What the learned intent reader is trained on, and how: the tuning side of the corpus (a and b's tune half and
// every later blind batch) and the probes. The held-out half is filtered out here, in one place.
import { loadCorpus, loadProbes, situationOf } from '../corpus.ts'
import { featuresOf, textFeatures } from './features.ts'
import { type SoftmaxModel, train } from './softmax.ts'

/** Chosen by 5-fold cross-validation on the tuning side and a blind batch (see src/nlu/understand.ts). */
export const TRAINING = { epochs: 30, rate: 0.05, l2: 1e-4, minCount: 1, seed: 7 } as const

export function trainIntentModel(): { model: SoftmaxModel; trainedOn: Record<string, number> } {
  const lines = [...loadCorpus().filter((l) => l.part === 'tune'), ...loadProbes()]
  const trainedOn: Record<string, number> = {}
  for (const l of lines) {
    const batch = l.part === 'probes' ? 'probes' : `utterances-${l.id[0]}`
    trainedOn[batch] = (trainedOn[batch] ?? 0) + 1
  }
  const model = train(lines.map((l) => ({ features: featuresOf(l.text, situationOf(l)), label: l.intent })), TRAINING)
  return { model, trainedOn }
}

/**
 * The category reader: the same model over the words alone, trained on the help lines of the tuning side that
 * name a category. 5-fold cross-validation there: rules 0.784, this model 0.810, the two weighed (see
 * src/nlu/understand.ts) 0.890.
 */
export function trainCategoryModel(): { model: SoftmaxModel; trainedOn: Record<string, number> } {
  const lines = [...loadCorpus().filter((l) => l.part === 'tune'), ...loadProbes()].filter((l) => l.intent.startsWith('help.') && l.slots.category)
  const trainedOn: Record<string, number> = {}
  for (const l of lines) {
    const batch = l.part === 'probes' ? 'probes' : `utterances-${l.id[0]}`
    trainedOn[batch] = (trainedOn[batch] ?? 0) + 1
  }
  const model = train(lines.map((l) => ({ features: textFeatures(l.text), label: l.slots.category! })), TRAINING)
  return { model, trainedOn }
}
