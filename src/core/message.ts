// The one message type every capability sees. Adapters build it; nothing below core knows about Wechaty.
import { z } from 'zod'

export type Role = 'resident' | 'host' | 'staff'

export type MessageKind = 'text' | 'voice' | 'image' | 'video' | 'sticker' | 'other'

export interface Person {
  id: string
  name: string
}

/** Where a message came from, and so where a reply goes. */
export type Conversation =
  | { kind: 'room'; roomId: string; topic: string }
  | { kind: 'private'; contactId: string; name: string }

export interface InboundMessage {
  id: string
  conversation: Conversation
  sender: Person
  role: Role
  /** Config id of the 微家 group this message belongs to (the room's group, or for private chat the sender's group when known). */
  groupId?: string
  kind: MessageKind
  /** Text with the leading @mention of the bot stripped. */
  text: string
  /** The bot was @-mentioned (from the mention list, never from matching "@name" in the text). */
  mentioned: boolean
  quoted?: { text: string; senderName?: string }
  /** Epoch ms. */
  at: number
  /**
   * Replayed after storage came back: it was first handled while Redis was down, and the safety route's
   * direct replies already went out (they must not be sent twice).
   */
  deferred?: boolean
}

/**
 * How soon a message must leave, when the account's send rate is the bottleneck. Highest first:
 * urgent (emergency numbers: never waits for the account's pace), reply (an answer to someone who just wrote,
 * a staff alert to a person), summary (batched digests such as sign-up summaries), reminder (scheduled posts).
 */
export type SendPriority = 'urgent' | 'reply' | 'summary' | 'reminder'

/** What capabilities hand to the outbox. */
export interface OutgoingMessage {
  to: Conversation
  text: string
  /** People to @-mention in a group message. */
  mentions?: Person[]
  /** Idempotency key: the same key is sent at most once (e.g. `reminder:<id>:<fireTime>`). */
  key?: string
  /** Send no earlier than this (epoch ms). */
  notBefore?: number
  /**
   * Safety first (emergency numbers): goes ahead of the conversation's queued messages. The minimum gap
   * between two sends to one conversation still holds, so this never makes the account burst.
   */
  urgent?: boolean
  /** Default 'reply'; `urgent: true` means 'urgent'. */
  priority?: SendPriority
  /** Personal details (e.g. a referral alert to staff): not kept in Redis after it is sent. */
  sensitive?: boolean
  /** Outbound file (e.g. a CSV roster); sent as an attachment where the transport supports it. */
  file?: { name: string; content: string }
}

export const roomOf = (topic: string, roomId: string): Conversation => ({ kind: 'room', roomId, topic })
export const privateOf = (p: Person): Conversation => ({ kind: 'private', contactId: p.id, name: p.name })

/** A person as stored in job payloads and records (validated where they are read back). */
export const personSchema = z.object({ id: z.string(), name: z.string() })

export const conversationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('room'), roomId: z.string(), topic: z.string() }),
  z.object({ kind: z.literal('private'), contactId: z.string(), name: z.string() }),
])

/** A message as it left: one part of a split message, with its mentions resolved. */
export interface SentMessage {
  to: Conversation
  text: string
  mentions: Person[]
  file?: { name: string; content: string }
  part?: { index: number; of: number }
}

/** When a message left: the moment the outbox's pacer granted the send, the clock its gaps are kept on. */
export interface SentMeta {
  at: number
}
