import { describe, expect, it } from 'vitest'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { disclosesHarm } from './help-rules.ts'
import { normalize } from './text.ts'
import { understand } from './understand.ts'
import { asksAboutWork, asksWorkFigure } from './work-figure.ts'

const group = { where: 'group' as const, role: 'resident' as const, mention: true, activities: [], signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }
const private_ = { ...group, where: 'private' as const, mention: false }

// Tester round 16: right after the bot quoted "成功调解49起", "@小助手 成功調解了幾起" got the private referral offer (婚姻家庭纠纷)
// and "謝謝您願意說出來。家裡的事可以私下慢慢說…我已私信您" in the group — her neighbours read it as trouble at home.
const FIGURES = [
  '成功調解了幾起',
  '老舅妈工作站成功调解了几起',
  '老舅媽工作站上半年受理了多少起來訪',
  '梅陇那个老舅妈工作站上半年调解成了几起纠纷啊',
  '镇妇联这五年帮多少个辍学的女娃回学校了',
  '县里去年一共放出去多少创业贷款',
  '我想问一下老舅妈工作站调解了多少起',
]

describe('a figure asked about an organisation\'s work', () => {
  it('is told by an amount asked and whose work it is, with no trouble beside it', () => {
    for (const q of FIGURES) expect(asksWorkFigure(normalize(q)), q).toBe(true)
  })

  it('is not her own words, anyone\'s trouble, a figure in her story, or a figure with no work named', () => {
    for (const q of [
      '我老公天天跟我吵架，能不能帮我调解一下',
      '家里闹矛盾想找人调解',
      '被打了怎么办',
      '他打了几次了 能帮我调解不',
      '欠了三个月工资 能要回多少',
      '去年离婚了 抚养费一共能要多少',
      '孩子几天没上学了',
      '老舅妈工作站电话多少 家里婆媳闹矛盾想找人调解',
      '心里多少有点难受',
    ]) expect(asksWorkFigure(normalize(q)), q).toBe(false)
  })

  it('is a question for the documents, in the group and in private, in either script', () => {
    for (const q of FIGURES) {
      expect(understand(q, group).intent, q).toBe('qa.question')
      expect(understand(q, private_).intent, q).toBe('qa.question')
    }
  })

  it('controls: a dispute of her own, a family quarrel, being hit, and danger are still requests for help', () => {
    expect(understand('我老公天天跟我吵架，能不能帮我调解一下', group)).toMatchObject({ intent: 'help.request', slots: { category: 'family' } })
    expect(understand('家里闹矛盾想找人调解', group)).toMatchObject({ intent: 'help.request', slots: { category: 'family' } })
    expect(understand('被打了怎么办', group)).toMatchObject({ intent: 'help.request', slots: { category: 'dv' } })
    expect(understand('他拿刀吓唬我，调解了几次都没用', group).intent).toBe('help.emergency')
  })
})

// Tester round 17: a volunteer's "我们楼里宣传栏要出一期反家暴的内容，妇联在反家暴这块都做了啥" got the private referral offer
// and "谢谢您愿意说出来，这不是您的错…我已私信您" in the group: her neighbours read it as abuse at home. Asked without the
// 宣传栏 it went to the documents.
const ABOUT_WORK = [
  '我们楼里宣传栏要出一期反家暴的内容，妇联在反家暴这块都做了啥',
  '妇联在反家暴这块都做了啥',
  '社区在防家暴方面开展了哪些工作',
  '你们对家暴这块有哪些工作',
  '我要出一期板报讲反家暴 妇联有哪些措施',
  '下周我要给姐妹们讲讲婚姻家庭纠纷调解，有什么材料吗',
  '下周我要在微家给姐妹们讲讲巾帼创业，先核对个数：苍南那个报告里巾帼创业贷款一年放了多少',
  '我們樓裡宣傳欄要出一期反家暴的內容，婦聯在反家暴這塊都做了啥',
]

describe('a question about an organisation\'s work, or for publicity or a talk', () => {
  it('is told by what it did asked of an organisation, or by content prepared for others', () => {
    for (const q of ABOUT_WORK) expect(asksAboutWork(normalize(q)), q).toBe(true)
  })

  it('is not a trouble told beside it, harm to her, or her own situation', () => {
    for (const q of [
      '我老公家暴我 妇联能做啥',
      '我被家暴了 妇联都做了啥',
      '妇联能帮我做点啥 他天天打我',
      '我想出一期宣传栏 但我老公老打我',
      '宣传栏那个我看了 打我的人是我前夫 怎么办',
      '被打了怎么办',
      '我现在失业了，社区有哪些服务',
    ]) expect(asksAboutWork(normalize(q)), q).toBe(false)
  })

  it('is a question for the documents, in the group and in private, in either script', () => {
    for (const q of ABOUT_WORK) {
      expect(understand(q, group).intent, q).toBe('qa.question')
      expect(understand(q, private_).intent, q).toBe('qa.question')
    }
  })

  it('controls: disclosures are still requests for help, and danger an emergency', () => {
    expect(understand('我老公家暴我 妇联能做啥', group)).toMatchObject({ intent: 'help.request', slots: { category: 'dv' } })
    expect(understand('我想出一期宣传栏 但我老公老打我', group)).toMatchObject({ intent: 'help.request', slots: { category: 'dv' } })
    expect(understand('被打了怎么办', group)).toMatchObject({ intent: 'help.request', slots: { category: 'dv' } })
    expect(understand('妇联在反家暴这块都做了啥 他拿刀吓唬我', group).intent).toBe('help.emergency')
    expect(understand('我要出一期板报 他拿刀吓唬我', group).intent).toBe('help.emergency')
  })
})

// A safety review: "我被家暴了 妇联都做了啥" was answered from the documents (with 110/12338 and a personal-help line in the
// group) instead of the private referral offer. Harm done to her, told beside a question about an organisation's work,
// is a disclosure: a request for help, in the group and in private. The work question alone still goes to the documents.
describe('a disclosure beside a question about an organisation\'s work', () => {
  const DISCLOSURES = [
    '我被家暴了 妇联都做了啥',
    '我被家暴了，妇联都做了哪些工作',
    '我老公打我 妇联都做了啥',
    '老公家暴我 社区有哪些措施',
    '俺挨打了 妇联都做了啥',
    '我被家暴了 老舅妈工作站成功调解了几起',
    '我被家暴了 婦聯都做了啥',
  ]

  it('is a request for help (dv), in the group and in private', () => {
    for (const q of DISCLOSURES) {
      expect(disclosesHarm(normalize(q)), q).toBe(true)
      expect(asksAboutWork(normalize(q)), q).toBe(false)
      expect(understand(q, group), q).toMatchObject({ intent: 'help.request', slots: { category: 'dv' } })
      expect(understand(q, private_).intent, q).toBe('help.request')
    }
  })

  it('"他又动手了" beside it is danger now: an emergency', () => {
    expect(understand('他又动手了 妇联都做了啥', group).intent).toBe('help.emergency')
  })

  it('controls: the work question alone, a case put, a call, or a fear are no disclosure', () => {
    for (const q of ['妇联在反家暴这块都做了啥', '如果被家暴了 妇联能做啥', '有事打我电话 妇联都做了啥', '怕他又动手']) expect(disclosesHarm(normalize(q)), q).toBe(false)
    for (const q of ['妇联在反家暴这块都做了啥', '我们楼里宣传栏要出一期反家暴的内容，妇联在反家暴这块都做了啥', '如果被家暴了 妇联能做啥']) {
      expect(understand(q, group).intent, q).toBe('qa.question')
    }
  })
})
