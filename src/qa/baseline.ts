// The yardstick every retrieval change is measured against: plain Okapi BM25 over paragraphs of at most
// 350 characters, jieba words only — no glossary, no domain words, no vectors, no reranking. It gets its own
// jieba instance so words the real pipeline teaches its segmenter (glossary, domain terms) don't leak in.
import { Jieba } from '@node-rs/jieba'
import { readJiebaDict } from './jieba-dict.ts'
import { Bm25Index } from './bm25.ts'
import { normalizeForIndex } from './normalize.ts'

export const BASELINE_MAX_CHARS = 350

export interface BaselineDoc {
  title: string
  /** Cleaned text, paragraphs on their own lines. */
  text: string
}

export interface BaselinePassage {
  title: string
  text: string
}

let jieba: Jieba | undefined
const MEANINGFUL = /[\p{L}\p{N}]/u

function plainTokens(text: string): string[] {
  jieba ??= Jieba.withDict(readJiebaDict())
  return jieba.cutForSearch(normalizeForIndex(text), false).filter((t) => MEANINGFUL.test(t))
}

/** Paragraphs (lines) as they are; one longer than 350 characters is cut at the last sentence end that fits. */
export function paragraphs(text: string, max = BASELINE_MAX_CHARS): string[] {
  const out: string[] = []
  for (const raw of text.split('\n')) {
    let line = raw.replace(/^#+\s*/, '').trim()
    while (line.length > max) {
      const window = line.slice(0, max)
      const cut = Math.max(...['。', '！', '？', '；'].map((p) => window.lastIndexOf(p)))
      const len = cut >= max / 3 ? cut + 1 : max
      out.push(line.slice(0, len))
      line = line.slice(len).trim()
    }
    if (line) out.push(line)
  }
  return out
}

export class BaselineBm25 {
  private readonly index: Bm25Index

  constructor(readonly passages: BaselinePassage[]) {
    this.index = Bm25Index.fromTokens(passages.map((p) => plainTokens(p.text)))
  }

  static fromDocuments(docs: BaselineDoc[]): BaselineBm25 {
    return new BaselineBm25(docs.flatMap((d) => paragraphs(d.text).map((text) => ({ title: d.title, text }))))
  }

  search(question: string, k = 10): BaselinePassage[] {
    const terms = plainTokens(question).map((term) => ({ term, weight: 1 }))
    return this.index.search(terms, k).map((h) => this.passages[h.doc]!)
  }
}
