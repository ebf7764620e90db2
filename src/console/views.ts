// The console's pages (Chinese, phone first). Pure functions: data in, Html out.
import { CATEGORIES, URGENCIES } from '../referrals/categories.ts'
import { formatDateTime } from '../core/zh/format.ts'
import { type Html, html, jsonBlock } from './html.ts'
import type {
  ActivityView, BotState, CaseDetail, CaseSummary, EvalFigures, IngestProgress, InboxStatus, KnowledgeDoc, LastIngest, Principal, ReminderView, TryResult,
} from './ports.ts'
import { isOperator, managedGroups, worksCases } from './auth.ts'

export interface Page {
  who?: Principal
  csrf: string
  tz: string
  flash?: { ok: boolean; message: string }
}

const ROLE_LABEL = { operator: '管理员', supervisor: '督办人', staff: '工作人员', host: '微家主人' } as const
export const STATUS_LABEL: Record<InboxStatus, string> = { new: '待接单', accepted: '已接单', escalated: '已升级', closed: '已结案' }
const ACTIVITY_STATUS = { open: '报名中', closed: '已截止', cancelled: '已取消' } as const
const AUDIT_LABEL: Record<string, string> = {
  created: '建立案件', notified: '通知工作人员', acknowledged: '接单', note: '添加备注', transferred: '转派', closed: '结案', escalated: '超时升级', supplemented: '居民补充', viewed: '查看详情',
}

export const when = (at: number, tz: string) => formatDateTime(new Date(at), tz)

export function duration(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000))
  if (m < 1) return '不到1分钟'
  if (m < 60) return `${m}分钟`
  const h = Math.floor(m / 60)
  if (h < 48) return `${h}小时${m % 60 ? `${m % 60}分` : ''}`
  return `${Math.floor(h / 24)}天${h % 24 ? `${h % 24}小时` : ''}`
}

const csrfField = (p: Page) => html`<input type="hidden" name="_csrf" value="${p.csrf}">`

export function layout(p: Page, title: string, body: Html, opts: { scripts?: boolean; refreshSec?: number } = {}): string {
  const who = p.who
  const nav: Html[] = []
  if (who && worksCases(who)) nav.push(html`<a href="/console/cases">案件</a>`)
  if (who && managedGroups(who).length) nav.push(html`<a href="/console/activities">活动</a>`, html`<a href="/console/reminders">提醒</a>`)
  if (who && isOperator(who)) nav.push(html`<a href="/console/ops">运行</a>`, html`<a href="/console/ops/knowledge">知识库</a>`, html`<a href="/console/queues">队列</a>`)
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${opts.refreshSec ? html`<meta http-equiv="refresh" content="${opts.refreshSec}">` : ''}
<title>${title} · 微家助手控制台</title><link rel="stylesheet" href="/console/assets/console.css"></head>
<body><header><div class="brand">微家助手控制台</div>
${who ? html`<nav>${nav}</nav><form class="who" method="post" action="/console/logout">${csrfField(p)}<span>${who.person.name === ROLE_LABEL[who.role] ? who.person.name : `${who.person.name} · ${ROLE_LABEL[who.role]}`}</span> <button class="link">退出</button></form>` : ''}
</header><main><h1>${title}</h1>
${p.flash ? html`<p class="flash ${p.flash.ok ? 'ok' : 'err'}" role="status">${multiline(p.flash.message)}</p>` : ''}
${body}</main>${opts.scripts ? html`<script src="/console/assets/chart.umd.js"></script>` : ''}<script src="/console/assets/console.js"></script></body></html>`.value
}

const multiline = (s: string) => s.split('\n').map((line, i) => html`${i ? html`<br>` : ''}${line}`)

// ---------------------------------------------------------------- sign-in

export function loginPage(p: Page, opts: { configured: boolean; error?: string }): string {
  return layout(
    p,
    '登录',
    html`<section class="card"><p>工作人员、微家主人和督办人：请在微信里私聊助手发送「控制台」，会收到一次性登录链接（10分钟内有效）。</p></section>
<section class="card"><h2>管理员登录</h2>
${opts.error ? html`<p class="flash err">${opts.error}</p>` : ''}
${opts.configured
  ? html`<form method="post" action="/console/login">${csrfField(p)}<label>密码<input type="password" name="password" autocomplete="current-password" required></label><button>登录</button></form>`
  : html`<p class="muted">未设置管理员密码（环境变量 CONSOLE_PASSWORD）。</p>`}
</section>`,
  )
}

export function linkPage(p: Page, who: Principal | undefined, token: string): string {
  if (!who) {
    return layout(p, '链接已失效', html`<section class="card"><p>这个登录链接已经用过或已过期（有效期10分钟，只能用一次）。</p><p>请在微信里私聊助手，重新发送「控制台」。</p></section>`)
  }
  return layout(
    p,
    '确认登录',
    html`<section class="card"><p>以 <b>${who.person.name}</b>（${ROLE_LABEL[who.role]}）的身份登录控制台。</p>
<form method="post" action="/console/login/${token}">${csrfField(p)}<button>登录</button></form>
<p class="muted">请勿把链接转发给别人。</p></section>`,
  )
}

export const errorPage = (p: Page, status: number, message: string) => layout(p, status === 403 ? '没有权限' : status === 404 ? '找不到' : '出错了', html`<section class="card"><p>${message}</p><p><a href="/console/">返回首页</a></p></section>`)

// ---------------------------------------------------------------- cases

const badge = (text: string, kind = '') => html`<span class="badge ${kind}">${text}</span>`
const urgencyBadge = (u: string) => badge(u, u === '紧急' ? 'red' : '')

function escalation(c: CaseSummary, now: number): Html {
  if (c.escalatesAt === undefined) return html``
  const left = c.escalatesAt - now
  return left > 0 ? html`<span class="left">${duration(left)}后升级</span>` : html`<span class="left late">已超时，即将升级</span>`
}

export function casesPage(p: Page, list: CaseSummary[], filter: Record<string, string | undefined>, groups: { id: string; name: string }[], counts: Record<InboxStatus, number>): string {
  const now = Date.now()
  const tab = (s: InboxStatus | '') => {
    const q = new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([k, v]) => v && k !== 'status')), ...(s ? { status: s } : {}) })
    return html`<a class="tab ${filter.status === s || (!filter.status && !s) ? 'on' : ''}" href="/console/cases?${q.toString()}">${s ? STATUS_LABEL[s] : '全部未结'}${s ? html` <small>${counts[s]}</small>` : ''}</a>`
  }
  const select = (name: string, label: string, options: [string, string][]) =>
    html`<label>${label}<select name="${name}"><option value="">全部</option>${options.map(([v, t]) => html`<option value="${v}" ${filter[name] === v ? 'selected' : ''}>${t}</option>`)}</select></label>`
  return layout(
    p,
    '案件',
    html`<nav class="tabs">${tab('')}${(['new', 'escalated', 'accepted', 'closed'] as const).map(tab)}</nav>
<form class="filters" method="get" action="/console/cases">${filter.status ? html`<input type="hidden" name="status" value="${filter.status}">` : ''}
${select('group', '微家', groups.map((g) => [g.id, g.name]))}${select('category', '类别', CATEGORIES.map((c) => [c, c]))}${select('urgency', '紧急程度', URGENCIES.map((u) => [u, u]))}
<button>筛选</button></form>
${list.length === 0 ? html`<p class="muted">没有符合条件的案件。</p>` : ''}
<ul class="list">${list.map(
      (c) => html`<li class="card case"><a href="/console/cases/${c.id}"><div class="row"><b>${c.id}</b>${urgencyBadge(c.urgency)}${badge(STATUS_LABEL[c.status], c.status)}</div>
<div class="row"><span>${c.category}</span><span class="muted">${c.groupName}</span></div>
<div class="row muted"><span>${when(c.createdAt, p.tz)}（${duration(now - c.createdAt)}前）</span>${c.assigneeName ? html`<span>经办：${c.assigneeName}</span>` : ''}</div>
${escalation(c, now)}</a></li>`,
    )}</ul>`,
  )
}

export function casePage(p: Page, c: CaseDetail): string {
  const now = Date.now()
  const open = c.status !== 'closed'
  return layout(
    p,
    `案件 ${c.id}`,
    html`<section class="card"><div class="row">${urgencyBadge(c.urgency)}${badge(STATUS_LABEL[c.status], c.status)}<span>${c.category}</span></div>
<dl><dt>微家</dt><dd>${c.groupName}</dd><dt>居民</dt><dd>${c.residentName}</dd><dt>联系方式偏好</dt><dd>${c.contact ?? '（未说明）'}</dd>
<dt>来源</dt><dd>${c.source} · ${c.consentBasis}</dd><dt>建立时间</dt><dd>${when(c.createdAt, p.tz)}</dd>
${c.assigneeName ? html`<dt>经办人</dt><dd>${c.assigneeName}</dd>` : ''}${c.escalatesAt ? html`<dt>升级</dt><dd>${escalation(c, now)}</dd>` : ''}
${c.result ? html`<dt>结案结果</dt><dd>${c.result}</dd>` : ''}</dl>
<h2>求助内容</h2><p class="request">${multiline(c.description || '（未填写）')}</p>
${c.notes.length ? html`<h2>备注与补充</h2><ul class="notes">${c.notes.map((n) => html`<li><span class="muted">${when(n.at, p.tz)} ${n.by}</span><br>${multiline(n.text)}</li>`)}</ul>` : ''}
</section>
${open
  ? html`<section class="card actions"><h2>处理</h2>
${c.status === 'new' || c.status === 'escalated' ? html`<form method="post" action="/console/cases/${c.id}/accept">${csrfField(p)}<button>接单</button></form>` : ''}
<form method="post" action="/console/cases/${c.id}/note">${csrfField(p)}<label>添加备注<textarea name="text" rows="3" required maxlength="1000"></textarea></label><button>保存备注</button></form>
${c.reassignTo.length ? html`<form method="post" action="/console/cases/${c.id}/reassign">${csrfField(p)}<label>转派给<select name="to">${c.reassignTo.map((r) => html`<option>${r}</option>`)}</select></label><button>转派</button></form>` : ''}
<form method="post" action="/console/cases/${c.id}/close">${csrfField(p)}<label>结案结果<textarea name="result" rows="2" maxlength="500" placeholder="例如：已协助申请法律援助"></textarea></label><button class="danger">结案</button></form>
<p class="muted">接单、结案时居民会收到与微信指令相同的通知（不含细节）。</p></section>`
  : ''}
<section class="card"><h2>记录</h2><ol class="audit">${c.audit.map((a) => html`<li><span class="muted">${when(a.at, p.tz)}</span> ${a.by} · ${AUDIT_LABEL[a.action] ?? a.action}${a.detail ? html` <span class="muted">${a.detail}</span>` : ''}</li>`)}</ol></section>
<p><a href="/console/cases">← 返回案件列表</a></p>`,
  )
}

// ---------------------------------------------------------------- activities

const rosterList = (lines: ActivityView['confirmed']) =>
  lines.length
    ? html`<ol class="roster">${lines.map((l) => html`<li>${l.name}${l.by ? html` <span class="muted">（${l.by}代报）</span>` : ''}</li>`)}</ol>`
    : html`<p class="muted">（无）</p>`

const capacityText = (a: ActivityView) => (a.capacity ? `${a.confirmed.length}/${a.capacity}人` : `${a.confirmed.length}人（不限）`)

export function activitiesPage(p: Page, list: ActivityView[]): string {
  return layout(
    p,
    '活动',
    html`${list.length === 0 ? html`<p class="muted">最近没有活动。微家主人在群里 @助手「发布活动 …」即可发布。</p>` : ''}
<ul class="list">${list.map(
      (a) => html`<li class="card"><a href="/console/activities/${a.id}"><div class="row"><b>活动${a.id} ${a.title}</b>${badge(ACTIVITY_STATUS[a.status], a.status)}</div>
<div class="row muted"><span>${a.whenText}</span><span>${a.place}</span></div>
<div class="row"><span>已报名 ${capacityText(a)}</span>${a.waitlist.length ? html`<span>候补 ${a.waitlist.length}人</span>` : ''}<span class="muted">${a.groupName}</span></div></a></li>`,
    )}</ul>`,
  )
}

export function activityPage(p: Page, a: ActivityView): string {
  const live = a.status !== 'cancelled'
  const field = (name: string, label: string, value: string, hint: string, type = 'text', placeholder = '') =>
    html`<form class="field" method="post" action="/console/activities/${a.id}/edit">${csrfField(p)}<input type="hidden" name="field" value="${name}">
<label>${label}<input type="${type}" name="value" value="${value}" placeholder="${placeholder}" ${type === 'number' ? 'min="0" max="9999"' : ''} required></label>${hint ? html`<small class="muted">${hint}</small>` : ''}<button>修改${label}</button></form>`
  return layout(
    p,
    `活动${a.id} ${a.title}`,
    html`<section class="card"><div class="row">${badge(ACTIVITY_STATUS[a.status], a.status)}<span class="muted">${a.groupName}</span></div>
<dl><dt>时间</dt><dd>${a.whenText}</dd><dt>地点</dt><dd>${a.place || '（未定）'}</dd><dt>名额</dt><dd>${capacityText(a)}</dd>
${a.deadlineAt ? html`<dt>截止报名</dt><dd>${when(a.deadlineAt, p.tz)}</dd>` : ''}</dl></section>
<section class="card"><h2>已报名（${a.confirmed.length}）</h2>${rosterList(a.confirmed)}
<h2>候补（${a.waitlist.length}）</h2>${rosterList(a.waitlist)}
<p class="exports"><a class="button" href="/console/activities/${a.id}/export.csv">导出 CSV</a> <a class="button" href="/console/activities/${a.id}/export.xlsx">导出 Excel</a></p></section>
${live
  ? html`<section class="card"><h2>修改</h2>
${field('time', '时间', '', '和群里一样写，例如「周六下午2点」「3月8日14:30」', 'text', a.whenText)}
${field('place', '地点', a.place, '')}
${field('capacity', '名额', String(a.capacity), '0 表示不限；增加名额时候补按顺序转正，并在群里@本人', 'number')}
<p class="muted">修改时间、地点会在群里@所有已报名的人。</p></section>`
  : ''}
<section class="card actions"><h2>报名状态</h2>
${a.status === 'open' ? html`<a class="button" href="/console/activities/${a.id}/confirm/close">截止报名</a>` : ''}
${a.status !== 'open' || a.deadlineAt ? (a.status !== 'cancelled' ? html`<a class="button" href="/console/activities/${a.id}/confirm/reopen">重新开放</a>` : '') : ''}
${live ? html`<a class="button danger" href="/console/activities/${a.id}/confirm/cancel">取消活动</a>` : ''}</section>
<p><a href="/console/activities">← 返回活动列表</a></p>`,
  )
}

export function confirmPage(p: Page, opts: { title: string; question: string; action: string; back: string; danger?: boolean }): string {
  return layout(
    p,
    opts.title,
    html`<section class="card"><p>${opts.question}</p>
<form method="post" action="${opts.action}">${csrfField(p)}<button class="${opts.danger ? 'danger' : ''}">确定</button> <a href="${opts.back}">返回</a></form></section>`,
  )
}

// ---------------------------------------------------------------- reminders

/** The chat preview ends by asking for a reply of 「确认」/「取消」; here the buttons below do that. */
const withoutChatReplyHint = (preview: string) =>
  preview
    .split('\n')
    .filter((line) => !line.startsWith('回复「确认」'))
    .join('\n')

export function remindersPage(p: Page, list: ReminderView[], groups: { id: string; name: string }[], draft?: { groupId: string; text: string; preview?: string }): string {
  return layout(
    p,
    '提醒',
    html`<section class="card"><h2>新建提醒</h2>
<form method="post" action="/console/reminders/preview">${csrfField(p)}
${groups.length > 1 ? html`<label>微家<select name="group">${groups.map((g) => html`<option value="${g.id}" ${draft?.groupId === g.id ? 'selected' : ''}>${g.name}</option>`)}</select></label>` : html`<input type="hidden" name="group" value="${groups[0]?.id ?? ''}">`}
<label>和群里一样说<input name="text" value="${draft?.text ?? ''}" placeholder="每月第一个周六上午9点提醒大家家聚会" required></label><button>预览</button></form>
${draft?.preview
  ? html`<div class="preview"><p>${multiline(withoutChatReplyHint(draft.preview))}</p>
<form class="inline" method="post" action="/console/reminders/save">${csrfField(p)}<input type="hidden" name="group" value="${draft.groupId}"><button>保存</button></form>
<form class="inline" method="post" action="/console/reminders/discard">${csrfField(p)}<input type="hidden" name="group" value="${draft.groupId}"><button class="link">放弃</button></form></div>`
  : ''}
</section>
${list.length === 0 ? html`<p class="muted">还没有提醒。可以在上面新建，也可以在群里 @助手 说「每周三上午9点提醒…」。</p>` : ''}
<ul class="list">${list.map(
      (r) => html`<li class="card"><div class="row"><b>${r.source === 'chat' ? `${r.ref}. ` : ''}${r.label}</b>${badge(r.source === 'config' ? '固定节奏' : '群里设置', '')}${r.paused ? badge('已暂停', 'closed') : ''}</div>
<div class="muted">${r.description}${groups.length > 1 ? ` · ${r.groupName}` : ''}</div>
${r.next.length ? html`<div>接下来：${r.next.join('、')}</div>` : ''}
<div class="row">
<form class="inline" method="post" action="/console/reminders/${r.id}/${r.paused ? 'resume' : 'pause'}">${csrfField(p)}<button class="small">${r.paused ? '恢复' : '暂停'}</button></form>
${r.source === 'chat' ? html`<a class="button small danger" href="/console/reminders/${r.id}/confirm-delete">删除</a>` : ''}</div></li>`,
    )}</ul>`,
  )
}

// ---------------------------------------------------------------- operator

const HEARTBEAT_STALE_MS = 2 * 60_000

function loginState(b: BotState, qrImage: string | undefined, tz: string): Html {
  const now = Date.now()
  const stale = b.updatedAt !== undefined && now - b.updatedAt > HEARTBEAT_STALE_MS
  const state =
    b.state === 'online'
      ? html`<p class="ok-text">● 在线：${b.user ?? ''}</p>${b.since ? html`<p>登录于 ${when(b.since, tz)}（已在线${duration(now - b.since)}）</p>` : ''}`
      : b.state === 'scan'
        ? b.qrStatus === 3
          ? html`<p class="warn-text">● 已扫码：请在机器人的手机微信上点「登录」确认</p>`
          : html`<p class="warn-text">● 等待扫码登录</p><p>请用<b>机器人的微信</b>（不是您自己的微信）扫描下面的二维码，然后在手机上确认登录。</p>
${qrImage ? html`<img class="qr" alt="机器人微信登录二维码" src="${qrImage}">` : ''}${b.qrStatus === 5 ? html`<p class="muted">二维码已过期，正在等待新的二维码。</p>` : ''}`
        : b.state === 'offline'
          ? html`<p class="err-text">● 已掉线${b.since ? html`（${when(b.since, tz)}）` : ''}</p><p>等待新的登录二维码，出现后会显示在这里。</p>`
          : html`<p class="muted">● 还没有机器人的状态（机器人进程没有运行？）</p>`
  return html`${state}${b.state === 'scan' || b.state === 'offline' ? html`<p class="muted small">本页每15秒自动刷新。</p>` : ''}
${b.updatedAt ? html`<p class="${stale ? 'err-text' : 'muted'} small">最后心跳 ${when(b.updatedAt, tz)}${stale ? `（已经${duration(now - b.updatedAt)}没有心跳，机器人进程可能已停止）` : ''}</p>` : ''}`
}

export interface OpsCharts {
  hourly: { labels: string[]; received: number[]; sent: number[] }
  cases: { labels: string[]; series: { label: string; stack: string; data: number[] }[] }
  signups: { labels: string[]; confirmed: number[]; waiting: number[] }
}

export function opsPage(p: Page, d: { bot: BotState; qrImage?: string; backlog: number; perMinute: number; charts: OpsCharts }): string {
  const c = d.charts
  const chart = (id: string, has: boolean, empty: string) => (has ? html`<div class="chart"><canvas id="${id}"></canvas></div>` : html`<p class="muted">${empty}</p>`)
  const waiting = d.bot.state === 'scan' || d.bot.state === 'offline'
  return layout(
    p,
    '运行状态',
    html`<section class="grid">
<div class="card" id="login-state"><h2>登录</h2>${loginState(d.bot, d.qrImage, p.tz)}</div>
<div class="card"><h2>发件箱</h2><div class="figures"><div><p class="big">${d.backlog}</p><p class="muted">待发送消息</p></div><div><p class="big">${d.perMinute}</p><p class="muted">每分钟发送<br><small>（近10分钟平均）</small></p></div></div><p><a href="/console/queues">查看全部队列 →</a></p></div>
</section>
<section class="card"><h2>每小时消息（近24小时）</h2>${chart('chart-hourly', c.hourly.received.some(Boolean) || c.hourly.sent.some(Boolean), '近24小时没有收发消息。')}</section>
<section class="card"><h2>每周案件（按类别）</h2>${chart('chart-cases', c.cases.series.length > 0, '近8周没有案件。')}</section>
<section class="card"><h2>各活动报名人数</h2>${chart('chart-signups', c.signups.labels.length > 0, '最近没有活动。')}</section>
<script type="application/json" id="chart-data">${jsonBlock(d.charts)}</script>`,
    { scripts: true, refreshSec: waiting ? 15 : undefined },
  )
}

/** The parser's reasons (English, for logs) in words an operator can act on. */
const INGEST_REASONS: [RegExp, string][] = [
  [/not a readable \.docx/u, '不是能打开的 Word 文件（.docx 为空或已损坏），请用 Word 重新另存为 .docx 后上传'],
  [/not a readable PDF/u, '不是能打开的 PDF 文件（为空或已损坏）'],
  [/not UTF-8/u, '不是文字文件（编码不是 UTF-8 或 GB18030），请另存为 UTF-8 文本'],
  [/no text found/u, '没有读到文字（空文件，或扫描图片做的 PDF？）'],
  [/unsupported file type/u, '不支持的文件格式'],
]
export const ingestReason = (reason: string) => INGEST_REASONS.find(([re]) => re.test(reason))?.[1] ?? '无法读取这个文件'

const SOURCE_LABEL = { 'start-up': '机器人启动时', console: '控制台重新建立' } as const

function lastIngestLine(l: LastIngest | undefined, tz: string): Html {
  if (!l) return html``
  const how = html`上次导入：${when(l.at, tz)}（${SOURCE_LABEL[l.source] ?? l.source}）`
  if (l.error) return html`<p class="err-text" id="last-ingest">${how}失败：${l.error}</p>`
  return l.failed
    ? html`<p class="err-text" id="last-ingest">${how}，${l.failed}个文件没能导入，原因写在下面各文件下。</p>`
    : html`<p class="muted" id="last-ingest">${how}，全部文件都已导入。</p>`
}

const docRow = (doc: KnowledgeDoc) =>
  html`<li class="doc"><div class="doc-main"><b>${doc.title || doc.path}</b><br><small class="muted">${doc.path} · ${Math.ceil(doc.bytes / 1024)} KB${doc.chunks !== undefined ? ` · ${doc.chunks}个段落` : ''}</small>
${doc.error
  ? html`<div class="err-text small doc-error">导入失败：${ingestReason(doc.error)}<details><summary>技术细节</summary><code>${doc.error}</code></details></div>`
  : !doc.indexed ? html`<div class="warn-text small">还没有建立索引（点「重新建立索引」）</div>` : ''}</div>
<a class="button small danger" href="/console/ops/knowledge/confirm-remove?doc=${encodeURIComponent(doc.path)}">删除</a></li>`

export function knowledgePage(p: Page, d: { docs: KnowledgeDoc[]; builtAt?: string; embedder?: string; lastIngest?: LastIngest; progress: IngestProgress; tried?: TryResult; evalFigures?: EvalFigures }): string {
  const pr = d.progress
  const t = d.tried
  const embedder = d.embedder ? (d.embedder.startsWith('offline:') ? '离线向量' : `向量模型 ${d.embedder}`) : ''
  return layout(
    p,
    '知识库',
    html`<section class="card"><h2>资料（${d.docs.length}）</h2>
<p class="muted">索引建立于 ${d.builtAt ? when(Date.parse(d.builtAt), p.tz) : '（尚未建立）'}${embedder ? ` · ${embedder}` : ''}</p>
${lastIngestLine(d.lastIngest, p.tz)}
${d.docs.length ? html`<ul class="docs">${d.docs.map(docRow)}</ul>` : html`<p class="muted">知识库里还没有资料。上传微家的服务指南、活动规则、求助热线等文件，助手就能据此回答居民的问题。</p>`}
<form method="post" action="/console/ops/knowledge/upload" enctype="multipart/form-data">${csrfField(p)}<label>上传资料（.md .txt .html .docx .pdf，10 MB 以内）<input type="file" name="file" required></label><button>上传</button></form>
</section>
<section class="card"><h2>重新建立索引</h2>
<div id="ingest" data-running="${pr.running ? '1' : ''}">${pr.running || pr.finishedAt ? html`<progress id="ingest-bar" max="100" value="${pr.running ? 0 : pr.error ? 0 : 100}"></progress>` : ''}
<p id="ingest-text" class="muted">${pr.running ? '正在建立…' : pr.error ? `失败：${pr.error}` : pr.summary ? `完成：${pr.summary.files}个文件，${pr.summary.chunks}个段落（新增${pr.summary.added}，更新${pr.summary.updated}，删除${pr.summary.removed}，失败${pr.summary.failed}），用时${(pr.summary.ms / 1000).toFixed(1)}秒` : '机器人每次启动都会自动导入。上传或删除资料后，点下面的按钮让助手马上用上。'}</p></div>
<form method="post" action="/console/ops/knowledge/reingest">${csrfField(p)}<button id="reingest">重新建立索引</button></form></section>
<section class="card"><h2>试问一个问题</h2>
<form method="post" action="/console/ops/knowledge/ask">${csrfField(p)}<label>问题<input name="q" value="${t?.question ?? ''}" required maxlength="200" placeholder="家聚会一般什么时候？"></label><button>提问</button></form>
${t
  ? html`<div class="answer"><p>${badge(t.grounded ? '资料覆盖' : '资料未覆盖', t.grounded ? 'accepted' : 'red')} <small class="muted">覆盖度 ${t.coverage} · 相似度 ${t.similarity}</small></p>
<p>${multiline(t.answer)}</p><h3>来源</h3><ol class="sources">${t.sources.map((s) => html`<li><b>${s.title ? `《${s.title}》` : s.doc}</b>${s.heading ? ` · ${s.heading}` : ''} <small class="muted">相关度 ${s.score.toFixed(3)}</small><br><small>${s.text}…</small></li>`)}</ol></div>`
  : ''}
</section>
<section class="card"><h2>评测</h2>
${d.evalFigures ? html`<p class="muted">${d.evalFigures.items}道题 · ${when(d.evalFigures.at, p.tz)}</p><dl>${Object.entries(d.evalFigures.figures).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : html`<p class="muted">还没有评测结果。</p>`}
<form method="post" action="/console/ops/knowledge/eval">${csrfField(p)}<button>运行评测（knowledge/eval/qa.jsonl）</button></form></section>`,
  )
}
