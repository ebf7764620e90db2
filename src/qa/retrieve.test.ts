import { hnswBackend } from '../adapters/hnsw/index.ts'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../core/log.ts'
import { OfflineEmbedder } from './embedder-offline.ts'
import { KnowledgeIndex } from './index-store.ts'
import { ingest } from './ingest.ts'
import { prepareQuery, retrieve } from './retrieve.ts'
import { writeCorpus } from './test-corpus.ts'
import { TOKENIZER_VERSION } from './tokenize.ts'

let index: KnowledgeIndex

beforeAll(async () => {
  const kb = await writeCorpus()
  const dir = await mkdtemp(join(tmpdir(), 'wj-idx-'))
  await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: dir, makeEmbedder: (g) => new OfflineEmbedder(g), log: silentLogger() })
  index = await KnowledgeIndex.load(dir, (g) => new OfflineEmbedder(g), hnswBackend)
})

describe('hybrid retrieval', () => {
  it('bridges colloquial questions to formal documents through the glossary', async () => {
    for (const [q, expected] of [
      ['孩子放学没人管怎么办', '四点半课堂'],
      ['被公司辞退了怎么办', '失业登记'],
      ['想学门手艺', '职业技能培训'],
      ['老公打我怎么办', '110'],
    ] as const) {
      const r = await retrieve(index, q)
      // Two passages about domestic violence may trade places; the right one must be in the top two.
      expect(r.passages.slice(0, 2).some((p) => p.chunk.text.includes(expected)), q).toBe(true)
      expect(r.decision.grounded, q).toBe(true)
    }
  })

  it('fuses dense and keyword results (both contribute scores, keyword evidence weighs more)', async () => {
    const r = await retrieve(index, '人身安全保护令多久作出裁定')
    const top = r.passages[0]!
    expect(top.chunk.text).toContain('72小时内')
    expect(top.similarity).toBeGreaterThan(0)
    expect(top.bm25).toBeGreaterThan(0)
    // Weighted fusion: the top BM25 passage gets the full keyword weight (1) plus its share of the dense one.
    expect(top.score).toBeGreaterThan(1)
  })

  it('uses the operator glossary from the knowledge folder', async () => {
    const q = prepareQuery(index, '娃儿没人带')
    expect(q.expansions).toContain('课后托管')
    const r = await retrieve(index, '娃儿没人带')
    expect(r.passages.slice(0, 2).map((p) => p.chunk.title)).toContain('儿童课后托管服务')
  })

  it('searches with lexicon words but decides on the question’s own words', async () => {
    const q = prepareQuery(index, '娃放学没人管')
    expect(q.lexicon.map((l) => l.formal)).toContain('儿童')
    // What the glossary already added is not added again.
    expect(q.expansions).toContain('四点半课堂')
    expect(q.lexicon.map((l) => l.formal)).not.toContain('四点半课堂')
    // The lexicon's words are in the search, weighted below the question's own words, and not in the literal terms.
    const lexTerms = q.keyword.filter((k) => !q.literalKeyword.includes(k))
    expect(lexTerms.length).toBeGreaterThan(0)
    const ownMax = Math.max(...q.literalKeyword.map((k) => k.weight))
    for (const k of lexTerms) expect(k.weight).toBeLessThan(ownMax)
    // The decision is the one the literal search alone gives: only the passage answered from may move.
    const r = await retrieve(index, '娃放学没人管')
    const literal = await retrieve(index, '娃放学没人管', { lexicon: false })
    expect(literal.query.lexicon).toEqual([])
    expect(r.decision.outcome).toBe(literal.decision.outcome)
    expect(r.decision.coverage).toBe(literal.decision.coverage)
    expect(r.decision.probability).toBe(literal.decision.probability)
    // …and the passage answered from is one of the passages returned.
    expect(r.passages[r.decision.best]).toBeDefined()
  })

  it('lets a lexicon word stand in for an everyday word the folder never uses, still below the question’s own words', () => {
    const weightOf = (q: string, term: string) => {
      const p = prepareQuery(index, q)
      return p.keyword.slice(p.literalKeyword.length).find((k) => k.term === term)?.weight
    }
    // 打老婆 is nowhere in the folder: 家暴 takes its place at more than the usual lexicon weight.
    const unseen = weightOf('男人打老婆咋办', '家暴')!
    // 补贴 is a word of the folder: its official word (扶持) stays at the usual weight.
    const seen = weightOf('开店有没有补贴', '扶持')!
    expect(unseen).toBeGreaterThan(seen)
    expect(unseen).toBeLessThan(1)
    expect(prepareQuery(index, '男人打老婆咋办').keyword.find((k) => k.term === '男人')?.weight).toBe(1)
  })

  it('names the tokenizer in the offline embedder\'s id, so vectors made with other stopwords are not reused', () => {
    expect(new OfflineEmbedder().id).toContain(`:t${TOKENIZER_VERSION}`)
    expect(new OfflineEmbedder().id).not.toBe(new OfflineEmbedder(undefined, 256).id)
  })

  it('normalises a Traditional question like the documents', async () => {
    const q = prepareQuery(index, '請不起律師怎麼辦')
    expect(q.normalized).toBe('请不起律师怎么办')
    const r = await retrieve(index, '請不起律師怎麼辦')
    expect(r.passages[0]!.chunk.text).toContain('法律援助')
    expect(r.decision.grounded).toBe(true)
  })
})

describe('not-covered decision', () => {
  it('declines questions the documents do not cover', async () => {
    for (const q of ['明天天气怎么样', '公积金怎么取出来', '高铁票能改签吗']) {
      const r = await retrieve(index, q)
      expect(r.decision.outcome, q).toBe('decline')
      expect(r.decision.grounded, q).toBe(false)
      expect(r.passages.length, q).toBeGreaterThan(0)
    }
    // Its most specific word nowhere in the folder, matched on "办理" alone: at most the closest passage, with a caveat.
    expect((await retrieve(index, '护照怎么办理')).decision.outcome).not.toBe('answer')
    // Positive control.
    expect((await retrieve(index, '法律援助热线电话')).decision.outcome).toBe('answer')
  })

  it('exposes the signals it decided on', async () => {
    const yes = await retrieve(index, '法律援助热线电话')
    const no = await retrieve(index, '驾照到期了怎么换')
    expect(yes.decision.coverage).toBeGreaterThan(no.decision.coverage)
    expect(yes.decision.similarity).toBeGreaterThan(no.decision.similarity)
  })
})
