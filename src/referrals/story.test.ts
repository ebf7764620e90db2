import { describe, expect, it } from 'vitest'
import { cautionSaid, categoryOfStory, retold, revealsSelf, splitReach, tellsReach } from './story.ts'

describe('her story told with the way to reach her', () => {
  it('the story goes to 情况, only the number, the time and the channel to 联系方式', () => {
    expect(splitReach('我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间 我电话13912345678 下午可以打')).toEqual({
      reach: '我电话13912345678 下午可以打',
      story: '我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间',
    })
    expect(splitReach('微信吧 他老打我')).toEqual({ reach: '微信吧', story: '他老打我' })
    // Only the story, no way to reach her: nothing left for 联系方式.
    expect(splitReach('他昨天又推我 还把我手机摔了 不让我回娘家')).toEqual({ reach: '', story: '他昨天又推我 还把我手机摔了 不让我回娘家' })
  })

  it('a plain answer, a caution or an address stays whole in 联系方式', () => {
    for (const t of ['电话，晚上八点以后', '2 他白天上班', '13912345678', '打电话不方便 他在家 发微信文字就行', '不敢打电话 他会听见', '当面聊吧 我在幸福里3号楼', '1']) {
      expect(splitReach(t)).toEqual({ reach: t })
    }
  })

  it('the category is read from what the story tells, by the understanding and the rules', () => {
    expect(categoryOfStory('我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间')).toBe('家庭暴力')
    expect(categoryOfStory('你好 我想找人帮忙 家里的事 不好在群里说\n我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间')).toBe('家庭暴力')
    expect(categoryOfStory('电话，晚上八点以后')).toBeUndefined()
  })

  it('a vague first line gives way to the story; violence wins whatever the first words were filed under', () => {
    expect(retold('其他', '家庭暴力')).toBe('家庭暴力')
    expect(retold('心理支持', '婚姻家庭纠纷')).toBe('婚姻家庭纠纷')
    expect(retold('就业创业', '家庭暴力')).toBe('家庭暴力')
    expect(retold('就业创业', '困难帮扶')).toBe('就业创业')
    expect(retold('其他', undefined)).toBe('其他')
  })
})

describe('what she says about the report or about reaching her', () => {
  it('"其实就是我自己", "那个朋友就是我", "说的就是我": the report was about her', () => {
    for (const t of ['其实就是我自己', '其实是我 不好意思说', '那个朋友就是我', '说的就是我本人', '是我自己', '不瞒你说就是我']) expect(revealsSelf(t), t).toBe(true)
    // Positive control beside near misses: "我们家", "是我自己去的派出所", "我问的是我朋友".
    for (const t of ['其实是我们家的事', '是我自己去的派出所', '她就是我邻居', '我问的是我朋友']) expect(revealsSelf(t), t).toBe(false)
  })

  it('"别让群里知道", "千万别告诉我老公": a caution said; "你们会告诉他吗" is asked, not said', () => {
    for (const t of ['别让群里知道', '千万别让我婆婆知道', '不要告诉我老公', '别在群里说', '帮我保密']) expect(cautionSaid(t), t).toBe(true)
    for (const t of ['你们会告诉他吗', '微信就行', '群里的活动我知道了']) expect(cautionSaid(t), t).toBe(false)
    expect(tellsReach('微信就行 晚上别打电话')).toBe(true)
    expect(tellsReach('别让群里知道')).toBe(false)
  })
})
