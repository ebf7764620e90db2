// Finding staff to whisper to: the platform directory first (configured ids or names), then the people
// this capability has seen message the bot (only configured referral staff are remembered).
import type { Redis } from '../core/storage.ts'
import type { App } from '../core/capability.ts'
import type { Person } from '../core/message.ts'

export class People {
  constructor(
    private readonly app: Pick<App, 'resolvePerson' | 'log'>,
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async remember(p: Person): Promise<void> {
    await this.redis.hset(this.key, p.name, p.id, `id:${p.id}`, p.name)
  }

  async lookup(ref: string): Promise<Person | undefined> {
    return (await this.directory(ref)) ?? (await this.seen(ref))
  }

  /** The chat platform's answer (authoritative: ids there are current). */
  async directory(ref: string): Promise<Person | undefined> {
    try {
      return await this.app.resolvePerson(ref)
    } catch (err) {
      this.app.log.warn({ err, ref }, 'directory lookup failed')
      return undefined
    }
  }

  /** Someone who messaged the bot, by name or id. */
  async seen(ref: string): Promise<Person | undefined> {
    const [byName, byId] = await this.redis.hmget(this.key, ref, `id:${ref}`)
    if (byName) return { id: byName, name: ref }
    if (byId) return { id: ref, name: byId }
    return undefined
  }
}

/** A configured reference (contact id or display name) names this person. */
export const refersTo = (ref: string, p: Person) => ref === p.id || ref === p.name
