// `weijia cases [--status S] [--group ID] [--json] [--details] [--config FILE]`: lists referral cases for staff.
// Without --details the residents' words (description, contact, notes) are left out, so a list on a shared
// screen exposes no one. JSON goes to stdout, logs to stderr.
import { parseArgs } from 'node:util'
import type { Config } from '../config.ts'
import type { CliDeps } from '../core/cli.ts'
import { parseStatus, STATUS_LABELS, STATUSES } from './categories.ts'
import { CaseStore, shortTime } from './cases.ts'
import type { Case } from './state.ts'

const USAGE = `usage: weijia cases [--status ${STATUSES.join('|')}|待接单|已接单|处理中|已结案] [--group ID] [--json] [--details] [--config FILE]
  Lists referral cases, newest first. --details adds descriptions, contact preferences and notes.
`

export async function casesCommand(argv: string[], deps: CliDeps): Promise<number> {
  const write = deps.out
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
    deps.err(`${(err as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    deps.err(USAGE)
    return 0
  }
  const status = values.status === undefined ? undefined : parseStatus(values.status)
  if (values.status !== undefined && !status) {
    deps.err(`unknown status "${values.status}"\n${USAGE}`)
    return 2
  }
  const config = deps.config(values.config)
  if (values.group && !config.groups.some((g) => g.id === values.group)) {
    deps.err(`unknown group "${values.group}" (configured: ${config.groups.map((g) => g.id).join(', ')})\n`)
    return 2
  }
  const storage = await deps.storage(config)
  try {
    const store = new CaseStore(storage.redis, storage.key, config.timezone)
    const cases = (await store.list({ status, groupId: values.group })).sort((a, b) => b.createdAt - a.createdAt)
    const rows = cases.map((c) => (values.details ? c : summary(c)))
    if (values.json) write(`${JSON.stringify(rows, null, 2)}\n`)
    else write(cases.length ? `${cases.map((c) => line(c, config, !!values.details)).join('\n')}\n` : '（没有案件）\n')
    return 0
  } finally {
    await storage.close()
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
