// The console end to end in a real browser (Debian's chromium through playwright-core), on the sandbox bot
// with real Redis: links asked for in chat, a case accepted, capacity raised, a document uploaded and used,
// and the refusals (roles, used or expired links, a form without its CSRF token); the login QR code driven
// through the Wechaty adapter; the bot's start-up ingest failures shown. Screenshots of every page at 390 px
// and desktop width go to test-artifacts/console/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectPath } from '../src/core/paths.ts'
import { qrDataUrl } from '../src/console/status.ts'
import { when } from '../src/console/views.ts'
import { referralTexts } from '../src/referrals/texts.ts'
import { startConsoleWorld, type ConsoleWorld } from '../src/console/testing.ts'

const SHOTS = projectPath('test-artifacts', 'console')
const PASSWORD = 'operator-test-pass'
const DESCRIPTION = '我想咨询一下离婚后孩子抚养费的问题，可以找人帮忙吗'
const CONTACT = '微信联系就行'
const NOTE = '已电话约好周三上午面谈'
/** Broken documents in the knowledge folder from the start: the bot's start-up ingest must report them. */
const BROKEN = { '空白.docx': Buffer.alloc(0), '损坏的通知.docx': Buffer.from('PK\x03\x04 not really a zip') }

let w: ConsoleWorld
let browser: Browser
const contexts: BrowserContext[] = []

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true })
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 1280, height: 800 })
  await frames(page)
  await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true })
  await page.setViewportSize(size)
  await frames(page)
}

/** Lets the page lay out again (charts redraw on resize) before the next screenshot. */
const frames = (page: Page) => page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(ok))))')

async function phone(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN' })
  contexts.push(ctx)
  return ctx.newPage()
}

/** Asks the bot for a link in private chat, as a person would. */
async function linkFor(name: string): Promise<string> {
  const before = w.sent.length
  w.rt.world.sayPrivate(name, '控制台')
  const msg = await w.waitSent((a) => a.kind === 'private' && a.to === name && /console\/login\//.test(a.text) && w.sent.indexOf(a) >= before)
  return /http\S+/.exec(msg.text)![0]
}

async function signIn(page: Page, link: string) {
  await page.goto(link)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/console\/(cases|activities|ops)/)
}

/** Waits until a condition on the server side holds (a Redis write the adapter fired and forgot). */
async function until(what: string, cond: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function operatorSignIn(page: Page) {
  await page.goto(`${w.url}/console/login`)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(/\/console\/ops$/)
}

/** Waits until the element shows the text (playwright-core has no expect of its own). */
async function sees(loc: Locator, text: string | RegExp, opts: { timeout?: number } = {}) {
  await loc.filter({ hasText: text }).first().waitFor({ timeout: opts.timeout ?? 10_000 })
}

const groupSaid = (pred: (t: string) => boolean) => (a: { kind: string; text: string }) => a.kind === 'room' && pred(a.text)

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  ;[w, browser] = await Promise.all([
    startConsoleWorld({ password: PASSWORD, knowledge: BROKEN, unpaced: true }),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] }),
  ])
  // The Q&A's start-up ingest is done once a question is answered from the documents.
  w.rt.world.say('王芳', '家聚会一般都做些什么？', { mentionBot: true })
  await w.waitSent(groupSaid((t) => t.includes('《')), 30_000)
}, 60_000)

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await browser?.close()
  await w?.stop()
})

describe('console', { timeout: 60_000 }, () => {
  let caseId = ''
  let staffLink = ''

  it('a resident asking for a link gets a polite no', async () => {
    w.rt.world.sayPrivate('王芳', '控制台')
    const reply = await w.waitSent((a) => a.kind === 'private' && a.to === '王芳' && a.text.includes('控制台'))
    expect(reply.text).toContain('抱歉')
    expect(reply.text).not.toMatch(/http/)
  })

  it('staff: link from chat, inbox, case page, accept → the resident is told in chat', async () => {
    const world = w.rt.world
    world.sayPrivate('赵敏', DESCRIPTION)
    await w.waitSent((a) => a.kind === 'private' && a.to === '赵敏' && a.text.includes('同意'))
    world.sayPrivate('赵敏', '同意')
    await w.waitSent((a) => a.kind === 'private' && a.to === '赵敏' && a.text === referralTexts.askContact)
    world.sayPrivate('赵敏', CONTACT)
    const created = await w.waitSent((a) => a.kind === 'private' && a.to === '赵敏' && a.text.includes('已登记'))
    caseId = /R-\d{8}-\d{4}/.exec(created.text)![0]

    staffLink = await linkFor('小王')
    const page = await phone()
    await signIn(page, staffLink)
    await sees(page.locator('main'), caseId)
    // Lists never show what the resident said or how to reach her.
    expect(await page.content()).not.toContain('抚养费')
    expect(await page.content()).not.toContain(CONTACT)
    await sees(page.locator('.left').first(), /后升级|超时/)
    await shoot(page, 'staff-inbox')

    await page.getByRole('link', { name: new RegExp(caseId) }).click()
    await page.waitForURL(new RegExp(`/console/cases/${caseId}$`))
    await sees(page.locator('.request'), '抚养费')
    await sees(page.locator('main'), CONTACT)
    await sees(page.locator('.audit'), '查看详情')
    await shoot(page, 'staff-case')

    await page.getByRole('button', { name: '接单' }).click()
    await sees(page.locator('.flash.ok'), caseId)
    const notice = await w.waitSent((a) => a.kind === 'private' && a.to === '赵敏' && a.text === referralTexts.caseAcknowledged(caseId, '小王'))
    expect(notice.text).not.toContain('抚养费')

    await page.getByLabel('添加备注').fill(NOTE)
    await page.getByRole('button', { name: '保存备注' }).click()
    await sees(page.locator('.notes'), NOTE)
    await sees(page.locator('.audit'), '添加备注')
    await shoot(page, 'staff-case-accepted')
  })

  it('a used link and an expired link are refused', async () => {
    const page = await phone()
    const used = await page.goto(staffLink)
    expect(used!.status()).toBe(410)
    await sees(page.locator('main'), '已经用过或已过期')
    await shoot(page, 'link-refused')

    const fresh = await linkFor('小王')
    const token = fresh.split('/').pop()!
    // Let Redis expire it (as after 10 minutes), then wait for the key to be gone.
    const { createHash } = await import('node:crypto')
    const key = `${w.rt.config.redis.prefix}:console:link:${createHash('sha256').update(token).digest('hex')}`
    expect(await w.rt.redis.exists(key)).toBe(1)
    await w.rt.redis.pexpire(key, 1)
    while (await w.rt.redis.exists(key)) await new Promise((r) => setImmediate(r))
    const expired = await page.goto(fresh)
    expect(expired!.status()).toBe(410)
  })

  it('host: raising capacity promotes the waitlist and @-mentions her in the group; exports; roles enforced', async () => {
    const world = w.rt.world
    world.say('李姐', '发布活动 下周六下午2点 编织课 微家活动室 限1人', { mentionBot: true })
    await w.waitSent(groupSaid((t) => t.includes('编织课') && t.includes('报名')))
    world.say('王芳', '报名')
    // 王芳 first, so she takes the one place and 张丽 is waitlisted.
    await w.waitSent(groupSaid((t) => t.includes('已登记') && t.includes('王芳')))
    world.say('张丽', '报名')
    await w.waitSent(groupSaid((t) => t.includes('候补')))
    // An activity of another group: this host must not see it.
    world.say('陈姐', '发布活动 下周日上午10点 书法课 和平里社区活动中心 限10人', { groupId: 'heping', mentionBot: true })
    await w.waitSent(groupSaid((t) => t.includes('书法课')))
    await w.idle()

    const page = await phone()
    await signIn(page, await linkFor('李姐'))
    await sees(page.locator('main'), '编织课')
    expect(await page.locator('main').innerText()).not.toContain('书法课')
    await shoot(page, 'host-activities')
    await page.getByRole('link', { name: /编织课/ }).click()
    const activityUrl = page.url()
    await sees(page.locator('main'), '候补（1）')
    await shoot(page, 'host-activity')

    await page.getByLabel('名额').fill('2')
    await page.locator('form:has(input[name="field"][value="capacity"]) button').click()
    await page.locator('.flash.ok').waitFor()
    const promoted = await w.waitSent((a) => a.kind === 'room' && a.mentions.includes('张丽') && /转正|候补/.test(a.text))
    expect(promoted.to).toBe('幸福里妇女微家')
    await page.reload()
    await sees(page.locator('main'), '候补（0）')

    const csv = await page.request.get(`${activityUrl}/export.csv`)
    const body = Buffer.from(await csv.body())
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(body.toString('utf8')).toContain('张丽')
    const xlsx = await page.request.get(`${activityUrl}/export.xlsx`)
    expect(Buffer.from(await xlsx.body()).subarray(0, 2).toString()).toBe('PK')

    await page.goto(`${activityUrl}/confirm/close`)
    await shoot(page, 'host-confirm')
    await page.getByRole('button', { name: '确定' }).click()
    await w.waitSent(groupSaid((t) => t.includes('编织课') && t.includes('截止')))

    // 403s: a case page, another group's roster, the operator's pages.
    const otherId = (await w.rt.redis.keys(`${w.rt.config.redis.prefix}:signups:act:*`)).map((k) => k.split(':')).filter((p) => p.length === 4).map((p) => Number(p[3]))
    const signups = await Promise.all(otherId.map(async (id) => ({ id, group: await w.rt.redis.hget(`${w.rt.config.redis.prefix}:signups:act:${id}`, 'groupId') })))
    const heping = signups.find((s) => s.group === 'heping')!
    expect((await page.goto(`${w.url}/console/cases/${caseId}`))!.status()).toBe(403)
    expect((await page.goto(`${w.url}/console/activities/${heping.id}`))!.status()).toBe(403)
    expect((await page.request.get(`${w.url}/console/activities/${heping.id}/export.csv`)).status()).toBe(403)
    expect((await page.goto(`${w.url}/console/ops`))!.status()).toBe(403)
    expect((await page.goto(`${w.url}/console/queues`))!.status()).toBe(403)
    await shoot(page, 'host-forbidden')
    // Positive control: her own activity still opens.
    expect((await page.goto(activityUrl))!.status()).toBe(200)
  })

  it('a form without the CSRF token is refused, the same form with it works', async () => {
    const page = await phone()
    await signIn(page, await linkFor('小王'))
    const without = await page.request.post(`${w.url}/console/cases/${caseId}/note`, { form: { text: '没有令牌的备注' } })
    expect(without.status()).toBe(403)
    await page.goto(`${w.url}/console/cases/${caseId}`)
    expect(await page.locator('main').innerText()).not.toContain('没有令牌的备注')
    const token = await page.locator('form[action$="/note"] input[name="_csrf"]').inputValue()
    const withToken = await page.request.post(`${w.url}/console/cases/${caseId}/note`, { form: { text: '有令牌的备注', _csrf: token }, maxRedirects: 0 })
    expect(withToken.status()).toBe(303)
    await page.reload()
    await sees(page.locator('.notes'), '有令牌的备注')
  })

  it('host: reminders listed with next times; a new one previewed before saving', async () => {
    const page = await phone()
    await signIn(page, await linkFor('李姐'))
    await page.goto(`${w.url}/console/reminders`)
    await sees(page.locator('main'), '家接待')
    await page.getByLabel('和群里一样说').fill('每周五下午3点 手工课')
    await page.getByRole('button', { name: '预览' }).click()
    await sees(page.locator('.preview'), '周五')
    await shoot(page, 'host-reminder-preview')
    await page.getByRole('button', { name: '保存' }).click()
    await page.locator('.flash.ok').waitFor()
    await sees(page.locator('main'), '手工课')
    await page.locator('li:has-text("手工课") button', { hasText: '暂停' }).click()
    await sees(page.locator('li:has-text("手工课")'), '已暂停')
    await shoot(page, 'host-reminders')
  })

  it('operator: status, queues, upload + re-ingest, try a question, and the group is answered from the new document', async () => {
    const page = await phone()
    await page.goto(`${w.url}/console/login`)
    await shoot(page, 'login')
    await operatorSignIn(page)
    await sees(page.locator('main'), '在线')
    // The charts are drawn (Chart.js marks each canvas it renders into); a chart with no data is a sentence instead.
    await page.locator('canvas[style]').first().waitFor()
    await page.locator('canvas:not([style])').first().waitFor({ state: 'detached' })
    await shoot(page, 'operator-status')
    expect((await page.goto(`${w.url}/console/queues`))!.status()).toBe(200)

    // The bot's own start-up ingest (not the console's) met the broken files: each row says why.
    await page.goto(`${w.url}/console/ops/knowledge`)
    await sees(page.locator('#last-ingest'), '机器人启动时')
    await sees(page.locator('#last-ingest'), '2个文件没能导入')
    for (const name of Object.keys(BROKEN)) await sees(page.locator(`.doc:has-text("${name}") .doc-error`), '不是能打开的 Word 文件')
    // Positive control: a good document has its passages and no error.
    const good = page.locator('.doc:has-text("微家服务指南.md")')
    await sees(good, '个段落')
    expect(await good.locator('.doc-error').count()).toBe(0)
    await shoot(page, 'operator-knowledge-errors')

    await page.setInputFiles('input[type="file"]', {
      name: '编织角.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# 幸福里编织角\n\n## 时间地点\n\n幸福里编织角每周四晚上七点在社区三楼手工室活动，毛线和棒针由微家免费提供，零基础也可以参加。\n'),
    })
    await page.getByRole('button', { name: '上传', exact: true }).click()
    await sees(page.locator('.flash.ok'), '编织角')
    await page.getByRole('button', { name: '重新建立索引' }).click()
    await sees(page.locator('#ingest-text'), '完成', { timeout: 30_000 })
    await sees(page.locator('.docs'), '幸福里编织角')
    await sees(page.locator('#last-ingest'), '控制台重新建立')
    await sees(page.locator('#last-ingest'), '2个文件没能导入')
    await shoot(page, 'operator-knowledge')

    await page.getByLabel('问题').fill('编织角在哪里活动？')
    await page.getByRole('button', { name: '提问' }).click()
    await sees(page.locator('.answer'), '手工室')
    await sees(page.locator('.sources'), '幸福里编织角')
    await shoot(page, 'operator-try')

    w.rt.world.say('张丽', '编织角在哪里活动？', { mentionBot: true })
    const answer = await w.waitSent(groupSaid((t) => t.includes('手工室')), 20_000)
    expect(answer.text).toContain('编织角')
  })

  it('operator: the login QR code while the bot waits for a scan, then who logged in and since when', async () => {
    // Through the same path as a real puppet: puppet events → Wechaty → attachWechaty's observer → the recorder.
    const bot = w.rt.world!.bot
    const puppet = bot.puppet as unknown as { logout(reason: string): Promise<void>; login(id: string): void; emit(event: string, payload: unknown): boolean }
    const stateKey = `${w.rt.config.redis.prefix}:console:bot`
    const state = () => w.rt.redis.hget(stateKey, 'state')
    const QR = 'https://login.weixin.qq.com/l/weijia-test-code'
    const page = await phone()
    await operatorSignIn(page)
    await sees(page.locator('#login-state'), '在线')

    await puppet.logout('test: WeChat ended the session')
    await until('the offline state', async () => (await state()) === 'offline')
    await page.reload()
    await sees(page.locator('#login-state'), '已掉线')
    await shoot(page, 'operator-offline')

    puppet.emit('scan', { qrcode: QR, status: 2 })
    await until('the scan state', async () => (await state()) === 'scan')
    await page.reload()
    await sees(page.locator('#login-state'), '请用机器人的微信')
    const img = page.locator('#login-state img.qr')
    // The image is the QR code of exactly the code the puppet handed over.
    expect(await img.getAttribute('src')).toBe(await qrDataUrl(QR))
    expect(await img.evaluate((el) => (el as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBe(240)
    await shoot(page, 'operator-login-qr')

    const backOnline = w.sent.length
    puppet.login(w.rt.world!.me.id)
    // The mock never emits ready by itself (see mock-world.ts); a real puppet does after login.
    puppet.emit('ready', { data: '' })
    await until('the online state', async () => (await state()) === 'online')
    // The bot tells staff it is back: it can send again.
    await w.waitSent((a) => a.kind === 'private' && a.text.includes('现已恢复') && w.sent.indexOf(a) >= backOnline)
    await page.reload()
    await sees(page.locator('#login-state'), `在线：${w.rt.config.bot.name}`)
    const since = Number(await w.rt.redis.hget(stateKey, 'since'))
    await sees(page.locator('#login-state'), `登录于 ${when(since, w.rt.config.timezone)}`)
    // The QR code shown before is gone.
    expect(await page.locator('#login-state img').count()).toBe(0)
    await shoot(page, 'operator-login-online')
  })

  it('no case detail in any log line', () => {
    const all = w.logs.join('')
    expect(all).toContain(caseId) // positive control: the case is logged by its id
    for (const secret of ['抚养费', CONTACT, NOTE, '有令牌的备注']) expect(all).not.toContain(secret)
  })
})
