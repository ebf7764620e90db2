// A simulated WeChat on wechaty-puppet-mock: the bot, the configured groups and their members.
// Used by the sandbox and the integration tests; the bot on top is the real one.
import { WechatyBuilder, type Wechaty } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { FileBox } from 'file-box'
import type { Config } from '../../config.ts'
import type { Logger } from '../../core/log.ts'

type MockContact = ReturnType<mock.Mocker['createContact']>
type MockRoom = ReturnType<mock.Mocker['createRoom']>

/** wechaty-puppet-mock raises this for every room.add(); the join itself is delivered fine. */
/** The mock types a message by the file's extension: .silk is a voice note, .jpg a picture. */
const mediaFile = (media: 'voice' | 'image') => FileBox.fromBuffer(Buffer.from(media === 'voice' ? '#!SILK_V3' : 'jpg'), media === 'voice' ? 'voice.silk' : 'photo.jpg')

export const isMockNoise = (err: Error) => /no payload found for id \S+@chatroom/.test(err.message)

export interface MockWorld {
  bot: Wechaty
  me: MockContact
  /** The room of each configured group, by group id. */
  rooms: Map<string, MockRoom>
  /** Returns the contact with this name, creating it (and making it a member of every group room) on first use. */
  person(name: string): MockContact
  /**
   * The group message "name: text"; mentionBot makes it an @-mention of the bot (through the mention list).
   * A text, or with `media` a voice note (.silk) or a picture (.jpg) instead. Like sayPrivate and join, it
   * resolves once the bot has handled the message (see handedOver); nobody has to wait for that.
   */
  say(name: string, text: string, opts?: { groupId?: string; mentionBot?: boolean; media?: 'voice' | 'image' }): Promise<void>
  sayPrivate(name: string, text: string, media?: 'voice' | 'image'): Promise<void>
  /** A member joins a group (emits room-join). */
  join(name: string, opts?: { groupId?: string; by?: string }): Promise<void>
  /** Told by the bot's wiring when it has handled (or dropped) a message or a join (AttachOptions.onHandedOver). */
  handedOver(event: { kind: 'message'; id: string } | { kind: 'join' }): void
  /** Nothing said or joined here is still on its way to the bot or being handled by it. */
  quiet(): boolean
  stop(): Promise<void>
}

export async function createMockWorld(config: Config, log: Logger): Promise<MockWorld> {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const bot = WechatyBuilder.build({ name: 'weijia-mock', puppet })
  // Registered before start(): room.add() makes the mock raise "no payload found", which would crash otherwise.
  bot.on('error', (err: Error) => {
    if (!isMockNoise(err)) log.error({ err }, 'mock puppet error')
  })
  await bot.start()
  const me = mocker.createContact({ name: config.bot.name })
  const loggedIn = new Promise<void>((ok) => bot.once('login', () => ok()))
  mocker.login(me)
  await loggedIn
  // The mock never emits ready, so bot.ready() would hang without this.
  puppet.emit('ready', { data: '' })

  const people = new Map<string, MockContact>()
  const rooms = new Map<string, MockRoom>()
  const person = (name: string): MockContact => {
    let c = people.get(name)
    if (!c) {
      c = mocker.createContact({ name })
      people.set(name, c)
      // Residents created on first use are already group members, as in a real 微家 group.
      for (const room of rooms.values()) if (!room.payload.memberIdList.includes(c.id)) room.payload.memberIdList.push(c.id)
    }
    return c
  }
  people.set(config.bot.name, me)

  // Messages and joins made here until the bot has handled them. Wechaty loads each message before emitting it
  // and the mock may reorder near-simultaneous ones, so neither "said" nor "emitted" means "taken up".
  const inTransit = new Map<string, () => void>()
  const joining: (() => void)[] = []
  let said: string | undefined
  puppet.on('message', ({ messageId }) => void (said = messageId))
  /** Runs the mock's say(), which emits at once, and notes the new message's id. */
  const sayAndNote = (send: () => void): Promise<void> => {
    said = undefined
    send()
    const id = said
    return id ? new Promise((ok) => inTransit.set(id, ok)) : Promise.resolve()
  }

  for (const g of config.groups) {
    const topic = 'topic' in g.match ? g.match.topic : g.name
    const members = [...g.hosts, ...g.staff, ...config.sandbox.residents].map(person)
    const room = mocker.createRoom({ topic, memberIdList: [me.id, ...members.map((m) => m.id)] })
    rooms.set(g.id, room)
  }
  const firstGroup = config.groups[0]!.id
  const roomOf = (groupId = firstGroup) => {
    const r = rooms.get(groupId)
    if (!r) throw new Error(`no such group: ${groupId}`)
    return r
  }

  return {
    bot,
    me,
    rooms,
    person,
    say(name, text, opts = {}) {
      const room = roomOf(opts.groupId)
      return sayAndNote(() =>
        person(name)
          .say(opts.media ? mediaFile(opts.media) : text, opts.mentionBot ? [me] : [])
          .to(room),
      )
    },
    sayPrivate(name, text, media) {
      return sayAndNote(() =>
        person(name)
          .say(media ? mediaFile(media) : text)
          .to(me),
      )
    },
    join(name, opts = {}) {
      const room = roomOf(opts.groupId)
      const inviter = person(opts.by ?? config.groups.find((g) => g.id === (opts.groupId ?? firstGroup))?.hosts[0] ?? config.bot.name)
      const c = mocker.createContact({ name })
      people.set(name, c)
      room.add(c).by(inviter)
      return new Promise((ok) => joining.push(ok))
    },
    handedOver(event) {
      if (event.kind === 'join') return joining.shift()?.()
      const ok = inTransit.get(event.id)
      inTransit.delete(event.id)
      ok?.()
    },
    quiet: () => inTransit.size === 0 && joining.length === 0,
    async stop() {
      await bot.stop()
    },
  }
}
