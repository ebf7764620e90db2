// The learned intent reader: a linear model over character n-grams and the situation, trained on the tuning
// side of the utterance corpus (`npm run train:nlu`), shipped as src/nlu/learned/intent-model.{json,bin}.
import { existsSync } from 'node:fs'
import { projectPath } from '../../core/paths.ts'
import type { Intent, Situation } from '../types.ts'
import { featuresOf } from './features.ts'
import { type LoadedModel, loadModel, rank } from './model-file.ts'

export const MODEL_BASE = projectPath('src', 'nlu', 'learned', 'intent-model')

let model: LoadedModel | null | undefined

/** The shipped model, loaded once; null when it is missing (the rules then read alone). */
export function intentModel(): LoadedModel | null {
  if (model === undefined) model = existsSync(`${MODEL_BASE}.json`) ? loadModel(MODEL_BASE) : null
  return model
}

export interface IntentScore {
  intent: Intent
  p: number
}

/** Intents by probability, highest first; empty without a model. */
export function learnedIntents(raw: string, sit: Situation): IntentScore[] {
  const m = intentModel()
  if (!m) return []
  return rank(m, featuresOf(raw, sit)).map(({ label, p }) => ({ intent: label as Intent, p }))
}
