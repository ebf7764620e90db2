// Sign-up job payloads and ids. Every sign-up or cancellation is a job (id from the WeChat message id) that a
// worker applies with one Lua script; results are summarised per activity and batching window by a delayed
// job; reminders are delayed jobs whose ids carry the activity id, the kind and the activity's time version.
import { z } from 'zod'
import { personSchema as person } from '../core/message.ts'

export const APPLY_QUEUE = 'signups'
export const NOTIFY_QUEUE = 'signups-notify'
export const REMIND_QUEUE = 'signups-remind'
export const HELD_QUEUE = 'signups-held'

export const applySchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('join'),
    activityId: z.number().int(),
    msgId: z.string(),
    by: person,
    people: z.array(z.object({ key: z.string().min(1), name: z.string().min(1), own: z.boolean() })).min(1).max(200),
    /** She wrote in Traditional characters: the summary that confirms it is written so when all in it did. */
    traditional: z.boolean().optional(),
  }),
  z.object({
    op: z.literal('leave'),
    activityId: z.number().int(),
    msgId: z.string(),
    by: person,
    senderKey: z.string(),
    whoKey: z.string().optional(),
    isHost: z.boolean().optional(),
    traditional: z.boolean().optional(),
    /** Said beside an emergency: applied, but not confirmed in the group (see signups/handlers/resident.ts). */
    quiet: z.boolean().optional(),
  }),
])
export type ApplyJob = z.infer<typeof applySchema>

export const notifySchema = z.object({ activityId: z.number().int(), window: z.string() })
export const remindSchema = z.object({ activityId: z.number().int(), kind: z.enum(['daybefore', 'soon']), version: z.number().int() })
export type RemindKind = z.infer<typeof remindSchema>['kind']
/** A host's own reminder for those signed up ("周五上午9点提醒报了插花的交材料费"). */
export const CUSTOM_REMIND_QUEUE = 'signups-remind-custom'
export const customRemindSchema = z.object({ activityId: z.number().int(), content: z.string().min(1), key: z.string() })

/** Job ids: business ids, so a redelivered message or a re-scheduled reminder is a no-op. */
export const jobIds = {
  apply: (msgId: string) => `signup:${msgId}`,
  notify: (activityId: number, window: string) => `signups-notify:${activityId}:${window}`,
  remind: (activityId: number, kind: RemindKind, version: number) => `signups-remind:${activityId}:${kind}:v${version}`,
}
