// One-off reminders said in chat ("下周一上午10点提醒大家交表", "周日早上8点提醒我一下插花的事"): a delayed job
// (id from the message, so a redelivered message schedules nothing twice), sent to the group or to the person,
// and a record (once-store.ts) so hosts see it in 「提醒列表」 and can delete it; sending it removes the record.
import { z } from 'zod'
import type { App, Context, JobQueue } from '../core/capability.ts'
import { UserError } from '../core/errors.ts'
import { herScript } from '../core/her-script.ts'
import { inScript } from '../core/zh/script.ts'
import { fromWall, wallClock } from '../core/tz.ts'
import type { Slots } from '../nlu/types.ts'
import { type OnceRecord, OnceStore } from './once-store.ts'
import { formatWhen, texts } from './texts.ts'

export const ONCE_QUEUE = 'reminders-once'
const onceSchema = z.object({
  text: z.string().min(1),
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('room'), groupId: z.string() }),
    z.object({ kind: z.literal('private'), contactId: z.string(), name: z.string() }),
  ]),
  key: z.string(),
  /** Its record (absent on jobs queued before one-offs were recorded, or said where no group is known). */
  record: z.object({ groupId: z.string(), no: z.number().int() }).optional(),
})
type OnceJob = z.infer<typeof onceSchema>

export interface OnceReminders {
  schedule(ctx: Context, slots: Slots, now: number, tz: string): Promise<void>
  /** A group's one-offs this person may see: the group's own, and their personal ones. */
  visible(groupId: string, viewerId: string): Promise<OnceRecord[]>
  /** Removes the record and its delayed job; false when it was already gone (sent or deleted). */
  delete(rec: OnceRecord): Promise<boolean>
}

export function onceReminders(app: App): OnceReminders {
  const store = new OnceStore(app)
  const queue: JobQueue<OnceJob> = app.jobs.define({
    name: ONCE_QUEUE,
    schema: onceSchema,
    attempts: 3,
    async process(job) {
      const { record } = job
      // Deleted while its job was already running (so the job could not be removed): not sent.
      if (record && !(await store.get(record.groupId, record.no))) return void app.log.info(record, 'reminders: one-off deleted before it was due, not sent')
      if (job.to.kind === 'private') await app.outbox.send({ to: job.to, text: job.text, key: job.key, priority: 'reminder' })
      else {
        const room = await app.resolveRoom(job.to.groupId)
        if (!room) app.log.warn({ groupId: job.to.groupId }, 'reminders: no room known for a one-off reminder')
        else await app.outbox.send({ to: room, text: job.text, key: job.key, priority: 'reminder' })
      }
      // Sent (or undeliverable for good): no longer waiting, so no longer listed.
      if (record) await store.remove(record.groupId, record.no)
    },
  })

  async function schedule(ctx: Context, slots: Slots, now: number, tz: string): Promise<void> {
    if (!slots.time) throw new UserError(texts.cannotRead)
    const at = slotTime(slots.time, now, tz)
    if (at <= now) throw new UserError(texts.oncePast(formatWhen(wallClock(at, tz))))
    const what = (slots.content ?? '').replace(/^[，,。\s]+|[，,。！!\s]+$/gu, '') || '别忘了今天的事'
    const self = /提醒我/u.test(ctx.msg.text)
    const groupId = ctx.msg.groupId ?? ctx.group?.id
    if (!self && !groupId) throw new UserError(texts.noGroup)
    const to: OnceJob['to'] = self ? { kind: 'private', contactId: ctx.msg.sender.id, name: ctx.msg.sender.name } : { kind: 'room', groupId: groupId! }
    const key = `reminders:once:${ctx.msg.id}`
    let record: OnceJob['record']
    if (groupId) {
      const personal = self ? ctx.msg.sender : undefined
      const made = await store.create(ctx.msg.id, { groupId, at, content: what, personal, createdBy: ctx.msg.sender, createdAt: now, jobId: key })
      // A redelivery of a message whose one-off was since deleted or sent: nothing to schedule again.
      if (!made.created && !(await store.get(groupId, made.no))) return void ctx.log.info({ groupId, no: made.no }, 'reminders: one-off already handled')
      record = { groupId, no: made.no }
      ctx.log.info({ ...record, at, personal: self }, 'reminders: one-off recorded')
    }
    // "提醒我…" comes back to her alone, so in the script she writes in (a group's reminder is for everyone).
    const text = self && herScript(ctx) === 'traditional' ? inScript(texts.customText(what), 'traditional') : texts.customText(what)
    await queue.add(key, { text, to, key, record }, { at })
    await ctx.reply(texts.onceSaved(formatWhen(wallClock(at, tz)), what, self, record?.no))
  }

  return {
    schedule,
    async visible(groupId, viewerId) {
      return (await store.list(groupId)).filter((r) => !r.personal || r.personal.id === viewerId)
    },
    async delete(rec) {
      const removed = await store.remove(rec.groupId, rec.no)
      // A job already running can't be removed; it finds its record gone and sends nothing (process above).
      await queue.remove(rec.jobId).catch((err: unknown) => app.log.warn({ err, jobId: rec.jobId }, 'reminders: one-off job not removed'))
      return removed
    },
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
