// Which corpus intents each route serves: the one table the corpus evaluation and the routing test read.
// A message nobody claims is chatter (the bot stays quiet).
import type { Intent, Understanding } from './types.ts'

export const ROUTE_INTENTS: Record<string, Intent[]> = {
  // Non-text messages are answered before routing.
  'core.media': ['media.reference'],
  'referrals.emergency': ['help.emergency'],
  'referrals.privacy': ['privacy.number'],
  'referrals.transfer': ['handoff.human'],
  'referrals.case': ['case.status', 'consent.withdraw'],
  // Thanks or news of the help under way while her case is open: a warm word (what small talk would get, and more).
  'referrals.thanks': ['chatter'],
  // Someone else's request asked after: the status a host or staff may know, or nothing.
  'referrals.others-case': ['case.status'],
  'referrals.nothing-to-withdraw': ['consent.withdraw'],
  'safety.fraud': ['safety.fraud'],
  'safety.media': ['media.reference'],
  'safety.about': ['bot.about'],
  'safety.smalltalk': ['chatter'],
  'referrals.flow': ['consent.yes', 'consent.no', 'contact.preference', 'consent.withdraw'],
  'referrals.help': ['help.request', 'help.third_party'],
  'signups.draft': ['confirm.yes', 'confirm.no', 'correction'],
  'signups.fix-published': ['correction'],
  'signups.announce': ['host.announce'],
  'signups.host': ['host.edit', 'host.close', 'host.reopen', 'host.cancel', 'host.export', 'signup.roster', 'activity.list'],
  'signups.resident': ['signup.join', 'signup.cancel', 'signup.status', 'signup.roster', 'signup.remove', 'activity.list', 'activity.info', 'pending.answer'],
  // How to sign up for something the group has not announced ("广场舞在哪报名"): nothing open by that name.
  'signups.not-open': ['qa.question'],
  'reminders.confirm': ['confirm.yes', 'confirm.no', 'correction'],
  'reminders.manage': ['reminder.manage'],
  'reminders.create': ['reminder.create'],
  'reminders.once': ['reminder.create'],
  'signups.remind': ['reminder.create'],
  'signups.remind-me': ['reminder.create'],
  'reminders.create-llm': ['reminder.create'],
  // The group's own rhythm asked about: when one is (家聚会啥时候), or what it regularly does (咱们微家平时都搞啥活动).
  'reminders.when': ['qa.question'],
  // Where it is, or whether one signs up for it ("家聚会在哪", "要报名不" after asking when it is).
  'reminders.detail': ['qa.question', 'signup.join', 'chatter'],
  'reminders.rhythm': ['qa.question', 'activity.list'],
  // "@小助手 陈静咋了" after her emergency in the group.
  'referrals.concern': ['qa.question'],
  'qa.answer': ['qa.question'],
}

/** The intents a route serves; an unclaimed message is chatter. */
export function intentsOfRoute(route: string | undefined): Intent[] {
  if (!route) return ['chatter']
  return ROUTE_INTENTS[route] ?? []
}

/**
 * A third-party report of immediate danger may get the emergency numbers first: the safety route then serves
 * it too (see evaluate.ts: such lines never count as false emergencies either).
 */
export const SAFETY_ROUTES = new Set(['referrals.emergency'])

/**
 * Routes that hand what they carry to another capability once their own reply is out: an emergency or a help request
 * said with a sign-up or a cancellation records that too (referrals → signups.resident). They serve the carried intent.
 */
export const CARRYING_ROUTES = new Set(['referrals.emergency', 'referrals.help'])

/** What an understanding carries along for the sign-ups: its sign-up or cancellation, when it holds their slots. */
export function carriedIntents(u: Understanding): Intent[] {
  return u.signup ? (u.also ?? []).filter((i) => i === 'signup.join' || i === 'signup.cancel') : []
}

/** The intents a route serves for one message: its own, and what it carries along (a carried sign-up is recorded). */
export function intentsServed(route: string | undefined, carried: readonly Intent[] = []): Intent[] {
  const own = intentsOfRoute(route)
  return route && CARRYING_ROUTES.has(route) ? [...own, ...carried.filter((i) => !own.includes(i))] : own
}
