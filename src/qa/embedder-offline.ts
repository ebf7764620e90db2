// An embedder that needs no network and no model: feature hashing of jieba words, character bigrams
// (robust to segmentation differences) and glossary concepts (so "老公打我" and "家庭暴力" share a
// dimension), with sublinear term frequency and L2 normalisation. Cosine similarity then behaves
// like a soft keyword match — weaker than a neural model, but it works anywhere, instantly.
import type { Embedder } from '../core/llm.ts'
import type { Glossary } from './glossary.ts'
import { normalizeForIndex } from './normalize.ts'
import { TOKENIZER_VERSION, tokensOfNormalized } from './tokenize.ts'

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

/**
 * Counts of 32-bit feature hashes: open addressing over typed arrays, reset by a generation stamp, so
 * counting a passage allocates nothing (a Map per passage was the embedder's largest cost).
 */
class FeatureCounter {
  private keys = new Uint32Array(1024)
  private counts = new Uint32Array(1024)
  private stamps = new Uint32Array(1024)
  private used: number[] = []
  private gen = 1

  reset(): void {
    this.used.length = 0
    if (++this.gen === 0xffffffff) {
      this.stamps.fill(0)
      this.gen = 1
    }
  }

  /** Counts one occurrence (or marks presence once, with `once`). */
  add(h: number, once = false): void {
    if (this.used.length * 2 >= this.keys.length) this.grow()
    const mask = this.keys.length - 1
    let i = (h ^ (h >>> 16)) & mask
    while (this.stamps[i] === this.gen && this.keys[i] !== h) i = (i + 1) & mask
    if (this.stamps[i] !== this.gen) {
      this.stamps[i] = this.gen
      this.keys[i] = h
      this.counts[i] = 1
      this.used.push(i)
    } else if (!once) this.counts[i]!++
  }

  forEach(fn: (h: number, count: number) => void): void {
    for (const i of this.used) fn(this.keys[i]!, this.counts[i]!)
  }

  private grow(): void {
    const entries = this.used.map((i) => [this.keys[i]!, this.counts[i]!] as const)
    const size = this.keys.length * 2
    this.keys = new Uint32Array(size)
    this.counts = new Uint32Array(size)
    this.stamps = new Uint32Array(size)
    this.gen = 1
    this.used.length = 0
    for (const [h, c] of entries) {
      this.add(h)
      this.counts[this.used.at(-1)!] = c
    }
  }
}

export class OfflineEmbedder implements Embedder {
  readonly id: string
  private readonly counters = { words: new FeatureCounter(), bigrams: new FeatureCounter(), concepts: new FeatureCounter() }

  constructor(
    private readonly glossary?: Glossary,
    readonly dims = 512,
  ) {
    // (The tokenizer's version too: its stopwords shape the vectors, and a cached vector made before would be stale.)
    this.id = `offline:hash-v3:${dims}:t${TOKENIZER_VERSION}${glossary ? `:gl-${glossary.fingerprint}` : ''}`
    this.vec = new Float64Array(dims)
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t))
  }

  /** The same vectors as `embed`, as Float32Array (what the index stores): no number[] per passage at ingest. */
  async embedFloat32(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => {
      const norm = this.accumulate(t)
      const out = new Float32Array(this.dims)
      for (let i = 0; i < out.length; i++) out[i] = this.vec[i]! / norm
      return out
    })
  }

  embedOne(text: string): number[] {
    const norm = this.accumulate(text)
    const out = new Array<number>(this.dims)
    for (let i = 0; i < out.length; i++) out[i] = this.vec[i]! / norm
    return out
  }

  /** Reused accumulator: `accumulate` fills it and returns the divisor that normalises it. */
  private readonly vec: Float64Array

  private accumulate(text: string): number {
    const normalized = normalizeForIndex(text)
    // Features are keyed by their 32-bit hash (type-seeded) to avoid building a string per feature;
    // one counter per feature type, whose base weight is then known. Counters are reused: this runs
    // on every passage at ingest.
    const { words, bigrams, concepts } = this.counters
    words.reset()
    bigrams.reset()
    concepts.reset()
    for (const t of tokensOfNormalized(normalized)) words.add(fnv1a(t, SEED_WORD))
    // Character bigrams inside runs of Chinese characters.
    let prev = 0
    for (let i = 0; i < normalized.length; i++) {
      const c = normalized.charCodeAt(i)
      const cjk = c >= 0x3400 && c <= 0x9fff
      if (cjk && prev) bigrams.add(mix(SEED_BIGRAM, prev, c))
      prev = cjk ? c : 0
    }
    if (this.glossary) for (const hit of this.glossary.match(normalized)) concepts.add(mix(SEED_CONCEPT, hit.index, 0), true)

    const vec = this.vec
    vec.fill(0)
    const dims = this.dims
    const addAll = (features: FeatureCounter, base: number) =>
      features.forEach((h, count) => {
        // Sublinear tf: a word repeated ten times is not ten times as relevant.
        const weight = (1 + Math.log(count)) * base
        // The sign bit halves the bias from hash collisions.
        vec[h % dims]! += h & 0x80000000 ? -weight : weight
      })
    addAll(words, WORD_WEIGHT)
    addAll(bigrams, BIGRAM_WEIGHT)
    addAll(concepts, CONCEPT_WEIGHT)
    let norm = 0
    for (const v of vec) norm += v * v
    return Math.sqrt(norm) || 1
  }
}

/** The remote embedder when one is configured, else the offline one built on this index's glossary. */
export const embedderFor = (glossary: Glossary, remote?: Embedder): Embedder => remote ?? new OfflineEmbedder(glossary)
