// Assembles the bot from its parts: the pipeline, the capabilities and the ports it is handed (outbox, jobs,
// directory). It builds no infrastructure (main.ts does), so tests, the sandbox and production run the same app.
import type { Config } from './config.ts'
import type {
  App,
  Capability,
  Context,
  Directory,
  JobRuntime,
  JoinHandler,
  OutboxRuntime,
  Route,
} from './core/capability.ts'
import { createContext } from './core/context.ts'
import { ReplyDigest } from './core/digest.ts'
import { StorageHealth } from './core/health.ts'
import { safetyFirst, storageDown } from './core/safety.ts'
import { dropDuplicates, dropStale, nonTextHint } from './core/drop.ts'
import { FloodGuard } from './core/flood.ts'
import { followHerScript, rememberAfterSafety, ScriptMemory } from './core/her-script.ts'
import type { Inbound } from './core/inbound.ts'
import type { InboundMessage } from './core/message.ts'
import type { Embedder, Llm } from './core/llm.ts'
import type { Logger } from './core/log.ts'
import { type OutgoingMessage, type SentMessage, type SentMeta, privateOf } from './core/message.ts'
import { authorize, dispatch, errorBoundary, floodControl, routing } from './core/middleware.ts'
import { compose, type Middleware } from './core/pipeline.ts'
import { RoomMemory } from './core/rooms.ts'
import { Router } from './core/router.ts'
import type { Storage } from './core/storage.ts'
import { texts } from './core/texts.ts'
import { understanding, UNDERSTOOD } from './core/understanding.ts'
import type { Understanding } from './nlu/types.ts'
import { SenderOrder, senderKey } from './core/sender-order.ts'
import { rememberTurns, TurnMemory } from './core/turns.ts'
import { looksLikeFollowUp } from './qa/question.ts'
import { readDanger } from './nlu/danger.ts'
import { normalize } from './nlu/text.ts'

export interface AppOptions {
  config: Config
  storage: Storage
  log: Logger
  outbox: OutboxRuntime
  jobs: JobRuntime
  /** How to find configured people and rooms on the chat platform. */
  directory: Directory
  capabilities: Capability[]
  llm?: Llm
  embedder?: Embedder
  /** The clock the understanding resolves times against (tests, the corpus world). Default: Date.now. */
  now?: () => number
  /** Messages older than this are stale. Default: now. */
  startedAt?: number
  /** False while work is still on its way in from outside (the sandbox's simulated chat): idle() waits for it. */
  inboundQuiet?: () => boolean
}

export interface BotApp extends App, Inbound {
  onSent(fn: (sent: SentMessage, meta: SentMeta) => void): void
  start(): Promise<void>
  stop(): Promise<void>
  /** No message in the pipeline and no job due soon: used by the sandbox and tests to wait for quiet. */
  idle(): Promise<boolean>
  routes(): readonly Route[]
  /** The route that would claim the message, without acting on it (the corpus evaluation and routing tests). */
  explain(msg: InboundMessage): Promise<string | undefined>
  /** The same, with the understanding the route would act on (what it carries along for another capability). */
  explainFully(msg: InboundMessage): Promise<{ route?: string; understood?: Understanding }>
}

export async function createApp(opts: AppOptions): Promise<BotApp> {
  const { config, log, outbox, jobs } = opts
  const { redis, key } = opts.storage
  const router = new Router()
  const joinHandlers: JoinHandler[] = []
  const startHooks: (() => Promise<void>)[] = []
  const stopHooks: (() => Promise<void>)[] = []
  const hints: ((ctx: Context) => string | undefined)[] = []
  const loaders: Middleware[] = []
  const rooms = new RoomMemory(redis, (groupId) => key('rooms', groupId))
  const scripts = new ScriptMemory(redis, (conversation, senderId) => key('script', conversation, senderId))
  // A follow-up leans on her last exchange as long as the Q&A keeps her last question for one.
  const turns = rememberTurns(new TurnMemory(redis, (conversation, senderId) => key('turn', conversation, senderId), config.qa.followupTtlSec), {
    overheardFollowUp: (msg) => msg.kind === 'text' && msg.conversation.kind === 'room' && looksLikeFollowUp(msg.text),
  })
  /** The route that would claim a message and the understanding it would act on, without acting (evaluation, tests). */
  const explainFully = async (msg: InboundMessage): Promise<{ route?: string; understood?: Understanding }> => {
    const ctx = createContext(msg, { config, outbox, log })
    // Non-text messages stop at the media hint, before routing.
    if (msg.kind !== 'text') return { route: 'core.media' }
    let name: string | undefined
    await compose([turns, ...loaders, understanding({ tz: config.timezone, now: opts.now }), async (c) => void (name = (await router.resolve(c))?.name)])(ctx)
    return { route: name, understood: ctx.get(UNDERSTOOD) }
  }

  const app: App = {
    config,
    log,
    redis,
    key,
    outbox,
    jobs,
    llm: opts.llm,
    embedder: opts.embedder,
    resolvePerson: (ref) => opts.directory.resolvePerson(ref),
    // Live from the platform when it can say; otherwise the room last seen for the group.
    resolveRoom: async (groupId) => (await opts.directory.resolveRoom(groupId).catch(() => undefined)) ?? rooms.recall(groupId),
    route: (r) => router.add(r),
    use: (mw) => void loaders.push(mw),
    onJoin: (h) => void joinHandlers.push(h),
    addAnswerHint: (h) => void hints.push(h),
    answerHints: (ctx) => hints.map((h) => h(ctx)).filter((x): x is string => Boolean(x)),
    handOver: async (ctx, name) => {
      const route = router.list().find((r) => r.name === name)
      if (route) await route.handle(ctx)
      return !!route
    },
    onStart: (fn) => void startHooks.push(fn),
    onStop: (fn) => void stopHooks.push(fn),
  }
  for (const cap of opts.capabilities) {
    await cap.register(app)
    log.debug({ capability: cap.name }, 'capability registered')
  }

  const perSender = new FloodGuard(config.flood.perSender.max, config.flood.perSender.windowSec * 1000)
  const perRoom = new FloodGuard(config.flood.perRoom.max, config.flood.perRoom.windowSec * 1000)
  const sweeper = setInterval(() => {
    perSender.sweep()
    perRoom.sweep()
  }, 60_000)
  sweeper.unref()

  const digest = new ReplyDigest(outbox, config.flood.digestMs, texts.floodDigest, texts.floodDigestMore)
  const contextDeps = { config, outbox, log, digest, sendNow: (out: OutgoingMessage) => outbox.sendNow(out) }
  const health = new StorageHealth(redis, log)
  // Messages a safety route took while storage was down, replayed once it is back so the case is recorded.
  const deferred: InboundMessage[] = []
  const down = storageDown({
    health,
    router,
    deps: contextDeps,
    busyText: texts.storageBusy,
    defer: (msg) => {
      if (deferred.length >= 1000) deferred.shift()
      deferred.push(msg)
    },
  })
  health.onRecover(() => {
    down.recovered()
    const replay = deferred.splice(0)
    if (replay.length) log.warn({ messages: replay.length }, 'storage back: replaying the messages handled while it was down')
    void (async () => {
      for (const msg of replay) await handle({ ...msg, deferred: true })
    })()
  })

  const run = compose([
    dropStale(opts.startedAt ?? Date.now()),
    // Before any stage that needs Redis: while it is down, only safety replies (direct) and a busy notice.
    down,
    dropDuplicates(redis, (id) => key('seen', id)),
    errorBoundary,
    rememberAfterSafety(scripts),
    // Someone in danger gets the numbers before any loader or observer makes a round trip to storage.
    safetyFirst(router, contextDeps),
    // Replies follow her script; "好" / "1" take the one she last wrote in.
    followHerScript(scripts),
    floodControl({ perSender, perRoom }),
    async (ctx, next) => {
      const { conversation, groupId } = ctx.msg
      if (conversation.kind === 'room' && groupId) await rooms.note(groupId, conversation)
      await next()
    },
    nonTextHint(texts.mediaHint, perSender),
    // What her last exchange here was about, then the capabilities' loaders and observers, then the message's
    // meaning: predicates only read the context.
    turns,
    ...loaders,
    understanding({ tz: config.timezone, now: opts.now }),
    routing(router),
    authorize,
    dispatch,
  ])

  let inFlight = 0
  const busy = async (fn: () => Promise<void>) => {
    inFlight++
    try {
      await fn()
    } finally {
      inFlight--
    }
  }

  /** Tells every configured staff member privately; one unreachable person never stops the others. */
  const tellStaff = async (text: string) => {
    for (const ref of new Set(config.groups.flatMap((g) => g.staff))) {
      const person = await app.resolvePerson(ref).catch(() => undefined)
      if (!person) {
        log.warn({ staff: ref }, 'staff member not found among contacts')
        continue
      }
      await outbox.send({ to: privateOf(person), text })
    }
  }

  const order = new SenderOrder()
  const handle = (msg: InboundMessage) =>
    busy(() =>
      order.run(senderKey(msg), msg.kind === 'text' && readDanger(normalize(msg.text)) !== undefined, async () => {
        const ctx = createContext(msg, contextDeps)
        try {
          await run(ctx)
        } catch (err) {
          // Only the drop rules sit outside the boundary (e.g. Redis lost while checking duplicates).
          ctx.log.error({ err }, 'message could not be processed')
        }
      }),
    )

  return {
    ...app,
    handle,
    join: (event) =>
      busy(async () => {
        if (event.group) await rooms.note(event.group.id, event).catch((err) => log.warn({ err }, 'could not note the room'))
        // Each handler on its own: one failing must not keep the others from running.
        for (const h of joinHandlers) await h(event).catch((err) => log.error({ err, room: event.roomId }, 'join handler failed'))
      }),
    reconnected: (minutes) => busy(() => tellStaff(texts.backOnline(minutes)).catch((err) => log.error({ err }, 'could not tell staff the bot is back'))),
    onSent: (fn) => outbox.onSent(fn),
    async start() {
      jobs.start()
      for (const fn of startHooks) await fn()
    },
    async stop() {
      clearInterval(sweeper)
      await digest.close().catch((err) => log.error({ err }, 'flood digest not sent'))
      for (const fn of stopHooks) await fn().catch((err) => log.error({ err }, 'stop hook failed'))
      await jobs.close()
    },
    async idle() {
      const quiet = () => (opts.inboundQuiet?.() ?? true) && inFlight === 0 && digest.size === 0 && deferred.length === 0
      // Again after the queues: a message may have come in while they were asked.
      return quiet() && (await jobs.idle()) && quiet()
    },
    routes: () => router.list(),
    explain: async (msg) => (await explainFully(msg)).route,
    explainFully,
  }
}
