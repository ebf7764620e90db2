// What a resident can do with her own request once it exists: ask how it is going, thank the staff or tell how it is
// going, or take it back. A withdrawal works at any step: a consent conversation still open is dropped (nothing was
// forwarded), an open case is closed as withdrawn and the staff who hold or were alerted to it are told privately.
// Closing a case on a guess cuts her off from help already under way, so only her plain words close it; words that
// may mean it ("我们和好了", "没事了") get one question first.
import type { App, Context } from '../core/capability.ts'
import { privateOf } from '../core/message.ts'
import { type CaseStore, shortTime } from './cases.ts'
import { onlyThanks } from '../nlu/withdrawal.ts'
import { normalize } from '../nlu/text.ts'
import { type Case, WITHDRAWN_RESULT } from './state.ts'
import type { FlowStore } from './flow.ts'
import type { ReferralJobs } from './jobs.ts'
import { TransitionError } from './state.ts'
import type { StaffTargets } from './targets.ts'
import { referralTexts as T } from './texts.ts'

/** How long a closed case still answers her "有人管了没" (and a host's or staff's question about it). */
export const CLOSED_LATELY_MS = 30 * 24 * 3600_000
/** How long "您是要撤回求助吗？" waits for her answer. */
const ASKED_TTL_SEC = 24 * 3600

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

  /** Whether she was asked if she takes her request back, and has not answered yet. */
  askedKey(residentId: string): string {
    return this.app.key('referrals', 'withdraw-asked', residentId)
  }

  /**
   * Words that may take her request back, but not plainly ("我们和好了", "别打电话给我了 他发现了"): asked once, nothing
   * closed. The staff holding her case read her words now (they may be why she wants it dropped). Asked already and
   * still not plain: the case goes on, and she hears how to take it back.
   */
  async askWithdraw(ctx: Context, asked: boolean, open: Case[]): Promise<void> {
    const latest = open[0]
    if (latest) await this.jobs.supplement(latest.origin, ctx.msg.id, ctx.msg.text)
    if (asked) {
      await this.app.redis.del(this.askedKey(ctx.msg.sender.id))
      ctx.log.info('possible withdrawal, asked already: the case goes on')
      return this.tell(ctx, T.withdrawKept)
    }
    await this.app.redis.set(this.askedKey(ctx.msg.sender.id), '1', 'EX', ASKED_TTL_SEC)
    ctx.log.info('possible withdrawal: asked whether she takes her request back')
    return this.tell(ctx, T.askWithdraw)
  }

  /** "不是" to that question: nothing is closed. */
  async keep(ctx: Context): Promise<void> {
    await this.app.redis.del(this.askedKey(ctx.msg.sender.id))
    return this.tell(ctx, T.withdrawKept)
  }

  /** About her request, in private (a group only hears that a private message went out). */
  private async tell(ctx: Context, text: string): Promise<void> {
    if (ctx.msg.conversation.kind !== 'room') return ctx.reply(text)
    await ctx.reply(T.statusInGroup)
    return ctx.whisper(text, { sensitive: true })
  }

  /**
   * Thanks, or news of the help under way ("社工给我打过电话了 谢谢你们"), while a case of hers is open: a short warm
   * word, never a withdrawal. News (not a bare "谢谢") is kept in the case for the staff who hold it, without a push.
   */
  async thanks(ctx: Context, open: Case[]): Promise<void> {
    const c = open[0]!
    const news = !onlyThanks(normalize(ctx.msg.text))
    await this.app.redis.del(this.askedKey(ctx.msg.sender.id))
    if (news) {
      await this.cases.apply(c.id, { type: 'supplement', text: ctx.msg.text.trim().slice(0, 500) }, this.now()).catch((err: unknown) => {
        if (!(err instanceof TransitionError)) throw err
      })
    }
    ctx.log.info({ caseId: c.id, status: c.status, noted: news }, 'thanks or news from the resident: case goes on')
    return ctx.reply(c.status === 'new' ? T.thanksWaiting : T.thanksTaken(c.assignee?.name ?? '工作人员', news))
  }

  /** Takes everything back: the open consent conversation and every open case; staff are told. */
  async withdraw(ctx: Context): Promise<void> {
    const me = ctx.msg.sender
    await this.flows.clear(me.id)
    await this.app.redis.del(this.askedKey(me.id))
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
