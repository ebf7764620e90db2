// Sign-up settings: the `signups` block of the config, validated here with zod at start-up
// (config.ts declares it opaque so the schema lives with the capability). A bad value stops start-up
// naming the field, e.g. `signups.batchWindowMs: Too small: expected number to be >=100`.
import { z } from 'zod'
import { type Config, ConfigError } from '../config.ts'

const schema = z
  .object({
    /** Sign-up results arriving within this window get one summary reply. */
    batchWindowMs: z.number().int().min(100).default(3000),
    /** Send reminders to each person privately instead of one @-message in the group. */
    remindPrivately: z.boolean().default(false),
    /** Wall-clock hour of the day-before reminder (moved out of the group's quiet hours). */
    dayBeforeHour: z.number().int().min(0).max(23).default(18),
    /** How long before the start the second reminder goes out. */
    soonBeforeMin: z.number().int().min(10).default(120),
    /** A bare "+1" counts as a sign-up only if the group's previous message was about an activity, this recent. */
    plusOneWindowMin: z.number().int().min(1).default(120),
    /**
     * Sign-up jobs applied at once per process. 1 (default) applies them strictly in arrival (queue) order; capacity
     * holds at any value (Lua). Higher values are faster but may swap two near-simultaneous sign-ups on the waitlist.
     */
    concurrency: z.number().int().min(1).max(64).default(1),
    /**
     * A sign-up that finds no open activity waits this long for an announcement being published (residents
     * reply the moment the host posts); then it is applied to the one open activity, or the resident is told.
     */
    holdMs: z.number().int().min(0).default(15_000),
    /** Pending announcement drafts are forgotten after this long. */
    draftTtlSec: z.number().int().min(60).default(24 * 3600),
  })
  .strict()

export type SignupSettings = z.infer<typeof schema>


export function signupSettings(config: Config): SignupSettings {
  const result = schema.safeParse(config.signups ?? {})
  if (!result.success) {
    throw new ConfigError('Invalid config:', result.error.issues.map((i) => `signups.${i.path.join('.')}: ${i.message}`))
  }
  return result.data
}
