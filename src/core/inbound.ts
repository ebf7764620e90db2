// The inbound port: what a chat transport (the Wechaty adapter) calls when something happens in WeChat.
// The adapter knows this interface and the message types, nothing of the app behind it.
import type { GroupConfig } from '../config.ts'
import type { InboundMessage, Person } from './message.ts'

export interface JoinEvent {
  roomId: string
  topic: string
  group?: GroupConfig
  joined: Person[]
}

export interface Inbound {
  /** A message from a group or a private chat, already normalised. */
  handle(msg: InboundMessage): Promise<void>
  /** People joined a group room. */
  join(event: JoinEvent): Promise<void>
  /** The bot's account is back after a logout of about `minutes` (staff are told: messages may have been missed). */
  reconnected(minutes: number): Promise<void>
}
