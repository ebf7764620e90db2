// Homophone typos read as the folder's words, on the five real documents (test/fixtures/real-corpus). Questions
// besides the tester's own come from the tuning half only.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { hnswBackend } from '../adapters/hnsw/index.ts'
import { silentLogger } from '../core/log.ts'
import { OfflineEmbedder } from './embedder-offline.ts'
import { QaEngine } from './engine.ts'
import { homophoneCorrections, homophoneReadings } from './homophones.ts'
import { KnowledgeIndex } from './index-store.ts'
import { ingest } from './ingest.ts'
import { normalizeForIndex } from './normalize.ts'
import { prepareQuery, retrieve } from './retrieve.ts'

const KB = new URL('../../test/fixtures/real-corpus', import.meta.url).pathname
const log = silentLogger()
let index: KnowledgeIndex

beforeAll(async () => {
  const indexDir = await mkdtemp(join(tmpdir(), 'wj-homophones-'))
  await ingest({ vectors: hnswBackend, kbDir: KB, indexDir, makeEmbedder: (g) => new OfflineEmbedder(g), log })
  index = await KnowledgeIndex.load(indexDir, (g) => new OfflineEmbedder(g), hnswBackend)
}, 60_000)

const corrections = (q: string) => homophoneCorrections(index, normalizeForIndex(q))

describe('homophone typos on the real documents', () => {
  it("reads a tester's 刺秀 as the folder's 刺绣 and answers from the 手工刺绣 passage, quoting her question as written", async () => {
    const q = '那个刺秀项目是哪家公司搞的'
    expect(corrections(q)).toEqual([{ at: 2, from: '刺秀', to: '刺绣' }])
    const r = await retrieve(index, q)
    expect(r.query.original).toBe(q)
    expect(r.query.own).toBe('那个刺绣项目是哪家公司搞的')
    // Without the reading, the decision's best passage was a company's 三八节 plan (公司, 项目), not the embroidery.
    expect(r.decision.outcome).toBe('answer')
    expect(r.passages[r.decision.best]!.chunk.text).toContain('手工刺绣项目')
    const a = await new QaEngine(index, { log }).ask(q)
    expect(a.q).toBe(q)
    expect(a.grounded).toBe(true)
    expect(a.hedged).toBeFalsy()
    expect(a.answer).toContain('长沙美好工艺绣品公司')
  })

  it('reads the typo in a Traditional question too, and answers in Traditional', async () => {
    const q = '那個刺秀項目是哪家公司搞的'
    expect(corrections(q)).toEqual([{ at: 2, from: '刺秀', to: '刺绣' }])
    const r = await retrieve(index, q)
    expect(r.query.own).toBe('那个刺绣项目是哪家公司搞的')
    expect(r.passages[r.decision.best]!.chunk.text).toContain('手工刺绣项目')
    const a = await new QaEngine(index, { log }).ask(q)
    expect(a.q).toBe(q)
    expect(a.grounded).toBe(true)
    expect(a.hedged).toBeFalsy()
    expect(a.answer).toContain('長沙美好工藝繡品公司')
    expect(a.answer).not.toContain('长沙美好工艺绣品公司')
  })

  it('leaves a word alone that the folder writes, or that is general Chinese, or that is grammar', () => {
    // Written right: nothing to read.
    expect(corrections('手工刺绣项目是哪家公司的')).toEqual([])
    expect(prepareQuery(index, '手工刺绣项目是哪家公司的').own).toBe('手工刺绣项目是哪家公司的')
    // A word of general Chinese the folder never writes is what she meant (家具, not 家居 or 加剧).
    expect(corrections('买家具有补贴吗')).toEqual([])
    // Runs that start or end in a function word: "是干啥" is not 实干, "宣传不" not 宣传部 (tuning side b084, k079).
    expect(corrections('“飞来凤”工作站是干啥的？')).toEqual([])
    expect(corrections('火车站汽车站那边有人搞防拐卖宣传不?')).toEqual([])
    // A reading the folder never writes beside her other words: "舞太吵" is not about its 舞台 (l086).
    expect(corrections('楼下广场舞太吵了 晚上几点必须停?')).toEqual([])
    // An everyday reading that common characters hit by chance: "这个月读" is not 阅读 (s125).
    expect(corrections('雨花巾帼读书会这个月读哪本书呀')).toEqual([])
  })

  it('keeps offsets right after an emoji (UTF-16 units, as jieba measures)', () => {
    const q = '😊那个刺秀项目是哪家公司搞的'
    expect(prepareQuery(index, q).own).toBe('😊那个刺绣项目是哪家公司搞的')
  })

  it('leaves an ambiguous typo alone: 春擂 sounds like both 春蕾 and 春雷, and the folder writes both beside 计划', () => {
    const q = '春擂计划资助了多少女童'
    expect(homophoneReadings(index, normalizeForIndex(q))).toEqual([{ at: 0, from: '春擂', words: expect.arrayContaining(['春蕾', '春雷']) }])
    expect(corrections(q)).toEqual([])
    expect(prepareQuery(index, q).own).toBe(q)
  })

  it('reads typos beside the words that place them, her everyday words included (tuning side)', () => {
    // 婆媳 is written beside 评选, her 评; 吵架 beside 调解, her 劝劝 (colloquial.ts).
    expect(corrections('村里现在还评好婆熄不')).toEqual([{ at: 7, from: '婆熄', to: '婆媳' }])
    expect(corrections('娃他爸天天跟我抄架,微家能帮忙劝劝不')).toEqual([{ at: 7, from: '抄架', to: '吵架' }])
    expect(corrections('去镇上妇连反映家里的事,一个礼拜哪几天有人在?')).toEqual([{ at: 3, from: '妇连', to: '妇联' }])
    // Three characters, one swapped.
    expect(corrections('微家管里员一般由哪些人来当')).toEqual([{ at: 2, from: '管里员', to: '管理员' }])
  })
})
