// Measures the console on the sandbox data: server render time of every page (median and worst of 20
// requests each) and the RSS the console adds to the bot process. Prints measured figures; asserts nothing.
// Run: npx tsx scripts/bench-console.ts
import { boot } from '../src/main.ts'
import { startConsoleWorld } from '../src/console/testing.ts'
import { deleteByPrefix } from '../src/adapters/redis/keys.ts'
import { silentLogger } from '../src/core/log.ts'

const RUNS = 20
const mb = (b: number) => (b / 1024 / 1024).toFixed(1)
const settle = async () => {
  for (let i = 0; i < 5; i++) {
    global.gc?.()
    await new Promise((r) => setTimeout(r, 200))
  }
  return process.memoryUsage().rss
}

async function rssOfBot(withConsole: boolean): Promise<number> {
  const prefix = `wjbench-console-rss-${process.pid}-${withConsole ? 1 : 0}`
  process.env.WECHATY_LOG = 'silent'
  const rt = await boot({ mode: 'sandbox', redisPrefix: prefix, console: withConsole, log: silentLogger() })
  await settle()
  const rss = await settle()
  await rt.stop((redis) => deleteByPrefix(redis, prefix).then(() => undefined))
  return rss
}

async function cookieFor(url: string, link: string): Promise<string> {
  const page = await fetch(link)
  const csrfCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!
  const res = await fetch(link, { method: 'POST', redirect: 'manual', headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(token)}` })
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
}

async function time(url: string, cookie: string): Promise<{ median: number; worst: number; status: number }> {
  const ms: number[] = []
  let status = 0
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now()
    const res = await fetch(url, { headers: { cookie } })
    await res.arrayBuffer()
    status = res.status
    if (i >= 2) ms.push(performance.now() - t) // two warm-up requests
  }
  ms.sort((a, b) => a - b)
  return { median: ms[Math.floor(ms.length / 2)]!, worst: ms[ms.length - 1]!, status }
}

const mode = process.argv[2]
if (mode === 'rss') {
  // One process per measurement, so the two figures do not share a heap.
  const withConsole = process.argv[3] === 'on'
  process.stdout.write(`${await rssOfBot(withConsole)}\n`)
  process.exit(0)
}

const { execFileSync } = await import('node:child_process')
const rss = (on: boolean) => Number(execFileSync('npx', ['tsx', '--expose-gc', 'scripts/bench-console.ts', 'rss', on ? 'on' : 'off'], { encoding: 'utf8' }).trim())
const off = [rss(false), rss(false), rss(false)].sort((a, b) => a - b)[1]!
const on = [rss(true), rss(true), rss(true)].sort((a, b) => a - b)[1]!
console.log(`RSS of the sandbox bot after start (median of 3 processes): without console ${mb(off)} MB, with console ${mb(on)} MB, added ${mb(on - off)} MB`)

const w = await startConsoleWorld({ password: 'bench-password' })
try {
  // Sandbox data as a newcomer would see it (the sandbox's own seed), plus one more case.
  const { sandboxConsole } = await import('../src/console/sandbox.ts')
  await sandboxConsole(w.rt)
  const world = w.rt.world
  w.rt.world.say('王芳', '家聚会一般都做些什么？', { mentionBot: true })
  await w.waitSent((a) => a.kind === 'room' && a.text.includes('《'), 30_000)
  const link = async (name: string) => {
    world.sayPrivate(name, '控制台')
    const m = await w.waitSent((a) => a.kind === 'private' && a.to === name && a.text.includes('/console/login/') && !used.has(a.text))
    used.add(m.text)
    return /http\S+/.exec(m.text)![0]
  }
  const used = new Set<string>()
  const staff = await cookieFor(w.url, await link('小王'))
  const host = await cookieFor(w.url, await link('李姐'))
  const loginPage = await fetch(`${w.url}/console/login`)
  const csrf = loginPage.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!
  const opRes = await fetch(`${w.url}/console/login`, { method: 'POST', redirect: 'manual', headers: { cookie: csrf, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(token)}&password=bench-password` })
  const operator = opRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const caseList = await (await fetch(`${w.url}/console/cases`, { headers: { cookie: staff } })).text()
  const caseId = /R-\d{8}-\d{4}/.exec(caseList)?.[0]
  const pages: [string, string, string][] = [
    ['staff', '/console/cases', staff],
    ...(caseId ? ([['staff', `/console/cases/${caseId}`, staff]] as [string, string, string][]) : []),
    ['host', '/console/activities', host],
    ['host', '/console/activities/1', host],
    ['host', '/console/reminders', host],
    ['operator', '/console/ops', operator],
    ['operator', '/console/ops/knowledge', operator],
    ['operator', '/console/queues', operator],
    ['anyone', '/console/login', ''],
  ]
  console.log(`\nServer render time per page (${RUNS} requests each, after 2 warm-up; sandbox data):`)
  for (const [who, path, cookie] of pages) {
    const r = await time(`${w.url}${path}`, cookie)
    console.log(`  ${path.padEnd(34)} ${who.padEnd(9)} HTTP ${r.status}  median ${r.median.toFixed(1)} ms  worst ${r.worst.toFixed(1)} ms`)
  }
} finally {
  await w.stop()
}
process.exit(0)
