// The only place that builds infrastructure (config, logger, Redis, LLM client, Wechaty) and wires it.
import type { Wechaty } from 'wechaty'
import { createApp, type AppOptions, type BotApp } from './app.ts'
import { connectRedis, type RedisHandle } from './adapters/redis/connect.ts'
import { type AttachOptions, attachWechaty } from './adapters/wechaty/attach.ts'
import { createMockWorld, isMockNoise, type MockWorld } from './adapters/wechaty/mock-world.ts'
import { wechatyDirectory } from './adapters/wechaty/directory.ts'
import { wechatyTransport } from './adapters/wechaty/transport.ts'
import { capabilities as defaultCapabilities } from './capabilities.ts'
import { type Config, type Env, loadConfig, loadEnv, resolveConfigPath } from './config.ts'
import type { Capability } from './core/capability.ts'
import type { Embedder, Llm } from './core/llm.ts'
import { createLogger, type Logger } from './core/log.ts'
import type { ConsoleHandle } from './console/start.ts'
import { statusRecorder, type StatusRecorder } from './console/status.ts'

export interface Runtime {
  config: Config
  env: Env
  log: Logger
  redis: RedisHandle
  app: BotApp
  /** The web console, when started with the bot (BootOptions.console). */
  console?: ConsoleHandle
  /** Stops the bot and the queues; `beforeRedis` runs while Redis is still connected (e.g. to drop keys). */
  stop(beforeRedis?: (redis: RedisHandle['redis']) => Promise<void>): Promise<void>
}

export interface BootOptions {
  configPath?: string
  log?: Logger
  capabilities?: Capability[]
  /** Injected by tests; otherwise read from the environment (LLM_* variables). */
  llm?: Llm
  /** Use this Redis key prefix instead of the configured one (a throwaway namespace, e.g. a sandbox script). */
  redisPrefix?: string
  /** Also serve the web console (when config.console.enabled). */
  console?: boolean
}

/** The optional LLM client and remote embedder, from LLM_* / EMBEDDING_MODEL. Absent → offline mode. */
async function loadModels(log: Logger): Promise<{ llm?: Llm; embedder?: Embedder }> {
  const { llmFromEnv, remoteEmbedderFromEnv } = await import('./adapters/openai/env.ts')
  const llm = llmFromEnv(process.env)
  const embedder = remoteEmbedderFromEnv(process.env)
  if (llm) log.info({ model: llm.model, embedder: embedder?.id ?? 'offline' }, 'LLM configured')
  else log.info('no LLM key: offline mode (extractive answers, rule-based parsing)')
  return { llm, embedder }
}

async function infrastructure(opts: BootOptions) {
  const env = loadEnv()
  const loaded = loadConfig(resolveConfigPath(opts.configPath))
  const config: Config = opts.redisPrefix ? { ...loaded, redis: { prefix: opts.redisPrefix } } : loaded
  const log = opts.log ?? createLogger({ level: env.LOG_LEVEL })
  const redis = await connectRedis({ url: env.REDIS_URL, dataDir: env.WEIJIA_DATA_DIR, log })
  const models = opts.llm ? { llm: opts.llm, embedder: undefined } : await loadModels(log)
  return { env, config, log, redis, ...models }
}

/**
 * The app on a Wechaty bot (real puppet or mock): transport, directory and event wiring. Shared by the
 * real bot, the sandbox, the test bot and the bench, so they all run the same assembly.
 */
export async function appOnWechaty(
  bot: Wechaty,
  opts: Omit<AppOptions, 'transport' | 'directory'> & AttachOptions,
): Promise<{ app: BotApp; stopping(): void }> {
  const { ignoreError, observer, ...appOptions } = opts
  const app = await createApp({ ...appOptions, transport: wechatyTransport(bot), directory: wechatyDirectory(bot, opts.config) })
  const wiring = attachWechaty(bot, app, opts.config, opts.log, { ignoreError, observer })
  return { app, stopping: wiring.stopping }
}

/** The console's recorder of login state and traffic (kept in Redis, so `weijia console` elsewhere sees it too). */
function consoleRecorder(opts: BootOptions, config: Config, redis: RedisHandle, log: Logger): StatusRecorder | undefined {
  if (!opts.console || !config.console.enabled) return undefined
  return statusRecorder(redis.redis, (...p) => [config.redis.prefix, ...p].join(':'), (err) => log.debug({ err }, 'console status not recorded'))
}

/** Starts the console beside the bot; a console that cannot start (port taken) never stops the bot. */
async function consoleBeside(bot: Wechaty, app: BotApp, recorder: StatusRecorder | undefined, deps: { config: Config; env: Env; redis: RedisHandle; log: Logger; llm?: Llm; embedder?: Embedder }): Promise<ConsoleHandle | undefined> {
  if (!recorder) return undefined
  app.onSent(() => recorder.sent())
  try {
    const { startConsole } = await import('./console/start.ts')
    return await startConsole({ config: deps.config, redis: deps.redis.redis, log: deps.log, password: deps.env.CONSOLE_PASSWORD, directory: wechatyDirectory(bot, deps.config), llm: deps.llm, embedder: deps.embedder })
  } catch (err) {
    deps.log.error({ err }, 'console could not start; the bot runs without it')
    return undefined
  }
}

/** The real bot on a real puppet (WECHATY_PUPPET). */
export async function bootReal(opts: BootOptions = {}): Promise<Runtime> {
  const { env, config, log, redis, llm, embedder } = await infrastructure(opts)
  const { WechatyBuilder } = await import('wechaty')
  const bot = WechatyBuilder.build({
    name: 'weijia',
    puppet: env.WECHATY_PUPPET as never,
    puppetOptions: env.WECHATY_PUPPET_SERVICE_TOKEN ? { token: env.WECHATY_PUPPET_SERVICE_TOKEN } : undefined,
  })
  const recorder = consoleRecorder(opts, config, redis, log)
  const { app, stopping } = await appOnWechaty(bot, {
    config,
    redis: redis.redis,
    log,
    capabilities: opts.capabilities ?? defaultCapabilities,
    llm,
    embedder,
    observer: recorder,
  })
  await bot.start()
  await app.start()
  log.info({ puppet: env.WECHATY_PUPPET }, 'bot started')
  const web = await consoleBeside(bot, app, recorder, { config, env, redis, log, llm, embedder })
  return {
    config,
    env,
    log,
    redis,
    app,
    console: web,
    async stop(beforeRedis) {
      stopping()
      await web?.stop().catch((err) => log.warn({ err }, 'console stop failed'))
      recorder?.stop()
      await bot.stop().catch((err) => log.warn({ err }, 'bot stop failed'))
      await app.stop()
      await beforeRedis?.(redis.redis)
      await redis.stop()
    },
  }
}

export interface SandboxRuntime extends Runtime {
  world: MockWorld
}

/** The real bot on wechaty-puppet-mock: a simulated 微家 group from the config. */
export async function bootSandbox(opts: BootOptions & { outbox?: AppOptions['outbox'] } = {}): Promise<SandboxRuntime> {
  const { env, config, log, redis, llm, embedder } = await infrastructure(opts)
  const world = await createMockWorld(config, log)
  const startedAt = Date.now()
  const recorder = consoleRecorder(opts, config, redis, log)
  const { app, stopping } = await appOnWechaty(world.bot, {
    config,
    redis: redis.redis,
    log,
    capabilities: opts.capabilities ?? defaultCapabilities,
    llm,
    embedder,
    startedAt,
    outbox: opts.outbox ?? { roomIntervalMs: config.sandbox.roomIntervalMs, jitterMs: config.sandbox.jitterMs, perMinute: config.sandbox.perMinute },
    ignoreError: isMockNoise,
    observer: recorder,
  })
  await app.start()
  const web = await consoleBeside(world.bot, app, recorder, { config, env, redis, log, llm, embedder })
  return {
    config,
    env,
    log,
    redis,
    app,
    world,
    console: web,
    async stop(beforeRedis) {
      stopping()
      await web?.stop().catch((err) => log.warn({ err }, 'console stop failed'))
      recorder?.stop()
      await app.stop()
      await world.stop().catch(() => undefined)
      await beforeRedis?.(redis.redis)
      await redis.stop()
    },
  }
}
