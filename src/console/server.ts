// The console's web server: fastify with its cookie, CSRF, rate-limit, form and multipart plugins, and
// bull-board for the operator. Every route checks the session's role on the server; every record is
// checked again by the port (a host's activity, a staff member's case).
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { FastifyAdapter } from '@bull-board/fastify'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyFormbody from '@fastify/formbody'
import fastifyMultipart from '@fastify/multipart'
import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { Redis } from '../core/storage.ts'
import type { Config } from '../config.ts'
import type { Logger } from '../core/log.ts'
import { projectPath } from '../core/paths.ts'
import { isOperator, loginLinks, managedGroups, operator, passwordMatches, sessions, SESSION_TTL_SEC, worksCases } from './auth.ts'
import type { ActivityAction, InboxStatus, Principal, TryResult } from './ports.ts'
import { qrDataUrl } from './status.ts'
import * as V from './views.ts'
import type { ConsoleServices } from './wiring.ts'

declare module 'fastify' {
  interface FastifyRequest {
    who?: Principal
  }
}

export interface ServerOptions {
  config: Config
  redis: Redis
  log: Logger
  services: ConsoleServices
  /** CONSOLE_PASSWORD */
  password?: string
  /** Where people open the console (links in chat are built from it). */
  baseUrl: () => string
}

const SID = 'wj_sid'
const HTML = 'text/html; charset=utf-8'
const STATUSES: InboxStatus[] = ['new', 'accepted', 'escalated', 'closed']

function asset(path: string): Buffer {
  return readFileSync(path)
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { config, redis, log, services: s } = opts
  const key = (...parts: string[]) => [config.redis.prefix, ...parts].join(':')
  const tz = config.timezone
  const secure = () => opts.baseUrl().startsWith('https://')
  const store = sessions(redis, key)
  // The cookie secret lives in Redis, so the bot's console and `weijia console` accept each other's forms.
  await redis.set(key('console', 'secret'), randomBytes(32).toString('hex'), 'NX')
  const secret = (await redis.get(key('console', 'secret')))!

  const app = Fastify({ logger: false, trustProxy: ['127.0.0.1', '::1'], bodyLimit: 1024 * 1024 })
  await app.register(fastifyCookie, { secret })
  await app.register(fastifyFormbody)
  await app.register(fastifyMultipart, { attachFieldsToBody: true, limits: { fileSize: 10 * 1024 * 1024, files: 1 } })
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'wj_csrf',
    cookieOpts: { path: '/console', sameSite: 'strict', httpOnly: true, signed: true, secure: secure() },
    getToken: (req) => {
      const t = (req.body as Record<string, unknown> | undefined)?._csrf
      return typeof t === 'string' ? t : ((t as { value?: string } | undefined)?.value ?? '')
    },
  })

  const cookieOpts = () => ({ path: '/console', httpOnly: true, sameSite: 'strict' as const, secure: secure(), maxAge: SESSION_TTL_SEC })
  const sidHash = (req: FastifyRequest) => createHash('sha256').update(req.cookies[SID] ?? '').digest('hex').slice(0, 32)
  const flashKey = (req: FastifyRequest) => key('console', 'flash', sidHash(req))
  const flash = (req: FastifyRequest, f: { ok: boolean; message: string }) => redis.set(flashKey(req), JSON.stringify(f), 'EX', 120)
  const page = async (req: FastifyRequest, reply: FastifyReply): Promise<V.Page> => {
    const raw = req.who ? await redis.getdel(flashKey(req)) : null
    return { who: req.who, csrf: reply.generateCsrf(), tz, flash: raw ? JSON.parse(raw) : undefined }
  }
  const send = (reply: FastifyReply, body: string, code = 200) => reply.code(code).type(HTML).send(body)
  const back = async (req: FastifyRequest, reply: FastifyReply, to: string, result: { ok: boolean; message: string }) => {
    await flash(req, result)
    return reply.redirect(to, 303)
  }

  /** Signed in, and allowed by `may`; otherwise the login page (GET) or 401/403. */
  const need =
    (may: (p: Principal) => boolean) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
      const who = await store.get(req.cookies[SID])
      if (!who) return req.method === 'GET' ? reply.redirect('/console/login', 303) : send(reply, V.errorPage(await page(req, reply), 401, '请先登录。'), 401)
      req.who = who
      if (!may(who)) {
        log.warn({ route: req.routeOptions.url, role: who.role }, 'console: refused by role')
        return send(reply, V.errorPage(await page(req, reply), 403, '您没有权限查看这个页面。'), 403)
      }
      return undefined
    }
  const anyone = () => true
  const forCases = need(worksCases)
  const forGroups = need((p) => managedGroups(p).length > 0)
  const forOperator = need(isOperator)
  const csrf = app.csrfProtection
  const forbidden = async (req: FastifyRequest, reply: FastifyReply, message: string) => {
    log.warn({ route: req.routeOptions.url, role: req.who?.role }, 'console: refused for this record')
    return send(reply, V.errorPage(await page(req, reply), 403, message), 403)
  }

  app.setErrorHandler(async (err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500
    if (status >= 500) log.error({ err: { message: err.message, code: err.code }, route: req.routeOptions?.url }, 'console: request failed')
    else log.warn({ code: err.code, route: req.routeOptions?.url, status }, 'console: request refused')
    const message = err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET' ? '表单已过期，请返回刷新页面后再试。' : status === 429 ? '尝试太频繁，请一分钟后再试。' : status >= 500 ? '出错了，请稍后再试。' : '请求无效。'
    return send(reply, V.errorPage({ csrf: '', tz }, status, message), status)
  })
  app.setNotFoundHandler(async (req, reply) => send(reply, V.errorPage({ csrf: '', tz }, 404, '没有这个页面。'), 404))

  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/console/queues')) {
      reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
    }
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('X-Frame-Options', 'DENY')
    if (!req.url.startsWith('/console/assets/')) reply.header('Cache-Control', 'no-store')
    return payload
  })
  // Route patterns only (never the URL with its values), method, status and time.
  app.addHook('onResponse', async (req, reply) => {
    log.debug({ method: req.method, route: req.routeOptions?.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'console request')
  })

  // ---------------------------------------------------------------- assets
  const require = createRequire(import.meta.url)
  const assets: Record<string, { type: string; body: Buffer }> = {
    'console.css': { type: 'text/css; charset=utf-8', body: asset(projectPath('src', 'console', 'assets', 'console.css')) },
    'console.js': { type: 'text/javascript; charset=utf-8', body: asset(projectPath('src', 'console', 'assets', 'console.js')) },
    'chart.umd.js': { type: 'text/javascript; charset=utf-8', body: asset(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js')) },
  }
  app.get<{ Params: { name: string } }>('/console/assets/:name', async (req, reply) => {
    const a = assets[req.params.name]
    if (!a) return reply.callNotFound()
    return reply.header('Cache-Control', 'public, max-age=3600').type(a.type).send(a.body)
  })

  // ---------------------------------------------------------------- sign-in
  const links = () => loginLinks(redis, key, config, opts.baseUrl())
  const signIn = async (reply: FastifyReply, who: Principal) => {
    const sid = await store.create(who)
    log.info({ role: who.role, by: who.person.name }, 'console: signed in')
    return reply.setCookie(SID, sid, cookieOpts()).redirect('/console/', 303)
  }
  const loginLimit = { rateLimit: { max: 5, timeWindow: 60_000 } }

  app.get('/console', async (_req, reply) => reply.redirect('/console/', 301))
  app.get('/console/', { preHandler: need(anyone) }, async (req, reply) => {
    const who = req.who!
    return reply.redirect(isOperator(who) ? '/console/ops' : worksCases(who) ? '/console/cases' : '/console/activities', 303)
  })
  app.get('/console/login', async (req, reply) => send(reply, V.loginPage(await page(req, reply), { configured: !!opts.password })))
  app.post<{ Body: { password?: string } }>('/console/login', { config: loginLimit, preHandler: csrf }, async (req, reply) => {
    if (!passwordMatches(String(req.body?.password ?? ''), opts.password)) {
      log.warn('console: wrong operator password')
      return send(reply, V.loginPage(await page(req, reply), { configured: !!opts.password, error: '密码不对。' }), 401)
    }
    return signIn(reply, operator())
  })
  app.get<{ Params: { token: string } }>('/console/login/:token', { config: { rateLimit: { max: 20, timeWindow: 60_000 } } }, async (req, reply) => {
    const who = await links().peek(req.params.token)
    return send(reply, V.linkPage(await page(req, reply), who, req.params.token), who ? 200 : 410)
  })
  app.post<{ Params: { token: string } }>('/console/login/:token', { config: { rateLimit: { max: 20, timeWindow: 60_000 } }, preHandler: csrf }, async (req, reply) => {
    const who = await links().consume(req.params.token)
    if (!who) {
      log.warn('console: used or expired login link')
      return send(reply, V.linkPage(await page(req, reply), undefined, ''), 410)
    }
    return signIn(reply, who)
  })
  app.post('/console/logout', { preHandler: csrf }, async (req, reply) => {
    await store.destroy(req.cookies[SID])
    return reply.clearCookie(SID, { path: '/console' }).redirect('/console/login', 303)
  })

  // ---------------------------------------------------------------- cases
  const groupsOf = (ids: string[]) => config.groups.filter((g) => ids.includes(g.id)).map((g) => ({ id: g.id, name: g.name }))
  const str = (v: unknown) => (typeof v === 'string' ? v : '')

  app.get<{ Querystring: Record<string, string> }>('/console/cases', { preHandler: forCases }, async (req, reply) => {
    const who = req.who!
    const status = STATUSES.includes(req.query.status as InboxStatus) ? (req.query.status as InboxStatus) : undefined
    const filter = { status, groupId: str(req.query.group) || undefined, category: str(req.query.category) || undefined, urgency: str(req.query.urgency) || undefined }
    const all = await s.inbox.list(who, { ...filter, status: undefined })
    const counts = Object.fromEntries(STATUSES.map((st) => [st, all.filter((c) => c.status === st).length])) as Record<InboxStatus, number>
    // "All" means everything still open; closed cases have their own tab.
    const list = all.filter((c) => (status ? c.status === status : c.status !== 'closed'))
    const groups = groupsOf([...who.staffOf, ...who.supervisorOf])
    return send(reply, V.casesPage(await page(req, reply), list, { status, group: filter.groupId, category: filter.category, urgency: filter.urgency }, groups, counts))
  })
  app.get<{ Params: { id: string } }>('/console/cases/:id', { preHandler: forCases }, async (req, reply) => {
    const c = await s.inbox.open(req.who!, req.params.id)
    if (!c) return forbidden(req, reply, '找不到这个案件，或不在您负责的范围内。')
    return send(reply, V.casePage(await page(req, reply), c))
  })
  const caseAction = (name: 'accept' | 'note' | 'reassign' | 'close') =>
    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(`/console/cases/:id/${name}`, { preHandler: [csrf, forCases] }, async (req, reply) => {
      const { id } = req.params
      const who = req.who!
      const b = req.body ?? {}
      const result =
        name === 'accept' ? await s.inbox.accept(who, id) : name === 'note' ? await s.inbox.note(who, id, str(b.text)) : name === 'reassign' ? await s.inbox.reassign(who, id, str(b.to)) : await s.inbox.close(who, id, str(b.result))
      return back(req, reply, `/console/cases/${encodeURIComponent(id)}`, result)
    })
  for (const a of ['accept', 'note', 'reassign', 'close'] as const) caseAction(a)

  // ---------------------------------------------------------------- activities
  const idOf = (raw: string) => (/^\d{1,9}$/u.test(raw) ? Number(raw) : NaN)
  app.get('/console/activities', { preHandler: forGroups }, async (req, reply) => send(reply, V.activitiesPage(await page(req, reply), await s.activities.list(req.who!))))
  app.get<{ Params: { id: string } }>('/console/activities/:id', { preHandler: forGroups }, async (req, reply) => {
    const a = await s.activities.get(req.who!, idOf(req.params.id))
    if (!a) return forbidden(req, reply, '找不到这个活动，或不是您的微家的活动。')
    return send(reply, V.activityPage(await page(req, reply), a))
  })
  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>('/console/activities/:id/edit', { preHandler: [csrf, forGroups] }, async (req, reply) => {
    const field = str(req.body?.field)
    if (field !== 'time' && field !== 'place' && field !== 'capacity') return reply.code(400).send()
    const id = idOf(req.params.id)
    return back(req, reply, `/console/activities/${id}`, await s.activities.edit(req.who!, id, field, str(req.body?.value)))
  })
  const ACTIONS: Record<ActivityAction, { title: string; question: (t: string) => string; danger?: boolean }> = {
    close: { title: '截止报名', question: (t) => `确定截止「${t}」的报名吗？群里会收到通知。` },
    reopen: { title: '重新开放', question: (t) => `确定重新开放「${t}」的报名吗？群里会收到通知。` },
    cancel: { title: '取消活动', question: (t) => `确定取消「${t}」吗？群里会@所有已报名和候补的人。此操作不能撤销。`, danger: true },
  }
  const isAction = (a: string): a is ActivityAction => a in ACTIONS
  app.get<{ Params: { id: string; action: string } }>('/console/activities/:id/confirm/:action', { preHandler: forGroups }, async (req, reply) => {
    const a = await s.activities.get(req.who!, idOf(req.params.id))
    if (!a) return forbidden(req, reply, '找不到这个活动，或不是您的微家的活动。')
    if (!isAction(req.params.action)) return reply.callNotFound()
    const act = ACTIONS[req.params.action]
    return send(reply, V.confirmPage(await page(req, reply), { title: act.title, question: act.question(`活动${a.id} ${a.title}`), action: `/console/activities/${a.id}/${req.params.action}`, back: `/console/activities/${a.id}`, danger: act.danger }))
  })
  app.post<{ Params: { id: string; action: string } }>('/console/activities/:id/:action', { preHandler: [csrf, forGroups] }, async (req, reply) => {
    if (!isAction(req.params.action)) return reply.callNotFound()
    const id = idOf(req.params.id)
    return back(req, reply, `/console/activities/${id}`, await s.activities.act(req.who!, id, req.params.action))
  })
  app.get<{ Params: { id: string; format: string } }>('/console/activities/:id/export.:format', { preHandler: forGroups }, async (req, reply) => {
    const format = req.params.format === 'xlsx' ? 'xlsx' : req.params.format === 'csv' ? 'csv' : undefined
    if (!format) return reply.callNotFound()
    const file = await s.activities.export(req.who!, idOf(req.params.id), format)
    if (!file) return forbidden(req, reply, '找不到这个活动，或不是您的微家的活动。')
    return reply.type(file.type).header('Content-Disposition', `attachment; filename="roster.${format}"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.body)
  })

  // ---------------------------------------------------------------- reminders
  const remindersPage = async (req: FastifyRequest, reply: FastifyReply, draft?: { groupId: string; text: string; preview?: string }) =>
    send(reply, V.remindersPage(await page(req, reply), await s.reminders.list(req.who!), groupsOf(managedGroups(req.who!)), draft))
  app.get('/console/reminders', { preHandler: forGroups }, async (req, reply) => remindersPage(req, reply))
  app.post<{ Body: Record<string, unknown> }>('/console/reminders/preview', { preHandler: [csrf, forGroups] }, async (req, reply) => {
    const groupId = str(req.body?.group)
    const text = str(req.body?.text).slice(0, 200)
    const r = await s.reminders.preview(req.who!, groupId, text)
    // Rendered directly (not redirected): the preview belongs to this form.
    const p = await page(req, reply)
    return send(reply, V.remindersPage({ ...p, flash: r.ok ? undefined : r }, await s.reminders.list(req.who!), groupsOf(managedGroups(req.who!)), { groupId, text, preview: r.ok ? r.message : undefined }))
  })
  for (const verb of ['save', 'discard'] as const) {
    app.post<{ Body: Record<string, unknown> }>(`/console/reminders/${verb}`, { preHandler: [csrf, forGroups] }, async (req, reply) =>
      back(req, reply, '/console/reminders', await s.reminders[verb](req.who!, str(req.body?.group))),
    )
  }
  app.get<{ Params: { id: string } }>('/console/reminders/:id/confirm-delete', { preHandler: forGroups }, async (req, reply) => {
    const r = (await s.reminders.list(req.who!)).find((x) => x.id === req.params.id)
    if (!r) return forbidden(req, reply, '找不到这条提醒，或不是您的微家的提醒。')
    return send(reply, V.confirmPage(await page(req, reply), { title: '删除提醒', question: `确定删除提醒「${r.ref}. ${r.label}」（${r.description}）吗？`, action: `/console/reminders/${r.id}/delete`, back: '/console/reminders', danger: true }))
  })
  app.post<{ Params: { id: string; action: string } }>('/console/reminders/:id/:action', { preHandler: [csrf, forGroups] }, async (req, reply) => {
    const action = req.params.action
    if (action !== 'pause' && action !== 'resume' && action !== 'delete') return reply.callNotFound()
    return back(req, reply, '/console/reminders', await s.reminders.set(req.who!, req.params.id, action))
  })

  // ---------------------------------------------------------------- operator
  app.get('/console/ops', { preHandler: forOperator }, async (req, reply) => {
    const [bot, backlog, perMinute, hourly, weekly, counts] = await Promise.all([
      s.status.read(), s.traffic.outboxBacklog(), s.traffic.sentPerMinute(), s.traffic.hourly(24), s.inbox.weekly(8), s.activities.counts(),
    ])
    const qrImage = bot.state === 'scan' && bot.qr ? await qrDataUrl(bot.qr) : undefined
    const weeks = [...new Set(weekly.map((w) => w.week))]
    const categories = [...new Set(weekly.map((w) => w.category))]
    const cell = (week: string, category: string, what: 'opened' | 'closed') => weekly.find((w) => w.week === week && w.category === category)?.[what] ?? 0
    const charts: V.OpsCharts = {
      hourly: { labels: hourly.map((h) => `${Number(new Date(h.hour).toLocaleString('en-GB', { timeZone: tz, hour: '2-digit', hour12: false }))}时`), received: hourly.map((h) => h.received), sent: hourly.map((h) => h.sent) },
      cases: {
        labels: weeks.map((w) => `${Number(w.slice(5, 7))}月${Number(w.slice(8, 10))}日那周`),
        series: categories.flatMap((c) => [
          { label: `${c}·新建`, stack: '新建', data: weeks.map((w) => cell(w, c, 'opened')) },
          { label: `${c}·结案`, stack: '结案', data: weeks.map((w) => cell(w, c, 'closed')) },
        ]),
      },
      signups: { labels: counts.map((a) => `活动${a.id} ${a.title}`), confirmed: counts.map((a) => a.confirmed), waiting: counts.map((a) => a.waiting) },
    }
    return send(reply, V.opsPage(await page(req, reply), { bot, qrImage, backlog, perMinute, charts }))
  })

  let tried: TryResult | undefined
  const knowledgePage = async (req: FastifyRequest, reply: FastifyReply, extra: { tried?: TryResult } = {}) => {
    const [docs, evalFigures] = await Promise.all([s.knowledge.documents(), s.knowledge.lastEval()])
    return send(reply, V.knowledgePage(await page(req, reply), { ...docs, progress: s.knowledge.progress(), evalFigures, ...extra }))
  }
  app.get('/console/ops/knowledge', { preHandler: forOperator }, async (req, reply) => knowledgePage(req, reply))
  app.get('/console/ops/knowledge/progress', { preHandler: forOperator }, async (_req, reply) => reply.send(s.knowledge.progress()))
  app.post<{ Body: Record<string, unknown> }>('/console/ops/knowledge/upload', { preHandler: [csrf, forOperator] }, async (req, reply) => {
    const file = req.body?.file as { filename?: string; toBuffer?: () => Promise<Buffer> } | undefined
    const result = file?.toBuffer && file.filename ? await s.knowledge.upload(file.filename, await file.toBuffer()) : { ok: false, message: '请选择文件。' }
    return back(req, reply, '/console/ops/knowledge', result)
  })
  app.get<{ Querystring: { doc?: string } }>('/console/ops/knowledge/confirm-remove', { preHandler: forOperator }, async (req, reply) => {
    const doc = str(req.query.doc)
    return send(reply, V.confirmPage(await page(req, reply), { title: '删除资料', question: `确定删除「${doc}」吗？`, action: `/console/ops/knowledge/remove?doc=${encodeURIComponent(doc)}`, back: '/console/ops/knowledge', danger: true }))
  })
  app.post<{ Querystring: { doc?: string } }>('/console/ops/knowledge/remove', { preHandler: [csrf, forOperator] }, async (req, reply) =>
    back(req, reply, '/console/ops/knowledge', await s.knowledge.remove(str(req.query.doc))),
  )
  app.post('/console/ops/knowledge/reingest', { preHandler: [csrf, forOperator] }, async (req, reply) => back(req, reply, '/console/ops/knowledge', await s.knowledge.reingest()))
  app.post<{ Body: Record<string, unknown> }>('/console/ops/knowledge/ask', { preHandler: [csrf, forOperator] }, async (req, reply) => {
    const q = str(req.body?.q).trim()
    if (!q) return reply.redirect('/console/ops/knowledge', 303)
    try {
      tried = await s.knowledge.ask(q)
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'console: try-a-question failed')
      await flash(req, { ok: false, message: '知识库还没有建立索引，请先「重新建立索引」。' })
      return reply.redirect('/console/ops/knowledge', 303)
    }
    return knowledgePage(req, reply, { tried })
  })
  app.post('/console/ops/knowledge/eval', { preHandler: [csrf, forOperator] }, async (req, reply) => {
    const r = await s.knowledge.evaluate().catch((err: Error) => (log.warn({ err: err.message }, 'console: eval failed'), undefined))
    return back(req, reply, '/console/ops/knowledge', r ? { ok: true, message: `评测完成：${r.items}道题。` } : { ok: false, message: '没有评测题（knowledge/eval/qa.jsonl）或索引未建立。' })
  })

  // ---------------------------------------------------------------- bull-board (operator only)
  const board = new FastifyAdapter()
  board.setBasePath('/console/queues')
  createBullBoard({ queues: (await s.queues()).map((q) => new BullMQAdapter(q)), serverAdapter: board, options: { uiConfig: { boardTitle: '微家助手队列' } } })
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      const who = await store.get(req.cookies[SID])
      if (!who || !isOperator(who)) {
        log.warn({ role: who?.role }, 'console: queues refused')
        return reply.code(who ? 403 : 401).type(HTML).send(V.errorPage({ csrf: '', tz }, 403, '只有管理员可以查看队列。'))
      }
    })
    await scope.register(board.registerPlugin(), { prefix: '/console/queues' })
  })

  return app
}
