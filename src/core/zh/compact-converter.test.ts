import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { compactConverter } from './compact-converter.ts'

// The compact converter must give opencc-js's output exactly: replies in Traditional and the script-neutral test
// (core/her-script.ts) depend on it. Compared on every phrase and replacement of every dictionary s2tw uses,
// on those glued to one another (matches that overlap or cross), and on sentences residents write.
describe('compactConverter(s2tw)', () => {
  const compact = compactConverter('s2tw')
  const reference = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const config = (OpenCC.Locale as unknown as { configs: Record<string, { normalizationChain: string[][]; segmentation: string[]; conversionChain: string[][] }> }).configs.s2tw!
  const dicts = [...config.normalizationChain.flat(), ...config.segmentation, ...config.conversionChain.flat()]
  const words = [...new Set(dicts.flatMap((d) => d.split('|').flatMap((e) => e.split(' '))))]

  it('converts every dictionary phrase and replacement as opencc-js does', () => {
    const differ = words.filter((w) => compact(w) !== reference(w))
    expect(differ).toEqual([])
    expect(words.length).toBeGreaterThan(50_000)
  })

  it('converts phrases glued together as opencc-js does', () => {
    const glued = words.map((w, i) => w + words[(i * 7919) % words.length]! + words[(i * 104_729) % words.length]!)
    expect(glued.filter((s) => compact(s) !== reference(s))).toEqual([])
  })

  it.each([
    '@小助手 第12个问题',
    '关爱困难妇女，什么时候报名？',
    '孩子放学么人管',
    '乾隆年间的干涉与干燥',
    '边度可以搵到嗰个表格',
    '𠮷野家 ⿰木木 ⿱⿰口口口个问题 ⿰',
    '家聚会一般都做些什么？ 家接待几点开始 PN结 SQL注入攻击',
    '',
  ])('%s', (s) => expect(compact(s)).toBe(reference(s)))
})
