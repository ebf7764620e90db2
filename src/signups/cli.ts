// `weijia export --activity ID [--format csv|json] [--config FILE]`: an activity's roster to stdout.
// CSV (with a UTF-8 BOM, like every CSV we write: it is opened in Excel) or JSON; logs go to stderr.
import { parseArgs } from 'node:util'
import type { CliDeps } from '../core/cli.ts'
import { rosterCsv } from './csv.ts'
import { SignupStore } from './store.ts'

const USAGE = 'usage: weijia export --activity ID [--format csv|json] [--config FILE]\n  Writes the roster and waitlist of activity ID (the number in 「活动3」) to stdout.'

export async function exportCommand(argv: string[], deps: CliDeps): Promise<number> {
  let values: { activity?: string; format?: string; config?: string; help?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: { activity: { type: 'string' }, format: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values
  } catch (err) {
    deps.err(`${(err as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    deps.err(`${USAGE}\n`)
    return 0
  }
  const id = Number(values.activity)
  const format = values.format ?? 'csv'
  if (!Number.isInteger(id) || id < 1 || !['csv', 'json'].includes(format)) {
    deps.err(`${USAGE}\n`)
    return 2
  }
  const config = deps.config(values.config)
  const storage = await deps.storage(config)
  try {
    const store = new SignupStore(storage.redis, storage.key)
    const a = await store.get(id)
    if (!a) {
      deps.err(`activity ${id} not found (prefix "${config.redis.prefix}")\n`)
      return 1
    }
    const roster = await store.roster(id)
    if (format === 'csv') deps.out(rosterCsv(a, roster, config.timezone))
    else deps.out(`${JSON.stringify({ activity: a, confirmed: roster.confirmed, waitlist: roster.waitlist }, null, 2)}\n`)
    return 0
  } finally {
    await storage.close()
  }
}
