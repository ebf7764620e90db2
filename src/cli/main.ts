// The weijia CLI. Machine-readable output goes to stdout; logs go to stderr.
// Capability commands are handed their config, storage and output here (CliDeps); none connects by itself.
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, loadEnv, resolveConfigPath } from '../config.ts'
import { connectRedis, RedisUnavailableError } from '../adapters/redis/connect.ts'
import { keyFor } from '../adapters/redis/keys.ts'
import type { CliCommand, CliDeps } from '../core/cli.ts'
import { createLogger } from '../core/log.ts'
import type { QaCliDeps } from '../qa/cli.ts'

const USAGE = `weijia <command> [options]

  start                       run the bot: a real puppet if WECHATY_PUPPET is set, otherwise the sandbox
  run                         run the bot on the real puppet named by WECHATY_PUPPET
  sandbox [--script FILE] [--config FILE]
                              the simulated 微家 group: interactive, or one script (JSON lines on stdout)
  ingest [--kb DIR] [--index DIR]
                              build or update the knowledge index
  ask [--index DIR] [--json] [--stdin] "问题"
                              answer a question from the knowledge index
  eval --qa FILE.jsonl [--index DIR]
                              retrieval and not-covered figures on a QA file
  reminders --preview [--days N] [--config FILE] [--json]
                              next times of every reminder, per group
  export --activity ID [--format csv|json] [--config FILE]
                              an activity's roster and waitlist (CSV to stdout)
  cases [--status S] [--group ID] [--json] [--details] [--config FILE]
                              list referral cases (staff)
  console [--config FILE] [--port N]
                              the web console alone, against the bot's Redis (the bot also serves it)
`

/** Config, storage and output for capability commands, from the environment. */
export function cliDeps(): CliDeps {
  const env = loadEnv()
  const log = createLogger({ level: env.LOG_LEVEL ?? 'warn', pretty: false })
  return {
    log,
    config: (path) => loadConfig(resolveConfigPath(path)),
    async storage(config) {
      const handle = await connectRedis({ url: env.REDIS_URL, dataDir: env.WEIJIA_DATA_DIR, log })
      return { redis: handle.redis, key: keyFor(config.redis.prefix), close: handle.stop }
    },
    redisConfigured: Boolean(env.REDIS_URL),
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
  }
}

/** The knowledge commands' clients: the HNSW adapter, and the LLM and remote embedder when configured. */
async function qaDeps(): Promise<QaCliDeps> {
  const env = loadEnv()
  const { llmFromEnv, remoteEmbedderFromEnv } = await import('../adapters/openai/env.ts')
  const { hnswBackend } = await import('../adapters/hnsw/index.ts')
  return { log: createLogger({ level: env.LOG_LEVEL ?? 'info', pretty: false }), vectors: hnswBackend, llm: llmFromEnv(env), remoteEmbedder: remoteEmbedderFromEnv(env) }
}

type Command = (argv: string[]) => Promise<number>
const withDeps = (load: () => Promise<CliCommand>): Command => async (argv) => (await load())(argv, cliDeps())

const commands: Record<string, Command> = {
  start: async (argv) => (loadEnv().WECHATY_PUPPET ? commands.run!(argv) : commands.sandbox!(argv)),
  run: async (argv) => {
    const { values } = parseArgs({ args: argv, options: { config: { type: 'string' } } })
    if (!loadEnv().WECHATY_PUPPET) {
      process.stderr.write('WECHATY_PUPPET is not set. Set it (see .env.example) or run `npx weijia sandbox`.\n')
      return 2
    }
    const { boot } = await import('../main.ts')
    const rt = await boot({ mode: 'real', configPath: values.config, console: true })
    await untilSignal()
    await rt.stop()
    return 0
  },
  sandbox: async (argv) => {
    const { values } = parseArgs({ args: argv, options: { script: { type: 'string' }, config: { type: 'string' } } })
    const { runSandbox } = await import('./sandbox.ts')
    return runSandbox({ script: values.script, configPath: values.config })
  },
  ingest: async (argv) => (await import('../qa/cli.ts')).ingestCommand(argv, await qaDeps()),
  ask: async (argv) => (await import('../qa/cli.ts')).askCommand(argv, await qaDeps()),
  eval: async (argv) => (await import('../qa/cli.ts')).evalCommand(argv, await qaDeps()),
  reminders: withDeps(async () => (await import('../reminders/cli.ts')).remindersCommand),
  export: withDeps(async () => (await import('../signups/cli.ts')).exportCommand),
  cases: withDeps(async () => (await import('../referrals/cli.ts')).casesCommand),
  console: async (argv) => {
    const env = loadEnv()
    const { llmFromEnv, remoteEmbedderFromEnv } = await import('../adapters/openai/env.ts')
    const { hnswBackend } = await import('../adapters/hnsw/index.ts')
    const deps = { ...cliDeps(), log: createLogger({ level: env.LOG_LEVEL ?? 'info' }), password: env.CONSOLE_PASSWORD, llm: llmFromEnv(env), embedder: remoteEmbedderFromEnv(env), vectors: hnswBackend, untilSignal }
    return (await import('../console/cli.ts')).consoleCommand(argv, deps)
  },
}

export async function main(argv: string[]): Promise<number> {
  const [name = 'start', ...rest] = argv
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE)
    return 0
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}`)
    return 2
  }
  try {
    return await command(rest)
  } catch (err) {
    // Start-up errors a person can fix: say what, without a stack trace. A config error is the caller's
    // input (2, like a usage error); Redis unreachable is the environment (1).
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      return 2
    }
    if (err instanceof RedisUnavailableError) {
      process.stderr.write(`${err.message}\n`)
      return 1
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n\n${USAGE}`)
      return 2
    }
    throw err
  }
}

function untilSignal(): Promise<void> {
  return new Promise((ok) => {
    process.once('SIGINT', ok)
    process.once('SIGTERM', ok)
  })
}
