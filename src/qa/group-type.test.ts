import { describe, expect, it } from 'vitest'
import { asksKind, asksOwnGroupType, typeSentence } from './group-type.ts'
import { definitionAsked } from './define.ts'

describe('asksOwnGroupType', () => {
  it('reads a question about this group\'s own type, in either script and in Cantonese', () => {
    for (const text of [
      '我们这个微家算哪种',
      '我們這個算哪種微家',
      '咱们是啥类型的微家',
      '咱们微家属于什么类型',
      '我们是哪一类微家',
      '咱这是哪种类型的微家啊',
      '我们微家是什么型的',
      '本微家的类型是啥',
      '我们是网格睦邻型的吗',
      '咱们是不是平安守望型',
      '我哋係邊種微家',
    ])
      expect(asksOwnGroupType(text), text).toBe(true)
  })

  it('leaves types in general, other kinds and other questions about the group alone', () => {
    for (const text of [
      '妇女微家分几种',
      '微家有哪几种类型',
      '网格睦邻型微家是干啥的',
      '咱们微家平时都搞些啥活动',
      '咱们微家有哪些类型的活动',
      '我们这种情况算哪种补助',
      '咱们微家属于哪个社区',
      '我们这个群有几个人',
      '我家孩子算哪种情况',
    ])
      expect(asksOwnGroupType(text), text).toBe(false)
  })
})

describe('asksOwnGroupType in a follow-up', () => {
  it('the 微家 left unsaid ("那我们这个算哪种" after "妇女微家分几种啊"), whatever word opens it', () => {
    for (const text of ['我们这个算哪种', '那我们这个算哪种', '那么我们这个算哪种呢', '所以咱们算哪一类', '咱们属于哪一类', '我们算啥类型', '咁我哋呢個算邊種', '噉我哋算邊種'])
      expect(asksOwnGroupType(text), text).toBe(true)
    // Opening words before a question that names the 微家 change nothing either.
    for (const text of ['那我们这个微家算哪种', '所以咱们是啥类型的微家', '咁我哋呢個微家算邊種', '噉我哋係咩類型嘅微家']) expect(asksOwnGroupType(text), text).toBe(true)
  })

  it('controls: with the 微家 unsaid, the message must ask nothing else', () => {
    for (const text of ['那我们这个算哪种补助', '我们这种情况算哪种', '那我们这个活动算哪种', '那这个算哪种', '那我这个算哪种', '我们这个算哪种 要交钱吗'])
      expect(asksOwnGroupType(text), text).toBe(false)
  })
})

describe('typeSentence', () => {
  const SOURCE = '来源：《妇女微家服务指南》· 三、微家的类型'

  it('quotes the line that names the type, without its list number, ended as a sentence, with the source line', () => {
    const answer = `1. 学习引领型：组织读书会、理论宣讲、家风家教学习等；\n2. 网格睦邻型：依托网格和楼道，开展邻里互助、矛盾调解、走访关爱；\n${SOURCE}`
    expect(typeSentence(answer, '网格睦邻')).toEqual({ sentence: '网格睦邻型：依托网格和楼道，开展邻里互助、矛盾调解、走访关爱。', source: SOURCE })
    expect(typeSentence(answer, '学习引领')?.sentence).toBe('学习引领型：组织读书会、理论宣讲、家风家教学习等。')
    // A long sentence is cut around the clause that names the type, not at its start.
    const long = `将“妇女微家”作为“妇女之家”的辐射和补充，进一步推进“妇女之家”向新领域新业态新阶层新群体等“四新”领域延伸，加强分类指导，示范建设，通过“提升一批、整合一批、新建一批”的总体建设思路，培育“五型妇女微家”（学习引领微家、网格睦邻微家、平安守望微家、公益服务微家、创业指导微家）。\n${SOURCE}`
    expect(typeSentence(long, '网格睦邻')?.sentence).toContain('网格睦邻')
  })

  it('nothing when no sentence names the type (a passage about 微家 in general), or there is no source line', () => {
    expect(typeSentence(`妇女微家是各级妇联组织在妇女身边设立的小型服务阵地。\n来源：《妇女微家服务指南》· 一、什么是妇女微家`, '公益服务')).toBeUndefined()
    expect(typeSentence('网格睦邻型：依托网格和楼道。', '网格睦邻')).toBeUndefined()
  })

  it('a long sentence is cut to a short quote', () => {
    const long = `网格睦邻型微家${'开展邻里互助、矛盾调解、走访关爱，'.repeat(8)}服务居民。\n${SOURCE}`
    expect(typeSentence(long, '网格睦邻')!.sentence.length).toBeLessThanOrEqual(81)
  })
})

describe('a message asking the type and something else', () => {
  it('tells the part asking the kind from the other question', () => {
    expect(asksKind('我們這個算哪種')).toBe(true)
    expect(asksKind('咱们这个算哪种微家')).toBe(true)
    expect(asksKind('我哋呢個微家係做咩㗎？')).toBe(false)
    expect(asksKind('我刚进群 这个微家到底是干啥的呀？')).toBe(false)
    // What the other question asks is read on its asking clause.
    expect(definitionAsked('我刚进群 这个微家到底是干啥的呀？')).toBe('微家')
    expect(definitionAsked('这个妇女微家到底是个啥东西啊')).toBe('妇女微家')
    expect(definitionAsked('我们这个微家是做什么吗')).toBe('微家')
    // The asking clause first, her reason after it (a tester).
    expect(definitionAsked('妇女微家到底是干啥的呀，我刚进群不太懂')).toBe('妇女微家')
    expect(definitionAsked('我刚进群，不太懂')).toBeUndefined()
  })
})
