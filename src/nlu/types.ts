// What a message means: one intent (the one that must not be missed first), its slots, and any second meaning.
// The vocabulary is the utterance corpus's (test/fixtures/nlu/SCHEMA.md), so the corpus can test it directly.

export const INTENTS = [
  'signup.join', 'signup.cancel', 'signup.remove', 'signup.roster', 'signup.status',
  'activity.list', 'activity.info',
  'host.announce', 'host.edit', 'host.close', 'host.reopen', 'host.cancel', 'host.export',
  'reminder.create', 'reminder.manage',
  'confirm.yes', 'confirm.no', 'correction', 'pending.answer',
  'help.request', 'help.emergency', 'help.third_party',
  'consent.yes', 'consent.no', 'consent.withdraw', 'contact.preference', 'case.status', 'handoff.human',
  'media.reference', 'safety.fraud', 'privacy.number', 'bot.about', 'qa.question', 'chatter',
] as const
export type Intent = (typeof INTENTS)[number]

/** What the bot is waiting for from this sender (set by the capability that asked). */
export type PendingKind = 'which_activity' | 'consent' | 'contact' | 'confirm_announce' | 'confirm_cancel' | 'confirm_reminder'

export type HelpCategory = 'legal' | 'dv' | 'family' | 'psych' | 'jobs' | 'hardship' | 'health' | 'child'
export type Danger = 'violence' | 'suicide' | 'medical'
export type ContactWay = 'wechat' | 'phone' | 'none'

export interface Slots {
  self?: boolean
  count?: number
  names?: string[]
  relatives?: string[]
  activity?: number
  /** Every open activity ("两个我都想去 给我都报上"): signed up for each of them. */
  every?: boolean
  target?: string
  field?: 'time' | 'place' | 'fee' | 'bring' | 'who' | 'other'
  title?: string
  /** "YYYY-MM-DD HH:MM" (local), or "HH:MM" when only a clock time is given. */
  time?: string
  place?: string
  capacity?: number
  deadline?: string
  repeat?: 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly'
  audience?: 'all' | 'signed_up'
  content?: string
  action?: 'list' | 'pause' | 'resume' | 'delete'
  index?: number
  category?: HelpCategory
  danger?: Danger
  contact?: ContactWay
}

export interface Understanding {
  intent: Intent
  slots: Slots
  also?: Intent[]
  /**
   * A sign-up that rides along a more urgent meaning ("我报插花 … 我老公又动手了"): its own slots, so that after the
   * numbers go out the sign-up is still recorded (both must happen; `also` then has signup.join).
   */
  signup?: Slots
  /** The part of the message this reading is of, when not all of it (chat, then a question to the bot: the question). */
  addressed?: string
}

/** An activity as the parser sees it (loaded before routing by the sign-ups capability). */
export interface ActivityView {
  id: number
  title: string
  startAt: number
  place: string
  notes: string
}

/** Everything about the sender and the group that the meaning of a message depends on. */
export interface Situation {
  where: 'group' | 'private'
  role: 'resident' | 'host' | 'staff'
  /** The bot was @-mentioned. */
  mention: boolean
  pending?: PendingKind
  /** Live activities of the group. */
  activities: ActivityView[]
  /** Activity ids the sender (or someone they signed up) is on, roster or waitlist. */
  signedUp: number[]
  openCase: boolean
  media?: 'voice' | 'image'
  now: number
  tz: string
}
