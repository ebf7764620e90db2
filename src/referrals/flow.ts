// The private conversation that asks for consent, a contact preference and a short description.
// One small state per person in Redis with a TTL: it survives restarts and disappears by itself.
import type { Redis } from '../core/storage.ts'
import type { HelpRequest } from './request.ts'

export interface Flow extends HelpRequest {
  /** emergency-followup: after the contact answer, what she adds for a while (an address, where she is) goes to staff too. */
  /** report-followup: after someone reported another person's trouble, what she adds goes to the same report. */
  step: 'consent' | 'contact' | 'describe' | 'emergency-contact' | 'emergency-followup' | 'report-followup'
  /** Id of the message that started the request (the referral job id derives from it). */
  origin: string
  /** The unanswered question that a 转人工 carried over. */
  question?: string
  /** Answers that were neither yes nor no. */
  tries: number
  /** In an emergency she said she cannot phone or speak: every later reply points to SMS 12110, never "call 110" alone. */
  silent?: boolean
  /** She chose a phone call without a number and was asked for one. */
  askedNumber?: boolean
}

export class FlowStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (personId: string) => string,
    private readonly ttlSec: number,
  ) {}

  async get(personId: string): Promise<Flow | undefined> {
    const raw = await this.redis.get(this.keyOf(personId))
    return raw ? (JSON.parse(raw) as Flow) : undefined
  }

  async set(personId: string, flow: Flow): Promise<void> {
    await this.redis.set(this.keyOf(personId), JSON.stringify(flow), 'EX', Math.max(1, Math.round(this.ttlSec)))
  }

  async clear(personId: string): Promise<void> {
    await this.redis.del(this.keyOf(personId))
  }
}

const strip = (t: string) => t.trim().replace(/[。．.!！~～，,、\s]/g, '')

const NO = /^(不用|不要|不需要|不同意|算了|不了|不必|没事|不转|别转|先不|不想|no\b|n$|2$)|不用了|不需要|别告诉|不要转|再想想|考虑一下|考虑考虑|以后再说|先不用/i
const YES = /^(同意|好|好的|好吧|可以|行|嗯|嗯嗯|是|是的|要|需要|麻烦|麻烦了|转吧|转|ok|yes|y$|1$|愿意|拜托|谢谢|麻烦你)/i
const CANCEL = /^(取消|退出|结束|不说了)$/

export type Answer = 'yes' | 'no' | 'cancel' | 'other'

export function readConsent(text: string): Answer {
  const t = strip(text)
  if (CANCEL.test(t)) return 'cancel'
  if (NO.test(t)) return 'no'
  // Only short answers count as yes: "好累啊我老公又…" is not consent.
  if (YES.test(t) && (t.length <= 8 || t.startsWith('同意'))) return 'yes'
  return 'other'
}

export const isCancel = (text: string) => CANCEL.test(strip(text))

const CONTACT_CHOICES: Record<string, string> = { '1': '微信私聊', '2': '打电话', '3': '当面聊' }

/** The contact preference as staff should read it ("1" → 微信私聊), capped in length. */
export function readContact(text: string): string {
  const t = text.trim()
  const choice = CONTACT_CHOICES[strip(t)]
  if (choice) return choice
  const lead = /^([123])[.、．\s]?\s*(.*)$/s.exec(t)
  if (lead && CONTACT_CHOICES[lead[1]!]) return `${CONTACT_CHOICES[lead[1]!]}${lead[2] ? `（${lead[2].trim()}）` : ''}`.slice(0, 120)
  return t.slice(0, 120)
}
