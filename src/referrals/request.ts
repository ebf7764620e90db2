// The fields of a help request, shared by the private conversation (Flow), the hand-over to the create job
// (Pending) and the case staff work on (Case), so the three never drift apart.
import { z } from 'zod'
import { CATEGORIES, URGENCIES } from './categories.ts'

export const SOURCES = ['group', 'private', 'transfer'] as const

export const helpRequestSchema = z.object({
  groupId: z.string(),
  category: z.enum(CATEGORIES),
  urgency: z.enum(URGENCIES),
  /** A medical emergency: 120 comes first. */
  medical: z.boolean(),
  /** Where the request started. */
  source: z.enum(SOURCES),
  description: z.string().optional(),
  contact: z.string().optional(),
})
export type HelpRequest = z.infer<typeof helpRequestSchema>
