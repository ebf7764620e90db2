// The one file that binds the console's ports to today's services. The console runs a second, worker-less
// app over the same Redis: its services are the ones the chat commands use, and what they send goes into the
// same BullMQ outbox, which the bot's workers deliver (in this process or another). Actions go through the
// chat commands' own handlers with a context that captures the reply, so the state machine, the group notices
// and the resident notices are exactly those of chat.
import type { VectorBackend } from '../qa/vectors.ts'
import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { basename, extname, join, relative, resolve, sep } from 'node:path'
import { Queue } from 'bullmq'
import type { Redis } from '../core/storage.ts'
import writeXlsxFile from 'write-excel-file/node'
import type { BotApp } from '../app.ts'
import { OUTBOX_QUEUE, URGENT_QUEUE } from '../adapters/bullmq/outbox.ts'
import { keyFor } from '../adapters/redis/keys.ts'
import { type Config, groupById } from '../config.ts'
import type { Context, Directory } from '../core/capability.ts'
import { createContext } from '../core/context.ts'
import { UserError } from '../core/errors.ts'
import type { Embedder, Llm } from '../core/llm.ts'
import type { Logger } from '../core/log.ts'
import { type InboundMessage, type Role, privateOf } from '../core/message.ts'
import { localDay } from '../core/tz.ts'
import { formatDateTime } from '../core/zh/format.ts'
import { embedderFor } from '../qa/embedder-offline.ts'
import { QaEngine } from '../qa/engine.ts'
import { evaluate, readEvalFile } from '../qa/evaluate.ts'
import { KnowledgeIndex, readManifest } from '../qa/index-store.ts'
import { ingest, listKnowledgeFiles } from '../qa/ingest.ts'
import { SUPPORTED_EXTENSIONS } from '../qa/parse.ts'
import { createReferrals } from '../referrals/index.ts'
import type { StaffCommand } from '../referrals/commands.ts'
import type { ReferralParts } from '../referrals/index.ts'
import type { Case } from '../referrals/state.ts'
import { assemble } from '../main.ts'
import { answerDraft, draftReminder, manage } from '../reminders/handlers.ts'
import { ReminderService } from '../reminders/service.ts'
import { readSettings } from '../reminders/settings.ts'
import { rosterCsv } from '../signups/csv.ts'
import { hostRoute } from '../signups/handlers/host.ts'
import { createSignups } from '../signups/index.ts'
import type { SignupService } from '../signups/service.ts'
import type { Activity, Entry } from '../signups/store.ts'
import { CSV_HEADER, texts as signupTexts } from '../signups/texts.ts'
import { managedGroups, worksCases } from './auth.ts'
import type {
  ActionResult, Activities, ActivityView, CaseDetail, CaseInbox, CaseSummary, EvalFigures, InboxStatus, IngestProgress,
  Knowledge, KnowledgeDoc, Principal, Reminders, ReminderView, RosterLine,
} from './ports.ts'
import { botStatus, traffic } from './status.ts'

export interface WiringDeps {
  config: Config
  redis: Redis
  log: Logger
  /** The chat platform's directory when the bot runs in this process; otherwise Redis memory only. */
  directory?: Directory
  llm?: Llm
  embedder?: Embedder
  /** The knowledge index's vector backend (the HNSW adapter, handed over by the caller). */
  vectors: VectorBackend
}

export type ConsoleServices = Awaited<ReturnType<typeof wireConsole>>

const noTransport = {
  send: async () => {
    throw new Error('the console does not send: the bot process delivers its outbox')
  },
}
const noDirectory: Directory = { resolvePerson: async () => undefined, resolveRoom: async () => undefined }

export async function wireConsole(deps: WiringDeps) {
  const { config, redis } = deps
  const log = deps.log.child({ component: 'console' })
  const key = keyFor(config.redis.prefix)
  let referrals: ReferralParts | undefined
  let signupService: SignupService | undefined
  // Never started: its workers stay idle, and what it enqueues is delivered by the bot's outbox workers.
  const app = await assemble({
    config,
    redis,
    log,
    transport: noTransport,
    directory: deps.directory ?? noDirectory,
    capabilities: [createReferrals({ expose: (s) => (referrals = s) }), createSignups({ expose: (s) => (signupService = s) })],
    llm: deps.llm,
    embedder: deps.embedder,
  })
  const cases = referrals!
  const signups = signupService!
  const reminders = new ReminderService(app, readSettings(config), Date.now)

  const outboxQueues = [OUTBOX_QUEUE, URGENT_QUEUE].map((name) => new Queue(name, { connection: redis, prefix: `${config.redis.prefix}:bull` }))
  const backlog = async () => {
    let n = 0
    for (const q of outboxQueues) for (const v of Object.values(await q.getJobCounts('waiting', 'delayed', 'active', 'prioritized'))) n += v
    return n
  }

  return {
    inbox: caseInbox(app, cases),
    activities: activities(app, signups),
    reminders: remindersPort(app, reminders),
    knowledge: knowledge(deps, log, redis, key),
    status: botStatus(redis, key),
    traffic: traffic(redis, key, backlog),
    /** Every BullMQ queue of this namespace (for bull-board), found from Redis. */
    async queues(): Promise<Queue[]> {
      const prefix = `${config.redis.prefix}:bull`
      const names = new Set<string>()
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*:meta`, 'COUNT', 500)
        cursor = next
        for (const k of keys) names.add(k.slice(prefix.length + 1, -':meta'.length))
      } while (cursor !== '0')
      for (const q of [OUTBOX_QUEUE, URGENT_QUEUE]) names.add(q)
      return [...names].sort().map((name) => new Queue(name, { connection: redis, prefix }))
    },
    async stop() {
      await Promise.all(outboxQueues.map((q) => q.close()))
      await app.stop()
    },
  }
}

// ---------------------------------------------------------------- acting as the chat commands do

/** A private message from the signed-in person, as the chat handlers see it; replies are captured, sends are real. */
function acting(app: BotApp, who: Principal, role: Role, groupId: string | undefined, text: string): { ctx: Context; replies: string[] } {
  const replies: string[] = []
  const msg: InboundMessage = {
    id: `console-${randomUUID()}`,
    conversation: privateOf(who.person),
    sender: who.person,
    role,
    groupId,
    kind: 'text',
    text,
    mentioned: false,
    at: Date.now(),
  }
  // The chat handlers' own context, except that replies to the signed-in person are shown on the page.
  const base = createContext(msg, { config: app.config, outbox: app.outbox, log: app.log.child({ via: 'console' }) })
  const ctx: Context = { ...base, reply: async (t) => void replies.push(t), whisper: async (t) => void replies.push(t) }
  return { ctx, replies }
}

async function outcome(replies: string[], fn: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await fn()
    return { ok: true, message: replies.join('\n') }
  } catch (err) {
    if (err instanceof UserError) return { ok: false, message: err.userMessage }
    throw err
  }
}

const refused = (message = '没有权限。'): ActionResult => ({ ok: false, message })

// ---------------------------------------------------------------- cases

function inboxStatus(c: Case): InboxStatus {
  if (c.status === 'closed') return 'closed'
  if (c.status === 'new') return c.escalations > 0 ? 'escalated' : 'new'
  return 'accepted'
}

function caseInbox(app: BotApp, svc: ReferralParts): CaseInbox {
  const tz = app.config.timezone
  const mayAct = (who: Principal, c: Case) => worksCases(who) && svc.targets.canAct(who.person, c)
  const summary = (c: Case): CaseSummary => {
    const status = inboxStatus(c)
    const step = svc.targets.ackTimeoutMs(c)
    return {
      id: c.id,
      groupId: c.groupId,
      groupName: groupById(app.config, c.groupId)?.name ?? c.groupId,
      category: c.category,
      urgency: c.urgency,
      status,
      createdAt: c.createdAt,
      assigneeName: c.assignee?.name,
      escalatesAt: c.status === 'new' && c.escalations < svc.settings.maxEscalations ? c.createdAt + step * (c.escalations + 1) : undefined,
    }
  }
  const viewsKey = (id: string) => app.key('console', 'caseviews', id)
  const staffCommand = async (who: Principal, id: string, cmd: StaffCommand): Promise<ActionResult> => {
    const c = await svc.cases.get(id)
    if (!c || !mayAct(who, c)) return refused('找不到这个案件，或不在您负责的范围内。')
    const { ctx, replies } = acting(app, who, 'staff', c.groupId, '')
    return outcome(replies, () => svc.desk.handle(ctx, cmd))
  }
  return {
    async list(who, filter) {
      if (!worksCases(who)) return []
      const all = await svc.cases.list({ groupId: filter.groupId || undefined })
      return all
        .filter((c) => mayAct(who, c))
        .map(summary)
        .filter((s) => (!filter.status || s.status === filter.status) && (!filter.category || s.category === filter.category) && (!filter.urgency || s.urgency === filter.urgency))
        .sort((a, b) => a.createdAt - b.createdAt)
    },
    async open(who, id) {
      const c = await svc.cases.get(id)
      if (!c || !mayAct(who, c)) return undefined
      const at = Date.now()
      // Kept as long as a closed case is (retention), plus a margin.
      await redis(app)
        .multi()
        .rpush(viewsKey(id), JSON.stringify({ at, by: who.person.name }))
        .expire(viewsKey(id), (svc.settings.retentionDays + 30) * 24 * 3600)
        .exec()
      app.log.info({ caseId: id, by: who.person.name }, 'console: case viewed')
      const views = (await app.redis.lrange(viewsKey(id), 0, -1)).map((v) => JSON.parse(v) as { at: number; by: string })
      const group = groupById(app.config, c.groupId)
      return {
        ...summary(c),
        residentName: c.resident.name,
        description: c.description,
        contact: c.contact,
        consentBasis: c.consentBasis === 'resident' ? '居民同意转介' : '紧急情况，按规定未经同意先转',
        source: { group: '群里', private: '私聊', transfer: '答疑转人工' }[c.source],
        closedAt: c.closedAt,
        result: c.result,
        notes: c.notes,
        audit: [...c.audit, ...views.map((v) => ({ at: v.at, by: v.by, action: 'viewed' }))].sort((a, b) => a.at - b.at),
        reassignTo: svc.targets.eligibleRefs(group, c.category).filter((r) => r !== who.person.name && r !== who.person.id),
      } satisfies CaseDetail
    },
    accept: (who, id) => staffCommand(who, id, { type: 'ack', id }),
    note: (who, id, text) => (text.trim() ? staffCommand(who, id, { type: 'note', id, text: text.trim().slice(0, 1000) }) : Promise.resolve(refused('请填写备注内容。'))),
    reassign: (who, id, to) => staffCommand(who, id, { type: 'transfer', id, to }),
    close: (who, id, result) => staffCommand(who, id, { type: 'close', id, result: result.trim().slice(0, 500) || '（未填写）' }),
    async weekly(weeks) {
      const all = await svc.cases.list()
      const weekOf = (at: number) => {
        const day = localDay(at, tz)
        const d = new Date(`${day}T00:00:00Z`)
        d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
        return d.toISOString().slice(0, 10)
      }
      const since = weekOf(Date.now() - (weeks - 1) * 7 * 24 * 3600_000)
      const rows = new Map<string, { week: string; category: string; opened: number; closed: number }>()
      const bump = (week: string, category: string, what: 'opened' | 'closed') => {
        if (week < since) return
        const k = `${week}|${category}`
        const row = rows.get(k) ?? { week, category, opened: 0, closed: 0 }
        row[what]++
        rows.set(k, row)
      }
      for (const c of all) {
        bump(weekOf(c.createdAt), c.category, 'opened')
        if (c.closedAt) bump(weekOf(c.closedAt), c.category, 'closed')
      }
      return [...rows.values()].sort((a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category))
    },
  }
}

const redis = (app: BotApp) => app.redis

// ---------------------------------------------------------------- activities

const FIELD_WORD = { time: '时间', place: '地点', capacity: '名额' } as const
const ACTION_TEXT = { close: (id: number) => `截止报名${id}`, reopen: (id: number) => `重新开放${id}`, cancel: (id: number) => `取消活动${id}` }

function activities(app: BotApp, svc: SignupService): Activities {
  const tz = app.config.timezone
  const line = (e: Entry): RosterLine => ({ name: e.name, by: e.byName && e.byName !== e.name ? e.byName : undefined, at: e.at })
  const view = async (a: Activity): Promise<ActivityView> => {
    const r = await svc.store.roster(a.id)
    return {
      id: a.id,
      groupId: a.groupId,
      groupName: groupById(app.config, a.groupId)?.name ?? a.groupId,
      title: a.title,
      startAt: a.startAt,
      whenText: formatDateTime(new Date(a.startAt), tz),
      place: a.place,
      capacity: a.capacity,
      deadlineAt: a.deadlineAt,
      status: a.status,
      confirmed: r.confirmed.map(line),
      waitlist: r.waitlist.map(line),
    }
  }
  const mine = async (who: Principal, id: number) => {
    const a = Number.isInteger(id) ? await svc.store.get(id) : undefined
    return a && managedGroups(who).includes(a.groupId) ? a : undefined
  }
  const command = async (who: Principal, a: Activity, text: string) => {
    const { ctx, replies } = acting(app, who, who.hostOf.includes(a.groupId) ? 'host' : 'staff', a.groupId, text)
    return outcome(replies, () => hostRoute(app, svc).handle(ctx))
  }
  return {
    async list(who) {
      const out: ActivityView[] = []
      for (const g of managedGroups(who)) for (const a of await svc.store.recent(g, svc.now(), 30)) out.push(await view(a))
      return out.sort((a, b) => a.startAt - b.startAt)
    },
    async get(who, id) {
      const a = await mine(who, id)
      return a && view(a)
    },
    async edit(who, id, field, value) {
      const a = await mine(who, id)
      if (!a) return refused('找不到这个活动，或不是您的微家的活动。')
      const v = value.replace(/\s+/gu, ' ').trim()
      if (!v) return refused('请填写新的内容。')
      if (field === 'capacity' && !/^\d{1,4}$/u.test(v)) return refused('名额请填数字，0 表示不限。')
      return command(who, a, `修改活动${a.id} ${FIELD_WORD[field]} ${field === 'capacity' ? (v === '0' ? '不限' : `${v}人`) : v}`)
    },
    async act(who, id, action) {
      const a = await mine(who, id)
      if (!a) return refused('找不到这个活动，或不是您的微家的活动。')
      return command(who, a, ACTION_TEXT[action](a.id))
    },
    async export(who, id, format) {
      const a = await mine(who, id)
      if (!a) return undefined
      const roster = await svc.store.roster(a.id)
      const csvName = signupTexts.exportFile(a, tz)
      if (format === 'csv') return { name: csvName, type: 'text/csv; charset=utf-8', body: Buffer.from(rosterCsv(a, roster, tz, { bom: true }), 'utf8') }
      // The same columns and rows as the CSV (read back from it, so the two never disagree).
      const rows = rosterCsv(a, roster, tz)
        .trimEnd()
        .split('\r\n')
        .map(parseCsvLine)
      const data = rows.map((row, i) => row.map((value) => ({ value, fontWeight: i === 0 ? ('bold' as const) : undefined })))
      const body = await writeXlsxFile(data, { columns: CSV_HEADER.map((_, i) => ({ width: i === 4 ? 24 : 14 })) }).toBuffer()
      return { name: csvName.replace(/\.csv$/u, '.xlsx'), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body }
    },
    async counts() {
      const out = []
      for (const g of app.config.groups) {
        for (const a of await svc.store.recent(g.id, svc.now(), 30)) {
          if (a.status === 'cancelled') continue
          const c = await svc.store.counts(a.id)
          out.push({ id: a.id, title: a.title, groupName: g.name, confirmed: c.confirmed, waiting: c.waiting })
        }
      }
      return out
    },
  }
}

function parseCsvLine(line: string): string[] {
  const out: string[] = []
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/gu
  for (const m of line.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/""/gu, '"') : (m[2] ?? ''))
  return out
}

// ---------------------------------------------------------------- reminders

function remindersPort(app: BotApp, svc: ReminderService): Reminders {
  const manages = (who: Principal, groupId: string) => managedGroups(who).includes(groupId)
  const role = (who: Principal, groupId: string): Role => (who.hostOf.includes(groupId) ? 'host' : 'staff')
  return {
    async list(who) {
      const out: ReminderView[] = []
      for (const g of managedGroups(who)) {
        const name = groupById(app.config, g)?.name ?? g
        for (const d of await svc.defs(g)) {
          out.push({
            id: d.id,
            groupId: g,
            groupName: name,
            ref: d.ref,
            label: d.label,
            description: d.description,
            source: d.source === 'config' ? 'config' : 'chat',
            paused: d.paused,
            next: d.paused ? [] : svc.nextOf(d, 3).map((t) => svc.formatAt(t)),
          })
        }
      }
      return out
    },
    async preview(who, groupId, text) {
      if (!manages(who, groupId)) return refused()
      const { ctx, replies } = acting(app, who, role(who, groupId), groupId, text.replace(/\s+/gu, ' ').trim())
      return outcome(replies, () => draftReminder(ctx, svc))
    },
    async save(who, groupId) {
      if (!manages(who, groupId)) return refused()
      const { ctx, replies } = acting(app, who, role(who, groupId), groupId, '确认')
      return outcome(replies, () => answerDraft(ctx, svc, 'confirm'))
    },
    async discard(who, groupId) {
      if (!manages(who, groupId)) return refused()
      const { ctx, replies } = acting(app, who, role(who, groupId), groupId, '取消')
      return outcome(replies, () => answerDraft(ctx, svc, 'cancel'))
    },
    async set(who, id, action) {
      const def = await svc.def(id)
      if (!def || !manages(who, def.groupId)) return refused('找不到这条提醒，或不是您的微家的提醒。')
      const { ctx, replies } = acting(app, who, role(who, def.groupId), def.groupId, '')
      return outcome(replies, () => manage(ctx, svc, { kind: action, ref: def.ref }))
    },
  }
}

// ---------------------------------------------------------------- knowledge

const MAX_UPLOAD = 10 * 1024 * 1024

/** The record under qa:ingest:last (the same shape from both writers). */
interface LastRecord {
  at: number
  source: 'start-up' | 'console'
  failures?: { path: string; reason: string }[]
  failed?: number
  files?: number
  error?: string
}

function knowledge(deps: WiringDeps, log: Logger, redis: Redis, key: (...p: string[]) => string): Knowledge {
  const { kbDir, indexDir, maxAnswerChars } = deps.config.qa
  const makeEmbedder = (g: Parameters<typeof embedderFor>[0]) => embedderFor(g, deps.embedder)
  let progress: IngestProgress = { running: false, done: 0, total: 0 }
  let engine: { stamp: number; qa: Promise<QaEngine> } | undefined
  // Written by the Q&A capability's start-up ingest (src/qa/index.ts) and by reingest() below.
  const lastKey = key('qa', 'ingest', 'last')
  const evalKey = key('console', 'kb', 'eval')

  const loadEngine = (): Promise<QaEngine> => {
    const stamp = statSync(join(indexDir, 'manifest.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0
    if (!engine || engine.stamp !== stamp) {
      const qa = KnowledgeIndex.load(indexDir, makeEmbedder, deps.vectors).then((index) => new QaEngine(index, { llm: deps.llm, maxChars: maxAnswerChars, log }))
      qa.catch(() => (engine = undefined))
      engine = { stamp, qa }
    }
    return engine.qa
  }
  const docPath = (doc: string) => {
    const full = resolve(kbDir, doc)
    return full.startsWith(resolve(kbDir) + sep) ? full : undefined
  }

  return {
    async documents() {
      const [files, manifest, lastRaw] = await Promise.all([listKnowledgeFiles(kbDir).catch(() => []), readManifest(indexDir), redis.get(lastKey)])
      const last = lastRaw ? (JSON.parse(lastRaw) as LastRecord) : undefined
      const failures = new Map<string, string>((last?.failures ?? []).map((f) => [relative(kbDir, f.path).split(sep).join('/'), f.reason]))
      const docs: KnowledgeDoc[] = []
      for (const full of files) {
        const doc = relative(kbDir, full).split(sep).join('/')
        const entry = manifest?.files[doc]
        docs.push({ path: doc, title: entry?.title, chunks: entry?.chunks, bytes: (await stat(full)).size, indexed: !!entry, error: failures.get(doc) })
      }
      const lastIngest = last && { at: last.at, source: last.source, failed: last.failures?.length ?? 0, error: last.error }
      return { docs, builtAt: manifest?.builtAt, embedder: manifest?.embedderId, lastIngest }
    },
    async upload(name, body) {
      const clean = basename(name).replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '').trim()
      const ext = extname(clean).toLowerCase()
      if (!clean || !(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) return refused(`只能上传这些格式：${SUPPORTED_EXTENSIONS.join(' ')}`)
      if (body.length === 0 || body.length > MAX_UPLOAD) return refused('文件为空或超过 10 MB。')
      await mkdir(kbDir, { recursive: true })
      const full = join(kbDir, clean)
      if (await stat(full).then(() => true, () => false)) return refused(`已有同名文件「${clean}」，请先删除它。`)
      await writeFile(full, body)
      log.info({ doc: clean, bytes: body.length }, 'console: knowledge document uploaded')
      return { ok: true, message: `已上传「${clean}」。点「重新建立索引」后，助手就能用它回答问题。` }
    },
    async remove(doc) {
      const full = docPath(doc)
      const known = (await listKnowledgeFiles(kbDir)).map((f) => resolve(f))
      if (!full || !known.includes(full)) return refused('找不到这个文件。')
      await unlink(full)
      log.info({ doc }, 'console: knowledge document removed')
      return { ok: true, message: `已删除「${doc}」。重新建立索引后，助手不再引用它。` }
    },
    async reingest() {
      if (progress.running) return refused('正在建立索引，请稍候。')
      progress = { running: true, phase: 'parse', done: 0, total: 0, startedAt: Date.now() }
      // The outcome is recorded before progress says "done": the page reloads then and must show this run's failures.
      const record = (r: Omit<LastRecord, 'at' | 'source'>) =>
        redis.set(lastKey, JSON.stringify({ at: Date.now(), source: 'console', ...r } satisfies LastRecord)).catch((err: Error) => log.warn({ err }, 'console: ingest outcome not recorded'))
      void ingest({ vectors: deps.vectors, kbDir, indexDir, makeEmbedder, log, onProgress: (p) => (progress = { ...progress, ...p }) })
        .then(async (s) => {
          await record({ failures: s.failures, failed: s.failed, files: s.files })
          progress = {
            running: false, done: 1, total: 1, startedAt: progress.startedAt, finishedAt: Date.now(),
            summary: { files: s.files, chunks: s.chunks, added: s.added, updated: s.updated, removed: s.removed, failed: s.failed, ms: s.ms },
          }
          log.info({ files: s.files, chunks: s.chunks, failed: s.failed, ms: s.ms }, 'console: knowledge re-ingested')
        })
        .catch(async (err: Error) => {
          log.error({ err }, 'console: re-ingest failed')
          await record({ error: err.message, failures: [] })
          progress = { running: false, done: 0, total: 0, startedAt: progress.startedAt, finishedAt: Date.now(), error: err.message }
        })
      return { ok: true, message: '已开始重新建立索引。' }
    },
    progress: () => progress,
    async ask(question) {
      const qa = await loadEngine()
      const q = question.trim().slice(0, 200)
      const [res, r] = await Promise.all([qa.ask(q), qa.retrieve(q)])
      return {
        question: q,
        answer: res.answer,
        grounded: res.grounded,
        coverage: Number(r.decision.coverage.toFixed(3)),
        similarity: Number(r.decision.similarity.toFixed(3)),
        sources: res.sources.slice(0, 5).map((s) => ({ title: s.title, heading: s.heading, doc: s.doc, score: s.score, text: s.text.slice(0, 160) })),
      }
    },
    async evaluate() {
      const file = join(kbDir, 'eval', 'qa.jsonl')
      const text = await readFile(file, 'utf8').catch(() => undefined)
      if (!text) return undefined
      const items = readEvalFile(text)
      const r = await evaluate(await loadEngine(), items)
      const figures: EvalFigures = {
        at: Date.now(),
        items: r.questions,
        figures: { 'hit@1': r.hit1, 'hit@5': r.hit5, MRR: r.mrr, 不覆盖问题正确拒答率: r.notCoveredDeclined, 覆盖问题误拒率: r.coveredWronglyDeclined },
      }
      await redis.set(evalKey, JSON.stringify(figures))
      return figures
    },
    async lastEval() {
      const raw = await redis.get(evalKey)
      return raw ? (JSON.parse(raw) as EvalFigures) : undefined
    },
  }
}
