// Configuration: one YAML file (groups, people, pacing) validated with zod, plus secrets from the environment.
// An invalid file stops start-up with the field path and what is wrong, e.g. `groups.0.hosts: expected array`.
import { readFileSync, existsSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { DEFAULT_LLM_TIMEOUT_MS } from './core/llm-deadline.ts'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, e.g. "21:30"')

export const GROUP_TYPES = ['学习引领', '网格睦邻', '平安守望', '公益服务', '创业指导'] as const

/**
 * A capability's own settings. Declared here so a typo elsewhere is still caught (the schema is strict),
 * validated by the capability itself at start-up with its own zod schema, so the schema lives beside the
 * code that uses it and deleting a capability folder leaves config.ts building.
 */
const capabilitySection = z.record(z.string(), z.unknown()).optional()

/** A person is named by WeChat contact id or display name. Ids are safer: anyone can pick a display name. */
const personRef = z.string().min(1)

const groupSchema = z
  .object({
    /** Stable business id used in keys and job ids; never change it once in use. */
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - or _'),
    match: z.union([
      z.object({ topic: z.string().min(1) }).strict(),
      z.object({ roomId: z.string().min(1) }).strict(),
    ]),
    name: z.string().min(1),
    /** 学习引领 / 网格睦邻 / 平安守望 / 公益服务 / 创业指导; absent while the 妇联 has not settled it. */
    type: z.enum(GROUP_TYPES).optional(),
    place: z.string().default(''),
    hosts: z.array(personRef).default([]),
    staff: z.array(personRef).default([]),
    /** Escalation target for referrals nobody acknowledged in time. */
    supervisor: personRef.optional(),
    /** 'mention': answer only when @-mentioned; 'questions': also plain questions addressed to no one. */
    answerMode: z.enum(['mention', 'questions']).default('mention'),
    quietHours: z.object({ start: hhmm, end: hhmm }).strict().default({ start: '21:30', end: '07:30' }),
    welcome: z.string().optional(),
    /** Validated by src/reminders/settings.ts. */
    reminders: capabilitySection,
  })
  .strict()

export const configSchema = z
  .object({
    bot: z.object({ name: z.string().min(1).default('小助手') }).strict().default({ name: '小助手' }),
    timezone: z.string().default('Asia/Shanghai'),
    redis: z.object({ prefix: z.string().regex(/^[A-Za-z0-9:_-]+$/).default('weijia') }).strict().default({ prefix: 'weijia' }),
    outbox: z
      .object({
        /** Minimum gap between two messages to one conversation. WeChat restricts accounts that burst. */
        roomIntervalMs: z.number().int().min(0).default(1500),
        jitterMs: z.number().int().min(0).default(800),
        /** Cap across all conversations. */
        perMinute: z.number().int().min(1).default(40),
        /** Longer texts are split at sentence ends. */
        maxLength: z.number().int().min(50).default(600),
        attempts: z.number().int().min(1).max(20).default(5),
        backoffMs: z.number().int().min(10).default(2000),
      })
      .strict()
      .default({ roomIntervalMs: 1500, jitterMs: 800, perMinute: 40, maxLength: 600, attempts: 5, backoffMs: 2000 }),
    flood: z
      .object({
        perSender: z.object({ max: z.number().int().min(1), windowSec: z.number().int().min(1) }).strict().default({ max: 8, windowSec: 60 }),
        perRoom: z.object({ max: z.number().int().min(1), windowSec: z.number().int().min(1) }).strict().default({ max: 60, windowSec: 60 }),
        /** Over the limit, replies to a conversation are gathered for this long and sent as one message. */
        digestMs: z.number().int().min(100).default(5000),
      })
      .strict()
      .default({ perSender: { max: 8, windowSec: 60 }, perRoom: { max: 60, windowSec: 60 }, digestMs: 5000 }),
    qa: z
      .object({
        kbDir: z.string().default('knowledge'),
        indexDir: z.string().default('data/index'),
        maxAnswerChars: z.number().int().min(40).default(200),
        followupTtlSec: z.number().int().min(10).default(300),
      })
      .strict()
      .default({ kbDir: 'knowledge', indexDir: 'data/index', maxAnswerChars: 200, followupTtlSec: 300 }),
    /** How long a resident may wait for a reply that needs the model. */
    reply: z
      .object({
        /**
         * All model calls for one message end within this long of its arrival (each also within LLM_TIMEOUT_MS);
         * what is left is answered offline, in well under a second, so she hears back within ~10 s.
         */
        llmBudgetMs: z.number().int().min(100).max(9000).default(8000),
      })
      .strict()
      .default({ llmBudgetMs: 8000 }),
    /** Settings the sandbox applies on top (faster pacing: nobody's account is at risk there). */
    sandbox: z
      .object({
        roomIntervalMs: z.number().int().min(0).default(300),
        jitterMs: z.number().int().min(0).default(100),
        perMinute: z.number().int().min(1).default(600),
        residents: z.array(z.string().min(1)).default(['王芳', '张丽']),
      })
      .strict()
      .default({ roomIntervalMs: 300, jitterMs: 100, perMinute: 600, residents: ['王芳', '张丽'] }),
    /** The web console for staff, hosts and the operator (src/console). Bound to 127.0.0.1 unless told otherwise. */
    console: z
      .object({
        enabled: z.boolean().default(true),
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8731),
        /** The address people open (behind a reverse proxy: https://…); default http://host:port. */
        publicUrl: z.string().url().optional(),
      })
      .strict()
      .default({ enabled: true, host: '127.0.0.1', port: 8731 }),
    /** Global settings of capabilities, validated by each capability (see the group fields above). */
    reminders: capabilitySection,
    signups: capabilitySection,
    referrals: capabilitySection,
    groups: z.array(groupSchema).min(1, 'at least one group is required'),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>()
    cfg.groups.forEach((g, i) => {
      if (seen.has(g.id)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `duplicate group id "${g.id}"` })
      seen.add(g.id)
    })
  })

export type Config = Readonly<z.infer<typeof configSchema>>
export type GroupConfig = Readonly<z.infer<typeof groupSchema>>

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}\n${issues.map((i) => `  - ${i}`).join('\n')}` : message)
    this.name = 'ConfigError'
  }
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
}

export function parseConfig(raw: unknown, source = 'config'): Config {
  const result = configSchema.safeParse(raw)
  if (!result.success) throw new ConfigError(`Invalid ${source}:`, formatIssues(result.error))
  return deepFreeze(result.data)
}

export function loadConfig(file: string): Config {
  if (!existsSync(file)) throw new ConfigError(`Config file not found: ${file} (copy config/weijia.example.yaml to start)`)
  let raw: unknown
  try {
    raw = parseYaml(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(`Config file ${file} is not valid YAML: ${(err as Error).message}`)
  }
  return parseConfig(raw, file)
}

/** Where the config comes from: --config, then WEIJIA_CONFIG, then config/weijia.yaml, then the committed example. */
export function resolveConfigPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit
  if (env.WEIJIA_CONFIG) return env.WEIJIA_CONFIG
  return existsSync('config/weijia.yaml') ? 'config/weijia.yaml' : 'config/weijia.example.yaml'
}

// ---- environment (secrets and deployment choices) ----

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)

export const envSchema = z.object({
  REDIS_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  WECHATY_PUPPET: z.preprocess(emptyToUndefined, z.string().optional()),
  WECHATY_PUPPET_SERVICE_TOKEN: z.preprocess(emptyToUndefined, z.string().optional()),
  /** Unset: the bot logs at info, the sandbox and the CLI at warn. */
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  WEIJIA_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  // Any OpenAI-compatible provider. No key: offline mode (extractive answers, rule-based parsing).
  LLM_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  LLM_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  LLM_MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  /**
   * Each model call gives up after this long (retries included) and the offline path answers; a reply's
   * calls together stay within reply.llmBudgetMs of the config file.
   */
  LLM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(10_000).default(DEFAULT_LLM_TIMEOUT_MS)),
  /** With a key: remote embeddings from the same endpoint; otherwise the offline embedder. */
  EMBEDDING_MODEL: z.preprocess(emptyToUndefined, z.string().optional()),
  /** The console operator's password; without it nobody can sign in as operator. */
  CONSOLE_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'at least 8 characters').optional()),
})
export type Env = z.infer<typeof envSchema>

export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(env)
  if (!result.success) throw new ConfigError('Invalid environment:', formatIssues(result.error))
  return result.data
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

// ---- lookups used by the adapter ----

export function groupForRoom(config: Config, roomId: string, topic: string): GroupConfig | undefined {
  return config.groups.find((g) => ('roomId' in g.match ? g.match.roomId === roomId : g.match.topic === topic))
}

export function groupById(config: Config, id: string): GroupConfig | undefined {
  return config.groups.find((g) => g.id === id)
}
