// `weijia console [--config FILE] [--port N]`: the console alone, against the same Redis as the bot.
// Status, queues and the outbox come from Redis; what it sends is delivered by the bot process.
import { parseArgs } from 'node:util'
import { connectRedis } from '../adapters/redis/connect.ts'
import { loadConfig, loadEnv, resolveConfigPath } from '../config.ts'
import { createLogger } from '../core/log.ts'
import { startConsole } from './start.ts'

const USAGE = 'usage: weijia console [--config FILE] [--port N]\n  Serves the web console (config `console`: host, port, publicUrl; operator password CONSOLE_PASSWORD).'

export async function consoleCommand(argv: string[], untilSignal: () => Promise<void>): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true })
  if (values.help) {
    process.stderr.write(`${USAGE}\n`)
    return 0
  }
  const env = loadEnv()
  const config = loadConfig(resolveConfigPath(values.config))
  const log = createLogger({ level: env.LOG_LEVEL ?? 'info' })
  const redis = await connectRedis({ url: env.REDIS_URL, dataDir: env.WEIJIA_DATA_DIR, log })
  const { llmFromEnv, remoteEmbedderFromEnv } = await import('../adapters/openai/env.ts')
  const web = await startConsole({
    config,
    redis: redis.redis,
    log,
    password: env.CONSOLE_PASSWORD,
    llm: llmFromEnv(env),
    embedder: remoteEmbedderFromEnv(env),
    port: values.port ? Number(values.port) : undefined,
  })
  process.stderr.write(`控制台：${web.url}/console/\n`)
  await untilSignal()
  await web.stop()
  await redis.stop()
  return 0
}
