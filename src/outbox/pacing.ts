// Pacing in Redis, so several processes sending from one account share it.
//
// Two steps. When a message is queued, Pacer reserves the next free slot of its conversation (the job is
// delayed to it), so a burst of replies to one group is spread out. When a worker is about to send,
// SendGate checks, atomically, both the account's minimum gap (60 s / perMinute between two sends: an even
// pace, never a burst) and the conversation's minimum gap since the end of its last real send, and records
// the send if both hold.
// The second step is what keeps the gaps exact when a job is promoted late or another process sent meanwhile.
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

// KEYS: account's last send, conversation's last send. ARGV: account gap, conversation gap, mode, key ttl.
// Mode 'take' sends now if both gaps hold; 'urgent' ignores the account gap (an emergency never waits for it)
// but still records its send there, so the next ordinary message keeps a full gap after it; 'peek' only asks.
// Redis's clock, not the callers': processes on several machines agree on it.
const GATE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local account = tonumber(redis.call('GET', KEYS[1]) or '0')
local accountWait = math.max(0, account + tonumber(ARGV[1]) - now)
if ARGV[3] == 'peek' then return {0, accountWait} end
if ARGV[3] == 'urgent' then accountWait = 0 end
local conv = tonumber(redis.call('GET', KEYS[2]) or '0')
local convWait = math.max(0, conv + tonumber(ARGV[2]) - now)
if convWait > 0 or accountWait > 0 then return {convWait, accountWait} end
redis.call('SET', KEYS[1], math.max(account, now), 'PX', tonumber(ARGV[4]))
redis.call('SET', KEYS[2], now, 'PX', tonumber(ARGV[4]))
return {0, 0, now}
`

// After the transport returns: the conversation's gap counts from the end of its last send, as a person's
// would (a slow send never lets the next one follow it closer than the gap).
const SENT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if now > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], now, 'PX', tonumber(ARGV[1])) end
return now
`

/** How long to wait before a send may go; both 0 means it was granted and recorded at `at` (Redis clock, epoch ms). */
export interface GateWait {
  conversation: number
  account: number
  at?: number
}

export class SendGate {
  readonly accountGapMs: number

  constructor(
    private readonly redis: Redis,
    private readonly keys: { account: string; conversation: (c: string) => string },
    perMinute: number,
    private readonly conversationGapMs: number,
  ) {
    this.accountGapMs = Math.ceil(60_000 / perMinute)
  }

  /** Ask to send to `conversation` now. Urgent sends ignore the account's gap (and still count against it). */
  take(conversation: string, urgent = false): Promise<GateWait> {
    return this.run(conversation, urgent ? 'urgent' : 'take')
  }

  /** Records the end of a send to `conversation`. */
  async sent(conversation: string): Promise<void> {
    await this.redis.eval(SENT, 1, this.keys.conversation(conversation), this.ttl())
  }

  /** How long until the account's gap allows an ordinary send (records nothing). */
  async accountWait(): Promise<number> {
    return (await this.run('', 'peek')).account
  }

  private ttl(): number {
    return Math.max(60_000, 2 * Math.max(this.accountGapMs, this.conversationGapMs))
  }

  private async run(conversation: string, mode: 'take' | 'urgent' | 'peek'): Promise<GateWait> {
    const ttl = this.ttl()
    const [c, a, at] = (await this.redis.eval(GATE, 2, this.keys.account, this.keys.conversation(conversation), this.accountGapMs, this.conversationGapMs, mode, ttl)) as number[]
    return { conversation: Number(c), account: Number(a), at: at === undefined ? undefined : Number(at) }
  }
}
