import { describe, expect, it } from 'vitest'
import { normalizeForIndex } from './normalize.ts'
import { withoutPreparing } from './preamble.ts'

const read = (q: string) => withoutPreparing(normalizeForIndex(q))

describe('what she is preparing, said before she asks', () => {
  it('is left out when the rest names its own topic', () => {
    expect(read('我下周要给姐妹们讲讲微家，资料里妇女微家分哪几类？')).toBe(normalizeForIndex('资料里妇女微家分哪几类？'))
    expect(read('写总结要用，雨花区妇联机关干部一年下基层多少天')).toBe(normalizeForIndex('雨花区妇联机关干部一年下基层多少天'))
    expect(read('我在给县里整理对比材料,2013年苍南新建了多少个两新妇联组织?')).toBe(normalizeForIndex('2013年苍南新建了多少个两新妇联组织?'))
    expect(read('写总结要用:那个市一类、二类妇代会各多少个?')).toBe(normalizeForIndex('那个市一类、二类妇代会各多少个?'))
  })

  it('a closing clause of what she will do with the answer is left out too', () => {
    expect(read('踏春嘉年华那天都有哪些项目 我好准备准备')).toBe(normalizeForIndex('踏春嘉年华那天都有哪些项目'))
    // Not when it asks something itself, nor when the rest alone names no topic.
    for (const q of ['踏春嘉年华那天都有哪些项目 我好准备啥', '都有啥 我好准备准备']) expect(read(q), q).toBe(normalizeForIndex(q))
  })

  it('stays when it carries the topic, asks something itself, or is no preparation at all', () => {
    for (const q of ['我要给姐妹们讲讲两癌筛查，都查些啥', '我要写个总结是不是得找妇联，家长学校在哪', '我想参加活动，家聚会什么时候', '家聚会什么时候'])
      expect(read(q), q).toBe(normalizeForIndex(q))
  })
})

describe('whom she asks for, said before the question', () => {
  it('a relay clause is left out when the rest names its own topic', () => {
    expect(read('新选的执委问我:社区妇联主席一般是谁来兼?')).toBe(normalizeForIndex('社区妇联主席一般是谁来兼?'))
    expect(read('帮楼里的姐妹问下,微家能不能拉个微信群,把附近的姐妹都拢到一块?')).toBe(normalizeForIndex('微家能不能拉个微信群,把附近的姐妹都拢到一块?'))
    expect(read('社區有姐妹想知道,十佳巾幗女職工的事蹟材料要寫多少字?')).toBe(normalizeForIndex('十佳巾幗女職工的事蹟材料要寫多少字?'))
    expect(read('我替我婆婆问下 苍南巾帼创业贷款一年一共放出去多少钱')).toBe(normalizeForIndex('苍南巾帼创业贷款一年一共放出去多少钱'))
    expect(read('闺女们 俺问一下 这个妇女微家到底是干啥的')).toBe(normalizeForIndex('这个妇女微家到底是干啥的'))
  })

  it('so is her story told in the third person before "她问"', () => {
    expect(read('有个阿姨在自家开了个小茶室,想弄个妇女微家,她问微家管理员可以由哪些人来当?')).toBe(normalizeForIndex('微家管理员可以由哪些人来当?'))
  })

  it('stays when the rest leans on it', () => {
    // "要啥条件" alone names no topic: the story carries it.
    for (const q of ['有个大姐想在自家建妇女微家,她问要啥条件', '有个居民问,在哪报名', '问题是家聚会什么时候'])
      expect(read(q), q).toBe(normalizeForIndex(q))
  })
})
