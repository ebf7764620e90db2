import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { hnswBackend } from '../adapters/hnsw/index.ts'
import { silentLogger } from '../core/log.ts'
import { OfflineEmbedder } from './embedder-offline.ts'
import { QaEngine } from './engine.ts'
import { KnowledgeIndex } from './index-store.ts'
import { ingest } from './ingest.ts'
import { writeCorpus } from './test-corpus.ts'
import { qaTexts } from './texts.ts'
import { isTitleLine } from './title-line.ts'

describe('a title line', () => {
  const chunk = { title: '妇女微家活动实施方案' }
  it('is the title, perhaps with a count of pieces, and no sentence', () => {
    expect(isTitleLine('妇女微家活动实施方案', chunk)).toBe(true)
    expect(isTitleLine('妇女微家活动实施方案【3篇】', chunk)).toBe(true)
    expect(isTitleLine('社区妇联活动工作计划', { title: '001', label: '社区妇联活动工作计划8篇' })).toBe(true)
    // A sentence that names the document is no title line, nor is another line.
    expect(isTitleLine('妇女微家活动实施方案已经下发，请各乡镇落实。', chunk)).toBe(false)
    expect(isTitleLine('二一三年工作回顾', chunk)).toBe(false)
  })
})

// As a .txt page writes it: the title line, then an opening paragraph that says nothing in particular.
const PLAN = `雨花区妇联2019年工作计划

2019年是全面贯彻落实党的十九大精神和全国妇联十二大精神的关键之年。区妇联将以习近平新时代中国特色社会主义思想为指导，紧紧围绕全区工作大局，切实服务妇女、儿童、家庭。

一、加强思想引领，促进社会和谐

开展“雨花幸福大讲堂”活动，为社区居民群众开设《新时代，新家风》、《家庭幸福经营之道》等婚姻家庭关系课程，建设积极向上的家庭文化。
开展家庭教育，开设父母学堂，推动“书香飘万家”亲子阅读，引导家长为孩子讲好“人生第一课”。

二、强化自身建设，转变工作作风

落实区妇联机关干部到居住地社区妇联报到制度，区妇联机关干部每年下基层时间不少于60天。
`

describe('the title line and the opening paragraph are no answer', () => {
  let engine: QaEngine
  const log = silentLogger()
  beforeAll(async () => {
    const kb = await writeCorpus({ '002_e3065f42105186f8.txt': PLAN })
    const dir = await mkdtemp(join(tmpdir(), 'wj-idx-'))
    await ingest({ vectors: hnswBackend, kbDir: kb, indexDir: dir, makeEmbedder: (g) => new OfflineEmbedder(g), log })
    engine = new QaEngine(await KnowledgeIndex.load(dir, (g) => new OfflineEmbedder(g), hnswBackend), { log })
  })

  it('a follow-up whose context is the title, asking what the document never says, is told so', async () => {
    // The context a follow-up carries after an answer from the plan (followup.ts): its title.
    const r = await engine.ask('在哪报名', '雨花区妇联2019年工作计划')
    expect(r.grounded).toBe(false)
    expect(r.answer).toBe(qaTexts.notCovered)
    // Positive control: what the plan does say is answered, in the same context.
    const p = await engine.ask('父母学堂是干嘛的', '雨花区妇联2019年工作计划')
    expect(p.grounded).toBe(true)
    expect(p.answer).toContain('开设父母学堂')
  })

  it('a question naming the document is answered from what it says, not from its title line or opening sentence', async () => {
    // Its title's words (and its year) are every sentence's there: the opening sentence that repeats them says no more.
    for (const q of ['雨花区妇联2019年的计划里说的大讲堂是啥', '雨花区2019年有啥课']) {
      const r = await engine.ask(q)
      expect(r.grounded).toBe(true)
      expect(r.answer).toContain('雨花幸福大讲堂')
      expect(r.answer).not.toMatch(/^雨花区妇联2019年工作计划$/mu)
      expect(r.answer).not.toContain('关键之年')
    }
  })
})
