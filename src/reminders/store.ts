// Reminder state in Redis, all under app.key(...): chat-created reminders, drafts awaiting 「确认」,
// pauses of config reminders, when each reminder last fired, per-fire markers, and group rooms.
import { z } from 'zod'
import type { App } from '../core/capability.ts'
import { personSchema as person } from '../core/message.ts'
import { type Schedule, scheduleSchema } from './schedule.ts'

export const chatReminderSchema = z.object({
  no: z.number().int().min(1),
  groupId: z.string(),
  schedule: scheduleSchema,
  description: z.string(),
  /** What the host wrote after the schedule (家聚会, 交水费…). */
  label: z.string(),
  template: z.string(),
  paused: z.boolean().default(false),
  createdBy: person,
  createdAt: z.number(),
})
export type ChatReminder = z.infer<typeof chatReminderSchema>

export const draftSchema = chatReminderSchema.omit({ no: true, paused: true }).extend({
  /** A reminder moved to a new time ("家接待改到每周四下午3点"): the id of the one this draft replaces, paused on 确认. */
  replaces: z.string().optional(),
})
export type Draft = z.infer<typeof draftSchema>


export const DRAFT_TTL_SEC = 600
const MARKER_TTL_SEC = 8 * 24 * 3600

// lastFiredAt only moves forward, whichever process writes last.
const SET_MAX = `
local cur = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if tonumber(ARGV[2]) > cur then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`

export class ReminderStore {
  constructor(private readonly app: Pick<App, 'redis' | 'key' | 'log'>) {}

  private k = (...parts: string[]) => this.app.key('reminders', ...parts)

  // ---- chat reminders
  async list(groupId: string): Promise<ChatReminder[]> {
    const all = await this.app.redis.hgetall(this.k(groupId, 'chat'))
    const out: ChatReminder[] = []
    for (const [no, json] of Object.entries(all)) {
      const parsed = chatReminderSchema.safeParse(safeJson(json))
      if (parsed.success) out.push(parsed.data)
      else this.app.log.warn({ groupId, no }, 'reminders: unreadable stored reminder skipped')
    }
    return out.sort((a, b) => a.no - b.no)
  }

  async get(groupId: string, no: number): Promise<ChatReminder | undefined> {
    const json = await this.app.redis.hget(this.k(groupId, 'chat'), String(no))
    const parsed = chatReminderSchema.safeParse(safeJson(json))
    return parsed.success ? parsed.data : undefined
  }

  async create(draft: Draft): Promise<ChatReminder> {
    const no = await this.app.redis.incr(this.k(draft.groupId, 'seq'))
    const reminder: ChatReminder = { ...draft, no, paused: false }
    await this.app.redis.hset(this.k(draft.groupId, 'chat'), String(no), JSON.stringify(reminder))
    return reminder
  }

  async save(reminder: ChatReminder): Promise<void> {
    await this.app.redis.hset(this.k(reminder.groupId, 'chat'), String(reminder.no), JSON.stringify(reminder))
  }

  async delete(groupId: string, no: number): Promise<boolean> {
    return (await this.app.redis.hdel(this.k(groupId, 'chat'), String(no))) > 0
  }

  /** Groups that have chat reminders (for the CLI preview, which has no config of chat state). */
  async groupsWithChat(groupIds: readonly string[]): Promise<string[]> {
    const out: string[] = []
    for (const g of groupIds) if ((await this.app.redis.hlen(this.k(g, 'chat'))) > 0) out.push(g)
    return out
  }

  // ---- drafts: one per host per group, until 「确认」, 「取消」 or ten minutes
  async putDraft(groupId: string, senderId: string, draft: Draft): Promise<void> {
    await this.app.redis.set(this.k('draft', groupId, senderId), JSON.stringify(draft), 'EX', DRAFT_TTL_SEC)
  }

  async takeDraft(groupId: string, senderId: string): Promise<Draft | undefined> {
    const json = await this.app.redis.getdel(this.k('draft', groupId, senderId))
    const parsed = draftSchema.safeParse(safeJson(json))
    return parsed.success ? parsed.data : undefined
  }

  async hasDraft(groupId: string, senderId: string): Promise<boolean> {
    return (await this.app.redis.exists(this.k('draft', groupId, senderId))) === 1
  }

  async dropDraft(groupId: string, senderId: string): Promise<boolean> {
    return (await this.app.redis.del(this.k('draft', groupId, senderId))) > 0
  }

  // ---- config reminders paused from chat
  async pausedConfig(groupId: string): Promise<Set<string>> {
    return new Set(await this.app.redis.smembers(this.k(groupId, 'paused')))
  }

  async setConfigPaused(groupId: string, id: string, paused: boolean): Promise<boolean> {
    const n = paused ? await this.app.redis.sadd(this.k(groupId, 'paused'), id) : await this.app.redis.srem(this.k(groupId, 'paused'), id)
    return n > 0
  }

  // ---- firing history
  lastFired(ids: string[]): Promise<Map<string, number>> {
    return this.times('last', ids)
  }

  async setLastFired(id: string, at: number): Promise<void> {
    await this.app.redis.eval(SET_MAX, 1, this.k('last'), id, String(at))
  }

  /** When a reminder became active (first seen, created or resumed): nothing before it is "missed". */
  since(ids: string[]): Promise<Map<string, number>> {
    return this.times('since', ids)
  }

  /** Epoch-ms values of a hash for these reminder ids; ids without one are absent. */
  private async times(hash: string, ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>()
    if (!ids.length) return out
    const values = await this.app.redis.hmget(this.k(hash), ...ids)
    ids.forEach((id, i) => values[i] && out.set(id, Number(values[i])))
    return out
  }

  async markSince(id: string, at: number, opts: { overwrite?: boolean } = {}): Promise<void> {
    if (opts.overwrite) await this.app.redis.hset(this.k('since'), id, String(at))
    else await this.app.redis.hsetnx(this.k('since'), id, String(at))
  }

  async forget(id: string): Promise<void> {
    await this.app.redis.hdel(this.k('since'), id)
    await this.app.redis.hdel(this.k('last'), id)
  }

  /** SET NX per (reminder, fire time): true for the one caller that may send it. */
  async claimFire(id: string, fireTime: number): Promise<boolean> {
    return (await this.app.redis.set(this.k('fired', id, String(fireTime)), String(Date.now()), 'EX', MARKER_TTL_SEC, 'NX')) === 'OK'
  }

  async releaseFire(id: string, fireTime: number): Promise<void> {
    await this.app.redis.del(this.k('fired', id, String(fireTime)))
  }
}

/** JSON from Redis, or undefined when missing or unreadable (the record is then skipped, with a log line). */
export function safeJson(json: string | null | undefined): unknown {
  if (!json) return undefined
  try {
    return JSON.parse(json)
  } catch {
    return undefined
  }
}

export type { Schedule }
