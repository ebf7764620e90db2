// Sends outbox jobs through Wechaty. Failures throw, so the outbox retries with backoff.
import { FileBox } from 'file-box'
import type { Wechaty } from 'wechaty'
import type { SendJob, Transport } from '../../outbox/payload.ts'

export function wechatyTransport(bot: Wechaty): Transport {
  return {
    async send(job: SendJob) {
      if (!bot.isLoggedIn) throw new Error('not logged in')
      if (job.to.kind === 'room') {
        const room = await bot.Room.find({ id: job.to.roomId })
        if (!room) throw new Error(`room not found: ${job.to.roomId}`)
        if (job.file) await room.say(FileBox.fromBase64(Buffer.from(job.file.content, 'utf8').toString('base64'), job.file.name))
        const contacts = (await Promise.all(job.mentions.map((m) => bot.Contact.find({ id: m.id })))).filter((c) => c !== undefined)
        if (job.text) await room.say(job.text, ...contacts)
        return
      }
      const contact = await bot.Contact.find({ id: job.to.contactId })
      if (!contact) throw new Error(`contact not found: ${job.to.contactId}`)
      if (job.file) await contact.say(FileBox.fromBase64(Buffer.from(job.file.content, 'utf8').toString('base64'), job.file.name))
      if (job.text) await contact.say(job.text)
    },
  }
}
