import { describe, expect, it } from 'vitest'
import { isOffDomain, offDomainTerms } from './off-domain.ts'

describe('everyday services a Women\'s Federation folder does not cover', () => {
  it('named alone or as the tail of a compound; the documents\' own topics are not among them', () => {
    expect(isOffDomain('燃气费')).toBe(true)
    expect(isOffDomain('流感疫苗')).toBe(true)
    expect(isOffDomain('交学费')).toBe(true)
    expect(isOffDomain('停车位')).toBe(true)
    for (const own of ['两癌筛查', '法律援助', '家庭暴力', '技能培训', '创业贷款', '妇女微家', '医院', '体检']) expect(isOffDomain(own)).toBe(false)
  })

  it('count only when the folder never writes them: a folder with a 医保 notice answers its questions', () => {
    const terms = ['医保', '报销', '妇女']
    expect(offDomainTerms(terms, () => false)).toEqual(['医保', '报销'])
    expect(offDomainTerms(terms, (t) => t === '医保' || t === '报销')).toEqual([])
  })
})
