// What a resident can do with her own request once it exists: ask how it is going, or take it back.
// A withdrawal works at any step: a consent conversation still open is dropped (nothing was forwarded), an
// open case is closed as withdrawn and the staff who hold or were alerted to it are told privately.
import type { App, Context } from '../core/capability.ts'
import { privateOf } from '../core/message.ts'
import { type CaseStore, shortTime } from './cases.ts'
import { type Case, WITHDRAWN_RESULT } from './state.ts'
import type { FlowStore } from './flow.ts'
import type { ReferralJobs } from './jobs.ts'
import { TransitionError } from './state.ts'
import type { StaffTargets } from './targets.ts'
import { referralTexts as T } from './texts.ts'

/** How long a closed case still answers her "有人管了没". */
const CLOSED_LATELY_MS = 30 * 24 * 3600_000

export class ResidentDesk {
  constructor(
    private readonly app: App,
    private readonly cases: CaseStore,
    private readonly flows: FlowStore,
    private readonly jobs: ReferralJobs,
    private readonly targets: StaffTargets,
    private readonly now: () => number,
  ) {}

  /** The status of her open cases, in private (a group only hears that a private message went out). */
  async status(ctx: Context): Promise<void> {
    const open = await this.cases.openOf(ctx.msg.sender.id)
    // Her yes given, one answer still missing (how to reach her, a line about it): not "nothing open".
    const flow = open.length ? undefined : await this.flows.get(ctx.msg.sender.id)
    const waiting = flow && (flow.step === 'contact' || flow.step === 'describe') ? (flow.step === 'contact' ? T.askContact : T.askDescription) : undefined
    // Nothing open: one staff closed lately ("那事有人管了没" right after) is handled, not lost. Not one she took back.
    const closed = open.length || waiting ? undefined : await this.closedLately(ctx.msg.sender.id)
    const text = open.length
      ? T.caseStatus(open.map((c) => T.caseStatusLine(c.id, c.status, c.assignee?.name, shortTime(c.createdAt, this.app.config.timezone))))
      : waiting
        ? `${T.statusOneStepLeft}\n${waiting}`
        : closed
          ? T.caseClosedRecently(closed.id, shortTime(closed.closedAt!, this.app.config.timezone))
          : T.noOpenCase
    if (ctx.msg.conversation.kind === 'room') {
      await ctx.reply(T.statusInGroup)
      return ctx.whisper(text, { sensitive: true })
    }
    await ctx.reply(text)
  }

  /** Her case (or the one she reported) that staff closed in the last 30 days, the latest. Cases are few: the list is read whole. */
  private async closedLately(residentId: string): Promise<Case | undefined> {
    const since = this.now() - CLOSED_LATELY_MS
    const mine = (await this.cases.list({ status: 'closed' })).filter((c) => c.resident.id === residentId && (c.closedAt ?? 0) >= since && c.result !== WITHDRAWN_RESULT)
    return mine.sort((a, b) => b.closedAt! - a.closedAt!)[0]
  }

  /** Takes everything back: the open consent conversation and every open case; staff are told. */
  async withdraw(ctx: Context): Promise<void> {
    const me = ctx.msg.sender
    await this.flows.clear(me.id)
    const closed: string[] = []
    for (const c of await this.cases.openOf(me.id)) {
      const next = await this.cases.apply(c.id, { type: 'withdraw' }, this.now()).catch((err: unknown) => {
        if (err instanceof TransitionError) return undefined
        throw err
      })
      if (!next) continue
      closed.push(c.id)
      await this.jobs.cancelEscalation(c.id)
      const staff = next.assignee ? [next.assignee] : next.notified
      for (const s of staff) {
        await this.app.outbox.send({ sensitive: true, to: privateOf(await this.targets.reach(s)), text: T.staffWithdrawn(c.id, next.resident.name), key: `referral:${c.id}:withdrawn:${s.id}` })
      }
    }
    ctx.log.info({ cases: closed }, 'help request withdrawn by the resident')
    if (ctx.msg.conversation.kind === 'room') {
      await ctx.reply(T.withdrawnInGroup)
      return ctx.whisper(T.withdrawn(closed), { sensitive: true })
    }
    await ctx.reply(T.withdrawn(closed))
  }
}
