// The case record and its state machine: new → acknowledged → in_progress → closed, with an audit
// entry for every change. Pure: the store persists what this returns.
import type { Person } from '../core/message.ts'
import type { Status } from './categories.ts'
import type { HelpRequest } from './request.ts'

/** resident: she agreed; emergency-policy: danger, forwarded first; third-party: someone reported another person's need. */
export type ConsentBasis = 'resident' | 'emergency-policy' | 'third-party'

export interface AuditEntry {
  at: number
  /** Who did it: a staff name, "居民" or "系统". */
  by: string
  action: 'created' | 'notified' | 'acknowledged' | 'note' | 'transferred' | 'closed' | 'escalated' | 'supplemented' | 'withdrawn'
  /** Short metadata (names, step numbers). Never the resident's words: those live in description/notes. */
  detail?: string
}

export interface Note {
  at: number
  by: string
  text: string
}

export interface Case extends Omit<HelpRequest, 'description'> {
  id: string
  /** The message that started the request: makes creation idempotent. */
  origin: string
  resident: Person
  description: string
  consent: boolean
  /** Why it may be forwarded: the resident said yes, or the emergency policy. */
  consentBasis: ConsentBasis
  status: Status
  assignee?: Person
  /** Staff alerted when the case was created (and re-alerted on escalation). */
  notified: Person[]
  escalations: number
  createdAt: number
  updatedAt: number
  acknowledgedAt?: number
  closedAt?: number
  result?: string
  notes: Note[]
  audit: AuditEntry[]
}

/** The result recorded when the resident takes her request back. */
export const WITHDRAWN_RESULT = '居民撤回求助'

export type CaseEvent =
  | { type: 'notify'; staff: Person[] }
  | { type: 'acknowledge'; by: Person }
  | { type: 'note'; by: Person; text: string }
  | { type: 'transfer'; by: Person; to: Person }
  | { type: 'close'; by: Person; result: string }
  | { type: 'escalate'; step: number; to: string[] }
  | { type: 'supplement'; text: string }
  /** The resident takes her request back: closed at once, staff told. */
  | { type: 'withdraw' }

export type TransitionCode = 'closed' | 'taken' | 'already-yours' | 'ack-first' | 'not-new'

export class TransitionError extends Error {
  constructor(
    readonly code: TransitionCode,
    /** For "taken": who holds it. */
    readonly holder?: string,
  ) {
    super(`transition refused: ${code}`)
    this.name = 'TransitionError'
  }
}

const samePerson = (a: Person | undefined, b: Person) => !!a && a.id === b.id

export function applyEvent(c: Case, e: CaseEvent, now: number): Case {
  // A case she withdrew that staff then close with what they did (they may have been helping her when the withdrawal
  // came): their result is recorded and she hears it was handled, as after any closing.
  const reclose = e.type === 'close' && c.status === 'closed' && c.result === WITHDRAWN_RESULT
  if (c.status === 'closed' && e.type !== 'notify' && !reclose) throw new TransitionError('closed')
  const next: Case = { ...c, updatedAt: now, notes: [...c.notes], audit: [...c.audit] }
  switch (e.type) {
    case 'notify':
      next.notified = e.staff
      next.audit.push({ at: now, by: '系统', action: 'notified', detail: e.staff.map((p) => p.name).join('、') })
      return next
    case 'acknowledge':
      if (c.status !== 'new') throw samePerson(c.assignee, e.by) ? new TransitionError('already-yours') : new TransitionError('taken', c.assignee?.name)
      next.status = 'acknowledged'
      next.assignee = e.by
      next.acknowledgedAt = now
      next.audit.push({ at: now, by: e.by.name, action: 'acknowledged' })
      return next
    case 'note':
      if (c.status === 'new') throw new TransitionError('ack-first')
      next.status = 'in_progress'
      next.notes.push({ at: now, by: e.by.name, text: e.text })
      next.audit.push({ at: now, by: e.by.name, action: 'note' })
      return next
    case 'transfer':
      // A new case stays new (the new holder still has to acknowledge it); one in hand stays in hand.
      next.assignee = e.to
      next.audit.push({ at: now, by: e.by.name, action: 'transferred', detail: `${c.assignee?.name ?? '（未接单）'} → ${e.to.name}` })
      return next
    case 'close':
      next.status = 'closed'
      next.closedAt = now
      next.result = e.result
      next.assignee ??= e.by
      next.audit.push({ at: now, by: e.by.name, action: 'closed' })
      return next
    case 'escalate':
      if (c.status !== 'new') throw new TransitionError('not-new')
      next.escalations = Math.max(c.escalations, e.step)
      next.audit.push({ at: now, by: '系统', action: 'escalated', detail: `第${e.step}次：${e.to.join('、')}` })
      return next
    case 'withdraw':
      next.status = 'closed'
      next.closedAt = now
      next.result = WITHDRAWN_RESULT
      next.audit.push({ at: now, by: '居民', action: 'withdrawn' })
      return next
    case 'supplement':
      next.notes.push({ at: now, by: '居民', text: e.text })
      next.audit.push({ at: now, by: '居民', action: 'supplemented' })
      return next
  }
}
