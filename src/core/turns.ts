// What someone's last exchange with the bot in a conversation was about, for as long as a follow-up may lean on it.
// "@小助手 名额一共多少人" right after she asked the documents about 踏春嘉年华 asks about 踏春嘉年华, not about the group's
// sign-ups; right after she signed up for 包饺子 it asks about 包饺子. Which capability answered her last is the
// pipeline's to know (the route that claimed it says what it is about), so capabilities read it from the context and
// never each other's storage. Per conversation and sender: someone else's question is no context for hers.
import { type Context, contextKey } from './capability.ts'
import type { InboundMessage } from './message.ts'
import type { Middleware } from './pipeline.ts'
import type { Redis } from './storage.ts'

/**
 * What an exchange was about: the documents (the Q&A answered, or declined, her question) or the group's activities
 * (a sign-up, a question about an open activity, an announcement). Routes say which of these they serve (Route.subject);
 * the others (small talk, help requests, reminders) leave her last subject as it was: "好的 谢谢" between two questions
 * to the documents does not end the topic.
 */
export type Subject = 'documents' | 'activities'

/** What her previous exchange here was about, while still recent (loaded before routing for a message said to the bot). */
export const PREVIOUS_TURN = contextKey<Subject>('core.previousTurn')

/** Whether her message follows her own question to the documents: same person, same conversation, recent. Pure. */
export const followsDocuments = (ctx: Context): boolean => ctx.get(PREVIOUS_TURN) === 'documents'

const conversationOf = (msg: InboundMessage) => (msg.conversation.kind === 'room' ? msg.conversation.roomId : `p:${msg.conversation.contactId}`)

export class TurnMemory {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (conversation: string, senderId: string) => string,
    /** How long a follow-up may lean on the exchange before it (the Q&A's follow-up window, so the two agree). */
    private readonly windowSec: number,
  ) {}

  async recall(msg: InboundMessage): Promise<Subject | undefined> {
    const v = await this.redis.get(this.keyOf(conversationOf(msg), msg.sender.id))
    return v === 'documents' || v === 'activities' ? v : undefined
  }

  /** Expires by itself: after the window her next message starts afresh. */
  async remember(msg: InboundMessage, subject: Subject): Promise<void> {
    await this.redis.set(this.keyOf(conversationOf(msg), msg.sender.id), subject, 'EX', this.windowSec)
  }
}

/** Only a message said to the bot can be a follow-up it answers; overheard chat costs no round trip. */
const addressed = (msg: InboundMessage) => msg.kind === 'text' && (msg.conversation.kind === 'private' || msg.mentioned)

/**
 * Before routing: her previous exchange here goes on the context. After the handler: what this one was about is
 * remembered, when its route says (the reply has gone to the outbox by then, so a slow write delays nobody).
 */
export function rememberTurns(memory: TurnMemory, opts: { overheardFollowUp?: (msg: InboundMessage) => boolean } = {}): Middleware {
  return async (ctx, next) => {
    try {
      // Overheard, only what may follow her own question ("那要钱不" right after hers was answered): one read for a
      // short question, none for the rest of the chat.
      const recall = addressed(ctx.msg) || (opts.overheardFollowUp?.(ctx.msg) ?? false)
      const previous = recall ? await memory.recall(ctx.msg) : undefined
      if (previous) ctx.set(PREVIOUS_TURN, previous)
    } catch (err) {
      // Only which capability takes a short follow-up depends on it: the message is handled all the same.
      ctx.log.warn({ err }, 'turn memory unavailable')
    }
    await next()
    const subject = ctx.route?.subject
    if (subject && ctx.msg.kind === 'text') await memory.remember(ctx.msg, subject).catch((err) => ctx.log.warn({ err }, 'turn not remembered'))
  }
}
