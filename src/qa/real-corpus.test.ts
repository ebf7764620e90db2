// The Q&A on the five real Women's Federation documents (test/fixtures/real-corpus): the eval with floors
// well below the targets (so a regression fails CI), and one regression test per failure kind of issue #11.
// Questions used here come from the tuning half only.
import { hnswBackend } from '../adapters/hnsw/index.ts'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { followupContext } from './followup.ts'
import { OpenAiLlm } from '../adapters/openai/llm.ts'
import { ReplyBudget } from '../core/llm-deadline.ts'
import { silentLogger } from '../core/log.ts'
import { startOpenAiStub, type ChatRequestBody, type OpenAiStub } from '../testing/openai-stub.ts'
import { ANSWER_TOOL } from './answer.ts'
import { OfflineEmbedder } from './embedder-offline.ts'
import { QaEngine } from './engine.ts'
import { evalRun } from './eval-run.ts'
import { questionFiles, readEvalFile, readSplit } from './evaluate.ts'
import { KnowledgeIndex } from './index-store.ts'
import { ingest } from './ingest.ts'
import { coinedTerms, retrieve } from './retrieve.ts'
import { qaTexts } from './texts.ts'

const FIX = new URL('../../test/fixtures/', import.meta.url).pathname
const KB = join(FIX, 'real-corpus')
const log = silentLogger()
let indexDir: string
let index: KnowledgeIndex
let stub: OpenAiStub

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'wj-real-'))
  await ingest({ vectors: hnswBackend, kbDir: KB, indexDir, makeEmbedder: (g) => new OfflineEmbedder(g), log })
  index = await KnowledgeIndex.load(indexDir, (g) => new OfflineEmbedder(g), hnswBackend)
  stub = await startOpenAiStub()
})
afterAll(() => stub.close())

const offline = () => new QaEngine(index, { log })

describe('eval on the real documents (floors well below the targets)', () => {
  it('beats the plain BM25 baseline on the held-out half and declines most uncovered questions', async () => {
    const items = ['questions-a.jsonl', 'questions-b.jsonl', 'questions-c.jsonl', 'questions-d.jsonl'].flatMap((f) => readEvalFile(readFileSync(join(FIX, 'qa-real', f), 'utf8')))
    const split = readSplit(readFileSync(join(FIX, 'qa-real', 'split.json'), 'utf8'))
    const report = await evalRun({ vectors: hnswBackend, kbDir: KB, indexDir, items, split, makeEmbedder: (g) => new OfflineEmbedder(g), log })
    if (!('heldout' in report)) throw new Error('expected a split report')
    const halves = report as Extract<typeof report, { heldout: unknown }>
    const { pipeline, baseline } = halves.heldout
    expect(pipeline.covered + pipeline.notCovered).toBe(121)
    // Measured (lexicon and learned ranker): see the README's quality table. Floors a few questions below (of 92
    // covered: hit@5 3, hit@1 3).
    expect(pipeline.hit5).toBeGreaterThanOrEqual(0.89)
    expect(pipeline.hit1).toBeGreaterThanOrEqual(0.79)
    expect(pipeline.mrr).toBeGreaterThanOrEqual(0.82)
    expect(pipeline.hit1).toBeGreaterThanOrEqual(baseline.hit1 + 0.04)
    expect(pipeline.hit5).toBeGreaterThanOrEqual(baseline.hit5)
    // Measured (a hedged reply counts as neither declined nor wrongly declined; ninth session, final code): of 29
    // uncovered, 0.828 declined, 0.103 hedged, 0.069 answered outright; of 92 covered, 0.120 declined (11) and 0.130
    // hedged. The covered-declined floor is exactly 11 of 92: one more covered question declined here fails CI (a
    // decision model retrained on 1,717 tuning questions did, and was not adopted).
    expect(pipeline.notCoveredDeclined).toBeGreaterThanOrEqual(0.72)
    expect(pipeline.notCoveredAnsweredOutright).toBeLessThanOrEqual(0.11)
    expect(pipeline.coveredWronglyDeclined).toBeLessThanOrEqual(0.12)
    // Twelfth session: the key gate (decision-model.ts) hedges a window without the question's most specific word;
    // measured 0.141 hedged (13 of 92).
    expect(pipeline.coveredHedged).toBeLessThanOrEqual(0.19)
    // The a–d part of the tuning side (a/b tune half, c, d: 375 questions; the decision model is trained on these and
    // on e, decision-model.json). Measured: of 124 uncovered 0.798 declined, 0.105 answered outright; of 251 covered
    // 0.044 declined. Ranking (the learned ranker is fitted on this side, so these are in-sample): hit@1 0.797,
    // hit@5 0.960, MRR 0.866.
    expect(halves.tune.pipeline.covered + halves.tune.pipeline.notCovered).toBe(375)
    expect(halves.tune.pipeline.notCoveredDeclined).toBeGreaterThanOrEqual(0.75)
    expect(halves.tune.pipeline.notCoveredAnsweredOutright).toBeLessThanOrEqual(0.13)
    expect(halves.tune.pipeline.coveredWronglyDeclined).toBeLessThanOrEqual(0.06)
    // The baseline is a real ranking, not a stand-in.
    expect(baseline.hit5).toBeGreaterThan(0.5)
    // Two full evaluations (ingest, 246 questions, BM25): 9 s idle, past 30 s with both cores busy.
  }, 180_000)

  it('the whole held-out side (the first 121 and the halves of the blind batches l to z and aa to ba): floors a few questions below', async () => {
    const files = questionFiles(readdirSync(join(FIX, 'qa-real')))
    const items = files.flatMap((f) => readEvalFile(readFileSync(join(FIX, 'qa-real', f), 'utf8')))
    const { heldout } = readSplit(readFileSync(join(FIX, 'qa-real', 'split.json'), 'utf8'))
    // Held-out only: nothing of the tuning side is evaluated here.
    const report = await evalRun({ vectors: hnswBackend, kbDir: KB, indexDir, items, split: { tune: [], heldout }, makeEmbedder: (g) => new OfflineEmbedder(g), log })
    if (!('heldout' in report)) throw new Error('expected a split report')
    const { pipeline, baseline } = (report as Extract<typeof report, { heldout: unknown }>).heldout
    expect(pipeline.covered + pipeline.notCovered).toBe(2958)
    // Measured (twenty-fourth session, with the second look and batches az, ba; numbers only): of 1,450 covered, hit@1 /
    // hit@5 / MRR 0.855 / 0.968 / 0.905 (BM25 0.670 / 0.861 / 0.751), 0.048 declined, 0.235 hedged, replies quoting the
    // answer 0.806; of 1,508 uncovered 0.888 declined, 0.069 answered outright. New writers bring the uncovered figure
    // down when they join: blind, batches aq to ba declined 0.46 to 0.91 of their own. Floors about five questions below.
    expect(pipeline.hit5).toBeGreaterThanOrEqual(0.965)
    expect(pipeline.hit1).toBeGreaterThanOrEqual(0.85)
    expect(pipeline.mrr).toBeGreaterThanOrEqual(0.902)
    expect(pipeline.hit1).toBeGreaterThanOrEqual(baseline.hit1 + 0.18)
    expect(pipeline.hit5).toBeGreaterThanOrEqual(baseline.hit5 + 0.104)
    expect(pipeline.notCoveredDeclined).toBeGreaterThanOrEqual(0.884)
    expect(pipeline.notCoveredAnsweredOutright).toBeLessThanOrEqual(0.072)
    expect(pipeline.coveredWronglyDeclined).toBeLessThanOrEqual(0.052)
    expect(pipeline.coveredHedged).toBeLessThanOrEqual(0.238)
    expect(pipeline.replyQuotesAnswer).toBeGreaterThanOrEqual(0.80)
  }, 180_000)
})

describe('regressions from issue #11 (offline answers)', () => {
  it('a workplace\'s words: 男同事 is 男职工, 踏青 is 踏春 ("男职工也可报名参加活动" is quoted)', async () => {
    const r = await offline().ask('公司三八节出去踏青那个活动 男同事能报名不')
    expect(r.grounded && !r.hedged).toBe(true)
    expect(r.answer).toContain('男职工也可报名参加活动')
  })

  it('"哪几天" asks a day: the sentence with the days is quoted, not one that only shares 反映问题', async () => {
    const r = await offline().ask('那个镇妇联平时哪几天能去找她们反映问题?')
    expect(r.answer).toContain('每星期一至星期五')
  })

  it('a numbered name asked by its count is quoted where its members are listed, also before it ("…新群体等“四新”")', async () => {
    const r = await offline().ask('老看到说四新领域 四新是哪四新啊 求科普')
    expect(r.answer).toContain('新领域新业态新阶层新群体')
  })

  it('an asked value up to 16 characters from its noun answers ("跟哪个单位一起搞卫生" was declined at 12)', async () => {
    const r = await offline().ask('太白社区5月28日跟哪个单位一起搞卫生?春节那场活动主题叫啥?')
    expect(r.grounded && !r.hedged).toBe(true)
    expect(r.answer).toContain('堍头村妇联')
    expect(r.answer).toContain('春节好家风')
  })

  it('a word the documents quote inside ("妇女“两癌”筛查") is still her word 两癌筛查: answered, not declined', async () => {
    const r = await offline().ask('妇联有没有给妇女做两癌筛查')
    expect(r.grounded && !r.hedged).toBe(true)
    expect(r.answer).toContain('两癌')
  })

  it('the second look: a hedge on something the window never says is declined; a decline whose window says it all is hedged', async () => {
    // 居委会 and 本人 are nowhere near the 开证明 the first decision hedged on.
    const proof = await offline().retrieve('去居委会开证明 必须本人去吗', 8)
    expect(proof.decision.first).toBe('hedge')
    expect(proof.decision.outcome).toBe('decline')
    // The plan's conditions for a 微家 at home, declined at first for her everyday words (宝妈, 弄个, 要啥).
    const home = await offline().ask('我们几个宝妈想在家里弄个妇女微家 行不行 要啥条件')
    expect(home.grounded && home.hedged).toBe(true)
    // Not for a follow-up, whose own words lean on the question before.
    const follow = await offline().retrieve('要交钱不', 8, '人身安全保护令去哪里申请')
    expect(follow.decision.secondLook).toBeUndefined()
    expect(follow.decision.outcome).toBe(follow.decision.first)
  })

  it('a rumour with a sum in it, or advice on her own life the documents barely touch, is declined, not hedged', async () => {
    for (const q of ['听说微家管理员每个月有800块补贴，是真的吗？', '闺女上初中了整天不跟我说话,咋办呢']) {
      const r = await offline().ask(q)
      expect(r.grounded, q).toBe(false)
    }
  })

  it('a passage holding under a third of what she asked is never the answer outright', async () => {
    // It was answered outright (p 0.70 at coverage 0.23) with a passage on trafficked women's residence.
    const r = await offline().ask('娃在老家爷爷奶奶带 视频都不跟我说话 咋办 好难受')
    expect(r.grounded && !r.hedged).toBe(false)
    expect(r.answer).not.toMatch(/^――对不愿意回原住地/)
  })

  it('a host saying what she is preparing before she asks is answered on what she asks (it was declined)', async () => {
    const r = await offline().ask('我下周要给姐妹们讲讲微家，资料里妇女微家分哪几类？')
    expect(r.grounded).toBe(true)
    expect(r.hedged).toBeFalsy()
    expect(r.answer).toContain('五大类')
    // The clause stays when it carries the topic: the rest ("都查些啥") names none of its own, and the screening is found.
    expect((await offline().ask('我要给姐妹们讲讲两癌筛查，都查些啥')).answer).toMatch(/两癌|乳腺/)
  })

  it('the documents named as where to look ("资料里…") are no search word: 资料 found a passage on 宣传资料', async () => {
    const r = await offline().ask('资料里妇女微家分哪几类？')
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('五大类')
    expect(r.answer).not.toContain('宣传资料')
  })

  it('quoted term in the text: the cited passage contains the term', async () => {
    const r = await offline().ask('“身边有家”是什么意思？')
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('身边有家')
    expect(r.answer).toMatch(/来源：《[^》]+》/)
  })

  it('a quoted set asked which ones: the sentence that spells it out where it names it, not one that only uses it', async () => {
    // Before: "…在机关中开展“拒绝三不”宣教活动…" from the county report's summary, in every wording writers used.
    for (const q of ['“拒绝三不”是哪三不？', '报告里老提“拒绝三不”,这三不指的是哪三个不?', '拒绝三不是啥']) {
      const r = await offline().ask(q)
      expect(r.answer).toContain('不文明、不卫生、不健康')
    }
    // A sentence that already spells it out ("做到“三个及时”，第一是…") stays.
    expect((await offline().ask('市妇联要求的“三个及时”分别是什么?')).answer).toContain('第一是及时了解案情')
  })

  it('a count in the asked measure and a distance for "how far" (a tester: 88个 of 儿童之家, not “5+6+X”; 1500米, not the date)', async () => {
    expect((await offline().ask('县里的儿童之家现在有多少个')).answer).toContain('88个')
    // Without 县里 the first three passages lack it (the next tester got "…“六一”儿童节…两个规划学习手册"): a later
    // passage with the count beside 儿童之家 is quoted.
    expect((await offline().ask('儿童之家现在有多少个')).answer).toContain('88个')
    expect((await offline().ask('那个踏春嘉年华的徒步要走多远，限时多久')).answer).toContain('不低于1500米')
    // "几个人" asks people (名额为30名), and "准备一个节目" counts nothing.
    expect((await offline().ask('踏春嘉年华活动能报几个人?')).answer).toContain('30名')
  })

  it('how many kinds (分几种类型) is answered by the count in kinds (分为五大类); a what-is-it clause before her reason is still one', async () => {
    // Before, 类型 was the asked value's noun and no window wrote 类型 beside a count: declined (a tester).
    expect((await offline().ask('妇女微家分几种类型')).answer).toContain('分为五大类')
    expect((await offline().ask('妇女微家到底是干啥的呀，我刚进群不太懂')).answer).toContain('妇女微家是区域化妇建的组成部分')
    // What a station is for, where no sentence says what it is: the one that says its role (发挥老舅妈…的作用), not its
    // half-year figures (two writers and a tester; 甚麼 is 什么).
    expect((await offline().ask('老舅妈工作站是干啥的')).answer).toContain('调解矛盾、调顺民心、调稳社会')
    expect((await offline().ask('老舅媽工作站是做甚麼的')).answer).toContain('調解矛盾、調順民心、調穩社會')
    // The courses of a lecture series, asked by a shorter name than the document's (雨花幸福大讲堂).
    expect((await offline().ask('那个幸福大讲堂都有哪几门课')).answer).toContain('《家庭幸福经营之道》')
  })

  it('the year of the document itself, asked as a follow-up ("这个计划是哪年的"), is its date line, not a year it mentions (a tester got 2016-2020年)', async () => {
    const r = await offline().ask('这个计划是哪年的', '雨花区妇联2019年工作计划')
    expect(r.answer).toMatch(/^2019年1月7日/u)
  })

  it('what an activity consists of: the items under its contents heading, to the end of that list (two testers got the sign-up form line)', async () => {
    const walk = (await offline().ask('踏春嘉年华是搞些啥')).answer
    expect(walk).toContain('徒步游')
    expect(walk).toContain('风筝赛')
    expect(walk).not.toContain('参游报名表')
    // The bracketed items end where the enclosing level's next item begins ("2、参会人员…").
    const meeting = (await offline().ask('三八座谈会有啥内容')).answer
    expect(meeting).toContain('十佳巾帼女职工进行表彰')
    expect(meeting).not.toContain('参会人员：')
    // A bracketed heading above numbered items is not such a list: its items all follow.
    expect((await offline().ask('反拐联席会议的主要职责有哪几条？')).answer).toContain('指导和督促各乡、镇、街道的反拐工作')
  })

  it('a coined term said with a measure word ("哪六个进家") is looked for as the folder writes it (“六进家”), not as 六个 (a tester got “六个好”)', async () => {
    expect((await offline().ask('具体有哪六个进家')).answer).toContain('维权维稳进“家”')
  })

  it('whether something is allowed: the sentence that says what may be, not one that only names the topic', async () => {
    // Before: "重点物色以女党员…为微家女主人" (what a host is like) for nine writers' wordings of this question.
    expect((await offline().ask('微家的女主人非得一个人当吗?俺们几个姐妹合伙行不行')).answer).toContain('也可以是一个妇女团队')
    expect((await offline().ask('俺们男的能不能报名去踏青?')).answer).toContain('男职工也可报名')
  })

  it('"哪个单位牵头": the sentence that says who leads (区公安分局为牵头单位), not the one that names the body', async () => {
    expect((await offline().ask('徽州区反拐工作联席会议是由哪个单位牵头?')).answer).toContain('区公安分局为牵头单位')
  })

  it('"包括哪几块内容": after the sentence that introduces the activity, the one that counts its parts', async () => {
    expect((await offline().ask('太白社区春节好家风活动包括哪几块内容?')).answer).toContain('“全家福”拍摄三块内容')
  })

  it('of sentences about the topic, the one with her own words as written a little over one reached through a bridge', async () => {
    expect((await offline().ask('两口子闹别扭了,微家那边能帮着劝劝不')).answer).toContain('婚姻家庭矛盾纠纷化解')
    expect((await offline().ask('镇上妇联一礼拜里哪几天有人接待来反映事情的?')).answer).toContain('每星期一至星期五定为信访接待日')
  })

  it('老年人 / 照顾 reach the documents\' 老龄妇女 / 关心 (a tester\'s question was declined)', async () => {
    const r = await offline().ask('我是一个人住的老太太，妇联对我们这种老年人有啥照顾不')
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('老龄妇女')
  })

  it('chat shorthand (vx群) is read as the documents write it (微信群)', async () => {
    const r = await offline().ask('微家拉个vx群有用不?上头提倡不')
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('微信群')
  })

  it('a message of two questions: each one\'s detail found beside its own words is enough, not all in one window', async () => {
    const r = await offline().retrieve('徽州区反拐联席会议是哪个单位牵头?办公室设在哪?', 10)
    expect(r.decision.outcome).not.toBe('decline')
  })

  it('the search\'s first passage counts as much as the one the decision read its window from when the sentence is chosen', async () => {
    expect((await offline().ask('留守娃要是出了事,妇联得多快出来表个态?')).answer).toContain('事发地所在的妇联要第一时间作出反应')
  })

  it('"哪天发的" is answered by a day ("2019年1月7日"), not by a sentence with 每年; no web-page label is quoted after it', async () => {
    const r = await offline().ask('雨花区这份工作计划是哪天发的')
    expect(r.answer).toContain('2019年1月7日')
    expect(r.answer).not.toContain('相关文档')
  })

  it('"第几套" is answered by an ordinal (第九套), not by the sentence that names the school', async () => {
    expect((await offline().ask('学校女老师学的是第几套广播体操')).answer).toMatch(/第九套/)
  })

  it('list question: the whole enumeration, not one item', async () => {
    const r = await offline().ask('依托微家能提供哪些妇联服务内容')
    expect(r.grounded).toBe(true)
    for (const item of ['婚姻家庭矛盾纠纷化解', '心理疏导', '创业创新指导']) expect(r.answer).toContain(item)
  })

  it('number question: the sentence with the number', async () => {
    const r = await offline().ask('妇女微家示范点要建几个')
    expect(r.answer).toContain('示范点25个以上')
  })

  it('requirement question: the sentence that lists what must be there, not one that only says 条件', async () => {
    const r = await offline().ask('妇女微家要有什么条件才可以建？')
    expect(r.answer.split('\n')[0]).toContain('有场地、有条件、有活动')
  })

  it('what is asked about the topic is in the quoted sentence (哪些职责 → the list of duties)', async () => {
    const r = await offline().ask('反拐联席会议都负责哪些职责？')
    expect(r.answer).toContain('协调和推动政府有关部门的反拐工作')
  })

  it('"where from" question: the answering sentence, not the start of the chunk', async () => {
    const r = await offline().ask('建妇女微家的经费从哪里来？')
    expect(r.answer.split('\n')[0]).toContain('争取财政支持')
  })

  it('Traditional question → Traditional answer with the figure', async () => {
    const r = await offline().ask('婦女創業就業項目爭取到多少資金？')
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('2000萬元')
    expect(r.answer).toContain('來源：')
    expect(r.answer).not.toMatch(/[资项来]/)
  })

  it('everyday wording reaches the official passage through the lexicon (嫁出去的闺女 → 出嫁女)', async () => {
    const q = '我是嫁出去的闺女,娘家村里分的地还有我的份不?'
    const hit = (r: Awaited<ReturnType<typeof retrieve>>) => r.passages.slice(0, 5).some((p) => index.normalizedText(p.row).includes('登记簿'))
    expect(hit(await retrieve(index, q, { lexicon: false }))).toBe(false)
    expect(hit(await retrieve(index, q))).toBe(true)
  })

  it('the topic is there but not the asked procedure or price: declined; a price the documents give: answered', async () => {
    // Tuning-side questions (c092, d123, c045). The passages about 春晖基金 and about 小区 say nothing of how to apply
    // or what a fee is; the free lunches of children from 低保 families are written about.
    expect((await retrieve(index, '春晖基金的救助咋申请,找谁?')).decision.outcome).toBe('decline')
    expect((await retrieve(index, '小区物业费一年要交多少?')).decision.outcome).toBe('decline')
    expect((await retrieve(index, '低保家的娃在学校吃饭要交钱不')).decision.outcome).toBe('answer')
  })

  it('the decision reports the signals it was read from (training fits on these same ones)', async () => {
    const r = await retrieve(index, '小区物业费一年要交多少?')
    // 物业费 is a word the documents never use: much of the question is missing from the best window.
    expect(r.decision.features?.extra.missing).toBeGreaterThan(0.5)
    expect(r.decision.features?.sentence).toBe(r.decision.coverage)
  })

  it('colloquial question reaches the formal wording', async () => {
    const r = await offline().ask('被老公打了该找谁啊😢')
    expect(r.grounded).toBe(true)
    expect(r.sources.slice(0, 5).some((s) => /维权(站|点)/.test(s.text))).toBe(true)
  })

  it('generic words do not carry an uncovered question over the line', async () => {
    // 燃气费 is nowhere in the documents: declined.
    const gas = await offline().ask('燃气费在哪交')
    expect(gas.grounded).toBe(false)
    expect(gas.answer).toBe(qaTexts.notCovered)
    // 小区 and 申请 are (a clean-up of old 小区): never presented as the answer — the closest passage, said
    // plainly to be perhaps not what was asked, with 转人工 (or declined outright).
    const parking = await offline().ask('小区停车位咋申请')
    expect(parking.answer === qaTexts.notCovered || (parking.hedged === true && parking.answer.startsWith(qaTexts.hedgeBefore))).toBe(true)
    expect(parking.answer).toContain('转人工')
    // Positive control: a covered question with the same shape is answered outright.
    const covered = await offline().ask('微家的牌子和图标能自己设计吗')
    expect(covered.grounded).toBe(true)
    expect(covered.hedged).toBeFalsy()
  })

  it('number question: the next sentence when the topic sentence lacks the number', async () => {
    // "2、凡推荐人员…" has the topic and only a list number; "事迹材料不少于1000字" follows it.
    const r = await offline().ask('十佳巾帼女职工的事迹材料要写多少字')
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('不少于1000字')
  })

  it('number question over a long enumeration: the count and what was asked, not cut off before them', async () => {
    const r = await offline().ask('反拐联席会议一共由多少个部门组成？')
    expect(r.answer).toContain('共28个部门和单位组成')
  })

  it('what is asked about the topic must be written beside it: otherwise never presented as the answer', async () => {
    const notOutright = (r: { answer: string; grounded: boolean; hedged?: boolean }) => r.answer === qaTexts.notCovered || r.hedged === true
    // 妇联执委 is there; 报名参选 is not: the closest passage at most, said plainly, with 转人工.
    const stand = await offline().ask('妇联执委怎么报名参选')
    expect(notOutright(stand)).toBe(true)
    expect(stand.answer).toContain('转人工')
    // 报名 and 名额 are there, in a passage about a hiking day, not about 亲子活动.
    expect(notOutright(await offline().ask('妇联组织的亲子活动怎么报名，名额多少'))).toBe(true)
    // 示范创建 is there; 补贴 (the thing asked for after 多少) is not.
    expect(notOutright(await offline().ask('妇女儿童之家示范创建评上了给多少补贴'))).toBe(true)
    // Positive controls, same shapes: the action (牵头) and the amount asked for (钱) beside the topic.
    const lead = await offline().ask('反拐联席会议是哪个单位牵头的？')
    expect(lead.grounded).toBe(true)
    expect(lead.hedged).toBeFalsy()
    expect(lead.answer).toContain('牵头单位')
    const loans = await offline().ask('巾帼创业贷款全年放了多少钱')
    expect(loans.hedged).toBeFalsy()
    expect(loans.answer).toContain('727.32万元')
  })

  it('what the documents blanked out (xx省) is not answered by the sentence that blanks it, though nothing else is asked', async () => {
    expect((await offline().ask('文章里那个xx省禁止鉴定胎儿性别的规定，是哪个省')).grounded).toBe(false)
  })

  it('a year the documents never write is declined; a year they write is not held back', async () => {
    expect((await offline().ask('苍南县妇联2018年得了哪些荣誉？')).grounded).toBe(false)
    expect((await offline().ask('苍南县妇联2013年得了哪些荣誉？')).grounded).toBe(true)
  })

  it('a question for a phone number the documents do not give is declined, though its topic is there', async () => {
    const r = await offline().ask('反拐联席会议办公室电话是多少')
    expect(r.grounded).toBe(false)
    expect(r.sources[0]!.text).toMatch(/联席会议/)
    // Positive control: the same topic without asking for a number is answered.
    expect((await offline().ask('反拐联席会议是哪个单位牵头的？')).grounded).toBe(true)
  })

  it('"十大项目分别叫什么" is answered by the list where the set is named; "是个啥说法,谁能解释下" by the definition', async () => {
    const named = await offline().ask('县妇联力推的巾帼十大项目分别叫什么')
    expect(named.grounded).toBe(true)
    expect(named.answer).toContain('巾帼强、巾帼创')
    const meant = await offline().ask('“三培两带”是个啥说法,谁能解释下')
    expect(meant.grounded).toBe(true)
    expect(meant.answer).toContain('把党员培养成致富能手')
  })

  it('the kinds of a set asked for ("是指哪五种", "分成哪几类") are the shape of the answer, not words it must write', async () => {
    for (const q of ['“五型妇女微家”是指哪五种微家?', '五型妇女微家具体是哪五种类型']) {
      const r = await offline().ask(q)
      expect(r.grounded, q).toBe(true)
      expect(r.answer, q).toContain('学习引领微家')
    }
  })

  it('a coined term of a numeral and a character, unquoted ("五有是哪五有"), is looked for whole, not as the numeral', async () => {
    const r = await offline().ask('五有是哪五有')
    expect(r.answer).toContain('有阵地、有主人、有机制、有活动、有展示')
    expect(coinedTerms(index, '五有是哪五有')).toEqual(['五有'])
    // A count is no coined term; nor a word jieba keeps whole.
    expect(coinedTerms(index, '建了五个微家 两癌筛查')).toEqual([])
  })

  it('a courteous, formal question is answered as a plain one ("承蒙解答，不胜感激。另请问，文件中所说的…")', async () => {
    const r = await offline().ask('承蒙解答，不胜感激。另请问，文件中所说的“五有”示范妇女微家，具体是指哪五个方面？')
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('有阵地、有主人')
    const rhythm = await offline().ask('您好，本人是一名退休教师，初来贵微家，想冒昧请教一下：按照相关文件的规定，妇女微家的家接待、家聚会、家活动和家宴会，分别是多长时间举办一次？')
    expect(rhythm.answer).toContain('每周有一次家接待')
  })

  it('an everyday service the documents never write about is declined, whatever generic words carry it to a passage', async () => {
    for (const q of ['燃气费能用微信交吗', '明天會下雨嗎?出去踏春要不要帶傘', '3号楼电梯又坏了 找谁来修', '小区物业不给修漏水,该找谁?']) {
      const r = await offline().ask(q)
      expect(r.grounded, q).toBe(false)
    }
    // Positive control: a service the documents do write about is answered.
    expect((await offline().ask('退休的女职工能免费做妇科检查吗')).grounded).toBe(true)
  })

  it('a later part of one message is not answered out of its context from a document the rest was never found in', async () => {
    // Found by a tester: "几个姐妹一起当" alone quoted "对接姐妹需求…" from a 三八节 plan as the answer.
    const r = await offline().ask('微家主人必须是一个人吗，几个姐妹一起当行不行')
    expect(r.answer).not.toContain('对接姐妹需求')
    expect(r.answer).toContain('妇女微家')
    // Positive control: two parts answered from one document are both answered.
    const both = await offline().ask('区妇联机关干部一年下基层多少天 联系哪些人')
    expect(both.grounded).toBe(true)
  })

  it('a follow-up after an answer from a long report carries what she asked of it, not the report alone (a tester: "那要利息吗")', async () => {
    const engine = offline()
    expect(engine.aboutIsBroad('县妇联工作报告')).toBe(true)
    const context = followupContext('我想在家开个网店卖点手工，妇联有没有贷款扶持啊', '那要利息吗', '县妇联工作报告', engine.aboutIsBroad('县妇联工作报告'))
    const r = await engine.ask('那要利息吗', context)
    expect(r.answer).not.toContain('来信来访')
  })

  it('a follow-up with no topic of its own is not answered from a passage that names none of the previous topic (a tester: "要交钱吗" after 家长学校 got "两癌免费检查")', async () => {
    const engine = offline()
    const ask = (previous: string, q: string) => engine.ask(q, followupContext(previous, q, '县妇联工作报告', engine.aboutIsBroad('县妇联工作报告')))
    const fee = await ask('家长学校是干啥的', '要交钱吗')
    expect(fee.grounded).toBe(false)
    expect(fee.answer).not.toContain('免费检查')
    // Positive control: the same follow-up after the free check itself is answered from it.
    const check = await ask('两癌免费检查是咋回事', '要交钱吗')
    expect(check.grounded).toBe(true)
    expect(check.answer).toContain('免费检查')
  })

  it('003\'s glued-in 市妇联 plan is cited by its own name, under what 003 says it is (it has no title); the 座谈会 item above it is quoted itself (testers saw "3、座谈会时间" cited for 12338)', async () => {
    const line = await offline().ask('请问12338是什么电话')
    expect(line.answer).toContain('12338')
    expect(line.answer).toMatch(/来源：《妇女工作计划》· 市妇联工作计划$/u)
    const time = await offline().ask('慶三八女職工座談會是幾號幾點開')
    expect(time.answer).toMatch(/^3、座談會時間：3月6日上午9:00\n來源：《婦女工作計劃》· 三、召開慶三八國際婦女節女職工座談會$/u)
  })

  it('what a thing is: the sentence that says so, from any passage found; how much she can borrow is not a county\'s yearly total (testers)', async () => {
    expect((await offline().ask('妇女微家是啥东西啊')).answer).toMatch(/^妇女微家是区域化妇建的组成部分/u)
    const loan = await offline().ask('创业贷款能贷多少')
    expect(loan.grounded && !loan.hedged && loan.answer.includes('727.32万元')).toBe(false)
  })

  it('"the others" of what an earlier part was answered with are not said to be missing (a tester: "另外几种叫啥")', async () => {
    const r = await offline().ask('听说微家分五种，网格睦邻是其中一种不，另外几种叫啥')
    expect(r.answer).toContain('学习引领微家、网格睦邻微家、平安守望微家、公益服务微家、创业指导微家')
    expect(r.answer).not.toContain('另外几种叫啥')
    expect(r.hedged).toBeFalsy()
  })
})

describe('with an LLM (local OpenAI-compatible stub, real SDK over a socket)', () => {
  const llm = (timeoutMs?: number) => new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'stub-chat', maxRetries: 0, timeoutMs })
  const toolReply = (args: { covered: boolean; answer: string; cite: number[] }) => ({ toolCalls: [{ name: ANSWER_TOOL, arguments: JSON.stringify(args) }] })
  const isRewrite = (body: ChatRequestBody) => body.messages[0]!.content.includes('改写')
  const rankOf = (sources: { text: string }[], text: string) => sources.findIndex((s) => s.text.includes(text))

  it('rewrites a colloquial question into the documents\' wording before searching, then answers from the passages with a citation', async () => {
    // Offline, 单亲母亲 ranks fifth for these words (a glossary row seeds the offline embedder, so the example is re-chosen
    // when the glossary changes).
    const q = '自己一个人拉扯孩子的妈妈 妇联有啥帮扶不'
    stub.onChat((body) => {
      if (isRewrite(body)) return '单亲母亲 关爱 帮扶'
      const id = /<passage id="(\d+)"[^>]*>[^<]*单亲母亲/.exec(body.messages.at(-1)!.content)?.[1]
      return id ? toolReply({ covered: true, answer: '妇联开展关爱单亲母亲行动。', cite: [Number(id)] }) : toolReply({ covered: false, answer: '', cite: [] })
    })
    const before = stub.chatRequests().length
    const r = await new QaEngine(index, { llm: llm(), log }).ask(q)
    const chats = stub.chatRequests().slice(before)
    expect(chats).toHaveLength(2)
    expect(chats[0]!.messages[0]!.content).toContain('改写')
    expect(chats[0]!.messages.at(-1)!.content).toContain('自己一个人拉扯孩子的妈妈')
    // The rewrite brought the passage up: it ranks higher than with the resident's words alone.
    const offlineRank = rankOf((await offline().ask(q)).sources, '单亲母亲')
    const llmRank = rankOf(r.sources, '单亲母亲')
    expect(llmRank).toBeGreaterThanOrEqual(0)
    expect(llmRank).toBeLessThan(offlineRank < 0 ? Infinity : offlineRank)
    expect(chats[1]!.messages.at(-1)!.content).toContain('单亲母亲')
    expect(r.answer).toContain('关爱单亲母亲行动')
    expect(r.answer).toMatch(/\n来源：《[^》]+》· .+$/)
  })

  it('a hung LLM (the stub holds the socket open) costs one timeout, its request aborted, then the offline answer; later questions skip it', async () => {
    const q = '妇女微家示范点要建几个'
    const expected = (await offline().ask(q)).answer
    let calls = 0
    stub.onChat(() => {
      calls++
      return new Promise(() => {}) // never answers
    })
    // Long beside the offline answer's own work (well under 0.5 s even on a loaded machine), so the bounds below
    // tell one timeout from two however busy the machine is (at 400 ms, a loaded run measured 807 ms).
    const deadline = 1500
    const abortedBefore = stub.aborted()
    const engine = new QaEngine(index, { llm: llm(deadline), log })
    const t0 = performance.now()
    const r = await engine.ask(q)
    const elapsed = performance.now() - t0
    // The timed-out request is closed, not left hanging on the provider.
    await stub.untilAborted(abortedBefore + 1)
    expect(stub.pending()).toBe(0)
    expect(calls).toBe(1) // the rewrite missed its deadline; the answer did not wait for a second one
    expect(elapsed).toBeGreaterThanOrEqual(deadline - 1)
    expect(elapsed).toBeLessThan(2 * deadline)
    expect(r.answer).toBe(expected)
    // The next question does not wait on the hung model at all.
    const t1 = performance.now()
    const next = await engine.ask(q)
    expect(performance.now() - t1).toBeLessThan(deadline)
    expect(calls).toBe(1)
    expect(next.answer).toBe(expected)
  })

  it('an answer call that hangs after a good rewrite falls back within its deadline', async () => {
    const q = '妇女微家示范点要建几个'
    stub.onChat((body) => (isRewrite(body) ? '妇女微家示范点 建设 数量' : new Promise(() => {})))
    // As above: long beside the offline work, so a busy machine cannot push one timeout past twice the deadline.
    const deadline = 1500
    const t0 = performance.now()
    const r = await new QaEngine(index, { llm: llm(deadline), log }).ask(q)
    const elapsed = performance.now() - t0
    expect(elapsed).toBeGreaterThanOrEqual(deadline - 1)
    expect(elapsed).toBeLessThan(2 * deadline)
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('示范点25个以上')
  })

  it('calls in sequence share the message budget: what the rewrite used up, the answer does not get', async () => {
    const q = '妇女微家示范点要建几个'
    // The budget's own clock, moved by the rewrite: it "took" all but 50 ms of the message's budget.
    let clock = 0
    const budget = new ReplyBudget(1000, () => clock)
    stub.onChat((body) => {
      if (!isRewrite(body)) return toolReply({ covered: true, answer: '不该用到这个回答。', cite: [1] })
      clock = 950
      return '妇女微家示范点 建设 数量'
    })
    const before = stub.chatRequests().length
    const r = await new QaEngine(index, { llm: llm(), log }).ask(q, undefined, { budget })
    expect(stub.chatRequests().slice(before).map(isRewrite)).toEqual([true]) // no answer call was made
    expect(r.grounded).toBe(true)
    expect(r.answer).toContain('示范点25个以上')
    expect(r.answer).not.toContain('不该用到')
  })

  it('the LLM cannot make an uncovered question look covered', async () => {
    // A rewrite stuffed with the documents' words and a model that answers everything with confidence.
    stub.onChat((body) => (isRewrite(body) ? '妇女微家 示范点 建设 经费 财政支持' : toolReply({ covered: true, answer: '可以的，到微家登记就行。', cite: [1] })))
    const before = stub.chatRequests().length
    const gas = await new QaEngine(index, { llm: llm(), log }).ask('燃气费在哪交')
    expect(gas).toMatchObject({ grounded: false, answer: qaTexts.notCovered })
    const chats = stub.chatRequests().slice(before)
    expect(chats.filter(isRewrite)).toHaveLength(1) // the rewrite was used for the search…
    expect(chats.filter((b) => b.tools)).toHaveLength(0) // …but the answer was never asked for
    // An unsure question stays unsure: the model's answer comes with the caveat and 转人工.
    const parking = await new QaEngine(index, { llm: llm(), log }).ask('小区停车位咋申请')
    expect(parking.answer === qaTexts.notCovered || (parking.hedged === true && parking.answer.startsWith(qaTexts.hedgeBefore))).toBe(true)
    expect(parking.answer).toContain('转人工')
    // Positive control: a covered question is answered by the model, outright.
    stub.onChat((body) => {
      if (isRewrite(body)) return '妇女微家示范点 数量'
      const id = /<passage id="(\d+)"[^>]*>[^<]*示范点25个以上/.exec(body.messages.at(-1)!.content)?.[1]
      return toolReply({ covered: true, answer: '今年底要建成妇女微家示范点25个以上。', cite: [Number(id ?? 1)] })
    })
    const covered = await new QaEngine(index, { llm: llm(), log }).ask('妇女微家示范点要建几个')
    expect(covered.grounded).toBe(true)
    expect(covered.hedged).toBeFalsy()
    expect(covered.answer).toContain('今年底要建成妇女微家示范点25个以上。')
  })
})
