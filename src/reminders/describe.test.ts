import { describe, expect, it } from 'vitest'
import { matchByName, namedIn } from './describe.ts'

const items = ['家接待', '家聚会', '交表', '插花的事', '交表格复印件']
const match = (text: string) => matchByName(text, items, (n) => [n])

describe('naming a reminder without its number', () => {
  it('keeps only the name the host used', () => {
    expect(namedIn('把交表那个提醒删了')).toBe('交表')
    expect(namedIn('家接待的提醒先停一下')).toBe('家接待')
    expect(namedIn('插花那个提醒取消吧')).toBe('插花')
    expect(namedIn('把提醒删了')).toBe('')
  })

  it('finds the reminder whose whole name is said, the longest name winning', () => {
    expect(match('把交表那个提醒删了')).toEqual(['交表'])
    expect(match('家接待的提醒先停一下')).toEqual(['家接待'])
    expect(match('删除提醒 交表格复印件')).toEqual(['交表格复印件'])
  })

  it('else the ones whose name holds what was said; nothing for no name or a single character', () => {
    expect(match('插花那个提醒取消吧')).toEqual(['插花的事'])
    expect(match('表格那个提醒删掉')).toEqual(['交表格复印件'])
    expect(match('家的提醒删了')).toEqual([])
    expect(match('把提醒删了')).toEqual([])
    expect(match('把那个提醒删了')).toEqual([])
  })
})
