// Flood control: a sliding window per key. Over the limit, the caller warns once and then stays quiet
// until the window has room again, so a spammer (or a stuck script) cannot make the bot burst.
export type FloodVerdict = 'ok' | 'warn' | 'drop'

export class FloodGuard {
  private hits = new Map<string, number[]>()
  private warned = new Set<string>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): FloodVerdict {
    const t = this.now()
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs)
    if (recent.length < this.max) {
      recent.push(t)
      this.hits.set(key, recent)
      this.warned.delete(key)
      return 'ok'
    }
    this.hits.set(key, recent)
    if (this.warned.has(key)) return 'drop'
    this.warned.add(key)
    return 'warn'
  }

  /** Is `key` at its limit already? Records nothing (see record). */
  over(key: string): boolean {
    const t = this.now()
    return (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs).length >= this.max
  }

  /** Counts one message against `key`. */
  record(key: string): void {
    const t = this.now()
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs)
    recent.push(t)
    this.hits.set(key, recent)
  }

  /** Takes back the latest count for `key` (a message no route acted on after all). */
  unrecord(key: string): void {
    this.hits.get(key)?.pop()
  }

  /** Forget idle keys so memory stays bounded in a long-running process. */
  sweep(): void {
    const t = this.now()
    for (const [key, list] of this.hits) {
      if (list.every((at) => t - at >= this.windowMs)) {
        this.hits.delete(key)
        this.warned.delete(key)
      }
    }
  }
}
