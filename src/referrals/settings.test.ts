import { describe, expect, it } from 'vitest'
import { parseConfig } from '../config.ts'
import { resolveSettings } from './settings.ts'

describe('referral settings', () => {
  it('defaults: emergencies forwarded without consent, 180 days retention, 30 min / 24 h acknowledgement', () => {
    expect(resolveSettings(undefined)).toEqual({
      routes: {},
      emergencyWithoutConsent: true,
      retentionDays: 180,
      ackTimeoutMin: { 紧急: 30, 一般: 1440 },
      maxEscalations: 2,
      flowTtlMin: 30,
      ackAfterMs: 2500,
      replyDeadlineMs: 8000,
    })
  })

  it('reads the config block, with overrides on top, and names a bad field', () => {
    const s = resolveSettings({ routes: { 家庭暴力: ['小陈'] }, ackTimeoutMin: { 紧急: 10 } }, { retentionDays: 30 })
    expect(s).toMatchObject({ routes: { 家庭暴力: ['小陈'] }, ackTimeoutMin: { 紧急: 10, 一般: 1440 }, retentionDays: 30 })
    expect(() => resolveSettings({ routes: { 家暴: ['小陈'] } })).toThrow(/referrals\.routes/)
    expect(() => resolveSettings({ retentionDays: -1 })).toThrow(/referrals\.retentionDays/)
    expect(() => resolveSettings({ emergencyWithoutConset: false })).toThrow(/Unrecognized key/)
  })

  it('the config file accepts a referrals block (validated here, not in config.ts)', () => {
    const config = parseConfig({
      groups: [{ id: 'g', match: { topic: 't' }, name: 'n', type: '网格睦邻' }],
      referrals: { emergencyWithoutConsent: false },
    })
    expect(resolveSettings((config as unknown as { referrals: unknown }).referrals).emergencyWithoutConsent).toBe(false)
  })
})
