// Okapi BM25 over jieba tokens. LangChain's BM25Retriever splits on whitespace and ASCII words, which
// finds nothing in Chinese, hence this small index. On disk: a term dictionary (one term a line) plus, per
// passage, flat [termIndex, count, …] pairs in one binary Uint32 array (writeBm25 / readBm25). In memory: postings in typed arrays, ~8 bytes per posting,
// so 10k passages cost a few MB rather than the ~100 MB of per-posting objects.

export interface Bm25Data {
  terms: string[]
  /** Per passage: flat pairs [termIndex, count, termIndex, count, …]. */
  docs: ArrayLike<number>[]
}

/**
 * Binary form of the per-passage pairs: [passages, offsets (passages + 1), pairs…] as little-endian Uint32.
 * Loads in O(size) with no parsing: each passage is a view into the one buffer.
 */
export function packBm25Docs(docs: ArrayLike<number>[]): Uint32Array {
  let total = 0
  for (const d of docs) total += d.length
  const out = new Uint32Array(1 + docs.length + 1 + total)
  out[0] = docs.length
  let at = docs.length + 2
  docs.forEach((d, i) => {
    out[1 + i] = at
    for (let k = 0; k < d.length; k++) out[at + k] = d[k]!
    at += d.length
  })
  out[1 + docs.length] = at
  return out
}

export function unpackBm25Docs(packed: Uint32Array): Uint32Array[] {
  const n = packed[0] ?? 0
  if (packed.length < n + 2) throw new Error('keyword index: truncated')
  const docs: Uint32Array[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const from = packed[1 + i]!
    const to = packed[2 + i]!
    if (to < from || to > packed.length) throw new Error('keyword index: bad offsets')
    docs[i] = packed.subarray(from, to)
  }
  return docs
}

export interface WeightedTerm {
  term: string
  weight: number
}

export function countTerms(tokens: string[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts.entries()]
}

export function encodeBm25(docs: [string, number][][]): Bm25Data {
  const index = new Map<string, number>()
  const terms: string[] = []
  const out = docs.map((pairs) => {
    const flat: number[] = []
    for (const [term, tf] of pairs) {
      let i = index.get(term)
      if (i === undefined) {
        i = terms.length
        index.set(term, i)
        terms.push(term)
      }
      flat.push(i, tf)
    }
    return flat
  })
  return { terms, docs: out }
}

/**
 * Term counting for ingest, by number rather than by string: each distinct term gets an id once, a passage's
 * counts are one flat Uint32Array [id, count, …] (terms in order of first occurrence, as countTerms), and
 * `encode` renumbers them by first appearance in row order. The result is exactly encodeBm25 over countTerms,
 * without a Map and ~250 [term, count] tuples per passage that live until the index is written.
 */
export class TermCounter {
  private readonly ids = new Map<string, number>()
  private readonly terms: string[] = []
  /** Per id: 1 + its pair's position in the passage being counted; 0 when not seen in it. */
  private slot = new Uint32Array(1024)
  private readonly pairs: number[] = []

  private id(term: string): number {
    let i = this.ids.get(term)
    if (i === undefined) {
      i = this.terms.push(term) - 1
      this.ids.set(term, i)
      if (i >= this.slot.length) {
        const grown = new Uint32Array(this.slot.length * 2)
        grown.set(this.slot)
        this.slot = grown
      }
    }
    return i
  }

  /** Counts of one passage's terms, given as one or more lists read in order. */
  count(...lists: readonly string[][]): Uint32Array {
    const { pairs } = this
    pairs.length = 0
    for (const list of lists) {
      for (const term of list) {
        const i = this.id(term)
        const at = this.slot[i]!
        if (at) pairs[at]!++
        else {
          this.slot[i] = pairs.length + 1
          pairs.push(i, 1)
        }
      }
    }
    for (let k = 0; k < pairs.length; k += 2) this.slot[pairs[k]!] = 0
    return Uint32Array.from(pairs)
  }

  /** A stored index's passages in this counter's ids (for passages that are not re-tokenised). */
  adopt(data: Bm25Data): (doc: number) => Uint32Array {
    const map = Uint32Array.from(data.terms, (t) => this.id(t))
    return (doc) => {
      const stored = data.docs[doc]!
      const out = new Uint32Array(stored.length)
      for (let k = 0; k < stored.length; k += 2) {
        out[k] = map[stored[k]!]!
        out[k + 1] = stored[k + 1]!
      }
      return out
    }
  }

  /** The keyword index of these passages (rows in order): encodeBm25's numbering and layout. */
  encode(docs: Uint32Array[]): Bm25Data {
    const final = new Int32Array(this.terms.length).fill(-1)
    const terms: string[] = []
    const out = docs.map((pairs) => {
      const flat = new Uint32Array(pairs.length)
      for (let k = 0; k < pairs.length; k += 2) {
        const i = pairs[k]!
        if (final[i] === -1) final[i] = terms.push(this.terms[i]!) - 1
        flat[k] = final[i]!
        flat[k + 1] = pairs[k + 1]!
      }
      return flat
    })
    return { terms, docs: out }
  }
}

export function decodeDoc(data: Bm25Data, doc: number): [string, number][] {
  const flat = data.docs[doc]!
  const out: [string, number][] = []
  for (let k = 0; k < flat.length; k += 2) out.push([data.terms[flat[k]!]!, flat[k + 1]!])
  return out
}

export class Bm25Index {
  private readonly postings = new Map<string, { docs: Int32Array; tfs: Uint16Array }>()
  private readonly lengths: Float32Array
  private readonly avgLength: number
  readonly size: number

  constructor(
    data: Bm25Data,
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.size = data.docs.length
    this.lengths = new Float32Array(this.size)
    const df = new Uint32Array(data.terms.length)
    let total = 0
    data.docs.forEach((flat, doc) => {
      let len = 0
      for (let k = 0; k < flat.length; k += 2) {
        df[flat[k]!]!++
        len += flat[k + 1]!
      }
      this.lengths[doc] = len
      total += len
    })
    const lists = data.terms.map((_, i) => ({ docs: new Int32Array(df[i]!), tfs: new Uint16Array(df[i]!) }))
    const fill = new Uint32Array(data.terms.length)
    data.docs.forEach((flat, doc) => {
      for (let k = 0; k < flat.length; k += 2) {
        const t = flat[k]!
        const list = lists[t]!
        list.docs[fill[t]!] = doc
        list.tfs[fill[t]!] = Math.min(flat[k + 1]!, 65535)
        fill[t]!++
      }
    })
    data.terms.forEach((term, i) => this.postings.set(term, lists[i]!))
    this.avgLength = this.size ? total / this.size : 1
  }

  static fromTokens(docs: string[][]): Bm25Index {
    return new Bm25Index(encodeBm25(docs.map(countTerms)))
  }

  /** Every term the index holds (words and marked bigrams). */
  terms(): IterableIterator<string> {
    return this.postings.keys()
  }

  /** The passages (rows, ascending) containing the term; empty for a term the index has never seen. */
  rows(term: string): Int32Array {
    return this.postings.get(term)?.docs ?? NO_ROWS
  }

  /** Passages containing the term (0 for a term the index has never seen). */
  df(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5))
  }

  /** Reused across queries and cleared through `touched`: no corpus-sized allocation per query. */
  private scores?: Float64Array

  search(query: WeightedTerm[], k: number): { doc: number; score: number }[] {
    const scores = (this.scores ??= new Float64Array(this.size))
    const touched: number[] = []
    const merged = new Map<string, number>()
    for (const q of query) merged.set(q.term, Math.max(merged.get(q.term) ?? 0, q.weight))
    // Posting-list pruning: in a large index, a term found in more than a fifth of the passages ("工作", common
    // bigrams) hardly ranks anything but costs the longest walk; it is skipped when the query has rarer terms.
    // Small indexes (under PRUNE_MIN_DF passages per term) are searched exactly.
    const lists = [...merged].map(([term, weight]) => ({ term, weight, list: this.postings.get(term) })).filter((t) => t.list)
    const common = Math.max(PRUNE_MIN_DF, this.size * MAX_DF_SHARE)
    const rare = lists.filter((t) => t.list!.docs.length <= common)
    for (const { term, weight, list } of rare.length ? rare : lists) {
      const idf = this.idf(term) * weight
      const { docs, tfs } = list!
      for (let n = 0; n < docs.length; n++) {
        const doc = docs[n]!
        const tf = tfs[n]!
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / this.avgLength)
        if (scores[doc] === 0) touched.push(doc)
        scores[doc]! += (idf * tf * (this.k1 + 1)) / norm
      }
    }
    const out = topK(touched, scores, k)
    for (const doc of touched) scores[doc] = 0
    return out
  }
}

const NO_ROWS = new Int32Array(0)
const MAX_DF_SHARE = 0.2
const PRUNE_MIN_DF = 2000

/** The k best of `docs` by score, without sorting them all (a bounded min-heap). */
function topK(docs: number[], scores: Float64Array, k: number): { doc: number; score: number }[] {
  const heap: number[] = []
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b)
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  for (const doc of docs) {
    if (heap.length < k) {
      heap.push(doc)
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1
        if (!less(heap[i]!, heap[p]!)) break
        ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
        i = p
      }
    } else if (less(heap[0]!, doc)) {
      heap[0] = doc
      down(0)
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : -1)).map((doc) => ({ doc, score: scores[doc]! }))
}
