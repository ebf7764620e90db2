// Finds configured people and group rooms through Wechaty, so capabilities can message staff
// privately or post reminders to a group they have not heard from since start-up.
import type { Wechaty } from 'wechaty'
import { type Config, groupById } from '../../config.ts'
import type { Directory } from '../../core/capability.ts'

export function wechatyDirectory(bot: Wechaty, config: Config): Directory {
  return {
    async resolvePerson(ref) {
      const contact = (await bot.Contact.find({ id: ref }).catch(() => undefined)) ?? (await bot.Contact.find({ name: ref }).catch(() => undefined))
      return contact ? { id: contact.id, name: contact.name() } : undefined
    },
    async resolveRoom(groupId) {
      const group = groupById(config, groupId)
      if (!group) return undefined
      const room = 'roomId' in group.match ? await bot.Room.find({ id: group.match.roomId }) : await bot.Room.find({ topic: group.match.topic })
      return room ? { kind: 'room', roomId: room.id, topic: await room.topic() } : undefined
    },
  }
}
