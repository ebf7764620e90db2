// Finds configured people and group rooms through Wechaty, so capabilities can message staff
// privately or post reminders to a group they have not heard from since start-up.
import type { Wechaty } from 'wechaty'
import { type Config, groupById } from '../../config.ts'
import type { Directory } from '../../core/capability.ts'

export function wechatyDirectory(bot: Wechaty, config: Config): Directory {
  return {
    async resolvePerson(ref) {
      // A ref is a contact id or a display name. Contact.find({ id }) emits an error event for an unknown
      // id (every name), so ask the puppet first: it just throws.
      const isId = await bot.puppet.contactPayload(ref).then(() => true, () => false)
      const contact = isId ? await bot.Contact.find({ id: ref }) : await bot.Contact.find({ name: ref }).catch(() => undefined)
      return contact ? { id: contact.id, name: contact.name() } : undefined
    },
    async resolveRoom(groupId) {
      const group = groupById(config, groupId)
      if (!group) return undefined
      let room
      if ('roomId' in group.match) {
        const { roomId } = group.match
        // As above: an unknown id would otherwise surface as a Wechaty error event.
        const known = await bot.puppet.roomPayload(roomId).then(() => true, () => false)
        room = known ? await bot.Room.find({ id: roomId }) : undefined
      } else room = await bot.Room.find({ topic: group.match.topic })
      return room ? { kind: 'room', roomId: room.id, topic: await room.topic() } : undefined
    },
  }
}
