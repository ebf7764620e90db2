import { describe, expect, it } from 'vitest'
import { referralTexts as T, hotlineLine } from './texts.ts'

describe('emergency texts', () => {
  it('start with 110; 120 only for medical emergencies, before 12338; 12356 only for self-harm', () => {
    const plain = hotlineLine({ medical: false, selfHarm: false })
    expect(plain.startsWith('如有危险，请立即拨打110')).toBe(true)
    expect(plain).not.toContain('120')
    expect(plain).toContain('12338')
    const medical = hotlineLine({ medical: true, selfHarm: true })
    expect(medical.indexOf('110')).toBeLessThan(medical.indexOf('120'))
    expect(medical.indexOf('120')).toBeLessThan(medical.indexOf('12338'))
    expect(medical).toContain('12356')
    // A body in trouble and no one hurting anyone (a child's seizure): 120 first, then 110.
    const body = hotlineLine({ medical: true, selfHarm: false, category: '健康（两癌筛查等）' })
    expect(body.startsWith('需要急救请立即拨打120')).toBe(true)
    expect(body).toContain('110')
  })

  it('every emergency reply begins with the numbers; group texts carry nothing but fixed words', () => {
    const h = { medical: false, selfHarm: false }
    for (const t of [T.groupEmergency(h), T.emergencyForwarded(h), T.emergencyAskConsent(h), T.emergencyAgain(h)]) expect(t.startsWith('如有危险，请立即拨打110')).toBe(true)
    expect(T.groupEmergency(h)).toContain('已私信您')
  })
})
