// The script every reply to a resident follows (core/context.ts): the one her message is written in, or — when it
// is written the same in both scripts ("好", "1", "是", "不用了 取消吧") — the one she last wrote in here. Without
// that memory a Traditional writer's "好" to the consent question got its next question back in Simplified.
// Remembered per conversation and sender; a group message counts for her private chat too, since what the bot
// says to her there (consent, contact, a check-in) continues what she said in the group.
import { type Context, contextKey } from './capability.ts'
import type { InboundMessage } from './message.ts'
import type { Middleware } from './pipeline.ts'
import type { Redis } from './storage.ts'
import { type Script, scriptNeutral, scriptOf } from './zh/script.ts'

/** Her script for this message, once the memory was read (set by followHerScript). */
export const HER_SCRIPT = contextKey<Script>('core.herScript')

/** How long the script she last wrote in is remembered. */
const TTL_SEC = 7 * 24 * 3600

/** The script replies to this message follow: as remembered for it, else the message's own. */
export function herScript(ctx: Context): Script {
  return ctx.get(HER_SCRIPT) ?? (ctx.msg.kind === 'text' ? scriptOf(ctx.msg.text) : 'simplified')
}

/**
 * Both keys in one command, written on most messages. A MULTI makes ioredis build a Pipeline, which copies
 * every script defined on the connection (BullMQ's 64, the sign-ups' 4): ~0.2–0.3 ms of CPU against ~0.05 ms
 * for one EVAL. Every telling message is written, same script or not: the week counts from her last one.
 */
const REMEMBER = `
for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[1], 'EX', ARGV[2]) end
return #KEYS`

const conversationOf = (msg: InboundMessage) => (msg.conversation.kind === 'room' ? msg.conversation.roomId : `p:${msg.conversation.contactId}`)

export class ScriptMemory {
  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (conversation: string, senderId: string) => string,
  ) {}

  async recall(msg: InboundMessage): Promise<Script | undefined> {
    const v = await this.redis.get(this.keyOf(conversationOf(msg), msg.sender.id))
    return v === 'traditional' || v === 'simplified' ? v : undefined
  }

  async remember(msg: InboundMessage, script: Script): Promise<void> {
    const keys = [...new Set([conversationOf(msg), `p:${msg.sender.id}`])].map((c) => this.keyOf(c, msg.sender.id))
    await this.redis.eval(REMEMBER, keys.length, ...keys, script, TTL_SEC)
  }
}

/** A message that says which script she writes in (not one written the same in both). */
const telling = (msg: InboundMessage) => msg.kind === 'text' && msg.text.trim() !== '' && !scriptNeutral(msg.text)

/**
 * After the safety stage: a script-neutral message takes the script she last wrote in; any other is remembered
 * (before it is handled, so her next message in private, which may be handled alongside, finds it).
 */
export function followHerScript(memory: ScriptMemory): Middleware {
  return async (ctx, next) => {
    const { msg } = ctx
    try {
      if (telling(msg)) await memory.remember(msg, scriptOf(msg.text))
      else if (msg.kind === 'text') {
        const known = await memory.recall(msg)
        if (known) ctx.set(HER_SCRIPT, known)
      }
    } catch (err) {
      // Only the script of replies depends on it: the message is handled all the same.
      ctx.log.warn({ err }, 'script memory unavailable')
    }
    await next()
  }
}

/**
 * Before the safety stage: a message a safety route took (the numbers went out first, never waiting on this) is
 * remembered afterwards, so her next, script-neutral message in that conversation is answered in her script.
 */
export function rememberAfterSafety(memory: ScriptMemory): Middleware {
  return async (ctx, next) => {
    await next()
    if (!ctx.route?.safety || !telling(ctx.msg)) return
    await memory.remember(ctx.msg, scriptOf(ctx.msg.text)).catch((err) => ctx.log.warn({ err }, 'script not remembered'))
  }
}
