// `weijia export --activity ID [--format csv|json] [--config FILE]`: an activity's roster to stdout.
// CSV (with a UTF-8 BOM, like every CSV we write: it is opened in Excel) or JSON; logs go to stderr.
import { parseArgs } from 'node:util'
import { connectRedis } from '../adapters/redis/connect.ts'
import { loadConfig, loadEnv, resolveConfigPath } from '../config.ts'
import { createLogger } from '../core/log.ts'
import { rosterCsv } from './csv.ts'
import { SignupStore } from './store.ts'
import { keyFor } from '../adapters/redis/keys.ts'

const USAGE = 'usage: weijia export --activity ID [--format csv|json] [--config FILE]\n  Writes the roster and waitlist of activity ID (the number in 「活动3」) to stdout.'

export async function exportCommand(argv: string[]): Promise<number> {
  let values: { activity?: string; format?: string; config?: string; help?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: { activity: { type: 'string' }, format: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`)
    return 0
  }
  const id = Number(values.activity)
  const format = values.format ?? 'csv'
  if (!Number.isInteger(id) || id < 1 || !['csv', 'json'].includes(format)) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const log = createLogger({ pretty: false })
  const config = loadConfig(resolveConfigPath(values.config))
  const env = loadEnv()
  const handle = await connectRedis({ url: env.REDIS_URL, dataDir: env.WEIJIA_DATA_DIR, log })
  try {
    const store = new SignupStore(handle.redis, keyFor(config.redis.prefix))
    const a = await store.get(id)
    if (!a) {
      process.stderr.write(`activity ${id} not found (prefix "${config.redis.prefix}")\n`)
      return 1
    }
    const roster = await store.roster(id)
    if (format === 'csv') process.stdout.write(rosterCsv(a, roster, config.timezone))
    else process.stdout.write(`${JSON.stringify({ activity: a, confirmed: roster.confirmed, waitlist: roster.waitlist }, null, 2)}\n`)
    return 0
  } finally {
    await handle.stop()
  }
}
