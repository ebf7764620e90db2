import { hnswBackend } from '../adapters/hnsw/index.ts'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Embedder } from '../core/llm.ts'
import { silentLogger } from '../core/log.ts'
import { OfflineEmbedder } from './embedder-offline.ts'
import type { Glossary } from './glossary.ts'
import { EmbedderMismatchError, KnowledgeIndex, readChunks } from './index-store.ts'
import { ingest } from './ingest.ts'
import { writeCorpus } from './test-corpus.ts'

/** The offline embedder, counting the texts it is asked to embed. */
function counting() {
  const calls: string[][] = []
  const make = (g: Glossary): Embedder => {
    const inner = new OfflineEmbedder(g)
    return { id: inner.id, embed: async (texts) => (calls.push(texts), inner.embed(texts)) }
  }
  return { calls, make, embedded: () => calls.reduce((n, c) => n + c.length, 0) }
}

async function setup() {
  const kb = await writeCorpus()
  const index = await mkdtemp(join(tmpdir(), 'wj-idx-'))
  return { kb, index, log: silentLogger() }
}

describe('ingest', () => {
  it('indexes every supported file, skipping eval/ and the glossary file', async () => {
    const { kb, index, log } = await setup()
    const emb = counting()
    const s = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: emb.make, log })
    expect(s).toMatchObject({ added: 4, updated: 0, unchanged: 0, removed: 0, failed: 0, files: 4 })
    expect(s.chunks).toBeGreaterThanOrEqual(8)
    expect(emb.embedded()).toBe(s.chunks)
    const chunks = await readChunks(join(index, 'chunks.jsonl'))
    expect(new Set(chunks.map((c) => c.doc))).toEqual(new Set(['托管服务.md', '就业帮扶.txt', '法律/法律援助.md', '家庭暴力.md']))
    expect(chunks.some((c) => c.text.includes('"must"') || c.text.includes('娃儿'))).toBe(false)
    const aid = chunks.find((c) => c.doc === '法律/法律援助.md' && c.text.includes('12348'))!
    expect(aid).toMatchObject({ title: '法律援助', heading: ['二、咨询电话'] })
  })

  it('re-embeds nothing when nothing changed, only the changed passages on edit, and drops removed files', async () => {
    const { kb, index, log } = await setup()
    const emb = counting()
    const first = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: emb.make, log })
    emb.calls.length = 0

    const again = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: emb.make, log })
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4, removed: 0, embedded: 0, chunks: first.chunks })
    expect(emb.embedded()).toBe(0)

    // Edit one section of one file: only that passage is new.
    const path = join(kb, '托管服务.md')
    await writeFile(path, (await readFile(path, 'utf8')).replace('报名请联系微家主人', '报名请在群里回复“报名”'))
    const edited = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: emb.make, log })
    expect(edited).toMatchObject({ updated: 1, unchanged: 3, embedded: 1 })
    expect(emb.calls.flat().join('')).toContain('报名请在群里回复')

    await rm(join(kb, '就业帮扶.txt'))
    const removed = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: emb.make, log })
    expect(removed).toMatchObject({ removed: 1, unchanged: 3, files: 3 })
    const idx = await KnowledgeIndex.load(index, (g) => new OfflineEmbedder(g), hnswBackend)
    expect(idx.chunks.some((c) => c.doc === '就业帮扶.txt')).toBe(false)
    expect(idx.vectors.size).toBe(idx.chunks.length)
    expect(idx.keyword.size).toBe(idx.chunks.length)
  })

  it('reports a broken file with its path and reason and indexes the rest', async () => {
    const { kb, index, log } = await setup()
    await writeFile(join(kb, '坏文件.pdf'), 'not a pdf at all')
    await writeFile(join(kb, '坏文件.docx'), 'PK not a zip')
    const s = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: counting().make, log })
    expect(s.failed).toBe(2)
    expect(s.failures.map((f) => f.path).sort()).toEqual([join(kb, '坏文件.docx'), join(kb, '坏文件.pdf')])
    expect(s.failures.every((f) => f.reason.length > 5)).toBe(true)
    expect(s.added).toBe(4)
  })

  it('rejects binary content under a text extension by name, and still reads GBK text', async () => {
    const { kb, index, log } = await setup()
    // A PNG renamed .md, and random bytes named .txt: both "decode" to garbage if nothing checks.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64), Buffer.from('IHDR')])
    await writeFile(join(kb, '照片.md'), png)
    let seed = 7
    const noise = Buffer.from(Array.from({ length: 3000 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff))
    await writeFile(join(kb, '乱码.txt'), noise)
    // Positive control: a real GBK-encoded text file is still read.
    const gbk = new Uint8Array([0xc3, 0xbf, 0xd6, 0xdc, 0xc8, 0xfd, 0xc9, 0xcf, 0xce, 0xe7, 0xbe, 0xc5, 0xb5, 0xe3, 0xbc, 0xd2, 0xbd, 0xd3, 0xb4, 0xfd, 0xa1, 0xa3])
    await writeFile(join(kb, '家接待.txt'), Buffer.concat(Array.from({ length: 20 }, () => Buffer.from(gbk))))
    const s = await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: counting().make, log })
    const reasons = Object.fromEntries(s.failures.map((f) => [f.path.split('/').pop(), f.reason]))
    expect(Object.keys(reasons).sort()).toEqual(['乱码.txt', '照片.md'])
    expect(reasons['照片.md']).toMatch(/binary content \(PNG image\)/)
    expect(reasons['乱码.txt']).toMatch(/binary content/)
    expect(s.added).toBe(5)
    const texts = (await readChunks(join(index, 'chunks.jsonl'))).map((c) => c.text).join('\n')
    expect(texts).toContain('每周三上午九点家接待')
  })

  it('records the embedder and refuses queries from another one', async () => {
    const { kb, index, log } = await setup()
    await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: (g) => new OfflineEmbedder(g), log })
    const other: Embedder = { id: 'openai:api.example.com:text-embedding-3-small', embed: async (t) => t.map(() => [1, 0]) }
    await expect(KnowledgeIndex.load(index, () => other, hnswBackend)).rejects.toBeInstanceOf(EmbedderMismatchError)
    await expect(KnowledgeIndex.load(index, () => other, hnswBackend)).rejects.toThrow(/Re-run "weijia ingest"/)
  })

  it('a page without a title keeps what it says it is for citations only: the indexed text, hashes and title are as without it', async () => {
    const log = silentLogger()
    const page = '人生天地之間，若白駒過隙。以下小編在這給大家整理了一些婦女工作計劃模板，希望對大家有幫助！\n一、完善機制、注重提升\n夯實組織根基，健全組織網絡。'
    const chunksOf = async (text: string) => {
      const kb = await writeCorpus({ '003_9eac8f351c49447f.txt': text })
      const index = await mkdtemp(join(tmpdir(), 'wj-idx-'))
      await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: index, makeEmbedder: (g) => new OfflineEmbedder(g), log })
      return readChunks(join(index, 'chunks.jsonl'))
    }
    const named = await chunksOf(page)
    expect(named.every((c) => c.name === '婦女工作計劃' && c.title === '003' && !c.label)).toBe(true)
    // The control: without the opening that names it, the same passages, hashed (and so embedded and indexed) alike.
    const bare = await chunksOf(page.replace('以下小編在這給大家整理了一些婦女工作計劃模板，', '以下小編在這給大家寫了幾句，'))
    expect(bare.every((c) => c.name === undefined)).toBe(true)
    expect(named.slice(1).map((c) => c.hash)).toEqual(bare.slice(1).map((c) => c.hash))
  })
})
