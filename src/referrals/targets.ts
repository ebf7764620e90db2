// Who a referral goes to and who may act on it: the category's configured route or the group's staff,
// the supervisor for escalations. Also how to reach staff now (contact ids can change between logins).
import type { App } from '../core/capability.ts'
import type { Person } from '../core/message.ts'
import { type GroupConfig, groupById } from '../config.ts'
import { type Category, CATEGORIES } from './categories.ts'
import type { Case } from './state.ts'
import type { StaffCaseView } from './texts.ts'
import { People, refersTo } from './people.ts'
import type { ReferralSettings } from './settings.ts'
import { referralTexts as T } from './texts.ts'

export class StaffTargets {
  constructor(
    private readonly app: App,
    private readonly settings: ReferralSettings,
    readonly people: People,
  ) {}

  targetsFor(group: GroupConfig | undefined, category: Category): string[] {
    const routed = this.settings.routes[category]
    return routed?.length ? [...routed] : [...(group?.staff ?? [])]
  }

  /** Who may hold a case: the group's staff, the category's route, the supervisor. */
  eligibleRefs(group: GroupConfig | undefined, category: Category): string[] {
    return [...new Set([...(group?.staff ?? []), ...(this.settings.routes[category] ?? []), ...(group?.supervisor ? [group.supervisor] : [])])]
  }

  canAct(me: Person, c: Case): boolean {
    if (c.assignee?.id === me.id || c.notified.some((p) => p.id === me.id)) return true
    return this.eligibleRefs(groupById(this.app.config, c.groupId), c.category).some((r) => refersTo(r, me))
  }

  /** Every configured person a referral may go to: remembered when they message the bot. */
  isReferralStaff(p: Person): boolean {
    return this.app.config.groups.some((g) => CATEGORIES.some((cat) => this.eligibleRefs(g, cat).some((r) => refersTo(r, p))))
  }

  /**
   * A staff member as reachable now: contact ids can change between logins on some puppets, so look them
   * up again (by id, then by the configured name). Never used for residents: names are not unique, and a
   * case notice sent to the wrong person would be a breach.
   */
  async reach(p: Person): Promise<Person> {
    return (await this.people.directory(p.id)) ?? (await this.people.directory(p.name)) ?? (await this.people.seen(p.name)) ?? p
  }

  async resolveAll(refs: string[]): Promise<Person[]> {
    const found: Person[] = []
    for (const ref of refs) {
      const p = await this.people.lookup(ref)
      if (p && !found.some((f) => f.id === p.id)) found.push(p)
      if (!p) this.app.log.warn({ staff: ref }, 'referral staff member not found (configure the contact id, or ask them to message the bot once)')
    }
    return found
  }

  /** A one-line notice (no details) in the staff room, when one is configured and has been seen. */
  async staffRoomNotice(c: Case): Promise<void> {
    const topic = this.settings.staffRoomTopic
    if (!topic) return
    const roomId = await this.app.redis.get(this.app.key('referrals', 'staffroom'))
    if (!roomId) {
      this.app.log.warn({ topic }, 'staff room not seen yet: its notice is skipped (post once in it so the bot learns it)')
      return
    }
    await this.app.outbox.send({ to: { kind: 'room', roomId, topic }, text: T.staffRoomNotice(c.id, c.category, c.urgency), key: `referral:${c.id}:staffroom` })
  }

  async rememberStaffRoom(roomId: string): Promise<void> {
    await this.app.redis.set(this.app.key('referrals', 'staffroom'), roomId)
  }

  ackTimeoutMs(c: Pick<Case, 'urgency'>): number {
    return this.settings.ackTimeoutMin[c.urgency] * 60_000
  }

  /** What staff see of a case (in private chat only). */
  view(c: Case): StaffCaseView {
    return {
      id: c.id,
      category: c.category,
      urgency: c.urgency,
      groupName: groupById(this.app.config, c.groupId)?.name ?? c.groupId,
      residentName: c.resident.name,
      contact: c.contact,
      description: [c.description, ...c.notes.filter((n) => n.by === '居民').map((n) => `（补充）${n.text}`)].filter(Boolean).join('\n'),
      consent: c.consent,
      consentBasis: c.consentBasis,
    }
  }
}
