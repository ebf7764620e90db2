import { describe, expect, it } from 'vitest'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { normalize } from './text.ts'
import { understand } from './understand.ts'
import { asksWorkFigure } from './work-figure.ts'

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
