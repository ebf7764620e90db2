import { describe, expect, it } from 'vitest'
import { asksOwnHost, asksOwnPlace, groupFactTexts } from './group-facts.ts'

describe('this group\'s place and people', () => {
  it('"微家在哪儿啊", "我們微家在哪裡" ask where this group\'s 微家 is; another 微家 or 微家 in general do not', () => {
    for (const q of ['微家在哪儿啊 俺不认路', '我們微家在哪裡', '咱们微家地址是啥', '请问微家怎么走']) expect(asksOwnPlace(q)).toBe(true)
    for (const q of ['东海渔嫂微家在岱山哪个地方', '微家一般都开在啥地方 写字楼能开不', '妇女微家可以建在哪些地方', '家长学校在哪', '俺们这微家是谁管事的', '微家在哪报名', '咱们微家的讲座在哪上'])
      expect(asksOwnPlace(q)).toBe(false)
  })

  it('"俺们这微家是谁管事的" asks who runs this one; who may run a 微家 in general is the documents\' question', () => {
    for (const q of ['俺们这微家是谁管事的', '我们微家的主人是谁', '咱微家谁负责啊']) expect(asksOwnHost(q)).toBe(true)
    for (const q of ['微家平时谁来管事?一般找什么人当管理员啊', '俺们村要弄个妇女微家 谁来当家管事啊', '妇联主席是谁'])
      expect(asksOwnHost(q)).toBe(false)
  })

  it('twenty-first round, a tester: asked with nothing named ("谁管事的", "俺腿脚不好 在哪儿啊 远不远"), it is this 微家', () => {
    for (const q of ['谁管事的', '谁负责啊']) expect(asksOwnHost(q), q).toBe(true)
    for (const q of ['这事谁负责', '孩子放学谁管']) expect(asksOwnHost(q), q).toBe(false)
    for (const q of ['俺腿脚不好 在哪儿啊 远不远', '在哪儿啊 远不远', '在哪 怎么走']) expect(asksOwnPlace(q), q).toBe(true)
    // Something else named, or no sign she means to go there.
    for (const q of ['公园在哪儿 远不远', '讲座在哪 远不远', '我家在哪 远不远', '在哪儿啊']) expect(asksOwnPlace(q), q).toBe(false)
  })

  it('names the hosts and staff by name, never by a WeChat id', () => {
    expect(groupFactTexts.hosts(['李姐'], ['小王'])).toMatch(/^咱们微家的主人是李姐，对接的工作人员是小王。/u)
    const ids = groupFactTexts.hosts(['wxid_abc123'], ['wxid_def456'])
    expect(ids).not.toMatch(/wxid/u)
    expect(ids).toMatch(/^咱们微家有微家主人。/u)
  })
})
