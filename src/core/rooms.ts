// Remembers each group's room (id and topic) as its messages and joins arrive, so capabilities can post to
// a group by its config id even when the platform cannot look the room up (a topic that changed, a puppet
// that lists no rooms). Written to Redis only when it changes: this runs on every group message.
import type { Redis } from './storage.ts'
import { z } from 'zod'

export type RoomRef = { kind: 'room'; roomId: string; topic: string }

const stored = z.object({ roomId: z.string(), topic: z.string() })

export class RoomMemory {
  private readonly known = new Map<string, string>()

  constructor(
    private readonly redis: Redis,
    private readonly keyFor: (groupId: string) => string,
  ) {}

  async note(groupId: string, room: { roomId: string; topic: string }): Promise<void> {
    const value = JSON.stringify({ roomId: room.roomId, topic: room.topic })
    if (this.known.get(groupId) === value) return
    await this.redis.set(this.keyFor(groupId), value)
    this.known.set(groupId, value)
  }

  async recall(groupId: string): Promise<RoomRef | undefined> {
    const raw = await this.redis.get(this.keyFor(groupId))
    if (!raw) return undefined
    const parsed = stored.safeParse(JSON.parse(raw))
    return parsed.success ? { kind: 'room', ...parsed.data } : undefined
  }
}
