// The record of one-off reminders said in chat, per group, so 「提醒列表」 shows them and 「删除提醒 N」 finds
// them. Numbered from the same per-group counter as recurring chat reminders (store.ts), so a number names one
// reminder whatever its kind. The delayed job that sends it lives in BullMQ; this hash is what hosts see.
import { z } from 'zod'
import type { App } from '../core/capability.ts'
import { personSchema as person } from '../core/message.ts'
import { safeJson } from './store.ts'

export const onceRecordSchema = z.object({
  no: z.number().int().min(1),
  groupId: z.string(),
  /** Epoch ms it is due. */
  at: z.number(),
  content: z.string(),
  /** Set for 「提醒我…」: sent privately to this person, and shown to nobody else. */
  personal: person.optional(),
  createdBy: person,
  createdAt: z.number(),
  /** The BullMQ job that sends it. */
  jobId: z.string(),
})
export type OnceRecord = z.infer<typeof onceRecordSchema>

// A redelivered message must not take a second number: the message id remembers the number it got.
const MARKER_TTL_SEC = 8 * 24 * 3600
const CREATE = `
local got = redis.call('GET', KEYS[1])
if got then return {tonumber(got), 0} end
local no = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[3], tostring(no), ARGV[1])
redis.call('SET', KEYS[1], tostring(no), 'EX', tonumber(ARGV[2]))
return {no, 1}`

export class OnceStore {
  constructor(private readonly app: Pick<App, 'redis' | 'key' | 'log'>) {}

  // Same key builder and counter as ReminderStore's chat reminders.
  private k = (...parts: string[]) => this.app.key('reminders', ...parts)

  /** Records a one-off for a message, once: a redelivery returns the number it already has (created false). */
  async create(msgId: string, rec: Omit<OnceRecord, 'no'>): Promise<{ no: number; created: boolean }> {
    const [no, created] = (await this.app.redis.eval(CREATE, 3, this.k('once-msg', msgId), this.k(rec.groupId, 'seq'), this.k(rec.groupId, 'once'), JSON.stringify(rec), String(MARKER_TTL_SEC))) as [number, number]
    return { no, created: created === 1 }
  }

  async get(groupId: string, no: number): Promise<OnceRecord | undefined> {
    return read(no, await this.app.redis.hget(this.k(groupId, 'once'), String(no)))
  }

  async list(groupId: string): Promise<OnceRecord[]> {
    const out: OnceRecord[] = []
    for (const [no, json] of Object.entries(await this.app.redis.hgetall(this.k(groupId, 'once')))) {
      const rec = read(Number(no), json)
      if (rec) out.push(rec)
      else this.app.log.warn({ groupId, no }, 'reminders: unreadable one-off record skipped')
    }
    return out.sort((a, b) => a.no - b.no)
  }

  /** True for the one caller that removed it (sent, or deleted by a host). */
  async remove(groupId: string, no: number): Promise<boolean> {
    return (await this.app.redis.hdel(this.k(groupId, 'once'), String(no))) > 0
  }
}

// The number is the hash field (the JSON is written before the number is drawn, inside the script).
function read(no: number, json: string | null | undefined): OnceRecord | undefined {
  const body = safeJson(json)
  const parsed = onceRecordSchema.safeParse(body && typeof body === 'object' ? { ...body, no } : undefined)
  return parsed.success ? parsed.data : undefined
}
