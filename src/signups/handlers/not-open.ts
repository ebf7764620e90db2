// "小区门口那个广场舞晚上几点跳啊 在哪能报名": how to sign up for a kind of thing the group has not announced. Not a
// sign-up (her name on another activity's list), nor a question for the documents (they would answer with another
// event's quota): nothing is open under that name here, and what is open is listed.
import type { Context, Route } from '../../core/capability.ts'
import { ACTIVITIES, UNDERSTOOD } from '../../core/understanding.ts'
import { joinAskedFor } from '../../nlu/signup.ts'
import { normalize } from '../../nlu/text.ts'
import type { SignupService } from '../service.ts'
import { texts } from '../texts.ts'
import { liveActivities } from './state.ts'

export function notOpenRoute(svc: SignupService): Route {
  // Read from the activities loaded before routing (no Redis in the predicate).
  const asked = (ctx: Context) => joinAskedFor(normalize(ctx.msg.text), ctx.get(ACTIVITIES) ?? [], svc.tz)
  return {
    name: 'signups.not-open',
    band: 'conversation',
    match: (ctx) =>
      ctx.msg.conversation.kind === 'room' &&
      !!ctx.msg.groupId &&
      ctx.msg.kind === 'text' &&
      (ctx.msg.mentioned || ctx.group?.answerMode === 'questions') &&
      ctx.get(UNDERSTOOD)?.intent === 'qa.question' &&
      asked(ctx) !== undefined,
    async handle(ctx) {
      const name = asked(ctx) ?? ''
      return ctx.reply(texts.notOpen(name, await liveActivities(ctx, svc), svc.tz))
    },
  }
}
