// A trained intent model on disk: a small JSON (labels, feature list, bias, scale) and the weights quantised to
// one signed byte each in a .bin beside it. Loads in O(size) with no giant JSON string, and 20k features × 34
// intents fit in about 700 KB instead of 6 MB of decimals. Quantisation moves a score by at most
// (features in a message × scale / 2), far below the margins the decision uses.
import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import type { SoftmaxModel } from './softmax.ts'

const headerSchema = z.object({
  labels: z.array(z.string()).min(2),
  features: z.array(z.string()),
  bias: z.array(z.number()),
  scale: z.number().positive(),
  /** What it was trained on, for the record (ids of batches and counts). */
  trainedOn: z.record(z.string(), z.number()),
})

/** Feature → row. */
export interface FeatureIndex {
  get(feature: string): number | undefined
}

/**
 * The sorted feature list as one string and its offsets, searched by bisection: ~80k n-grams cost about 1 MB this way
 * instead of the ~10 MB a Map of strings holds resident for the process's life. The model file lists features sorted
 * (saveModel); a file that does not falls back to a Map.
 */
export function featureIndex(features: string[]): FeatureIndex {
  const sorted = features.every((f, i) => i === 0 || features[i - 1]! < f)
  if (!sorted) return new Map(features.map((f, i) => [f, i]))
  const blob = features.join('')
  const starts = new Uint32Array(features.length + 1)
  let at = 0
  features.forEach((f, i) => {
    starts[i] = at
    at += f.length
  })
  starts[features.length] = at
  // Only the blob and the offsets stay alive, not the array of strings.
  const n = features.length
  return {
    get(feature) {
      let lo = 0
      let hi = n - 1
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1
        const f = blob.slice(starts[mid]!, starts[mid + 1]!)
        if (f === feature) return mid
        if (f < feature) lo = mid + 1
        else hi = mid - 1
      }
      return undefined
    },
  }
}

export interface LoadedModel {
  labels: string[]
  bias: Float64Array
  index: FeatureIndex
  weights: Int8Array
  scale: number
}

export function saveModel(base: string, model: SoftmaxModel, trainedOn: Record<string, number>): void {
  const features = Object.keys(model.weights).sort()
  const L = model.labels.length
  let max = 0
  for (const f of features) for (const w of model.weights[f]!) max = Math.max(max, Math.abs(w))
  const scale = max / 127 || 1
  const bytes = new Int8Array(features.length * L)
  features.forEach((f, i) => model.weights[f]!.forEach((w, k) => (bytes[i * L + k] = Math.round(w / scale))))
  writeFileSync(`${base}.json`, `${JSON.stringify({ labels: model.labels, bias: model.bias, scale, trainedOn, features })}\n`)
  writeFileSync(`${base}.bin`, bytes)
}

export function loadModel(base: string): LoadedModel {
  const header = headerSchema.parse(JSON.parse(readFileSync(`${base}.json`, 'utf8')))
  const buf = readFileSync(`${base}.bin`)
  const weights = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength)
  if (weights.length !== header.features.length * header.labels.length) throw new Error(`${base}.bin: expected ${header.features.length * header.labels.length} weights, found ${weights.length}`)
  return { labels: header.labels, bias: Float64Array.from(header.bias), index: featureIndex(header.features), weights, scale: header.scale }
}

/** Label probabilities, highest first. */
export function rank(model: LoadedModel, features: string[]): { label: string; p: number }[] {
  const L = model.labels.length
  const s = Array.from(model.bias)
  for (const f of new Set(features)) {
    const i = model.index.get(f)
    if (i === undefined) continue
    for (let k = 0; k < L; k++) s[k]! += model.weights[i * L + k]! * model.scale
  }
  const max = Math.max(...s)
  let sum = 0
  for (let k = 0; k < L; k++) sum += s[k] = Math.exp(s[k]! - max)
  return model.labels.map((label, k) => ({ label, p: s[k]! / sum })).sort((a, b) => b.p - a.p)
}
