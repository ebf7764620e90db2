// Reminder settings: per group (rhythms, custom reminders, daily budget) and global (grace period).
// config.ts declares `reminders` (top level and per group) as opaque sections; they are validated here,
// at registration, so a bad schedule stops start-up naming its path.
import { z } from 'zod'
import { type Config, ConfigError } from '../config.ts'
import { parseSchedule } from './parse.ts'
import type { Schedule } from './schedule.ts'
import { RHYTHM_LABELS, RHYTHM_TEMPLATES, type RhythmKey, texts } from './texts.ts'

/** '每周三下午3点' (Chinese) or a 5-field cron '0 15 * * 3'; Asia/Shanghai (config.timezone) by default. */
const scheduleText = z.string().min(1)

const rhythmSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Default per rhythm: see RHYTHM_DEFAULTS. */
    schedule: scheduleText.optional(),
    /** Placeholders {name} {place} {date} {time}; default: RHYTHM_TEMPLATES. */
    template: z.string().min(1).optional(),
    /** Linked to a sign-up: true appends 「想参加的朋友请回复「报名」」, a string appends that text. */
    signup: z.union([z.boolean(), z.string().min(1)]).optional(),
  })
  .strict()

const customSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - or _'),
    schedule: scheduleText,
    text: z.string().min(1),
    enabled: z.boolean().default(true),
    signup: z.union([z.boolean(), z.string().min(1)]).optional(),
  })
  .strict()

export const groupRemindersSchema = z
  .object({
    rhythms: z
      .object({ reception: rhythmSchema.optional(), gathering: rhythmSchema.optional(), activity: rhythmSchema.optional(), banquet: rhythmSchema.optional() })
      .strict()
      .default({}),
    custom: z.array(customSchema).default([]),
    /** Proactive messages (reminders, sign-up reminders) per group per local day. */
    dailyBudget: z.number().int().min(0).default(3),
  })
  .strict()

export const remindersSchema = z
  .object({
    /** A reminder missed while the bot was offline is sent on start if at most this late; older ones are skipped. */
    graceMinutes: z.number().int().min(0).default(120),
  })
  .strict()

export type GroupRemindersInput = z.input<typeof groupRemindersSchema>

/** The four rhythms of a 微家 and when they are reminded by default (a group switches them on). */
export const RHYTHM_DEFAULTS: Record<RhythmKey, string> = {
  reception: '每周三上午9点',
  gathering: '每月第一个周六上午9点',
  activity: '每季度第一个月15号上午9点',
  banquet: '每年腊月二十上午10点',
}

/** A reminder as the fire job and the list see it, whether it came from config or chat. */
export interface ReminderDef {
  /** Stable id: scheduler id and key part. "cfg.<group>.<rhythm|custom id>" or "chat.<group>.<no>". */
  id: string
  groupId: string
  source: 'config' | 'chat'
  /** How hosts refer to it in chat: the number (chat) or the rhythm name / custom id (config). */
  ref: string
  label: string
  description: string
  schedule: Schedule
  /** Message template ({name} {place} {date} {time}). */
  template: string
  signup?: string
  paused: boolean
}

export interface Settings {
  graceMs: number
  tz: string
  group(groupId: string): GroupSettings
}

export interface GroupSettings {
  dailyBudget: number
  /** Enabled config reminders (rhythms and custom), schedules resolved. */
  defs: ReminderDef[]
  /** The group's template for each rhythm (its own or the default), used when a host says 「每周三 家接待」. */
  templates: Record<RhythmKey, string>
}

/** Test and embedding hook: settings given directly (schedules may be objects, e.g. { kind: 'every', ms }). */
export type GroupOverride = Omit<GroupRemindersInput, 'custom'> & { custom?: (Omit<z.input<typeof customSchema>, 'schedule'> & { schedule: string | Schedule })[] }
export interface SettingsOverride {
  graceMinutes?: number
  groups?: Record<string, GroupOverride>
}

/** A ConfigError, so start-up stops with the path and reason rather than a stack trace. */
export class ReminderConfigError extends ConfigError {
  constructor(message: string) {
    super(`Invalid config: ${message}`)
    this.name = 'ReminderConfigError'
  }
}

export function signupText(signup: boolean | string | undefined, prompt: string): string | undefined {
  if (signup === true) return prompt
  return typeof signup === 'string' ? signup : undefined
}

/** Reads config (or the override), resolving every schedule now: a bad schedule stops start-up with its path. */
export function readSettings(config: Config, override: SettingsOverride = {}): Settings {
  const raw = config
  const global = remindersSchema.parse({ ...(raw.reminders as object | undefined), ...(override.graceMinutes !== undefined ? { graceMinutes: override.graceMinutes } : {}) })
  const tz = config.timezone
  const perGroup = new Map<string, GroupSettings>()
  for (const g of raw.groups) {
    const given = (override.groups?.[g.id] ?? g.reminders ?? {}) as GroupOverride
    const { custom: customRaw, ...rest } = given
    const parsed = groupRemindersSchema.safeParse({ ...rest, custom: (customRaw ?? []).map((c) => ({ ...c, schedule: typeof c.schedule === 'string' ? c.schedule : 'object' })) })
    if (!parsed.success) throw new ReminderConfigError(`groups.${g.id}.reminders: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    const defs: ReminderDef[] = []
    const resolve = (input: string | Schedule, path: string): { schedule: Schedule; description: string } => {
      if (typeof input !== 'string') return { schedule: input, description: input.kind === 'every' ? `每${Math.round(input.ms / 1000)}秒` : input.cron }
      const r = parseSchedule(input, { now: Date.now(), tz })
      if (!r || !r.ok) throw new ReminderConfigError(`groups.${g.id}.reminders.${path}: cannot read schedule "${input}"${r && !r.ok ? ` (${r.reason})` : ''}`)
      return { schedule: r.schedule, description: r.description }
    }
    for (const key of Object.keys(RHYTHM_LABELS) as RhythmKey[]) {
      const rhythm = parsed.data.rhythms[key]
      if (!rhythm?.enabled) continue
      const { schedule, description } = resolve(rhythm.schedule ?? RHYTHM_DEFAULTS[key], `rhythms.${key}.schedule`)
      defs.push({
        id: `cfg.${g.id}.${key}`,
        groupId: g.id,
        source: 'config',
        ref: RHYTHM_LABELS[key],
        label: RHYTHM_LABELS[key],
        description,
        schedule,
        template: rhythm.template ?? RHYTHM_TEMPLATES[key],
        signup: signupText(rhythm.signup, texts.signupPrompt),
        paused: false,
      })
    }
    ;(customRaw ?? []).forEach((c, i) => {
      const valid = parsed.data.custom[i]!
      if (!valid.enabled) return
      const { schedule, description } = resolve(c.schedule, `custom.${i}.schedule`)
      defs.push({
        id: `cfg.${g.id}.${valid.id}`,
        groupId: g.id,
        source: 'config',
        ref: valid.id,
        label: valid.id,
        description,
        schedule,
        template: valid.text,
        signup: signupText(valid.signup, texts.signupPrompt),
        paused: false,
      })
    })
    const templates = { ...RHYTHM_TEMPLATES }
    for (const key of Object.keys(templates) as RhythmKey[]) templates[key] = parsed.data.rhythms[key]?.template ?? RHYTHM_TEMPLATES[key]
    perGroup.set(g.id, { dailyBudget: parsed.data.dailyBudget, defs, templates })
  }
  return {
    graceMs: global.graceMinutes * 60_000,
    tz,
    group: (id) => perGroup.get(id) ?? { dailyBudget: 3, defs: [], templates: { ...RHYTHM_TEMPLATES } },
  }
}
