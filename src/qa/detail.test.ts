import { describe, expect, it } from 'vitest'
import { askedDefinition, askedDetails, askedSet, asksWhatIsMasked, askedValues, beyondQuestion, detailsFound, hasDetail, masked, setListed, termDefined, valuesFound } from './detail.ts'
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
    // What she can borrow is a figure per borrower, not a programme's total.
    expect(askedDetails('创业贷款能贷多少')).toContain('perUnit')
    expect(askedDetails('巾帼创业贷款一年放出去多少钱')).not.toContain('perUnit')
    // A number given, and what line it is asked: no phone number asked for.
    expect(askedDetails('请问12338是什么电话')).not.toContain('phone')
    expect(askedDetails('听说打12338能找妇联,这个电话是干啥的?')).not.toContain('phone')
    expect(askedDetails('维权热线电话是多少')).toContain('phone')
    // Who was chosen wants the people's names.
    expect(askedDetails('第四届首都巾帼十杰都评了谁')).toContain('person')
  })

  it('reads how-to, papers, requirements and prices as details too', () => {
    expect(askedDetails('春晖基金的救助咋申请')).toContain('procedure')
    expect(askedDetails('想加入读书会要怎么报名')).toContain('procedure')
    // What to do about something is not how to apply for it.
    expect(askedDetails('物业不来修怎么办')).not.toContain('procedure')
    expect(askedDetails('办居住证要带什么?')).toContain('materials')
    expect(askedDetails('需要提交哪些材料')).toContain('materials')
    // Papers called 资料 ("要准备哪些资料申请"), which alone is the documents themselves.
    expect(askedDetails('信禾春阳基金要准备哪些资料申请?')).toContain('materials')
    // "材料里" is the document itself.
    expect(askedDetails('材料里那个区是哪个区')).not.toContain('materials')
    expect(askedDetails('想入驻要啥条件')).toContain('condition')
    expect(askedDetails('小区物业费一年要交多少')).toContain('cost')
    expect(askedDetails('评上了奖多少')).toContain('cost')
    // Whether it costs, not how much: the fee kind (a sum beside a charge word, or 免费).
    expect(askedDetails('活动要交会费不')).toEqual(['fee'])
  })

  it('counts a number of things, not a list item\'s own number ("2、实施…分类管理" does not say how many kinds)', () => {
    const q = '妇女微家分几种啊'
    expect(askedDetails(q)).toContain('count')
    expect(detailsFound(['count'], q, ['2、实施“妇女微家”分类管理。要在摸底梳理的基础上，将“妇女微家”进行分类管理'])).toBe(false)
    expect(detailsFound(['count'], q, ['（2）突出分类管理，强化指导督促'])).toBe(false)
    expect(detailsFound(['count'], q, ['现将“妇女微家”分为五大类：即学习引领微家、网格睦邻微家…'])).toBe(true)
    expect(detailsFound(['count'], '调解了几起', ['共受理群众来访52起，成功调解49起'])).toBe(true)
  })

  it('reads who may be or do something as asking the kinds of people it is open to', () => {
    for (const q of ['微家主人是谁都能当吗', '啥样的人能当微家的女主人啊', '微家的负责人一般找什么样的人来当？', '随便谁都能张罗吗']) expect(askedDetails(q)).toContain('eligible')
    expect(askedDetails('微家主人是谁')).not.toContain('eligible')
    expect(askedDetails('俺们小区想弄个妇女微家,一般都是谁来当管事的呀?')).toContain('eligible')
    expect(askedDetails('微家主人一般是啥人当的？')).toContain('eligible')
    // Asked as a kind of people, not a named person.
    expect(askedDetails('俺们小区想弄个妇女微家,一般都是谁来当管事的呀?')).not.toContain('person')
    expect(askedDetails('评上的都是谁')).toContain('person')
    const q = '啥样的人能当微家的女主人'
    // A sentence that only names the post does not say who may hold it.
    expect(detailsFound(['eligible'], q, ['通过在家庭成长驿站、民宿女主人联盟等原有阵地上寻找一批符合妇女微家内涵的新阵地'])).toBe(false)
    expect(detailsFound(['eligible'], q, ['妇女微家中女主人可以是一个妇女也可以是一个妇女团队'])).toBe(true)
    expect(detailsFound(['eligible'], q, ['妇女微家管理员由妇女代表、妇联执委（干部）、女性负责人等担任'])).toBe(true)
  })

  it('reads whether it brings money or things as asking for such a benefit', () => {
    for (const q of ['微家评上示范点有奖金没', '援鄂医护人员的家属有啥补助政策没有?', '今年三八节社区给咱妇女发啥东西不']) expect(askedDetails(q)).toContain('benefit')
    expect(askedDetails('示范点怎么评')).not.toContain('benefit')
    expect(detailsFound(['benefit'], '微家评上示范点有奖金没', ['区妇联决定在全区范围内开展妇女微家示范点建设工作'])).toBe(false)
    expect(detailsFound(['benefit'], '微家评上示范点有奖金没', ['对评上的示范点给予一次性奖励2000元'])).toBe(true)
  })

  it('reads a position, a book, and how to get in as the place, the name and the procedure asked', () => {
    expect(askedDetails('东海渔嫂那个微家具体在岱山哪个位置？')).toContain('place')
    expect(askedDetails('老舅妈工作站在梅陇镇具体哪条路')).toContain('place')
    expect(askedDetails('雨花巾帼读书会这个月读哪本书呀')).toContain('name')
    // A book is named in 《》, not by another quoted slogan beside it.
    expect(detailsFound(['name'], '雨花巾帼读书会这个月读哪本书呀', ['推动“精彩人生女性终身学习计划”向更广领域拓展，做大做强“雨花巾帼读书会”'])).toBe(false)
    expect(detailsFound(['name'], '雨花巾帼读书会这个月读哪本书呀', ['雨花巾帼读书会本月共读《平凡的世界》'])).toBe(true)
    expect(askedDetails('妇女微家负责人那个微信群咋进')).toContain('procedure')
    expect(askedDetails('怎么进行垃圾分类')).not.toContain('procedure')
  })

  it('reads whether someone of a kind may take part as asking whom it is open to', () => {
    for (const q of ['市妇联那个家庭英语大赛,老年人能报名吗?', '公司三八踏春那个活动 男的能报名不', '三八红旗手个人能自己报名吗']) expect(askedDetails(q)).toContain('eligible')
    expect(askedDetails('踏春活动在哪报名')).not.toContain('eligible')
    const q = '公司三八踏春那个活动 男的能报名不'
    // "男职工也可报名参加" says so, though 报名 is the question's own word; the event's name alone does not.
    expect(detailsFound(['eligible'], q, ['三八踏春徒步活动，男职工也可报名参加活动'])).toBe(true)
    expect(detailsFound(['eligible'], q, ['公司工会组织三八踏春徒步活动'])).toBe(false)
  })

  it('finds a procedure, papers, a requirement or a price only beyond the question\'s own words', () => {
    const how = '读书会怎么报名参加'
    expect(detailsFound(askedDetails(how), how, ['读书会每月举办一次，参加人数逐年增加。'])).toBe(false)
    expect(detailsFound(askedDetails(how), how, ['读书会常年招募会员，可通过社区妇联报名，填写登记表。'])).toBe(true)
    // A way of building (建家方式) or a pairing (结对联系) is no way to sign up.
    const join = '巾帼志愿者怎么报名'
    expect(detailsFound(askedDetails(join), join, ['把握灵活多样、简单易行的建家方式。可通过先进女性、妇联执委、巾帼志愿者、热心妇女等建家；'])).toBe(false)
    expect(detailsFound(askedDetails(join), join, ['管理员由巾帼志愿者等担任。每个妇女微家与1名以上妇联执委结对联系，加强指导'])).toBe(false)
    expect(detailsFound(askedDetails(join), join, ['巾帼志愿者队伍常年招募，可到社区居委会登记。'])).toBe(true)
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
    // "几多单" / "多少起" count cases: the measure word is no noun of its own; "走几步路" is nearness, not a count.
    expect(heads('老舅妈工作站上半年调解成功了多少单呀?')).not.toContain('单')
    expect(askedDetails('在家门口走几步路就能找到妇联的服务不')).not.toContain('count')
    expect(askedDetails('通过巾帼家政联盟请住家保姆,大概什么价位?')).toContain('cost')
    expect(heads('小额贷款利息是多少')).toEqual(['利息'])
    expect(heads('村妇代会主任一个月能拿多少报酬')).toEqual(['报酬'])
    expect(heads('每个部门能推荐几个名额')).toEqual(['名额'])
    expect(heads('医护人员都叫什么名字')).toEqual(['医护人员'])
    expect(heads('示范基地在什么地方')).toEqual(['基地'])
    // Where she looks ("县里", "镇上") is no noun of the value.
    expect(heads('爹妈出去打工的娃，县里有啥地方能去看书玩的')).not.toContain('县里')
    // After a content verb the question asks how much was done: no separate noun.
    expect(heads('从信用社一共贷到多少钱')).toEqual([])
    expect(heads('妇联管不管这种事')).toEqual([])
    // "起码几天", "差不多多少钱": a hedge on the figure, not what it is of (jieba tags 起码 and 差不多 as nouns).
    expect(heads('区妇联机关干部一年下基层起码几天')).toEqual(['下基层'])
    expect(heads('办一场差不多多少钱')).not.toContain('差不多')
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
    sentence: 0.9, passage: 0.9, typeOk: true, key: true, similarity: 0.5, unknown: 0, best: 0, window: '', focus: true,
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
    // The key gate: without the question's most specific word and covering little, at most a hedge.
    expect(outcome(rule, 0.99, { sentence: 0.5, focus: true, keyShare: 0 })).toBe('hedge')
    expect(outcome(rule, 0.99, { sentence: 0.7, focus: true, keyShare: 0 })).toBe('answer')
    // Under a third of what she asked, never outright, whoever (floor 0.2 here so the floor does not decide it).
    expect(outcome({ ...rule, floor: 0.2 }, 0.99, { sentence: 0.25, focus: true })).toBe('hedge')
    expect(outcome({ ...rule, floor: 0.2 }, 0.99, { sentence: 0.35, focus: true })).toBe('answer')
    expect(outcome(rule, 0.99, { sentence: 0.5, focus: true, keyShare: 1 })).toBe('answer')
    expect(outcome(rule, 0.99, { sentence: 0.5, focus: true, keyShare: 0, detailFound: true })).toBe('answer')
  })
})

describe('the next session, now, whether it costs, how long, who by name (seventh session)', () => {
  it('the next session is said only by a next date or a standing schedule', () => {
    const q = '社区三尺讲堂下一期讲啥,几号开讲?'
    expect(askedDetails(q)).toContain('next')
    expect(detailsFound(['next'], q, ['社区三尺讲堂上半年已举办了24期，受益群众2000余人。'])).toBe(false)
    expect(detailsFound(['next'], q, ['社区三尺讲堂每月第二个周六开讲，地点在社区活动室。'])).toBe(true)
  })
  it('whether it still holds now: a dated document speaks for now only with 至今 / 仍', () => {
    for (const q of ['王桂英现在还在镇妇联当主任吗?', '培训班现在还招人吗', '现在苍南县妇联是谁当主席?']) expect(askedDetails(q)).toContain('now')
    // A count "now" is a figure the document gives; "还有她的份不" asks about a right, not about now.
    expect(askedDetails('苍南县的儿童之家现在一共有多少个?')).not.toContain('now')
    expect(askedDetails('嫁出去的闺女,村里分地还有她的份不?')).not.toContain('now')
    expect(detailsFound(['now'], '现在还招人吗', ['家政服务站吸纳下岗失业妇女就业。'])).toBe(false)
    expect(detailsFound(['now'], '现在还招人吗', ['家政服务站至今仍常年吸纳下岗失业妇女就业。'])).toBe(true)
  })
  it('whether it costs: a price or a word that it is free, not the question\'s "是否免费"', () => {
    const q = '家政站办的培训班要交学费不?'
    expect(askedDetails(q)).toContain('fee')
    expect(askedDetails('厂里下岗了 家政站收不收人')).not.toContain('fee')
    expect(detailsFound(['fee'], q, ['家政站举办下岗妇女技能培训班，开设插花、保安等课程。'])).toBe(false)
    expect(detailsFound(['fee'], q, ['家政站为下岗妇女免费举办技能培训班。'])).toBe(true)
    expect(detailsFound(['fee'], '两癌筛查免费吗', ['筛查对象年龄、是否免费，以当地公布为准。'])).toBe(false)
  })
  it('how long or how often: a span or a rhythm', () => {
    const q = '微家实行轮值制度的话,多长时间轮一次班?'
    expect(askedDetails(q)).toContain('span')
    expect(detailsFound(['span'], q, ['各乡镇要建立学习培训、轮值管理、考评等工作机制。'])).toBe(false)
    expect(detailsFound(['span'], q, ['微家实行轮值制度，每月由一名执委轮值。'])).toBe(true)
  })
  it('people asked for one by one need their names, not a quoted title nearby', () => {
    const q = '太白社区去看望的8名援鄂医护人员都叫啥名字'
    expect(askedDetails(q)).toContain('person')
    expect(askedDetails('第三批10名巾帼创业带头人都是谁?')).toContain('person')
    const visit = '在第110个“三八国际妇女节”来临之际，太白社区工作人员分别来到8名援鄂医护人员家中。'
    expect(detailsFound(askedDetails(q), q, [visit])).toBe(false)
    expect(detailsFound(['person'], '带头人都是谁', ['第三批巾帼创业带头人为王丽华、陈小红、李娟等10人。'])).toBe(true)
  })
  it('a value put off to elsewhere ("名额见分配表") is not given', () => {
    const q = '十佳巾帼女职工每个部门能推荐几个名额?'
    const asked = askedValues(q)
    expect(asked.map((a) => a.head)).toContain('名额')
    const has = (t: string, w: string) => w.includes(t)
    expect(valuesFound(asked, q, ['十佳巾帼女职工推荐名额见分配表。'], has)).toBe(false)
    expect(valuesFound(asked, q, ['每个部门推荐名额2名。'], has)).toBe(true)
  })
})

describe('details that were flagged missing though the documents give them', () => {
  it('礼拜几 asks a weekday, not a count; 给了多少岗位 a count, not money; 领多少生活补贴 is money', () => {
    expect(askedDetails('去镇妇联反映事儿,礼拜几去有人接待?')).not.toContain('count')
    expect(askedDetails('招聘会给了多少岗位啊')).not.toContain('cost')
    expect(askedDetails('单亲妈妈每个月能从妇联领多少生活补贴?')).toContain('cost')
    expect(askedDetails('小额贷款一户最多能贷多少?')).toContain('cost')
  })
  it('"哪个区妇联设计的图标" is answered by a place named in the same frame', () => {
    const q = '微家可以使用哪个区妇联设计的图标?'
    expect(detailsFound(['place'], q, ['微家可使用上虞区妇联设计的图标和文字参考图例。'])).toBe(true)
    // A district the question itself names, or one in another frame, does not say which.
    expect(detailsFound(['place'], '雨花区哪个区妇联设计的图标', ['雨花区妇联设计的图标。'])).toBe(false)
    expect(detailsFound(['place'], q, ['微家图标可自行设计，上虞区妇女微家已有200家。'])).toBe(false)
  })
})

describe('the members of a named set', () => {
  it('are listed where the set is named, not merely somewhere near', () => {
    expect(askedSet('发给贫困母亲的“母亲邮包”里面都装了些什么东西?')).toBe('母亲邮包')
    expect(askedSet('母亲邮包里都装了些啥?')).toBe('母亲邮包')
    expect(askedSet('母亲邮包里面装的都是什么东西?')).toBe('母亲邮包')
    expect(askedSet('母亲邮包里面装的都是些啥东西')).toBe('母亲邮包')
    expect(askedSet('苍南发的「母亲邮包」里面装了什么东西?')).toBe('母亲邮包')
    expect(askedSet('“五型妇女微家”具体是哪五种微家?')).toBe('五型妇女微家')
    // Something else of it, named after the measure word: the courses a lecture series gives (a tester was declined).
    expect(askedSet('那个幸福大讲堂都有哪几门课')).toBeUndefined()
    expect(askedSet('十大项目都有哪几个项目')).toBe('十大项目')
    // Without 具体: "是指哪两个", "是学哪六样", "装的啥".
    expect(askedSet('“双海双区”到底是指哪两个海、哪两个区?')).toBe('双海双区')
    expect(askedSet('苍南的“六学”活动,是学哪六样')).toBe('六学')
    expect(askedSet('“五小行动”都包括哪五小呢')).toBe('五小行动')
    expect(askedSet('母亲邮包里头装的啥呀')).toBe('母亲邮包')
    expect(setListed('“双海双区”到底是指哪两个海、哪两个区?', ['团结带领广大妇女投身“玉苍巾帼建新功·共筑双海双区梦”活动热潮之中'])).toBe(false)
    // Asking what a term means, or how each is done, is not asking for its members.
    expect(askedSet('“三培两带”工程具体指什么?')).toBeUndefined()
    expect(askedSet('“提升一批、整合一批、新建一批”分别是怎么做的?')).toBeUndefined()
    const q = '母亲邮包里都装了些啥?'
    expect(setListed(q, ['常态化开展老妇干、贫困农村妇女、“两癌”贫困母亲等慰问228人次，发放慰问金52.75万元，发放母亲邮包12个；积极推进“两癌”免费检查'])).toBe(false)
    expect(setListed(q, ['为贫困母亲发放母亲邮包（内有毛巾、牙刷、保暖内衣等生活用品）'])).toBe(true)
    // Listed just before the name ("亮牌子、亮身份、亮作为的“三亮”"), or defined after it with 即.
    expect(setListed('“三亮”活动具体是哪三亮', ['开展妇联组织亮牌子、妇联执委亮身份、妇女工作亮作为的“三亮”活动'])).toBe(true)
    expect(setListed('“三支队伍”具体是哪三支', ['建立妇女维权法律援助“三支队伍”,即妇女法律援助律师队伍、妇女维权志愿者队伍、调解员队伍'])).toBe(true)
    // A list ending in the heading above the window is not listed before the name (“四期” under "组织学习、激发热情").
    expect(setListed('幼儿园女教职工的“四期”保护是哪四期?', ['二、创建工作措施 (一)组织学习、激发热情\n加强对我园女教职工的“四期”保护'])).toBe(false)
    // Members run together before the name, each opening with its character.
    expect(setListed('「四新」领域到底是哪四新', ['推进妇女之家向新领域新业态新阶层新群体等“四新”领域延伸'])).toBe(true)
    // A plain noun with its count ("8个项目") is that set: another set of 项目 listed elsewhere does not list it.
    const eight = '第三届全国亿万妇女健身活动展示大赛的8个项目具体是哪些?'
    expect(setListed(eight, ['力推巾帼十大项目（巾帼强、巾帼创、巾帼和、巾帼美）', '参加8个项目的比赛和表演'])).toBe(false)
    expect(setListed(eight, ['大赛设8个项目：健身操、太极拳、广场舞、腰鼓'])).toBe(true)
    // Not named at all: other signals decide.
    expect(setListed(q, ['全年发放慰问金52.75万元'])).toBeUndefined()
  })

  it('"是哪三个" asks for the members too; a counted set may be listed without its name', () => {
    expect(askedSet('“双海双区”到底是哪双海 哪双区')).toBe('双海双区')
    expect(askedSet('“六在家庭”文明行动是哪六个“在家庭”?')).toBe('六在家庭')
    expect(setListed('“双海双区”到底是哪双海', ['围绕“双海双区”建设，开展巾帼建功活动'])).toBe(false)
    expect(setListed('“六在家庭”文明行动是哪六个', ['大力推进“学在家庭、乐在家庭、爱在家庭、和在家庭、绿在家庭、廉在家庭”文明行动', '扎实推进“六在家庭”活动'])).toBe(true)
    // 哪两个社区 (not after a set's name) stays other signals' business.
    expect(askedSet('平安家庭的创新做法先在哪两个社区试点的')).toBeUndefined()
  })

  it('a set named by its count is the whole name after the measure word, and its count alone does not list it', () => {
    const q = '苍南评出的10个巾帼创业示范基地是哪几家'
    expect(askedSet(q)).toBe('巾帼创业示范基地')
    expect(setListed(q, ['开展苍南县第三批“巾帼创业示范基地”和“巾帼创业带头人”评选，评选出巾帼创业示范基地10个、巾帼创业带头人10名；'])).toBe(false)
    expect(setListed(q, ['评选出巾帼创业示范基地10个：灵溪花卉基地、龙港织造基地、钱库茶园…'])).toBe(true)
    // Quoted inside the counted name: the 示范 ones, which "五有”（有阵地、有主人…）" does not list.
    const five = '岱山计划选树的5家“五有”示范妇女微家分别是哪5家?'
    expect(askedSet(five)).toBe('五有示范妇女微家')
    expect(setListed(five, ['选树一批“五有”（有阵地、有主人、有机制、有活动、有展示）示范妇女微家。202-年，计划选树不同领域不同层面的“五有”示范妇女微家5家。'])).toBe(false)
    expect(askedSet('“五有”具体是哪五有')).toBe('五有')
  })
})

describe('whom to go to', () => {
  it('"找谁报名" wants a contact, an office or post that takes it, or a way to reach it', () => {
    expect(askedDetails('巾帼健身队想加入 该找谁报名')).toContain('contact')
    expect(askedDetails('受了欺负找谁')).toContain('contact')
    expect(askedDetails('谁是太白社区妇联的主席')).not.toContain('contact')
    const q = '爱心妈妈结对认领想报名 找谁'
    expect(detailsFound(['contact'], q, ['建立“爱心妈妈结对认领公益项目”的长效运作机制，引导爱心妈妈通过定期活动，奉献爱心'])).toBe(false)
    expect(detailsFound(['contact'], '俺们楼里头有没有管维权的人啊 受了欺负找谁', ['每个楼栋设有维权员，及时了解妇女诉求'])).toBe(true)
    expect(detailsFound(['contact'], q, ['有意参加的可向社区妇联报名，联系电话87654321'])).toBe(true)
  })
})

describe('how it is worked out is not how much', () => {
  it('"利息咋算" asks for the policy, "利息多少" for an amount', async () => {
    const { answerTypes } = await import('./answer-type.ts')
    expect(answerTypes('利息咋算')).not.toContain('money')
    expect(answerTypes('补贴怎么计算')).not.toContain('amount')
    expect(answerTypes('利息是多少')).toContain('money')
    // A group's number is asked like a phone number, not as a count.
    expect(answerTypes('分层分类的微家负责人微群,群号多少?我想进')).toContain('phone')
    expect(answerTypes('利息怎么算 一年多少钱')).toContain('money')
  })
})

describe('unpaid wages are the trouble, not the money asked', () => {
  it('"工资被老板拖欠了 该打哪个电话" asks for a phone', async () => {
    const { answerTypes } = await import('./answer-type.ts')
    expect(answerTypes('工资被老板拖欠了 该打哪个电话')).toEqual(['phone'])
    expect(answerTypes('当微家女主人有没有工资拿?')).toContain('money')
  })
})

describe('what the documents blanked out', () => {
  it('asked by its redaction mark ("***区是哪个区", "刘xx的电话", "20xx年是哪一年") is not answered', () => {
    expect(asksWhatIsMasked('户籍人口88.94万的那个“***”是哪个区?')).toBe(true)
    expect(asksWhatIsMasked('联系人刘xx的联系电话到底是多少?')).toBe(true)
    expect(asksWhatIsMasked('202-年要选树的那5家“五有”示范微家具体是哪几家?')).toBe(true)
    // The mark only says which one; something else is asked of it.
    expect(asksWhatIsMasked('***区户籍人口里女性有多少人?占多大比例?')).toBe(false)
    expect(asksWhatIsMasked('202-年计划选树多少家“五有”示范妇女微家?')).toBe(false)
    expect(asksWhatIsMasked('雨花区妇联主席叫什么名字')).toBe(false)
  })
})

describe('what actually came of a plan', () => {
  it('"实际已经建成了多少个", "最后评上了哪些", "完成得怎么样" need a report of what was done', () => {
    expect(askedDetails('上虞区实际已经建成了多少个妇女微家?')).toContain('outcome')
    expect(askedDetails('这个区“十一五”规划最后完成得怎么样?')).toContain('outcome')
    expect(askedDetails('上虞区要建成多少个妇女微家?')).not.toContain('outcome')
    const q = '上虞区实际已经建成了多少个妇女微家?'
    expect(detailsFound(['outcome'], q, ['到年底全区建成妇女微家100个以上，其中示范点25个以上'])).toBe(false)
    expect(detailsFound(['outcome'], q, ['截至10月，全区已建成妇女微家132个'])).toBe(true)
  })
})

describe('opening hours', () => {
  it('"几点到几点", "周六上不上班", "哪几天对外" need a clock span, a rhythm of days or 24小时', () => {
    for (const q of ['12338热线几点到几点有人接？', '司法局的法律援助中心周六上不上班?', '共享蓝天俱乐部一周哪几天对外?']) expect(askedDetails(q)).toContain('hours')
    expect(askedDetails('12338热线是干啥的')).not.toContain('hours')
    const q = '司法局的法律援助中心周六上不上班?'
    expect(detailsFound(['hours'], q, ['妇女遇到家庭暴力，可到司法局法律援助中心申请法律援助'])).toBe(false)
    expect(detailsFound(['hours'], q, ['法律援助中心工作时间：周一至周五上午9点至下午5点'])).toBe(true)
    expect(detailsFound(['hours'], '热线几点到几点有人接', ['12338热线24小时有人接听'])).toBe(true)
  })
})

describe('how much for one', () => {
  it('"一个人最多能贷多少", "一件给多少工钱", "每个部门推荐几个" need a figure per head, piece or period, or a cap', () => {
    for (const q of ['巾帼创业贷款一个人最多能贷多少?', '手工刺绣绣一件能拿多少工钱', '村妇代会主任每月能领多少报酬?', '十佳巾帼女职工每个部门分到几个推荐名额?'])
      expect(askedDetails(q)).toContain('perUnit')
    // A count of people in a group, a total: not per one.
    for (const q of ['放风筝比赛几个人一组 一共分几组', '2014年一共发放了多少巾帼创业贷款']) expect(askedDetails(q)).not.toContain('perUnit')
    const q = '巾帼创业贷款一个人最多能贷多少'
    expect(detailsFound(['perUnit'], q, ['全年发放巾帼创业贷款1200万元，扶持妇女创业300余人'])).toBe(false)
    expect(detailsFound(['perUnit'], q, ['巾帼创业贷款单笔最高10万元，财政全额贴息'])).toBe(true)
    expect(detailsFound(['perUnit'], '一个月要聚几回', ['每周有一次家接待，每月有一次家聚会'])).toBe(true)
  })

  it('the amount must be in the unit she names: "每户" is not answered by a fund\'s total beside "每年…"', () => {
    const fund = '成立…“信禾春阳”基金，由苍南农合行注资50万作为启动资金，并以基金成立为契机推动我县特困儿童家庭救助制度的出台（每年财政将增加列支260多万）。'
    expect(detailsFound(['perUnit'], '特困儿童家庭救助每户一年能补多少钱', [fund])).toBe(false)
    expect(detailsFound(['perUnit'], '信禾春阳基金给一个大病儿童一次能救助多少钱', [fund])).toBe(false)
    // Her unit, or a cap, answers.
    expect(detailsFound(['perUnit'], '特困儿童家庭救助每户一年能补多少钱', ['对特困儿童家庭每户每年补助3000元'])).toBe(true)
    expect(detailsFound(['perUnit'], '信禾春阳基金给一个大病儿童一次能救助多少钱', ['每名患儿最高救助2万元'])).toBe(true)
  })
})

describe('where to apply', () => {
  it('"去哪里申请" is answered by whom to apply to ("向…法院申请"); "在哪" of a building is not', () => {
    const w = '1. 向申请人或者被申请人居住地、家庭暴力发生地的基层人民法院申请；'
    expect(detailsFound(['place'], '人身安全保护令去哪里申请', [w])).toBe(true)
    expect(detailsFound(['place'], '县妇女儿童活动中心在哪', ['推进县妇女儿童活动中心建设，向省里申请专项资金'])).toBe(false)
  })
})

describe('a named place', () => {
  it('is a name before the place word, not a function word or quantifier ("在社区", "全县", "进社区")', () => {
    const q = '巧娘工作室在哪儿'
    expect(detailsFound(['place'], q, ['开展巧娘培训，在社区（村居）文化、慈善公益等领域发挥作用'])).toBe(false)
    expect(detailsFound(['place'], q, ['全县共建成巧娘工作室12家'])).toBe(false)
    expect(detailsFound(['place'], q, ['巧娘工作室设在灵溪镇城东社区服务中心'])).toBe(true)
    // A floor or a room is a place ("在社区三楼手工室活动").
    expect(detailsFound(['place'], '编织角在哪里活动', ['幸福里编织角每周四晚上七点在社区三楼手工室活动'])).toBe(true)
  })
})

describe('a span and a title holder', () => {
  it('a year ("2019年工作计划") is no span; "谁是…主席" asks for a person like "主席是谁"', () => {
    expect(detailsFound(['span'], '读书会多久活动一次', ['雨花区妇联2019年工作计划 做大做强读书会'])).toBe(false)
    expect(detailsFound(['span'], '读书会多久活动一次', ['读书会每月活动一次'])).toBe(true)
    expect(detailsFound(['span'], '培训一期学多久', ['每期培训15天'])).toBe(true)
    expect(askedDetails('谁是太白社区妇联的主席?')).toContain('person')
    expect(askedDetails('谁是最早来报名的')).not.toContain('person')
  })
})

describe('a blind batch (o): details misread, asked or missed', () => {
  it('what the law says is answered only where a law, an article or a legal provision is cited', () => {
    for (const q of ['听说出嫁女的承包地村里可以收回,这在法律上到底是哪一条规定的?', '彩礼退不退,法律上有啥规定?', '怀孕了被厂里劝退 这合法吗'])
      expect(askedDetails(q), q).toContain('law')
    // A rule of an activity is no law.
    expect(askedDetails('踏春嘉年华的徒步游,路程和时间有什么规定?')).not.toContain('law')
    const q = '出嫁女的承包地村里可以收回,法律上是哪一条规定的?'
    expect(hasDetail('law', '要针对当前涉及妇女权益的突出问题,如“出嫁女”权益维护、土地承包确权等问题,深入调查研究', q)).toBe(false)
    expect(hasDetail('law', '依据《农村土地承包法》第三十一条,承包期内妇女结婚的,发包方不得收回其原承包地', q)).toBe(true)
  })

  it('几 meaning "a few" ("几个姐妹一块儿管行不行", "我们楼里几个宝妈想…") asks no count; "要几个人一起才能建" does', () => {
    expect(askedDetails('当家的非得是一个人吗 几个姐妹一块儿管行不行')).not.toContain('count')
    expect(askedDetails('俺跟几个姐妹想在自家院里弄个微家,随便谁都能张罗吗?')).not.toContain('count')
    expect(askedDetails('我们楼里几个宝妈想自己弄个妇女微家,要啥条件不?')).toEqual(['condition'])
    expect(askedDetails('厂里有几个女工想出去自己干，区里有没有女性创业的培训基地啊')).not.toContain('count')
    expect(askedDetails('踏春活动有几个名额')).toContain('count')
    expect(askedDetails('请个女管家或者几个人组成团队来当可不可以')).not.toContain('count')
    expect(askedValues('几个老姐妹想凑一块读读书,有没有现成的组织?')).toEqual([])
    expect(askedDetails('微家的女主人一定要是一个人吗?可以几个姊妹一起当吗?')).not.toContain('count')
    expect(askedDetails('要几个人一起才能建微家')).toContain('count')
    expect(askedDetails('一个微家最少要跟几名妇联执委结对子啊')).toContain('count')
  })

  it('"哪位领导来讲的" is answered by a title and a name (县委书记黄寿龙): 领导 names the shape, not the noun', () => {
    const q = '第十期苍南女性讲坛是请哪位领导来讲的'
    const plain = (t: string, w: string) => w.includes(t)
    expect(askedValues(q)).toEqual([])
    expect(detailsFound(askedDetails(q), q, ['举办第十期苍南女性讲坛，邀请县委书记黄寿龙为全县各界妇女代表作专题报告'])).toBe(true)
    expect(detailsFound(askedDetails(q), q, ['举办第十期苍南女性讲坛，全县各界妇女代表参加'])).toBe(false)
    expect(valuesFound(askedValues(q), q, ['举办第十期苍南女性讲坛'], plain)).toBe(true)
  })

  it('a colloquial noun with 子 is found by its stem ("结对子" in "与1名以上妇联执委结对联系")', () => {
    const q = '一个微家最少要跟几名妇联执委结对子啊'
    const plain = (t: string, w: string) => w.includes(t)
    expect(askedValues(q).map((v) => v.head)).toEqual(['结对子'])
    expect(valuesFound(askedValues(q), q, ['每个妇女微家与1名以上妇联执委结对联系，加强指导'], plain)).toBe(true)
    expect(valuesFound(askedValues(q), q, ['每个妇女微家与妇联执委结对联系，加强指导'], plain)).toBe(false)
  })

  it('"发到哪个邮箱" wants an address with @, not "h__r邮箱"; "一个月能挣多少" wants money, not a head count', () => {
    const mail = '推荐材料电子版发到哪个邮箱'
    expect(askedDetails(mail)).toContain('email')
    expect(detailsFound(askedDetails(mail), mail, ['电子版材料同时传递至党群工作部____、h__r邮箱。'])).toBe(false)
    expect(detailsFound(askedDetails(mail), mail, ['电子版材料发至 fulian_dq@163.com。'])).toBe(true)
    const pay = '长沙那家绣品公司的刺绣活,一个月大概能挣多少'
    expect(askedDetails(pay)).toContain('cost')
    expect(detailsFound(askedDetails(pay), pay, ['引进长沙美好工艺绣品公司的手工刺绣项目，每年解决了300名女性富余劳动力就业。'])).toBe(false)
    expect(detailsFound(askedDetails(pay), pay, ['绣品公司的刺绣活计件付酬，熟手每月可挣1500元。'])).toBe(true)
  })

  it('"要还几年" asks a span, not a count; "搞了几年了" and "这几年" stay counts', () => {
    expect(askedDetails('要还几年')).toEqual(['span'])
    expect(askedDetails('家暴告诫书一般要等多少天才能拿到')).toContain('span')
    expect(askedDetails('这事搞了几年了')).toContain('count')
    expect(askedDetails('这几年镇上有多少女娃被劝回学校')).toContain('count')
    expect(askedDetails('这几年镇上有多少女娃被劝回学校')).not.toContain('span')
  })

  it('"最后谁拿了冠军" asks what came of it: a report naming the winner, not the notice of the contest', () => {
    const q = '第三届全国亿万妇女健身活动展示大赛最后谁拿了冠军'
    expect(askedDetails(q)).toContain('outcome')
    expect(detailsFound(askedDetails(q), q, ['全力办好"第三届全国亿万妇女健身活动展示大赛"。'])).toBe(false)
    expect(detailsFound(askedDetails(q), q, ['在第三届全国亿万妇女健身活动展示大赛中，朝阳区代表队荣获团体冠军。'])).toBe(true)
  })
})

describe('a number asked for by 号码', () => {
  it('"热线号码是多少" asks a phone, not a count, and 号码 is the shape of the answer, not a word the documents write', () => {
    expect(askedDetails('妇女维权热线号码是多少')).toEqual(['phone'])
    expect(askedValues('妇女维权热线号码是多少').map((v) => v.head)).not.toContain('号码')
    // Without a phone asked, 多少 still asks a count.
    expect(askedDetails('维权站一年接访多少人次')).toContain('count')
  })
})

describe('a count of what the question\'s own verb did', () => {
  it('"调解成了几起纠纷" is answered by "成功调解49起" without the noun 纠纷; another verb\'s count is not it', () => {
    const q = '老舅妈工作站上半年调解成了几起纠纷'
    const present = (t: string, w: string) => w.includes(t)
    expect(valuesFound(askedValues(q), q, ['上半年梅陇镇老舅妈工作站共受理群众来访52起，成功调解49起。'], present)).toBe(true)
    expect(valuesFound(askedValues(q), q, ['上半年梅陇镇老舅妈工作站共受理群众来访52起。'], present)).toBe(false)
  })
})

describe('what a quoted term specifically means', () => {
  it('is defined where the term is named, or only used there', () => {
    expect(askedDefinition('“一圈两场三道”具体指的是什么?')).toBe('一圈两场三道')
    expect(askedDefinition('城乡妇女“六学”活动具体是学哪六样?')).toBe('六学')
    expect(askedDefinition('「双学双比」是学什么、比什么啊?')).toBe('双学双比')
    // "是什么意思" without 具体: the sentence using the term answers it for those who ask so.
    expect(askedDefinition('“身边有家”是什么意思？')).toBeUndefined()
    expect(askedDefinition('“提升一批、整合一批、新建一批”具体是啥意思')).toBeUndefined()
    expect(termDefined('“一圈两场三道”具体指的是什么?', ['围绕“一圈两场三道”开展妇女儿童关爱活动'])).toBe(false)
    expect(termDefined('“三培两带”工程具体指什么?', ['在农村开展“三培两带”工程(即把党员培养成致富能手,把优秀致富能手培养成党员)'])).toBe(true)
    // Named nowhere near the question: not defined there either.
    expect(termDefined('“三培两带”工程具体指什么?', ['全年发放慰问金52.75万元'])).toBe(false)
    // A dash after the name introduces what it is.
    expect(termDefined('“爱在六月”具体是啥活动?', ['组团开展关爱特殊家庭助老,“爱在六月”—爱心妈妈带自强儿童星期八小镇体验'])).toBe(true)
    // Spelled out item by item right after it ("做到“三个及时”，第一是…").
    expect(termDefined('「三个及时」指的是什么?', ['面对侵害妇女儿童权益的案件,要做到“三个及时”,第一是及时了解案情、表达关注,以最快速度'])).toBe(true)
    expect(termDefined('“5+6+X”里面那个“X”具体指什么?', ['按照“5+6+x”(“5”即“五亮”'])).toBe(false)
    expect(termDefined('你好', ['按照“5+6+x”'])).toBeUndefined()
  })
})

describe('which city or district', () => {
  it('is answered by a name with that level word, not by 辖区, 公共区域 or 文明城市', () => {
    expect(hasDetail('place', '县妇女儿童活动中心建设项目已完成立项', '县妇女儿童活动中心在哪条路上?')).toBe(false)
    expect(hasDetail('place', '活动中心位于灵溪镇春晖路88号', '县妇女儿童活动中心在哪条路上?')).toBe(true)
    const q = '太白社区是在哪个市哪个区的'
    expect(hasDetail('place', '太白社区妇联携手共建单位堍头村妇联深入辖区内老旧小区、周边公共区域等，积极参与文明城市创建', q)).toBe(false)
    expect(hasDetail('place', '绍兴市上虞区太白社区妇联开展活动', q)).toBe(true)
    expect(hasDetail('place', '上虞区妇联设计的微家图标', '哪个区妇联设计的微家图标')).toBe(true)
  })
})

describe('which event is no place', () => {
  it('"在哪个展演活动中获奖" asks which event; "在哪", "在哪个区" still ask where', () => {
    expect(askedDetails('街道妇联的节目在哪个展演活动中获得了优秀组织奖?')).not.toContain('place')
    expect(askedDetails('巧娘工作室在哪')).toContain('place')
    expect(askedDetails('活动中心在哪个区')).toContain('place')
  })
})

describe('a time in a heading', () => {
  it('is that item\'s, not the opening hours of the sentence under it', () => {
    const q = '12338热线几点到几点有人接'
    expect(hasDetail('hours', '3、座谈会时间：3月6日上午9:00\n确保12338妇女维权热线正常运转，畅通信访渠道', q)).toBe(false)
    expect(hasDetail('hours', '求助热线\n12338热线工作日上午9点至下午5点有人接听', q)).toBe(true)
  })
})

describe('funds asked for by their noun', () => {
  it('"能拿到多少经费补助", "有多少活动经费" ask money', () => {
    expect(askedDetails('成立“她工作室”能拿到多少经费补助?')).toContain('cost')
    expect(askedDetails('“她工作室”成立以后每年有多少活动经费?')).toContain('cost')
  })
})

describe('which day, which month', () => {
  it('"哪天" wants a day and "几月份" a month: "每年一次" or "今年" says neither', () => {
    expect(askedDetails('读书会今年是哪天办')).toContain('day')
    expect(askedDetails('镇妇联平时哪几天能去反映问题啊')).toContain('day')
    expect(askedDetails('家宴一般定在几月份')).toContain('month')
    expect(askedDetails('家宴一般定在几月份')).not.toContain('day')
    expect(hasDetail('day', '我们每年组织一次巾帼志愿者便民服务', '便民服务今年是哪天')).toBe(false)
    expect(hasDetail('day', '便民服务定于3月8日在社区广场举行', '便民服务今年是哪天')).toBe(true)
    expect(hasDetail('day', '将每星期一至星期五定为信访接待日', '哪天能去镇妇联反映')).toBe(true)
    expect(hasDetail('month', '原则要求每年有一次家宴会', '家宴会一般定在几月份')).toBe(false)
    expect(hasDetail('month', '家宴会一般在春节前后举办', '家宴会一般定在几月份')).toBe(true)
    // The question's own festival is no answer.
    expect(hasDetail('day', '端午节前社区妇联开展包粽子活动', '端午包粽子是哪一天')).toBe(false)
  })
})

describe('a count in the measure asked', () => {
  it('"开几次会" is answered by times, "多少家" by places, not by a sum of money or people', () => {
    expect(hasDetail('count', '全年累计放贷727.32万元', '创业贷款能贴几个点的息')).toBe(false)
    expect(hasDetail('count', '贷款贴息比例为50%', '创业贷款能贴几个点的息')).toBe(true)
    expect(hasDetail('count', '联席会议由20个成员单位组成', '联席会议一年开几次会')).toBe(false)
    expect(hasDetail('count', '联席会议原则上每年召开两次', '联席会议一年开几次会')).toBe(true)
    expect(hasDetail('count', '受益妇女达3.4万余人', '妇科普查多少人受益')).toBe(true)
    // "一批" is a batch of unstated size: "提升一批妇女微家" does not say how many there are.
    expect(hasDetail('count', '提升一批妇女微家,通过在原有美丽驿站的基础上', '岱山现在已经有多少个妇女微家了')).toBe(false)
    // A count with its measure word is one (whether it is a plan's target or a tally is not read here).
    expect(hasDetail('count', '计划选树示范妇女微家5家', '岱山现在已经有多少个妇女微家了')).toBe(true)
    expect(hasDetail('count', '风筝赛以三人为一组,组成10组', '放风筝比赛几个人一组')).toBe(true)
    // Clause by clause: the measure of one clause is not asked of the other's window.
    expect(hasDetail('count', '共受理群众来访52起', '讲堂办了几期,工作站受理了多少来访')).toBe(true)
    // "多少个X": things counted by a measure word, not the year that opens a plan (a tester: 雨花区去年建了多少个妇女微家).
    expect(hasDetail('count', '2019年是全面贯彻落实党的十九大精神的关键之年。', '雨花区去年建了多少个妇女微家')).toBe(false)
    expect(hasDetail('count', '到今年底，全区建成妇女微家100个以上', '去年建了多少个妇女微家')).toBe(true)
    expect(hasDetail('count', '事迹材料不少于1000字', '事迹材料最少写几个字')).toBe(true)
    // "我们楼几个姐妹想…": a few of them, not a count.
    expect(askedDetails('我们楼几个姐妹想在家里弄个微家,行不行啊')).not.toContain('count')
  })
})

describe('a price by its noun, the speakers, a city', () => {
  it('"交多少培训费" asks a price, not a count', () => {
    expect(askedDetails('学插花要交多少报名费')).toContain('cost')
    expect(askedDetails('学插花要交多少报名费')).not.toContain('count')
    expect(askedDetails('培训了多少人,交多少报名费')).toContain('count')
  })
  it('"我们几个姐妹…" are the speakers, not a count asked', () => {
    expect(askedDetails('我们几个种茶的姐妹想学技术,镇上管不管')).not.toContain('count')
    expect(askedDetails('要几个人才能建微家')).toContain('count')
  })
  it('"哪个城市" asks a city by its name', () => {
    expect(askedDetails('太白社区是哪个城市的')).toContain('place')
    expect(hasDetail('place', '太白社区妇联开展文明城市创建', '太白社区是哪个城市的')).toBe(false)
    expect(hasDetail('place', '绍兴市上虞区太白社区妇联', '太白社区是哪个城市的')).toBe(true)
  })
})

describe('where it is handed in, where it is set up, when the heading names it', () => {
  it('"交到哪里" is answered by whom it goes to', () => {
    expect(hasDetail('place', '推荐表和事迹材料交至党群工作部', '事迹材料交到哪里')).toBe(true)
    expect(hasDetail('place', '推荐表和事迹材料需部门负责人签字', '事迹材料交到哪里')).toBe(false)
  })
  it('"设在…", "位于…" and 场所 name a place', () => {
    expect(hasDetail('place', '受理站设在灵堡社区警务室', '受理站在什么地方')).toBe(true)
    expect(hasDetail('place', '在方便妇女群众的办公场所或生活场所建立妇女微家', '妇女微家在什么地方建')).toBe(true)
  })
  it('the kinds of place listed after a locative ("建在…企业、窗口服务、办公楼宇…等地方") say where it is opened', () => {
    const q = '微家一般都开在啥地方,写字楼里能有不'
    expect(hasDetail('place', '要建在妇女集聚的企业、窗口服务、办公楼宇、女性社会组织等地方,产生一批示范微家', q)).toBe(true)
    // A list of places something is done in, without 等地方, is not where it stands.
    expect(hasDetail('place', '在社区、学校、医院开展宣传', q)).toBe(false)
  })
  it('a time in a heading that names what is asked about is its answer', () => {
    expect(hasDetail('clock', '3、座谈会时间：3月6日上午9:00\n参加人员：各部门女职工代表', '三八座谈会几点开')).toBe(true)
  })
  it('a one-character verb after the asking word is no value noun ("哪天报")', () => {
    expect(askedValues('摸底情况最晚哪天报').map((v) => v.head)).not.toContain('报')
  })
})

describe('which numbered attachment', () => {
  it('"在附件几" is answered by the label and its number, not by any count', () => {
    const q = '上虞区妇联设计的那个微家图标参考 在附件几'
    expect(hasDetail('count', '也可使用上虞区妇联设计的图标和文字参考图例(附件1)。', q)).toBe(true)
    expect(hasDetail('count', '全区建成妇女微家50个，也可使用上虞区妇联设计的图标。', q)).toBe(false)
  })
})

describe('a standard asked', () => {
  it('"合格的标准是啥" asks what it takes', () => {
    expect(askedDetails('“双合格”活动合格的标准是啥')).toContain('condition')
    expect(hasDetail('condition', '以“双合格”活动为主载体，加大家长学校创建力度', '“双合格”活动合格的标准是啥')).toBe(false)
  })
})

describe('a sum in 万', () => {
  it('"经费具体是多少万" asks money: a growth factor (递增6.14倍) is no sum', () => {
    expect(askedDetails('业务经费具体是多少万')).toContain('amount')
    expect(hasDetail('amount', '业务经费与初期相比递增6.14倍', '业务经费具体是多少万')).toBe(false)
    expect(hasDetail('amount', '业务经费每年50万元', '业务经费具体是多少万')).toBe(true)
    expect(askedDetails('受益群众有多少万人')).not.toContain('amount')
  })
})

describe('age bounds, evening hours, floor space', () => {
  it('"有年龄要求吗" asks a bound, "晚上有人接吗" the hours, "多大面积" square metres', () => {
    expect(askedDetails('当志愿者有年龄要求吗')).toContain('condition')
    expect(askedDetails('热线晚上和周末有人接听吗')).toContain('hours')
    expect(askedDetails('活动室至少要多大面积')).toContain('area')
    expect(hasDetail('area', '在有场地、有条件的办公场所建立妇女微家', '活动室至少要多大面积')).toBe(false)
    expect(hasDetail('area', '活动场地面积不少于30平方米', '活动室至少要多大面积')).toBe(true)
  })
})

describe('where something is', () => {
  it('is said with a locative or an address, not by any place the window names', () => {
    expect(hasDetail('place', '新建一批妇女微家，根据岱山区域产业和女性群体的特点，建设一批体现新区特色的服务新阵地', '东海渔嫂微家在岱山哪个地方')).toBe(false)
    expect(hasDetail('place', '新成立的4个“共享蓝天”俱乐部与图书室，为关爱留守流动儿童打造平台', '共享蓝天俱乐部在哪')).toBe(false)
    expect(hasDetail('place', '联席会议办公室设在区公安分局刑侦大队，承担日常工作', '联席会议办公室设在哪')).toBe(true)
    expect(hasDetail('place', '活动地点：社区三楼手工室', '编织角在哪')).toBe(true)
    // A blanked name names nothing; 景区域 is no scenic spot.
    expect(hasDetail('place', '徒步游：在规定风景区域内进行快速徒步游', '徒步游在哪走')).toBe(false)
  })
  it('"在哪天" asks when; "跟哪个村" asks which village by its name', () => {
    expect(askedDetails('要在哪天之前报上去')).not.toContain('place')
    expect(hasDetail('place', '太白社区妇联携手共建单位堍头村妇联开展打扫卫生', '太白社区跟哪个村的妇联一起搞卫生')).toBe(true)
  })
})

describe('a short counted set', () => {
  it('"两癌是哪两癌" asks the members of 两癌; a list it is only the next item of does not give them', () => {
    expect(askedSet('两癌是哪两癌')).toBe('两癌')
    const w = '常态化开展老妇干、贫困农村妇女、“两癌”贫困母亲等慰问228人次，发放慰问金52.75万元'
    expect(setListed('两癌是哪两癌', [w])).toBe(false)
    expect(setListed('“两癌”指的是哪两种癌', [w])).toBe(false)
    // A list that ends in the set still names its members.
    expect(setListed('街道妇联总结的「三个创新」是哪三个', ['坚持组织、载体、方法“三个创新”，实现了妇女工作和社区建设的良性互动'])).toBe(true)
  })
})

describe('where something is, and whether it is built', () => {
  it('a word ending in 局 or 部, a course of work or a starting point names no place', () => {
    const q = '苍南县妇女儿童活动中心在哪'
    expect(hasDetail('place', '一、固本强基,在幸福苍南建设中开创新格局', q)).toBe(false)
    expect(hasDetail('place', '又要在市联盟内部起好“传、帮、带”作用', '家政联盟在哪')).toBe(false)
    expect(hasDetail('place', '在推进妇女儿童发展的实事项目及加快县妇女儿童活动中心建设', q)).toBe(false)
    expect(hasDetail('place', '得到了县委、县政府和上级妇联的充分肯定', q)).toBe(false)
    expect(hasDetail('place', '通过在原有美丽驿站的基础上,突出建机制', '微家在哪')).toBe(false)
    // Positive controls: a place after a locative, an office after 设在.
    expect(hasDetail('place', '活动中心位于灵溪镇春晖路88号', q)).toBe(true)
    expect(hasDetail('place', '办公室设在区公安分局刑侦大队', '办公室设在哪')).toBe(true)
  })
  it('"建好了没有", "啥时候能建好" ask what came of a plan; only a report that it was built answers', () => {
    expect(askedDetails('活动中心建好了没有')).toContain('outcome')
    expect(askedDetails('啥时候能建好')).toContain('outcome')
    expect(askedDetails('什么时候能用上')).toContain('outcome')
    expect(hasDetail('outcome', '加快县妇女儿童活动中心建设', '活动中心建好了没有')).toBe(false)
    expect(hasDetail('outcome', '县妇女儿童活动中心已建成并投入使用', '活动中心建好了没有')).toBe(true)
  })
})

describe('what a name coined from counts means', () => {
  it('is asked without 具体 too, and only a window spelling it out answers', () => {
    expect(askedDefinition('双海双区到底是啥意思')).toBe('双海双区')
    expect(askedDefinition('“十百计划”是个啥计划?')).toBe('十百计划')
    expect(askedDefinition('巾帼“三化”护美的三化是指什么?')).toBe('三化')
    expect(askedDefinition('“双维双促”维权队伍是什么意思')).toBe('双维双促')
    expect(askedDefinition('1+2+2是啥意思啊')).toBe('1+2+2')
    // A plain name, a magnitude, a number: answered by the sentence using it, left alone.
    expect(askedDefinition('“身边有家”是什么意思？')).toBeUndefined()
    expect(askedDefinition('“百万家庭网上行”是个什么项目？')).toBeUndefined()
    expect(askedDefinition('群里有人发12338 这是啥号码啊')).toBeUndefined()
    expect(termDefined('“十百计划”是个啥计划?', ['继续深化"十百计划",制定完成家教工作计划'])).toBe(false)
    expect(termDefined('双海双区到底是啥意思', ['深入开展“关爱苍南女性新居民,共筑‘双海双区’幸福梦”活动'])).toBe(false)
    // Positive controls: a short noun, then its definition; the tail of a quoted name, spelled out.
    expect(termDefined('“1+2+2”楼栋式工作制是个啥意思', ['探索建立“1+2+2”楼栋式工作制(即建立1名妇联执委—联系2名妇女代表)'])).toBe(true)
    expect(termDefined('苍南开展的“拒绝三不”活动,“三不”指的是什么?', ['开展“拒绝三不”(不文明、不卫生、不健康)活动共计33次'])).toBe(true)
  })
})

describe('whether it costs anything', () => {
  it('"要交会费吗" asks whether, not how much; a budget beside the topic is no price', () => {
    expect(askedDetails('孩子想参加俱乐部,要交会费吗?')).toEqual(['fee'])
    expect(askedDetails('家政联盟怎么加盟,会费多少?')).toContain('cost')
    expect(hasDetail('fee', '区政府与各街道上下联手投入134.6万元的项目资金用于社区儿童活动场所的建设', '要交会费吗')).toBe(false)
    // Positive controls: a charge with its sum, a word that it is free.
    expect(hasDetail('fee', '每人收取报名费20元', '要交会费吗')).toBe(true)
    expect(hasDetail('fee', '对低保家庭学生提供免费午餐', '娃在学校吃午饭要交钱不')).toBe(true)
  })
})

describe('whether it brings an allowance named by its use', () => {
  it('"有没有经费补贴", "有没有误工补贴" ask for a benefit; a budget beside the topic is none', () => {
    expect(askedDetails('她工作室成立了有没有经费补贴?')).toContain('benefit')
    expect(askedDetails('妇联执委去开会有没有误工补贴')).toContain('benefit')
    expect(hasDetail('benefit', '逐年递增区妇儿工委业务经费,业务经费与"十五"初期相比递增6.14倍', '有没有经费补贴')).toBe(false)
    expect(hasDetail('benefit', '对新建工作室给予一次性补助2万元', '有没有经费补贴')).toBe(true)
  })
})

describe('whether she may put herself forward', () => {
  it('"自己能报名吗" is answered by how candidates come forward, not by the award\'s description', () => {
    expect(askedDetails('十佳家长是怎么评的 自己能报名吗')).toContain('self')
    expect(askedDetails('今年三八红旗手啥时候报 能不能自己报自己')).toContain('self')
    expect(askedDetails('三八红旗手申报要啥条件')).not.toContain('self')
    expect(hasDetail('self', '今年我们开展了“十佳家长”评选活动,其中位获区级“十佳家长”', '十佳家长自己能报名吗')).toBe(false)
    expect(hasDetail('self', '候选人采取个人自荐和单位推荐相结合的方式产生', '十佳家长自己能报名吗')).toBe(true)
  })
})

describe('whether a certificate or a card is needed', () => {
  it('"需要考什么证吗", "借书要办卡吗" are answered only where one is named', () => {
    expect(askedDetails('微家女主人需要考什么证吗')).toContain('license')
    expect(askedDetails('共享蓝天俱乐部借书要办卡吗')).toContain('license')
    expect(hasDetail('license', '妇女微家中女主人可以是一个妇女也可以是一个妇女团队', '微家女主人需要考什么证吗')).toBe(false)
    expect(hasDetail('license', '学员考核合格后颁发家政服务员职业资格证书', '家政培训需要考什么证吗')).toBe(true)
  })
})

describe('a procedure online', () => {
  it('is an online way to apply, not any mention of 网上', () => {
    const q = '妇女微家的微信群咋进啊'
    expect(hasDetail('procedure', '推进网上妇女微家建设,用qq群、微信群吸引凝聚更多的妇女群众', q)).toBe(false)
    expect(hasDetail('procedure', '可登录区妇联网站网上报名', '读书会怎么报名')).toBe(true)
  })
})

describe('round 22: terse group questions', () => {
  it('"区妇联在哪条街" asks a street address: 街道 (a subdistrict) or 思路 is none, 解放路12号 is', () => {
    const q = '区妇联在哪条街'
    expect(askedDetails(q)).toContain('place')
    expect(hasDetail('place', '推动区、街道(镇)合力加强妇联干部培训,确保街道(镇)、社区(村)妇联主席每人至少接受一次业务培训', q)).toBe(false)
    expect(hasDetail('place', '创新工作思路,区妇联机关干部下基层', '区妇联在哪条路上')).toBe(false)
    expect(hasDetail('place', '区妇联办公地点位于解放路12号', q)).toBe(true)
  })

  it('"家庭教育指导师怎么考" asks how to sit for a certificate: a window about family education says nothing of it', () => {
    const q = '家庭教育指导师怎么考'
    expect(askedDetails(q)).toContain('license')
    expect(askedDetails('考虑怎么考察干部')).not.toContain('license')
    expect(hasDetail('license', '我们面向社区和家庭完善家庭教育指导服务体系,推广经营家庭、培育家庭的意识', q)).toBe(false)
    expect(hasDetail('license', '经培训考试合格者颁发家庭教育指导师证书', q)).toBe(true)
  })

  it('"当志愿者有补贴不": an award handed out (颁发, 发放) is no allowance; a 补贴 named is', () => {
    const q = '当志愿者有补贴不'
    expect(askedDetails(q)).toContain('benefit')
    expect(hasDetail('benefit', '评出百名巾帼护美标兵,并颁发荣誉证书', q)).toBe(false)
    expect(hasDetail('benefit', '对参加服务满100小时的志愿者给予交通补贴', q)).toBe(true)
  })

  it('"要办营业执照不", "要不要办健康证": a licence asked for; only a window naming one answers', () => {
    expect(askedDetails('我想在抖音上直播卖自家的土鸡蛋,要办营业执照不?')).toContain('license')
    expect(askedDetails('在路边摆摊卖小吃要不要办健康证?')).toContain('license')
    expect(askedDetails('营业执照上的名字能改吗')).not.toContain('license')
    expect(hasDetail('license', '大力扶持女性电子商务、来料加工、家政服务、种养殖业', '要办营业执照不')).toBe(false)
    expect(hasDetail('license', '协助办理个体工商户营业执照', '要办营业执照不')).toBe(true)
  })

  it('"验收打分的标准是什么", "多少分算合格": how it is scored; a plan that it will be 考评 does not say', () => {
    const q = '妇女微家示范点验收打分的标准是什么?'
    expect(askedDetails(q)).toContain('score')
    expect(askedDetails('分几批建')).not.toContain('score')
    expect(hasDetail('score', '年底由区妇联组织考评验收,对达到标准的命名为示范妇女微家', q)).toBe(false)
    expect(hasDetail('score', '考评实行百分制,80分以上为合格', q)).toBe(true)
    expect(hasDetail('score', '每次活动时间不少于30分钟', q)).toBe(false)
  })

  it('"试用期被辞退有补偿没", "能要多少赔偿": compensation asked; only a window naming one answers', () => {
    for (const q of ['试用期被辞退有补偿没', '村里修路占了俺家的地 给补偿不', '怀孕了被公司辞退能要多少赔偿']) expect(askedDetails(q), q).toContain('benefit')
    expect(askedDetails('补偿性措施是什么意思')).not.toContain('benefit')
    expect(hasDetail('benefit', '维护女职工劳动权益,依法处理侵权案件', '试用期被辞退有补偿没')).toBe(false)
    expect(hasDetail('benefit', '协助争取征地补偿款', '给补偿不')).toBe(true)
  })

  it('"路费谁出", "谁负责赔", "能报车费不": who pays; a budget beside the topic does not say', () => {
    for (const q of ['跟劳务站去广东打工,路费谁出?', '微家搞活动有人摔倒了,谁负责赔?', '微家每年那个家宴会谁出钱 大家AA吗', '去广东打工妇联给报路费吗']) expect(askedDetails(q), q).toContain('payer')
    expect(askedDetails('谁出的主意')).not.toContain('payer')
    expect(askedDetails('报名费多少')).not.toContain('payer')
    // Who pays the interest, not how much it is (the sample folder's "借款人只需承担较低的利息" answers it).
    expect(askedDetails('创业贷款利息谁出')).toEqual(['payer'])
    expect(hasDetail('payer', '组织劳务输出,向外地输送女性劳动力800余人次', '路费谁出')).toBe(false)
    expect(hasDetail('payer', '往返路费由用工企业承担', '路费谁出')).toBe(true)
  })

  it('an age ("多大岁数能做", "有没有年龄限制", "60岁了还能报名吗") and a sanction ("会被撤掉吗") are answered only where the documents say them', () => {
    for (const q of ['两癌筛查多大岁数能做', '有没有年龄限制', '60岁了还能报名当巾帼志愿者吗']) expect(askedDetails(q), q).toContain('age')
    // "上岁数的" is being old, not an age asked.
    expect(askedDetails('妇联管不管我们这些上岁数的')).not.toContain('age')
    expect(hasDetail('age', '为35至64周岁农村妇女免费开展两癌筛查', '两癌筛查多大岁数能做')).toBe(true)
    expect(hasDetail('age', '为农村妇女免费开展两癌筛查', '两癌筛查多大岁数能做')).toBe(false)
    expect(askedDetails('执委年终考核不合格会被撤掉吗?')).toContain('sanction')
    expect(hasDetail('sanction', '建立执委履职考核制度,年终进行考核', '执委考核不合格会被撤掉吗')).toBe(false)
    expect(hasDetail('sanction', '考核不合格的执委予以撤换', '执委考核不合格会被撤掉吗')).toBe(true)
  })

  it('"补贴能拿多少", "每年能领多少" ask a sum: the word 补贴 or a percentage beside the topic is none', () => {
    expect(askedDetails('女性创业补贴能拿多少')).toContain('cost')
    expect(askedDetails('贷款贴息一年能贴多少')).toContain('cost')
    const q = '育儿补贴每年能领多少'
    expect(hasDetail('cost', '专任教师学历合格率已分别达到99.16%、99.95%', q)).toBe(false)
    expect(hasDetail('cost', '完善第二批创业女性贴息信息库并兑现第一批贴息', '女性创业补贴能拿多少')).toBe(false)
    expect(hasDetail('cost', '对新建工作室给予一次性补助2万元', q)).toBe(true)
    expect(hasDetail('cost', '为困难妇女免费妇科普查', '妇科普查要交多少钱')).toBe(true)
    // A rate asked is answered by a percentage.
    expect(hasDetail('cost', '贷款利率下浮10%', '贷款利息是多少')).toBe(true)
  })

  it('a claim with a sum or an age in it ("每个月有800块补贴，是真的吗", "要满18岁才能报名") is settled only by a sum or an age', () => {
    expect(askedDetails('听说微家管理员每个月有800块补贴，是真的吗？')).toContain('cost')
    expect(askedDetails('两癌救助一个人能拿一万块，是真的吗')).toContain('cost')
    expect(askedDetails('当巾帼志愿者是不是要满18岁才能报名？')).toContain('age')
    expect(askedDetails('两癌筛查只有三十五到六十四岁的才能做，对不对')).toContain('age')
    // Together, parts, a child's age: no claim.
    for (const q of ['妇联跟派出所会一块儿管吗', '好家风活动主要有哪三块内容', '零到三岁的有地方搞早教不']) expect(askedDetails(q), q).toEqual([])
    expect(hasDetail('cost', '妇女微家管理员由妇女代表、妇联执委（干部）、女性负责人、巾帼志愿者等担任', '听说微家管理员每个月有800块补贴，是真的吗')).toBe(false)
    expect(hasDetail('age', '对35-64岁农村妇女开展免费两癌筛查', '两癌筛查只有35到64岁的才能免费做，对不对')).toBe(true)
  })

  it('"要付讲课费吗" asks a fee, "保护令咋办" how to get it, "评上给啥" a prize, "牌子尺寸" a measure', () => {
    expect(askedDetails('请妇联来公司讲家庭教育课，要付讲课费吗')).toContain('fee')
    expect(askedDetails('法律援助是不是完全免费')).toContain('fee')
    expect(askedDetails('人身安全保护令咋办')).toContain('procedure')
    expect(askedDetails('孩子不听话咋办')).not.toContain('procedure')
    expect(askedDetails('好婆媳评上给啥')).toContain('benefit')
    expect(askedDetails('微家门口挂的牌子尺寸有统一规定吗？')).toContain('size')
    expect(hasDetail('size', '妇女微家管理员由妇女代表、妇联执委（干部）等担任，其中妇联执委需亮牌子、亮身份', '牌子尺寸有统一规定吗')).toBe(false)
    expect(hasDetail('size', '标牌统一规格为60cm×40cm', '牌子尺寸有统一规定吗')).toBe(true)
  })

  it('"明年的…啥时候办" asks when the next one is: a report of this year\'s date does not say', () => {
    const q = '明年的单身青年联谊活动啥时候办？'
    expect(askedDetails(q)).toContain('next')
    expect(hasDetail('next', '6月17日开展了手牵手联谊特色项目——单身青年联谊活动', q)).toBe(false)
    expect(askedDetails('明年县里打算给家长上几场教娃的课')).not.toContain('next')
  })

  it('claims and asks of a rumour-checking resident: a rhythm, a bound, 提前几天, 发证书, 个人直接申请', () => {
    expect(askedDetails('微家的轮值是不是一个月换一次人？')).toContain('span')
    expect(askedDetails('参加微家活动满一年就能评最美家庭，是这样吗？')).toContain('span')
    expect(askedDetails('婚姻家庭咨询师要提前几天预约？')).toContain('span')
    expect(askedDetails('前几天去妇联有人吗')).not.toContain('span')
    expect(askedDetails('女性双创培训是不是只收大专以上学历的？')).toContain('condition')
    expect(askedDetails('家政培训结业了会发证书吗？')).toContain('license')
    expect(askedDetails('春晖基金个人能不能直接申请？')).toContain('eligible')
    expect(askedDetails('调解书有法律效力吗')).toContain('law')
    expect(hasDetail('span', '各乡镇要因地制宜建立学习培训、工作交流、轮值管理、考评等工作机制', '微家的轮值是不是一个月换一次人')).toBe(false)
    expect(hasDetail('condition', '深化“创业创新巾帼行动”，依托创业就业示范基地组织开展形式多样的培训', '女性双创培训是不是只收大专以上学历的')).toBe(false)
  })

  it('the measure after 几 stays with the answer\'s count ("几次业务培训" beside "一次业务培训"); a time node is said of what it times', () => {
    const q = '我是社区妇联执委,一年起码得参加几次业务培训?'
    expect(beyondQuestion(q, '执委每人至少接受一次业务培训。')).toContain('一次')
    expect(hasDetail('count', '执委每人至少接受一次业务培训。', q)).toBe(true)
    expect(askedValues('乡镇街道妇联完成前期摸底和精细化建设的时间节点分别是什么时候?')).toEqual([{ head: '建设', details: ['date'] }])
  })

  it('a host\'s asks: 车费能报吗 and 责任算谁的 (who pays), 收点材料费 (a fee), 能换什么东西 and 课酬 (a benefit), 流程是怎样的', () => {
    expect(askedDetails('来回的车费能报吗？')).toContain('payer')
    expect(askedDetails('活动中有姐妹摔伤了，责任算谁的？')).toContain('payer')
    expect(askedDetails('能不能向参加的姐妹收点材料费？')).toContain('fee')
    expect(askedDetails('服务时长攒多了，能换什么东西吗？')).toContain('benefit')
    expect(askedDetails('志愿者讲师有没有课酬?')).toContain('benefit')
    expect(askedDetails('换人的流程是怎样的？')).toContain('procedure')
    expect(hasDetail('benefit', '成立了一支有专业特长、乐于奉献志愿者组成的“社区三尺讲堂”讲师团队伍', '志愿者讲师有没有课酬')).toBe(false)
  })

  it('papers: the form of what she asks about counts, another award\'s form does not', () => {
    const text = '2、凡推荐人员均需填写《十佳巾帼女职工推荐表》和事迹材料，纸质版推荐表需加盖公章'
    expect(hasDetail('materials', text, '十佳巾帼女职工推荐的时候要交哪些材料?')).toBe(true)
    expect(hasDetail('materials', text, '十佳家长评选咋报名?要交啥材料?')).toBe(false)
  })

  it('a parent\'s asks: 判给谁 (the law), 发不发结业证书 (a certificate), 明年还办不 (the next one)', () => {
    expect(askedDetails('离婚了孩子判给谁?妇联能帮着争抚养权不')).toContain('law')
    expect(askedDetails('家长学校上完课发不发结业证书?')).toContain('license')
    expect(askedDetails('少儿书画摄影展明年还办不?咋投稿')).toContain('next')
    expect(hasDetail('license', '开设父母学堂，推动“书香飘万家”亲子阅读', '家长学校上完课发不发结业证书')).toBe(false)
  })

  it('a woman in hardship\'s asks: 有没有…补助 / 抚恤金可以领 (a benefit), 能减免吗, 先帮忙垫付 (who pays), 会不会被取消', () => {
    expect(askedDetails('村里有没有每月固定的生活补助?')).toContain('benefit')
    expect(askedDetails('老公去世了,有没有抚恤金可以领?')).toContain('benefit')
    expect(askedDetails('公司要建母婴室，有没有补贴可以申请')).toContain('benefit')
    expect(askedDetails('孩子上幼儿园的保育费能减免吗?')).toContain('benefit')
    expect(askedDetails('住院交不起押金,妇联能不能先帮忙垫付?')).toContain('payer')
    expect(askedDetails('我丧偶后想再婚,原来的低保会不会被取消?')).toContain('sanction')
    expect(hasDetail('benefit', '深入实施困难“两癌”妇女救助行动，关爱单亲母亲行动', '村里有没有每月固定的生活补助')).toBe(false)
  })

  it('a share asked alone in its clause ("…兼着计生专干啊 比例多少") has no head; "贴息比例是多少" keeps 比例', () => {
    expect(askedValues('村妇代会主任是不是大多都兼着计生专干啊 比例多少')).toEqual([])
    expect(askedValues('妇联的小额贴息贷款,贴息比例是多少')).toEqual([{ head: '比例', details: ['count'] }])
  })

  it('a group message\'s asks: 是24小时的吗 / 晚上打得通不 (hours), 能不能带爷爷奶奶一起参加 (who may come), 补偿款怎么算', () => {
    expect(askedDetails('12338热线是24小时有人接的吗 晚上打得通不')).toContain('hours')
    expect(askedDetails('妇联组织亲子活动的时候能不能带爷爷奶奶一起参加')).toContain('eligible')
    expect(askedDetails('出嫁女能不能分村里的征地补偿款 具体怎么算')).toContain('benefit')
    expect(hasDetail('hours', '确保12338妇女维权热线正常运转，畅通信访渠道。', '12338热线是24小时有人接的吗')).toBe(false)
  })

  it('"几月几号办" asks a date in the year: "每年有一次" or 每周 is none', () => {
    const q = '家宴会一般定在几月几号办'
    expect(hasDetail('day', '原则要求每周有一次家接待，每月有一次家聚会，每年有一次家宴会', q)).toBe(false)
    expect(hasDetail('day', '家宴会定于12月28日举行', q)).toBe(true)
    expect(hasDetail('day', '将每星期一至星期五定为信访接待日', '哪天能去镇妇联反映')).toBe(true)
  })

  it('"他欠的债我要帮着还吗", "这种算不算家暴", "能起诉他吗" ask what the law says', () => {
    for (const q of ['老公赌钱欠的债我要帮着还吗', '老公不让老婆出去工作,这种算不算家暴?', '老公不给生活费 能起诉他吗']) expect(askedDetails(q), q).toContain('law')
    expect(askedDetails('借的书要还吗')).not.toContain('law')
    expect(hasDetail('law', '各级妇女组织要密切关注家庭暴力等热点问题', '这种算不算家暴')).toBe(false)
    expect(hasDetail('law', '《反家庭暴力法》规定,家庭暴力包括经常性谩骂、恐吓等精神侵害', '这种算不算家暴')).toBe(true)
  })
})
