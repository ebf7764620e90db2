// Sign-ups that race the announcement they answer. In a real group residents reply 报名 the moment the host
// posts, while the bot is still reading (and maybe asking an LLM about) the announcement. Such a sign-up is
// held against the group — durably, in Redis — and applied to the activity as soon as it is published; if
// none is published within the grace period, the resident is told there is no open activity. Never dropped.
import { z } from 'zod'
import type { JobQueue } from '../core/capability.ts'
import { conversationSchema, personSchema } from '../core/message.ts'
import type { Redis } from '../core/storage.ts'

export const heldSchema = z.object({
  groupId: z.string(),
  msgId: z.string(),
  by: personSchema,
  people: z.array(z.object({ key: z.string().min(1), name: z.string().min(1), own: z.boolean() })).min(1).max(200),
  room: conversationSchema,
  at: z.number(),
  /** The activity meant, when the sign-up named one already open (it only queued behind the held ones). */
  activityId: z.number().int().optional(),
  /** She writes in Traditional characters: her sign-up's confirmation, or "no open activity", is in them too. */
  traditional: z.boolean().optional(),
  /** Said beside an emergency: applied if an activity is published, but "no open activity" is never said. */
  quiet: z.boolean().optional(),
})
export type Held = z.infer<typeof heldSchema>

export const heldJobSchema = z.object({ groupId: z.string(), msgId: z.string() })
export type HeldJob = z.infer<typeof heldJobSchema>

/** Held sign-ups live at most this long in Redis (the grace job has long decided by then). */
const HELD_TTL_SEC = 600

// Joins the queue of held sign-ups only while it is not empty, so a sign-up never overtakes the ones held
// before it while a publish is applying them.
const HOLD_IF_WAITING = `
if redis.call('LLEN', KEYS[1]) == 0 then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`

export class HeldSignups {
  constructor(
    private readonly redis: Redis,
    private readonly key: (...parts: string[]) => string,
    private readonly expiry: JobQueue<HeldJob>,
    private readonly graceMs: number,
  ) {}

  private listKey(groupId: string) {
    return this.key('signups', 'held', groupId)
  }

  /** Keeps the sign-up and schedules its check at the end of the grace period. */
  async hold(h: Held): Promise<void> {
    await this.redis.multi().rpush(this.listKey(h.groupId), JSON.stringify(h)).expire(this.listKey(h.groupId), HELD_TTL_SEC).exec()
    await this.checkLater(h)
  }

  /** Holds the sign-up only if others are held for the group right now (true), so it keeps its place. */
  async holdIfWaiting(h: Held): Promise<boolean> {
    const held = await this.redis.eval(HOLD_IF_WAITING, 1, this.listKey(h.groupId), JSON.stringify(h), HELD_TTL_SEC)
    if (!held) return false
    await this.checkLater(h)
    return true
  }

  /** The check at the end of the grace period (idempotent by group and message). */
  private checkLater(h: Held): Promise<void> {
    return this.expiry.add(`signups-held:${h.groupId}:${h.msgId}`, { groupId: h.groupId, msgId: h.msgId }, { at: h.at + this.graceMs })
  }

  /**
   * Applies everything held for the group, in arrival order. Items leave the list only after `apply` took
   * them, so a sign-up arriving meanwhile queues behind them (holdIfWaiting) and is taken by the next round.
   */
  async drain(groupId: string, apply: (h: Held) => Promise<void>): Promise<number> {
    let done = 0
    for (;;) {
      const items = await this.redis.lrange(this.listKey(groupId), 0, 99)
      if (!items.length) return done
      for (const raw of items) await apply(heldSchema.parse(JSON.parse(raw)))
      await this.redis.ltrim(this.listKey(groupId), items.length, -1)
      done += items.length
    }
  }

  /**
   * A cancellation that arrives while the sender's own sign-up is still held (the announcement not yet out):
   * the people it names ("我婆婆去不了了") — or, naming none, everyone she signed up — leave the held sign-up
   * before it is applied. Returns how many people left. A publish draining meanwhile simply wins (LREM/LSET on
   * the exact item fail), and the cancellation is then applied to the roster like any other.
   */
  async withdraw(groupId: string, senderId: string, who: string[]): Promise<number> {
    let left = 0
    for (const raw of await this.redis.lrange(this.listKey(groupId), 0, -1)) {
      const h = heldSchema.parse(JSON.parse(raw))
      if (h.by.id !== senderId) continue
      const stays = who.length ? h.people.filter((p) => !who.some((w) => p.name.includes(w))) : []
      if (stays.length === h.people.length) continue
      if (!stays.length) {
        if (await this.redis.lrem(this.listKey(groupId), 1, raw)) left += h.people.length
        continue
      }
      // Replace the item in place (keeping its position), only if it is still the same item.
      const at = (await this.redis.lrange(this.listKey(groupId), 0, -1)).indexOf(raw)
      if (at < 0) continue
      await this.redis.lset(this.listKey(groupId), at, JSON.stringify({ ...h, people: stays }))
      left += h.people.length - stays.length
    }
    return left
  }

  /** Whether the sender has a sign-up held in the group right now. */
  async heldBy(groupId: string, senderId: string): Promise<boolean> {
    const items = await this.redis.lrange(this.listKey(groupId), 0, -1)
    return items.some((raw) => heldSchema.safeParse(JSON.parse(raw)).data?.by.id === senderId)
  }

  /** The held sign-up, still waiting (not drained by a publish), without taking it. */
  async peek(groupId: string, msgId: string): Promise<Held | undefined> {
    const items = await this.redis.lrange(this.listKey(groupId), 0, -1)
    return items.map((raw) => heldSchema.parse(JSON.parse(raw))).find((h) => h.msgId === msgId)
  }

  /** A host's draft is awaiting 确认: look again later, the list kept alive meanwhile. */
  async recheck(h: Held, at: number): Promise<void> {
    await this.redis.expire(this.listKey(h.groupId), HELD_TTL_SEC + Math.ceil(Math.max(0, at - Date.now()) / 1000))
    await this.expiry.add(`signups-held:${h.groupId}:${h.msgId}:${at}`, { groupId: h.groupId, msgId: h.msgId }, { at })
  }

  /** The one held sign-up, if it is still waiting (not drained by a publish); removed. */
  async take(groupId: string, msgId: string): Promise<Held | undefined> {
    const items = await this.redis.lrange(this.listKey(groupId), 0, -1)
    for (const raw of items) {
      const h = heldSchema.parse(JSON.parse(raw))
      if (h.msgId !== msgId) continue
      // LREM returns 0 if a publish drained it meanwhile: then the publish applies it.
      return (await this.redis.lrem(this.listKey(groupId), 1, raw)) ? h : undefined
    }
    return undefined
  }
}
