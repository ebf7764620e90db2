import { describe, expect, it } from 'vitest'
import { looselyIn, matchByName, namedIn } from './describe.ts'

const items = ['家接待', '家聚会', '交表', '插花的事', '交表格复印件']
const match = (text: string) => matchByName(text, items, (n) => [n])

describe('naming a reminder without its number', () => {
  it('keeps only the name the host used', () => {
    expect(namedIn('把交表那个提醒删了')).toBe('交表')
    expect(namedIn('家接待的提醒先停一下')).toBe('家接待')
    expect(namedIn('插花那个提醒取消吧')).toBe('插花')
    expect(namedIn('把提醒删了')).toBe('')
  })

  it('finds the reminder whose whole name is said, the longest name winning, with those whose name holds it', () => {
    expect(match('家接待的提醒先停一下')).toEqual(['家接待'])
    expect(match('删除提醒 交表格复印件')).toEqual(['交表格复印件'])
    // 「交表」 is said whole, and 「交表格复印件」 holds it: both fit, for the host to be asked which.
    expect(match('把交表那个提醒删了')).toEqual(['交表', '交表格复印件'])
    // The built-in 家接待 and her own 「家接待 有事可以来微家坐坐」 both fit 「家接待的提醒」; her whole label fits only hers.
    const rhythms = ['家接待', '家接待 有事可以来微家坐坐', '家聚会']
    expect(matchByName('家接待的提醒先停一下 这个月我不在', rhythms, (n) => [n])).toEqual(['家接待', '家接待 有事可以来微家坐坐'])
    expect(matchByName('暂停提醒 家接待 有事可以来微家坐坐', rhythms, (n) => [n])).toEqual(['家接待 有事可以来微家坐坐'])
    expect(matchByName('家聚会的提醒先停一下', rhythms, (n) => [n])).toEqual(['家聚会'])
  })

  it('leaves out what she says after the command: a reason or thanks is no part of the name', () => {
    const reminders = ['交表 医保那个表别忘了', '家接待', '家聚会', '下楼搬椅子']
    const named = (text: string) => matchByName(text, reminders, (n) => [n])
    for (const text of ['把交表那个提醒删了 已经收齐了', '把交表那个提醒删了已经收齐了', '交表那个提醒不要了 谢谢', '交表的提醒删了吧，不用了', '删除提醒 交表 已经收齐了', '取消交表那个提醒 大家都交了', '收齐了 把交表那个提醒删了'])
      expect(named(text), text).toEqual(['交表 医保那个表别忘了'])
    expect(namedIn('把交表那个提醒删了 已经收齐了')).toBe('交表')
    expect(namedIn('删除提醒 交表 已经收齐了')).toBe('交表')
    expect(namedIn('家接待的提醒先停一下 这个月我不在')).toBe('家接待')
    // A reason naming another reminder does not make it the one meant; a name that fits none stays unmatched.
    expect(named('家接待的提醒先停一下 家聚会照常')).toEqual(['家接待'])
    expect(named('把插花那个提醒删了 家聚会照常')).toEqual([])
    expect(namedIn('把插花那个提醒删了 不用了')).toBe('插花')
  })

  it('else the ones whose name holds what was said; nothing for no name or a single character', () => {
    expect(match('插花那个提醒取消吧')).toEqual(['插花的事'])
    expect(match('表格那个提醒删掉')).toEqual(['交表格复印件'])
    expect(match('家的提醒删了')).toEqual([])
    expect(match('把提醒删了')).toEqual([])
    expect(match('把那个提醒删了')).toEqual([])
  })

  it('last, the ones the name fits loosely: its characters in order, or half its two-character pieces', () => {
    const reminders = ['来家接待 有事可以来聊聊', '交困难家庭登记表', '家接待', '家聚会']
    const loose = (text: string) => matchByName(text, reminders, (n) => [n])
    for (const text of ['把交表那个提醒删了', '交表那个提醒删掉', '交表的提醒不要了', '取消交表那个提醒', '删除提醒 交表', '困难家庭表格那个提醒删了'])
      expect(loose(text), text).toEqual(['交困难家庭登记表'])
    // Control: a name that fits none stays unmatched, and a closer tier still wins.
    expect(loose('把插花那个提醒删了')).toEqual([])
    expect(loose('把表格那个提醒删了')).toEqual([])
    expect(loose('家聚会的提醒停一下')).toEqual(['家聚会'])
    // Two that fit loosely are both returned, for the host to be asked which.
    expect(matchByName('把交表那个提醒删了', ['交困难家庭登记表', '交低保年审表'], (n) => [n])).toEqual(['交困难家庭登记表', '交低保年审表'])
  })

  it('reads characters in order, not scattered or backwards', () => {
    expect(looselyIn('交表', '交困难家庭登记表')).toBe(true)
    expect(looselyIn('表交', '交困难家庭登记表')).toBe(false)
    expect(looselyIn('困难家庭表格', '交困难家庭登记表')).toBe(true)
    expect(looselyIn('低保表格', '交困难家庭登记表')).toBe(false)
  })
})
