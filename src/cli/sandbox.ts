// `weijia sandbox`: interactive by default; with --script, runs one script and prints JSON lines.
import { readFileSync } from 'node:fs'
import { boot } from '../main.ts'
import { toAction } from '../sandbox/actions.ts'
import { runRepl } from '../sandbox/repl.ts'
import { playScript } from '../sandbox/play.ts'
import { parseScript, ScriptError } from '../sandbox/script.ts'
import { loadConfig, resolveConfigPath } from '../config.ts'

export async function runSandbox(opts: { script?: string; configPath?: string }): Promise<number> {
  process.env.WECHATY_LOG ??= 'silent'
  if (opts.script) {
    // Read and check the whole script before starting anything: a typo on line 40 should not cost a boot.
    const config = loadConfig(resolveConfigPath(opts.configPath))
    const botName = config.bot.name
    let actions
    try {
      actions = parseScript(readFileSync(opts.script, 'utf8'), botName)
    } catch (err) {
      if (err instanceof ScriptError) {
        process.stderr.write(`${opts.script}:${err.message}\n`)
        return 2
      }
      throw err
    }
    await playScript(actions, config.redis.prefix, {
      configPath: opts.configPath,
      timezone: config.timezone,
      onSent: (job) => process.stdout.write(`${JSON.stringify(toAction(job))}\n`),
    })
    return 0
  }
  const rt = await boot({ mode: 'sandbox', configPath: opts.configPath, console: true })
  const { sandboxConsole } = await import('../console/sandbox.ts')
  process.stdout.write(`\n${(await sandboxConsole(rt)).join('\n')}\n`)
  await runRepl(rt)
  await rt.stop()
  return 0
}
