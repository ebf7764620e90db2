// Staff commands in private chat: 我的案件, 接单, 查看, 备注, 转派, 结案. The case state machine (state.ts) decides
// what is allowed; this file tells the resident and the staff what happened, never in a group.
import type { App, Context } from '../core/capability.ts'
import { UserError } from '../core/errors.ts'
import { privateOf } from '../core/message.ts'
import { groupById } from '../config.ts'
import { type CaseStore, shortTime } from './cases.ts'
import type { StaffCommand } from './commands.ts'
import { toResident } from './request.ts'
import type { ReferralJobs } from './jobs.ts'
import { TransitionError } from './state.ts'
import type { StaffTargets } from './targets.ts'
import { referralTexts as T } from './texts.ts'

export class StaffDesk {
  constructor(
    private readonly app: App,
    private readonly cases: CaseStore,
    private readonly targets: StaffTargets,
    private readonly jobs: ReferralJobs,
    private readonly now: () => number,
  ) {}

  async handle(ctx: Context, cmd: StaffCommand): Promise<void> {
    const me = ctx.msg.sender
    const now = this.now()
    if (cmd.type === 'mine') {
      const all = await this.cases.list()
      const mine = all.filter((c) => c.status !== 'closed' && (c.assignee ? c.assignee.id === me.id : c.notified.some((p) => p.id === me.id)))
      if (mine.length === 0) return ctx.reply(T.myCasesEmpty)
      const lines = mine.map((c) => T.caseLine(c.id, c.category, c.urgency, c.status, shortTime(c.createdAt, this.app.config.timezone)))
      return ctx.reply(T.myCases(lines))
    }
    const c = await this.cases.get(cmd.id)
    if (!c) throw new UserError(T.notFound(cmd.id))
    if (!this.targets.canAct(me, c)) {
      ctx.log.warn({ caseId: c.id, staff: me.name }, 'refused: case of another group')
      throw new UserError(T.notYours(cmd.id))
    }
    try {
      switch (cmd.type) {
        case 'ack': {
          const next = (await this.cases.apply(c.id, { type: 'acknowledge', by: me }, now))!
          await this.jobs.cancelEscalation(c.id)
          await this.app.outbox.send({ sensitive: true, to: privateOf(next.resident), text: toResident(next, T.caseAcknowledged(c.id, me.name)), key: `referral:${c.id}:acknowledged` })
          ctx.log.info({ caseId: c.id }, 'referral acknowledged')
          return ctx.reply(T.ackOk(c.id))
        }
        case 'note':
          await this.cases.apply(c.id, { type: 'note', by: me, text: cmd.text }, now)
          return ctx.reply(T.noteOk(c.id))
        case 'transfer': {
          const group = groupById(this.app.config, c.groupId)
          const ref = this.targets.eligibleRefs(group, c.category).find((r) => r === cmd.to)
          const target = ref ? await this.targets.people.lookup(ref) : undefined
          if (!target) throw new UserError(T.unknownStaff(cmd.to))
          const next = (await this.cases.apply(c.id, { type: 'transfer', by: me, to: target }, now))!
          await this.app.outbox.send({ sensitive: true, to: privateOf(target), text: T.transferred(this.targets.view(next), me.name), key: `referral:${c.id}:transfer:${now}` })
          ctx.log.info({ caseId: c.id }, 'referral transferred')
          return ctx.reply(T.transferOk(c.id, target.name))
        }
        case 'view':
          return ctx.reply(T.caseView(this.targets.view(c), c.status, c.assignee?.name, c.notes, this.app.config.timezone))
        case 'close': {
          const next = (await this.cases.apply(c.id, { type: 'close', by: me, result: cmd.result }, now))!
          await this.jobs.cancelEscalation(c.id)
          await this.app.outbox.send({ sensitive: true, to: privateOf(next.resident), text: toResident(next, T.caseClosed(c.id)), key: `referral:${c.id}:closed` })
          ctx.log.info({ caseId: c.id }, 'referral closed')
          return ctx.reply(T.closeOk(c.id))
        }
      }
    } catch (err) {
      if (!(err instanceof TransitionError)) throw err
      const holder = err.holder ?? '其他工作人员'
      const msg = { closed: T.alreadyClosed(c.id), taken: T.alreadyTaken(c.id, holder), 'already-yours': T.alreadyYours(c.id), 'ack-first': T.ackFirst(c.id), 'not-new': T.alreadyTaken(c.id, holder) }[err.code]
      throw new UserError(msg)
    }
  }
}
