import { hnswBackend } from '../adapters/hnsw/index.ts'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../core/log.ts'
import { OfflineEmbedder } from './embedder-offline.ts'
import { KnowledgeIndex } from './index-store.ts'
import { ingest } from './ingest.ts'
import { answerNear, definesAt, featureRows, minSpan, parseRankerModel, RANK_FEATURE_NAMES, reorderBy, SHIPPED_RANKER, type RankerModel } from './ranker.ts'
import { prepareQuery, rankedCandidates, retrieve } from './retrieve.ts'
import { writeCorpus } from './test-corpus.ts'

describe('learned ranker parts', () => {
  it('minSpan: the shortest stretch holding each term found', () => {
    // 电话 at 0 and 12, 热线 at 16: the closest pair is 12–18.
    expect(minSpan(['电话', '热线'], '电话是多少，另外有个电话，和热线')).toBe(6)
    // Fewer than two terms found: the whole text, the worst proximity.
    expect(minSpan(['电话', '热线'], '只有电话')).toBe(4)
  })

  it('definesAt: a named term followed at once by a bracket, a colon, 即 or 是 (not 是否)', () => {
    expect(definesAt('五有', '选树一批“五有”(有阵地、有主人)示范微家')).toBe(true)
    expect(definesAt('微家', '微家是妇联组织的延伸')).toBe(true)
    expect(definesAt('五有', '按照“五有”示范妇女微家要求推进')).toBe(false)
    expect(definesAt('微家', '微家是否需要登记')).toBe(false)
  })

  it('answerNear: the asked count or kind beside the named term, in its own sentence', () => {
    expect(answerNear(['儿童之家'], true, [], '全县儿童之家数量已达88个。')).toBe(true)
    // A number in another sentence, or far from the term, is someone else's.
    expect(answerNear(['儿童之家'], true, [], '建好儿童之家。全年培训3000人次。')).toBe(false)
    expect(answerNear(['热线'], false, ['phone'], '开通维权热线12338，受理投诉')).toBe(true)
    expect(answerNear(['热线'], false, [], '开通维权热线12338')).toBe(false)
  })

  it('reorderBy: the scored head by score (ties keep their order), the tail as it was', () => {
    expect(reorderBy(['a', 'b', 'c', 'd'], [0.1, 0.9, 0.1])).toEqual(['b', 'a', 'c', 'd'])
  })

  it('the shipped model names known features, one weight each', () => {
    expect(SHIPPED_RANKER.features.every((f) => (RANK_FEATURE_NAMES as string[]).includes(f))).toBe(true)
    expect(() => parseRankerModel({ ...SHIPPED_RANKER, features: ['nope'], mean: [0], scale: [1], weights: [1] })).toThrow(/unknown features/)
    expect(() => parseRankerModel({ ...SHIPPED_RANKER, weights: [...SHIPPED_RANKER.weights, 1] })).toThrow(/do not match/)
  })
})

describe('learned ranker in retrieval', () => {
  let index: KnowledgeIndex
  beforeAll(async () => {
    const kb = await writeCorpus()
    const dir = await mkdtemp(join(tmpdir(), 'wj-rank-'))
    await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: dir, makeEmbedder: (g) => new OfflineEmbedder(g), log: silentLogger() })
    index = await KnowledgeIndex.load(dir, (g) => new OfflineEmbedder(g), hnswBackend)
  })

  // A model that reads only the passage length, so the learned order differs from the hand one.
  const byLength: RankerModel = { enabled: true, depth: 100, features: ['length'], mean: [0], scale: [1], bias: 0, weights: [1] }

  it('orders by the model’s score, and the decision stays the hand order’s', async () => {
    const q = '人身安全保护令多久作出裁定'
    const hand = await retrieve(index, q, { ranker: null })
    const learned = await retrieve(index, q, { ranker: byLength })
    expect(learned.passages.map((p) => p.row)).not.toEqual(hand.passages.map((p) => p.row))
    const lengths = learned.passages.map((p) => index.normalizedText(p.row).length)
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a))
    expect(learned.decision.outcome).toBe(hand.decision.outcome)
    expect(learned.decision.probability).toBe(hand.decision.probability)
    // The decision's best passage is the same passage, wherever it now stands.
    expect(learned.passages[learned.decision.best]!.row).toBe(hand.passages[hand.decision.best]!.row)
  })

  it('computes one row of every feature per candidate, the rerank parts included', async () => {
    const query = prepareQuery(index, '失业登记去哪里办')
    const ranked = await rankedCandidates(index, query)
    const rows = featureRows(index, query, ranked, 5)
    expect(rows).toHaveLength(Math.min(5, ranked.length))
    expect(rows.every((r) => r.length === RANK_FEATURE_NAMES.length && r.every(Number.isFinite))).toBe(true)
    const coverage = RANK_FEATURE_NAMES.indexOf('coverage')
    expect(rows[0]![coverage]).toBe(ranked[0]!.signals!.coverage)
  })
})
