import { describe, expect, it } from 'vitest'
import { adviceFar, askedDocumentYears, quotedUnknown, choiceAsked, documentOfYear, forecastAsked, foreignPlace, isOffDomain, materialAsked, namedPlaces, offDomainTerms, unknownNumberAsked } from './off-domain.ts'
import { normalizeForIndex } from './normalize.ts'
import { contentTerms, taggedWords } from './tokenize.ts'

describe('everyday services a Women\'s Federation folder does not cover', () => {
  it('named alone or as the tail of a compound; the documents\' own topics are not among them', () => {
    expect(isOffDomain('燃气费')).toBe(true)
    expect(isOffDomain('流感疫苗')).toBe(true)
    expect(isOffDomain('交学费')).toBe(true)
    expect(isOffDomain('停车位')).toBe(true)
    // A doctor's or a parent's question: tests, conditions, medicines, a child's games.
    for (const q of ['叶酸', '甲状腺结节', '钼靶', '彩超']) expect(isOffDomain(q), q).toBe(true)
    // Not a child's screen time: family education answers it.
    expect(isOffDomain('玩手机')).toBe(false)
    for (const own of ['两癌筛查', '法律援助', '家庭暴力', '技能培训', '创业贷款', '妇女微家', '医院', '体检']) expect(isOffDomain(own)).toBe(false)
  })

  it('one\'s own ailments, pets and private loans are a doctor\'s, a neighbour\'s or a bank\'s questions', () => {
    for (const t of ['发烧', '更年期', '睡不着', '遛狗', '产检', '网贷']) expect(isOffDomain(t)).toBe(true)
    for (const own of ['心理健康', '心理咨询', '妇科病', '乳腺癌', '孕产妇']) expect(isOffDomain(own)).toBe(false)
    // Work a Women's Federation trains women for (家政) is no errand.
    for (const job of ['保姆', '月嫂']) expect(isOffDomain(job)).toBe(false)
  })

  it('a phone\'s plan and a chat group\'s own business are asked of the carrier or the group, not the folder', () => {
    for (const t of ['老人机', '流量', '套餐', '踢出去', '禁言', '群主']) expect(isOffDomain(t)).toBe(true)
    // The folder's own groups (微信群, qq群) are not among them.
    for (const own of ['微信群', '微家', '妇女群众']) expect(isOffDomain(own)).toBe(false)
    const inFolder = (t: string) => ['微信群', '管理员'].includes(t)
    expect(offDomainTerms(['微信群', '管理员', '说话'], inFolder, '微信群管理员可以把一直不说话的人踢出去吗?')).toContain('踢出去')
    expect(offDomainTerms(['微信群', '管理员'], inFolder, '妇女微家的微信群管理员是谁')).toEqual([])
  })

  it('wedding customs, cooking and a chat app\'s features are no folder\'s business', () => {
    for (const t of ['份子钱', '嫁妆', '糯米', '群公告', '视频回放']) expect(isOffDomain(t), t).toBe(true)
    // What the glossary bridges to a folder's topics (辞退 → 劳动争议, 诈骗 → 防诈骗宣传), and her circumstances beside a
    // covered question, are not among them.
    for (const own of ['辞退', '诈骗', '被骗', '彩礼', '直播', '夜班', '起诉', '离婚', '抚养费', '维权']) expect(isOffDomain(own), own).toBe(false)
    const folder = new Set(['端午', '粽子'])
    expect(offDomainTerms(['端午', '粽子', '糯米'], (t) => folder.has(t), '端午包粽子用什么糯米')).toEqual(['糯米'])
  })

  it('leave and pay at her own workplace: "三八节单位给放半天假不" is asked of her employer, not the folder', () => {
    expect(offDomainTerms(['三八节', '单位', '放', '半天', '假'], () => false, '三八节单位给放半天假不')).toContain('半天假')
    for (const t of ['调休', '产假', '加班费']) expect(isOffDomain(t)).toBe(true)
    // Not when the folder writes it (a workplace's own leave notice answers its questions).
    expect(offDomainTerms(['三八节', '单位', '放', '半天', '假'], (t) => t === '半天假', '三八节单位给放半天假不')).toEqual([])
  })

  it('a copy of some material (原图, 全文, 模板, 视频回放) is not in the documents unless a window says where to get it', () => {
    const named = '微家品牌和图标可自行设计，也可使用上虞区妇联设计的图标和文字参考图例（附件1）。'
    for (const q of ['方案里说的上虞区妇联设计的图标,就是附件1,能发我一份原图吗?', '王桂英那篇性别比的调查报告 哪里能看到全文', '附件模板去哪拿?', '那个专题报告有视频回放吗?在哪能看', '上虞区妇联设计的那个微家图标长什么样子?可以传给我看吗?'])
      expect(materialAsked(q, [named])).toBe(true)
    // Where it is given, or when the material itself is not asked for.
    expect(materialAsked('图标的原图在哪下载', ['图标原图可在区妇联网站下载：www.example.org'])).toBe(false)
    for (const q of ['上虞区妇联设计的图标在附件几', '推荐表交到哪里', '十佳巾帼女职工推荐表要谁签字']) expect(materialAsked(q, [named])).toBe(false)
    // Round 22: an attachment or a sample figure sent, a payment code asked for.
    for (const q of ['方案里说的附件1参考图例,能发我一份吗?长啥样', '春晖基金想捐点钱 怎么捐 有收款码吗']) expect(materialAsked(q, [named]), q).toBe(true)
  })

  it('a weather forecast is asked of no document, though a plan writes 天气 ("根据天气情况另行通知")', () => {
    for (const q of ['对了 下周天气冷不冷', '明天会不会下雨', '明天天气咋样，微家活动还办吗']) expect(forecastAsked(q)).toBe(true)
    for (const q of ['活动遇到下雨天怎么办', '踏春活动天气不好还办吗']) expect(forecastAsked(q)).toBe(false)
  })

  it('count only when the folder never writes them: a folder with a 医保 notice answers its questions', () => {
    const terms = ['医保', '报销', '妇女']
    expect(offDomainTerms(terms, () => false)).toEqual(['医保', '报销'])
    // As written in the question too, where jieba splits the word ("网贷" → 网 贷).
    expect(offDomainTerms(['老公', '借', '网', '贷'], () => false, '老公背着我借了网贷')).toEqual(['网贷'])
    expect(offDomainTerms(terms, (t) => t === '医保' || t === '报销')).toEqual([])
  })
})

describe('places named by name', () => {
  const words = (q: string) => taggedWords(normalizeForIndex(q))
  it('a district, county or city by its name, also when jieba splits it; 社区, 全县, 我们镇 are no names', () => {
    expect(namedPlaces(words('柯桥区今年计划建多少个妇女微家'))).toEqual(['柯桥区'])
    expect(namedPlaces(words('岳麓区妇联今年的工作计划重点是啥'))).toEqual(['岳麓区'])
    expect(namedPlaces(words('平阳县妇联2013年发了多少春晖基金'))).toEqual(['平阳县'])
    expect(namedPlaces(words('我们社区全县小区哪有活动'))).toEqual([])
  })

  it('another place\'s plan when the folder names none of the places asked about; one it names keeps the question', () => {
    const folder = new Set(['雨花区', '苍南县'])
    expect(foreignPlace(words('岳麓区妇联今年的工作计划重点是啥'), (t) => folder.has(t))).toBe(true)
    expect(foreignPlace(words('雨花区妇联今年的工作计划重点是啥'), (t) => folder.has(t))).toBe(false)
    expect(foreignPlace(words('长沙市雨花区妇联的计划'), (t) => folder.has(t))).toBe(false)
    expect(foreignPlace(words('妇联今年的工作计划重点是啥'), (t) => folder.has(t))).toBe(false)
  })
})

describe('another year\'s plan or report', () => {
  it('the year of a document asked about, not a figure planned for a year', () => {
    expect(askedDocumentYears('雨花区妇联2020年的工作计划有哪些重点')).toEqual(['2020'])
    expect(askedDocumentYears('有没有2020年雨花区妇联的工作计划 都讲了些啥')).toEqual(['2020'])
    expect(askedDocumentYears('苍南县妇联2015年工作总结里取得了哪些成绩')).toEqual(['2015'])
    expect(askedDocumentYears('家教巡回讲座2014年计划办多少场')).toEqual([])
    expect(documentOfYear('2019').test('雨花区妇联2019年工作计划')).toBe(true)
    expect(documentOfYear('2020').test('雨花区妇联2019年工作计划，落实《妇女儿童发展规划（2016-2020年）》')).toBe(false)
  })
})

describe('a phone number the folder never writes', () => {
  it('is not vouched for, though its digit groups match a count elsewhere', () => {
    const folder = '共植树400余棵。全国妇女维权公益服务热线12338。联系电话0577-12345678。'
    expect(unknownNumberAsked('群里有人发了个400-000-1701,是妇联热线吗', (t) => folder.includes(t))).toBe(true)
    expect(unknownNumberAsked('0577-12345678是哪里的电话', (t) => folder.includes(t))).toBe(false)
    expect(unknownNumberAsked('12338热线几点有人接', (t) => folder.includes(t))).toBe(false)
  })

  it('advice on a personal choice between two things the folder never writes is not in the documents', () => {
    const folder = new Set(['孩子', '妇女微家', '妇女之家', '法律援助中心', '学习'])
    const inFolder = (t: string) => folder.has(t)
    for (const q of ['孩子学钢琴还是学画画比较好啊?', '孩子近视了戴眼镜好还是角膜塑形镜好']) expect(choiceAsked(q, contentTerms, inFolder), q).toBe(true)
    // One side the folder writes, or no choice asked at all.
    for (const q of ['去法律援助中心还是去派出所好?', '妇女微家还是妇女之家好', '钢琴课在哪报名']) expect(choiceAsked(q, contentTerms, inFolder), q).toBe(false)
  })

  it('advice on her own life is declined when the documents barely touch the question, not when they cover it well', () => {
    expect(adviceFar('闺女上初中了整天不跟我说话,咋办呢', 0.27)).toBe(true)
    expect(adviceFar('孙子天天打游戏不写作业,我一个老婆子怎么管得住?', 0.22)).toBe(true)
    expect(adviceFar('家里吃低保,娃在学校中午饭咋办', 0.58)).toBe(false)
    // How to get a card or a paper done is a procedure, not advice.
    expect(adviceFar('残疾证怎么办理', 0.2)).toBe(false)
    expect(adviceFar('妇联几点下班', 0.1)).toBe(false)
  })

  it('what a picture looks like is not in a plan that only names it', () => {
    expect(materialAsked('上虞微家图标长啥样', ['微家品牌和图标可自行设计，也可使用上虞区妇联设计的图标和文字参考图例（附件1）'])).toBe(true)
    expect(materialAsked('微家图标是什么颜色', ['图标以红色为主色调，图案为一座小房子'])).toBe(false)
    expect(materialAsked('微家图标是谁设计的', ['也可使用上虞区妇联设计的图标'])).toBe(false)
  })

  it('a coined name she quotes that no document writes cannot be answered; one they write, or a short word, is searched', () => {
    const written = (t: string) => ['四新', '拒绝三不', '五小行动'].includes(t)
    expect(quotedUnknown('听说有“微家之星”评选，是真的吗？怎么评？', written)).toBe(true)
    expect(quotedUnknown('“拒绝三不”是哪三不', written)).toBe(false)
    expect(quotedUnknown('“两癌”在哪查', written)).toBe(false)
  })
})
