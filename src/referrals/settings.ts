// Referral settings: the proposed `referrals` block of the config file (validated with zod, defaults
// filled in). Until the lead adds it to src/config.ts the capability reads it defensively, and tests
// pass overrides through createReferrals({ settings }).
import { z } from 'zod'
import { CATEGORIES } from './categories.ts'

const personRef = z.string().min(1)

export const referralSettingsSchema = z
  .object({
    /** Who receives each category (contact ids or names); categories not listed go to the group's staff. */
    routes: z.partialRecord(z.enum(CATEGORIES), z.array(personRef).min(1)).default({}),
    /** Optional staff-only WeChat group that gets a short notice (case id, category, urgency; never details). */
    staffRoomTopic: z.string().min(1).optional(),
    /** Emergencies are forwarded to staff even without the resident's consent (and the resident is told so). */
    emergencyWithoutConsent: z.boolean().default(true),
    /** Closed cases are deleted this many days after closing. */
    retentionDays: z.number().min(0).default(180),
    /** A case nobody acknowledged within this many minutes is re-sent and escalated to the supervisor. */
    ackTimeoutMin: z
      .object({ 紧急: z.number().positive().default(30), 一般: z.number().positive().default(1440) })
      .strict()
      .default({ 紧急: 30, 一般: 1440 }),
    /** How many times an unacknowledged case is escalated (each after another ackTimeout). */
    maxEscalations: z.number().int().min(1).max(10).default(2),
    /** How long the private consent conversation waits for the resident's next answer. */
    flowTtlMin: z.number().positive().default(30),
    /** When the understanding is still working after this long, the resident gets "收到，请稍等" first. */
    ackAfterMs: z.number().int().min(0).default(2500),
    /** The understanding of a help message is over by then whatever the model does (the rules decide). */
    replyDeadlineMs: z.number().int().min(100).max(10_000).default(8000),
  })
  .strict()

export type ReferralSettings = z.infer<typeof referralSettingsSchema>
export type ReferralSettingsInput = z.input<typeof referralSettingsSchema>

/** Config block (if the lead has added it) with test overrides on top; fails fast naming the bad field. */
export function resolveSettings(fromConfig: unknown, overrides: ReferralSettingsInput = {}): ReferralSettings {
  const base = fromConfig && typeof fromConfig === 'object' ? (fromConfig as Record<string, unknown>) : {}
  const result = referralSettingsSchema.safeParse({ ...base, ...overrides })
  if (!result.success) {
    const issues = result.error.issues.map((i) => `referrals.${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid referrals settings: ${issues}`)
  }
  return result.data
}
