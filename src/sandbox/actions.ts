// What the sandbox reports: every message the bot actually sent, as one JSON object per line.
import type { SentMessage } from '../core/message.ts'

export interface BotAction {
  kind: 'room' | 'private'
  to: string
  text: string
  mentions: string[]
  file?: string
}

export function toAction(job: SentMessage): BotAction {
  return {
    kind: job.to.kind,
    to: job.to.kind === 'room' ? job.to.topic : job.to.name,
    text: job.text,
    mentions: job.mentions.map((m) => m.name),
    ...(job.file ? { file: job.file.name } : {}),
  }
}
