// Wires a Wechaty bot to the inbound port: messages and joins in, login state and errors logged.
// The bot is passed in, so the same wiring serves real puppets, the sandbox and tests.
import qrcode from 'qrcode-terminal'
import type { Contact, Message, Room, Wechaty } from 'wechaty'
import { type Config, groupForRoom } from '../../config.ts'
import type { Inbound } from '../../core/inbound.ts'
import type { Logger } from '../../core/log.ts'
import { toInbound } from './normalize.ts'
import { PuppetErrorLog } from './puppet-errors.ts'

/** Told about login state and traffic (the console shows it); calls must not throw or block. */
export interface BotObserver {
  scan(qr: string, status: number): void
  login(user: string): void
  logout(): void
  received(): void
}

export interface AttachOptions {
  /** Errors known to be harmless for this puppet (the mock's "no payload found" on room.add). */
  ignoreError?: (err: Error) => boolean
  observer?: BotObserver
  /**
   * Told when a message or join event has been handed to the inbound port and handled there, or dropped (the
   * sandbox's simulated chat waits on it: what it said is taken up before it says the next thing).
   */
  onHandedOver?: (event: { kind: 'message'; id: string } | { kind: 'join' }) => void
}

export function attachWechaty(bot: Wechaty, inbound: Inbound, config: Config, log: Logger, opts: AttachOptions = {}): { stopping(): void } {
  let loggedOutAt: number | undefined
  let stopping = false
  const errors = new PuppetErrorLog(log)

  bot.on('scan', (code, status) => {
    // The QR code goes to stderr: stdout is for machine-readable output.
    log.info({ status }, 'scan the QR code below with the bot account to log in')
    opts.observer?.scan(code, status)
    qrcode.generate(code, { small: true }, (art) => process.stderr.write(`${art}\n`))
  })
  bot.on('login', async (user: Contact) => {
    errors.recovered()
    log.info({ user: user.name() }, 'logged in')
    opts.observer?.login(user.name())
    if (loggedOutAt === undefined) return
    const minutes = Math.max(1, Math.round((Date.now() - loggedOutAt) / 60_000))
    loggedOutAt = undefined
    // Wechaty drops the listener's promise: a rejection here would be unhandled and end the process.
    await inbound.reconnected(minutes).catch((err) => log.error({ err }, 'reconnection handling failed'))
  })
  bot.on('logout', (user: Contact, reason?: string) => {
    if (stopping) return
    // Nothing can be sent while logged out; the puppet will ask for a new scan. Staff hear about it on re-login.
    loggedOutAt = Date.now()
    opts.observer?.logout()
    log.error({ user: user.name(), reason }, 'logged out: waiting for a new login (scan the QR code)')
  })
  // Required: without a listener Wechaty turns internal errors (the mock's "no payload found") into crashes.
  bot.on('error', (err: Error) => {
    if (opts.ignoreError?.(err)) log.debug({ err: err.message }, 'wechaty error (ignored)')
    else errors.report(err)
  })

  bot.on('message', async (message: Message) => {
    try {
      if (message.self()) return
      opts.observer?.received()
      const msg = await toInbound(bot, message, config)
      if (msg) await inbound.handle(msg)
    } catch (err) {
      log.error({ err, msgId: message.id }, 'could not normalise message')
    } finally {
      opts.onHandedOver?.({ kind: 'message', id: message.id })
    }
  })

  bot.on('room-join', async (room: Room, invitees: Contact[]) => {
    try {
      const joined = invitees.filter((c) => c.id !== bot.currentUser.id).map((c) => ({ id: c.id, name: c.name() }))
      const topic = await room.topic()
      await inbound.join({ roomId: room.id, topic, group: groupForRoom(config, room.id, topic), joined })
    } catch (err) {
      log.error({ err, room: room.id }, 'room-join handling failed')
    } finally {
      opts.onHandedOver?.({ kind: 'join' })
    }
  })

  // The sandbox's mock logs in before this wiring exists.
  if (bot.isLoggedIn) opts.observer?.login(bot.currentUser.name())
  return {
    stopping: () => {
      stopping = true
      errors.stop()
    },
  }
}
