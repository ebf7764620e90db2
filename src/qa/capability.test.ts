// The qa capability end to end: mock WeChat → pipeline → qa → outbox, on real Redis.
import { hnswBackend } from '../adapters/hnsw/index.ts'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestBot, type TestBot } from '../testing/bot.ts'
import { OfflineEmbedder } from './embedder-offline.ts'
import { createQa } from './index.ts'
import { indexExists } from './index-store.ts'
import { ingest } from './ingest.ts'
import { silentLogger } from '../core/log.ts'
import { writeCorpus } from './test-corpus.ts'
import { qaTexts } from './texts.ts'
import { testConfig } from '../testing/config.ts'
import { inScript } from '../core/zh/script.ts'

let bot: TestBot | undefined
afterEach(async () => {
  await bot?.stop()
  bot = undefined
})

async function start(extra: Record<string, unknown> = {}, dirs?: { kbDir: string; indexDir: string }) {
  const kbDir = dirs?.kbDir ?? (await writeCorpus())
  const indexDir = dirs?.indexDir ?? join(await mkdtemp(join(tmpdir(), 'wj-idx-')), 'index')
  bot = await startTestBot({
    capabilities: [createQa({ vectors: hnswBackend, makeEmbedder: (g) => new OfflineEmbedder(g) })],
    config: { qa: { kbDir, indexDir, maxAnswerChars: 200, followupTtlSec: 300 }, ...extra },
  })
  return { bot, indexDir }
}

describe('qa capability', () => {
  it('ingests in the background on start; a question asked meanwhile waits and is answered with the source line', async () => {
    const { bot, indexDir } = await start()
    bot.world.say('王芳', '孩子放学没人管怎么办？', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(indexExists(indexDir)).toBe(true)
    expect(bot.sent).toHaveLength(1)
    expect(bot.sent[0]).toMatchObject({ kind: 'room', mentions: ['王芳'] })
    expect(bot.sent[0]!.text).toContain('四点半课堂')
    expect(bot.sent[0]!.text).toMatch(/来源：《儿童课后托管服务》· 一、课后托管$/)
  })

  it('ignores unmentioned chatter in mention mode and answers private questions', async () => {
    const { bot } = await start()
    bot.world.say('王芳', '法律援助热线是多少？')
    bot.world.sayPrivate('王芳', '公积金怎么取出来')
    expect(await bot.idle()).toBe(true)
    expect(bot.sent).toHaveLength(1)
    expect(bot.sent[0]).toMatchObject({ kind: 'private', text: qaTexts.notCovered })
  })

  it('connects a follow-up to the previous question of the same person', async () => {
    const { bot } = await start()
    bot.world.say('王芳', '遇到家暴怎么办', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    bot.world.say('王芳', '那电话呢？', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    // Someone else asking the same elliptical question has no context to lean on.
    bot.world.say('张丽', '那电话呢？', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent).toHaveLength(3)
    // Her follow-up leans on her question: the same passage (with 110) answers it, said to be all there is.
    expect(bot.sent[1]!.text.startsWith(`${qaTexts.sameAgain}\n`)).toBe(true)
    expect(bot.sent[1]!.text).toContain('110')
    expect(bot.sent[2]!.text).not.toContain('110')
    expect(bot.sent[2]!.text).toContain('12348')
  })

  it('a follow-up the same passage answers again is told that this is all the documents say', async () => {
    // Found by a tester: "那個工作站在哪裡" after the station's figures repeated them word for word. (Where it is, the
    // passage does not say, and that is now declined; which town it is in, it says: the same passage again.)
    const kbDir = await mkdtemp(join(tmpdir(), 'wj-kb-'))
    await writeFile(join(kbDir, '调解工作.md'), '# 调解工作总结\n\n## 老舅妈工作站\n\n上半年梅陇镇老舅妈工作站共受理群众来访52起，成功调解49起。\n\n## 家庭教育\n\n全年举办家教讲座40场，覆盖家长3000余人次。\n')
    const { bot } = await start({}, { kbDir, indexDir: join(await mkdtemp(join(tmpdir(), 'wj-idx-')), 'index') })
    bot.world.say('陈太太', '老舅妈工作站上半年受理了多少起', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    bot.world.say('陈太太', '那个工作站是哪个镇的', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent[0]!.text).toContain('共受理群众来访52起')
    expect(bot.sent[1]!.text).toBe(`${qaTexts.sameAgain}\n${bot.sent[0]!.text}`)
    // Someone else asking the first question gets the figures: the fingerprint is per person.
    bot.world.say('张丽', '老舅妈工作站上半年受理了多少起', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent[2]!.text).toContain('共受理群众来访52起')
  })

  it('"还有别的吗" after an answer is given another sentence, not the same one again (a tester got the same paragraph)', async () => {
    const kbDir = await mkdtemp(join(tmpdir(), 'wj-kb-'))
    await writeFile(
      join(kbDir, '家庭教育.md'),
      '# 家庭教育工作\n\n## 家长课堂\n\n开设父母学堂，推动“书香飘万家”亲子阅读，引导家长讲好人生第一课。开展“幸福大讲堂”活动，为家长开设《家庭有效沟通》等家庭教育课程。\n',
    )
    const { bot } = await start({}, { kbDir, indexDir: join(await mkdtemp(join(tmpdir(), 'wj-idx-')), 'index') })
    bot.world.say('王芳', '推动亲子阅读的活动叫什么名字', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    bot.world.say('王芳', '还有别的给家长上的课吗', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent[0]!.text).toContain('书香飘万家')
    expect(bot.sent[1]!.text).toContain('家庭有效沟通')
    expect(bot.sent[1]!.text).not.toContain(qaTexts.sameAgain)
    // Asked for more once more, with nothing else there: told it is all the documents say.
    bot.world.say('王芳', '还有其他的吗', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent[2]!.text.startsWith(`${qaTexts.sameAgain}\n`) || bot.sent[2]!.text === qaTexts.notCovered).toBe(true)
  })

  it('rebuilds on start an index made by another embedder (e.g. after an upgrade), then answers', async () => {
    const kbDir = await writeCorpus()
    const indexDir = join(await mkdtemp(join(tmpdir(), 'wj-idx-')), 'index')
    await ingest({ vectors: hnswBackend, kbDir, indexDir, makeEmbedder: () => new OfflineEmbedder(undefined, 128), log: silentLogger() })
    expect(JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')).embedderId).toMatch(/^offline:hash-v\d+:128:t\d+$/)
    const { bot } = await start({}, { kbDir, indexDir })
    bot.world.say('王芳', '孩子放学没人管怎么办？', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent[0]!.text).toContain('四点半课堂')
    expect(JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')).embedderId).toMatch(/:512:t\d+:gl-/)
  })
})

describe('the group\'s own type', () => {
  const guide = () => readFile(join('knowledge', '微家服务指南.md'), 'utf8')
  const typed = (type?: string) => ({ groups: testConfig().groups.map((g) => ({ ...g, type })) })

  it('"我们这个微家算哪种": the type config gives it, then the documents\' sentence on that type with its source, in her script', async () => {
    const kbDir = await writeCorpus({ '微家服务指南.md': await guide() })
    const { bot } = await start(typed('网格睦邻'), { kbDir, indexDir: join(await mkdtemp(join(tmpdir(), 'wj-idx-')), 'index') })
    const answer = '咱们是「网格睦邻」型妇女微家。\n网格睦邻型：依托网格和楼道，开展邻里互助、矛盾调解、走访关爱。\n来源：《妇女微家服务指南》· 三、微家的类型'
    for (const q of ['我们这个微家算哪种', '咱们是啥类型的微家']) {
      bot.world.say('王芳', q, { mentionBot: true })
      expect(await bot.idle()).toBe(true)
      expect(bot.sent.at(-1)).toMatchObject({ kind: 'room', mentions: ['王芳'], text: answer })
    }
    bot.world.say('陈美玲', '我們這個算哪種微家', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent.at(-1)!.text).toBe(inScript(answer, 'traditional'))
    // In private too (her group is known), and a question about types in general is still the documents'.
    bot.world.sayPrivate('张丽', '咱们微家属于什么类型')
    bot.world.say('赵敏', '妇女微家分几种', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent.find((s) => s.kind === 'private' && s.to === '张丽')!.text).toBe(answer)
    expect(bot.sent.find((s) => s.mentions.includes('赵敏'))!.text).not.toContain('咱们是「')
    // A message that also asks what a 微家 is gets that answered first, then the type.
    bot.world.say('孙丽', '我刚进群 这个微家到底是干啥的呀？咱们这个算哪种微家', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    const both = bot.sent.find((s) => s.mentions.includes('孙丽'))!.text
    expect(both).toMatch(/^妇女微家是/u)
    expect(both.indexOf('咱们是「网格睦邻」型妇女微家')).toBeGreaterThan(both.indexOf('来源：'))
  })

  it('documents that do not describe the type: config alone; a group with no type: not set, ask the host', async () => {
    const { bot } = await start(typed('创业指导'))
    bot.world.say('王芳', '我们这个微家算哪种', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    expect(bot.sent.at(-1)!.text).toBe('咱们是「创业指导」型妇女微家。')
    await bot.stop()
    const { bot: untyped } = await start(typed(undefined))
    untyped.world.say('王芳', '我们这个微家算哪种', { mentionBot: true })
    untyped.world.say('陈美玲', '我們這個算哪種微家', { mentionBot: true })
    expect(await untyped.idle()).toBe(true)
    expect(untyped.sent.find((s) => s.mentions.includes('王芳'))!.text).toBe(qaTexts.groupTypeUnset)
    expect(untyped.sent.find((s) => s.mentions.includes('陈美玲'))!.text).toBe(inScript(qaTexts.groupTypeUnset, 'traditional'))
  })
})
