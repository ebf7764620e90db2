// An embedder that needs no network and no model: feature hashing of jieba words, character bigrams
// (robust to segmentation differences) and glossary concepts (so "老公打我" and "家庭暴力" share a
// dimension), with sublinear term frequency and L2 normalisation. Cosine similarity then behaves
// like a soft keyword match — weaker than a neural model, but it works anywhere, instantly.
import type { Embedder } from '../core/llm.ts'
import type { Glossary } from './glossary.ts'
import { normalizeForIndex } from './normalize.ts'
import { tokensOfNormalized } from './tokenize.ts'

const WORD_WEIGHT = 1
const BIGRAM_WEIGHT = 0.5
const CONCEPT_WEIGHT = 1.5

const SEED_WORD = 0x811c9dc5
const SEED_BIGRAM = 0x9e3779b9
const SEED_CONCEPT = 0x85ebca6b

/** 32-bit FNV-1a with a seed per feature type; stable across runs and platforms, which a persisted index requires. */
function fnv1a(s: string, seed: number): number {
  let h = seed
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** FNV-style mix of two 16-bit-ish numbers (bigram characters, concept ids). */
function mix(seed: number, a: number, b: number): number {
  let h = Math.imul(seed ^ a, 0x01000193)
  h = Math.imul(h ^ b, 0x01000193)
  h ^= h >>> 15
  return Math.imul(h, 0x2c1b3c6d) >>> 0
}

export class OfflineEmbedder implements Embedder {
  readonly id: string

  constructor(
    private readonly glossary?: Glossary,
    readonly dims = 512,
  ) {
    this.id = `offline:hash-v3:${dims}${glossary ? `:gl-${glossary.fingerprint}` : ''}`
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t))
  }

  embedOne(text: string): number[] {
    const normalized = normalizeForIndex(text)
    // Features are keyed by their 32-bit hash (type-seeded) to avoid building a string per feature;
    // one count map per feature type, whose base weight is then known without a second lookup.
    const words = new Map<number, number>()
    const bigrams = new Map<number, number>()
    const concepts = new Map<number, number>()
    for (const t of tokensOfNormalized(normalized)) {
      const h = fnv1a(t, SEED_WORD)
      words.set(h, (words.get(h) ?? 0) + 1)
    }
    // Character bigrams inside runs of Chinese characters.
    let prev = 0
    for (let i = 0; i < normalized.length; i++) {
      const c = normalized.charCodeAt(i)
      const cjk = c >= 0x3400 && c <= 0x9fff
      if (cjk && prev) {
        const h = mix(SEED_BIGRAM, prev, c)
        bigrams.set(h, (bigrams.get(h) ?? 0) + 1)
      }
      prev = cjk ? c : 0
    }
    if (this.glossary) for (const hit of this.glossary.match(normalized)) concepts.set(mix(SEED_CONCEPT, hit.index, 0), 1)

    const vec = new Float64Array(this.dims)
    const addAll = (features: Map<number, number>, base: number) => {
      for (const [h, count] of features) {
        // Sublinear tf: a word repeated ten times is not ten times as relevant.
        const weight = (1 + Math.log(count)) * base
        // The sign bit halves the bias from hash collisions.
        vec[h % this.dims]! += h & 0x80000000 ? -weight : weight
      }
    }
    addAll(words, WORD_WEIGHT)
    addAll(bigrams, BIGRAM_WEIGHT)
    addAll(concepts, CONCEPT_WEIGHT)
    let norm = 0
    for (const v of vec) norm += v * v
    norm = Math.sqrt(norm) || 1
    return Array.from(vec, (v) => v / norm)
  }
}

/** The remote embedder when one is configured, else the offline one built on this index's glossary. */
export const embedderFor = (glossary: Glossary, remote?: Embedder): Embedder => remote ?? new OfflineEmbedder(glossary)
