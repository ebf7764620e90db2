// Activities and sign-ups (接龙 done right): hosts announce, residents sign up the ways they already do,
// a worker applies every change atomically, and the bot replies with one summary per few seconds.
import type { Capability, Context } from '../core/capability.ts'
import { ACTIVITIES, PENDING, SIGNED_UP } from '../core/understanding.ts'
import type { PendingKind } from '../nlu/types.ts'
import { nameKey } from './parse.ts'
import { CANCELLED_ASKED, liveActivities } from './handlers/state.ts'
import type { Activity } from './store.ts'
import { activityInNotes, STILL_ON } from '../nlu/signup.ts'
import { namesTitle, normalize } from '../nlu/text.ts'
import { CHOICE_QUESTION } from '../core/zh/question-forms.ts'
import { announceRoute, draftRoute } from './handlers/announce.ts'
import { fixPublishedRoute, hostRoute } from './handlers/host.ts'
import { observer, observeUnderstood } from './handlers/observe.ts'
import { remindMeRoute, remindRoute } from './handlers/remind.ts'
import { residentRoute } from './handlers/resident.ts'
import { notOpenRoute } from './handlers/not-open.ts'
import { SignupService } from './service.ts'
import type { SignupSettings } from './settings.ts'

export interface SignupDeps {
  /** A clock for business rules (deadlines, reminders); tests move it. */
  now?: () => number
  /** Overrides on top of the config's `signups` block. */
  settings?: Partial<SignupSettings>
  /** Hands the service to the caller (tests, benches). */
  expose?: (service: SignupService) => void
}

/** Builds the capability; a clock and setting overrides (on top of config) are injectable for tests and the sandbox. */
export function createSignups(opts: SignupDeps = {}): Capability {
  return {
    name: 'signups',
    register(app) {
      const svc = new SignupService(app, opts.now, opts.settings)
      opts.expose?.(svc)
      const observe = observer(svc)
      // Before routing: the state the understanding needs (live activities, the sender's sign-ups), then the
      // observer that remembers whether the group's latest message was about an activity (the "+1" rule).
      app.use(async (ctx, next) => {
        try {
          await loadSituation(ctx, svc)
          await observe(ctx)
        } catch (err) {
          // Note-taking must never turn ordinary chat into an error reply.
          ctx.log.warn({ err }, 'signups: observer failed')
        }
        await next()
        await observeUnderstood(ctx, svc).catch((err) => ctx.log.warn({ err }, 'signups: observer failed'))
      })
      // Every exchange with the sign-ups is about the group's activities: her next short question ("几点开始") is read
      // against them, not against what she asked the documents before (core/turns.ts).
      const routes = [draftRoute(app, svc), fixPublishedRoute(svc), announceRoute(app, svc), hostRoute(app, svc), remindRoute(svc), remindMeRoute(svc), residentRoute(svc), notOpenRoute(svc)]
      for (const route of routes) app.route({ ...route, subject: 'activities' })
    },
  }
}

/** The group's live activities and the ones the sender is on, for the understanding (read-only). */
async function loadSituation(ctx: Context, svc: SignupService): Promise<void> {
  if (!ctx.msg.groupId || ctx.msg.kind !== 'text') return
  const live = await liveActivities(ctx, svc)
  ctx.set(ACTIVITIES, live.map(({ id, title, startAt, place, notes }) => ({ id, title, startAt, place, notes })))
  let cancelled: Promise<Activity[]> | undefined
  // A round trip and up to 20 activities read: only when a route asks (resident.ts), once.
  ctx.set(CANCELLED_ASKED, () =>
    (cancelled ??= cancelledAsked(ctx, svc, live).catch((err) => {
      ctx.log.warn({ err }, 'signups: cancelled activities not read')
      return []
    })),
  )
  const who = { id: ctx.msg.sender.id, key: nameKey(ctx.msg.sender.name) }
  const on = await Promise.all(live.map((a) => svc.store.hasEntry(a.id, who)))
  ctx.set(SIGNED_UP, live.filter((_, i) => on[i]).map((a) => a.id))
  // The question the bot is waiting for this sender to answer, so "2" or 「确认」 reads as its answer.
  if (ctx.get(PENDING)) return
  const asked = await svc.pending.get(ctx.msg.groupId, ctx.msg.sender.id)
  const kind: PendingKind | undefined =
    asked?.kind === 'which_activity' ? 'which_activity' : asked?.kind === 'confirm_cancel' || asked?.kind === 'confirm_remove' ? 'confirm_cancel' : undefined
  if (kind) return void ctx.set(PENDING, kind)
  if (ctx.msg.role !== 'resident' && (await svc.store.draft(ctx.msg.groupId, ctx.msg.sender.id))) ctx.set(PENDING, 'confirm_announce')
}

/** A question's form: what makes reading the group's cancelled activities worth a round trip. */
const ASKS = new RegExp(`[？?]|${CHOICE_QUESTION}|吗|么|嘛|没有?$|呢|怎么|咋|如何|多少|几|啥|什么|哪|是不是|能不能|可不可以|有没有|还.{0,2}不`, 'u')

/** The group's cancelled activities (of the last week and to come) that a question names, unless a live one answers to it. */
async function cancelledAsked(ctx: Context, svc: SignupService, live: Activity[]): Promise<Activity[]> {
  const t = normalize(ctx.msg.text)
  if (!ASKS.test(t) && !STILL_ON.test(t)) return []
  const named = (acts: Activity[]) => acts.filter((a) => namesTitle(t, a) || activityInNotes(t, [a]) === a.id)
  if (named(live).length) return []
  const recent = await svc.store.recent(ctx.msg.groupId!, svc.now(), 20)
  // The latest first: one title may have been cancelled twice.
  return named(recent.filter((a) => a.status === 'cancelled')).sort((a, b) => b.startAt - a.startAt)
}

export const signups: Capability = createSignups()
