// Whether storage (Redis) can be reached right now, read synchronously from the connection's state, so the
// pipeline can decide without a round trip that might hang: commands on a BullMQ connection wait for Redis
// indefinitely. While it is down the log says so once a minute, not once per message.
import type { Logger } from './log.ts'
import type { Redis } from './storage.ts'

const REPORT_EVERY_MS = 60_000

export class StorageHealth {
  private downSince: number | undefined
  private lastReport = 0
  private readonly recovered: (() => void)[] = []

  constructor(
    private readonly redis: Redis,
    private readonly log: Logger,
  ) {
    redis.on('ready', () => this.markUp())
    const down = () => this.markDown()
    redis.on('close', down)
    redis.on('end', down)
    redis.on('reconnecting', down)
  }

  /**
   * False from the moment the connection is lost until it is ready again: commands sent then would wait for
   * a reconnect. (The first connect at start-up counts as up: start-up checked Redis already.)
   */
  get up(): boolean {
    const s = this.redis.status
    return this.downSince === undefined && s !== 'reconnecting' && s !== 'close' && s !== 'end'
  }

  /** Called once each time storage comes back after being down. */
  onRecover(fn: () => void): void {
    this.recovered.push(fn)
  }

  /** For messages handled while down: one log line per interval, with how long it has been. */
  noteDown(): void {
    this.markDown()
    const now = Date.now()
    if (now - this.lastReport < REPORT_EVERY_MS) return
    this.lastReport = now
    this.log.error({ since: new Date(this.downSince!).toISOString() }, `Redis unreachable since ${new Date(this.downSince!).toISOString()}: emergencies are answered directly, other messages get a busy notice`)
  }

  private markDown(): void {
    this.downSince ??= Date.now()
  }

  private markUp(): void {
    if (this.downSince === undefined) return
    this.log.warn({ downSec: Math.round((Date.now() - this.downSince) / 1000) }, 'Redis reachable again')
    this.downSince = undefined
    this.lastReport = 0
    for (const fn of this.recovered) fn()
  }
}
