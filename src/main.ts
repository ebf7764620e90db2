// The only place that builds infrastructure (config, logger, Redis, queues, outbox, LLM client, Wechaty)
// and wires it. One boot() serves the real bot, the sandbox and the test bot, so they run the same assembly.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Redis } from 'ioredis'
import type { Wechaty } from 'wechaty'
import { createApp, type BotApp } from './app.ts'
import { QueueHub } from './adapters/bullmq/hub.ts'
import { createJobs } from './adapters/bullmq/jobs.ts'
import { createOutbox } from './adapters/bullmq/outbox.ts'
import { connectRedis } from './adapters/redis/connect.ts'
import { keyFor } from './adapters/redis/keys.ts'
import { attachWechaty } from './adapters/wechaty/attach.ts'
import { wechatyDirectory } from './adapters/wechaty/directory.ts'
import type { MockWorld } from './adapters/wechaty/mock-world.ts'
import { wechatyTransport } from './adapters/wechaty/transport.ts'
import { type Config, type Env, loadConfig, loadEnv, resolveConfigPath } from './config.ts'
import type { Capability, Directory } from './core/capability.ts'
import type { Embedder, Llm } from './core/llm.ts'
import { createLogger, type Logger } from './core/log.ts'
import type { SentMessage, SentMeta } from './core/message.ts'
import type { ConsoleHandle } from './console/start.ts'
import { statusRecorder, type StatusRecorder } from './console/status.ts'
import type { Transport } from './outbox/payload.ts'

export interface Runtime {
  config: Config
  env: Env
  log: Logger
  redis: Redis
  app: BotApp
  /** Present in the sandbox and tests: the simulated WeChat the bot lives in. */
  world?: MockWorld
  /** The web console, when started with the bot (BootOptions.console). */
  console?: ConsoleHandle
  /** Stops the bot and the queues; `beforeRedis` runs while Redis is still connected (e.g. to drop keys). */
  stop(beforeRedis?: (redis: Redis) => Promise<void>): Promise<void>
}

export interface BootOptions {
  /** `real`: the puppet named by WECHATY_PUPPET. `sandbox`: wechaty-puppet-mock with the configured groups. */
  mode: 'real' | 'sandbox'
  configPath?: string
  /** Injected config (tests); otherwise read from configPath / WEIJIA_CONFIG. */
  config?: Config
  /** Injected Redis connection, owned by the caller (tests); otherwise REDIS_URL or an embedded server. */
  redis?: Redis
  log?: Logger
  capabilities?: Capability[]
  /** Injected by tests; otherwise from LLM_* (absent → offline). */
  llm?: Llm
  /** The environment to read (REDIS_URL, LLM_*, LOG_LEVEL…); default process.env. */
  env?: NodeJS.ProcessEnv
  /** Use this Redis key prefix instead of the configured one (a throwaway namespace, e.g. a sandbox script). */
  redisPrefix?: string
  /** Override outbox pacing (the sandbox sends faster; nobody's account is at risk there). */
  outbox?: Partial<Config['outbox']>
  /** Messages older than this are stale. Default: now. */
  startedAt?: number
  /** Told of every message that leaves, from the very first (start-up catch-up included). */
  onSent?: (sent: SentMessage, meta: SentMeta) => void
  /** Also serve the web console (when config.console.enabled). */
  console?: boolean
}

/** The optional LLM client and remote embedder, from LLM_* / EMBEDDING_MODEL. Absent → offline mode. */
async function loadModels(env: Env, log: Logger): Promise<{ llm?: Llm; embedder?: Embedder }> {
  const { llmFromEnv, remoteEmbedderFromEnv } = await import('./adapters/openai/env.ts')
  const llm = llmFromEnv(env)
  const embedder = remoteEmbedderFromEnv(env)
  if (llm) log.info({ model: llm.model, embedder: embedder?.id ?? 'offline' }, 'LLM configured')
  else log.info('no LLM key: offline mode (extractive answers, rule-based parsing)')
  return { llm, embedder }
}

export interface AssembleOptions {
  config: Config
  redis: Redis
  log: Logger
  transport: Transport
  directory: Directory
  capabilities: Capability[]
  llm?: Llm
  embedder?: Embedder
  startedAt?: number
  outbox?: Partial<Config['outbox']>
  inboundQuiet?: () => boolean
}

/** Queues, outbox and the app on one Redis and one transport: what boot() does once the chat exists. */
export async function assemble(opts: AssembleOptions): Promise<BotApp> {
  const { config, redis, log } = opts
  const key = keyFor(config.redis.prefix)
  const hub = new QueueHub(redis, config.redis.prefix, log)
  const outbox = createOutbox({ hub, redis, key, settings: { ...config.outbox, ...opts.outbox }, transport: opts.transport, log })
  return createApp({
    config,
    storage: { redis, key },
    log,
    outbox,
    jobs: createJobs(hub, log),
    directory: opts.directory,
    capabilities: opts.capabilities,
    llm: opts.llm,
    embedder: opts.embedder,
    startedAt: opts.startedAt,
    inboundQuiet: opts.inboundQuiet,
  })
}

async function checkPeople(app: BotApp, config: Config, log: Logger): Promise<void> {
  for (const g of config.groups) {
    const refs = [...g.hosts.map((r) => ['host', r]), ...g.staff.map((r) => ['staff', r]), ...(g.supervisor ? [['supervisor', g.supervisor]] : [])]
    for (const [role, ref] of refs) {
      const found = await app.resolvePerson(ref!).catch(() => undefined)
      if (!found) log.warn({ group: g.id, role, ref }, 'configured person not found among the bot\'s contacts: use their WeChat id, or ask them to add the bot')
    }
  }
}

/** Starts the console beside the bot; a console that cannot start (port taken) never stops the bot. */
async function consoleBeside(
  app: BotApp,
  recorder: StatusRecorder,
  deps: { config: Config; env: Env; redis: Redis; log: Logger; directory: Directory; llm?: Llm; embedder?: Embedder },
): Promise<ConsoleHandle | undefined> {
  app.onSent(() => recorder.sent())
  try {
    const { startConsole } = await import('./console/start.ts')
    const { hnswBackend } = await import('./adapters/hnsw/index.ts')
    return await startConsole({ ...deps, password: deps.env.CONSOLE_PASSWORD, vectors: hnswBackend })
  } catch (err) {
    deps.log.error({ err }, 'console could not start; the bot runs without it')
    return undefined
  }
}

export interface SandboxRuntime extends Runtime {
  world: MockWorld
}

export async function boot(opts: BootOptions & { mode: 'sandbox' }): Promise<SandboxRuntime>
export async function boot(opts: BootOptions): Promise<Runtime>
export async function boot(opts: BootOptions): Promise<Runtime> {
  const env = loadEnv(opts.env)
  const loaded = opts.config ?? loadConfig(resolveConfigPath(opts.configPath))
  const config: Config = opts.redisPrefix ? { ...loaded, redis: { prefix: opts.redisPrefix } } : loaded
  const log = opts.log ?? createLogger({ level: env.LOG_LEVEL ?? (opts.mode === 'real' ? 'info' : 'warn') })
  const connection = opts.redis ? { redis: opts.redis, stop: async () => undefined } : await connectRedis({ url: env.REDIS_URL, dataDir: env.WEIJIA_DATA_DIR, log })
  const redis = connection.redis
  const models = opts.llm ? { llm: opts.llm, embedder: undefined } : await loadModels(env, log)

  // Wechaty and the mock load only when a bot is booted (~1.5 s): the standalone console assembles without them.
  let bot: Wechaty
  let world: MockWorld | undefined
  let ignoreError: ((err: Error) => boolean) | undefined
  if (opts.mode === 'sandbox') {
    const mock = await import('./adapters/wechaty/mock-world.ts')
    world = await mock.createMockWorld(config, log)
    bot = world.bot
    ignoreError = mock.isMockNoise
  } else {
    mkdirSync(env.WEIJIA_DATA_DIR, { recursive: true })
    const { WechatyBuilder } = await import('wechaty')
    bot = WechatyBuilder.build({
      // The memory card (login session) lives with the rest of the bot's data, not in the working directory.
      name: join(env.WEIJIA_DATA_DIR, 'weijia'),
      puppet: env.WECHATY_PUPPET as never,
      puppetOptions: env.WECHATY_PUPPET_SERVICE_TOKEN ? { token: env.WECHATY_PUPPET_SERVICE_TOKEN } : undefined,
    })
  }
  const sandboxPace = { roomIntervalMs: config.sandbox.roomIntervalMs, jitterMs: config.sandbox.jitterMs, perMinute: config.sandbox.perMinute }
  const app = await assemble({
    config,
    redis,
    log,
    transport: wechatyTransport(bot),
    directory: wechatyDirectory(bot, config),
    // Loaded only when none are given: a test bot with one capability need not load the Q&A and the rest.
    capabilities: opts.capabilities ?? (await import('./capabilities.ts')).capabilities,
    ...models,
    startedAt: opts.startedAt ?? Date.now(),
    outbox: opts.outbox ?? (world ? sandboxPace : undefined),
    // In the sandbox, idle also waits for what the simulated chat has said and the bot has not handled yet.
    inboundQuiet: world ? () => world.quiet() : undefined,
  })
  if (opts.onSent) app.onSent(opts.onSent)
  // The console's recorder of login state and traffic lives in Redis, so `weijia console` elsewhere sees it too.
  const recorder = opts.console && config.console.enabled ? statusRecorder(redis, keyFor(config.redis.prefix), (err) => log.debug({ err }, 'console status not recorded')) : undefined
  const wiring = attachWechaty(bot, app, config, log, { ignoreError, observer: recorder, onHandedOver: world?.handedOver })
  // Once logged in, say which configured hosts and staff the platform cannot find: their commands would be
  // refused and referrals could not reach them. (The sandbox's mock world creates every configured person.)
  if (!world) bot.once('login', () => void checkPeople(app, config, log))
  if (!world) await bot.start()
  await app.start()
  if (!world) log.info({ puppet: env.WECHATY_PUPPET }, 'bot started')
  const web = recorder ? await consoleBeside(app, recorder, { config, env, redis, log, directory: wechatyDirectory(bot, config), ...models }) : undefined

  return {
    config,
    env,
    log,
    redis,
    app,
    world,
    console: web,
    async stop(beforeRedis) {
      wiring.stopping()
      await web?.stop().catch((err) => log.warn({ err }, 'console stop failed'))
      recorder?.stop()
      if (!world) await bot.stop().catch((err) => log.warn({ err }, 'bot stop failed'))
      await app.stop()
      await world?.stop().catch(() => undefined)
      await beforeRedis?.(redis)
      await connection.stop()
    },
  }
}
