// The contract between the pipeline and a capability (qa, signups, referrals, reminders).
// A capability exports `register(app)`; it adds routes and job queues, and never touches the adapter.
import type { ZodType } from 'zod'
import type { Logger } from './log.ts'
import type { Config, GroupConfig } from '../config.ts'
import type { Embedder, Llm } from './llm.ts'
import type { ReplyBudget } from './llm-deadline.ts'
import type { InboundMessage, OutgoingMessage, Person, Role, SentMessage, SentMeta } from './message.ts'
import type { JoinEvent } from './inbound.ts'
import type { Storage } from './storage.ts'
import type { Band } from './router.ts'
import type { Subject } from './turns.ts'

/**
 * A typed slot on a message's context, for what one stage works out and a later one reuses (the matched
 * route, a classification, a conversation state): grammY's context "flavours" without casts.
 */
export interface ContextKey<T> {
  readonly name: string
  /** Carries T for the type checker only. */
  readonly _type?: T
}
export const contextKey = <T>(name: string): ContextKey<T> => ({ name })

export interface Context {
  readonly msg: InboundMessage
  /** The 微家 group config for this message, when known. */
  readonly group?: GroupConfig
  readonly correlationId: string
  readonly log: Logger
  /**
   * What is left of this message's time for model calls (config reply.llmBudgetMs from its arrival): shared by
   * every capability that handles it, so calls in sequence never add up past the reply deadline.
   * Wrap the app's LLM with limitLlm(app.llm, { budget: ctx.replyBudget }) on the message path.
   */
  readonly replyBudget?: ReplyBudget
  /** Reply in the same conversation; in a group the asker is @-mentioned unless `mention: false`. */
  reply(text: string, opts?: { mention?: boolean; key?: string; urgent?: boolean }): Promise<void>
  /** Reply to the sender in private chat, wherever the message came from. */
  whisper(text: string, opts?: { key?: string; sensitive?: boolean; urgent?: boolean }): Promise<void>
  send(out: OutgoingMessage): Promise<void>
  /** Straight to the transport, no storage involved: only while storage is down (emergencies, busy notice). */
  sendNow(out: OutgoingMessage): Promise<void>
  /** The conversation is over its flood limit: replies are gathered into one message (never dropped). */
  flooded: boolean
  /** The route that claimed the message (set by the router stage). */
  route?: Route
  get<T>(key: ContextKey<T>): T | undefined
  set<T>(key: ContextKey<T>, value: T): void
  /** The value under `key`, computed once per message. */
  memo<T>(key: ContextKey<T>, compute: () => T): T
}

export type Handler = (ctx: Context) => Promise<void>

export interface Route {
  /** Unique, e.g. "signups.announce". Shown in logs. */
  name: string
  /** Which band the route runs in (see core/router.ts); within a band, registration order. Default: conversation. */
  band?: Band
  /**
   * @deprecated Use `band`. A number is read once as a band (≤ 2 safety, < 20 command, < 80 conversation,
   * else fallback) for routes not yet moved to bands.
   */
  priority?: number
  /** Roles allowed to run it; omit for everyone. Others get a clear refusal naming who can. */
  roles?: Role[]
  /** What someone refused (see `roles`) may do instead, said in place of the refusal's general pointer. Pure. */
  refusalHint?: (ctx: Context) => string | undefined
  /** Never silenced by flood control: for safety routes (someone in danger may send many messages). */
  bypassFlood?: boolean
  /**
   * A safety route (its `match` is synchronous and reads only the message): checked before any other stage
   * touches storage, and dispatched at once when it matches.
   */
  safety?: boolean
  /** For safety routes: what to do while storage is unreachable (ctx.sendNow only); the message is replayed later. */
  whenStorageDown?: Handler
  /**
   * What an exchange this route handles is about, remembered for the sender's next message here so that a short
   * follow-up ("名额一共多少人") is read against it (core/turns.ts). Omit for routes that leave the topic as it was.
   */
  subject?: Subject
  /** Pure predicate on the message. Returning true claims the message. */
  match(ctx: Context): boolean | Promise<boolean>
  handle: Handler
}

export interface JobMeta {
  id: string
  attempt: number
  /** For a job produced by a scheduler: the time its tick was due (epoch ms), which may be well before now. */
  scheduledAt?: number
}

export interface JobQueue<T> {
  /** Idempotent by id: adding an id that is waiting, delayed or done is a no-op. */
  add(id: string, data: T, opts?: { at?: number }): Promise<void>
  remove(id: string): Promise<void>
}

export interface JobSpec<T> {
  name: string
  schema: ZodType<T>
  process(data: T, meta: JobMeta): Promise<void>
  concurrency?: number
  attempts?: number
}

/** When a scheduler ticks: a cron pattern in a time zone, or a fixed interval (tests, polling). */
export type Repeat = { pattern: string; tz?: string } | { every: number }

export interface ScheduledJob<T> {
  id: string
  repeat: Repeat
  data?: T
  /** Epoch ms of the next tick, when one is pending. */
  next?: number
}

/**
 * Repeating jobs with stable ids. Upserting an id updates it and never duplicates it, across restarts
 * and across processes on one Redis. Ticks missed while no worker ran are NOT replayed: catch up yourself.
 */
export interface Scheduler<T> {
  upsert(id: string, repeat: Repeat, data: T): Promise<void>
  remove(id: string): Promise<void>
  list(): Promise<ScheduledJob<T>[]>
}

export interface Jobs {
  define<T>(spec: JobSpec<T>): JobQueue<T>
  /** A queue whose jobs come from schedulers; `process` gets `meta.scheduledAt`. */
  schedule<T>(spec: JobSpec<T>): Scheduler<T>
}

/** Jobs with a lifecycle: what the assembly hands to the app (the BullMQ adapter implements it). */
export interface JobRuntime extends Jobs {
  start(): void
  /** Nothing waiting or running, nothing delayed to within a few seconds. */
  idle(): Promise<boolean>
  close(): Promise<void>
}

export interface Outbox {
  send(out: OutgoingMessage): Promise<void>
}

/** The outbox as the assembly sees it: sends, and tells listeners what left (the sandbox prints it). */
export interface OutboxRuntime extends Outbox {
  onSent(fn: (sent: SentMessage, meta: SentMeta) => void): void
  /** Straight to the transport, no storage involved: only for what must go out while storage is down. */
  sendNow(out: OutgoingMessage): Promise<void>
}

/** Looks up configured people and group rooms in the chat platform. */
export interface Directory {
  /** A person named in config (contact id or display name), when the bot can see them. */
  resolvePerson(ref: string): Promise<Person | undefined>
  /** The room of a configured group (by config group id). */
  resolveRoom(groupId: string): Promise<{ kind: 'room'; roomId: string; topic: string } | undefined>
}

export type JoinHandler = (event: JoinEvent) => Promise<void>

/** Redis is part of the platform (see core/storage.ts): capabilities keep their state through `redis` + `key`. */
export interface App extends Directory, Storage {
  readonly config: Config
  readonly log: Logger
  readonly outbox: Outbox
  readonly jobs: Jobs
  /** Present only when an LLM is configured; every capability must work without it. */
  readonly llm?: Llm
  /** A remote embedder when one is configured (EMBEDDING_MODEL); capabilities fall back to offline ones. */
  readonly embedder?: Embedder
  route(route: Route): void
  /**
   * Middleware that runs before routing on every message: loaders that put state a predicate needs on the
   * context (typed keys), and observers that take notes. They must call next() and never reply.
   */
  use(middleware: (ctx: Context, next: () => Promise<void>) => Promise<void>): void
  onJoin(handler: JoinHandler): void
  /**
   * A line another capability wants under an answer, e.g. referrals offering personal help when a
   * question touches a help topic. Keeps capabilities from importing each other.
   */
  addAnswerHint(hint: (ctx: Context) => string | undefined): void
  answerHints(ctx: Context): string[]
  /**
   * Runs another capability's route handler on this message, skipping its predicate: for a message with two
   * meanings that two capabilities serve (a help request that also asks a legal question: referrals ask
   * consent, then hand the question to "qa.answer"). Resolves false when no route has that name.
   */
  handOver(ctx: Context, routeName: string): Promise<boolean>
  /** Work to do once the bot is ready (e.g. catch-up) and on shutdown. */
  onStart(fn: () => Promise<void>): void
  onStop(fn: () => Promise<void>): void
}

export interface Capability {
  name: string
  register(app: App): void | Promise<void>
}
