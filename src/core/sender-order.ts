// One person's messages in one conversation are handled in the order they arrived: "报名" then "取消报名"
// a second apart must not be applied the other way round because the first took longer (a Redis round trip,
// a model call). Different people and conversations still run side by side. A message that reads as danger
// never waits behind the person's earlier messages: the emergency numbers go out first.
import type { InboundMessage } from './message.ts'

export const senderKey = (msg: InboundMessage) =>
  `${msg.conversation.kind === 'room' ? `room:${msg.conversation.roomId}` : 'private'}:${msg.sender.id}`

export class SenderOrder {
  private readonly tails = new Map<string, Promise<void>>()

  /** Runs `work` after the earlier work under `key` has settled (at once when `urgent`). */
  run(key: string, urgent: boolean, work: () => Promise<void>): Promise<void> {
    if (urgent) return work()
    const previous = this.tails.get(key) ?? Promise.resolve()
    const done = previous.then(work)
    // The chain never breaks: a failure is the caller's to see, the next message still runs.
    const tail = done.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return done
  }

  /** People with work queued or running (for tests and the console's health view). */
  get waiting(): number {
    return this.tails.size
  }
}
