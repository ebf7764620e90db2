// Someone else's request asked after ("小王那边张丽的事处理得怎么样了"). Who may learn what is decided by the asker's
// role in the case's own group (core/roles.ts reads it from the config: staff, supervisor, hosts):
//   - staff who may act on the case (its group's staff, its category's route, the supervisor: StaffTargets.canAct)
//     already receive it and read it whole with 查看: its number, holder and status, and the command for the rest;
//   - the group's host (微家主人) refers neighbours to staff and is who they turn to, but she is not among those the
//     resident agreed to tell: who follows it up and the status word only, never what it is about, and she is sent
//     to that person for more;
//   - anyone else (a resident, a host or staff of another group): nothing, not even whether there is one.
// A request she never agreed to pass on (a consent conversation) is no case and is never mentioned. Pure reading of
// the question here; the handler reads the store.
import type { App, Context } from '../core/capability.ts'
import { roleInGroup } from '../core/roles.ts'
import { groupById } from '../config.ts'
import { NAME } from '../nlu/people.ts'
import { normalize } from '../nlu/text.ts'
import type { CaseStore } from './cases.ts'
import { CLOSED_LATELY_MS } from './resident.ts'
import { WITHDRAWN_RESULT } from './state.ts'
import type { StaffTargets } from './targets.ts'
import { referralTexts as T } from './texts.ts'

/** A named person's matter, then how it is going: "张丽的事处理得怎么样了", "李阿姨那个求助有人管了没". */
const OTHERS_CASE = new RegExp(
  `(${NAME})(?:的|那|那个|那件|这个|这件)(?:事情?|事儿|求助|案子|案件|情况|问题|申请)[^。？?]{0,12}?(?:怎么样|咋样|如何|进展|处理|办得|办了|有人管|管了没|跟进|结果|解决|到哪|有消息|有回音|什么情况|啥情况)`,
  'u',
)

/** The person whose request is asked after, when it is not the asker herself. */
export function othersCaseAsked(text: string, asker: string): string | undefined {
  const m = OTHERS_CASE.exec(normalize(text))
  const name = m?.[1]
  return name && name !== asker ? name : undefined
}

export class OthersCases {
  constructor(
    private readonly app: App,
    private readonly cases: CaseStore,
    private readonly targets: StaffTargets,
    private readonly now: () => number,
  ) {}

  async answer(ctx: Context, name: string): Promise<void> {
    const me = ctx.msg.sender
    // In a group the question itself says too much already: nothing about anyone there.
    if (ctx.msg.conversation.kind === 'room') return ctx.reply(T.confidential)
    if (ctx.msg.role === 'resident') return ctx.reply(T.othersCase)
    const since = this.now() - CLOSED_LATELY_MS
    const theirs = (await this.cases.list())
      .filter((c) => c.resident.name === name && c.result !== WITHDRAWN_RESULT && (c.status !== 'closed' || (c.closedAt ?? 0) >= since))
      .sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || b.createdAt - a.createdAt)
    const staffOf = theirs.find((c) => this.targets.canAct(me, c))
    if (staffOf) {
      ctx.log.info({ caseId: staffOf.id }, 'staff asked after a case they may act on: status told')
      return ctx.reply(T.othersCaseStaff(name, staffOf.id, staffOf.status, staffOf.assignee?.name))
    }
    const hosted = theirs.find((c) => roleInGroup(groupById(this.app.config, c.groupId), me) === 'host')
    if (hosted) {
      ctx.log.info({ caseId: hosted.id }, 'host asked after a case of her group: holder and status told')
      return ctx.reply(T.othersCaseHost(name, hosted.status, hosted.assignee?.name))
    }
    return ctx.reply(T.othersCaseNone(name))
  }
}
