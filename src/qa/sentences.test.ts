import { describe, expect, it } from 'vitest'
import { bracketDepth, cutsAt, splitSentences } from './sentences.ts'

describe('sentences and cuts outside brackets and quotes', () => {
  it('a stop inside a bracket or a quote ends no sentence', () => {
    const text = '按照“5+6+X”(“5”即“五亮”：亮牌子标识、亮活动内容；“6”即“六进家”：维权维稳进“家”）的模式开展示范创建。通过开展活动，促进创新。'
    expect(splitSentences(text)).toEqual(['按照“5+6+X”(“5”即“五亮”：亮牌子标识、亮活动内容；“6”即“六进家”：维权维稳进“家”）的模式开展示范创建。', '通过开展活动，促进创新。'])
    expect(splitSentences('他说“好。”然后走了。下一句。')).toEqual(['他说“好。”然后走了。', '下一句。'])
  })

  it('a mark without its partner on the line counts for nothing, and a line end is always a sentence end', () => {
    expect(splitSentences('（未闭合；后面的话。\n第二行。')).toEqual(['（未闭合；', '后面的话。', '第二行。'])
    expect(splitSentences('一行（到行尾才\n闭合）。')).toEqual(['一行（到行尾才', '闭合）。'])
  })

  it('cuts only where every pair before them is closed', () => {
    const text = '甲，乙（丙，丁）戊，己'
    expect(cutsAt(text, /[，]/u).map((p) => text.slice(0, p))).toEqual(['甲，', '甲，乙（丙，丁）戊，'])
    // A cut just before the closing mark would leave it open.
    expect(bracketDepth('（丙）')).toEqual([0, 1, 1, 0])
  })
})
