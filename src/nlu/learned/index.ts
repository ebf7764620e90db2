// The learned intent reader: a linear model over character n-grams and the situation, trained on the tuning
// side of the utterance corpus (`npm run train:nlu`), shipped as src/nlu/learned/intent-model.{json,bin}.
import { existsSync } from 'node:fs'
import { projectPath } from '../../core/paths.ts'
import type { HelpCategory, Intent, Situation } from '../types.ts'
import { featuresOf, textFeatures } from './features.ts'
import { type LoadedModel, loadModel, rank } from './model-file.ts'

export const MODEL_BASE = projectPath('src', 'nlu', 'learned', 'intent-model')
export const CATEGORY_MODEL_BASE = projectPath('src', 'nlu', 'learned', 'category-model')

const loaded = new Map<string, LoadedModel | null>()

/** A shipped model, loaded once; null when it is missing (the rules then read alone). */
function shipped(base: string): LoadedModel | null {
  if (!loaded.has(base)) loaded.set(base, existsSync(`${base}.json`) ? loadModel(base) : null)
  return loaded.get(base)!
}
export const intentModel = () => shipped(MODEL_BASE)

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

/** Help categories by probability, highest first; empty without a model. */
export function learnedCategories(raw: string): { category: HelpCategory; p: number }[] {
  const m = shipped(CATEGORY_MODEL_BASE)
  if (!m) return []
  return rank(m, textFeatures(raw)).map(({ label, p }) => ({ category: label as HelpCategory, p }))
}
