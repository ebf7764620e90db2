// Starts the console: the services over Redis, the web server, and the address the chat links point to.
// Used by the bot's boot code (same process) and by `weijia console` (alone, against the same Redis).
import type { VectorBackend } from '../qa/vectors.ts'
import type { Redis } from '../core/storage.ts'
import type { Config } from '../config.ts'
import type { Directory } from '../core/capability.ts'
import type { Embedder, Llm } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import type { Person } from '../core/message.ts'
import { loginLinks } from './auth.ts'
import { buildServer } from './server.ts'
import { consoleBaseUrl } from './settings.ts'
import { wireConsole } from './wiring.ts'

export interface ConsoleOptions {
  config: Config
  redis: Redis
  log: Logger
  password?: string
  directory?: Directory
  llm?: Llm
  embedder?: Embedder
  vectors: VectorBackend
  /** Overrides config.console.port (tests use 0: any free port). */
  port?: number
}

export interface ConsoleHandle {
  url: string
  /** A ready one-time login link for a configured person (the sandbox prints them). */
  linkFor(person: Person): Promise<string | undefined>
  stop(): Promise<void>
}

export async function startConsole(opts: ConsoleOptions): Promise<ConsoleHandle> {
  const { config, redis, log } = opts
  const services = await wireConsole(opts)
  let url = consoleBaseUrl(config)
  const server = await buildServer({ config, redis, log, services, password: opts.password, baseUrl: () => url })
  await server.listen({ host: config.console.host, port: opts.port ?? config.console.port })
  const address = server.server.address()
  url = consoleBaseUrl(config, typeof address === 'object' && address ? address.port : undefined)
  const urlKey = [config.redis.prefix, 'console', 'url'].join(':')
  await redis.set(urlKey, url)
  log.info({ url: `${url}/console/`, host: config.console.host }, 'console listening')
  return {
    url,
    linkFor: (person) => loginLinks(redis, (...p) => [config.redis.prefix, ...p].join(':'), config, url).create(person),
    async stop() {
      await server.close()
      await services.stop()
      // Only if it is still ours (another console may have started since).
      if ((await redis.get(urlKey).catch(() => null)) === url) await redis.del(urlKey).catch(() => undefined)
    },
  }
}
