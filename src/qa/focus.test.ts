import { describe, expect, it } from 'vitest'
import { focusOf } from './focus.ts'
import { normalizeForIndex } from './normalize.ts'

const focus = (q: string) => focusOf(normalizeForIndex(q))

describe('the focus of a question: what it asks about its topic', () => {
  it('takes the action after a how-word', () => {
    expect(focus('社保卡怎么申请')).toEqual(['申请'])
    expect(focus('妇联执委怎么报名参选')).toEqual(['报名', '参选'])
  })

  it('takes the thing after which / what / how many, skipping counts and modifiers', () => {
    expect(focus('两癌筛查去哪个医院做')).toEqual(['医院'])
    expect(focus('公租房申请需要什么条件')).toEqual(['条件'])
    expect(focus('春蕾计划让多少名女童回到了学校')).toEqual(['女童'])
    // "什么固定的活动": 固定 only modifies 活动, which names the setting: nothing specific is asked.
    expect(focus('微家每年有什么固定的活动吗')).toEqual([])
  })

  it('takes the attribute before the asking word when nothing but a count follows it', () => {
    expect(focus('亲子活动怎么报名，名额多少')).toEqual(['报名', '名额'])
    expect(focus('镇上女性劳动力就业率达到多少')).toEqual(['就业率'])
    expect(focus('明天天气咋样')).toEqual(['天气'])
  })

  it('has no focus for a definition or a question about the setting only', () => {
    expect(focus('“身边有家”是什么意思？')).toEqual([])
    expect(focus('“老舅妈”工作站是做什么的')).toEqual([])
    expect(focus('端午社区有啥活动不')).toEqual([])
    // Answer kinds with a shape of their own (a phone number, an address…) are answer-type.ts's business.
    expect(focus('反拐联席会议办公室电话是多少')).toEqual([])
  })
})
