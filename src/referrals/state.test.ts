import { describe, expect, it } from 'vitest'
import { applyEvent, type Case, TransitionError, WITHDRAWN_RESULT } from './state.ts'

const wang = { id: 'w', name: '小王' }
const chen = { id: 'c', name: '小陈' }

const base: Case = {
  id: 'R-20261122-0001',
  origin: 'm1',
  groupId: 'xingfuli',
  category: '家庭暴力',
  urgency: '紧急',
  medical: false,
  resident: { id: 'r', name: '王芳' },
  description: '…',
  consent: false,
  consentBasis: 'emergency-policy',
  source: 'group',
  status: 'new',
  notified: [wang, chen],
  escalations: 0,
  createdAt: 1000,
  updatedAt: 1000,
  notes: [],
  audit: [],
}

const code = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    return err instanceof TransitionError ? err.code : 'other'
  }
  return 'none'
}

describe('case state machine', () => {
  it('new → acknowledged → in_progress → closed, recording who and when', () => {
    const a = applyEvent(base, { type: 'acknowledge', by: wang }, 2000)
    expect(a).toMatchObject({ status: 'acknowledged', assignee: wang, acknowledgedAt: 2000, updatedAt: 2000 })
    const n = applyEvent(a, { type: 'note', by: wang, text: '已联系' }, 3000)
    expect(n.status).toBe('in_progress')
    expect(n.notes).toEqual([{ at: 3000, by: '小王', text: '已联系' }])
    const c = applyEvent(n, { type: 'close', by: wang, result: '已解决' }, 4000)
    expect(c).toMatchObject({ status: 'closed', closedAt: 4000, result: '已解决' })
    expect(c.audit.map((e) => [e.action, e.by, e.at])).toEqual([
      ['acknowledged', '小王', 2000],
      ['note', '小王', 3000],
      ['closed', '小王', 4000],
    ])
    // The input is never mutated.
    expect(base.audit).toEqual([])
    expect(a.notes).toEqual([])
  })

  it('refuses what makes no sense, saying why', () => {
    const a = applyEvent(base, { type: 'acknowledge', by: wang }, 2000)
    expect(code(() => applyEvent(a, { type: 'acknowledge', by: wang }, 1))).toBe('already-yours')
    expect(code(() => applyEvent(a, { type: 'acknowledge', by: chen }, 1))).toBe('taken')
    expect(code(() => applyEvent(base, { type: 'note', by: wang, text: 'x' }, 1))).toBe('ack-first')
    expect(code(() => applyEvent(a, { type: 'escalate', step: 1, to: [] }, 1))).toBe('not-new')
    const closed = applyEvent(base, { type: 'close', by: wang, result: '重复求助' }, 3000)
    for (const e of [
      { type: 'acknowledge', by: wang },
      { type: 'note', by: wang, text: 'x' },
      { type: 'transfer', by: wang, to: chen },
      { type: 'close', by: wang, result: 'x' },
      { type: 'supplement', text: 'x' },
    ] as const) {
      expect(code(() => applyEvent(closed, e, 5000))).toBe('closed')
    }
  })

  it('a case she withdrew may still be closed by staff with their result (she then hears it was handled); a closed one may not', () => {
    const a = applyEvent(base, { type: 'acknowledge', by: wang }, 2000)
    const w = applyEvent(a, { type: 'withdraw' }, 3000)
    expect(w).toMatchObject({ status: 'closed', result: WITHDRAWN_RESULT })
    const c = applyEvent(w, { type: 'close', by: wang, result: '已面谈 转介调解' }, 4000)
    expect(c).toMatchObject({ status: 'closed', closedAt: 4000, result: '已面谈 转介调解', assignee: wang })
    expect(c.audit.map((e) => e.action)).toEqual(['acknowledged', 'withdrawn', 'closed'])
    // Control: closed by staff once, it is closed.
    expect(code(() => applyEvent(c, { type: 'close', by: wang, result: 'x' }, 5000))).toBe('closed')
    // Nothing else reopens a withdrawn case.
    expect(code(() => applyEvent(w, { type: 'note', by: wang, text: 'x' }, 5000))).toBe('closed')
  })

  it('a transfer changes the holder but not the status; escalation counts steps', () => {
    const t = applyEvent(base, { type: 'transfer', by: wang, to: chen }, 2000)
    expect(t).toMatchObject({ status: 'new', assignee: chen })
    expect(t.audit.at(-1)).toMatchObject({ action: 'transferred', detail: '（未接单） → 小陈' })
    const e = applyEvent(t, { type: 'escalate', step: 2, to: ['小陈', '老赵'] }, 3000)
    expect(e.escalations).toBe(2)
    expect(e.audit.at(-1)).toMatchObject({ action: 'escalated', by: '系统', detail: '第2次：小陈、老赵' })
  })

  it("keeps the resident's additions as notes and leaves them out of the audit details", () => {
    const s = applyEvent(base, { type: 'supplement', text: '只发微信' }, 2000)
    expect(s.notes).toEqual([{ at: 2000, by: '居民', text: '只发微信' }])
    expect(JSON.stringify(s.audit)).not.toContain('只发微信')
  })
})
