// What a resident can do with her own request once it exists: ask how it is going, or take it back.
// A withdrawal works at any step: a consent conversation still open is dropped (nothing was forwarded), an
// open case is closed as withdrawn and the staff who hold or were alerted to it are told privately.
import type { App, Context } from '../core/capability.ts'
import { privateOf } from '../core/message.ts'
import { type CaseStore, shortTime } from './cases.ts'
import type { FlowStore } from './flow.ts'
import type { ReferralJobs } from './jobs.ts'
import { TransitionError } from './state.ts'
import type { StaffTargets } from './targets.ts'
import { referralTexts as T } from './texts.ts'

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
    const text = open.length
      ? T.caseStatus(open.map((c) => T.caseStatusLine(c.id, c.status, c.assignee?.name, shortTime(c.createdAt, this.app.config.timezone))))
      : waiting
        ? `${T.statusOneStepLeft}\n${waiting}`
        : T.noOpenCase
    if (ctx.msg.conversation.kind === 'room') {
      await ctx.reply(T.statusInGroup)
      return ctx.whisper(text, { sensitive: true })
    }
    await ctx.reply(text)
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
