// Sending unprompted to a group: find its room, respect quiet hours and the daily budget, then the outbox.
import type { App } from '../core/capability.ts'
import type { Conversation, Person } from '../core/message.ts'
import { budgetDay, outOfQuiet, type QuietHours, refundBudget, takeBudget } from '../core/proactive.ts'

type Room = Extract<Conversation, { kind: 'room' }>

export const proactiveBudgetKey = (app: Pick<App, 'key'>, groupId: string, day: string) => app.key('proactive', groupId, day)

export type ProactiveResult = { status: 'queued'; sendAt: number; to: Room } | { status: 'no-room' } | { status: 'over-budget'; day: string }

export interface ProactiveMessage {
  groupId: string
  text: string
  /** Idempotency key for the outbox, e.g. `reminder:<id>:<fireTime>`. */
  key: string
  mentions?: Person[]
  /** When it is due (epoch ms); moved to the end of quiet hours if it falls inside them. */
  dueAt: number
}

export async function sendProactive(
  app: App,
  msg: ProactiveMessage,
  rules: { quiet: QuietHours; tz: string; dailyBudget: number; now: number },
): Promise<ProactiveResult> {
  const room = await app.resolveRoom(msg.groupId)
  if (!room) return { status: 'no-room' }
  const sendAt = outOfQuiet(Math.max(rules.now, msg.dueAt), rules.quiet, rules.tz)
  const day = budgetDay(sendAt, rules.tz)
  const budgetKey = proactiveBudgetKey(app, msg.groupId, day)
  if (!(await takeBudget(app.redis, budgetKey, rules.dailyBudget))) return { status: 'over-budget', day }
  try {
    await app.outbox.send({ to: room, text: msg.text, mentions: msg.mentions, key: msg.key, notBefore: sendAt > rules.now ? sendAt : undefined, priority: 'reminder' })
  } catch (err) {
    await refundBudget(app.redis, budgetKey)
    throw err
  }
  return { status: 'queued', sendAt, to: room }
}
