// Per-conversation pacing: each message reserves the next free send slot of its conversation,
// atomically in Redis, so several processes (or a burst of replies) never send faster than the interval.
import type { Redis } from '../core/storage.ts'

const RESERVE = `
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
local earliest = tonumber(ARGV[2])
local gap = tonumber(ARGV[3])
local slot = math.max(now, earliest, last + gap)
redis.call('SET', KEYS[1], slot, 'PX', tonumber(ARGV[4]))
return slot
`

export class Pacer {
  constructor(
    private readonly redis: Redis,
    private readonly keyFor: (conversation: string) => string,
    private readonly intervalMs: number,
    private readonly jitterMs: number,
  ) {}

  /** Returns the epoch ms at which this message may be sent. */
  async reserve(conversation: string, notBefore = 0, now = Date.now()): Promise<number> {
    const gap = this.intervalMs + Math.floor(Math.random() * (this.jitterMs + 1))
    // Keep the key a little longer than any backlog we might build, so pacing survives a quiet minute.
    const ttl = Math.max(60_000, notBefore - now + 60_000)
    const slot = await this.redis.eval(RESERVE, 1, this.keyFor(conversation), now, notBefore, gap, ttl)
    return Number(slot)
  }
}
