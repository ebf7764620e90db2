// The reminder engine: keeps one BullMQ job scheduler per active reminder (stable ids), fires each
// occurrence once, and on start sends a reminder missed while offline if it is still within the grace period.
import { z } from 'zod'
import { groupById, type GroupConfig } from '../config.ts'
import type { App, JobMeta, Scheduler } from '../core/capability.ts'
import { DEFAULT_QUIET } from '../core/proactive.ts'
import { nextTimes, occurs, prevTime, repeatOf } from './schedule.ts'
import { sendProactive } from './send.ts'
import type { ReminderDef, Settings } from './settings.ts'
import { type ChatReminder, type Draft, ReminderStore } from './store.ts'
import { formatWhen } from './texts.ts'
import { wallClock } from '../core/tz.ts'

export const REMINDER_QUEUE = 'reminders'
const fireJobSchema = z.object({ reminderId: z.string().min(1) })
type FireJob = z.infer<typeof fireJobSchema>

const ID_PREFIXES = ['cfg.', 'chat.']

export const chatReminderId = (groupId: string, no: number) => `chat.${groupId}.${no}`

export function chatDef(r: ChatReminder): ReminderDef {
  return {
    id: chatReminderId(r.groupId, r.no),
    groupId: r.groupId,
    source: 'chat',
    ref: String(r.no),
    label: r.label,
    description: r.description,
    schedule: r.schedule,
    template: r.template,
    paused: r.paused,
  }
}

/** Fills {name} {place} {date} {time}; a line whose placeholders all came out empty is dropped. */
export function renderReminder(def: Pick<ReminderDef, 'template' | 'signup'>, group: Pick<GroupConfig, 'name' | 'place'>, at: number, tz: string): string {
  const w = wallClock(at, tz)
  const when = formatWhen(w)
  const vars: Record<string, string> = { name: group.name, place: group.place, date: when.slice(0, when.lastIndexOf('）') + 1), time: when.slice(when.lastIndexOf('）') + 1) }
  const lines = def.template.split('\n').flatMap((line) => {
    const names = [...line.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!)
    if (names.length && names.every((n) => !vars[n])) return []
    return [line.replace(/\{(\w+)\}/gu, (all, n: string) => vars[n] ?? all)]
  })
  if (def.signup) lines.push(def.signup)
  return lines.join('\n').trim()
}

export class ReminderService {
  readonly store: ReminderStore
  readonly scheduler: Scheduler<FireJob>

  constructor(
    private readonly app: App,
    readonly settings: Settings,
    readonly now: () => number,
  ) {
    this.store = new ReminderStore(app)
    this.scheduler = app.jobs.schedule({
      name: REMINDER_QUEUE,
      schema: fireJobSchema,
      process: (data, meta) => this.fire(data, meta),
      attempts: 3,
    })
  }

  get tz(): string {
    return this.settings.tz
  }

  /** Every reminder of a group, config first (with chat pauses applied), then chat-created by number. */
  async defs(groupId: string): Promise<ReminderDef[]> {
    const paused = await this.store.pausedConfig(groupId)
    const fromConfig = this.settings.group(groupId).defs.map((d) => ({ ...d, paused: paused.has(d.id) }))
    const fromChat = (await this.store.list(groupId)).map(chatDef)
    return [...fromConfig, ...fromChat]
  }

  async def(id: string): Promise<ReminderDef | undefined> {
    const [source, groupId, rest] = id.split('.')
    if (!groupId || !rest) return undefined
    if (source === 'chat') {
      const r = await this.store.get(groupId, Number(rest))
      return r && chatDef(r)
    }
    return (await this.defs(groupId)).find((d) => d.id === id)
  }

  /** Brings BullMQ's schedulers in line with config and chat: upsert the active, remove the rest. */
  async sync(): Promise<void> {
    const now = this.now()
    const active = new Set<string>()
    for (const g of this.app.config.groups) {
      for (const def of await this.defs(g.id)) {
        if (def.paused) continue
        active.add(def.id)
        await this.scheduler.upsert(def.id, repeatOf(def.schedule), { reminderId: def.id })
        await this.store.markSince(def.id, now)
      }
    }
    for (const s of await this.scheduler.list()) {
      if (ID_PREFIXES.some((p) => s.id.startsWith(p)) && !active.has(s.id)) {
        await this.scheduler.remove(s.id)
        this.app.log.info({ reminder: s.id }, 'reminders: removed a scheduler no longer in config or chat')
      }
    }
    this.app.log.info({ active: active.size }, 'reminders: schedulers in sync')
  }

  async activate(def: ReminderDef): Promise<void> {
    await this.scheduler.upsert(def.id, repeatOf(def.schedule), { reminderId: def.id })
    // Occurrences before (re)activation are not "missed".
    await this.store.markSince(def.id, this.now(), { overwrite: true })
  }

  async deactivate(id: string): Promise<void> {
    await this.scheduler.remove(id)
  }

  async createFromDraft(draft: Draft): Promise<ChatReminder> {
    const { replaces, ...rest } = draft
    const r = await this.store.create(rest)
    await this.activate(chatDef(r))
    // Moved to a new time: the old one stops (paused, so 「恢复提醒」 brings it back), only after the new one runs.
    const old = replaces ? await this.def(replaces) : undefined
    if (old && !old.paused) await this.setPaused(old, true)
    return r
  }

  async deleteChat(groupId: string, no: number): Promise<boolean> {
    const id = chatReminderId(groupId, no)
    const removed = await this.store.delete(groupId, no)
    await this.scheduler.remove(id)
    await this.store.forget(id)
    return removed
  }

  async setPaused(def: ReminderDef, paused: boolean): Promise<void> {
    if (def.source === 'config') await this.store.setConfigPaused(def.groupId, def.id, paused)
    else {
      const r = await this.store.get(def.groupId, Number(def.ref))
      if (r) await this.store.save({ ...r, paused })
    }
    if (paused) await this.deactivate(def.id)
    else await this.activate({ ...def, paused })
  }

  nextOf(def: Pick<ReminderDef, 'schedule'>, count = 1): number[] {
    return nextTimes(def.schedule, this.now(), count)
  }

  /** With its year when not this year's: a yearly reminder's next three (腊月二十) read "1月27日, 1月16日, 2月3日" otherwise. */
  formatAt(at: number): string {
    const w = wallClock(at, this.tz)
    return `${w.year !== wallClock(this.now(), this.tz).year ? `${w.year}年` : ''}${formatWhen(w)}`
  }

  // ---- firing

  private async fire(data: FireJob, meta: JobMeta): Promise<void> {
    const now = this.now()
    const fireTime = meta.scheduledAt ?? now
    const log = this.app.log.child({ reminder: data.reminderId, fireTime })
    const def = await this.def(data.reminderId)
    if (!def) {
      // A deleted chat reminder: its scheduler goes too. Config ones are only removed by sync on start,
      // so a process with an older config never deletes a newer process's reminder.
      if (data.reminderId.startsWith('chat.')) await this.scheduler.remove(data.reminderId)
      log.info('reminders: tick for an unknown reminder ignored')
      return
    }
    if (def.paused || !occurs(def.schedule, fireTime)) return
    if (now - fireTime > this.settings.graceMs) {
      // BullMQ keeps one overdue tick across downtime; never send a stale reminder.
      log.warn({ lateMin: Math.round((now - fireTime) / 60_000) }, 'reminders: tick too late, skipped')
      await this.store.setLastFired(def.id, fireTime)
      return
    }
    await this.deliver(def, fireTime)
  }

  /** Sends one occurrence, at most once across processes and retries. */
  async deliver(def: ReminderDef, fireTime: number, opts: { late?: boolean } = {}): Promise<string> {
    const log = this.app.log.child({ reminder: def.id, fireTime })
    if (!(await this.store.claimFire(def.id, fireTime))) return 'duplicate'
    try {
      const group = groupById(this.app.config, def.groupId)
      if (!group) {
        await this.store.releaseFire(def.id, fireTime)
        log.warn('reminders: group not in config, skipped')
        return 'no-group'
      }
      const now = this.now()
      const result = await sendProactive(
        this.app,
        { groupId: def.groupId, text: renderReminder(def, group, fireTime, this.tz), key: `reminder:${def.id}:${fireTime}`, dueAt: fireTime },
        { quiet: group.quietHours ?? DEFAULT_QUIET, tz: this.tz, dailyBudget: this.settings.group(def.groupId).dailyBudget, now },
      )
      if (result.status === 'no-room') {
        // Let a later start-up catch-up (within the grace period) try again once the room is known.
        await this.store.releaseFire(def.id, fireTime)
        log.warn('reminders: room of the group unknown (no message seen from it yet), not sent')
        return result.status
      }
      await this.store.setLastFired(def.id, fireTime)
      if (result.status === 'over-budget') log.warn({ day: result.day }, 'reminders: daily budget of proactive messages spent, skipped')
      else log.info({ sendAt: result.sendAt, shifted: result.sendAt > Math.max(now, fireTime), late: opts.late ?? false }, 'reminders: sent to the outbox')
      return result.status
    } catch (err) {
      await this.store.releaseFire(def.id, fireTime)
      throw err
    }
  }

  /**
   * On start: for each active reminder, the latest occurrence missed while offline is sent once if it is
   * at most graceMs late; older ones are logged and skipped. Never more than one per reminder.
   */
  async catchUp(): Promise<{ sent: string[]; skipped: string[] }> {
    const now = this.now()
    const sent: string[] = []
    const skipped: string[] = []
    const defs = (await Promise.all(this.app.config.groups.map((g) => this.defs(g.id)))).flat().filter((d) => !d.paused)
    const ids = defs.map((d) => d.id)
    const [last, since] = await Promise.all([this.store.lastFired(ids), this.store.since(ids)])
    for (const def of defs) {
      const prev = prevTime(def.schedule, now)
      if (prev === undefined) continue
      if (prev <= (last.get(def.id) ?? 0) || prev < (since.get(def.id) ?? now)) continue
      if (now - prev <= this.settings.graceMs) {
        const status = await this.deliver(def, prev, { late: true })
        if (status !== 'duplicate') sent.push(def.id)
      } else {
        this.app.log.info({ reminder: def.id, missedAt: prev, lateMin: Math.round((now - prev) / 60_000) }, 'reminders: missed while offline, too late to send; skipped')
        await this.store.setLastFired(def.id, prev)
        skipped.push(def.id)
      }
    }
    return { sent, skipped }
  }
}
