// The weijia CLI. Machine-readable output goes to stdout; logs go to stderr.
import { parseArgs } from 'node:util'
import { ConfigError, loadEnv } from '../config.ts'
import { RedisUnavailableError } from '../adapters/redis/connect.ts'

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
`

type Command = (argv: string[]) => Promise<number>

const commands: Record<string, Command> = {
  start: async (argv) => (loadEnv().WECHATY_PUPPET ? commands.run!(argv) : commands.sandbox!(argv)),
  run: async (argv) => {
    const { values } = parseArgs({ args: argv, options: { config: { type: 'string' } } })
    if (!loadEnv().WECHATY_PUPPET) {
      process.stderr.write('WECHATY_PUPPET is not set. Set it (see .env.example) or run `npx weijia sandbox`.\n')
      return 2
    }
    const { boot } = await import('../main.ts')
    const rt = await boot({ mode: 'real', configPath: values.config })
    await untilSignal()
    await rt.stop()
    return 0
  },
  sandbox: async (argv) => {
    const { values } = parseArgs({ args: argv, options: { script: { type: 'string' }, config: { type: 'string' } } })
    const { runSandbox } = await import('./sandbox.ts')
    return runSandbox({ script: values.script, configPath: values.config })
  },
  ingest: async (argv) => (await import('../qa/cli.ts')).ingestCommand(argv),
  ask: async (argv) => (await import('../qa/cli.ts')).askCommand(argv),
  eval: async (argv) => (await import('../qa/cli.ts')).evalCommand(argv),
  reminders: async (argv) => (await import('../reminders/cli.ts')).remindersCommand(argv),
  export: async (argv) => (await import('../signups/cli.ts')).exportCommand(argv),
  cases: async (argv) => (await import('../referrals/cli.ts')).casesCommand(argv),
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
    // Start-up errors a person can fix: say what, without a stack trace.
    if (err instanceof ConfigError || err instanceof RedisUnavailableError) {
      process.stderr.write(`${err.message}\n`)
      return 2
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

