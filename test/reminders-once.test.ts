// One-off reminders said in chat, end to end on the mock puppet with real Redis: recorded per group, listed with
// their number, deleted by number or by what they are about (with their delayed job), gone once sent, personal
// ones shown only to their owner, and all of it kept across a restart. "When it is due" is BullMQ's promote.
import { Queue } from 'bullmq'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../src/core/log.ts'
import { createReminders } from '../src/reminders/index.ts'
import { OnceStore } from '../src/reminders/once-store.ts'
import type { GroupOverride } from '../src/reminders/settings.ts'
import { startTestBot, type TestBot } from '../src/testing/bot.ts'
import { say, until } from './helpers/chat.ts'
import { testRedis, type TestRedis } from '../src/testing/redis.ts'

const GROUP = { id: 'xingfuli', match: { topic: '幸福里妇女微家' }, name: '幸福里妇女微家', type: '网格睦邻', place: '幸福里社区微家活动室', hosts: ['李姐'], staff: ['小王'], supervisor: '小王', quietHours: { start: '00:00', end: '00:00' } }
const LOOSE_FLOOD = { perSender: { max: 100, windowSec: 60 }, perRoom: { max: 1000, windowSec: 60 } }
const RECEPTION: GroupOverride = { rhythms: { reception: { enabled: true, schedule: '每周三下午3点' } } }

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

async function shared(): Promise<TestRedis> {
  const s = await testRedis('once')
  stores.push(s)
  return s
}

async function boot(store: TestRedis): Promise<TestBot> {
  const cap = createReminders({ settings: { groups: { xingfuli: RECEPTION } } })
  const bot = await startTestBot({ capabilities: [cap], config: { groups: [GROUP], flood: LOOSE_FLOOD }, store })
  bots.push(bot)
  return bot
}

function onceQueue(store: TestRedis): Queue {
  const q = new Queue('reminders-once', { connection: store.redis, prefix: `${store.prefix}:bull` })
  queues.push(q)
  return q
}

const numberIn = (reply: string) => Number(/这是第(\d+)号提醒/u.exec(reply)![1])
const listOf = async (bot: TestBot, name = '李姐') => (await say(bot, name, '提醒列表'))[0]!

describe('one-off reminders in chat', () => {
  it('are listed with their number, and 「删除提醒 N」 removes the record and the delayed job, so it never fires', async () => {
    const store = await shared()
    const bot = await boot(store)
    const queue = onceQueue(store)
    // A recurring chat reminder first: both kinds share one counter, so numbers never collide.
    await say(bot, '李姐', '每周五晚上7点 读书会')
    await say(bot, '李姐', '确认')
    const [saved] = await say(bot, '李姐', '下周一上午10点提醒大家交表')
    expect(saved).toMatch(/^好的，\d+月\d+日（周一）10:00在群里提醒大家：交表\n这是第2号提醒，不需要了发「删除提醒 2」。$/u)
    expect(await queue.getDelayedCount()).toBe(1)

    const list = await listOf(bot)
    expect(list.split('\n')).toEqual([
      '幸福里妇女微家的定时提醒：',
      expect.stringMatching(/^· 家接待｜每周三 15:00｜下次 .+（固定节奏）$/u),
      expect.stringMatching(/^1\. 读书会｜每周五 19:00｜下次 /u),
      expect.stringMatching(/^2\. 一次性｜\d+月\d+日（周一）10:00｜交表$/u),
      // The footer's examples are what the list shows: the rhythm by name, the others by number.
      '管理方法——固定节奏用名称：「暂停提醒 家接待」「恢复提醒 家接待」；群里设置的用编号：「暂停提醒 1」「恢复提醒 1」「删除提醒 1」；一次性的只能删除：「删除提醒 2」。',
    ])

    expect(await say(bot, '李姐', '暂停提醒 2')).toEqual(['提醒 2 是一次性提醒，不能暂停或恢复，只能删除：发「删除提醒 2」。'])
    expect(await queue.getDelayedCount()).toBe(1)
    expect(await say(bot, '李姐', '删除提醒 2')).toEqual(['已删除提醒 2（交表）。'])
    expect(await queue.getJobCounts('delayed', 'waiting', 'active', 'completed')).toEqual({ delayed: 0, waiting: 0, active: 0, completed: 0 })
    expect(await listOf(bot)).not.toContain('交表')
    expect(await say(bot, '李姐', '删除提醒 2')).toEqual(['没有找到「2」这条提醒，发「提醒列表」看看编号。'])
    expect(bot.sent.some((s) => s.text.includes('【提醒】交表'))).toBe(false)
  })

  it('are not sent when deleted while their job could not be removed (already running)', async () => {
    const store = await shared()
    const bot = await boot(store)
    const queue = onceQueue(store)
    const no = numberIn((await say(bot, '李姐', '下周一上午10点提醒大家交表'))[0]!)
    // Only the record goes, as when 「删除提醒」 meets a job that has just started.
    expect(await new OnceStore(bot.app).remove('xingfuli', no)).toBe(true)
    const [job] = await queue.getDelayed()
    await job!.promote()
    await until(async () => (await queue.getCompletedCount()) === 1)
    expect(await bot.idle()).toBe(true)
    expect(bot.sent.some((s) => s.text === '【提醒】交表')).toBe(false)
  })

  it('are managed by what they are about when no number is given: one match acts, several are asked about, none asks for a number', async () => {
    const store = await shared()
    const bot = await boot(store)
    const queue = onceQueue(store)
    const no = numberIn((await say(bot, '李姐', '下周一上午10点提醒大家交表'))[0]!)
    expect(await say(bot, '李姐', '把交表那个提醒删了')).toEqual([`已删除提醒 ${no}（交表）。`])
    expect(await queue.getDelayedCount()).toBe(0)

    // A config rhythm by its name.
    expect(await say(bot, '李姐', '家接待的提醒先停一下')).toEqual(['已暂停提醒 家接待。发「恢复提醒 家接待」可恢复。'])
    expect(await listOf(bot)).toContain('· 家接待｜每周三 15:00｜已暂停')

    // Two that fit: the host is asked which, with their numbers; nothing is deleted.
    const a = numberIn((await say(bot, '李姐', '下周一上午10点提醒大家交表格'))[0]!)
    const b = numberIn((await say(bot, '李姐', '下周二上午9点提醒大家交表格复印件'))[0]!)
    const [asked] = await say(bot, '李姐', '把表格那个提醒删了')
    expect(asked!.split('\n')).toEqual([
      '有2条提醒都对得上，要删除哪一条？',
      expect.stringMatching(new RegExp(`^${a}\\. 一次性｜.+｜交表格$`, 'u')),
      expect.stringMatching(new RegExp(`^${b}\\. 一次性｜.+｜交表格复印件$`, 'u')),
      `请带上编号或名称，比如「删除提醒 ${a}」。`,
    ])
    expect(await queue.getDelayedCount()).toBe(2)
    // A name after the verb works too; the whole name wins over the shorter one inside it.
    expect(await say(bot, '李姐', '删除提醒 交表格复印件')).toEqual([`已删除提醒 ${b}（交表格复印件）。`])

    // Nothing named: the usual question.
    expect(await say(bot, '李姐', '把提醒删了')).toEqual(['要管理哪一条提醒？请带上编号，比如「暂停提醒 1」。'])
    expect(await queue.getDelayedCount()).toBe(1)
  })

  it('leave the list once sent', async () => {
    const store = await shared()
    const bot = await boot(store)
    const queue = onceQueue(store)
    const no = numberIn((await say(bot, '李姐', '下周一上午10点提醒大家交表'))[0]!)
    expect(await listOf(bot)).toContain(`${no}. 一次性｜`)
    const [job] = await queue.getDelayed()
    await job!.promote()
    await until(() => bot.sent.some((s) => s.text === '【提醒】交表'))
    expect(bot.sent.find((s) => s.text === '【提醒】交表')).toMatchObject({ kind: 'room', to: '幸福里妇女微家' })
    await until(async () => (await queue.getCompletedCount()) === 1)
    expect(await listOf(bot)).not.toContain('交表')
    expect(await say(bot, '李姐', `删除提醒 ${no}`)).toEqual([`没有找到「${no}」这条提醒，发「提醒列表」看看编号。`])
  })

  it('personal ones (「提醒我…」) are shown and managed only by their owner, and sent privately', async () => {
    const store = await shared()
    const bot = await boot(store)
    const queue = onceQueue(store)
    const [saved] = await say(bot, '李姐', '下周日早上8点提醒我一下插花的事')
    expect(saved).toMatch(/私信提醒您：插花的事/u)
    const no = numberIn(saved!)
    expect(await listOf(bot, '李姐')).toMatch(new RegExp(`\\n${no}\\. 一次性｜\\d+月\\d+日（周日）08:00｜插花的事（私信提醒您）\\n`, 'u'))
    // Another host sees the group's list without it, and can't reach it by number or by name.
    expect(await listOf(bot, '小王')).not.toContain('插花')
    expect(await say(bot, '小王', `删除提醒 ${no}`)).toEqual([`没有找到「${no}」这条提醒，发「提醒列表」看看编号。`])
    expect(await say(bot, '小王', '把插花那个提醒删了')).toEqual(['没有找到「插花」这条提醒，发「提醒列表」看看编号。'])
    expect(await queue.getDelayedCount()).toBe(1)

    const [job] = await queue.getDelayed()
    await job!.promote()
    await until(() => bot.sent.some((s) => s.text === '【提醒】插花的事'))
    expect(bot.sent.find((s) => s.text === '【提醒】插花的事')).toMatchObject({ kind: 'private', to: '李姐' })
    await until(async () => (await queue.getCompletedCount()) === 1)
    expect(await listOf(bot, '李姐')).not.toContain('插花')
  })

  it('「提醒我…」 asked in Traditional characters is confirmed and sent to her in them; asked in Simplified, in Simplified', async () => {
    const store = await shared()
    const bot = await boot(store)
    const queue = onceQueue(store)
    const [saved] = await say(bot, '陈美玲', '下週日早上8點提醒我一下交電費')
    expect(saved).toContain('私信提醒您：交電費')
    const [job] = await queue.getDelayed()
    await job!.promote()
    await until(() => bot.sent.some((s) => s.kind === 'private' && s.to === '陈美玲'))
    expect(bot.sent.filter((s) => s.kind === 'private').map((s) => s.text)).toEqual(['【提醒】交電費'])
    // Control: written in Simplified, sent in Simplified.
    await say(bot, '王芳', '下周日早上8点提醒我一下交电费')
    const [mine] = (await queue.getDelayed()).filter((j) => j.id !== job!.id)
    await mine!.promote()
    await until(() => bot.sent.some((s) => s.kind === 'private' && s.to === '王芳'))
    expect(bot.sent.find((s) => s.kind === 'private' && s.to === '王芳')!.text).toBe('【提醒】交电费')
  })

  it('a resident sees and deletes only her own 「提醒我…」, and is refused the rest', async () => {
    const store = await shared()
    const bot = await boot(store)
    const queue = onceQueue(store)
    const refusal = '这个指令只有微家主人或工作人员可以用哦。如需帮忙，可以@群里的微家主人。'
    const hosts = numberIn((await say(bot, '李姐', '下周一上午10点提醒大家交表'))[0]!)
    expect(await say(bot, '王芳', '提醒列表')).toEqual([refusal])
    expect(await say(bot, '王芳', '下周一上午10点提醒大家交表')).toEqual([refusal])
    const [saved] = await say(bot, '王芳', '下周六下午3点提醒我去浇花')
    const own = numberIn(saved!)
    expect(saved).toContain('私信提醒您：去浇花')
    expect((await say(bot, '王芳', '提醒列表'))[0]!.split('\n')).toEqual([
      '您让我私信提醒的事：',
      expect.stringMatching(new RegExp(`^${own}\\. 一次性｜\\d+月\\d+日（周六）15:00｜去浇花（私信提醒您）$`, 'u')),
      `管理方法——一次性的只能删除：「删除提醒 ${own}」。`,
    ])
    expect(await say(bot, '王芳', `删除提醒 ${hosts}`)).toEqual([refusal])
    expect(await say(bot, '王芳', '把交表那个提醒删了')).toEqual([refusal])
    expect(await say(bot, '王芳', '暂停提醒 家接待')).toEqual([refusal])
    expect(await say(bot, '王芳', '把浇花那个提醒删了')).toEqual([`已删除提醒 ${own}（去浇花）。`])
    expect(await queue.getDelayedCount()).toBe(1)
    expect(await listOf(bot)).toContain(`${hosts}. 一次性｜`)
  })

  it('a resident\'s own list and her own by number without @, as a host\'s commands are; with nothing of her own, or in plain words, only when she addresses the bot', async () => {
    const store = await shared()
    const bot = await boot(store)
    const plain = async (...lines: [string, string][]) => {
      const before = bot.sent.length
      for (const [name, text] of lines) bot.world.say(name, text)
      expect(await bot.idle()).toBe(true)
      return bot.sent.slice(before).map((m) => `${m.mentions.join(',')}> ${m.text.split('\n')[0]}`)
    }
    // Nothing of her own: silence, while the host's plain 提醒列表 beside it is answered.
    expect(await plain(['张丽', '提醒列表'], ['李姐', '提醒列表'])).toEqual(['李姐> 幸福里妇女微家的定时提醒：'])
    const own = numberIn((await say(bot, '张丽', '明天早上8点提醒我一下带户口本去社区'))[0]!)
    expect(await plain(['张丽', '提醒列表'])).toEqual(['张丽> 您让我私信提醒的事：'])
    // Plain words without @ are left to the people in the group; the exact command is hers.
    expect(await plain(['张丽', '把户口本那个提醒删了吧'], ['张丽', `删除提醒 ${own}`])).toEqual([`张丽> 已删除提醒 ${own}（带户口本去社区）。`])
  })

  it('survive a restart: still listed, still deletable by number, and still sent when due', async () => {
    const store = await shared()
    const first = await boot(store)
    const keep = numberIn((await say(first, '李姐', '下周一上午10点提醒大家交表'))[0]!)
    const drop = numberIn((await say(first, '李姐', '下周二上午9点提醒大家交水费'))[0]!)
    await first.stop()
    bots = []

    const second = await boot(store)
    const queue = onceQueue(store)
    const list = await listOf(second)
    expect(list).toContain(`${keep}. 一次性｜`)
    expect(list).toContain(`${drop}. 一次性｜`)
    expect(await say(second, '李姐', `删除提醒 ${drop}`)).toEqual([`已删除提醒 ${drop}（交水费）。`])
    // The counter carries on after the restart: a new one gets the next number.
    expect(numberIn((await say(second, '李姐', '下周三上午9点提醒大家打扫活动室'))[0]!)).toBe(drop + 1)

    const delayed = await queue.getDelayed()
    expect(delayed.map((j) => (j.data as { text: string }).text).sort()).toEqual(['【提醒】交表', '【提醒】打扫活动室'].sort())
    await delayed.find((j) => (j.data as { text: string }).text === '【提醒】交表')!.promote()
    await until(() => second.sent.some((s) => s.text === '【提醒】交表'))
    await until(async () => (await queue.getCompletedCount()) === 1)
    expect(await listOf(second)).not.toContain('交表')
    expect(second.sent.some((s) => s.text === '【提醒】交水费')).toBe(false)
  })
})

describe('one person\'s messages in order', () => {
  it('a reminder set and the list asked for at once: the list already has it (the two are handled in arrival order)', async () => {
    const store = await shared()
    const bot = await boot(store)
    const before = bot.sent.length
    bot.world.say('李姐', '@小助手 下周一上午10点提醒大家交表', { mentionBot: true })
    bot.world.say('李姐', '@小助手 提醒列表', { mentionBot: true })
    expect(await bot.idle()).toBe(true)
    const replies = bot.sent.slice(before).map((m) => m.text)
    expect(replies).toHaveLength(2)
    expect(replies[0]).toMatch(/^好的，.*交表/u)
    expect(replies[1]).toMatch(/一次性｜.*交表/u)
  })
})

describe('the one-off record', () => {
  it('gives a redelivered message the number it already has, and records it once', async () => {
    const store = await shared()
    const app = { redis: store.redis, key: (...parts: string[]) => [store.prefix, ...parts].join(':'), log: silentLogger() }
    const records = new OnceStore(app)
    const rec = { groupId: 'g1', at: 1_800_000_000_000, content: '交表', createdBy: { id: 'u1', name: '李姐' }, createdAt: 1_790_000_000_000, jobId: 'reminders:once:m1' }
    expect(await records.create('m1', rec)).toEqual({ no: 1, created: true })
    expect(await records.create('m1', rec)).toEqual({ no: 1, created: false })
    expect(await records.create('m2', { ...rec, jobId: 'reminders:once:m2' })).toEqual({ no: 2, created: true })
    expect((await records.list('g1')).map((r) => [r.no, r.at, r.content])).toEqual([
      [1, 1_800_000_000_000, '交表'],
      [2, 1_800_000_000_000, '交表'],
    ])
    expect(await records.remove('g1', 1)).toBe(true)
    expect(await records.remove('g1', 1)).toBe(false)
    // Redelivered after it was deleted: still the old number, and not created again.
    expect(await records.create('m1', rec)).toEqual({ no: 1, created: false })
    expect(await records.get('g1', 1)).toBeUndefined()
  })
})
