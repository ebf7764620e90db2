// `weijia cases [--status S] [--group ID] [--json] [--details] [--config FILE]`: lists referral cases for staff.
// Without --details the residents' words (description, contact, notes) are left out, so a list on a shared
// screen exposes no one. JSON goes to stdout, logs to stderr.
import type { Redis } from 'ioredis'
import { parseArgs } from 'node:util'
import { connectRedis } from '../adapters/redis/connect.ts'
import { type Config, loadConfig, loadEnv, resolveConfigPath } from '../config.ts'
import { createLogger } from '../core/log.ts'
import { parseStatus, STATUS_LABELS, STATUSES } from './categories.ts'
import { CaseStore, shortTime } from './cases.ts'
import type { Case } from './state.ts'
import { keyFor } from '../adapters/redis/keys.ts'

const USAGE = `usage: weijia cases [--status ${STATUSES.join('|')}|待接单|已接单|处理中|已结案] [--group ID] [--json] [--details] [--config FILE]
  Lists referral cases, newest first. --details adds descriptions, contact preferences and notes.
`

export interface CasesDeps {
  /** Injected by tests; otherwise from REDIS_URL or the embedded redis-server. */
  redis?: Redis
  config?: Config
  write?: (text: string) => void
}

export async function casesCommand(argv: string[], deps: CasesDeps = {}): Promise<number> {
  const write = deps.write ?? ((t: string) => void process.stdout.write(t))
  let values: { status?: string; group?: string; json?: boolean; details?: boolean; config?: string; help?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: {
        status: { type: 'string' },
        group: { type: 'string' },
        json: { type: 'boolean' },
        details: { type: 'boolean' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    process.stderr.write(USAGE)
    return 0
  }
  const status = values.status === undefined ? undefined : parseStatus(values.status)
  if (values.status !== undefined && !status) {
    process.stderr.write(`unknown status "${values.status}"\n${USAGE}`)
    return 2
  }
  const config = deps.config ?? loadConfig(resolveConfigPath(values.config))
  if (values.group && !config.groups.some((g) => g.id === values.group)) {
    process.stderr.write(`unknown group "${values.group}" (configured: ${config.groups.map((g) => g.id).join(', ')})\n`)
    return 2
  }
  let redis = deps.redis
  let stop: (() => Promise<void>) | undefined
  if (!redis) {
    const env = loadEnv()
    const handle = await connectRedis({ url: env.REDIS_URL, dataDir: env.WEIJIA_DATA_DIR, log: createLogger({ level: process.env.LOG_LEVEL ?? 'warn', pretty: false }) })
    redis = handle.redis
    stop = handle.stop
  }
  try {
    const key = keyFor(config.redis.prefix)
    const store = new CaseStore(redis, key, config.timezone)
    const cases = (await store.list({ status, groupId: values.group })).sort((a, b) => b.createdAt - a.createdAt)
    const rows = cases.map((c) => (values.details ? c : summary(c)))
    if (values.json) write(`${JSON.stringify(rows, null, 2)}\n`)
    else write(cases.length ? `${cases.map((c) => line(c, config, !!values.details)).join('\n')}\n` : '（没有案件）\n')
    return 0
  } finally {
    await stop?.()
  }
}

/** A case without the resident's words. */
function summary(c: Case) {
  return {
    id: c.id,
    status: c.status,
    category: c.category,
    urgency: c.urgency,
    groupId: c.groupId,
    resident: c.resident.name,
    assignee: c.assignee?.name,
    consent: c.consent,
    source: c.source,
    escalations: c.escalations,
    createdAt: new Date(c.createdAt).toISOString(),
    acknowledgedAt: c.acknowledgedAt ? new Date(c.acknowledgedAt).toISOString() : undefined,
    closedAt: c.closedAt ? new Date(c.closedAt).toISOString() : undefined,
  }
}

function line(c: Case, config: Config, details: boolean): string {
  const head = [c.id, STATUS_LABELS[c.status], c.category, c.urgency, c.groupId, c.resident.name, shortTime(c.createdAt, config.timezone), c.assignee ? `接单：${c.assignee.name}` : ''].filter(Boolean).join('  ')
  if (!details) return head
  const more = [`  情况：${c.description || '（未描述）'}`, `  联系：${c.contact ?? '未说明'}`, ...c.notes.map((n) => `  备注（${n.by}）：${n.text}`), ...(c.result ? [`  结果：${c.result}`] : [])]
  return [head, ...more].join('\n')
}
