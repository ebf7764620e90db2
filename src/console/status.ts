// The bot's login state and traffic, recorded in Redis by the bot process (through the adapter's observer
// and the outbox's onSent) and read by the console, which may run in another process.
import type { Redis } from '../core/storage.ts'
import QRCode from 'qrcode'
import type { BotState, BotStatus, Traffic } from './ports.ts'

type Key = (...parts: string[]) => string
const HOUR = 3600_000
const MINUTE = 60_000
const KEEP_HOURS_SEC = 8 * 24 * 3600

/** What the chat adapter reports; every call is fire-and-forget (a Redis hiccup must not disturb the bot). */
export interface StatusRecorder {
  scan(qr: string, status: number): void
  login(user: string): void
  logout(): void
  received(): void
  sent(): void
  stop(): void
}

export function statusRecorder(redis: Redis, key: Key, onError: (err: unknown) => void): StatusRecorder {
  const stateKey = key('console', 'bot')
  const quiet = (p: Promise<unknown>) => void p.catch(onError)
  const count = (what: 'received' | 'sent') => {
    const now = Date.now()
    const hour = String(Math.floor(now / HOUR))
    const m = redis.multi().hincrby(key('console', 'traffic', what), hour, 1)
    if (what === 'sent') m.incr(key('console', 'sentmin', String(Math.floor(now / MINUTE)))).expire(key('console', 'sentmin', String(Math.floor(now / MINUTE))), 600)
    quiet(m.exec())
  }
  // A heartbeat, so a console in another process can tell a stopped bot from a quiet one.
  const beat = setInterval(() => quiet(redis.hset(stateKey, 'updatedAt', Date.now())), 30_000)
  beat.unref()
  let pruned = 0
  const prune = () => {
    if (Date.now() - pruned < HOUR) return
    pruned = Date.now()
    const oldest = Math.floor(Date.now() / HOUR) - KEEP_HOURS_SEC / 3600
    for (const what of ['received', 'sent']) {
      quiet(
        redis.hkeys(key('console', 'traffic', what)).then((hours) => {
          const old = hours.filter((h) => Number(h) < oldest)
          return old.length ? redis.hdel(key('console', 'traffic', what), ...old) : 0
        }),
      )
    }
  }
  return {
    scan: (qr, status) => quiet(redis.multi().del(stateKey).hset(stateKey, { state: 'scan', qr, qrStatus: status, updatedAt: Date.now() }).exec()),
    login: (user) => quiet(redis.multi().del(stateKey).hset(stateKey, { state: 'online', user, since: Date.now(), updatedAt: Date.now() }).exec()),
    logout: () => quiet(redis.multi().del(stateKey).hset(stateKey, { state: 'offline', since: Date.now(), updatedAt: Date.now() }).exec()),
    received: () => {
      count('received')
      prune()
    },
    sent: () => count('sent'),
    stop: () => clearInterval(beat),
  }
}

export function botStatus(redis: Redis, key: Key): BotStatus {
  return {
    async read(): Promise<BotState> {
      const h = await redis.hgetall(key('console', 'bot'))
      if (!h.state) return { state: 'unknown' }
      return {
        state: h.state as BotState['state'],
        user: h.user,
        since: h.since ? Number(h.since) : undefined,
        qr: h.qr,
        qrStatus: h.qrStatus ? Number(h.qrStatus) : undefined,
        updatedAt: h.updatedAt ? Number(h.updatedAt) : undefined,
      }
    },
  }
}

export function traffic(redis: Redis, key: Key, backlog: () => Promise<number>): Traffic {
  return {
    async hourly(hours) {
      const now = Math.floor(Date.now() / HOUR)
      const span = Array.from({ length: hours }, (_, i) => String(now - hours + 1 + i))
      const [received, sent] = await Promise.all([redis.hmget(key('console', 'traffic', 'received'), ...span), redis.hmget(key('console', 'traffic', 'sent'), ...span)])
      return span.map((h, i) => ({ hour: Number(h) * HOUR, received: Number(received[i] ?? 0), sent: Number(sent[i] ?? 0) }))
    },
    async sentPerMinute() {
      // Averaged over the last ten minutes (the current one included), so it does not jump at each minute.
      const m = Math.floor(Date.now() / MINUTE)
      const counts = await redis.mget(...Array.from({ length: 10 }, (_, i) => key('console', 'sentmin', String(m - i))))
      return Math.round(counts.reduce((sum, c) => sum + Number(c ?? 0), 0)) / 10
    },
    outboxBacklog: backlog,
  }
}

/** The login code as the PNG data URL the operator page shows (the page's CSP allows data: images only). */
export const qrDataUrl = (code: string) => QRCode.toDataURL(code, { margin: 1, width: 240 })
