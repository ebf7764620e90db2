// The fields of a help request, shared by the private conversation (Flow), the hand-over to the create job
// (Pending) and the case staff work on (Case), so the three never drift apart.
import { z } from 'zod'
import { inScript } from '../core/zh/script.ts'
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
  /** The script she writes in (absent: Simplified): what she is told later, from a job or a staff command, follows it. */
  script: z.enum(['simplified', 'traditional']).optional(),
})
export type HelpRequest = z.infer<typeof helpRequestSchema>

/** A message to the resident of a request, in her script (messages to staff stay Simplified). */
export const toResident = (r: Pick<HelpRequest, 'script'>, text: string): string => (r.script === 'traditional' ? inScript(text, 'traditional') : text)
