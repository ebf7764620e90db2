// Builds the per-message context: where replies go and the logger carrying the correlation id.
import type { Config } from '../config.ts'
import { groupById } from '../config.ts'
import type { Context, ContextKey, Outbox } from './capability.ts'
import { correlationId } from './errors.ts'
import type { Logger } from './log.ts'
import { ReplyBudget } from './llm-deadline.ts'
import type { ReplyDigest } from './digest.ts'
import { type InboundMessage, privateOf } from './message.ts'
import { HER_SCRIPT } from './her-script.ts'
import { inScript, scriptOf } from './zh/script.ts'

export interface ContextDeps {
  config: Config
  outbox: Outbox
  log: Logger
  /** Direct sends while storage is down (see OutboxRuntime.sendNow). */
  sendNow?: Outbox['send']
  /** Where replies go while the conversation is over its flood limit. */
  digest?: ReplyDigest
  /** Keep the correlation id of the context this one stands beside (a probe of the same message). */
  correlationId?: string
}

export function createContext(msg: InboundMessage, deps: ContextDeps): Context {
  const cid = deps.correlationId ?? correlationId()
  const log = deps.log.child({ cid, msgId: msg.id })
  // Keyed by the key object itself, so two capabilities' keys never collide even with the same name.
  const slots = new Map<ContextKey<unknown>, unknown>()
  const get = <T>(key: ContextKey<T>) => slots.get(key) as T | undefined
  const set = <T>(key: ContextKey<T>, value: T) => void slots.set(key, value)
  // She writes in Traditional characters: what is said back to her is too, fixed texts included (the Q&A answers
  // already are). Messages to others (staff, hosts) are not replies and keep their own script. Her script is the
  // one remembered for a message written the same in both (core/her-script.ts), else the message's own — read at
  // the first reply, so a message that gets none costs no conversion.
  let traditional: boolean | undefined
  const inHerScript = (text: string) => {
    const remembered = slots.get(HER_SCRIPT)
    const hers = remembered ? remembered === 'traditional' : (traditional ??= msg.kind === 'text' && scriptOf(msg.text) === 'traditional')
    return hers ? inScript(text, 'traditional') : text
  }
  const ctx: Context = {
    msg,
    flooded: false,
    group: msg.groupId ? groupById(deps.config, msg.groupId) : undefined,
    correlationId: cid,
    log,
    replyBudget: ReplyBudget.forMessage(msg.at, deps.config.reply.llmBudgetMs),
    get,
    set,
    memo(key, compute) {
      if (slots.has(key)) return get(key)!
      const value = compute()
      set(key, value)
      return value
    },
    reply: async (raw, opts) => {
      const text = inHerScript(raw)
      // Over the flood limit: gathered into one message (urgent replies, i.e. safety, always go at once).
      if (ctx.flooded && !opts?.urgent && deps.digest) return deps.digest.add(msg.conversation, text, msg.conversation.kind === 'room' && opts?.mention !== false ? msg.sender : undefined)
      return deps.outbox.send({
        to: msg.conversation,
        text,
        mentions: msg.conversation.kind === 'room' && opts?.mention !== false ? [msg.sender] : [],
        key: opts?.key,
        urgent: opts?.urgent,
      })
    },
    whisper: (text, opts) => deps.outbox.send({ to: privateOf(msg.sender), text: inHerScript(text), key: opts?.key, sensitive: opts?.sensitive, urgent: opts?.urgent }),
    send: (out) => deps.outbox.send(out),
    sendNow: (out) => (deps.sendNow ?? deps.outbox.send)(out),
  }
  return ctx
}
