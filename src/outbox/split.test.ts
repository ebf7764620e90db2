import { describe, expect, it } from 'vitest'
import { splitText } from './split.ts'

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('  你好。 ', 10)).toEqual(['你好。'])
    expect(splitText('   ', 10)).toEqual([])
  })
  it('splits at sentence ends under the limit', () => {
    const parts = splitText('第一句话。第二句话！第三句话？第四句。', 11)
    expect(parts).toEqual(['第一句话。第二句话！', '第三句话？第四句。'])
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(11)
  })
  it('hard-wraps a sentence longer than the limit without breaking characters', () => {
    const parts = splitText('😀'.repeat(25), 10)
    expect(parts.map((p) => [...p].length)).toEqual([10, 10, 5])
    expect(parts.join('')).toBe('😀'.repeat(25))
  })
  it('loses no text', () => {
    const text = '一、家接待每周三下午。\n二、家聚会每月一次；地点在活动室！欢迎大家参加？'.repeat(5)
    expect(splitText(text, 30).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
  })
})
