// Follow-up questions ("那周末呢？") only make sense with the previous question. The last question per
// (conversation, sender) is kept in Redis with a TTL, so it survives restarts, is shared by several
// bot processes, and expires by itself after a few minutes of silence.
import type { Redis } from '../core/storage.ts'
import { normalizeForIndex } from './normalize.ts'
import { contentTerms } from './tokenize.ts'

const ELLIPTICAL_START = /^(那|那么|那如果|如果|要是|假如|还有|另外|再问|还想问|然后|其他|别的|那要是|那得|那在|那能|那是|可是|但是|那还)/
const ELLIPTICAL_END = /(呢|咧|嘞)[？?。!！]*$/

/** A question that leans on the previous one: short, or opening/closing like a follow-up. */
export function isElliptical(question: string): boolean {
  const q = normalizeForIndex(question).replace(/[？?。!！，,\s]/g, '')
  if (!q) return false
  const terms = contentTerms(q)
  // "周末呢" leans on the previous question; "两癌筛查" is short but complete.
  if (q.length <= 6 && terms.length <= 1) return true
  if (ELLIPTICAL_START.test(q) && q.length <= 16) return true
  return ELLIPTICAL_END.test(question.trim()) && terms.length <= 2 && q.length <= 12
}

/** The previous question to carry as context, when the current one is elliptical. */
export function followupContext(previous: string | undefined, current: string): string | undefined {
  return previous && isElliptical(current) ? previous : undefined
}

/** What to remember as "the previous question" after answering: the question with its context. */
export function mergeFollowup(previous: string | undefined, current: string): string {
  const context = followupContext(previous, current)
  return context ? `${context} ${current}` : current
}

const MAX_STORED = 120

export class FollowupStore {
  constructor(
    private readonly redis: Redis,
    /** Builds the Redis key for (conversation, sender); namespaced by the caller (App.key). */
    private readonly keyOf: (conversation: string, sender: string) => string,
    private readonly ttlSec: number,
  ) {}

  async previous(conversation: string, sender: string): Promise<string | undefined> {
    return (await this.redis.get(this.keyOf(conversation, sender))) ?? undefined
  }

  async remember(conversation: string, sender: string, question: string): Promise<void> {
    // Keep the tail: after several follow-ups the latest words matter most.
    await this.redis.set(this.keyOf(conversation, sender), question.slice(-MAX_STORED), 'EX', this.ttlSec)
  }

  async forget(conversation: string, sender: string): Promise<void> {
    await this.redis.del(this.keyOf(conversation, sender))
  }
}
