// A puppet that cannot reach WeChat raises the same error several times a second. The operator needs one
// plain sentence and a count, not a wall of stack traces: the first error is logged in full, repeats are
// counted and summarised once a minute until the puppet logs in again.
import type { Logger } from '../../core/log.ts'

const SUMMARY_EVERY_MS = 60_000

export class PuppetErrorLog {
  private suppressed = 0
  private since = 0
  private last = ''
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly log: Logger,
    private readonly everyMs = SUMMARY_EVERY_MS,
  ) {}

  report(err: Error): void {
    if (this.timer) {
      this.suppressed++
      this.last = err.message
      return
    }
    this.since = Date.now()
    this.log.error({ err }, 'WeChat puppet error: the bot may be unable to reach WeChat (check the network, the puppet token, or scan the QR code again); repeats are summarised once a minute')
    this.timer = setInterval(() => this.flush(), this.everyMs)
    this.timer.unref()
  }

  /** Logged in again: say how it ended, and log the next error in full. */
  recovered(): void {
    this.flush()
    this.stop()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  private flush(): void {
    // A quiet interval: the trouble has passed, so the next error is news again and is logged in full.
    if (this.suppressed === 0) return this.stop()
    const sinceSec = Math.round((Date.now() - this.since) / 1000)
    this.log.error({ repeats: this.suppressed, sinceSec, last: this.last }, `WeChat puppet still failing: ${this.suppressed} more errors in the last ${sinceSec} s`)
    this.suppressed = 0
    this.since = Date.now()
  }
}
