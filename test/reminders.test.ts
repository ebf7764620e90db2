// Reminders end to end on the mock puppet with real Redis: chat management with confirmation, BullMQ job
// schedulers (idempotent, restart-safe, once across two processes), quiet hours, budget and catch-up.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Queue } from 'bullmq'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse as parseYaml, stringify as toYaml } from 'yaml'
import { OpenAiLlm } from '../src/adapters/openai/llm.ts'
import { assemble } from '../src/main.ts'
import { wechatyDirectory } from '../src/adapters/wechaty/directory.ts'
import { wechatyTransport } from '../src/adapters/wechaty/transport.ts'
import { silentLogger } from '../src/core/log.ts'
import { cliDeps } from '../src/cli/main.ts'
import { remindersCommand, type Preview } from '../src/reminders/cli.ts'
import { createReminders, type RemindersOptions } from '../src/reminders/index.ts'
import { createSignups } from '../src/signups/index.ts'
import type { GroupOverride } from '../src/reminders/settings.ts'
import { wallClock } from '../src/core/tz.ts'
import { inScript } from '../src/core/zh/script.ts'
import { toAction } from '../src/sandbox/actions.ts'
import { parseScript } from '../src/sandbox/script.ts'
import { perform, waitIdle } from '../src/sandbox/runner.ts'
import { startTestBot, type TestBot } from '../src/testing/bot.ts'
import { say, until } from './helpers/chat.ts'
import { startOpenAiStub } from '../src/testing/openai-stub.ts'
import { TEST_REDIS_URL, testRedis, type TestRedis } from '../src/testing/redis.ts'

const TZ = 'Asia/Shanghai'
const hhmm = (t: number) => {
  const w = wallClock(t, TZ)
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

/** The sandbox group, with quiet hours placed relative to now (tests run at any hour). */
function groupConfig(quietHours: { start: string; end: string }) {
  return { id: 'xingfuli', match: { topic: '幸福里妇女微家' }, name: '幸福里妇女微家', type: '网格睦邻', place: '幸福里社区微家活动室', hosts: ['李姐'], staff: ['小王'], supervisor: '小王', quietHours }
}
const NO_QUIET = { start: '00:00', end: '00:00' }
// A host managing reminders sends more than the default 8 commands a minute in these tests.
const LOOSE_FLOOD = { perSender: { max: 100, windowSec: 60 }, perRoom: { max: 1000, windowSec: 60 } }

let bots: TestBot[] = []
let stores: TestRedis[] = []
let queues: Queue[] = []
afterEach(async () => {
  for (const q of queues) await q.close()
  for (const b of bots) await b.stop()
  for (const s of stores) await s.cleanup()
  bots = []
  stores = []
  queues = []
})

async function boot(opts: { reminders?: RemindersOptions; group?: GroupOverride; quiet?: { start: string; end: string }; store?: TestRedis; llm?: OpenAiLlm } = {}) {
  const cap = createReminders({ ...opts.reminders, settings: { ...opts.reminders?.settings, groups: opts.group ? { xingfuli: opts.group } : opts.reminders?.settings?.groups } })
  const bot = await startTestBot({ capabilities: [cap], config: { groups: [groupConfig(opts.quiet ?? NO_QUIET)], flood: LOOSE_FLOOD }, store: opts.store, llm: opts.llm })
  bots.push(bot)
  return bot
}

/** Waits until the reminders worker has handled `n` ticks (completed jobs), whatever each one decided. */
async function ticksDone(bot: TestBot, n: number): Promise<void> {
  const queue = reminderQueue(bot.store)
  await until(async () => (await queue.getCompletedCount()) >= n)
}

/** Send jobs not yet done (waiting, running or delayed). */
async function outboxPending(bot: TestBot): Promise<number> {
  const outbox = new Queue('outbox', { connection: bot.store.redis, prefix: `${bot.store.prefix}:bull` })
  queues.push(outbox)
  const counts = await outbox.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
  return Object.values(counts).reduce((a, b) => a + b, 0)
}

function reminderQueue(store: TestRedis): Queue {
  const q = new Queue('reminders', { connection: store.redis, prefix: `${store.prefix}:bull` })
  queues.push(q)
  return q
}

async function shared(): Promise<TestRedis> {
  const s = await testRedis('rem')
  stores.push(s)
  return s
}

describe('managing reminders in chat', () => {
  it('repeats the schedule and the next three times, saves only on 「确认」, then lists, pauses, resumes and deletes', async () => {
    const bot = await boot()
    const queue = reminderQueue(bot.store)
    const [draft] = await say(bot, '李姐', '每月第一个周六上午9点提醒大家家聚会')
    expect(draft).toContain('时间：每月第一个周六 09:00')
    expect(draft).toContain('【家聚会】幸福里妇女微家本月的家聚会今天举行')
    expect(draft).toContain('地点：幸福里社区微家活动室')
    // With the year when it is not this year's (a December run lists next January's with 2027年).
    expect(draft!.match(/· (?:\d{4}年)?\d+月\d+日（周六）09:00/g)).toHaveLength(3)
    expect(draft).toContain('回复「确认」保存')
    // Nothing is saved or scheduled before the host has confirmed.
    expect(await queue.getJobSchedulers()).toEqual([])
    expect(await say(bot, '李姐', '提醒列表')).toEqual(['还没有定时提醒。微家主人可以这样设置：@我 每周三下午3点 家接待'])

    // 「确认」 works with or without the @mention; only the host who drafted it has a draft.
    bot.world.say('李姐', '确认')
    await bot.idle()
    expect(bot.sent.at(-1)!.text).toMatch(/^已保存，这是第1号提醒。/)
    const schedulers = await queue.getJobSchedulers()
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz])).toEqual([['chat.xingfuli.1', '0 9 * * 6#1', TZ]])

    const [list] = await say(bot, '李姐', '提醒列表')
    expect(list).toMatch(/^幸福里妇女微家的定时提醒：\n1\. 家聚会｜每月第一个周六 09:00｜下次 \d+月\d+日（周六）09:00\n/)

    expect(await say(bot, '李姐', '暂停提醒 1')).toEqual(['已暂停提醒 1。发「恢复提醒 1」可恢复。'])
    expect(await queue.getJobSchedulers()).toEqual([])
    expect((await say(bot, '李姐', '提醒列表'))[0]).toContain('1. 家聚会｜每月第一个周六 09:00｜已暂停')
    expect((await say(bot, '李姐', '恢复提醒 1'))[0]).toMatch(/^已恢复提醒 1。下次：\d+月\d+日（周六）09:00$/)
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['chat.xingfuli.1'])
    expect(await say(bot, '李姐', '删除提醒 1')).toEqual(['已删除提醒 1（家聚会）。'])
    expect(await queue.getJobSchedulers()).toEqual([])
    expect(await say(bot, '李姐', '删除提醒 1')).toEqual(['没有找到「1」这条提醒，发「提醒列表」看看编号。'])
  })

  it('reads a rhythm said with the words around it, and warns when a reminder already runs at the same time', async () => {
    const bot = await boot()
    const [first] = await say(bot, '李姐', '每周三下午3点提醒大家来家接待')
    expect(first).toContain('【家接待】今天是幸福里妇女微家的家接待日')
    expect(first).not.toContain('注意：')
    expect((await say(bot, '李姐', '确认'))[0]).toMatch(/^已保存/)
    const [again] = await say(bot, '李姐', '每周三15:00 家接待')
    expect(again).toContain('注意：「家接待」已经在同一时间提醒，再保存群里会收到两条。')
    // Another time is no clash, but the same rhythm already reminded is said (the group would get both).
    await say(bot, '李姐', '取消')
    const [other] = await say(bot, '李姐', '每周四下午3点 家接待')
    expect(other).not.toContain('已经在同一时间提醒')
    expect(other).toContain('注意：已经有「家接待」提醒（每周三 15:00），再保存会两条都发；只要新的这条，保存后发「暂停提醒 1」。')
  })

  it('drops a draft on 「取消」', async () => {
    const bot = await boot()
    await say(bot, '小王', '每周三下午3点 家接待')
    expect(await say(bot, '小王', '取消')).toEqual(['好的，这条提醒没有保存。'])
    expect(await reminderQueue(bot.store).getJobSchedulers()).toEqual([])
  })

  it('refuses residents politely, and leaves their questions alone', async () => {
    const bot = await boot()
    const refusal = '这个指令只有微家主人或工作人员可以用哦。如需帮忙，可以@群里的微家主人。'
    expect(await say(bot, '王芳', '每周三下午3点 家接待')).toEqual([refusal])
    expect(await say(bot, '王芳', '提醒列表')).toEqual([refusal])
    expect(await say(bot, '王芳', '删除提醒 1')).toEqual([refusal])
    // A resident's 「确认」 is not claimed: she has no draft (even while the host has one).
    await say(bot, '李姐', '每周三下午3点 家接待')
    expect(await say(bot, '王芳', '确认')).toEqual([])
    // Questions that start like a schedule are not commands.
    expect(await say(bot, '王芳', '每周三有活动吗？')).toEqual([])
    expect(await reminderQueue(bot.store).getJobSchedulers()).toEqual([])
  })

  it('says clearly what it cannot read', async () => {
    const bot = await boot()
    expect(await say(bot, '李姐', '每周三下午3点')).toEqual(['要提醒大家什么呢？例如：「每周三下午3点 家接待」。'])
    expect((await say(bot, '李姐', 'cron 99 * * * * 测试'))[0]).toMatch(/^这个 cron 表达式看不懂/)
  })

  it('pauses a config rhythm by name but will not delete it', async () => {
    const bot = await boot({ group: { rhythms: { reception: { enabled: true, schedule: '每周三下午3点' } } } })
    const queue = reminderQueue(bot.store)
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['cfg.xingfuli.reception'])
    expect((await say(bot, '李姐', '删除提醒 家接待'))[0]).toContain('是配置文件里的固定节奏')
    expect(await say(bot, '李姐', '暂停提醒 家接待')).toEqual(['已暂停提醒 家接待。发「恢复提醒 家接待」可恢复。'])
    expect(await queue.getJobSchedulers()).toEqual([])
  })
})

describe('job schedulers', () => {
  const rhythms: GroupOverride = {
    rhythms: { reception: { enabled: true }, gathering: { enabled: true }, activity: { enabled: true }, banquet: { enabled: true } },
  }

  it('upserts by stable id: restarts and a second process never duplicate; a config change removes what left', async () => {
    const store = await shared()
    const first = await boot({ group: rhythms, store })
    const queue = reminderQueue(store)
    const ids = ['cfg.xingfuli.activity', 'cfg.xingfuli.banquet', 'cfg.xingfuli.gathering', 'cfg.xingfuli.reception']
    const snapshot = async () => (await queue.getJobSchedulers()).map((s) => `${s.key} ${s.pattern} ${s.next}`).sort()
    const before = await snapshot()
    expect(before.map((s) => s.split(' ')[0])).toEqual(ids)
    expect(await queue.getDelayed()).toHaveLength(4)

    // A second process on the same Redis, then a restart of the first: same schedulers, same next ticks.
    const second = await boot({ group: rhythms, store })
    await first.stop()
    bots = bots.filter((b) => b !== first)
    await boot({ group: rhythms, store })
    expect(await snapshot()).toEqual(before)
    expect(await queue.getDelayed()).toHaveLength(4)
    await second.stop()
    bots = bots.filter((b) => b !== second)

    // Config reload: the banquet switched off → its scheduler goes.
    await boot({ group: { rhythms: { ...rhythms.rhythms, banquet: { enabled: false } } }, store })
    expect((await snapshot()).map((s) => s.split(' ')[0])).toEqual(ids.filter((i) => i !== 'cfg.xingfuli.banquet'))
  })

  it('keeps chat-created reminders across a restart, and they keep firing', async () => {
    const store = await shared()
    const group: GroupOverride = { custom: [{ id: 'tick', schedule: { kind: 'every', ms: 700 }, text: '每日一练 {time}' }], dailyBudget: 1000 }
    const first = await boot({ group, store })
    const reply = (t: string) => !t.startsWith('每日一练')
    const before = first.sent.length
    first.world.say('李姐', '@小助手 每周三下午3点 家接待', { mentionBot: true })
    await until(() => first.sent.slice(before).some((s) => reply(s.text)))
    first.world.say('李姐', '确认')
    await until(() => first.sent.slice(before).filter((s) => reply(s.text)).length === 2)
    await first.stop()
    bots = []

    const second = await boot({ group, store })
    const sentAt = second.sent.length
    second.world.say('李姐', '@小助手 提醒列表', { mentionBot: true })
    await until(() => second.sent.slice(sentAt).some((s) => reply(s.text)))
    expect(second.sent.slice(sentAt).find((s) => reply(s.text))!.text).toMatch(/\n1\. 家接待｜每周三 15:00｜下次/)
    const keys = (await reminderQueue(store).getJobSchedulers()).map((s) => s.key).sort()
    expect(keys).toEqual(['cfg.xingfuli.tick', 'chat.xingfuli.1'])
    const sentBefore = second.sent.length
    const ticked = () => second.sent.slice(sentBefore).filter((s) => s.text.startsWith('每日一练')).length
    await until(() => ticked() >= 1)
    expect(ticked()).toBeGreaterThanOrEqual(1)
  })

  it('fires each tick once with two bot processes on one Redis', async () => {
    const store = await shared()
    const group: GroupOverride = { custom: [{ id: 'tick', schedule: { kind: 'every', ms: 400 }, text: '第{time}次' }], dailyBudget: 1000 }
    const bot = await boot({ group, store })
    // A second process: its own app, workers and scheduler upsert on the same Redis prefix.
    const cap2 = createReminders({ settings: { groups: { xingfuli: group } } })
    const app2 = await assemble({
      config: bot.config,
      redis: store.redis,
      log: silentLogger(),
      transport: wechatyTransport(bot.world.bot),
      directory: wechatyDirectory(bot.world.bot, bot.config),
      capabilities: [cap2],
      outbox: { roomIntervalMs: 0, jitterMs: 0, perMinute: 10_000 },
    })
    const sentBy2: string[] = []
    app2.onSent((job) => sentBy2.push(toAction(job).text))
    await app2.start()
    try {
      // Events, not wall-clock time: a few ticks sent while both processes run (on a busy machine this takes longer).
      await until(() => bot.sent.length + sentBy2.length >= 4, 60_000)
    } finally {
      await app2.stop()
    }
    const outbox = new Queue('outbox', { connection: store.redis, prefix: `${store.prefix}:bull` })
    queues.push(outbox)
    // Every tick went to the outbox once, under its (reminder, fire time) key; every send is one tick. The first
    // process keeps firing, so the two are compared at a moment when every tick queued so far has been sent: a tick
    // sent twice or never would keep them apart for good.
    let ticks: string[] = []
    await until(async () => {
      const sendJobs = (await outbox.getJobs(['completed', 'delayed', 'waiting', 'active'])).map((j) => j.id!)
      ticks = sendJobs.filter((id) => id.startsWith('reminder_cfg.xingfuli.tick_'))
      return bot.sent.length + sentBy2.length === ticks.length
    }, 30_000)
    expect(ticks.length).toBeGreaterThanOrEqual(3)
    expect(new Set(ticks).size).toBe(ticks.length)
    const fireTimes = ticks.map((id) => Number(id.split('_')[2]!.split('#')[0]))
    expect(new Set(fireTimes).size).toBe(fireTimes.length)
    expect((await reminderQueue(store).getJobSchedulers()).map((s) => s.key)).toEqual(['cfg.xingfuli.tick'])
  })
})

describe('quiet hours, budget and catch-up', () => {
  it('moves a reminder due in quiet hours to their end (notBefore)', async () => {
    const now = Date.now()
    const quiet = { start: hhmm(now - 60 * 60_000), end: hhmm(now + 2 * 60 * 60_000) }
    const bot = await boot({ quiet, group: { custom: [{ id: 'tick', schedule: { kind: 'every', ms: 500 }, text: '夜里的提醒' }], dailyBudget: 1 } })
    // Two ticks handled: the first queued for the end of quiet hours, the second over the budget.
    await ticksDone(bot, 2)
    expect(bot.sent).toEqual([])
    const outbox = new Queue('outbox', { connection: bot.store.redis, prefix: `${bot.store.prefix}:bull` })
    queues.push(outbox)
    const delayed = await outbox.getDelayed()
    // Budget 1: later ticks that day are dropped, so exactly one message waits for the end of quiet hours.
    expect(delayed).toHaveLength(1)
    const slot = delayed[0]!.data.slot as number
    expect(hhmm(slot)).toBe(quiet.end)
    expect(slot).toBeGreaterThan(now + 60 * 60_000)
    expect(delayed[0]!.data.text).toBe('夜里的提醒')
  })

  it('spends at most the daily budget of proactive messages', async () => {
    const bot = await boot({ group: { custom: [{ id: 'tick', schedule: { kind: 'every', ms: 300 }, text: '提醒' }], dailyBudget: 2 } })
    // Four ticks handled (two over the budget), and the outbox has nothing left to send.
    await ticksDone(bot, 4)
    await until(async () => (await outboxPending(bot)) === 0)
    expect(bot.sent.map((s) => s.text)).toEqual(['提醒', '提醒'])
  })

  it('never sends a tick that is picked up later than the grace period', async () => {
    // Grace 0: every tick is already late when a worker picks it up, as after a long downtime.
    const bot = await boot({ reminders: { settings: { graceMinutes: 0 } }, group: { custom: [{ id: 'tick', schedule: { kind: 'every', ms: 300 }, text: '过期提醒' }], dailyBudget: 100 } })
    await until(async () => Number(await bot.store.redis.hget(`${bot.store.prefix}:reminders:last`, 'cfg.xingfuli.tick')) > 0)
    await ticksDone(bot, 2)
    expect(await outboxPending(bot)).toBe(0)
    expect(bot.sent).toEqual([])
  })

  it('on start sends a reminder missed by less than the grace period once, and skips older ones', async () => {
    const store = await shared()
    const now = Date.now()
    const yearly = (at: number) => {
      const w = wallClock(at, TZ)
      return `${w.minute} ${w.hour} ${w.day} ${w.month} *`
    }
    const group: GroupOverride = {
      custom: [
        { id: 'recent', schedule: yearly(now - 30 * 60_000), text: '半小时前该发的提醒' },
        { id: 'stale', schedule: yearly(now - 3 * 60 * 60_000), text: '三小时前该发的提醒' },
      ],
      dailyBudget: 10,
    }
    // The bot ran four hours ago (so both reminders were active), then was offline until now.
    const earlier = await boot({ group, store, reminders: { now: () => now - 4 * 60 * 60_000 } })
    expect(earlier.sent).toEqual([])
    await earlier.stop()
    bots = []

    const bot = await boot({ group, store })
    await bot.idle()
    expect(bot.sent.map((s) => [s.kind, s.to, s.text])).toEqual([['room', '幸福里妇女微家', '半小时前该发的提醒']])
    await bot.stop()
    bots = []

    // Another restart: nothing is sent again.
    const again = await boot({ group, store })
    await again.idle()
    expect(again.sent).toEqual([])
  })
})

describe('what is on, asked for a stretch of time', () => {
  it('"这周有啥活动" / "最近有什么活动" list the group\'s rhythm events of that stretch beside the open sign-ups', async () => {
    // Wednesday 2 January 2030, 08:30: this week has today's 家接待 (09:00) and Saturday's 家聚会 (the month's first).
    const now = () => Date.UTC(2030, 0, 2, 0, 30)
    const group: GroupOverride = { rhythms: { reception: { enabled: true, schedule: '每周三上午9点' }, gathering: { enabled: true, schedule: '每月第一个周六上午9点' } } }
    const caps = [createReminders({ now, settings: { groups: { xingfuli: group } } }), createSignups({ now, settings: { batchWindowMs: 400 } })]
    const bot = await startTestBot({ capabilities: caps, config: { groups: [groupConfig(NO_QUIET)], flood: LOOSE_FLOOD } })
    bots.push(bot)
    const rhythm = (label: string, lines: string[]) => [`${label}的微家固定活动：`, ...lines]
    expect((await say(bot, '王芳', '这周有啥活动'))[0]!.split('\n')).toEqual(['现在群里没有正在报名的活动。', ...rhythm('这周', ['家接待：1月2日（周三）09:00', '家聚会：1月5日（周六）09:00'])])
    expect((await say(bot, '李姐', '发布活动 周五上午9点 剪纸 微家活动室 限6人'))[0]).toMatch(/^【活动1】剪纸/u)
    expect((await say(bot, '王芳', '最近有什么活动'))[0]!.split('\n')).toEqual([
      '最近的活动：',
      '活动1「剪纸」1月4日（周五）09:00，报名中，已报名0/6',
      ...rhythm('最近7天', ['家接待：1月2日（周三）09:00', '家聚会：1月5日（周六）09:00']),
    ])
    // "幾時有活動" / "有冇活動" name no stretch but ask when or whether there are any: the coming days, as 最近, in her script.
    const coming = rhythm('最近7天', ['家接待：1月2日（周三）09:00', '家聚会：1月5日（周六）09:00']).map((l) => inScript(l, 'traditional'))
    expect((await say(bot, '何婆婆', '幾時有活動？要唔要俾錢㗎'))[0]!.split('\n').slice(2)).toEqual(coming)
    expect((await say(bot, '何婆婆', '有冇啲活動啱我哋老人家參加'))[0]!.split('\n').slice(2)).toEqual(coming)
    // Next week has no 家聚会 (the month's first Saturday is this one); a paused rhythm is not on.
    expect(await say(bot, '李姐', '暂停提醒 家接待')).toEqual(['已暂停提醒 家接待。发「恢复提醒 家接待」可恢复。'])
    expect((await say(bot, '王芳', '下周有活动吗'))[0]!.split('\n').slice(2)).toEqual([])
    expect((await say(bot, '王芳', '这周有啥活动'))[0]!.split('\n').slice(2)).toEqual(rhythm('这周', ['家聚会：1月5日（周六）09:00']))
    // No stretch named: the open sign-ups alone, as before.
    expect(await say(bot, '王芳', '有什么活动')).toEqual(['最近的活动：\n活动1「剪纸」1月4日（周五）09:00，报名中，已报名0/6'])
  })
})

describe('through the sandbox script harness', () => {
  it('a host sets up, confirms and lists a reminder; a resident is refused', async () => {
    const bot = await boot()
    const script = `
# the host sets up the weekly reception
李姐: @小助手 每周三下午3点 家接待
李姐: 确认
李姐: @小助手 提醒列表
王芳: @小助手 删除提醒 1
李姐: @小助手 暂停提醒 1
`
    for (const action of parseScript(script, '小助手')) {
      await perform(bot.world, action)
      await waitIdle(bot.app)
    }
    const texts = bot.sent.map((s) => `${s.mentions.join(',')}> ${s.text.split('\n')[0]}`)
    expect(texts).toEqual([
      '李姐> 请确认这条定时提醒：',
      '李姐> 已保存，这是第1号提醒。',
      '李姐> 幸福里妇女微家的定时提醒：',
      '王芳> 这个指令只有微家主人或工作人员可以用哦。如需帮忙，可以@群里的微家主人。',
      '李姐> 已暂停提醒 1。发「恢复提醒 1」可恢复。',
    ])
  })
})

describe('with an LLM', () => {
  it('reads a wording the rules miss, through the rule parser, and still asks the host to confirm', async () => {
    const stub = await startOpenAiStub({
      chat: () => ({ toolCalls: [{ name: 'reminder_schedule', arguments: JSON.stringify({ schedule: '每月第一个周六上午9点', content: '家聚会' }) }] }),
    })
    try {
      const bot = await boot({ llm: new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'k', model: 'm' }) })
      const [draft] = await say(bot, '李姐', '以后每个月头一个礼拜六早上九点提醒大家来家聚会')
      expect(draft).toContain('时间：每月第一个周六 09:00')
      expect(draft).toContain('【家聚会】')
      expect(stub.chatRequests()).toHaveLength(1)
      expect(stub.chatRequests()[0]!.messages.at(-1)!.content).toBe('以后每个月头一个礼拜六早上九点提醒大家来家聚会')
      // Rule-readable requests never reach the model.
      await say(bot, '李姐', '每周三下午3点 家接待')
      expect(stub.chatRequests()).toHaveLength(1)
      // Model output the rules cannot read is not used.
      stub.onChat(() => ({ toolCalls: [{ name: 'reminder_schedule', arguments: JSON.stringify({ schedule: '每逢月圆之夜', content: '赏月' }) }] }))
      expect((await say(bot, '李姐', '以后每逢月圆提醒大家赏月'))[0]).toMatch(/^没看懂提醒的时间。/)
    } finally {
      await stub.close()
    }
  })
})

describe('weijia reminders --preview', () => {
  it('prints config and chat-created reminders per group, with quiet-hours shifts', async () => {
    const bot = await boot()
    await say(bot, '李姐', '每天晚上10点 打卡')
    await say(bot, '李姐', '确认')
    await say(bot, '李姐', '每周三下午3点 家接待')
    await say(bot, '李姐', '确认')
    await say(bot, '李姐', '暂停提醒 2')
    const base = parseYaml(readFileSync('config/weijia.example.yaml', 'utf8')) as Record<string, unknown>
    const file = join(mkdtempSync(join(tmpdir(), 'wj-rem-')), 'weijia.yaml')
    writeFileSync(file, toYaml({ ...base, redis: { prefix: bot.store.prefix } }))
    const out: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true))
    vi.stubEnv('REDIS_URL', TEST_REDIS_URL)
    try {
      expect(await remindersCommand(['--preview', '--days', '3', '--json', '--config', file], cliDeps())).toBe(0)
    } finally {
      write.mockRestore()
      vi.unstubAllEnvs()
    }
    const preview = JSON.parse(out.join('')) as Preview
    expect(preview.notes).toEqual([])
    const [group] = preview.groups
    expect(group!.reminders.map((r) => [r.ref, r.source, r.label, r.schedule, r.paused])).toEqual([
      // The example config switches on two of the four rhythms.
      ['家接待', 'config', '家接待', '每周三 09:00', false],
      ['家聚会', 'config', '家聚会', '每月第一个周六 09:00', false],
      ['1', 'chat', '打卡', '每天 22:00', false],
      ['2', 'chat', '家接待', '每周三 15:00', true],
    ])
    const daily = group!.reminders.find((r) => r.ref === '1')!
    expect(daily.times).toHaveLength(3)
    // The example config's quiet hours are 21:30–07:30: 22:00 goes out at 07:30 the next morning.
    for (const t of daily.times) {
      expect(t.local).toMatch(/22:00$/)
      expect(t.sendLocal).toMatch(/07:30$/)
    }
    // 家聚会 (the first Saturday, 09:00) falls in the three days only in the days before a month's first Saturday: when it
    // does, once, at 09:00 Shanghai time on a Saturday in the first week (the test does not depend on today's date).
    const gathering = group!.reminders[1]!.times
    expect(gathering.length).toBeLessThanOrEqual(1)
    for (const t of gathering) {
      const shanghai = new Date(new Date(t.at).getTime() + 8 * 3_600_000)
      expect([shanghai.getUTCDay(), shanghai.getUTCHours(), shanghai.getUTCDate() <= 7]).toEqual([6, 9, true])
      expect(new Date(t.at).getTime() - Date.parse(preview.generatedAt)).toBeLessThanOrEqual(3 * 86_400_000)
    }
  })

  it('lists config reminders without Redis, and says chat ones are left out', async () => {
    const out: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true))
    vi.stubEnv('REDIS_URL', '')
    try {
      expect(await remindersCommand(['--preview', '--config', 'config/weijia.example.yaml'], cliDeps())).toBe(0)
    } finally {
      write.mockRestore()
      vi.unstubAllEnvs()
    }
    expect(out.join('')).toContain('幸福里妇女微家 (xingfuli)  免打扰 21:30–07:30，每天最多 3 条主动消息')
    expect(out.join('')).toContain('注意：没有设置 REDIS_URL')
  })
})
