// The utterance corpus as a table test (test/fixtures/nlu). Floors sit well below the figures measured with
// `npm run eval:nlu`, so a regression fails while honest improvements pass. Fast: the parser is driven
// directly, and routing through app.explain (every capability registered, real Redis, no mock puppet).
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectPath } from '../src/core/paths.ts'
import { loadCorpus, loadProbes, situationOf } from '../src/nlu/corpus.ts'
import { score } from '../src/nlu/evaluate.ts'
import { intentsOfRoute, SAFETY_ROUTES } from '../src/nlu/route-intents.ts'
import { understand } from '../src/nlu/understand.ts'
import { type NluWorld, nluWorld } from '../src/testing/nlu-world.ts'

const lines = loadCorpus()
const part = (p: 'tune' | 'heldout') => lines.filter((l) => l.part === p)
const parse = (line: (typeof lines)[number]) => {
  const u = understand(line.text, situationOf(line))
  return { intents: [u.intent], slots: u.slots, emergency: u.intent === 'help.emergency' || !!u.slots.danger, label: u.intent }
}

describe('understanding the corpus (parser)', () => {
  it('splits a and b (1,020 lines) once into tune and held-out halves; later blind batches join the tune side whole', () => {
    expect(part('heldout').length).toBe(505)
    expect(part('tune').filter((l) => /^[ab]/u.test(l.id)).length).toBe(515)
    expect(part('tune').length).toBeGreaterThanOrEqual(835)
  })

  it('reads the tune side (measured 0.988 intent, 0.982 slots, emergency recall 1.0, false emergencies 1.0%, batches c–g included)', () => {
    const s = score(part('tune'), parse)
    expect(s.accuracy).toBeGreaterThan(0.95)
    expect(s.slots.accuracy).toBeGreaterThan(0.95)
    expect(s.emergencyRecall).toBe(1)
    // The tuning side carries the adversarial batches (past weapons and strangling labelled help requests, which
    // the rules keep as emergencies on purpose); the ≤ 1% target is the held-out half's, checked below.
    expect(s.falseEmergencyRate).toBeLessThan(0.015)
    // The whole tuning side: about 3 s idle, past 30 s when every core is busy.
  }, 120_000)

  it('reads the held-out half above its floors (measured 0.952 intent, 0.949 slots, emergency recall 1.0; rules alone 0.846 and 0.945)', () => {
    const s = score(part('heldout'), parse)
    expect(s.accuracy).toBeGreaterThan(0.92)
    expect(s.slots.accuracy).toBeGreaterThan(0.9)
    expect(s.emergencyRecall).toBe(1)
    expect(s.falseEmergencyRate).toBeLessThan(0.01)
  })

  it('reads our own probe phrasings (test/fixtures/nlu/probes.jsonl; measured 1.0 intent, 0.995 slots)', () => {
    const probes = loadProbes()
    expect(probes.length).toBeGreaterThan(250)
    const s = score(probes, parse)
    expect(s.accuracy).toBeGreaterThan(0.95)
    expect(s.slots.accuracy).toBeGreaterThan(0.95)
    expect(s.falseEmergencyRate).toBeLessThan(0.01)
  })

  it('reads the same message alike in Simplified and Traditional script', () => {
    const sit = situationOf(lines.find((l) => l.id === 'a001')!)
    const group = { ...sit, where: 'group' as const, role: 'resident' as const, pending: undefined }
    expect(understand('幫我和女兒報個名', group)).toEqual(understand('帮我和女儿报个名', group))
    expect(understand('帮我和女儿报个名', group)).toMatchObject({ intent: 'signup.join', slots: { self: true, count: 2, relatives: ['女儿'] } })
  })
})

/**
 * One world with every corpus line routed once, shared by the routing and the safety checks below. Each line is
 * read from its own sender's seeded state with the group quiet before it, so its route does not depend on which
 * lines went before (checked: routing the safety checks' lines on a fresh world, in their order, gave the same
 * routes for all of them).
 */
let routed: Promise<{ world: NluWorld; routes: Map<string, string | undefined> }> | undefined
const routedCorpus = () =>
  (routed ??= (async () => {
    const world = await nluWorld()
    const routes = new Map<string, string | undefined>()
    for (const line of lines) routes.set(line.id, await world.routeOf(line))
    return { world, routes }
  })())
afterAll(async () => (await routed)?.world.close())

describe('routing the corpus (every capability registered)', () => {
  let world: NluWorld
  let routes: Map<string, string | undefined>
  // Routing 3,400 lines through real Redis: a few seconds idle, much longer with both cores busy. Work, not a clock.
  beforeAll(async () => {
    ;({ world, routes } = await routedCorpus())
  }, 300_000)

  const byRoute = (line: (typeof lines)[number]) => {
    const route = routes.get(line.id)
    const emergency = !!route && SAFETY_ROUTES.has(route)
    return { intents: intentsOfRoute(route), emergency, label: route ?? '(none)' }
  }

  it('the safety route wins for every line the rules or the parser read as danger', () => {
    const dangerous = lines.filter((l) => parse(l).emergency)
    expect(dangerous.length).toBeGreaterThan(40)
    for (const l of dangerous) expect({ id: l.id, route: routes.get(l.id) }).toEqual({ id: l.id, route: 'referrals.emergency' })
    // Positive control: plain chatter never reaches it.
    const calm = lines.filter((l) => l.intent === 'chatter' && !parse(l).emergency)
    expect(calm.filter((l) => routes.get(l.id) === 'referrals.emergency')).toEqual([])
    // Parses the whole corpus twice: 3 s idle, 33 s once with two busy loops and another test run on both cores.
  }, 120_000)

  it('routes each half above its floors (measured route level: tune 0.972, held-out 0.952; rules alone 0.836 held-out)', () => {
    const tune = score(part('tune'), byRoute)
    const held = score(part('heldout'), byRoute)
    expect(tune.accuracy).toBeGreaterThan(0.94)
    expect(held.accuracy).toBeGreaterThan(0.92)
    expect(tune.emergencyRecall).toBe(1)
    expect(held.emergencyRecall).toBe(1)
  })

  it('sign-up, activity, host and reminder lines reach their labelled routes (measured tune 0.96, held-out 0.86)', () => {
    const ours = (l: (typeof lines)[number]) => /^(?:signup|activity|host|reminder|pending)\./u.test(l.intent)
    const tune = score(part('tune').filter(ours), byRoute)
    const held = score(part('heldout').filter(ours), byRoute)
    expect(tune.accuracy).toBeGreaterThan(0.92)
    expect(held.accuracy).toBeGreaterThan(0.8)
    // Positive control for the floor: the same lines scored against a route that serves nothing fail.
    expect(score(part('tune').filter(ours), () => ({ intents: [], label: '(none)' })).accuracy).toBe(0)
  })

  it('never takes a sign-up for a help request, and never takes an edit for a new activity', async () => {
    const signups = lines.filter((l) => l.intent === 'signup.join' && !l.also?.length && parse(l).intents[0] === 'signup.join')
    expect(signups.length).toBeGreaterThan(50)
    for (const l of signups) expect({ id: l.id, route: routes.get(l.id) }).not.toEqual({ id: l.id, route: 'referrals.help' })
    const edit = { ...lines.find((l) => l.intent === 'host.edit')!, id: 'edit-doc', text: '@小助手 修改活动1 时间 周日上午9点', ctx: { where: 'group' as const, role: 'host' as const, mention: true } }
    expect(await world.routeOf(edit)).toBe('signups.host')
    // Positive control: a real announcement still goes to the announcer.
    const announce = { ...edit, id: 'announce-doc', text: '@小助手 发布活动 周六下午2点 亲子手工 微家活动室 限20人' }
    expect(await world.routeOf(announce)).toBe('signups.announce')
  })
})

// Safety (help side): every emergency of both halves reaches the safety route, and alarming-sounding chatter
// does not. The probes (test/fixtures/safety) are written from the meanings in src/nlu/danger.ts.
describe('emergencies reach the safety route first (both halves, by meaning)', () => {
  const probes = JSON.parse(readFileSync(projectPath('test', 'fixtures', 'safety', 'danger-probes.json'), 'utf8')) as { emergency: string[]; calm: string[] }
  const template = lines.find((l) => l.intent === 'chatter' && l.ctx.where === 'group')!
  const probe = (text: string, i: number, where: 'group' | 'private') => ({ ...template, id: `probe-${where}-${i}`, text, ctx: { where, role: 'resident' as const, mention: false } })
  let world: NluWorld
  let routes: Map<string, string | undefined>
  beforeAll(async () => {
    ;({ world, routes } = await routedCorpus())
  }, 300_000)

  it.each(['tune', 'heldout'] as const)('every %s help.emergency line is claimed by referrals.emergency', (p) => {
    const emergencies = part(p).filter((l) => l.intent === 'help.emergency')
    expect(emergencies.length).toBeGreaterThanOrEqual(26)
    const missed: string[] = []
    for (const l of emergencies) if (routes.get(l.id) !== 'referrals.emergency') missed.push(l.id)
    expect(missed).toEqual([])
  })

  it('false emergencies stay at or under 1% on the held-out half (1.5% on the adversarial tuning side)', () => {
    for (const p of ['tune', 'heldout'] as const) {
      const calm = part(p).filter((l) => l.intent !== 'help.emergency' && !l.slots.danger)
      let alarms = 0
      for (const l of calm) if (routes.get(l.id) === 'referrals.emergency') alarms++
      expect(alarms / calm.length).toBeLessThanOrEqual(p === 'heldout' ? 0.01 : 0.015)
    }
  })

  it('alarming-sounding chatter (累死了, 笑死我了, 气死我了, tools for an activity, a film) never reaches it; real danger said in other words does', async () => {
    expect(probes.calm.length).toBeGreaterThan(15)
    for (const [i, text] of probes.calm.entries()) {
      for (const where of ['group', 'private'] as const) expect({ text, route: await world.routeOf(probe(text, i, where)) }).not.toEqual({ text, route: 'referrals.emergency' })
    }
    // Positive control: the same harness routes danger said in words the corpus never used to the safety route.
    for (const [i, text] of probes.emergency.entries()) {
      for (const where of ['group', 'private'] as const) expect({ text, route: await world.routeOf(probe(text, i, where)) }).toEqual({ text, route: 'referrals.emergency' })
    }
  })
})
