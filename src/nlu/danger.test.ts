import { describe, expect, it } from 'vitest'
import { toSimplified } from '../core/zh/script.ts'
import { readDanger } from './danger.ts'

// Indirect emergencies from the second blind batch (test/fixtures/nlu/utterances-c.jsonl), missed when that
// batch was first measured (emergency recall 87.5%) and read by meaning since. Controls: the same shapes
// without the danger.
describe('indirect emergencies', () => {
  it.each([
    ['周六的亲子阅读帮我取消吧，反正我也用不上了，药已经吃下去了', 'suicide'],
    ['我撑不下去了，刀就在手边', 'suicide'],
    ['谢谢微家的姐妹们，这辈子认识你们很开心，以后别找我了', 'suicide'],
    ['心跳得特別快，眼前發黑，我是不是要死了，一個人在家', 'medical'],
    ['嘴巴歪了，一边手抬不起来，家里没人，怎么办', 'medical'],
  ])('%s → %s', (text, danger) => {
    expect(readDanger(toSimplified(text))?.danger).toBe(danger)
  })

  it.each([
    '感冒药已经吃下去了，睡一觉应该就好',
    '剪刀就在手边，谁要借的来拿',
    '这周我有事，以后活动别找我了，烦死了',
    '心跳得特别快，刚跑完八百米',
    '嘴巴有点干，一边手提着菜一边手抱娃',
  ])('not an emergency: %s', (text) => {
    expect(readDanger(toSimplified(text))).toBeUndefined()
  })
})
