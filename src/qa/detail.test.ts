import { describe, expect, it } from 'vitest'
import { askedDetails, askedValues, beyondQuestion, detailsFound, masked, valuesFound } from './detail.ts'
import { coveredProbability, DECISION_MODEL, outcome } from './decision-model.ts'
import type { DecisionFeatures } from './decide.ts'

describe('the asked detail beside the topic', () => {
  it('reads what kind of detail a question asks for', () => {
    expect(askedDetails('某县妇联主席叫什么名字')).toContain('name')
    expect(askedDetails('示范岗是哪一年评上的')).toContain('year')
    expect(askedDetails('救助中心在什么地方')).toContain('place')
    expect(askedDetails('每个部门能推荐几个名额')).toContain('count')
    expect(askedDetails('热线电话是多少')).toContain('phone')
    // Where from is not where; a list ("哪几家") is not a count.
    expect(askedDetails('建微家的经费从哪里来')).not.toContain('place')
    expect(askedDetails('具体是哪几家')).not.toContain('count')
    expect(askedDetails('妇联管不管这种事')).toEqual([])
  })

  it('reads how-to, papers, requirements and prices as details too', () => {
    expect(askedDetails('春晖基金的救助咋申请')).toContain('procedure')
    expect(askedDetails('想加入读书会要怎么报名')).toContain('procedure')
    // What to do about something is not how to apply for it.
    expect(askedDetails('物业不来修怎么办')).not.toContain('procedure')
    expect(askedDetails('办居住证要带什么?')).toContain('materials')
    expect(askedDetails('需要提交哪些材料')).toContain('materials')
    // "材料里" is the document itself.
    expect(askedDetails('材料里那个区是哪个区')).not.toContain('materials')
    expect(askedDetails('想入驻要啥条件')).toContain('condition')
    expect(askedDetails('小区物业费一年要交多少')).toContain('cost')
    expect(askedDetails('评上了奖多少')).toContain('cost')
    expect(askedDetails('活动要交会费不')).toContain('cost')
  })

  it('finds a procedure, papers, a requirement or a price only beyond the question\'s own words', () => {
    const how = '读书会怎么报名参加'
    expect(detailsFound(askedDetails(how), how, ['读书会每月举办一次，参加人数逐年增加。'])).toBe(false)
    expect(detailsFound(askedDetails(how), how, ['读书会常年招募会员，可通过社区妇联报名，填写登记表。'])).toBe(true)
    // Who to apply to, though both its words are the question's own.
    const apply = '法律援助怎么申请？'
    expect(detailsFound(askedDetails(apply), apply, ['法律援助 经济困难的，可以向法律援助中心申请免费法律服务。'])).toBe(true)
    expect(detailsFound(askedDetails(apply), apply, ['法律援助 全年受理法律援助申请20件。'])).toBe(false)
    const papers = '办居住证要带什么?'
    expect(detailsFound(askedDetails(papers), papers, ['社区为流动人口办居住证提供便利。'])).toBe(false)
    expect(detailsFound(askedDetails(papers), papers, ['办居住证须携带身份证原件和租房合同复印件。'])).toBe(true)
    const cost = '示范微家评上了奖多少'
    expect(detailsFound(askedDetails(cost), cost, ['示范微家评上后授牌表彰。'])).toBe(false)
    expect(detailsFound(askedDetails(cost), cost, ['示范微家评上后给予每家2000元奖励。'])).toBe(true)
  })

  it('cuts the question\'s own words out of a window, so repeating the topic is not an answer', () => {
    expect(beyondQuestion('雨花区示范基地在什么地方', '雨花区示范基地扶持女性创业。')).not.toMatch(/雨花区/)
    const q = '雨花区示范基地在什么地方'
    expect(detailsFound(askedDetails(q), q, ['雨花区示范基地扶持女性创业，成效明显。'])).toBe(false)
    expect(detailsFound(askedDetails(q), q, ['雨花区示范基地位于韶山路58号。'])).toBe(true)
  })

  it('looks for a name beside the title the question names', () => {
    const q = '县妇联主席叫什么名字'
    expect(detailsFound(askedDetails(q), q, ['邀请县委书记黄寿龙作报告，县妇联主席出席。'])).toBe(false)
    expect(detailsFound(askedDetails(q), q, ['县妇联主席李红梅出席并讲话。'])).toBe(true)
  })

  it('reads the noun of the asked value, after the asking word or right before it', () => {
    const heads = (q: string) => askedValues(q).map((v) => v.head)
    expect(heads('小额贷款利息是多少')).toEqual(['利息'])
    expect(heads('村妇代会主任一个月能拿多少报酬')).toEqual(['报酬'])
    expect(heads('每个部门能推荐几个名额')).toEqual(['名额'])
    expect(heads('医护人员都叫什么名字')).toEqual(['医护人员'])
    expect(heads('示范基地在什么地方')).toEqual(['基地'])
    // After a content verb the question asks how much was done: no separate noun.
    expect(heads('从信用社一共贷到多少钱')).toEqual([])
    expect(heads('妇联管不管这种事')).toEqual([])
  })

  it('wants the asked value\'s noun and a value of its shape in one window', () => {
    const q = '香菇户贷的小额贷款利息是多少'
    const plain = (t: string, w: string) => w.includes(t)
    // The loan's total is another value of the same shape: the interest is not given.
    expect(valuesFound(askedValues(q), q, ['香菇户从信用社贷得小额贷款累计达35万元。'], plain)).toBe(false)
    expect(valuesFound(askedValues(q), q, ['小额贷款利息由财政全额贴息，利息按年4.35%计。'], plain)).toBe(true)
    // The noun in other words counts through a bridge (here a stand-in for the glossary / lexicon).
    const bridged = (t: string, w: string) => w.includes(t) || (t === '利息' && w.includes('利率'))
    expect(valuesFound(askedValues(q), q, ['小额贷款年利率为4.35%。'], bridged)).toBe(true)
    // A question asking no value by its noun is not held back.
    const total = '香菇户一共贷到多少钱'
    expect(valuesFound(askedValues(total), total, ['香菇户从信用社贷得小额贷款累计达35万元。'], plain)).toBe(true)
  })

  it('wants the value near its noun, not anywhere in the window', () => {
    const q = '村妇代会主任每月能领多少报酬'
    const plain = (t: string, w: string) => w.includes(t)
    expect(valuesFound(askedValues(q), q, ['村妇代会主任95%以上都兼计生专干，负责计划生育工作，大多数报酬也拿的是计生经费。'], plain)).toBe(false)
    expect(valuesFound(askedValues(q), q, ['村妇代会主任报酬每月300元，由村集体支付。'], plain)).toBe(true)
  })

  it('sees the documents\' redaction marks', () => {
    expect(masked('户籍人口88.94万的***区')).toBe(true)
    expect(masked('×××街道妇联主席')).toBe(true)
    expect(masked('引进xx公司的手工项目')).toBe(true)
    expect(masked('到20xx年底建成200个微家')).toBe(true)
    expect(masked('到2025年底建成200个微家')).toBe(false)
  })
})

describe('the shipped decision with the detail signal', () => {
  const f = (extra: Partial<DecisionFeatures['extra']>): DecisionFeatures => ({
    sentence: 0.9, passage: 0.9, typeOk: true, key: true, similarity: 0.5, unknown: 0, best: 0, focus: true,
    extra: {
      clauseMin: 0.9, keyShare: 1, top: 2, margin: 0.5, topCoverage: 1, terms: 4, asksType: false, hasFocus: false,
      focusInFolder: 1, focusShare: 1, exactAsked: false, exactShare: 1, typesOnly: true, asksCount: false, countOk: true, bridged: false,
      detailAsked: false, detailOk: true, masked: false, missing: 0, missingEveryday: 0, missingOther: 0, ...extra,
    },
  })

  it('is more doubtful when the asked detail is nowhere beside the topic, and does not answer outright', () => {
    expect(DECISION_MODEL.features).toContain('detailMissing')
    const found = f({ detailAsked: true, detailOk: true })
    const missing = f({ detailAsked: true, detailOk: false })
    expect(coveredProbability(DECISION_MODEL, missing)).toBeLessThan(coveredProbability(DECISION_MODEL, found))
    expect(outcome(DECISION_MODEL, coveredProbability(DECISION_MODEL, found), found)).toBe('answer')
    expect(outcome(DECISION_MODEL, coveredProbability(DECISION_MODEL, missing), missing)).not.toBe('answer')
  })

  it('declines under the coverage floor and at most hedges without the focus, whatever the probability', () => {
    const rule = { floor: 0.3, focusGate: true, hedge: 0.2, answer: 0.5 }
    expect(outcome(rule, 0.99, { sentence: 0.1, focus: true })).toBe('decline')
    expect(outcome(rule, 0.99, { sentence: 0.9, focus: false })).toBe('hedge')
    expect(outcome({ ...rule, focusGate: false }, 0.99, { sentence: 0.9, focus: false })).toBe('answer')
    expect(outcome(rule, 0.1, { sentence: 0.9, focus: true })).toBe('decline')
  })
})
