// What the learned intent reader is trained on, and how: the tuning side of the corpus (a and b's tune half and
// every later blind batch) and the probes. The held-out half is filtered out here, in one place.
import { loadCorpus, loadProbes, situationOf } from '../corpus.ts'
import { featuresOf } from './features.ts'
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
