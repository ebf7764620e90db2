// Scheduled reminders for the 微家 rhythm (家接待 weekly, 家聚会 monthly, 家活动 quarterly, 家宴会 yearly)
// from config, and reminders hosts set up in chat (「@小助手 每周三下午3点 家接待」 → preview → 「确认」).
import { type App, type Capability, type Context, contextKey } from '../core/capability.ts'
import { ACTIVITIES, PENDING, UNDERSTOOD } from '../core/understanding.ts'
import type { Understanding } from '../nlu/types.ts'
import { onceReminders } from './once.ts'
import { answerDraft, correctDraft, draftReminder, MANAGERS, manage, moveReminder } from './handlers.ts'
import { scheduleWithLlm } from './llm.ts'
import { limitLlm } from '../core/llm-deadline.ts'
import { dropsIn, isQuestion, parseCommand, parseDraftAnswer, parseMove, parseSchedule, rhythmAskedWhen, rhythmDetailAsked, rhythmOverviewAsked } from './parse.ts'
import { ReminderService } from './service.ts'
import { readSettings, type ReminderDef, type SettingsOverride } from './settings.ts'
import { texts } from './texts.ts'
import { texts as coreTexts } from '../core/texts.ts'
import { RHYTHM_EVENTS, type RhythmEvent } from '../core/rhythm.ts'
import { timesBetween } from './schedule.ts'

/** Where the group's rhythm event is, or whether one signs up for it, as asked in this message (reminders.detail). */
const DETAIL = contextKey<Promise<{ detail: 'where' | 'signup'; what: string; defs: ReminderDef[] } | undefined>>('reminders.detail')

/** The sender has one-off reminders of her own in this group (reminders.manage; read once a message). */
const OWN = contextKey<Promise<boolean>>('reminders.own')

/** The 微家 rhythm a reminder is for (its label or text names it). */
const RHYTHM_WORD = /家接待|家聚会|家活动|家宴会/u

export interface RemindersOptions {
  /** The clock (tests inject one); default Date.now. */
  now?: () => number
  /** Settings given directly instead of from config (tests; schedules may be { kind: 'every', ms }). */
  settings?: SettingsOverride
}

// Remember a group's room at most this often per process (every message would otherwise be a Redis write).

export function createReminders(opts: RemindersOptions = {}): Capability {
  return {
    name: 'reminders',
    register(app: App) {
      const now = opts.now ?? Date.now
      const settings = readSettings(app.config, opts.settings)
      const svc = new ReminderService(app, settings, now)
      const understood = (ctx: Context): Understanding | undefined => ctx.get(UNDERSTOOD)
      const addressed = (ctx: Context) => ctx.msg.mentioned || ctx.msg.conversation.kind === 'private'
      // Before routing: the group's rhythm events for whoever lists what is on ("这周有啥活动", read only when asked),
      // and a host with a reminder draft is waiting to confirm it (so "对" or "好 就这样" read as yes).
      app.use(async (ctx, next) => {
        const groupId = ctx.msg.groupId
        if (groupId) ctx.set(RHYTHM_EVENTS, (from, to) => eventsBetween(groupId, from, to))
        try {
          if (ctx.msg.groupId && ctx.msg.kind === 'text' && !ctx.get(PENDING) && (await svc.store.hasDraft(ctx.msg.groupId, ctx.msg.sender.id))) ctx.set(PENDING, 'confirm_reminder')
        } catch (err) {
          ctx.log.warn({ err }, 'reminders: loader failed')
        }
        await next()
      })

      // 「确认」/「取消」 to a draft, or a fix of its clock ("改成早上8点提醒"). Only the host who made the draft has
      // one, so this matches nobody else.
      const draftAnswer = (ctx: Context): 'confirm' | 'cancel' | 'correct' | undefined => {
        const u = understood(ctx)
        if (u?.intent === 'correction' && u.slots.time) return 'correct'
        const plain = parseDraftAnswer(ctx.msg.text)
        if (plain) return plain
        return u?.intent === 'confirm.yes' ? 'confirm' : u?.intent === 'confirm.no' ? 'cancel' : undefined
      }
      app.route({
        name: 'reminders.confirm',
        band: 'command',
        roles: [...MANAGERS],
        async match(ctx) {
          if (!ctx.msg.groupId || !draftAnswer(ctx)) return false
          return svc.store.hasDraft(ctx.msg.groupId, ctx.msg.sender.id)
        },
        handle: (ctx) => {
          const answer = draftAnswer(ctx)!
          return answer === 'correct' ? correctDraft(ctx, svc, understood(ctx)!.slots.time!) : answerDraft(ctx, svc, answer)
        },
      })

      const once = onceReminders(app)

      // 提醒列表 / 暂停提醒 N / 恢复提醒 N / 删除提醒 N, or the same in plain words ("把第2个提醒删了").
      // Matches for residents too: they manage their own 「提醒我…」 one-offs, and are refused the rest (manage).
      const commandOf = (ctx: Context) => {
        const cmd = parseCommand(ctx.msg.text)
        if (cmd) return cmd
        const u = understood(ctx)
        if (u?.intent !== 'reminder.manage') return undefined
        const action = u.slots.action ?? 'list'
        if (action === 'list') return { kind: 'list' as const }
        // No number: the reminder the message names, if exactly one (handlers.ts manage).
        return u.slots.index !== undefined ? { kind: action, ref: String(u.slots.index) } : { kind: 'describe' as const, action }
      }
      // Without @ in the group (answerMode mention too), short commands are taken as the sign-ups take theirs: a host's
      // in any form (as 名单 / 截止报名3); a resident's in their exact form (提醒列表, 删除提醒 3) when she has reminders of
      // her own to manage (「提醒我…」), as she asks 活动列表 or 我报上了没 without @. Her plain words ("那个提醒删了吧")
      // are more often said to the host than to the bot, and with nothing of her own she is refused only when she
      // addresses the bot (as signups.host refuses 名单-like commands).
      const hasOwn = (ctx: Context) =>
        ctx.memo(OWN, async () => (await once.visible(ctx.msg.groupId!, ctx.msg.sender.id)).some((r) => r.personal?.id === ctx.msg.sender.id))
      app.route({
        name: 'reminders.manage',
        band: 'command',
        async match(ctx) {
          if (!ctx.msg.groupId) return false
          if (addressed(ctx) || ctx.msg.role !== 'resident') return commandOf(ctx) !== undefined
          return parseCommand(ctx.msg.text) !== undefined && (await hasOwn(ctx))
        },
        handle: (ctx) => {
          const cmd = commandOf(ctx)!
          if (cmd.kind === 'confirm' || cmd.kind === 'cancel') return ctx.reply(texts.manageWhich)
          return manage(ctx, svc, cmd, once)
        },
      })

      // "家接待改到每周四下午3点", "提醒2改到每周五晚上8点": a host moves a reminder to a new time (a draft that replaces it on
      // 确认; handlers.ts moveReminder). Addressed, or a host's or staff member's without @ as their other commands.
      app.route({
        name: 'reminders.move',
        band: 'command',
        roles: [...MANAGERS],
        match: (ctx) => !!ctx.msg.groupId && (ctx.msg.mentioned || ctx.msg.role !== 'resident') && !isQuestion(ctx.msg.text) && parseMove(ctx.msg.text) !== undefined,
        handle: (ctx) => moveReminder(ctx, svc, parseMove(ctx.msg.text)!),
      })

      // 「每月第一个周六上午9点提醒大家家聚会」: a text that starts with a schedule and is not a question.
      // Registered before sign-ups (capabilities.ts): a text that starts with 每周/每月/每年… is a recurring reminder,
      // never a one-off activity announcement (「每季度第一个月15号 家活动」 would otherwise also look like one).
      app.route({
        name: 'reminders.create',
        band: 'command',
        roles: [...MANAGERS],
        match(ctx) {
          if (!ctx.msg.groupId || isQuestion(ctx.msg.text)) return false
          // Addressed, or a host's recurring reminder as the understanding reads it ("每天晚上8点提醒大家接龙").
          const u = understood(ctx)
          const recurring = u?.intent === 'reminder.create' && (u.slots.repeat ?? 'none') !== 'none' && u.slots.audience !== 'signed_up'
          if (!ctx.msg.mentioned && !(recurring && (addressed(ctx) || ctx.msg.role !== 'resident'))) return false
          return parseSchedule(ctx.msg.text, { now: now(), tz: settings.tz }) !== undefined
        },
        handle: (ctx) => draftReminder(ctx, svc),
      })

      // A one-off reminder ("下周一上午10点提醒大家交表"; "周日早上8点提醒我…" for oneself). Reminders only for those
      // signed up to an activity are the sign-ups capability's (it knows the rosters).
      app.route({
        name: 'reminders.once',
        band: 'command',
        match(ctx) {
          const u = understood(ctx)
          if (u?.intent !== 'reminder.create' || u.slots.audience === 'signed_up' || (u.slots.repeat ?? 'none') !== 'none' || !u.slots.time) return false
          return addressed(ctx) || ctx.msg.role !== 'resident'
        },
        async handle(ctx) {
          // Reminding the whole group is a host's; anyone may ask to be reminded themselves.
          if (!/提醒我/u.test(ctx.msg.text) && ctx.msg.role === 'resident') return ctx.reply(coreTexts.forbidden([...MANAGERS]))
          await once.schedule(ctx, understood(ctx)!.slots, now(), settings.tz)
        },
      })

      // "家聚会啥时候啊 我好安排上班": when the group's own 家聚会 is, from its reminders, not the documents' "每月一次".
      // "那我平时能来微家坐坐聊聊天不": when someone is there to receive her, the 家接待.
      // Only when the group has one for what she names; otherwise the question goes on to the documents.
      const whenAsked = (ctx: Context) => {
        if (!ctx.msg.groupId || ctx.msg.kind !== 'text' || !(addressed(ctx) || ctx.group?.answerMode === 'questions')) return undefined
        if (understood(ctx)?.intent !== 'qa.question') return undefined
        return rhythmAskedWhen(ctx.msg.text)
      }
      const scheduledFor = async (groupId: string, what: string) =>
        (await svc.defs(groupId)).filter((d) => !d.paused && (d.label.includes(what) || d.template.includes(what)) && svc.nextOf(d).length)
      // The rhythm event she just asked the time of, for her follow-ups ("在哪聚", "要报名不"): ten minutes.
      const askedKey = (groupId: string, senderId: string) => app.key('reminders', 'asked', groupId, senderId)
      // "家聚会啥时候" → "在哪聚" / "要报名不", or "家聚会在哪" outright: the group's own place and whether its reminder asks
      // for sign-ups — not a passage of the documents (a tester got a school plan's sentence) and not a sign-up held for
      // an activity nobody has announced.
      // Read once a message: the route's match and its handler both need it.
      const detailAsked = (ctx: Context) => ctx.memo(DETAIL, () => readDetail(ctx))
      const readDetail = async (ctx: Context) => {
        if (!ctx.msg.groupId || ctx.msg.kind !== 'text' || !addressed(ctx)) return undefined
        const detail = rhythmDetailAsked(ctx.msg.text)
        if (!detail) return undefined
        const named = RHYTHM_WORD.exec(ctx.msg.text)?.[0]
        // Elliptical ("在哪聚", "要报名不") only right after she asked about one; a longer question goes to the documents.
        const what = named ?? (ctx.msg.text.replace(/@\S+/gu, '').trim().length <= 8 ? await app.redis.get(askedKey(ctx.msg.groupId, ctx.msg.sender.id)) : null)
        if (!what) return undefined
        const defs = await scheduledFor(ctx.msg.groupId, what)
        return defs.length ? { detail, what, defs } : undefined
      }
      app.route({
        name: 'reminders.detail',
        band: 'conversation',
        match: async (ctx) => (await detailAsked(ctx)) !== undefined,
        async handle(ctx) {
          const { detail, what, defs } = (await detailAsked(ctx))!
          await app.redis.set(askedKey(ctx.msg.groupId!, ctx.msg.sender.id), what, 'EX', 600).catch((err) => ctx.log.warn({ err }, 'reminders: could not note the rhythm asked about'))
          if (detail === 'signup') return ctx.reply(texts.rhythmSignup(what, defs.some((d) => d.signup !== undefined)))
          return ctx.reply(texts.rhythmPlace(what, ctx.group?.place ?? ''))
        },
      })
      app.route({
        name: 'reminders.when',
        band: 'conversation',
        async match(ctx) {
          const what = whenAsked(ctx)
          return what !== undefined && (await scheduledFor(ctx.msg.groupId!, what)).length > 0
        },
        async handle(ctx) {
          const what = whenAsked(ctx)!
          const defs = await scheduledFor(ctx.msg.groupId!, what)
          await app.redis.set(askedKey(ctx.msg.groupId!, ctx.msg.sender.id), what, 'EX', 600).catch((err) => ctx.log.warn({ err }, 'reminders: could not note the rhythm asked about'))
          const times = onceEach(defs.map((d) => ({ description: d.description, next: svc.nextOf(d)[0]! })).sort((a, b) => a.next - b.next), (t) => t.description)
          const when = texts.whenScheduled(what, times.map((t) => ({ description: t.description, next: svc.formatAt(t.next) })))
          // "能来微家坐坐聊聊天不" asks whether she may come: yes, and when someone is there.
          return ctx.reply(dropsIn(ctx.msg.text) ? `${texts.dropIn(ctx.group?.place ?? '')}\n${when}` : when)
        },
      })

      // "咱们微家平时都搞些啥活动，多久一次": the group's rhythm (its 家接待 / 家聚会 / 家活动 / 家宴会 reminders, each
      // with its next time) and what is open for sign-up now. Only when the group has such reminders.
      const overviewAsked = (ctx: Context) =>
        !!ctx.msg.groupId && ctx.msg.kind === 'text' && (addressed(ctx) || ctx.group?.answerMode === 'questions') && ['qa.question', 'activity.list'].includes(understood(ctx)?.intent ?? '') && rhythmOverviewAsked(ctx.msg.text)
      const rhythms = async (groupId: string) =>
        (await svc.defs(groupId)).filter((d) => !d.paused && RHYTHM_WORD.test(`${d.label}${d.template}`) && svc.nextOf(d).length)
      const eventsBetween = async (groupId: string, from: number, to: number): Promise<RhythmEvent[]> => {
        const events = (await rhythms(groupId)).flatMap((d) => timesBetween(d.schedule, from, to, 100).map((at) => ({ what: RHYTHM_WORD.exec(`${d.label}${d.template}`)![0], at })))
        return onceEach(events.sort((a, b) => a.at - b.at), (e) => `${e.what}|${e.at}`)
      }
      app.route({
        name: 'reminders.rhythm',
        band: 'conversation',
        async match(ctx) {
          return overviewAsked(ctx) && (await rhythms(ctx.msg.groupId!)).length > 0
        },
        async handle(ctx) {
          const defs = (await rhythms(ctx.msg.groupId!)).map((d) => ({ what: RHYTHM_WORD.exec(`${d.label}${d.template}`)![0], description: d.description, next: svc.nextOf(d)[0]! })).sort((a, b) => a.next - b.next)
          const open = (ctx.get(ACTIVITIES) ?? []).map((a) => ({ title: a.title, at: svc.formatAt(a.startAt) }))
          return ctx.reply(texts.rhythmOverview(onceEach(defs, (r) => `${r.what}|${r.description}`).map((r) => ({ ...r, next: svc.formatAt(r.next) })), open))
        },
      })

      // With an LLM: 「以后每个月头一个礼拜六早上叫大家来家聚会」 and other wordings the rules miss.
      if (app.llm) {
        const llm = app.llm
        app.route({
          name: 'reminders.create-llm',
          band: 'command',
          roles: [...MANAGERS],
          match: (ctx) =>
            ctx.msg.mentioned &&
            !!ctx.msg.groupId &&
            /提醒|通知/u.test(ctx.msg.text) &&
            /每|定时|周期|以后/u.test(ctx.msg.text) &&
            !isQuestion(ctx.msg.text) &&
            parseCommand(ctx.msg.text) === undefined &&
            parseSchedule(ctx.msg.text, { now: now(), tz: settings.tz }) === undefined,
          async handle(ctx) {
            const parsed = await scheduleWithLlm(limitLlm(llm, { budget: ctx.replyBudget }), ctx.msg.text, { now: now(), tz: settings.tz }).catch((err: unknown) => {
              ctx.log.warn({ err }, 'reminders: LLM could not read the schedule')
              return undefined
            })
            await draftReminder(ctx, svc, parsed)
          },
        })
      }

      app.onStart(async () => {
        try {
          await svc.sync()
          const { sent, skipped } = await svc.catchUp()
          if (sent.length || skipped.length) app.log.info({ sent, skipped }, 'reminders: catch-up after start')
        } catch (err) {
          // Reminders must not keep the bot from answering; the next start tries again.
          app.log.error({ err }, 'reminders: start-up sync failed')
        }
      })
    },
  }
}

export const reminders: Capability = createReminders()

/**
 * The first of each kind: a host's own reminder of a rhythm at the built-in one's time (she saved it despite the
 * warning) is one event for the group, said once.
 */
function onceEach<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)))
}
