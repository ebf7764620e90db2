// The case store in Redis: one JSON record per case, a daily counter for ids, indexes by creation and
// closing time (the latter drives the purge). Updates are compare-and-set, so two staff acting at once
// cannot overwrite each other.
import type { Redis } from '../core/storage.ts'
import { localDay, pad2, wallClock } from '../core/tz.ts'
import type { Status } from './categories.ts'
import { applyEvent, type Case, type CaseEvent } from './state.ts'

const CAS = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 else return 0 end`


/** YYYYMMDD of an instant in a time zone (the case id uses the local date of the 微家, not UTC). */
export function localDate(at: number, timeZone: string): string {
  return localDay(at, timeZone).replaceAll('-', '')
}

/** "11-22 10:05" in the time zone, for staff lists. */
export function shortTime(at: number, timeZone: string): string {
  const w = wallClock(at, timeZone)
  return `${pad2(w.month)}-${pad2(w.day)} ${pad2(w.hour)}:${pad2(w.minute)}`
}

/** Accepts r-20261122-7, R20261122-0007 … and returns the canonical R-20261122-0007. */
export function canonicalCaseId(text: string): string | undefined {
  const m = /^r-?(\d{8})-?(\d{1,4})$/i.exec(text.trim())
  return m ? `R-${m[1]}-${m[2]!.padStart(4, '0')}` : undefined
}

export class CaseStore {
  constructor(
    private readonly redis: Redis,
    private readonly key: (...parts: string[]) => string,
    private readonly timeZone: string,
  ) {}

  private caseKey = (id: string) => this.key('referrals', 'case', id)
  private originKey = (origin: string) => this.key('referrals', 'origin', origin)
  private indexKey = () => this.key('referrals', 'index')
  private closedKey = () => this.key('referrals', 'closed')
  /** Per resident: her open cases (what "我那事有人管了没" and a withdrawal act on). */
  private openKey = (residentId: string) => this.key('referrals', 'open', residentId)

  /** R-YYYYMMDD-NNNN from a per-day counter (the counter key expires after a few days). */
  async nextId(now: number): Promise<string> {
    const day = localDate(now, this.timeZone)
    const k = this.key('referrals', 'seq', day)
    const n = await this.redis.incr(k)
    if (n === 1) await this.redis.expire(k, 3 * 24 * 3600)
    return `R-${day}-${String(n).padStart(4, '0')}`
  }

  async idForOrigin(origin: string): Promise<string | undefined> {
    return (await this.redis.get(this.originKey(origin))) ?? undefined
  }

  /** Binds an origin message to a case id once; returns the id that won. */
  async claimOrigin(origin: string, id: string): Promise<string> {
    const ok = await this.redis.set(this.originKey(origin), id, 'NX')
    return ok === 'OK' ? id : ((await this.redis.get(this.originKey(origin))) ?? id)
  }

  async create(c: Case): Promise<boolean> {
    const ok = await this.redis.set(this.caseKey(c.id), JSON.stringify(c), 'NX')
    await this.redis.zadd(this.indexKey(), c.createdAt, c.id)
    if (ok === 'OK' && c.status !== 'closed') await this.redis.sadd(this.openKey(c.resident.id), c.id)
    return ok === 'OK'
  }

  async get(id: string): Promise<Case | undefined> {
    const raw = await this.redis.get(this.caseKey(id))
    return raw ? (JSON.parse(raw) as Case) : undefined
  }

  /** Applies an event with compare-and-set (retrying on a concurrent change). Throws TransitionError. */
  async apply(id: string, event: CaseEvent, now: number): Promise<Case | undefined> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await this.redis.get(this.caseKey(id))
      if (!raw) return undefined
      const next = applyEvent(JSON.parse(raw) as Case, event, now)
      const ok = await this.redis.eval(CAS, 1, this.caseKey(id), raw, JSON.stringify(next))
      if (ok === 1) {
        if (next.status === 'closed' && next.closedAt) {
          await this.redis.zadd(this.closedKey(), next.closedAt, id)
          await this.redis.srem(this.openKey(next.resident.id), id)
        }
        return next
      }
    }
    throw new Error(`case ${id} kept changing; try again`)
  }

  /** Does this person have a request in hand? One round trip: the loader asks it for every text message. */
  async hasOpen(residentId: string): Promise<boolean> {
    return (await this.redis.scard(this.openKey(residentId))) > 0
  }

  /** This person's open cases, newest first. */
  async openOf(residentId: string): Promise<Case[]> {
    const ids = await this.redis.smembers(this.openKey(residentId))
    const cases: Case[] = []
    for (const id of ids) {
      const c = await this.get(id)
      if (c && c.status !== 'closed') cases.push(c)
      else await this.redis.srem(this.openKey(residentId), id)
    }
    return cases.sort((a, b) => b.createdAt - a.createdAt)
  }

  async list(filter: { status?: Status; groupId?: string } = {}): Promise<Case[]> {
    const ids = await this.redis.zrange(this.indexKey(), '0', '-1')
    if (ids.length === 0) return []
    const raws = await this.redis.mget(ids.map(this.caseKey))
    const cases: Case[] = []
    for (const raw of raws) {
      if (!raw) continue
      const c = JSON.parse(raw) as Case
      if (filter.status && c.status !== filter.status) continue
      if (filter.groupId && c.groupId !== filter.groupId) continue
      cases.push(c)
    }
    return cases
  }

  /** Deletes every case closed before `closedBefore` (record, origin binding, index entries). */
  async purgeClosed(closedBefore: number): Promise<string[]> {
    const ids = await this.redis.zrangebyscore(this.closedKey(), '-inf', `(${closedBefore}`)
    for (const id of ids) {
      const c = await this.get(id)
      const keys = [this.caseKey(id), ...(c ? [this.originKey(c.origin)] : [])]
      await this.redis.multi().del(...keys).zrem(this.indexKey(), id).zrem(this.closedKey(), id).exec()
    }
    return ids
  }
}
