// One-off reminders said in chat ("下周一上午10点提醒大家交表", "周日早上8点提醒我一下插花的事"): a delayed job
// (id from the message, so a redelivered message schedules nothing twice), sent to the group or to the person.
import { z } from 'zod'
import type { App, Context, JobQueue } from '../core/capability.ts'
import { UserError } from '../core/errors.ts'
import { fromWall, wallClock } from '../core/tz.ts'
import type { Slots } from '../nlu/types.ts'
import { formatWhen, texts } from './texts.ts'

export const ONCE_QUEUE = 'reminders-once'
const onceSchema = z.object({
  text: z.string().min(1),
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('room'), groupId: z.string() }),
    z.object({ kind: z.literal('private'), contactId: z.string(), name: z.string() }),
  ]),
  key: z.string(),
})
type OnceJob = z.infer<typeof onceSchema>

export function onceReminders(app: App) {
  const queue: JobQueue<OnceJob> = app.jobs.define({
    name: ONCE_QUEUE,
    schema: onceSchema,
    attempts: 3,
    async process(job) {
      if (job.to.kind === 'private') return app.outbox.send({ to: job.to, text: job.text, key: job.key, priority: 'reminder' })
      const room = await app.resolveRoom(job.to.groupId)
      if (!room) return void app.log.warn({ groupId: job.to.groupId }, 'reminders: no room known for a one-off reminder')
      await app.outbox.send({ to: room, text: job.text, key: job.key, priority: 'reminder' })
    },
  })

  return async function schedule(ctx: Context, slots: Slots, now: number, tz: string): Promise<void> {
    if (!slots.time) throw new UserError(texts.cannotRead)
    const at = slotTime(slots.time, now, tz)
    if (at <= now) throw new UserError(texts.oncePast(formatWhen(wallClock(at, tz))))
    const what = (slots.content ?? '').replace(/^[，,。\s]+|[，,。！!\s]+$/gu, '') || '别忘了今天的事'
    const self = /提醒我/u.test(ctx.msg.text)
    const groupId = ctx.msg.groupId ?? ctx.group?.id
    if (!self && !groupId) throw new UserError(texts.noGroup)
    const to: OnceJob['to'] = self ? { kind: 'private', contactId: ctx.msg.sender.id, name: ctx.msg.sender.name } : { kind: 'room', groupId: groupId! }
    const key = `reminders:once:${ctx.msg.id}`
    await queue.add(key, { text: texts.customText(what), to, key }, { at })
    await ctx.reply(texts.onceSaved(formatWhen(wallClock(at, tz)), what, self))
  }
}

/** "YYYY-MM-DD HH:MM", or "HH:MM" (today, or tomorrow when already past). */
function slotTime(time: string, now: number, tz: string): number {
  const full = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/u.exec(time)
  if (full) return fromWall(tz, Number(full[1]), Number(full[2]), Number(full[3]), Number(full[4]), Number(full[5]))
  const [h, m] = time.split(':').map(Number)
  const w = wallClock(now, tz)
  const today = fromWall(tz, w.year, w.month, w.day, h ?? 0, m ?? 0)
  return today > now ? today : today + 86_400_000
}
