// How a message handed from one capability to another (app.handOver) is to be answered, when not as usual.
// Shared here so the capabilities need not import each other.
import { contextKey } from './capability.ts'

/**
 * A question handed to the Q&A by the referrals:
 * - privately: answered in private (her own circumstances were in the group message, so the documents' answer beside
 *   her name would tell everyone what she asked about);
 * - onlyIfGrounded: only when the documents answer it (she has just been offered a person; "not covered" would add
 *   nothing) — outright in the group; in private the closest passage too, with its caveat;
 * - rememberOnly: nothing is answered; the question is only kept, so that her follow-up ("要带啥材料去申请") leans on it;
 * - outrightOnly: not even the closest passage with its caveat (a worry about her family or a legal trouble: a passage
 *   that is perhaps not what she asked may name what she never said, such as 家暴).
 */
export interface AnswerHandover {
  /** What to ask the documents when not the whole message: its asking clauses, her circumstances cut. */
  question?: string
  privately?: boolean
  onlyIfGrounded?: boolean
  rememberOnly?: boolean
  outrightOnly?: boolean
}
export const ANSWER_HANDOVER = contextKey<AnswerHandover>('qa.handover')

/**
 * A sign-up or cancellation said in the same message as an emergency, handed to the sign-ups after the numbers
 * (referrals → signups.resident). The group must hear nothing beside the emergency reply, so the sign-ups do only
 * what changes something, and say nothing of it then (see signups/handlers/resident.ts).
 */
export const BESIDE_EMERGENCY = contextKey<boolean>('signups.besideEmergency')
