// Hybrid retrieval: dense (HNSW) and keyword (BM25) candidates fused by reciprocal rank, then a
// "covered or not" decision from two signals that generalise beyond the sample questions:
//   coverage — how much of the question's content (IDF-weighted, glossary-aware) the best passage contains;
//   dense    — the best cosine similarity.
import type { ChunkRecord, KnowledgeIndex } from './index-store.ts'
import { normalizeForIndex } from './normalize.ts'
import { contentTerms, generalIdf, tokensOfNormalized } from './tokenize.ts'
import type { WeightedTerm } from './bm25.ts'

export interface PreparedQuery {
  original: string
  /** Normalised question, preceded by the follow-up context when there is one. */
  normalized: string
  /** The question's own words (normalised), without context. */
  own: string
  context?: string
  /** Formal terms from the glossary (colloquial matches). */
  expansions: string[]
  /** Extra search text from an LLM rewrite, if any. */
  rewrite?: string
  keyword: WeightedTerm[]
  dense: string
}

export interface Passage {
  row: number
  chunk: ChunkRecord
  /** Fused (RRF) score; higher is better. */
  score: number
  /** Cosine similarity (1 − distance) when found by the dense search. */
  similarity?: number
  bm25?: number
}

export interface Decision {
  grounded: boolean
  coverage: number
  similarity: number
  /** Index into passages of the passage with the best coverage. */
  best: number
}

export interface Retrieval {
  query: PreparedQuery
  passages: Passage[]
  decision: Decision
}

/**
 * Thresholds for "covered", calibrated on knowledge/eval/qa.jsonl with `weijia eval --calibrate`
 * (offline embedder hash-v2; 42 covered / 14 uncovered questions). Coverage weights words by
 * general-language IDF, so it doesn't depend on the size of the knowledge folder.
 * Observed: covered questions have coverage ≥ 0.60 and similarity ≥ 0.16; uncovered ones have
 * coverage ≤ 0.49 except two that reach 0.58–0.64 through generic words ("小区"→社区, "在哪", "申请"),
 * and similarity mostly ≤ 0.15. The values below sit in the middle of those gaps, not at the edge that
 * would score 100% on these 56 questions (coverage 0.60 / similarity 0.18 — margins of 0.003), so the
 * two generic-word questions are still (wrongly) accepted. Re-run the calibration when the documents
 * or the embedder change.
 */
export const THRESHOLDS = {
  /** IDF-weighted, glossary-aware share of the question's content terms found in one top passage. */
  coverage: 0.55,
  /** Minimum best cosine similarity (offline embedder scale). */
  similarity: 0.15,
  /** With this much coverage the dense signal is not needed. */
  strongCoverage: 0.85,
}

/**
 * Similarity scales differ between embedders; the dense threshold above was calibrated on the offline one.
 * For a remote embedder, coverage decides (similarity floor 0) until someone calibrates it with `eval --calibrate`.
 */
export function thresholdsFor(embedderId: string): Thresholds {
  return embedderId.startsWith('offline:') ? THRESHOLDS : { ...THRESHOLDS, similarity: 0 }
}

export type Thresholds = typeof THRESHOLDS

// Expansions help recall but must not outvote the question's own words ("家暴 … 证据" is about evidence).
const EXPANSION_WEIGHT = 0.35
const REWRITE_WEIGHT = 0.7
const CONTEXT_WEIGHT = 0.5
const RRF_K = 60

export function prepareQuery(index: KnowledgeIndex, question: string, rewrite?: string, context?: string): PreparedQuery {
  const own = normalizeForIndex(question)
  // A follow-up's previous question counts for coverage and search, but its words weigh less than the new ones.
  const contextNorm = context ? normalizeForIndex(context) : undefined
  const normalized = contextNorm ? `${contextNorm} ${own}` : own
  const expansions = index.glossary.expand(normalized)
  // Dense text gets each matched entry's first two formal terms only: many appended terms would drown the question.
  const denseExpansions = index.glossary
    .match(normalized)
    .filter((h) => h.via === 'colloquial')
    .flatMap((h) => h.entry.formal.slice(0, 2))
    .filter((f) => !normalized.includes(f))
  const keyword: WeightedTerm[] = tokensOfNormalized(own).map((term) => ({ term, weight: 1 }))
  if (contextNorm) for (const term of tokensOfNormalized(contextNorm)) keyword.push({ term, weight: CONTEXT_WEIGHT })
  for (const e of expansions) for (const term of tokensOfNormalized(e)) keyword.push({ term, weight: EXPANSION_WEIGHT })
  const rewriteNorm = rewrite ? normalizeForIndex(rewrite) : undefined
  if (rewriteNorm) for (const term of tokensOfNormalized(rewriteNorm)) keyword.push({ term, weight: REWRITE_WEIGHT })
  const dense = [normalized, ...new Set(denseExpansions), rewriteNorm ?? ''].join(' ').trim()
  return { original: question, normalized, own, context: contextNorm, expansions, rewrite: rewriteNorm, keyword, dense }
}

export interface RetrieveOptions {
  /** Passages returned. */
  k?: number
  /** Candidates taken from each of the two searches before fusion. */
  candidates?: number
  rewrite?: string
  /** The previous question, for an elliptical follow-up ("那周末呢？"). */
  context?: string
  thresholds?: Thresholds
}

export async function retrieve(index: KnowledgeIndex, question: string, opts: RetrieveOptions = {}): Promise<Retrieval> {
  const k = opts.k ?? 8
  const candidates = opts.candidates ?? 30
  const query = prepareQuery(index, question, opts.rewrite, opts.context)
  const [vector] = await index.embedder.embed([query.dense])
  const dense = await index.vectors.search(vector!, candidates)
  const keyword = index.keyword.search(query.keyword, candidates)

  const fused = new Map<number, Passage>()
  const get = (row: number) => {
    let p = fused.get(row)
    if (!p) fused.set(row, (p = { row, chunk: index.chunks[row]!, score: 0 }))
    return p
  }
  dense.forEach((hit, rank) => {
    const p = get(hit.row)
    p.similarity = 1 - hit.distance
    p.score += 1 / (RRF_K + rank + 1)
  })
  keyword.forEach((hit, rank) => {
    const p = get(hit.doc)
    p.bm25 = hit.score
    p.score += 1 / (RRF_K + rank + 1)
  })
  // RRF ties are common with two lists (1st+2nd vs 2nd+1st); break them by the raw scores, scaled to stay below one rank step.
  const maxBm25 = keyword[0]?.score || 1
  for (const p of fused.values()) p.score += 1e-5 * ((p.bm25 ?? 0) / maxBm25 + (p.similarity ?? 0))
  const passages = [...fused.values()].sort((a, b) => b.score - a.score).slice(0, k)
  const decision = decide(index, query, passages, opts.thresholds ?? thresholdsFor(index.embedder.id))
  return { query, passages, decision }
}

/** Signals of the decision, exposed for calibration. */
export function signals(index: KnowledgeIndex, query: PreparedQuery, passages: Passage[]): { coverage: number; similarity: number; best: number } {
  // A follow-up's own words must be covered; its context's words count half.
  const ownTerms = contentTerms(query.own)
  const contextTerms = query.context ? contentTerms(query.context).filter((t) => !ownTerms.includes(t)) : []
  const terms = [...ownTerms, ...contextTerms]
  const factor = (t: string) => (contextTerms.includes(t) ? CONTEXT_WEIGHT : 1)
  const colloquialHits = index.glossary.match(query.normalized).filter((h) => h.via === 'colloquial')
  // Specific words weigh more than common ones (general-language IDF, see generalIdf);
  // single characters ("办", "打") say little on their own.
  const weight = (t: string) => (t.length === 1 && !/\d/.test(t) ? 0.3 : 1) * generalIdf(t) * factor(t)
  const total = terms.reduce((s, t) => s + weight(t), 0)
  let coverage = 0
  let best = 0
  passages.slice(0, 5).forEach((p, i) => {
    if (!total) return
    const text = index.normalizedText(p.row)
    // A colloquial term counts as covered when a formal term of its glossary entry is in the passage.
    const bridged = colloquialHits.filter((h) => h.entry.formal.some((f) => text.includes(f)))
    let got = 0
    for (const t of terms) {
      if (text.includes(t) || bridged.some((h) => h.entry.colloquial.some((alt) => alt.some((frag) => frag.includes(t) || t.includes(frag))))) {
        got += weight(t)
        continue
      }
      // A compound the passage writes apart ("热线电话" vs "热线…电话") earns the share of its parts present.
      const parts = tokensOfNormalized(t).filter((p) => p.length >= 2 && p !== t)
      if (parts.length) got += (weight(t) * parts.filter((p) => text.includes(p)).length) / parts.length
    }
    const c = got / total
    if (c > coverage) {
      coverage = c
      best = i
    }
  })
  const similarity = Math.max(0, ...passages.slice(0, 5).map((p) => p.similarity ?? 0))
  return { coverage, similarity, best }
}

export function decide(index: KnowledgeIndex, query: PreparedQuery, passages: Passage[], t: Thresholds): Decision {
  if (!passages.length) return { grounded: false, coverage: 0, similarity: 0, best: 0 }
  const s = signals(index, query, passages)
  const grounded = s.coverage >= t.strongCoverage || (s.coverage >= t.coverage && s.similarity >= t.similarity)
  return { grounded, ...s }
}
