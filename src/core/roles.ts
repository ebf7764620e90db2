// Roles come from config: a person listed as staff or host of a group has that role there.
import type { Config, GroupConfig } from '../config.ts'
import type { Person, Role } from './message.ts'

const RANK: Record<Role, number> = { resident: 0, host: 1, staff: 2 }

const listed = (refs: readonly string[], p: Person) => refs.includes(p.id) || refs.includes(p.name)

export function roleInGroup(group: GroupConfig | undefined, person: Person): Role {
  if (!group) return 'resident'
  // The supervisor receives escalated referrals, so acts as staff.
  if (listed(group.staff, person) || (group.supervisor && listed([group.supervisor], person))) return 'staff'
  if (listed(group.hosts, person)) return 'host'
  return 'resident'
}

/** In private chat there is no room: take the highest role the person holds in any group. */
export function roleAnywhere(config: Config, person: Person): { role: Role; group?: GroupConfig } {
  let best: { role: Role; group?: GroupConfig } = { role: 'resident' }
  for (const g of config.groups) {
    const role = roleInGroup(g, person)
    if (RANK[role] > RANK[best.role]) best = { role, group: g }
  }
  return best
}

