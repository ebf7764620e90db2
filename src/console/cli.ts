// `weijia console [--config FILE] [--port N]`: the console alone, against the same Redis as the bot.
// Status, queues and the outbox come from Redis; what it sends is delivered by the bot process.
import { parseArgs } from 'node:util'
import type { CliDeps } from '../core/cli.ts'
import type { Embedder, Llm } from '../core/llm.ts'
import type { VectorBackend } from '../qa/vectors.ts'
import { startConsole } from './start.ts'

const USAGE = 'usage: weijia console [--config FILE] [--port N]\n  Serves the web console (config `console`: host, port, publicUrl; operator password CONSOLE_PASSWORD).'

/** Handed over by src/cli/main.ts, the edge that builds clients from the environment. */
export interface ConsoleCliDeps extends CliDeps {
  password?: string
  llm?: Llm
  embedder?: Embedder
  vectors: VectorBackend
  untilSignal(): Promise<void>
}

export async function consoleCommand(argv: string[], deps: ConsoleCliDeps): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true })
  if (values.help) {
    deps.err(`${USAGE}\n`)
    return 0
  }
  const config = deps.config(values.config)
  const storage = await deps.storage(config)
  const web = await startConsole({
    config,
    redis: storage.redis,
    log: deps.log,
    password: deps.password,
    llm: deps.llm,
    embedder: deps.embedder,
    vectors: deps.vectors,
    port: values.port ? Number(values.port) : undefined,
  })
  deps.err(`控制台：${web.url}/console/\n`)
  await deps.untilSignal()
  await web.stop()
  await storage.close()
  return 0
}
