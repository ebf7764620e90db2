import { describe, expect, it } from 'vitest'
import { bringIn, feeIn } from './notes.ts'
import { texts } from './texts.ts'
import type { Activity } from './store.ts'

describe('the fee a notice states', () => {
  it.each([
    ['不收费，带一本孩子喜欢的绘本', '不收费'],
    ['不收费 带一本孩子喜欢的绘本', '不收费'],
    ['材料费每人10元，自己带把剪刀', '材料费每人10元'],
    ['每人交10元茶水费', '每人交10元茶水费'],
    ['免费参加，名额有限', '免费参加'],
    ['大家AA', 'AA'],
  ])('%s → %s', (notes, fee) => expect(feeIn(notes)).toBe(fee))
  it('is none when the notes say nothing of money', () => {
    expect(feeIn('带一本孩子喜欢的绘本')).toBeUndefined()
    expect(feeIn('')).toBeUndefined()
  })
})

describe('what a notice asks to bring', () => {
  it.each([
    ['不收费，带一本孩子喜欢的绘本', '带一本孩子喜欢的绘本'],
    ['不收费，大家带一本孩子喜欢的绘本来', '带一本孩子喜欢的绘本'],
    ['材料费每人10元，自己带把剪刀', '自己带把剪刀'],
    ['自备水杯，穿运动鞋', '自备水杯，穿运动鞋'],
    ['请带上围裙', '带上围裙'],
  ])('%s → %s', (notes, bring) => expect(bringIn(notes)).toBe(bring))
  it('is not who comes nor how places count', () => {
    expect(bringIn('一个大人带一个孩子算一组')).toBeUndefined()
    expect(bringIn('可以带孩子来')).toBeUndefined()
    expect(bringIn('王老师带领大家做')).toBeUndefined()
    expect(bringIn('材料费每人10元')).toBeUndefined()
  })
})

describe('the answer to 要带啥 / 收钱吗', () => {
  const a = (notes: string) => ({ id: 1, title: '亲子绘本共读', notes, hostName: '李姐' }) as Activity
  it('says free as free, and what to bring as the notice says it', () => {
    const text = texts.feeAndBring(a('不收费，带一本孩子喜欢的绘本'), true)
    expect(text).toBe('活动1「亲子绘本共读」：不收费，带一本孩子喜欢的绘本。')
    expect(text).not.toMatch(/：收费|没写/u)
  })
  it('names what the notice leaves out (control)', () => {
    expect(texts.feeAndBring(a('材料费每人10元'), true)).toBe('活动1「亲子绘本共读」：材料费每人10元。通知里没写要带的东西，可以问问微家主人李姐。')
    expect(texts.feeAndBring(a('材料费每人10元，自己带把剪刀'), false)).toBe('活动1「亲子绘本共读」：自己带把剪刀。')
  })
  it('a fee asked alone is the fee clause, negation kept', () => {
    expect(texts.info(a('不收费，带一本孩子喜欢的绘本'), 'Asia/Shanghai', 'fee')).toBe('活动1「亲子绘本共读」：不收费。')
  })
})
