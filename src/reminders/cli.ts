// `weijia reminders --preview [--days N] [--config FILE] [--json]`: when each reminder will go out, per group.
// Config reminders come from the config file; chat-created ones from Redis (REDIS_URL), skipped with a
// note when Redis is not configured or unreachable. JSON or text on stdout; logs on stderr.
import { parseArgs } from 'node:util'
import type { Config } from '../config.ts'
import type { CliDeps } from '../core/cli.ts'
import { DEFAULT_QUIET, outOfQuiet } from '../core/proactive.ts'
import { nextTimes, timesBetween } from './schedule.ts'
import { chatDef } from './service.ts'
import { readSettings, type ReminderDef } from './settings.ts'
import { ReminderStore } from './store.ts'
import { formatWhen } from './texts.ts'
import { wallClock } from '../core/tz.ts'

const USAGE = 'usage: weijia reminders --preview [--days N] [--config FILE] [--json]\n'

export interface PreviewTime {
  at: string
  local: string
  /** When quiet hours move it: the time it is really sent. */
  sendAt?: string
  sendLocal?: string
}

export interface PreviewReminder {
  id: string
  ref: string
  source: 'config' | 'chat'
  label: string
  schedule: string
  paused: boolean
  next?: PreviewTime
  times: PreviewTime[]
}

export interface Preview {
  generatedAt: string
  days: number
  timezone: string
  groups: { id: string; name: string; quietHours: { start: string; end: string }; dailyBudget: number; reminders: PreviewReminder[] }[]
  notes: string[]
}

/** Pure: the preview of the given reminders from `now` over `days`. */
export function buildPreview(config: Config, defsByGroup: Map<string, ReminderDef[]>, opts: { now: number; days: number; notes?: string[] }): Preview {
  const settings = readSettings(config)
  const tz = config.timezone
  const until = opts.now + opts.days * 86_400_000
  const time = (at: number, quiet: { start: string; end: string }): PreviewTime => {
    const sendAt = outOfQuiet(at, quiet, tz)
    const t: PreviewTime = { at: new Date(at).toISOString(), local: formatWhen(wallClock(at, tz)) }
    if (sendAt !== at) Object.assign(t, { sendAt: new Date(sendAt).toISOString(), sendLocal: formatWhen(wallClock(sendAt, tz)) })
    return t
  }
  return {
    generatedAt: new Date(opts.now).toISOString(),
    days: opts.days,
    timezone: tz,
    groups: config.groups.map((g) => {
      const quiet = g.quietHours ?? DEFAULT_QUIET
      return {
        id: g.id,
        name: g.name,
        quietHours: { ...quiet },
        dailyBudget: settings.group(g.id).dailyBudget,
        reminders: (defsByGroup.get(g.id) ?? []).map((d) => {
          const [next] = d.paused ? [] : nextTimes(d.schedule, opts.now, 1)
          return {
            id: d.id,
            ref: d.ref,
            source: d.source,
            label: d.label,
            schedule: d.description,
            paused: d.paused,
            next: next === undefined ? undefined : time(next, quiet),
            times: d.paused ? [] : timesBetween(d.schedule, opts.now, until, 200).map((t) => time(t, quiet)),
          }
        }),
      }
    }),
    notes: opts.notes ?? [],
  }
}

export function formatPreview(p: Preview): string {
  const lines: string[] = []
  for (const g of p.groups) {
    lines.push(`${g.name} (${g.id})  免打扰 ${g.quietHours.start}–${g.quietHours.end}，每天最多 ${g.dailyBudget} 条主动消息`)
    if (!g.reminders.length) lines.push('  （没有提醒）')
    for (const r of g.reminders) {
      lines.push(`  [${r.source === 'config' ? '配置' : '群聊'} ${r.ref}] ${r.label}｜${r.schedule}${r.paused ? '｜已暂停' : ''}`)
      for (const t of r.times) lines.push(`      ${t.local}${t.sendLocal ? ` → 免打扰顺延到 ${t.sendLocal}` : ''}`)
      if (!r.paused && !r.times.length) lines.push(`      ${p.days}天内没有；下次 ${r.next?.local ?? '（算不出）'}`)
    }
  }
  for (const n of p.notes) lines.push(`注意：${n}`)
  return `${lines.join('\n')}\n`
}

async function chatDefs(config: Config, deps: CliDeps, notes: string[]): Promise<Map<string, ReminderDef[]>> {
  const out = new Map<string, ReminderDef[]>()
  const settings = readSettings(config)
  for (const g of config.groups) out.set(g.id, [...settings.group(g.id).defs])
  if (!deps.redisConfigured) {
    notes.push('没有设置 REDIS_URL：只列出配置文件里的提醒，群里设置的提醒和暂停状态未包含。')
    return out
  }
  let storage
  try {
    storage = await deps.storage(config)
  } catch (err) {
    notes.push(`连不上 Redis（${(err as Error).message}）：只列出配置文件里的提醒。`)
    return out
  }
  try {
    const store = new ReminderStore({ redis: storage.redis, key: storage.key, log: deps.log })
    for (const g of config.groups) {
      const paused = await store.pausedConfig(g.id)
      const fromConfig = (out.get(g.id) ?? []).map((d) => ({ ...d, paused: paused.has(d.id) }))
      out.set(g.id, [...fromConfig, ...(await store.list(g.id)).map(chatDef)])
    }
  } finally {
    await storage.close()
  }
  return out
}

export async function remindersCommand(argv: string[], deps: CliDeps): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { preview: { type: 'boolean' }, days: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' } },
  })
  if (!values.preview) {
    deps.err(USAGE)
    return 2
  }
  const days = values.days === undefined ? 14 : Number(values.days)
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    deps.err(`--days expects a whole number of days from 1 to 3660, got "${values.days}"\n${USAGE}`)
    return 2
  }
  const config = deps.config(values.config)
  const notes: string[] = []
  const defs = await chatDefs(config, deps, notes)
  const preview = buildPreview(config, defs, { now: Date.now(), days, notes })
  deps.out(values.json ? `${JSON.stringify(preview, null, 2)}\n` : formatPreview(preview))
  return 0
}
