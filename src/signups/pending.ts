// What the bot asked one person and is waiting for (per group and sender): which activity they meant, or
// a host's confirmation before a destructive action (cancelling an activity, removing someone), or how a
// parent-child activity counts its places. One question per person at a time; a new one replaces it.
import { z } from 'zod'
import type { Redis } from '../core/storage.ts'

const slotsSchema = z.record(z.string(), z.unknown())

export const pendingSchema = z.discriminatedUnion('kind', [
  // The understanding of the message that needed an activity, replayed with the answer's activity.
  // `list`: the names of a pasted 接龙 that named no activity, merged in once she says which.
  z.object({ kind: z.literal('which_activity'), intent: z.string(), slots: slotsSchema, msgId: z.string(), activityIds: z.array(z.number().int()), list: z.array(z.string()).optional() }),
  // `reason`: what the host said with the cancellation ("取消活动1 场地被占了"), for the notice once she confirms.
  z.object({ kind: z.literal('confirm_cancel'), activityId: z.number().int(), reason: z.string().max(80).optional() }),
  z.object({ kind: z.literal('confirm_remove'), activityId: z.number().int(), entryKey: z.string(), name: z.string() }),
  z.object({ kind: z.literal('count_rule'), activityId: z.number().int() }),
])
export type Pending = z.infer<typeof pendingSchema>

/** Questions expire: an answer hours later is more likely about something else. */
const TTL_SEC = 30 * 60

export class PendingStore {
  constructor(
    private readonly redis: Redis,
    private readonly key: (...parts: string[]) => string,
  ) {}

  private k(groupId: string, personId: string) {
    return this.key('signups', 'pending', groupId, personId)
  }

  async get(groupId: string, personId: string): Promise<Pending | undefined> {
    const raw = await this.redis.get(this.k(groupId, personId))
    if (!raw) return undefined
    const parsed = pendingSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  }

  async set(groupId: string, personId: string, p: Pending, ttlSec = TTL_SEC): Promise<void> {
    await this.redis.set(this.k(groupId, personId), JSON.stringify(p), 'EX', ttlSec)
  }

  async clear(groupId: string, personId: string): Promise<void> {
    await this.redis.del(this.k(groupId, personId))
  }
}
