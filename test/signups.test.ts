// Sign-ups end to end: the real app on the mock puppet, real Redis, real queues and outbox.
import { afterEach, describe, expect, it } from 'vitest'
import type { InboundMessage } from '../src/core/message.ts'
import { parseScript } from '../src/sandbox/script.ts'
import { testConfig } from '../src/testing/config.ts'
import { perform, waitIdle } from '../src/sandbox/runner.ts'
import { createSignups } from '../src/signups/index.ts'
import { createReferrals } from '../src/referrals/index.ts'
import { referralTexts } from '../src/referrals/texts.ts'
import type { SignupService } from '../src/signups/service.ts'
import { texts as signupTexts } from '../src/signups/texts.ts'
import type { SentMessage } from '../src/core/message.ts'
import { startTestBot, type TestBot } from '../src/testing/bot.ts'
import { wallClock } from '../src/core/tz.ts'
import { testRedis } from '../src/testing/redis.ts'
import { startOpenAiStub } from '../src/testing/openai-stub.ts'
import { OpenAiLlm } from '../src/adapters/openai/llm.ts'

const FLOOD = { flood: { perSender: { max: 1000, windowSec: 60 }, perRoom: { max: 10_000, windowSec: 60 } } }
/**
 * The group without quiet hours: a reminder due in a few seconds must not move to the end of quiet hours because the
 * suite happens to run in the early morning (Asia/Shanghai).
 */
const NO_QUIET = { groups: testConfig().groups.map((g) => ({ ...g, quietHours: { start: '00:00', end: '00:00' } })) }

let bots: TestBot[] = []
afterEach(async () => {
  for (const b of bots) await b.stop().catch(() => undefined)
  bots = []
})

async function boot(opts: { settings?: Parameters<typeof createSignups>[0]; store?: Awaited<ReturnType<typeof testRedis>>; config?: Record<string, unknown> } = {}) {
  let svc: SignupService | undefined
  const cap = createSignups({ ...opts.settings, settings: { batchWindowMs: 400, ...opts.settings?.settings }, expose: (s) => (svc = s) })
  const bot = await startTestBot({ capabilities: [cap], config: { ...FLOOD, ...opts.config }, store: opts.store })
  bots.push(bot)
  const files: SentMessage[] = []
  bot.app.onSent((job) => job.file && files.push(job))
  return { bot, svc: svc!, files }
}

const texts = (bot: TestBot) => bot.sent.map((s) => s.text)
/** Says it and waits until the bot has handled it, so the next message comes after (the mock may reorder near-simultaneous ones). */
const say = (bot: TestBot, name: string, text: string, mentionBot = false) => bot.world.say(name, text, { mentionBot })

describe('signups end to end (sandbox script harness)', () => {
  it('announce → sign-ups → full → waitlist → cancel → promotion → roster → export', async () => {
    const { bot, svc, files } = await boot()
    const script = parseScript(
      `
李姐: @小助手 发布活动 下周六下午2点 亲子阅读 微家活动室 限3人
/idle
王芳: 报名
张丽: 算我一个
赵敏: +1
孙梅: 我报名
/idle
王芳: 不去了
/idle
李姐: 名单
李姐: 导出
`,
      '小助手',
    )
    for (const action of script) await perform(bot.world, action, bot.app)
    expect(await waitIdle(bot.app, 20_000)).toBe(true)

    const all = texts(bot)
    const announcement = all.find((t) => t.startsWith('【活动'))!
    expect(announcement).toMatch(/亲子阅读[\s\S]*时间：\d+月\d+日（周六）14:00[\s\S]*地点：微家活动室[\s\S]*名额：3人[\s\S]*报名/u)
    // One summary for the four sign-ups that arrived together.
    const summaries = all.filter((t) => t.includes('已登记'))
    expect(summaries).toHaveLength(1)
    expect(summaries[0]).toContain('已登记：王芳、张丽、赵敏（3/3）')
    expect(summaries[0]).toContain('候补：孙梅（第1位）')
    // Cancellation promotes 孙梅, who is @-mentioned.
    const promo = bot.sent.find((s) => s.text.includes('候补转正'))!
    expect(promo.text).toContain('已取消报名：王芳')
    expect(promo.mentions).toEqual(['孙梅'])
    const roster = all.find((t) => t.includes('已报名（3/3）'))!
    expect(roster).toMatch(/1\. 张丽\n2\. 赵敏\n3\. 孙梅/u)
    // Export: a CSV file to the host in private.
    const exported = files.find((f) => f.to.kind === 'private')!
    expect(exported.to).toMatchObject({ kind: 'private', name: '李姐' })
    expect(exported.file!.name).toMatch(/^活动\d+-亲子阅读-.*\.csv$/u)
    const lines = exported.file!.content.replace(/^\uFEFF/u, '').trim().split('\r\n')
    expect(lines[0]).toBe('序号,姓名,状态,登记人,报名时间')
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 3).join(','))).toEqual(['张丽,已报名', '赵敏,已报名', '孙梅,已报名'])
    const live = await svc.store.live('xingfuli', Date.now())
    expect(await svc.store.counts(live[0]!.id)).toEqual({ confirmed: 3, waiting: 0 })
  })
})

describe('signups in the group', () => {
  it('"写错了，改成下午3点" right after an announcement that went out at once fixes that activity, keeping its day; a resident saying it changes nothing', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 插花课 社区图书室 限12人', true)
    await bot.idle()
    const [before] = await svc.store.live('xingfuli', svc.now())
    expect(wallClock(before!.startAt, svc.tz)).toMatchObject({ hour: 14, minute: 0 })
    await say(bot, '王芳', '写错了，改成下午4点')
    await bot.idle()
    // Control: a resident's words move nothing.
    expect((await svc.store.get(before!.id))!.startAt).toBe(before!.startAt)
    await say(bot, '李姐', '写错了，改成下午3点')
    await bot.idle()
    await say(bot, '李姐', '地点也写错了，是微家活动室')
    await bot.idle()
    const after = (await svc.store.get(before!.id))!
    expect(wallClock(after.startAt, svc.tz)).toMatchObject({ ...wallClock(before!.startAt, svc.tz), hour: 15, minute: 0 })
    expect(after.place).toBe('微家活动室')
    expect(texts(bot).filter((t) => t.startsWith('【变更】活动1'))).toHaveLength(2)
  })

  it('a clock without 上午/下午 in a correction keeps the half of the day: "改成八点" to a 晚上7点 draft is 20:00; "时间也改下 改成三点" to the 下午两点 activity just published is 15:00, another one open', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '下周五晚上7点 微家活动室 电影之夜 限20人')
    await bot.idle()
    expect(texts(bot).at(-1)).toMatch(/^活动草稿：电影之夜\n时间：\d+月\d+日（周五）19:00/u)
    await say(bot, '李姐', '写错了 改成八点')
    await bot.idle()
    expect(texts(bot).at(-1)).toMatch(/^活动草稿：电影之夜\n时间：\d+月\d+日（周五）20:00/u)
    await say(bot, '李姐', '确认')
    await bot.idle()
    const [film] = await svc.store.live('xingfuli', svc.now())
    expect(wallClock(film!.startAt, svc.tz)).toMatchObject({ hour: 20, minute: 0 })

    await say(bot, '小王', '@小助手 发布活动 下周六下午两点 插花课 社区图书室 限12人', true)
    await bot.idle()
    const flowers = (await svc.store.live('xingfuli', svc.now())).find((a) => a.title === '插花课')!
    await say(bot, '小王', '时间也改下 改成三点')
    await bot.idle()
    const after = (await svc.store.get(flowers.id))!
    expect(wallClock(after.startAt, svc.tz)).toMatchObject({ ...wallClock(flowers.startAt, svc.tz), hour: 15, minute: 0 })
    // Control: the evening film, 李姐's, is untouched by 小王's correction.
    expect((await svc.store.get(film!.id))!.startAt).toBe(film!.startAt)
  })

  it('sign-ups racing the announcement are held and applied once it is published; with none coming, the resident is told', async () => {
    const { bot, svc } = await boot({ settings: { settings: { holdMs: 1500 } } })
    // No activity and none being announced: after the grace period, a plain answer (not silence).
    await say(bot, '周姐', '报名')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    expect(bot.sent.filter((s) => s.mentions.includes('周姐')).map((s) => s.text)).toEqual(['现在群里没有正在报名的活动。'])

    // The host announces and residents reply at once, before the bot has published: nobody is lost.
    bot.world.say('李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 微家活动室 限2人', { mentionBot: true })
    for (const name of ['王芳', '张丽', '赵敏']) bot.world.say(name, '报名')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    const [a] = await svc.store.live('xingfuli', Date.now())
    const roster = await svc.store.roster(a!.id)
    expect([...roster.confirmed, ...roster.waitlist].map((e) => e.name).sort()).toEqual(['张丽', '王芳', '赵敏'].sort())
    expect(roster.confirmed).toHaveLength(2)
    // Each was told, in the summary, and nobody got the "no activity" answer this time.
    const told = texts(bot).join('\n')
    for (const name of ['王芳', '张丽', '赵敏']) expect(told).toContain(name)
    expect(bot.sent.filter((s) => s.text === '现在群里没有正在报名的活动。')).toHaveLength(1)
  })

  it('a held sign-up written in Traditional characters, with no activity coming, is told so in them', async () => {
    const { bot } = await boot({ settings: { settings: { holdMs: 1500 } } })
    await say(bot, '陈静', '我報名')
    await say(bot, '周姐', '报名')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    expect(bot.sent.filter((s) => s.mentions.includes('陈静')).map((s) => s.text)).toEqual(['現在群裡沒有正在報名的活動。'])
    // Control: in Simplified, in Simplified.
    expect(bot.sent.filter((s) => s.mentions.includes('周姐')).map((s) => s.text)).toEqual(['现在群里没有正在报名的活动。'])
  })

  it('a cancellation while her sign-up is still held for the announcement takes it back there; the others are applied on publish', async () => {
    // The grace period outlasts the idle horizon, so the sign-ups stay held until the host publishes.
    const { bot, svc } = await boot({ settings: { settings: { holdMs: 15_000 } } })
    await say(bot, '王芳', '帮我和婆婆报名')
    await say(bot, '张丽', '报名')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    expect(await svc.store.live('xingfuli', Date.now())).toEqual([])
    await say(bot, '王芳', '我婆婆去不了了')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    expect(texts(bot).at(-1)).toBe('好的，您刚才的报名已撤回。')
    bot.world.say('李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 微家活动室 限5人', { mentionBot: true })
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    const [a] = await svc.store.live('xingfuli', Date.now())
    const roster = await svc.store.roster(a!.id)
    // 王芳 herself and 张丽 are in; the mother-in-law she took back is not.
    expect(roster.confirmed.map((e) => e.name).sort()).toEqual(['张丽', '王芳'].sort())
  })

  it('family sign-ups: a relative is a place, not a worry; "+3 我和两个孩子" is the sender and two children', async () => {
    const { bot, svc } = await boot()
    bot.world.say('李姐', '@小助手 发布活动 下周六下午2点 包饺子 活动室 限10人', { mentionBot: true })
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    await say(bot, '王芳', '帮我婆婆也报个名')
    await say(bot, '张丽', '+3 我和两个孩子')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    const [a] = await svc.store.live('xingfuli', Date.now())
    const names = (await svc.store.roster(a!.id)).confirmed.map((e) => e.name)
    expect(names.sort()).toEqual(['王芳的婆婆', '张丽', '张丽的孩子', '张丽的孩子2'].sort())
    // Naming a mother-in-law is not a disclosure: no private check-in (the sign-up itself is the control).
    expect(bot.sent.filter((s) => s.kind === 'private' && s.to === '王芳')).toEqual([])
  })

  it('a resident asking to be reminded of what she signed up for is told the reminders already @ her; not signed up, she is told how', async () => {
    const { bot } = await boot()
    bot.world.say('李姐', '发布活动 下周六下午2点 插花课 微家活动室 限5人', { mentionBot: true })
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    bot.world.say('王芳', '插花我报一个')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    bot.world.say('王芳', '活动前一天提醒我一下')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    bot.world.say('张丽', '到时候提醒我一声哈')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    // The sign-up summary may go out before or after these replies (it waits for its batch window): find them by whom they @.
    const to = (name: string) => bot.sent.filter((s) => s.mentions?.includes(name)).at(-1)
    expect(to('王芳')).toMatchObject({ text: expect.stringMatching(/^好的，活动1「插花课」前一天\d+点和开始前会自动提醒/u) })
    expect(to('张丽')).toMatchObject({ text: signupTexts.remindNotSignedUp })
  })

  it('a host asked "which activity?" for a reminder answers "2" and the reminder is set for activity 2', async () => {
    const { bot } = await boot()
    for (const text of ['发布活动 下周六下午2点 插花课 微家活动室 限5人', '发布活动 下周日上午9点 太极拳 社区广场 限10人']) {
      bot.world.say('李姐', text, { mentionBot: true })
      expect(await waitIdle(bot.app, 20_000)).toBe(true)
    }
    bot.world.say('李姐', '活动前一晚只提醒报了名的')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    expect(texts(bot).at(-1)).toMatch(/您要提醒哪一个/u)
    bot.world.say('李姐', '2')
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    expect(texts(bot).at(-1)).toMatch(/^好的，活动2「太极拳」前一天\d+点和开始前会自动提醒/u)
  })

  it('a "+1" agreeing with ordinary chat is not a sign-up; after activity talk it is', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人', true)
    await bot.idle()
    await say(bot, '张丽', '今天天气真好，大家出去走走')
    await say(bot, '王芳', '+1')
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    expect((await svc.store.counts(a!.id)).confirmed).toBe(0)
    // Right after a sign-up, "+1" chains on.
    await say(bot, '赵敏', '报名')
    await say(bot, '孙梅', '+2 我和闺女')
    await bot.idle()
    const r = await svc.store.roster(a!.id)
    expect(r.confirmed.map((e) => e.name)).toEqual(['赵敏', '孙梅', '孙梅的闺女'])
  })

  it('a "+1" after "我也报" counts (activity talk by its meaning, not only by the older parser), and waits when full', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 明天上午10点 健康讲座 社区活动中心 限2人', true)
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    await say(bot, '王芳', '报名')
    await say(bot, '张丽', '我也报')
    await bot.idle()
    await say(bot, '刘阿姨', '+1')
    await bot.idle()
    const r = await svc.store.roster(a!.id)
    expect(r.confirmed.map((e) => e.name)).toEqual(['王芳', '张丽'])
    expect(r.waitlist.map((e) => e.name)).toEqual(['刘阿姨'])
  })

  it('a "+1" quoting the announcement counts even after chat', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人', true)
    await bot.idle()
    await say(bot, '张丽', '今天天气真好')
    const announcement = texts(bot).find((t) => t.startsWith('【活动'))!
    await say(bot, '王芳', `「小助手：${announcement}」\n- - - - - - - - - - - - - - -\n+1`)
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    expect((await svc.store.roster(a!.id)).confirmed.map((e) => e.name)).toEqual(['王芳'])
  })

  it('with several open activities a bare 报名 asks which; naming one signs up', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人', true)
    await say(bot, '李姐', '@小助手 发布活动 下周日上午9点 健康讲座 社区中心', true)
    await bot.idle()
    const [a1, a2] = (await svc.store.live('xingfuli', Date.now())).sort((x, y) => x.id - y.id)
    await say(bot, '王芳', '报名')
    await bot.idle()
    expect(texts(bot).some((t) => t.includes('您要报名哪一个') && t.includes(`活动${a1!.id}`) && t.includes(`活动${a2!.id}`))).toBe(true)
    await say(bot, '王芳', '报名 健康讲座')
    await say(bot, '张丽', `报名活动${a1!.id}`)
    await say(bot, '赵敏', '帮我婆婆报一个 亲子阅读')
    await bot.idle()
    expect((await svc.store.roster(a1!.id)).confirmed.map((e) => e.name)).toEqual(['张丽', '赵敏的婆婆'])
    expect((await svc.store.roster(a2!.id)).confirmed.map((e) => e.name)).toEqual(['王芳'])
  })

  it('a sign-up naming an activity the group does not have is asked about, never moved to the open one; the head of a title names it', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 做手工香包 活动室 限10人', true)
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    await say(bot, '王芳', '我想报插花 最近心情不好')
    await bot.idle()
    expect(texts(bot).some((t) => t.includes('群里没有「插花」这个活动') && t.includes(`活动${a!.id}「做手工香包」`))).toBe(true)
    expect((await svc.store.roster(a!.id)).confirmed).toEqual([])
    // Her answer to that question signs her up; another resident names it by its head word.
    await say(bot, '王芳', String(a!.id))
    await say(bot, '张丽', '报名香包')
    await bot.idle()
    expect((await svc.store.roster(a!.id)).confirmed.map((e) => e.name)).toEqual(['王芳', '张丽'])
  })

  it('questions are answered, not signed up; 接龙 lists merge', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限2人', true)
    await bot.idle()
    await say(bot, '王芳', '还有名额吗？')
    await bot.idle()
    expect(texts(bot).some((t) => t.includes('还有2个名额'))).toBe(true)
    await say(bot, '王芳', '报名')
    await bot.idle()
    await say(bot, '赵敏', '#接龙\n亲子阅读\n1. 王芳\n2. 张丽\n3. 赵敏')
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    const r = await svc.store.roster(a!.id)
    expect(r.confirmed.map((e) => e.name)).toEqual(['王芳', '张丽'])
    expect(r.waitlist.map((e) => e.name)).toEqual(['赵敏'])
    await say(bot, '赵敏', '我报上了没？')
    await bot.idle()
    expect(texts(bot).some((t) => t.includes('赵敏在候补第1位'))).toBe(true)
    expect((await svc.store.counts(a!.id)).confirmed).toBe(2)
  })

  it('a pasted 接龙 that writes listed people another way (Traditional script, 王芳婆婆 for 王芳的婆婆) adds nobody twice', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周三上午9点半 插花课 限4人', true)
    await bot.idle()
    await say(bot, '王芳', '我和我婆婆报名')
    await say(bot, '张丽', '我跟闺蜜陈静两个都报')
    await bot.idle()
    await say(bot, '刘阿姨', '#接龙\n插花课\n1. 王芳\n2. 王芳婆婆\n3. 張麗\n4. 陳靜\n5. 刘阿姨')
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    const r = await svc.store.roster(a!.id)
    expect(r.confirmed.map((e) => e.name)).toEqual(['王芳', '王芳的婆婆', '张丽', '陈静'])
    expect(r.waitlist.map((e) => e.name)).toEqual(['刘阿姨'])
  })

  it('sign-ups arriving together get one summary; later ones another', async () => {
    const { bot } = await boot({ settings: { settings: { batchWindowMs: 800 } } })
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人', true)
    await bot.idle()
    for (const n of ['王芳', '张丽', '赵敏']) await say(bot, n, '报名')
    await bot.idle()
    await say(bot, '孙梅', '报名')
    await bot.idle()
    const summaries = texts(bot).filter((t) => t.includes('已登记'))
    expect(summaries).toEqual([expect.stringContaining('已登记：王芳、张丽、赵敏（3/20）'), expect.stringContaining('已登记：孙梅（4/20）')])
  })

  it('200 concurrent sign-ups for 20 places through the chat: exactly 20 in and 180 waiting, each once', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人', true)
    await bot.idle()
    const names = Array.from({ length: 200 }, (_, i) => `居民${i + 1}`)
    for (const n of names) bot.world.say(n, '报名')
    expect(await waitIdle(bot.app, 60_000)).toBe(true)
    const [a] = await svc.store.live('xingfuli', Date.now())
    const r = await svc.store.roster(a!.id)
    expect(r.confirmed).toHaveLength(20)
    expect(r.waitlist).toHaveLength(180)
    expect(new Set([...r.confirmed, ...r.waitlist].map((e) => e.name))).toEqual(new Set(names))
    // Every confirmation sent matches the roster: nobody told 已登记 who is not on it.
    const told = texts(bot).flatMap((t) => /已登记：([^（]+)/u.exec(t)?.[1]?.split('、') ?? [])
    expect(told.sort()).toEqual(r.confirmed.map((e) => e.name).sort())
  })

  it('sign-up jobs queued in a burst are applied in arrival order: the first 20 get the places', async () => {
    const { svc } = await boot()
    const a = await svc.store.create(
      { groupId: 'xingfuli', title: '亲子阅读', startAt: Date.now() + 7 * 24 * 3600_000, place: '活动室', capacity: 20, deadlineAt: 0, notes: '', hostId: 'li', hostName: '李姐' },
      Date.now(),
    )
    const names = Array.from({ length: 200 }, (_, i) => `居民${i + 1}`)
    // Enqueued one after another (as messages arrive), without waiting for the worker.
    for (const [i, name] of names.entries()) {
      await svc.enqueue({ op: 'join', activityId: a.id, msgId: `burst-${i}`, by: { id: `wx${i}`, name }, people: [{ key: name, name, own: true }] })
    }
    await waitIdle((bots.at(-1) as TestBot).app, 30_000)
    const r = await svc.store.roster(a.id)
    expect(r.confirmed.map((e) => e.name)).toEqual(names.slice(0, 20))
    expect(r.waitlist.map((e) => e.name)).toEqual(names.slice(20))
  })

  it('a redelivered message (same WeChat id) signs nobody up twice', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人', true)
    await bot.idle()
    const room = bot.world.rooms.get('xingfuli')!
    const msg: InboundMessage = {
      id: 'wx-msg-42', conversation: { kind: 'room', roomId: room.id, topic: '幸福里妇女微家' },
      sender: { id: bot.world.person('王芳').id, name: '王芳' }, role: 'resident', groupId: 'xingfuli',
      kind: 'text', text: '+2', mentioned: false, at: Date.now(),
    }
    await bot.app.handle(msg)
    // Past the pipeline's duplicate filter (as if its record had expired): the job id still makes it a no-op.
    await bot.store.redis.del(`${bot.store.prefix}:seen:${msg.id}`)
    await bot.app.handle({ ...msg, at: Date.now() })
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    expect((await svc.store.roster(a!.id)).confirmed.map((e) => e.name)).toEqual(['王芳', '王芳+1'])
    expect(texts(bot).filter((t) => t.includes('已登记'))).toHaveLength(1)
    expect(texts(bot).some((t) => t.includes('已经在名单里'))).toBe(false)
  })

  it('after the deadline sign-ups are declined politely', async () => {
    let now = Date.now()
    const { bot, svc } = await boot({ settings: { now: () => now } })
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人 下周五晚8点截止', true)
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', now)
    await say(bot, '王芳', '报名')
    await bot.idle()
    now = a!.deadlineAt + 60_000
    await say(bot, '张丽', '报名')
    await bot.idle()
    expect((await svc.store.roster(a!.id)).confirmed.map((e) => e.name)).toEqual(['王芳'])
    expect(texts(bot).some((t) => t.includes('报名已经截止') && t.includes('张丽'))).toBe(true)
  })
})

describe('hosts', () => {
  it('only hosts announce and run host commands; residents are told who can, and may see the roster', async () => {
    const { bot, svc } = await boot()
    await say(bot, '王芳', '@小助手 发布活动 下周六下午2点 广场舞 限20人', true)
    await bot.idle()
    expect(await svc.store.live('xingfuli', Date.now())).toEqual([])
    expect(bot.sent.at(-1)).toMatchObject({ text: expect.stringContaining('只有微家主人或工作人员可以用'), mentions: ['王芳'] })
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限20人', true)
    await bot.idle()
    await say(bot, '王芳', '@小助手 取消活动1', true)
    await say(bot, '张丽', '@小助手 名单', true)
    await bot.idle()
    const refusals = texts(bot).filter((t) => t.includes('只有微家主人'))
    expect(refusals).toHaveLength(2)
    // Everyone sees who signed up (a 接龙 is public in the group); the 名单 is answered, not refused.
    expect(texts(bot).some((t) => /活动1「亲子阅读」[\s\S]*已报名（0\/20）/u.test(t))).toBe(true)
    expect((await svc.store.live('xingfuli', Date.now()))[0]!.status).toBe('open')
  })

  it('ambiguous or past times are confirmed with the host, never guessed', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六2点 手工课 限10人', true)
    await bot.idle()
    expect(await svc.store.live('xingfuli', Date.now())).toEqual([])
    expect(texts(bot).at(-1)).toMatch(/活动草稿：手工课[\s\S]*没说上午还是下午[\s\S]*确认/u)
    await say(bot, '李姐', '@小助手 确认', true)
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    expect(a).toMatchObject({ title: '手工课', capacity: 10 })
    expect(new Date(a!.startAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour: 'numeric', hourCycle: 'h23' })).toMatch(/14/u)

    // A date without a time blocks until fixed; sending just the time fixes and publishes.
    await say(bot, '李姐', '@小助手 发布活动 下周日 包饺子', true)
    await bot.idle()
    expect(texts(bot).at(-1)).toContain('请补充几点开始')
    await say(bot, '李姐', '@小助手 下周日上午10点', true)
    await bot.idle()
    expect((await svc.store.live('xingfuli', Date.now())).map((x) => x.title)).toContain('包饺子')
  })

  it('edit moves reminders, close and reopen, cancel tells everyone and removes reminders', async () => {
    const { bot, svc } = await boot()
    await say(bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限2人', true)
    await bot.idle()
    const [a] = await svc.store.live('xingfuli', Date.now())
    const jobKey = (kind: string, v: number) => `${bot.store.prefix}:bull:signups-remind:signups-remind_${a!.id}_${kind}_v${v}`
    expect(await bot.store.redis.exists(jobKey('soon', 1), jobKey('daybefore', 1))).toBe(2)
    for (const n of ['王芳', '张丽', '赵敏']) await say(bot, n, '报名')
    await bot.idle()

    await say(bot, '李姐', `修改活动${a!.id} 时间 下周日下午3点`)
    await bot.idle()
    expect(await bot.store.redis.exists(jobKey('soon', 1), jobKey('daybefore', 1))).toBe(0)
    expect(await bot.store.redis.exists(jobKey('soon', 2), jobKey('daybefore', 2))).toBe(2)
    const change = bot.sent.find((s) => s.text.startsWith('【变更】'))!
    expect(change.text).toMatch(/时间改为\d+月\d+日（周日）15:00/u)
    expect(change.mentions.sort()).toEqual(['张丽', '王芳', '赵敏'].sort())

    await say(bot, '李姐', `修改活动${a!.id} 限3人`)
    await bot.idle()
    expect(await svc.store.counts(a!.id)).toEqual({ confirmed: 3, waiting: 0 })
    expect(bot.sent.some((s) => s.text.includes('候补转正：赵敏') && s.mentions.includes('赵敏'))).toBe(true)

    await say(bot, '李姐', `截止报名${a!.id}`)
    await say(bot, '孙梅', '报名')
    await bot.idle()
    expect(texts(bot).some((t) => t.includes('报名已经截止') && t.includes('孙梅'))).toBe(true)
    await say(bot, '李姐', `重新开放${a!.id}`)
    await say(bot, '孙梅', '报名')
    await bot.idle()
    expect((await svc.store.counts(a!.id)).waiting).toBe(1)

    // Cancelling is confirmed first: nothing happens until 「确认」.
    await say(bot, '李姐', `取消活动${a!.id}`)
    await bot.idle()
    expect(texts(bot).at(-1)).toMatch(/确定取消活动\d+「亲子阅读」[\s\S]*回复「确认」/u)
    expect((await svc.store.get(a!.id))!.status).toBe('open')
    await say(bot, '李姐', '确认')
    await bot.idle()
    const cancelled = bot.sent.find((s) => s.text.startsWith('【通知】'))!
    expect(cancelled.mentions.sort()).toEqual(['孙梅', '张丽', '王芳', '赵敏'].sort())
    expect(await bot.store.redis.exists(jobKey('soon', 2), jobKey('daybefore', 2))).toBe(0)
    await say(bot, '李姐', '活动列表')
    await bot.idle()
    expect(texts(bot).at(-1)).toMatch(/亲子阅读.*已取消/u)
  })
})

describe('with an LLM', () => {
  it('announces from natural Chinese via structured extraction, and falls back to rules when the LLM fails', async () => {
    const stub = await startOpenAiStub()
    try {
      const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'test', model: 'stub', maxRetries: 0 })
      stub.onChat(() => ({
        toolCalls: [{ name: 'activity', arguments: JSON.stringify({ title: '亲子绘本共读', timeText: '下周六下午两点半', place: '三楼书屋', capacity: 15, deadlineText: null, notes: null }) }],
      }))
      let svc: SignupService | undefined
      const cap = createSignups({ settings: { batchWindowMs: 400 }, expose: (s) => (svc = s) })
      const bot = await startTestBot({ capabilities: [cap], config: FLOOD, llm })
      bots.push(bot)
      await say(bot, '李姐', '@小助手 下周六下午两点半咱们在三楼书屋办个亲子绘本共读活动，最多15个家庭', true)
      await bot.idle()
      const [a] = await svc!.store.live('xingfuli', Date.now())
      expect(a).toMatchObject({ title: '亲子绘本共读', place: '三楼书屋', capacity: 15 })
      expect(texts(bot).at(-1)).toMatch(/【活动\d+】亲子绘本共读\n时间：\d+月\d+日（周六）14:30/u)
      stub.onChat(() => ({ status: 500 }))
      await say(bot, '李姐', '@小助手 发布活动 下周日上午9点 健康讲座 社区中心 限30人', true)
      await bot.idle()
      const titles = (await svc!.store.live('xingfuli', Date.now())).map((x) => x.title)
      expect(titles).toEqual(['亲子绘本共读', '健康讲座'])
      expect(stub.chatRequests()).toHaveLength(2)
    } finally {
      await stub.close()
    }
  })
})

describe('reminders', () => {
  it('about 2 hours before: one group message @-mentioning those signed up', async () => {
    const { bot, svc } = await boot({ config: NO_QUIET })
    await say(bot, '王芳', '你好') // the bot learns the group's room from traffic
    await bot.idle()
    const room = await svc.roomFor('xingfuli')
    const a = await svc.publish(
      { groupId: 'xingfuli', title: '亲子阅读', startAt: Date.now() + 2 * 3600_000 + 3000, place: '微家活动室', capacity: 0, deadlineAt: 0, notes: '', hostId: 'li', hostName: '李姐' },
      room!,
    )
    await say(bot, '王芳', '报名')
    await say(bot, '张丽', '帮我婆婆报一个')
    // Idle waits for jobs due within its horizon: the reminder, due in 3 s.
    await bot.idle()
    const reminders = bot.sent.filter((s) => s.text.startsWith('【活动提醒】'))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.mentions.sort()).toEqual(['张丽', '王芳'].sort())
    expect(reminders[0]!.text).toContain('张丽的婆婆')
    expect(a.status).toBe('open')
  })

  it('privately, when configured: one message to each person signed up', async () => {
    const { bot, svc } = await boot({ settings: { settings: { remindPrivately: true } }, config: NO_QUIET })
    await say(bot, '王芳', '你好')
    await bot.idle()
    await svc.publish(
      { groupId: 'xingfuli', title: '亲子阅读', startAt: Date.now() + 2 * 3600_000 + 3000, place: '微家活动室', capacity: 0, deadlineAt: 0, notes: '', hostId: 'li', hostName: '李姐' },
      (await svc.roomFor('xingfuli'))!,
    )
    await say(bot, '王芳', '报名')
    await say(bot, '张丽', '+2')
    await bot.idle()
    const reminders = bot.sent.filter((s) => s.text.startsWith('【活动提醒】'))
    expect(reminders.map((r) => [r.kind, r.to]).sort()).toEqual([['private', '张丽'], ['private', '王芳']])
  })
})

describe('restart', () => {
  it('activities, rosters and reminders survive a bot restart', async () => {
    const store = await testRedis('signups-restart')
    try {
      const first = await boot({ store })
      await say(first.bot, '李姐', '@小助手 发布活动 下周六下午2点 亲子阅读 限2人', true)
      await first.bot.idle()
      await say(first.bot, '王芳', '报名')
      await say(first.bot, '张丽', '报名')
      await first.bot.idle()
      await first.bot.stop()
      bots = bots.filter((b) => b !== first.bot)

      const second = await boot({ store })
      await say(second.bot, '赵敏', '报名')
      await second.bot.idle()
      await say(second.bot, '李姐', '名单')
      await second.bot.idle()
      const roster = texts(second.bot).find((t) => t.includes('已报名（2/2）'))!
      expect(roster).toMatch(/1\. 王芳\n2\. 张丽\n候补（1）：\n1\. 赵敏/u)
      const [a] = await second.svc.store.live('xingfuli', Date.now())
      expect(await store.redis.exists(`${store.prefix}:bull:signups-remind:signups-remind_${a!.id}_soon_v1`)).toBe(1)
    } finally {
      for (const b of bots) await b.stop().catch(() => undefined)
      bots = []
      await store.cleanup()
    }
  })
})

describe('a cancellation said in the same message as an emergency', () => {
  it('nothing booked: the group hears the numbers only, no "nothing to cancel"; a real place is given back silently, the next one told', async () => {
    const signups = createSignups({ settings: { batchWindowMs: 400 } })
    const bot = await startTestBot({ capabilities: [createReferrals(), signups], config: FLOOD })
    bots.push(bot)
    const script = parseScript(
      `
李姐: @小助手 发布活动 下周六下午2点 健康讲座 微家活动室 限1人
/idle
林霞: 报名
/idle
孙梅: 报名
/idle
林霞: 讲座先不去了 他正在打我
/idle
陈芳: 讲座先不去了 他正在打我
/idle
李姐: @小助手 名单
/idle
`,
      '小助手',
    )
    for (const action of script) await perform(bot.world, action, bot.app)
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    const room = bot.sent.filter((s) => s.kind === 'room')
    const to = (name: string) => bot.sent.filter((s) => s.kind === 'private' && s.to === name).map((s) => s.text)
    const emergency = referralTexts.groupEmergency({ medical: false, selfHarm: false })
    // 陈芳 had nothing booked: the numbers, in the group and in private, and nothing else to her anywhere.
    expect(room.filter((s) => s.mentions.includes('陈芳')).map((s) => s.text)).toEqual([emergency])
    expect(to('陈芳')[0]).toMatch(/^如有危险，请立即拨打110报警/u)
    expect(to('陈芳').join('\n')).not.toMatch(/活动|取消/u)
    expect(bot.sent.map((s) => s.text).join('\n')).not.toContain(signupTexts.notSignedUp)
    // 林霞 had a place: the numbers first; her place is given back, the group is not told she left; 孙梅 moves up and is told.
    const hers = room.filter((s) => s.mentions.includes('林霞')).map((s) => s.text)
    expect(hers.at(-1)).toBe(emergency)
    expect(to('林霞')[0]).toMatch(/^如有危险，请立即拨打110报警/u)
    expect(to('林霞').join('\n')).not.toMatch(/活动|取消/u)
    const promo = room.find((s) => s.text.includes('候补转正：孙梅'))!
    expect(promo.text).toContain('有人退出')
    expect(promo.mentions).toEqual(['孙梅'])
    expect(room.map((s) => s.text).join('\n')).not.toMatch(/已取消报名|不用取消|正在打|先不去/u)
    expect(room.at(-1)!.text).toMatch(/已报名（1\/1）：\n1\. 孙梅$/u)
    // Control: the same cancellation without danger is confirmed in the group as usual (see the first test above).
  }, 30_000)
})
