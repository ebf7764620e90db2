// The outbox job payload, validated when a worker picks it up (it crossed Redis, so it is an edge).
import { z } from 'zod'
import { conversationSchema, personSchema as person } from '../core/message.ts'

export const sendJobSchema = z.object({
  to: conversationSchema,
  text: z.string(),
  mentions: z.array(person).default([]),
  file: z.object({ name: z.string(), content: z.string() }).optional(),
  /** The reserved send slot (epoch ms); the worker never sends before it. */
  slot: z.number().default(0),
  /** Position within a split message, for logs. */
  part: z.object({ index: z.number().int(), of: z.number().int() }).optional(),
})

export type SendJob = z.infer<typeof sendJobSchema>

/** The adapter that really sends (Wechaty in production and in the sandbox). */
export interface Transport {
  send(job: SendJob): Promise<void>
}
