// Help requests end to end: mock WeChat → pipeline → referral routes and jobs (BullMQ on real Redis)
// → outbox → mock WeChat. Every test ends by checking that no group message leaked what a resident said.
import { ANSWER_HANDOVER } from '../src/core/handover.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { OpenAiLlm } from '../src/adapters/openai/llm.ts'
import type { App, Capability, Context } from '../src/core/capability.ts'
import { casesCommand } from '../src/referrals/cli.ts'
import { testCliDeps } from '../src/testing/cli.ts'
import { isHelpTopic } from '../src/referrals/classify.ts'
import { createReferrals, type ReferralDeps, type ReferralParts } from '../src/referrals/index.ts'
import { createSafety } from '../src/safety/index.ts'
import { safetyTexts } from '../src/safety/texts.ts'
import { referralTexts } from '../src/referrals/texts.ts'
import { resolveSettings } from '../src/referrals/settings.ts'
import { HELP_TOOL } from '../src/nlu/help-llm.ts'
import { loadEnv } from '../src/config.ts'
import type { Case } from '../src/referrals/state.ts'
import { createLogger, type Logger } from '../src/core/log.ts'
import { parseScript } from '../src/sandbox/script.ts'
import { perform, waitIdle } from '../src/sandbox/runner.ts'
import { startOpenAiStub, type OpenAiStub } from '../src/testing/openai-stub.ts'
import { startTestBot, type TestBot } from '../src/testing/bot.ts'
import { testRedis, type TestRedis } from '../src/testing/redis.ts'

const TOPIC = '幸福里妇女微家'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let bots: TestBot[] = []
/** Redis namespaces shared by several bots of one test (restarts); deleted after those bots stop. */
let stores: TestRedis[] = []
let stub: OpenAiStub | undefined
/** What residents said in each test: none of it may appear in any group message. */
let secrets: string[] = []

afterEach(async () => {
  try {
    for (const bot of bots) expectNoLeak(bot, secrets)
  } finally {
    for (const bot of bots) await bot.stop()
    for (const store of stores) await store.cleanup()
    await stub?.close()
    bots = []
    stores = []
    stub = undefined
    secrets = []
  }
})

/** Every 4-character window of every secret (whole secret when shorter) is absent from every group message. */
function expectNoLeak(bot: TestBot, said: string[]) {
  const group = bot.sent.filter((s) => s.kind === 'room')
  for (const secret of said) {
    const clean = secret.replace(/[，。？！、\s]/g, '')
    const n = Math.min(4, clean.length)
    for (let i = 0; i + n <= clean.length; i++) {
      const piece = clean.slice(i, i + n)
      for (const m of group) expect(m.text, `group message leaks "${piece}"`).not.toContain(piece)
    }
  }
}

function say(bot: TestBot, name: string, text: string, opts: { mention?: boolean } = {}) {
  secrets.push(text)
  bot.world.say(name, opts.mention ? `@小助手 ${text}` : text, { mentionBot: opts.mention })
}

/** A stand-in for the Q&A capability at its priority: records what reached it and replies with `answer`. */
function documentsStandin(opts: { route?: string; match: (ctx: Context) => boolean; answer: (ctx: Context, app: App) => string; seen: string[] }): Capability {
  return {
    name: 'qa-standin',
    register(app) {
      app.route({
        name: opts.route ?? 'qa.answer',
        priority: 80,
        match: opts.match,
        async handle(ctx) {
          if (ctx.get(ANSWER_HANDOVER)?.rememberOnly) return
          opts.seen.push(ctx.msg.text)
          // As the Q&A does: a question the referrals hand over privately is answered in private.
          const text = opts.answer(ctx, app)
          await (ctx.get(ANSWER_HANDOVER)?.privately ? ctx.whisper(text) : ctx.reply(text))
        },
      })
    },
  }
}

function dm(bot: TestBot, name: string, text: string) {
  secrets.push(text)
  bot.world.sayPrivate(name, text)
}

async function until<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const v = await fn()
    if (v) return v
    await sleep(50)
  }
  const last = bots.at(-1)?.sent.slice(-4).map((m) => `${m.kind}:${m.to}: ${m.text.slice(0, 40)}`)
  throw new Error(`condition not met in time; last sent: ${JSON.stringify(last)}`)
}

/** Messages the bot sent to a person: privately, or in the group @-mentioning them. */
const toPerson = (bot: TestBot, name: string) => bot.sent.filter((s) => (s.kind === 'private' && s.to === name) || (s.kind === 'room' && s.mentions.includes(name)))
const privately = (bot: TestBot, name: string) => bot.sent.filter((s) => s.kind === 'private' && s.to === name)
const lastTo = (bot: TestBot, name: string) => privately(bot, name).at(-1)?.text ?? ''

async function boot(deps: ReferralDeps = {}, opts: { config?: Record<string, unknown>; extra?: Capability[]; llm?: OpenAiLlm; store?: Awaited<ReturnType<typeof testRedis>>; log?: Logger } = {}) {
  let svc: ReferralParts | undefined
  const bot = await startTestBot({
    capabilities: [createReferrals({ ...deps, expose: (s) => (svc = s) }), ...(opts.extra ?? [])],
    config: opts.config,
    llm: opts.llm,
    store: opts.store,
    log: opts.log,
  })
  bots.push(bot)
  return { bot, svc: svc! }
}

/** A Redis namespace that outlives one bot (for restart tests), cleaned up after the test. */
async function sharedStore(label: string): Promise<TestRedis> {
  const store = await testRedis(label)
  stores.push(store)
  return store
}

/** Idle: every message said has been handled, and every job due within the idle horizon has run. */
async function settle(bot: TestBot) {
  expect(await bot.idle()).toBe(true)
}

async function onlyCase(svc: ReferralParts): Promise<Case> {
  return until(async () => {
    const all = await svc.cases.list()
    return all.length === 1 ? all[0] : undefined
  })
}

const group = (over: Record<string, unknown> = {}) => ({
  id: 'xingfuli',
  match: { topic: TOPIC },
  name: TOPIC,
  type: '网格睦邻',
  hosts: ['李姐'],
  staff: ['小王'],
  supervisor: '小王',
  ...over,
})

/** Two groups: 幸福里 (staff 小王, 小陈; supervisor 老赵) and 和平里 (staff 小刘). */
const twoGroups = {
  groups: [
    group({ staff: ['小王', '小陈'], supervisor: '老赵' }),
    { id: 'hepingli', match: { topic: '和平里妇女微家' }, name: '和平里妇女微家', type: '公益服务', hosts: [], staff: ['小刘'], supervisor: '小刘' },
  ],
}

describe('emergencies', () => {
  it('in a group: the very first message to her carries 110 and 12338, then staff are alerted, and the group sees no details', async () => {
    const { bot, svc } = await boot()
    say(bot, '王芳', '他拿刀吓唬我，我躲在卧室')
    const c = await onlyCase(svc)
    await settle(bot)

    const first = toPerson(bot, '王芳')[0]!
    expect(first.kind).toBe('room')
    expect(first.text.startsWith('如有危险，请立即拨打110')).toBe(true)
    expect(first.text).toContain('12338')
    expect(first.text).not.toContain('120')
    expect(first.text).toContain('已私信您')
    // The private message also starts with the numbers.
    const dmFirst = privately(bot, '王芳')[0]!
    expect(dmFirst.text.startsWith('如有危险，请立即拨打110')).toBe(true)
    expect(dmFirst.text).toContain('紧急转给值班工作人员')

    // Forwarded without consent (the default policy), flagged urgent, to the group's staff.
    expect(c).toMatchObject({ urgency: '紧急', category: '家庭暴力', consent: false, consentBasis: 'emergency-policy', status: 'new', groupId: 'xingfuli', source: 'group' })
    expect(c.id).toMatch(/^R-\d{8}-0001$/)
    const alert = privately(bot, '小王')[0]!.text
    expect(alert).toContain(`【紧急求助】${c.id}`)
    expect(alert).toContain('他拿刀吓唬我')
    expect(lastTo(bot, '王芳')).toContain(c.id)
    // The group got exactly one message.
    expect(bot.sent.filter((s) => s.kind === 'room')).toHaveLength(1)
  })

  it('the emergency reply overtakes a backlog in the group (it is sent urgent), ahead of ordinary replies', async () => {
    // Paced like production (a gap per conversation), so a backlog builds up in the group.
    const bot = await startTestBot({ capabilities: [createReferrals()], outbox: { roomIntervalMs: 250, jitterMs: 0, perMinute: 10_000 } })
    bots.push(bot)
    const room = { kind: 'room' as const, roomId: bot.world.rooms.get('xingfuli')!.id, topic: TOPIC }
    for (let i = 1; i <= 10; i++) await bot.app.outbox.send({ to: room, text: `通知${i}` })
    say(bot, '王芳', '他拿刀吓唬我')
    await until(() => bot.sent.filter((s) => s.text.startsWith('通知')).length === 10)
    const order = bot.sent.filter((s) => s.kind === 'room').map((s) => (s.text.startsWith('通知') ? s.text : 'EMERGENCY'))
    const at = order.indexOf('EMERGENCY')
    // Sent within the first few group messages, not after the ten queued before it (positive control:
    // the backlog itself went out in order).
    expect(at).toBeGreaterThanOrEqual(0)
    expect(at).toBeLessThan(4)
    expect(order.filter((t) => t !== 'EMERGENCY')).toEqual(Array.from({ length: 10 }, (_, i) => `通知${i + 1}`))
  })

  it('adds 120 for a medical emergency and the crisis line for self-harm; private chat starts with the numbers', async () => {
    const { bot } = await boot()
    dm(bot, '张丽', '我吃了一整瓶安眠药')
    await until(() => privately(bot, '张丽').length >= 1)
    const first = privately(bot, '张丽')[0]!.text
    expect(first.startsWith('如有危险，请立即拨打110')).toBe(true)
    expect(first.indexOf('120')).toBeGreaterThan(first.indexOf('110'))
    expect(first.indexOf('12338')).toBeGreaterThan(first.indexOf('120'))
    expect(first).toContain('12356')
    await settle(bot)
  })

  it('recognises Traditional characters; more words after forwarding go to the same case, not a new one', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '他又打我了，我好怕')
    const c = await onlyCase(svc)
    await until(() => privately(bot, '小王').length >= 1)
    dm(bot, '王芳', '只能發微信，別打電話')
    await until(() => privately(bot, '小王').some((m) => m.text.startsWith('【补充】')))
    dm(bot, '王芳', '他拿刀過來了')
    await until(() => privately(bot, '小王').filter((m) => m.text.startsWith('【补充】')).length === 2)
    await settle(bot)
    expect(await svc.cases.list()).toHaveLength(1)
    const after = (await svc.cases.get(c.id))!
    expect(after.notes.map((n) => n.by)).toEqual(['居民', '居民'])
    expect(after.audit.filter((a) => a.action === 'supplemented')).toHaveLength(2)
    // The second emergency message got the numbers again, first thing (in Traditional, as she wrote it).
    const replies = privately(bot, '王芳').map((m) => m.text)
    expect(replies.filter((t) => t.startsWith('如有危险，请立即拨打110'))).toHaveLength(1)
    expect(replies.filter((t) => t.startsWith('如有危險，請立即撥打110'))).toHaveLength(1)
  })

  it('after an emergency: "can\'t call" gets the silent options, and what she adds after it (her address) reaches staff too', async () => {
    const { bot, svc } = await boot()
    say(bot, '陈静', '救命 他喝醉了在砸门 说要弄死我 我跟孩子躲在卫生间')
    const c = await onlyCase(svc)
    await until(() => privately(bot, '陈静').length >= 1)
    dm(bot, '陈静', '我不敢打电话 他会听见')
    await until(() => lastTo(bot, '陈静').includes('12110'))
    expect(lastTo(bot, '陈静')).toBe(referralTexts.emergencySilent)
    dm(bot, '陈静', '幸福里5号楼302')
    await until(() => privately(bot, '小王').filter((m) => m.text.startsWith('【补充】')).length === 2)
    await settle(bot)
    expect(privately(bot, '小王').at(-1)!.text).toContain('幸福里5号楼302')
    // She said she cannot phone: what follows points to the silent way again, not "call 110".
    expect(lastTo(bot, '陈静')).toBe(referralTexts.emergencySilentNoted)
    expect((await svc.cases.get(c.id))!.notes).toHaveLength(2)
  })

  it('with emergencyWithoutConsent off, an emergency gets the numbers and nothing is forwarded until she agrees', async () => {
    const { bot, svc } = await boot({ settings: { emergencyWithoutConsent: false } })
    dm(bot, '王芳', '不想活了')
    await until(() => privately(bot, '王芳').length >= 1)
    expect(privately(bot, '王芳')[0]!.text.startsWith('如有危险，请立即拨打110')).toBe(true)
    expect(privately(bot, '王芳')[0]!.text).toContain('同意请回复')
    dm(bot, '王芳', '不用了')
    await until(() => lastTo(bot, '王芳').includes('不转了'))
    await settle(bot)
    expect(privately(bot, '小王')).toHaveLength(0)
    expect(await svc.cases.list()).toHaveLength(0)
  })
})

describe('privacy in the group', () => {
  it('advises a resident who posts a phone or ID number to recall it, never repeating it, mentioned or not', async () => {
    const { bot } = await boot()
    say(bot, '张丽', '我的电话13912345678，有活动叫我')
    say(bot, '王芳', '这是我的证件110105199003071234麻烦登记', { mention: true })
    await until(() => bot.sent.filter((s) => s.kind === 'room').length >= 2)
    await settle(bot)
    const room = bot.sent.filter((s) => s.kind === 'room')
    expect(room).toHaveLength(2)
    for (const m of room) expect(m.text).toContain('撤回')
    secrets.push('13912345678', '110105199003071234')
  })

  it('hosts posting a service number are left alone', async () => {
    const { bot } = await boot()
    bot.world.say('李姐', '有事可以打我电话13987654321')
    await settle(bot)
    expect(bot.sent).toHaveLength(0)
  })

  it('a help request with a phone number in the group: recall advice and private follow-up, nothing repeated', async () => {
    const { bot } = await boot()
    say(bot, '王芳', '我老公经常打我，能帮帮我吗，电话13698765432', { mention: true })
    await until(() => privately(bot, '王芳').length >= 1)
    await settle(bot)
    const room = bot.sent.filter((s) => s.kind === 'room')
    expect(room).toHaveLength(1)
    expect(room[0]!.text).toContain('撤回')
    expect(room[0]!.text).toContain('已私信您')
    expect(privately(bot, '王芳')[0]!.text).toContain('同意请回复')
    secrets.push('13698765432')
  })
})

describe('the consent gate', () => {
  it('nothing is forwarded without consent; with it, contact and description reach staff and she gets a case number', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '老公出轨了，我想离婚，心里很乱')
    await until(() => privately(bot, '王芳').length === 1)
    expect(privately(bot, '王芳')[0]!.text).toContain('同意请回复「同意」')
    dm(bot, '王芳', '不用')
    await until(() => lastTo(bot, '王芳').includes('不转了'))
    await settle(bot)
    expect(privately(bot, '小王')).toHaveLength(0)
    expect(await svc.cases.list()).toHaveLength(0)

    dm(bot, '王芳', '我还是想找人帮帮我，老公出轨了想离婚')
    await until(() => privately(bot, '王芳').length === 3)
    dm(bot, '王芳', '同意')
    await until(() => lastTo(bot, '王芳').includes('怎么联系您'))
    dm(bot, '王芳', '2 13912340000 晚上七点后')
    const c = await onlyCase(svc)
    await until(() => privately(bot, '小王').length === 1)
    await settle(bot)
    expect(c).toMatchObject({ consent: true, consentBasis: 'resident', category: '婚姻家庭纠纷', urgency: '一般', status: 'new', source: 'private' })
    expect(c.contact).toBe('打电话（13912340000 晚上七点后）')
    const alert = privately(bot, '小王')[0]!.text
    expect(alert).toContain('【新求助】')
    expect(alert).toContain('老公出轨了想离婚')
    expect(alert).toContain('13912340000')
    expect(lastTo(bot, '王芳')).toContain(c.id)
  })

  it('the case is named by the understanding\'s category: unpaid child support is 法律维权, as the group line says', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '离婚了娃的抚养费他一直不给咋整')
    await until(() => privately(bot, '王芳').length >= 1)
    expect(privately(bot, '王芳').at(-1)!.text).toContain('法律维权')
    dm(bot, '王芳', '同意，打我电话吧')
    // A call with no number: asked for one, once.
    await until(() => lastTo(bot, '王芳') === referralTexts.askNumber)
    dm(bot, '王芳', '13912345678 白天都行')
    const c = await onlyCase(svc)
    expect(c).toMatchObject({ category: '法律维权', consent: true, contact: '打电话（13912345678 白天都行）' })
  })

  it('a request in the group: a short note there, the whole conversation in private (asking a description when needed)', async () => {
    const { bot, svc } = await boot()
    say(bot, '张丽', '帮帮我', { mention: true })
    await until(() => privately(bot, '张丽').length === 1)
    const room = bot.sent.filter((s) => s.kind === 'room')
    expect(room.map((m) => m.text)).toEqual([referralTexts.groupPrivately])
    dm(bot, '张丽', '好的')
    await until(() => lastTo(bot, '张丽').includes('怎么联系您'))
    dm(bot, '张丽', '1')
    await until(() => lastTo(bot, '张丽').includes('说说您遇到的情况'))
    dm(bot, '张丽', '孩子学费交不起了，家里实在困难')
    const c = await onlyCase(svc)
    await settle(bot)
    expect(c).toMatchObject({ contact: '微信私聊', description: '孩子学费交不起了，家里实在困难', source: 'group', category: '其他' })
  })

  it('a clear request in the group is taken up even without a mention; plain chatter is not', async () => {
    const { bot } = await boot()
    bot.world.say('张丽', '今天天气真好，晚上一起跳广场舞')
    say(bot, '王芳', '我老公经常打我，怎么办啊')
    await until(() => privately(bot, '王芳').length === 1)
    await settle(bot)
    // A disclosure: support first (not her fault, 110 and 12338, the private channel), nothing echoed.
    expect(bot.sent.filter((s) => s.kind === 'room').map((m) => m.text)).toEqual([referralTexts.groupDisclosure])
    expect(referralTexts.groupDisclosure).toMatch(/不是您的错[\s\S]*110[\s\S]*12338[\s\S]*私信/)
    expect(toPerson(bot, '张丽')).toHaveLength(0)
  })

  it('asked again while her yes is awaited, the offer in private stands: no second one just like it', async () => {
    const { bot } = await boot()
    say(bot, '张红', '离婚了孩子抚养费他一直不给，咋办')
    await until(() => privately(bot, '张红').length === 1)
    say(bot, '张红', '打官司请律师的钱谁出啊 抚养费的事')
    await until(() => bot.sent.filter((s) => s.kind === 'room').length === 2)
    await settle(bot)
    expect(privately(bot, '张红')).toHaveLength(1)
    // Her yes then passes on both messages.
    dm(bot, '张红', '同意')
    await until(() => privately(bot, '张红').length >= 2)
    await settle(bot)
  })

  it('a legal question about her own case is met with legal aid and 12338, a quarrel at home without "not your fault"', async () => {
    const { bot } = await boot()
    say(bot, '王芳', '离婚了孩子抚养费他一直不给，咋办')
    await until(() => privately(bot, '王芳').length === 1)
    say(bot, '张丽', '婆婆天天嫌弃我做饭不好吃，跟她吵了好几回了，想找人帮着调解一下')
    await until(() => privately(bot, '张丽').length === 1)
    await settle(bot)
    const room = bot.sent.filter((s) => s.kind === 'room').map((m) => m.text)
    expect(room).toEqual([referralTexts.groupLegal, referralTexts.groupFamily])
    expect(referralTexts.groupLegal).toMatch(/法律援助[\s\S]*12338[\s\S]*私信/)
    expect(referralTexts.groupFamily).not.toContain('不是您的错')
    // Nothing she wrote is echoed in the group.
    for (const t of room) expect(t).not.toMatch(/抚养费|婆婆|做饭/)
  })

  it('a topic question is not claimed: it falls through to the Q&A (priority 80), which can offer personal help', async () => {
    const seen: string[] = []
    const fallback = documentsStandin({
      route: 'qa-standin.answer',
      match: (ctx) => ctx.msg.mentioned,
      answer: (ctx) => `（资料回答）${isHelpTopic(ctx.msg.text) ? '如需个人帮助，可私聊我。' : ''}`,
      seen,
    })
    const { bot, svc } = await boot({}, { extra: [fallback] })
    bot.world.say('王芳', '@小助手 家暴怎么申请保护令？', { mentionBot: true })
    bot.world.sayPrivate('张丽', '两癌筛查在哪里做？')
    await until(() => seen.length === 2)
    await settle(bot)
    expect(seen.sort()).toEqual(['两癌筛查在哪里做？', '家暴怎么申请保护令？'])
    expect(bot.sent.every((m) => m.text.includes('如需个人帮助'))).toBe(true)
    expect(await svc.cases.list()).toHaveLength(0)
  })

  it('the offer of personal help comes under an answer only where a resident\'s own situation is in the question', async () => {
    const asked: string[] = []
    const documents = documentsStandin({ match: (ctx) => ctx.msg.mentioned, answer: (ctx, app) => ['（资料回答）', ...app.answerHints(ctx)].join('\n'), seen: asked })
    const { bot } = await boot({}, { extra: [documents] })
    // A staff member's statistics question, and a resident's question about the topic or the place: the answer alone.
    bot.world.say('小王', '@小助手 苍南那个报告里两癌检查做了多少人', { mentionBot: true })
    bot.world.say('张丽', '@小助手 我们这边两癌筛查在哪做', { mentionBot: true })
    // Her own situation (the control): the offer, as before.
    bot.world.say('王芳', '@小助手 我想参加两癌筛查 要带啥', { mentionBot: true })
    // Domestic violence asked about: the numbers whatever the documents say, still without the offer.
    bot.world.say('赵敏', '@小助手 家暴投诉受理站在哪里', { mentionBot: true })
    await until(() => asked.length === 4)
    await settle(bot)
    const to = (name: string) => bot.sent.filter((m) => m.kind === 'room' && m.mentions?.includes(name)).map((m) => m.text)
    expect(to('小王')).toEqual(['（资料回答）'])
    expect(to('张丽')).toEqual(['（资料回答）'])
    expect(to('王芳')).toEqual([`（资料回答）\n${referralTexts.helpHintGroup}`])
    expect(to('赵敏')).toEqual([`（资料回答）\n${referralTexts.violenceNumbers}`])
  })

  // Tester round 17: the host 李姐 checking a figure for her talk got "如需个人帮助，可以私聊我" under the answer.
  it('no offer of personal help under a host\'s question, nor under a question asked for a talk; a resident\'s own situation still gets it', async () => {
    const asked: string[] = []
    const documents = documentsStandin({ match: (ctx) => ctx.msg.mentioned, answer: (ctx, app) => ['（资料回答）', ...app.answerHints(ctx)].join('\n'), seen: asked })
    const { bot } = await boot({}, { extra: [documents] })
    bot.world.say('李姐', '@小助手 下周我要在微家给姐妹们讲讲巾帼创业，先核对个数：苍南那个报告里巾帼创业贷款一年放了多少', { mentionBot: true })
    bot.world.say('张丽', '@小助手 下周我要给姐妹们讲讲巾帼创业，苍南那个报告里巾帼创业贷款一年放了多少', { mentionBot: true })
    // Controls: her own situation told beside the same topic, and a host asking about domestic violence still gets the numbers.
    bot.world.say('王芳', '@小助手 我想创业 巾帼创业贷款一个人能贷多少', { mentionBot: true })
    bot.world.say('李姐', '@小助手 我们楼里宣传栏要出一期反家暴的内容，妇联在反家暴这块都做了啥', { mentionBot: true })
    await until(() => asked.length === 4)
    await settle(bot)
    const to = (name: string) => bot.sent.filter((m) => m.kind === 'room' && m.mentions?.includes(name)).map((m) => m.text)
    expect(to('李姐')).toEqual(['（资料回答）', `（资料回答）\n${referralTexts.violenceNumbers}`])
    expect(to('张丽')).toEqual(['（资料回答）'])
    expect(to('王芳')).toEqual([`（资料回答）\n${referralTexts.helpHintGroup}`])
    expect(privately(bot, '李姐')).toEqual([])
  })

  it('a practical need asked in colloquial words ("…咋办") is answered in the group with the private channel offered in its last line, and no offer pushed to her', async () => {
    const asked: string[] = []
    const documents = documentsStandin({ match: (ctx) => ctx.msg.mentioned, answer: (ctx, app) => ['（资料回答）', ...app.answerHints(ctx)].join('\n'), seen: asked })
    const { bot } = await boot({}, { extra: [documents] })
    say(bot, '赵敏', '娃放学没人管咋办', { mention: true })
    // Her own trouble told beside the same kind of question (the control): the offer, in private.
    say(bot, '王芳', '我上个月被厂里辞了 社区有没有什么培训或者招工的信息', { mention: true })
    await until(() => privately(bot, '王芳').length === 1)
    await until(() => bot.sent.some((m) => m.kind === 'room' && m.mentions?.includes('赵敏')))
    await settle(bot)
    const hers = bot.sent.filter((m) => m.kind === 'room' && m.mentions?.includes('赵敏')).map((m) => m.text)
    expect(hers).toEqual([`（资料回答）\n${referralTexts.helpHintGroup}`])
    expect(privately(bot, '赵敏')).toEqual([])
    expect(privately(bot, '王芳')[0]!.text).toContain('就业创业')
    expect(bot.sent.filter((m) => m.kind === 'room' && m.mentions?.includes('王芳')).map((m) => m.text)).toContain(referralTexts.groupPrivately)
    expect(asked).toContain('娃放学没人管咋办')
  })

  it('a money trouble asked as a question in the group gets no passage there (it would tell everyone what she asked for): the private offer, then the answer in private', async () => {
    const asked: string[] = []
    const documents = documentsStandin({ match: (ctx) => ctx.msg.mentioned || /帮帮忙/u.test(ctx.msg.text), answer: () => '（资料回答）', seen: asked })
    const { bot } = await boot({}, { extra: [documents] })
    say(bot, '王芳', '我妈突然住院了 手头也紧 医药费都凑不齐 社区能不能帮帮忙😭')
    await until(() => privately(bot, '王芳').length === 2)
    await settle(bot)
    // The documents may answer her, in private, after the offer; never in the group.
    expect(asked).toHaveLength(1)
    expect(bot.sent.filter((m) => m.kind === 'room').map((m) => m.text)).not.toContain('（资料回答）')
    expect(privately(bot, '王芳').at(-1)?.text).toBe('（资料回答）')
  })

  it('more of her story while asked for consent says what it is about: violence named as such, 12338, and the case filed under it', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '在吗…有个事憋心里好久了')
    await until(() => privately(bot, '王芳').length === 1)
    dm(bot, '王芳', '我老公这半年老推我 上礼拜把我手机摔了 还不让我回娘家 我也不知道这算不算家暴')
    await until(() => privately(bot, '王芳').length === 2)
    expect(lastTo(bot, '王芳')).toBe(referralTexts.storyHeard('家庭暴力'))
    dm(bot, '王芳', '嗯 可以帮我转给社工 白天打我电话 晚上他在家千万别打')
    await until(() => lastTo(bot, '王芳') === referralTexts.askNumber)
    dm(bot, '王芳', '13912345678')
    const c = await onlyCase(svc)
    await settle(bot)
    expect(c.category).toBe('家庭暴力')
  })

  it('"那转人工吧" while already asked whether to pass her request on is her yes to it, not a second request', async () => {
    const { bot } = await boot()
    say(bot, '刘阿姨', '俺家低保这个月突然停了 咋整啊', { mention: true })
    await until(() => privately(bot, '刘阿姨').length === 1)
    bot.world.say('刘阿姨', '@小助手 好 那转人工吧', { mentionBot: true })
    await until(() => privately(bot, '刘阿姨').length === 2)
    await settle(bot)
    expect(privately(bot, '刘阿姨')[1]!.text).toBe(referralTexts.askContact)
  })

  it('「转人工」 in the group carries the unanswered question into the private consent conversation', async () => {
    const { bot, svc } = await boot()
    const roomId = bot.world.rooms.get('xingfuli')!.id
    const sender = bot.world.person('王芳').id
    // What the Q&A remembers after a not-covered answer.
    const question = '社区有没有免费律师帮忙看合同'
    secrets.push(question)
    await bot.store.redis.set(`${bot.store.prefix}:qa:followup:${roomId}:${sender}`, question, 'EX', 300)
    bot.world.say('王芳', '转人工')
    await until(() => privately(bot, '王芳').length === 1)
    expect(bot.sent.filter((s) => s.kind === 'room').map((m) => m.text)).toEqual([referralTexts.groupPrivately])
    expect(privately(bot, '王芳')[0]!.text).toContain(question)
    dm(bot, '王芳', '同意')
    await until(() => lastTo(bot, '王芳').includes('怎么联系您'))
    dm(bot, '王芳', '微信就行')
    const c = await onlyCase(svc)
    await settle(bot)
    expect(c).toMatchObject({ source: 'transfer', description: question, category: '法律维权', contact: '微信就行' })
  })
})

describe('cases and staff commands', () => {
  async function caseFor(bot: TestBot, svc: ReferralParts) {
    dm(bot, '王芳', '他拿刀吓唬我')
    const c = await onlyCase(svc)
    await until(() => privately(bot, '小王').length >= 1)
    return c
  }

  it('"那事有人管了没" right after staff closed hers: handled and closed, with its number — not "nothing open"; a withdrawn one is not', async () => {
    const { bot, svc } = await boot()
    const c = await caseFor(bot, svc)
    bot.world.sayPrivate('小王', `结案 ${c.id} 已上门 转介反家暴中心跟进`)
    await until(() => lastTo(bot, '小王') === `已结案 ${c.id}，已告知居民。`)
    dm(bot, '王芳', '那事有人管了没')
    await until(() => lastTo(bot, '王芳').includes('办结。谢谢您的信任'))
    expect(lastTo(bot, '王芳')).toContain(c.id)
    // Control: a request she took back herself is not reported as handled.
    dm(bot, '张丽', '他拿刀吓唬我')
    await until(async () => (await svc.cases.list()).some((x) => x.resident.name === '张丽'))
    dm(bot, '张丽', '撤回')
    await until(async () => (await svc.cases.list({ status: 'closed' })).some((x) => x.resident.name === '张丽'))
    dm(bot, '张丽', '那事有人管了没')
    await until(() => lastTo(bot, '张丽') === referralTexts.noOpenCase)
  })

  it('a resident writing Traditional characters hears of her case in them (registered, taken, closed); staff read Simplified', async () => {
    const { bot, svc } = await boot()
    dm(bot, '陈美玲', '我想搵人傾下 我屋企人成日鬧我')
    await until(() => lastTo(bot, '陈美玲').includes('同意請回復'))
    // "好" and "1" are written the same in both scripts: answered in hers all the same.
    dm(bot, '陈美玲', '好')
    await until(() => lastTo(bot, '陈美玲').includes('怎麼聯繫您'))
    dm(bot, '陈美玲', '1')
    const c = await onlyCase(svc)
    expect(c.script).toBe('traditional')
    await until(() => lastTo(bot, '陈美玲') === `您的求助已登記，編號 ${c.id}。工作人員接手後我會告訴您。`)
    expect(lastTo(bot, '小王')).toMatch(/^【新求助】.*\n类别：/u)
    bot.world.sayPrivate('小王', `接单 ${c.id}`)
    await until(() => lastTo(bot, '陈美玲').includes('已由工作人員小王接手'))
    await until(() => lastTo(bot, '小王').startsWith(`已接单 ${c.id}`))
    bot.world.sayPrivate('小王', `结案 ${c.id} 已电话联系`)
    await until(() => lastTo(bot, '陈美玲') === `您的求助（編號 ${c.id}）已辦結。如還需要幫助，隨時私聊我；如遇危險請撥打110。`)
    await until(() => lastTo(bot, '小王') === `已结案 ${c.id}，已告知居民。`)
    // Control: a Simplified writer's case, in Simplified.
    dm(bot, '王芳', '他拿刀吓唬我')
    const mine = await until(async () => (await svc.cases.list()).find((x) => x.resident.name === '王芳'))
    expect(mine.script).toBeUndefined()
    await until(() => lastTo(bot, '王芳') === `您的求助已登记，编号 ${mine.id}。工作人员接手后我会告诉您。`)
  })

  it('walks new → acknowledged → in progress → closed with an audit trail; the resident hears of each step privately', async () => {
    const { bot, svc } = await boot()
    const c = await caseFor(bot, svc)
    const id = c.id
    bot.world.sayPrivate('小王', `接单 ${id}`)
    await until(() => lastTo(bot, '小王').startsWith(`已接单 ${id}`))
    await until(() => lastTo(bot, '王芳').includes('已由工作人员小王接手'))
    bot.world.sayPrivate('小王', `备注 ${id.toLowerCase()} 已电话联系，约明天见面`)
    await until(() => lastTo(bot, '小王') === `已备注 ${id}。`)
    expect((await svc.cases.get(id))!.status).toBe('in_progress')
    bot.world.sayPrivate('小王', `我的案件`)
    await until(() => lastTo(bot, '小王').includes('处理中'))
    bot.world.sayPrivate('小王', `结案 ${id} 已协助申请保护令`)
    await until(() => lastTo(bot, '小王') === `已结案 ${id}，已告知居民。`)
    await until(() => lastTo(bot, '王芳').includes('已办结'))
    bot.world.sayPrivate('小王', `结案 ${id} 再结一次`)
    await until(() => lastTo(bot, '小王') === `${id} 已结案。`)
    await settle(bot)

    const done = (await svc.cases.get(id))!
    expect(done).toMatchObject({ status: 'closed', result: '已协助申请保护令', assignee: { name: '小王' } })
    expect(done.notes.map((n) => n.text)).toEqual(['已电话联系，约明天见面'])
    expect(done.audit.map((a) => a.action)).toEqual(['created', 'notified', 'acknowledged', 'note', 'closed'])
    expect(done.acknowledgedAt).toBeGreaterThanOrEqual(done.createdAt)
    expect(done.closedAt).toBeGreaterThanOrEqual(done.acknowledgedAt!)
    // The resident never sees staff notes or the result.
    for (const m of privately(bot, '王芳')) {
      expect(m.text).not.toContain('约明天见面')
      expect(m.text).not.toContain('保护令')
    }
  })

  it('only staff may use the commands; staff of another group may not touch the case; transfers go to eligible staff only', async () => {
    const { bot, svc } = await boot({}, { config: twoGroups })
    bot.world.person('老赵')
    bot.world.person('小刘')
    const c = await caseFor(bot, svc)
    // A resident is refused by role.
    bot.world.sayPrivate('张丽', `接单 ${c.id}`)
    await until(() => lastTo(bot, '张丽').includes('只有工作人员可以用'))
    // Staff of 和平里 are refused for a 幸福里 case.
    bot.world.sayPrivate('小刘', `接单 ${c.id}`)
    await until(() => lastTo(bot, '小刘').includes('不在您负责的微家'))
    expect((await svc.cases.get(c.id))!.status).toBe('new')
    // A note before acknowledging is refused; an unknown case is named.
    bot.world.sayPrivate('小王', `备注 ${c.id} 先记一下`)
    await until(() => lastTo(bot, '小王').includes('请先「接单'))
    bot.world.sayPrivate('小王', '接单 R-20200101-0999')
    await until(() => lastTo(bot, '小王').includes('没有找到案件 R-20200101-0999'))
    bot.world.sayPrivate('小王', '接单')
    await until(() => lastTo(bot, '小王').startsWith('指令：'))
    // Both 小王 and 小陈 were alerted; 小王 takes it, 小陈 is told it is taken.
    expect(privately(bot, '小陈')[0]!.text).toContain(c.id)
    bot.world.sayPrivate('小王', `接单 ${c.id}`)
    await until(() => lastTo(bot, '小王').startsWith('已接单'))
    bot.world.sayPrivate('小陈', `接单 ${c.id}`)
    await until(() => lastTo(bot, '小陈') === `${c.id} 已由小王接单。`)
    // Transfer: 李姐 (host) is not eligible; 小陈 is, and gets the details.
    bot.world.sayPrivate('小王', `转派 ${c.id} 李姐`)
    await until(() => lastTo(bot, '小王').includes('找不到工作人员「李姐」'))
    bot.world.sayPrivate('小王', `转派 ${c.id} 小陈`)
    await until(() => lastTo(bot, '小陈').startsWith('【转派】小王'))
    expect(lastTo(bot, '小陈')).toContain('他拿刀吓唬我')
    await settle(bot)
    const after = (await svc.cases.get(c.id))!
    expect(after.assignee?.name).toBe('小陈')
    expect(after.audit.find((a) => a.action === 'transferred')?.detail).toBe('小王 → 小陈')
    // 查看 shows the case with its status and who has it; a case named with an unknown verb gets the usage.
    bot.world.sayPrivate('小陈', `查看 ${c.id}`)
    await until(() => lastTo(bot, '小陈').startsWith(`${c.id}（已接单，小陈负责）`))
    expect(lastTo(bot, '小陈')).toContain('他拿刀吓唬我')
    bot.world.sayPrivate('小陈', `催一下 ${c.id}`)
    await until(() => lastTo(bot, '小陈').startsWith('指令：'))
    // Staff typing a command in the group get a pointer to private chat, nothing else.
    bot.world.say('小王', `结案 ${c.id} 已处理`)
    await until(() => bot.sent.some((s) => s.kind === 'room' && s.text === '案件操作请私聊我，群里不处理。'))
    await settle(bot)
    expect((await svc.cases.get(c.id))!.status).toBe('acknowledged')
  })

  it('routes a category to the configured staff instead of the group staff', async () => {
    const { bot, svc } = await boot({ settings: { routes: { 家庭暴力: ['小陈'] } } }, { config: twoGroups })
    dm(bot, '王芳', '他拿刀吓唬我')
    await onlyCase(svc)
    await until(() => privately(bot, '小陈').length >= 1)
    await settle(bot)
    expect(privately(bot, '小王')).toHaveLength(0)
    expect(privately(bot, '小陈')[0]!.text).toContain('【紧急求助】')
  })

  it('case ids count up per day and creation is idempotent per message', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '他拿刀吓唬我')
    dm(bot, '张丽', '救命，他掐我脖子')
    const ids = await until(async () => {
      const all = await svc.cases.list()
      return all.length === 2 ? all.map((c) => c.id).sort() : undefined
    })
    expect(ids.map((id) => id.slice(-4))).toEqual(['0001', '0002'])
    // Running the create job again for the same message does nothing new.
    const c = (await svc.cases.get(ids[0]!))!
    await svc.jobs.processCreate(c.origin)
    await settle(bot)
    expect(await svc.cases.list()).toHaveLength(2)
  })
})

describe('after staff took her case (tester-host c09)', () => {
  /** A request through the consent conversation (no emergency, so no follow-up conversation stays open), taken by 小王. */
  async function takenCase(bot: TestBot, svc: ReferralParts, name = '王芳') {
    dm(bot, name, '我老公喝了酒就骂我，还摔东西，我实在受不了了')
    await until(() => lastTo(bot, name).includes('同意'))
    dm(bot, name, '好的，打我电话')
    await until(() => lastTo(bot, name) === referralTexts.askNumber)
    dm(bot, name, '13912345678')
    const c = await until(async () => (await svc.cases.list()).find((x) => x.resident.name === name))
    bot.world.sayPrivate('小王', `接单 ${c.id}`)
    await until(() => lastTo(bot, name).includes('已由工作人员小王接手'))
    return c
  }

  it('thanks and news of the call ("社工给我打过电话了 谢谢你们") close nothing: a warm word, the news kept for staff', async () => {
    const { bot, svc } = await boot()
    const c = await takenCase(bot, svc)
    bot.world.sayPrivate('小王', `备注 ${c.id} 下午3点已电话联系 约了周五来社区面谈`)
    await until(() => lastTo(bot, '小王') === referralTexts.noteOk(c.id))
    dm(bot, '王芳', '社工给我打过电话了 谢谢你们')
    await until(() => lastTo(bot, '王芳') === referralTexts.thanksTaken('小王', true))
    dm(bot, '王芳', '好的 约了周五见面')
    await until(() => privately(bot, '王芳').filter((m) => m.text === referralTexts.thanksTaken('小王', true)).length === 2)
    // A bare thanks is answered, and not added to the case.
    dm(bot, '王芳', '谢谢')
    await until(() => lastTo(bot, '王芳') === referralTexts.thanksTaken('小王', false))
    await settle(bot)
    const still = (await svc.cases.get(c.id))!
    expect(still.status).toBe('in_progress')
    expect(still.notes.filter((x) => x.by === '居民').map((x) => x.text)).toEqual(['社工给我打过电话了 谢谢你们', '好的 约了周五见面'])
    expect(privately(bot, '小王').some((m) => m.text.startsWith('【撤回】'))).toBe(false)
    // Staff read her news with the case.
    bot.world.sayPrivate('小王', `查看 ${c.id}`)
    await until(() => lastTo(bot, '小王').includes('（补充）社工给我打过电话了 谢谢你们'))
    // Positive control: her plain words still take it back, and staff are told.
    dm(bot, '王芳', '算了 不需要了')
    await until(() => lastTo(bot, '王芳') === referralTexts.withdrawn([c.id]))
    await until(() => privately(bot, '小王').some((m) => m.text === referralTexts.staffWithdrawn(c.id, '王芳')))
  })

  it('words that may mean it is over ("我们和好了") get one question; "不是" keeps it, and asked once it stays open', async () => {
    const { bot, svc } = await boot()
    const c = await takenCase(bot, svc)
    dm(bot, '王芳', '我们和好了')
    await until(() => lastTo(bot, '王芳') === referralTexts.askWithdraw)
    // 小王 reads what she said: it may be why she would drop it.
    await until(() => privately(bot, '小王').some((m) => m.text === referralTexts.staffSupplement(c.id, '我们和好了')))
    dm(bot, '王芳', '不是')
    await until(() => lastTo(bot, '王芳') === referralTexts.withdrawKept)
    expect((await svc.cases.get(c.id))!.status).toBe('acknowledged')
    // Asked again, and asked only once: still not plain, the case goes on.
    dm(bot, '王芳', '已经解决了')
    await until(() => privately(bot, '王芳').filter((m) => m.text === referralTexts.askWithdraw).length === 2)
    dm(bot, '王芳', '他说会改 我们和好了')
    await until(() => privately(bot, '王芳').filter((m) => m.text === referralTexts.withdrawKept).length === 2)
    await settle(bot)
    expect((await svc.cases.get(c.id))!.status).toBe('acknowledged')
    expect(privately(bot, '小王').some((m) => m.text.startsWith('【撤回】'))).toBe(false)
  })

  it('her "撤回" to the question takes it back, and staff are told', async () => {
    const { bot, svc } = await boot()
    const c = await takenCase(bot, svc)
    dm(bot, '王芳', '我们已经和好了')
    await until(() => lastTo(bot, '王芳') === referralTexts.askWithdraw)
    expect((await svc.cases.get(c.id))!.status).toBe('acknowledged')
    dm(bot, '王芳', '撤回')
    await until(() => lastTo(bot, '王芳') === referralTexts.withdrawn([c.id]))
    expect((await svc.cases.get(c.id))!).toMatchObject({ status: 'closed', result: '居民撤回求助' })
    await until(() => privately(bot, '小王').some((m) => m.text === referralTexts.staffWithdrawn(c.id, '王芳')))
  })

  it('her story told with the number goes to 情况 and files the case under it; 联系方式 holds only the number and time', async () => {
    const lines: string[] = []
    const log = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } })
    const { bot, svc } = await boot({}, { log })
    dm(bot, '张丽', '你好 我想找人帮忙 家里的事 不好在群里说')
    await until(() => lastTo(bot, '张丽').includes('同意'))
    dm(bot, '张丽', '同意')
    await until(() => lastTo(bot, '张丽') === referralTexts.askContact)
    dm(bot, '张丽', '我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间 我电话13912345678 下午可以打')
    const c = await onlyCase(svc)
    expect(c).toMatchObject({ category: '家庭暴力', contact: '我电话13912345678 下午可以打' })
    expect(c.description).toBe('你好 我想找人帮忙 家里的事 不好在群里说\n我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间')
    const alert = await until(() => privately(bot, '小王').find((m) => m.text.startsWith('【新求助】'))?.text)
    expect(alert).toContain('类别：家庭暴力')
    expect(alert).toContain('联系方式：我电话13912345678 下午可以打\n情况：你好 我想找人帮忙 家里的事 不好在群里说\n我老公最近喝了酒就摔东西骂人')
    // Violence named only now: what it means for her, before the case number.
    expect(privately(bot, '张丽').some((m) => m.text === referralTexts.storyHeardWithContact)).toBe(true)
    await until(() => lastTo(bot, '张丽').includes(c.id))
    await settle(bot)
    const all = lines.join('')
    expect(all).toContain('kept for 情况')
    for (const secret of ['13912345678', '摔东西']) expect(all).not.toContain(secret)
  })

  it('staff closing a case she withdrew: she hears it was handled, and staff that she was told', async () => {
    const { bot, svc } = await boot()
    const c = await takenCase(bot, svc)
    dm(bot, '王芳', '算了 不需要了')
    await until(() => lastTo(bot, '王芳') === referralTexts.withdrawn([c.id]))
    bot.world.sayPrivate('小王', `结案 ${c.id} 已面谈 转介社区调解和心理咨询 本人满意`)
    await until(() => lastTo(bot, '小王') === referralTexts.closeOk(c.id))
    await until(() => lastTo(bot, '王芳') === referralTexts.caseClosed(c.id))
    expect((await svc.cases.get(c.id))!.result).toBe('已面谈 转介社区调解和心理咨询 本人满意')
    // The result itself never reaches her.
    expect(privately(bot, '王芳').some((m) => m.text.includes('调解'))).toBe(false)
    // Closing it again is refused, and tells her nothing more.
    bot.world.sayPrivate('小王', `结案 ${c.id} 再结一次`)
    await until(() => lastTo(bot, '小王') === referralTexts.alreadyClosed(c.id))
    await settle(bot)
    expect(privately(bot, '王芳').filter((m) => m.text === referralTexts.caseClosed(c.id))).toHaveLength(1)
  })

  it("someone else's case asked after: the host hears who follows it and its status word, staff its number, a resident nothing", async () => {
    const config = { groups: [group(), { id: 'hepingli', match: { topic: '和平里妇女微家' }, name: '和平里妇女微家', type: '公益服务', hosts: ['周姐'], staff: ['小刘'], supervisor: '小刘' }] }
    const { bot, svc } = await boot({}, { config })
    const c = await takenCase(bot, svc, '张丽')
    bot.world.sayPrivate('李姐', '小王那边张丽的事处理得怎么样了')
    await until(() => lastTo(bot, '李姐') === '张丽的求助由小王跟进中（已接单）。具体情况请直接问小王。')
    bot.world.sayPrivate('小王', '张丽那个事进展怎么样了')
    await until(() => lastTo(bot, '小王') === referralTexts.othersCaseStaff('张丽', c.id, 'acknowledged', '小王'))
    dm(bot, '王芳', '张丽的事处理得怎么样了')
    await until(() => lastTo(bot, '王芳') === referralTexts.othersCase)
    bot.world.sayPrivate('周姐', '张丽的事处理得怎么样了')
    await until(() => lastTo(bot, '周姐') === referralTexts.othersCaseNone('张丽'))
    // In the group: nothing about anyone.
    say(bot, '李姐', '张丽的事处理得怎么样了', { mention: true })
    await until(() => bot.sent.some((m) => m.kind === 'room' && m.text === referralTexts.confidential))
    // Nobody but staff heard a word of what it is about.
    for (const who of ['李姐', '王芳', '周姐']) for (const m of privately(bot, who)) expect(m.text).not.toMatch(/喝了酒|摔东西|13912345678|家庭暴力/u)
    // Control: her own question about her own request is still hers.
    dm(bot, '张丽', '我那事有人管了没')
    await until(() => lastTo(bot, '张丽').includes(`${c.id}：已由小王接手`))
  })
})

describe('logs', () => {
  it('carry case ids and categories, never what the resident wrote or her number', async () => {
    const lines: string[] = []
    const log = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } })
    const { bot, svc } = await boot({}, { log })
    dm(bot, '王芳', '他拿刀吓唬我，我在13912345678这个号上')
    dm(bot, '张丽', '老公出轨了，我想离婚，心里很乱')
    await until(() => privately(bot, '张丽').length === 1)
    dm(bot, '张丽', '同意')
    await until(() => lastTo(bot, '张丽').includes('怎么联系您'))
    dm(bot, '张丽', '2 13911112222')
    await until(async () => (await svc.cases.list()).length === 2)
    await settle(bot)
    const all = lines.join('')
    expect(all).toContain('referral case created')
    for (const secret of ['拿刀吓唬', '13912345678', '出轨', '13911112222']) expect(all).not.toContain(secret)
  })
})

describe('weijia cases', () => {
  it('lists cases for staff, filtered by status, without the residents\' words unless --details', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '他拿刀吓唬我')
    dm(bot, '张丽', '不想活了')
    const all = await until(async () => {
      const list = await svc.cases.list()
      return list.length === 2 ? list : undefined
    })
    const first = all.find((c) => c.resident.name === '王芳')!
    bot.world.sayPrivate('小王', `接单 ${first.id}`)
    await until(async () => (await svc.cases.get(first.id))?.status === 'acknowledged')
    await settle(bot)
    const run = async (argv: string[]) => {
      const deps = testCliDeps({ redis: bot.store.redis, config: bot.config })
      const code = await casesCommand(argv, deps)
      return { code, out: deps.stdout() }
    }
    const json = await run(['--json'])
    expect(json.code).toBe(0)
    const rows = JSON.parse(json.out) as { id: string; status: string; resident: string }[]
    expect(rows.map((r) => r.status).sort()).toEqual(['acknowledged', 'new'])
    expect(json.out).not.toContain('拿刀')
    const waiting = await run(['--status', '待接单', '--json'])
    expect((JSON.parse(waiting.out) as { resident: string }[]).map((r) => r.resident)).toEqual(['张丽'])
    const text = await run(['--status', 'acknowledged'])
    expect(text.out).toContain(`${first.id}  已接单  家庭暴力  紧急  xingfuli  王芳`)
    expect(text.out).toContain('接单：小王')
    expect(text.out).not.toContain('拿刀')
    const details = await run(['--details', '--status', 'acknowledged'])
    expect(details.out).toContain('情况：他拿刀吓唬我')
    expect((await run(['--status', 'done'])).code).toBe(2)
    expect((await run(['--group', 'nope'])).code).toBe(2)
  })
})

describe('escalation', () => {
  it('re-sends an unacknowledged case and escalates to the supervisor when the timeout passes, not before; acknowledging stops it', async () => {
    const { bot, svc } = await boot({ settings: { ackTimeoutMin: { 紧急: 0.025, 一般: 60 }, maxEscalations: 3 } }, { config: twoGroups })
    bot.world.person('老赵')
    dm(bot, '王芳', '他拿刀吓唬我')
    const c = await onlyCase(svc)
    const escalation = await until(() => privately(bot, '老赵')[0], 10_000)
    expect(escalation.text).toContain(`【督办】${c.id}`)
    expect(escalation.text).toContain('已通知：小王、小陈')
    expect(escalation.at).toBeGreaterThanOrEqual(c.createdAt + 1500)
    const reminders = privately(bot, '小王').filter((m) => m.text.startsWith('【提醒】'))
    expect(reminders.length).toBeGreaterThanOrEqual(1)
    expect(reminders[0]!.at).toBeGreaterThanOrEqual(c.createdAt + 1500)

    bot.world.sayPrivate('小王', `接单 ${c.id}`)
    await until(() => lastTo(bot, '小王').startsWith('已接单'))
    const escalationsAtAck = privately(bot, '老赵').length
    // Idle waits for every job due within its horizon (10 s), so an escalation still scheduled (the next ones
    // were due 1.5 s apart) would run before the check.
    await settle(bot)
    expect(privately(bot, '老赵')).toHaveLength(escalationsAtAck)
    const after = (await svc.cases.get(c.id))!
    expect(after.audit.filter((a) => a.action === 'escalated')).toHaveLength(after.escalations)
    expect(after.escalations).toBe(escalationsAtAck)
  })

  it('a general case waits for its own (longer) timeout', async () => {
    const { bot, svc } = await boot({ settings: { ackTimeoutMin: { 紧急: 0.01, 一般: 0.04 }, maxEscalations: 1 } }, { config: twoGroups })
    bot.world.person('老赵')
    dm(bot, '王芳', '我失业半年了，想找个活干')
    await until(() => lastTo(bot, '王芳').includes('同意请回复'))
    dm(bot, '王芳', '同意')
    await until(() => lastTo(bot, '王芳').includes('怎么联系您'))
    dm(bot, '王芳', '1')
    const c = await onlyCase(svc)
    const escalation = await until(() => privately(bot, '老赵')[0], 10_000)
    expect(escalation.at).toBeGreaterThanOrEqual(c.createdAt + 2400)
    await settle(bot)
    expect((await svc.cases.get(c.id))!.escalations).toBe(1)
  })

  it('survives a restart: the delayed escalation fires in the next process', async () => {
    const store = await sharedStore('referrals-restart')
    const deps = { settings: { ackTimeoutMin: { 紧急: 0.05, 一般: 60 }, maxEscalations: 1 } }
    const first = await boot(deps, { config: twoGroups, store })
    dm(first.bot, '王芳', '他拿刀吓唬我')
    const c = await onlyCase(first.svc)
    await until(() => privately(first.bot, '小王').length >= 1)
    expect(privately(first.bot, '老赵')).toHaveLength(0)
    expectNoLeak(first.bot, secrets)
    await first.bot.stop()
    bots = bots.filter((b) => b !== first.bot)

    const second = await boot(deps, { config: twoGroups, store })
    second.bot.world.person('老赵')
    const escalation = await until(() => privately(second.bot, '老赵')[0], 15_000)
    expect(escalation.text).toContain(`【督办】${c.id}`)
    expect(escalation.at).toBeGreaterThanOrEqual(c.createdAt + 3000)
    await until(async () => (await second.svc.cases.get(c.id))?.escalations === 1)
  })
})

describe('retention', () => {
  it('purges closed cases once the retention has passed (on start and daily), keeping open ones', async () => {
    const store = await sharedStore('referrals-purge')
    // A day's retention; the next process starts with its clock two days on, instead of anyone waiting.
    const deps = { settings: { retentionDays: 1 } }
    const { bot, svc } = await boot(deps, { store })
    dm(bot, '王芳', '他拿刀吓唬我')
    dm(bot, '张丽', '不想活了')
    const ids = await until(async () => {
      const all = await svc.cases.list()
      return all.length === 2 ? all.map((c) => c.id).sort() : undefined
    })
    bot.world.sayPrivate('小王', `结案 ${ids[0]} 已处理`)
    await until(async () => (await svc.cases.get(ids[0]!))?.status === 'closed')
    // Within the retention: kept.
    expect(await svc.jobs.purge()).toBe(0)
    expect(await svc.cases.get(ids[0]!)).toBeDefined()
    await settle(bot)
    expectNoLeak(bot, secrets)
    await bot.stop()
    bots = []
    // The next start, past the retention, sweeps.
    const again = await boot({ ...deps, now: () => Date.now() + 2 * 86_400_000 }, { store })
    await until(async () => (await again.svc.cases.get(ids[0]!)) === undefined)
    expect((await again.svc.cases.list()).map((c) => c.id)).toEqual([ids[1]])
    expect(await store.redis.exists(`${store.prefix}:referrals:case:${ids[0]}`)).toBe(0)
    expect(await store.redis.zscore(`${store.prefix}:referrals:closed`, ids[0]!)).toBeNull()
  })
})

describe('with an LLM', () => {
  const call = (args: Record<string, unknown>) => ({ toolCalls: [{ name: HELP_TOOL, arguments: JSON.stringify(args) }] })

  async function bootWithStub(respond: Parameters<typeof startOpenAiStub>[0]) {
    stub = await startOpenAiStub(respond)
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'test', model: 'stub-model', maxRetries: 0 })
    return boot({}, { llm })
  }

  it('an emergency found by the model alone is an emergency; the model never sees the phone number', async () => {
    const { bot, svc } = await bootWithStub({ chat: () => call({ intent: 'help.emergency', category: 'dv', danger: 'violence' }) })
    dm(bot, '王芳', '他刚才又那样了，我现在一个人在家，号码13912349999')
    await until(() => privately(bot, '王芳').length >= 1)
    expect(privately(bot, '王芳')[0]!.text.startsWith('如有危险，请立即拨打110')).toBe(true)
    const c = await onlyCase(svc)
    await settle(bot)
    expect(c.urgency).toBe('紧急')
    const sentToModel = JSON.stringify(stub!.chatRequests())
    expect(sentToModel).not.toContain('13912349999')
    expect(sentToModel).toContain('139****9999')
    expect(stub!.chatRequests()[0]!.tool_choice).toEqual({ type: 'function', function: { name: HELP_TOOL } })
  })

  it('a rule emergency never waits for the model (which may call it nothing)', async () => {
    const { bot, svc } = await bootWithStub({ chat: () => call({ intent: 'chatter', category: 'other', danger: 'none' }) })
    dm(bot, '王芳', '他拿刀吓唬我')
    const c = await onlyCase(svc)
    await settle(bot)
    expect(c.urgency).toBe('紧急')
    expect(stub!.chatRequests()).toHaveLength(0)
  })

  it('the model reads colloquial requests the rules miss, and a topic question stays a question', async () => {
    const { bot } = await bootWithStub({
      chat: (body) => {
        const text = body.messages.at(-1)!.content
        return text.includes('保护令')
          ? call({ intent: 'qa.question', category: 'dv', danger: 'none' })
          : call({ intent: 'help.request', category: 'family', danger: 'none' })
      },
    })
    dm(bot, '王芳', '这个家我是待不下去了，天天看人脸色')
    await until(() => privately(bot, '王芳').length === 1)
    expect(privately(bot, '王芳')[0]!.text).toContain('婚姻家庭纠纷')
    dm(bot, '张丽', '家暴怎么申请保护令？')
    await settle(bot)
    expect(privately(bot, '张丽')).toHaveLength(0)
  })

  /** Answers every private message, so a reply is visible whichever way the help side decides. */
  const qaStandIn: Capability = {
    name: 'qa-standin',
    register(app) {
      // As the Q&A does: a question the referrals only keep for a follow-up gets no answer.
      app.route({ name: 'qa.answer', priority: 80, match: (ctx) => ctx.msg.conversation.kind === 'private', handle: async (ctx) => (ctx.get(ANSWER_HANDOVER)?.rememberOnly ? undefined : ctx.reply('资料里没有相关内容。')) })
    },
  }

  it('a model that never answers (the stub holds the socket): an acknowledgement first, the reply within the configured deadline', async () => {
    stub = await startOpenAiStub({ chat: () => new Promise<never>(() => undefined) })
    // The per-call timeout is set beyond the deadline here, so what bounds the reply is the deadline itself.
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'test', model: 'stub-model', maxRetries: 0, timeoutMs: 9000 })
    const settings = { ackAfterMs: 150, replyDeadlineMs: 1200 }
    const { bot } = await boot({ settings }, { llm, extra: [qaStandIn] })
    const started = Date.now()
    dm(bot, '王芳', '这个家我是待不下去了，天天看人脸色')
    await until(() => privately(bot, '王芳').length === 2)
    const waited = Date.now() - started
    // At the deadline the offline reading decides: the learned reader took her words for a request, so she gets
    // the offer of a referral (not the documents' "not covered").
    const texts = privately(bot, '王芳').map((m) => m.text)
    expect(texts[0]).toBe(referralTexts.working)
    expect(texts[1]).toContain('私下转给微家的工作人员')
    expect(stub.chatRequests()).toHaveLength(1)
    expect(waited).toBeGreaterThanOrEqual(settings.replyDeadlineMs - 50)
    expect(waited).toBeLessThan(settings.replyDeadlineMs + 1500)
    // At the deadline the model's request was cancelled, not left running for its own 9 s.
    await stub.untilAborted(1)
    expect(stub.pending()).toBe(0)
  })

  it('each model call has its own short timeout: with a hung model and a timeout under the acknowledgement, she gets the reply alone', async () => {
    stub = await startOpenAiStub({ chat: () => new Promise<never>(() => undefined) })
    const llm = new OpenAiLlm({ baseURL: stub.baseURL, apiKey: 'test', model: 'stub-model', maxRetries: 0, timeoutMs: 200 })
    const settings = { ackAfterMs: 5000, replyDeadlineMs: 8000 }
    const { bot } = await boot({ settings }, { llm, extra: [qaStandIn] })
    const started = Date.now()
    dm(bot, '王芳', '这个家我是待不下去了，天天看人脸色')
    await until(() => privately(bot, '王芳').length === 1)
    expect(Date.now() - started).toBeLessThan(settings.ackAfterMs)
    const texts = privately(bot, '王芳').map((m) => m.text)
    expect(texts).toHaveLength(1)
    expect(texts[0]).toContain('私下转给微家的工作人员')
    await stub.untilAborted(1)
    // The defaults keep every resident under ~10 s: a call gives up within 4 s, all of a message's calls
    // within 8 s, the whole reading within 8 s.
    const defaults = resolveSettings(undefined)
    expect(loadEnv({}).LLM_TIMEOUT_MS).toBeLessThanOrEqual(4000)
    expect(bot.config.reply.llmBudgetMs).toBeLessThanOrEqual(8000)
    expect(defaults.replyDeadlineMs).toBeLessThanOrEqual(10_000)
    expect(defaults.ackAfterMs).toBeLessThan(defaults.replyDeadlineMs)
  })

  it('a failing model leaves the rules in charge', async () => {
    const { bot } = await bootWithStub({ chat: () => ({ status: 500 }) })
    dm(bot, '王芳', '我老公经常打我')
    await until(() => privately(bot, '王芳').length === 1)
    await settle(bot)
    expect(privately(bot, '王芳')[0]!.text).toContain('家庭暴力')
  })
})

describe('the help side read by the parser (issue 13)', () => {
  const withSafety = () => boot({}, { extra: [createSafety()] })

  it('consent and the contact in one reply ("行，转吧，加我微信聊") create the case with that contact', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '我老公喝了酒就骂我，还摔东西，我实在受不了了')
    await until(() => lastTo(bot, '王芳').includes('同意'))
    expect(lastTo(bot, '王芳').startsWith(referralTexts.privateSupport)).toBe(true)
    dm(bot, '王芳', '行，转吧，加我微信聊')
    const c = await onlyCase(svc)
    await settle(bot)
    expect(c).toMatchObject({ category: '家庭暴力', contact: '微信私聊', consent: true })
    // The contact question was never asked: one reply carried both.
    expect(privately(bot, '王芳').some((m) => m.text === referralTexts.askContact)).toBe(false)
  })

  it('"今天他在家 别回我消息了" gets no reply at all; a question while asked for consent is no yes', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '我老公喝了酒就骂我，还摔东西，我实在受不了了')
    await until(() => lastTo(bot, '王芳').includes('同意'))
    const before = privately(bot, '王芳').length
    dm(bot, '王芳', '要带啥材料去申请')
    dm(bot, '王芳', '今天他在家 别回我消息了 明天白天再说')
    await settle(bot)
    // The question is not taken for consent: no case, no contact question; the quiet request is answered by silence.
    expect(await svc.cases.list()).toEqual([])
    const after = privately(bot, '王芳').slice(before).map((m) => m.text)
    expect(after.some((t) => t === referralTexts.askContact || t.startsWith('好的。您希望'))).toBe(false)
    expect(after.every((t) => !t.includes('不客气'))).toBe(true)
    // When she says yes the next day, staff read what she asked of them.
    dm(bot, '王芳', '同意 微信文字联系')
    const c = await onlyCase(svc)
    expect(c.description).toContain('别回我消息了')
  })

  it('"这算家暴不" asked in private about what is done to her: she hears that it is, what the law counts, 12338 and 110', async () => {
    const { bot } = await boot()
    dm(bot, '陈静', '他老推我 还不让我回娘家 这算家暴不')
    await until(() => privately(bot, '陈静').length === 1)
    expect(lastTo(bot, '陈静')).toBe(referralTexts.storyHeard('家庭暴力'))
  })

  it('"你们会不会告诉他？社工会不会直接上门" while her yes is awaited: a promise, no passage, and the offer still open', async () => {
    const { bot } = await boot()
    dm(bot, '周红', '我老公经常打我 昨天又打了')
    await until(() => lastTo(bot, '周红').includes('同意'))
    dm(bot, '周红', '你们会不会告诉他？社工会不会直接上门')
    await until(() => lastTo(bot, '周红').includes(referralTexts.privacyPromise))
    await settle(bot)
    expect(lastTo(bot, '周红')).toBe(`${referralTexts.privacyPromise}\n${referralTexts.consentStillOpen}`)
    expect(privately(bot, '周红').some((m) => m.text.includes('来源：'))).toBe(false)
  })

  it('"你哋會唔會話俾其他人知" (will you tell anyone, in Cantonese) while her yes is awaited: the promise, in her script', async () => {
    const { bot } = await boot()
    dm(bot, '赵敏', '我老公成日打我 我好驚')
    await until(() => lastTo(bot, '赵敏').includes('同意'))
    dm(bot, '赵敏', '你哋會唔會話俾其他人知')
    await until(() => lastTo(bot, '赵敏').includes('不會告訴其他人'))
    await settle(bot)
    expect(lastTo(bot, '赵敏')).not.toContain('不麻煩')
    // The same worry in Mandarin (the control reads it too).
    dm(bot, '周红', '我老公经常打我 昨天又打了')
    await until(() => lastTo(bot, '周红').includes('同意'))
    dm(bot, '周红', '你们会不会告诉别人啊')
    await until(() => lastTo(bot, '周红').includes(referralTexts.privacyPromise))
  })

  it('a caution said with her yes ("打电话不方便 他在家 发微信文字就行") reaches staff in her words', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '我老公喝了酒就骂我，还摔东西，我实在受不了了')
    await until(() => lastTo(bot, '王芳').includes('同意'))
    dm(bot, '王芳', '好 转吧 打电话不方便 他在家 发微信文字就行')
    const c = await onlyCase(svc)
    await settle(bot)
    // The caution stands beside the way to reach her, where staff look first, and in her words.
    expect(c).toMatchObject({ contact: '微信私聊（好 转吧 打电话不方便 他在家 发微信文字就行）', consent: true })
    expect(c.description).toContain('他在家')
  })

  it('a withdrawal ("算了还是不用了，别联系我") closes her open case as withdrawn and tells the staff; "我那事有人管了没" reads its status', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '我老公喝了酒就骂我，还摔东西，我实在受不了了')
    await until(() => lastTo(bot, '王芳').includes('同意'))
    dm(bot, '王芳', '好的，打我电话')
    await until(() => lastTo(bot, '王芳') === referralTexts.askNumber)
    dm(bot, '王芳', '13912345678')
    const c = await onlyCase(svc)
    await until(() => privately(bot, '小王').some((m) => m.text.includes(c.id)))
    say(bot, '王芳', '我那事有人管了没', { mention: true })
    await until(() => lastTo(bot, '王芳').includes(`${c.id}：已转给工作人员`))
    expect(bot.sent.filter((s) => s.kind === 'room').at(-1)!.text).toBe(referralTexts.statusInGroup)
    dm(bot, '王芳', '算了还是不用了，别联系我')
    await until(async () => (await svc.cases.get(c.id))?.status === 'closed')
    await until(() => privately(bot, '小王').some((m) => m.text === referralTexts.staffWithdrawn(c.id, '王芳')))
    // Her reply and the staff notice leave through the outbox in either order.
    await until(() => lastTo(bot, '王芳') === referralTexts.withdrawn([c.id]))
    const closed = (await svc.cases.get(c.id))!
    expect(closed.audit.at(-1)).toMatchObject({ by: '居民', action: 'withdrawn' })
    expect(await svc.cases.openOf(bot.world.person('王芳').id)).toEqual([])
    await settle(bot)
  })

  it('a withdrawal in the middle of the consent conversation drops it: nothing reaches staff', async () => {
    const { bot, svc } = await boot()
    dm(bot, '王芳', '帮帮我')
    await until(() => lastTo(bot, '王芳').includes('同意'))
    dm(bot, '王芳', '同意')
    await until(() => lastTo(bot, '王芳').includes('怎么联系您'))
    dm(bot, '王芳', '1')
    await until(() => lastTo(bot, '王芳').includes('说说您遇到的情况'))
    dm(bot, '王芳', '算了，别联系我了')
    await until(() => lastTo(bot, '王芳') === referralTexts.withdrawn([]))
    await settle(bot)
    expect(await svc.cases.list()).toEqual([])
    // Positive control: the same person can still start again and reach staff.
    expect(privately(bot, '小王')).toHaveLength(0)
  })

  it('a third-party report goes to staff privately with a short line in the group; identity numbers reach staff masked', async () => {
    const { bot, svc } = await boot()
    say(bot, '王芳', '我邻居大姐被她老公打得胳膊青一块紫一块的，身份证110101198001011234也被扣着，能不能帮帮她')
    const c = await onlyCase(svc)
    await until(() => privately(bot, '小王').some((m) => m.text.includes(c.id)))
    expect(c).toMatchObject({ consentBasis: 'third-party', resident: { name: '王芳' } })
    // The number makes it recall advice too; the report itself goes on in private.
    expect(bot.sent.filter((s) => s.kind === 'room').map((m) => m.text)).toEqual([referralTexts.recallAndThirdParty])
    const alert = privately(bot, '小王').find((m) => m.text.includes(c.id))!.text
    expect(alert).toContain('**************1234')
    expect(alert).not.toContain('110101198001011234')
    expect(alert).toContain('他人代为反映')
    await settle(bot)
  })

  it('what the reporter adds in private goes to the same report (no second case); her question for the documents does not', async () => {
    const seen: string[] = []
    const { bot, svc } = await boot({}, { extra: [documentsStandin({ match: (ctx) => ctx.msg.text.includes('保护令'), answer: () => '（资料里的回答）', seen })] })
    say(bot, '刘阿姨', '我们楼下那家 天天半夜听见男的吼女的哭 还砸东西 我要不要管管啊', { mention: true })
    const c = await onlyCase(svc)
    await until(() => privately(bot, '小王').some((m) => m.text.includes(c.id)))
    dm(bot, '刘阿姨', '就3栋2单元那个小周 她老公看着就凶 我担心她')
    await until(() => privately(bot, '小王').some((m) => m.text.startsWith('【补充】')))
    dm(bot, '刘阿姨', '你们让社工去看看她吧 别说是我反映的')
    await until(() => privately(bot, '小王').filter((m) => m.text.startsWith('【补充】')).length === 2)
    expect(lastTo(bot, '刘阿姨')).toBe(referralTexts.reportMoreNotedAnonymous)
    dm(bot, '刘阿姨', '可以 有事打我电话 13912345678')
    await until(() => privately(bot, '小王').filter((m) => m.text.startsWith('【补充】')).length === 3)
    bot.world.sayPrivate('刘阿姨', '保护令是去法院申请吗')
    await until(() => seen.length === 1)
    await settle(bot)
    expect(await svc.cases.list()).toHaveLength(1)
    expect(lastTo(bot, '刘阿姨')).toBe('（资料里的回答）')
    expect(privately(bot, '刘阿姨').filter((m) => m.text === referralTexts.reportMoreNoted)).toHaveLength(2)
    expect(privately(bot, '小王').filter((m) => m.text.startsWith('【补充】')).at(-1)!.text).toContain('13912345678')
  })

  it('a phone number posted in the group ("我家电话139…，有事打我") gets recall advice, never a DV referral', async () => {
    const { bot, svc } = await boot()
    bot.world.say('张丽', '我家电话13912345678，有事打我')
    await until(() => bot.sent.some((s) => s.kind === 'room'))
    await settle(bot)
    expect(bot.sent.map((m) => m.text)).toEqual([referralTexts.recallAdvice])
    expect(await svc.cases.list()).toEqual([])
  })

  it('"找个真人帮我" is a hand-off like 「转人工」', async () => {
    const { bot } = await boot()
    dm(bot, '王芳', '找个真人帮我')
    await until(() => lastTo(bot, '王芳').includes('同意'))
    expect(lastTo(bot, '王芳')).toContain('转给微家的工作人员')
  })

  it('fraud in the group: a short anti-fraud warning there (nobody mentioned), the host told privately', async () => {
    const { bot } = await withSafety()
    bot.world.say('张丽', '妇联通知：领补贴先交200元保证金，转账到6222 0000 0000 0000，今晚截止')
    await until(() => privately(bot, '李姐').length === 1)
    await settle(bot)
    const room = bot.sent.filter((s) => s.kind === 'room')
    expect(room.map((m) => m.text)).toEqual([safetyTexts.fraudWarning])
    expect(room[0]!.mentions).toEqual([])
    expect(safetyTexts.fraudWarning).toMatch(/妇联[\s\S]*不[\s\S]*(押金|保证金)[\s\S]*转账/)
    expect(privately(bot, '李姐')[0]!.text).toContain('张丽')
    // Someone asking whether it is real gets the answer in the group; the host is not told she posted a scam.
    bot.world.say('刘阿姨', '@小助手 这个是真的吗 要不要交钱', { mentionBot: true })
    await until(() => bot.sent.some((s) => s.kind === 'room' && s.text === safetyTexts.fraudAnswer))
    await settle(bot)
    expect(privately(bot, '李姐')).toHaveLength(1)
  })

  it('a resident asking what to do about a demand made of her is answered, never reported to the host as a scammer', async () => {
    const { bot } = await withSafety()
    // Asked of the bot, and told in her own words without @: both are questions about a scam, not scam posts.
    bot.world.say('吴敏', '@小助手 有人冒充妇联让我转账咋办', { mentionBot: true })
    await until(() => bot.sent.some((s) => s.kind === 'room' && s.text === safetyTexts.fraudAnswer))
    bot.world.say('周红', '刚有个自称妇联的打电话 让我把低保的钱转到什么安全账户')
    await until(() => bot.sent.filter((s) => s.kind === 'room' && s.text === safetyTexts.fraudAnswer).length === 2)
    await settle(bot)
    expect(privately(bot, '李姐')).toEqual([])
    expect(bot.sent.filter((s) => s.kind === 'room' && s.text === safetyTexts.fraudWarning)).toEqual([])
  })

  it('a scam post with a phone number gets the warning (not advice to recall the number); someone who already paid is told what to do now', async () => {
    const { bot } = await withSafety()
    bot.world.say('赵敏', '【妇联通知】巾帼创业补贴开始申领，每人3000元，需先交198元手续费，转账到6222021345678901，联系人王主任13800138000')
    await until(() => privately(bot, '李姐').length === 1)
    await settle(bot)
    expect(bot.sent.filter((s) => s.kind === 'room').map((m) => m.text)).toEqual([safetyTexts.fraudWarning])
    bot.world.say('张丽', '我刚转了198😰 咋办啊 能退回来吗')
    await until(() => bot.sent.some((s) => s.kind === 'room' && s.text === safetyTexts.fraudVictim))
    await settle(bot)
    expect(safetyTexts.fraudVictim).toMatch(/110[\s\S]*96110[\s\S]*银行/u)
    // An activity fee paid to the host is not a scam.
    bot.world.say('王芳', '插花材料费交了能退吗')
    await settle(bot)
    expect(bot.sent.filter((s) => s.kind === 'room' && s.text === safetyTexts.fraudVictim)).toHaveLength(1)
    // Right after the scam, "这个是真的吗" asks about that post, not the documents.
    bot.world.say('孙大妈', '@小助手 这个是真的吗 我要不要去领', { mentionBot: true })
    await until(() => bot.sent.some((s) => s.kind === 'room' && s.text === safetyTexts.fraudAnswer))
    // Being talked through it right now (screen sharing "to refund"): stop first.
    bot.world.sayPrivate('张丽', '他现在还让我下个会议软件 开屏幕共享 说帮我操作退款')
    await until(() => privately(bot, '张丽').some((m) => m.text === safetyTexts.fraudInProgress))
    await settle(bot)
  })

  it('round 14: she says she paid the scam just posted, however she puts it: the urgent steps first, then whether it comes back, then the rest', async () => {
    const { bot } = await withSafety()
    // The reply's order: 110 / 96110 and stopping the payment first, the honest answer to 能退吗 next.
    const [first, second, ...rest] = safetyTexts.fraudVictim.split('\n')
    expect(first).toMatch(/^请马上：[\s\S]*110[\s\S]*96110[\s\S]*(?:银行|支付宝)[\s\S]*止付、冻结/u)
    expect(second).toMatch(/^钱能不能追回，要看警方和银行/u)
    expect(rest.join('\n')).toMatch(/记录[\s\S]*诈骗/u)
    bot.world.say('陌生人', '【妇联通知】妇女创业补贴每人3000元，先交198元手续费即可领取，加微信fl2026办理')
    await until(() => privately(bot, '李姐').length === 1)
    await settle(bot)
    const victimTo = (name: string) => bot.sent.filter((s) => s.kind === 'room' && s.mentions.includes(name) && s.text === safetyTexts.fraudVictim)
    // Asked whether it is real in the same breath: that she paid comes first.
    bot.world.say('赵秀英', '@小助手 这个是真的吗 我刚转了198 能退回来吗', { mentionBot: true })
    await until(() => victimTo('赵秀英').length === 1)
    // Said other ways right after the post, addressed or not.
    bot.world.say('刘阿姨', '转过去了 咋办啊')
    await until(() => victimTo('刘阿姨').length === 1)
    bot.world.say('孙大妈', '@小助手 我已经交了198手续费了 还能要回来吗', { mentionBot: true })
    await until(() => victimTo('孙大妈').length === 1)
    // Control: an activity's fee is no scam; asking whether it is real without paying gets the answer.
    bot.world.say('王芳', '插花材料费交了能退吗')
    bot.world.say('周红', '@小助手 这是真的吗', { mentionBot: true })
    await until(() => bot.sent.some((s) => s.kind === 'room' && s.mentions.includes('周红') && s.text === safetyTexts.fraudAnswer))
    await settle(bot)
    expect(victimTo('王芳')).toEqual([])
    // In private, a scam's fee paid is read the same.
    bot.world.sayPrivate('吴敏', '我交了198块手续费 能退吗')
    await until(() => privately(bot, '吴敏').some((m) => m.text === safetyTexts.fraudVictim))
  })

  it('a message about a voice note or picture: it cannot hear or see, asks to type, guesses nothing; "你会些啥" says what it does and how privacy works', async () => {
    const { bot } = await withSafety()
    dm(bot, '王芳', '刚才那条语音你听到没，帮我弄一下')
    await until(() => privately(bot, '王芳').length === 1)
    expect(privately(bot, '王芳')[0]!.text).toBe(safetyTexts.media)
    dm(bot, '王芳', '你会些啥')
    await until(() => privately(bot, '王芳').length === 2)
    expect(privately(bot, '王芳')[1]!.text).toMatch(/隐私[\s\S]*同意/)
    // Asked whether it understands voice notes: the same plain answer, not a description of everything it does.
    dm(bot, '王芳', '发了条语音 小助手能听懂不')
    await until(() => privately(bot, '王芳').length === 3)
    expect(privately(bot, '王芳')[2]!.text).toBe(safetyTexts.media)
    // Thanks for help already given is not a new request.
    bot.world.say('赵敏', '@小助手 上回多亏你帮我找到托管班的信息 太谢谢啦❤️', { mentionBot: true })
    // In the group, a voice note passed round for the others ("大家听听") is not said to the bot: no reply; one
    // asked of the bot is answered there.
    bot.world.say('张丽', '刚发的语音大家听听')
    bot.world.say('陈静', '我刚发的语音你听了没')
    await until(() => bot.sent.some((s) => s.kind === 'room'))
    await settle(bot)
    expect(bot.sent.filter((s) => s.kind === 'room' && s.text === safetyTexts.media).map((s) => s.mentions)).toEqual([['陈静']])
    expect(bot.sent.filter((s) => s.kind === 'room' && s.mentions.includes('赵敏')).map((s) => s.text)).toEqual([safetyTexts.smalltalk('上回多亏你帮我找到托管班的信息 太谢谢啦❤️')])
    expect(privately(bot, '赵敏')).toEqual([])
  })

  it('a private message that voices a worry and asks a legal question: consent is asked AND the Q&A answers the question', async () => {
    const asked: string[] = []
    const qa = documentsStandin({
      match: (ctx) => ctx.msg.conversation.kind === 'private',
      answer: (ctx, app) => ['抚养费一般按月收入的20%到30%。', ...app.answerHints(ctx)].join('\n'),
      seen: asked,
    })
    const { bot } = await boot({}, { extra: [qa] })
    const text = '请问抚养费一般按收入的多少算啊？我前夫一个月就给500，孩子上学根本不够，我心里特别窝火，又不想跟他撕破脸'
    dm(bot, '王芳', text)
    await until(() => privately(bot, '王芳').length === 2)
    await settle(bot)
    const [consent, answer] = privately(bot, '王芳').map((m) => m.text)
    expect(consent).toContain('同意')
    expect(answer).toBe('抚养费一般按月收入的20%到30%。')
    expect(asked).toEqual([text])
  })

  it('a sign-up that mentions a worrying partner stays a sign-up (another route records it) and she gets a gentle private check-in', async () => {
    const recorded: string[] = []
    const signups: Capability = {
      name: 'signups-standin',
      register(app) {
        app.route({ name: 'signups.resident', priority: 40, match: (ctx) => /报名|算我一个/.test(ctx.msg.text), handle: async (ctx) => void recorded.push(ctx.msg.sender.name) })
      },
    }
    const { bot } = await boot({}, { extra: [signups] })
    say(bot, '王芳', '插花课算我一个，就是我家那口子最近老疑神疑鬼的，不知道让不让我出门')
    await until(() => privately(bot, '王芳').length === 1)
    await settle(bot)
    expect(recorded).toEqual(['王芳'])
    expect(privately(bot, '王芳')[0]!.text).toBe(referralTexts.checkIn('家庭暴力'))
    expect(bot.sent.filter((s) => s.kind === 'room')).toEqual([])
    // Positive control: a plain sign-up gets no check-in.
    bot.world.say('张丽', '插花课算我一个')
    await until(() => recorded.length === 2)
    await settle(bot)
    expect(privately(bot, '张丽')).toHaveLength(0)
  })
})

describe('end to end through the sandbox script harness', () => {
  it('runs a script: emergency, consent flow, staff acknowledge and close', async () => {
    const { bot, svc } = await boot()
    const script = [
      '# 群里求助，私聊继续',
      '王芳: 他拿刀吓唬我',
      '/wait 300ms',
      '张丽: @小助手 我最近老是睡不着，心里堵得慌，想找人聊聊',
      '/wait 300ms',
      '张丽 -> 小助手: 同意',
      '/wait 200ms',
      '张丽 -> 小助手: 3 周末上午',
    ].join('\n')
    secrets.push('他拿刀吓唬我', '我最近老是睡不着，心里堵得慌，想找人聊聊', '周末上午')
    for (const action of parseScript(script, '小助手')) await perform(bot.world, action)
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    const cases = await until(async () => {
      const all = await svc.cases.list()
      return all.length === 2 ? all : undefined
    })
    const [emergency, general] = [cases.find((c) => c.urgency === '紧急')!, cases.find((c) => c.urgency === '一般')!]
    expect(general).toMatchObject({ category: '心理支持', contact: '当面聊（周末上午）', consent: true, resident: { name: '张丽' } })

    const staffScript = [`小王 -> 小助手: 接单 ${emergency.id}`, '/wait 200ms', `小王 -> 小助手: 结案 ${emergency.id} 已联系，安全`].join('\n')
    for (const action of parseScript(staffScript, '小助手')) await perform(bot.world, action)
    expect(await waitIdle(bot.app, 20_000)).toBe(true)
    await until(async () => (await svc.cases.get(emergency.id))?.status === 'closed')
    await until(() => lastTo(bot, '王芳').includes('已办结'))
    // The group saw two short messages, one per resident, and nothing else.
    const room = bot.sent.filter((s) => s.kind === 'room')
    expect(room.map((m) => m.mentions)).toEqual([['王芳'], ['张丽']])
    expect(room[0]!.text).toContain('110')
    // Sleepless and low with no one hurting her: a word that fits (no "not your fault"), and the psychological hotline.
    expect(room[1]!.text).toBe(referralTexts.groupHeart)
  })
})
