import { describe, expect, it } from 'vitest'
import { exactOf, exactTerms } from './rerank.ts'

describe('quoted terms and numbers, matched literally', () => {
  it('a number is found as a whole number, with its 万 / 亿 / %', () => {
    expect(exactTerms('女职工退休年龄是50还是55啊')).toEqual(['50', '55'])
    // A scheme named by its numbers is one exact term, quoted or not.
    expect(exactTerms('1+2+2是啥意思')).toEqual(['1+2+2'])
    expect(exactTerms('“5+6+x”里的“5”是哪五亮')).toContain('5+6+x')
    // "50万" and "505人" do not say 50.
    expect(exactOf(['50'], '注资50万作为启动资金，受益人数505人')).toBe(0)
    expect(exactOf(['50', '55'], '女职工年满50周岁退休')).toBe(0.5)
    expect(exactTerms('户籍人口88.94万的那个区')).toEqual(['88.94万'])
    expect(exactOf(['88.94万'], '全区户籍人口88.94万，常住人口…')).toBe(1)
  })
  it('a number asked with its unit stands with that unit (or its other name)', () => {
    expect(exactTerms('娃发烧39度了要不要去医院')).toEqual(['39度'])
    expect(exactOf(['39度'], '县级文明家庭39户、县级学习型家庭30户')).toBe(0)
    expect(exactOf(['3600块'], '每孩每年发放补贴3600元')).toBe(1)
    expect(exactOf(['50岁'], '女职工年满50周岁退休')).toBe(1)
    // A scheme is still matched as written.
    expect(exactOf(['1+2+2'], '推行“1+2+2”楼栋式工作制')).toBe(1)
  })
  it('a quoted term as written', () => {
    expect(exactTerms('“五有”示范微家是哪五有')).toContain('五有')
    expect(exactOf(['五有'], '示范微家要做到“五有”：有阵地、有主人')).toBe(1)
  })
})
