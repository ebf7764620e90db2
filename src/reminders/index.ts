// Scheduled reminders for the 微家 rhythm (家接待 weekly, 家聚会 monthly, 家活动 quarterly, 家宴会 yearly)
// from config, and reminders hosts set up in chat (「@小助手 每周三下午3点 家接待」 → preview → 「确认」).
import type { App, Capability } from '../core/capability.ts'
import { answerDraft, draftReminder, manage } from './handlers.ts'
import { scheduleWithLlm } from './llm.ts'
import { isQuestion, parseCommand, parseDraftAnswer, parseSchedule } from './parse.ts'
import { ReminderService } from './service.ts'
import { readSettings, type SettingsOverride } from './settings.ts'

export interface RemindersOptions {
  /** The clock (tests inject one); default Date.now. */
  now?: () => number
  /** Settings given directly instead of from config (tests; schedules may be { kind: 'every', ms }). */
  settings?: SettingsOverride
}

const MANAGERS = ['host', 'staff'] as const
// Remember a group's room at most this often per process (every message would otherwise be a Redis write).

export function createReminders(opts: RemindersOptions = {}): Capability {
  return {
    name: 'reminders',
    register(app: App) {
      const now = opts.now ?? Date.now
      const settings = readSettings(app.config, opts.settings)
      const svc = new ReminderService(app, settings, now)
      // 「确认」/「取消」 to a draft. Only the host who made the draft has one, so this matches nobody else.
      app.route({
        name: 'reminders.confirm',
        priority: 5,
        roles: [...MANAGERS],
        async match(ctx) {
          if (!ctx.msg.groupId || !parseDraftAnswer(ctx.msg.text)) return false
          return svc.store.hasDraft(ctx.msg.groupId, ctx.msg.sender.id)
        },
        handle: (ctx) => answerDraft(ctx, svc, parseDraftAnswer(ctx.msg.text)!),
      })

      // 提醒列表 / 暂停提醒 N / 恢复提醒 N / 删除提醒 N. Matches for residents too, so they get the refusal.
      app.route({
        name: 'reminders.manage',
        priority: 10,
        roles: [...MANAGERS],
        match: (ctx) => ctx.msg.mentioned && !!ctx.msg.groupId && parseCommand(ctx.msg.text) !== undefined,
        handle: (ctx) => manage(ctx, svc, parseCommand(ctx.msg.text) as Parameters<typeof manage>[2]),
      })

      // 「每月第一个周六上午9点提醒大家家聚会」: a text that starts with a schedule and is not a question.
      // Priority 8: a text that starts with 每周/每月/每年… is a recurring reminder, never a one-off activity
      // announcement (「每季度第一个月15号 家活动」 would otherwise also look like one to sign-ups).
      app.route({
        name: 'reminders.create',
        priority: 8,
        roles: [...MANAGERS],
        match: (ctx) =>
          ctx.msg.mentioned && !!ctx.msg.groupId && !isQuestion(ctx.msg.text) && parseSchedule(ctx.msg.text, { now: now(), tz: settings.tz }) !== undefined,
        handle: (ctx) => draftReminder(ctx, svc),
      })

      // With an LLM: 「以后每个月头一个礼拜六早上叫大家来家聚会」 and other wordings the rules miss.
      if (app.llm) {
        const llm = app.llm
        app.route({
          name: 'reminders.create-llm',
          priority: 12,
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
            const parsed = await scheduleWithLlm(llm, ctx.msg.text, { now: now(), tz: settings.tz }).catch((err: unknown) => {
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
