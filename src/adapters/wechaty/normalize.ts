// Wechaty message → the core InboundMessage. The only place that knows Wechaty's message shape.
import type { Message, Wechaty } from 'wechaty'
import { type Config, groupForRoom } from '../../config.ts'
import type { InboundMessage, MessageKind } from '../../core/message.ts'
import { roleAnywhere, roleInGroup } from '../../core/roles.ts'
import { parseQuote, stripMention } from '../../core/text.ts'

export function kindOf(bot: Wechaty, message: Message): MessageKind {
  const T = bot.Message.Type
  switch (message.type()) {
    case T.Text:
      return 'text'
    case T.Audio:
      return 'voice'
    case T.Image:
      return 'image'
    case T.Video:
      return 'video'
    case T.Emoticon:
      return 'sticker'
    default:
      return 'other'
  }
}

export async function toInbound(bot: Wechaty, message: Message, config: Config): Promise<InboundMessage | undefined> {
  const talker = message.talker()
  const sender = { id: talker.id, name: talker.name() }
  const kind = kindOf(bot, message)
  const room = message.room()
  const at = message.date().getTime()
  if (room) {
    const topic = await room.topic()
    const group = groupForRoom(config, room.id, topic)
    const mentioned = kind === 'text' && (await message.mentionSelf())
    const raw = kind === 'text' ? message.text() : ''
    let stripped = raw
    if (mentioned) {
      const alias = (await room.alias(bot.currentUser).catch(() => undefined)) ?? undefined
      stripped = stripMention(raw, [bot.currentUser.name(), alias ?? ''])
    }
    const { text, quoted } = parseQuote(stripped)
    return {
      id: message.id,
      conversation: { kind: 'room', roomId: room.id, topic },
      sender,
      role: roleInGroup(group, sender),
      groupId: group?.id,
      kind,
      text,
      mentioned,
      quoted,
      at,
    }
  }
  const { role, group } = roleAnywhere(config, sender)
  const { text, quoted } = parseQuote(kind === 'text' ? message.text().trim() : '')
  return {
    id: message.id,
    conversation: { kind: 'private', contactId: talker.id, name: sender.name },
    sender,
    role,
    groupId: group?.id ?? (await residentGroup(bot, config, talker.id)),
    kind,
    text,
    // A private message is always addressed to the bot.
    mentioned: true,
    quoted,
    at,
  }
}

/** Membership changes rarely; scanning every configured room on each private message would be wasteful. */
const MEMBERSHIP_TTL_MS = 10 * 60_000
const membership = new Map<string, { groupId: string | undefined; until: number }>()

/** For a resident's private message: the configured 微家 group they are a member of, if any. */
async function residentGroup(bot: Wechaty, config: Config, contactId: string): Promise<string | undefined> {
  const cached = membership.get(contactId)
  if (cached && cached.until > Date.now()) return cached.groupId
  const groupId = await findResidentGroup(bot, config, contactId)
  if (membership.size > 10_000) membership.clear()
  membership.set(contactId, { groupId, until: Date.now() + MEMBERSHIP_TTL_MS })
  return groupId
}

async function findResidentGroup(bot: Wechaty, config: Config, contactId: string): Promise<string | undefined> {
  for (const g of config.groups) {
    const room = 'roomId' in g.match ? await bot.Room.find({ id: g.match.roomId }) : await bot.Room.find({ topic: g.match.topic })
    if (!room) continue
    const members = await room.memberAll()
    if (members.some((m) => m.id === contactId)) return g.id
  }
  return undefined
}
