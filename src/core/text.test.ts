import { describe, expect, it } from 'vitest'
import { parseQuote, stripMention } from './text.ts'

describe('stripMention', () => {
  it.each([
    ['@小助手\u2005下次家聚会是什么时候？', '下次家聚会是什么时候？'],
    ['@小助手 报名', '报名'],
    ['请问 @小助手 活动在哪', '请问 活动在哪'],
    ['@小助手', ''],
    ['@李姐 @小助手 帮我看看', '@李姐 帮我看看'],
  ])('%s', (input, expected) => expect(stripMention(input, ['小助手'])).toBe(expected))

  it('handles regex characters in names and an empty alias', () => {
    expect(stripMention('@助手(1) 你好', ['助手(1)', ''])).toBe('你好')
  })
})

describe('parseQuote', () => {
  it('splits a WeChat quote reply', () => {
    const r = parseQuote('「李姐：周六下午亲子阅读，限20人」\n- - - - - - - - - - - - - - -\n报名')
    expect(r).toEqual({ text: '报名', quoted: { text: '周六下午亲子阅读，限20人', senderName: '李姐' } })
  })
  it('leaves ordinary text alone', () => {
    expect(parseQuote('「家聚会」是什么')).toEqual({ text: '「家聚会」是什么' })
  })
})

describe('the script of a question in written Cantonese', () => {
  it('is Simplified when only Cantonese characters OpenCC maps anyway differ', async () => {
    const { scriptOf } = await import('./zh/script.ts')
    expect(scriptOf('喺边度可以搵到法律援助？')).toBe('simplified')
    expect(scriptOf('喺邊度可以搵到法律援助？')).toBe('traditional')
  })

  it('a lone 么 is Simplified, not the Traditional form of 幺 (a tester got a Traditional quote for "孩子放学么人管")', async () => {
    const { scriptOf, toSimplified } = await import('./zh/script.ts')
    expect(scriptOf('孩子放学么人管 有啥办法没')).toBe('simplified')
    expect(toSimplified('有么 还有名額么')).toBe('有么 还有名额么')
    expect(scriptOf('孩子放學么人管')).toBe('traditional')
  })
})
