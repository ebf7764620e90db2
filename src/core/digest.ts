// Reply compression under flood: while a group (or a sender) is over its flood limit, the bot still applies
// every message (a sign-up, a cancellation, a host command is never dropped) but its replies to that
// conversation are gathered and sent as one message a few seconds later, instead of one message each.
import type { Outbox } from './capability.ts'
import type { Conversation, Person } from './message.ts'

const MAX_LINES = 12
const LINE_CHARS = 80

interface Pending {
  to: Conversation
  lines: { who?: Person; text: string }[]
  more: number
}

export class ReplyDigest {
  private readonly pending = new Map<string, Pending>()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    private readonly outbox: Outbox,
    private readonly windowMs: number,
    private readonly header: (count: number) => string,
    private readonly moreLine: (n: number) => string,
  ) {}

  /** Gathers a reply; the first one for a conversation schedules the combined message. */
  add(to: Conversation, text: string, who?: Person): void {
    const key = to.kind === 'room' ? `room:${to.roomId}` : `dm:${to.contactId}`
    let p = this.pending.get(key)
    if (!p) {
      p = { to, lines: [], more: 0 }
      this.pending.set(key, p)
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        void this.flush(key)
      }, this.windowMs)
      timer.unref()
      this.timers.add(timer)
    }
    if (p.lines.length < MAX_LINES) p.lines.push({ who, text: text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS)}…` : text })
    else p.more++
  }

  /** Conversations with replies waiting (tests and idle checks). */
  get size(): number {
    return this.pending.size
  }

  async flush(key: string): Promise<void> {
    const p = this.pending.get(key)
    if (!p) return
    this.pending.delete(key)
    const total = p.lines.length + p.more
    const body = p.lines.map((l) => (l.who && p.to.kind === 'room' ? `${l.who.name}：${l.text}` : l.text))
    if (p.more) body.push(this.moreLine(p.more))
    const mentions = p.to.kind === 'room' ? [...new Map(p.lines.filter((l) => l.who).map((l) => [l.who!.id, l.who!])).values()] : []
    await this.outbox.send({ to: p.to, text: [this.header(total), ...body].join('\n'), mentions, priority: 'summary' })
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    await Promise.all([...this.pending.keys()].map((k) => this.flush(k)))
  }
}
