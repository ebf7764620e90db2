// Who may sign in, and how: one-time login links for configured people (asked for in private chat),
// a password for the operator, sessions in Redis. Tokens are stored only as hashes.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Redis } from '../core/storage.ts'
import type { Config } from '../config.ts'
import type { Person } from '../core/message.ts'
import type { LoginLinks, Principal } from './ports.ts'

export const LINK_TTL_SEC = 10 * 60
export const SESSION_TTL_SEC = 12 * 3600

const listed = (refs: readonly (string | undefined)[], p: Person) => refs.some((r) => r === p.id || r === p.name)
const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(24).toString('base64url')

/** What the config grants this person; undefined when nothing (a resident). */
export function grantsFor(config: Config, person: Person): Principal | undefined {
  const hostOf = config.groups.filter((g) => listed(g.hosts, person)).map((g) => g.id)
  const staffOf = config.groups.filter((g) => listed(g.staff, person)).map((g) => g.id)
  const supervisorOf = config.groups.filter((g) => listed([g.supervisor], person)).map((g) => g.id)
  // Staff named only in a category route (referrals.routes) work the cases of every group in that category.
  const routes = (config.referrals as { routes?: Record<string, string[]> } | undefined)?.routes ?? {}
  const routed = Object.values(routes).some((refs) => listed(refs, person))
  if (routed && staffOf.length === 0) staffOf.push(...config.groups.map((g) => g.id))
  if (!hostOf.length && !staffOf.length && !supervisorOf.length) return undefined
  const role = supervisorOf.length ? 'supervisor' : staffOf.length ? 'staff' : 'host'
  return { person, role, hostOf, staffOf, supervisorOf }
}

export const operator = (): Principal => ({ person: { id: 'operator', name: '管理员' }, role: 'operator', hostOf: [], staffOf: [], supervisorOf: [] })

export const isOperator = (p: Principal) => p.role === 'operator'
/** Works cases (staff or supervisor of some group). */
export const worksCases = (p: Principal) => p.staffOf.length > 0 || p.supervisorOf.length > 0
/** Manages activities and reminders of these groups (hosts; staff may run the same chat commands). */
export const managedGroups = (p: Principal) => [...new Set([...p.hostOf, ...p.staffOf])]

export function loginLinks(redis: Redis, key: (...parts: string[]) => string, config: Config, baseUrl: string): LoginLinks {
  const k = (token: string) => key('console', 'link', hash(token))
  const read = (raw: string | null) => (raw ? (JSON.parse(raw) as Principal) : undefined)
  return {
    async create(person) {
      const grants = grantsFor(config, person)
      if (!grants) return undefined
      const token = newToken()
      await redis.set(k(token), JSON.stringify(grants), 'EX', LINK_TTL_SEC)
      return `${baseUrl}/console/login/${token}`
    },
    peek: async (token) => read(await redis.get(k(token))),
    // GETDEL: two clicks on one link cannot both sign in.
    consume: async (token) => read(await redis.getdel(k(token))),
  }
}

export interface Sessions {
  create(who: Principal): Promise<string>
  get(sid: string | undefined): Promise<Principal | undefined>
  destroy(sid: string | undefined): Promise<void>
}

export function sessions(redis: Redis, key: (...parts: string[]) => string): Sessions {
  const k = (sid: string) => key('console', 'session', hash(sid))
  return {
    async create(who) {
      const sid = newToken()
      await redis.set(k(sid), JSON.stringify(who), 'EX', SESSION_TTL_SEC)
      return sid
    },
    async get(sid) {
      if (!sid) return undefined
      const raw = await redis.get(k(sid))
      return raw ? (JSON.parse(raw) as Principal) : undefined
    },
    async destroy(sid) {
      if (sid) await redis.del(k(sid))
    },
  }
}

/** Constant-time comparison of the typed password with CONSOLE_PASSWORD (both hashed to equal length). */
export function passwordMatches(typed: string, expected: string | undefined): boolean {
  if (!expected) return false
  return timingSafeEqual(createHash('sha256').update(typed).digest(), createHash('sha256').update(expected).digest())
}
