import { describe, expect, it } from 'vitest'
import { fromWall } from '../core/tz.ts'
import { CORPUS_ACTIVITIES, CORPUS_TZ } from './corpus.ts'
import { normalize } from './text.ts'
import { whoseActivity } from './whose-activity.ts'

// 亲子阅读 (Saturday, 微家活动室), 插花课 (Sunday, 社区图书室, 材料费20元), and one whose title does not say what is done.
const acts = [...CORPUS_ACTIVITIES, { id: 3, title: '香包制作', startAt: fromWall(CORPUS_TZ, 2026, 12, 12, 14, 0), place: '微家活动室', notes: '一起做手工香包，端午送给长辈' }]
const whose = (text: string, open = acts) => whoseActivity(normalize(text), open, CORPUS_TZ)

// A detail asked of an activity: one of the group's, one the documents describe (踏春嘉年华), or said bare.
describe('whose activity a detail question is about', () => {
  it.each([
    '插花课几点开始',
    '活动2在哪',
    '看书那个几点开始', // described: 亲子阅读
    '周日那个要带啥', // by its day
    '做手工那个几点', // the kind she names is in 香包制作's notice
    '咱们这次活动名额一共多少人',
  ])('the group\'s: %s', (text) => {
    expect(whose(text)).toBe('group')
  })

  it.each([
    '踏春嘉年华几点开始',
    '那个踏春嘉年华的名额一共多少人',
    '庆三八长跑在哪集合',
    '风筝赛几个人一组',
    '“巾帼风采”展示要带啥',
    '廣場舞幾點跳', // in Traditional too
  ])('something else: %s', (text) => {
    expect(whose(text)).toBe('other')
  })

  it.each(['名额一共多少人', '几点开始', '在哪', '要带啥', '还有名额吗'])('named nothing: %s', (text) => {
    expect(whose(text)).toBeUndefined()
  })

  it('with nothing open, a gathering named is something else and a bare question still names nothing', () => {
    expect(whose('踏春嘉年华名额多少', [])).toBe('other')
    expect(whose('名额一共多少人', [])).toBeUndefined()
  })
})
