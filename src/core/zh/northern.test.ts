import { describe, expect, it } from 'vitest'
import { northernAsMandarin } from './northern.ts'

describe('northern question endings read as Mandarin', () => {
  it('弄啥嘞 is 干啥, a closing 嘞 is 呢', () => {
    expect(northernAsMandarin('这个妇女微家到底是弄啥嘞')).toBe('这个妇女微家到底是干啥')
    expect(northernAsMandarin('恁搁这弄啥嘞？')).toBe('恁搁这干啥？')
    expect(northernAsMandarin('微家在哪嘞')).toBe('微家在哪呢')
  })

  it('leaves 嘞 inside a word and 弄 before anything else alone', () => {
    for (const t of ['好嘞我知道了', '怎么弄个微家', '得嘞 收到']) expect(northernAsMandarin(t), t).toBe(t)
  })
})
