// npm run eval:nlu — how well the bot understands the utterance corpus (test/fixtures/nlu), offline.
// Route level: each line becomes a message in its situation (sender state seeded in real Redis) and we see
// which route claims it. Parser level: the pure parser's intent and slots. Both on the tune and held-out parts.
// Probes (test/fixtures/nlu/probes.jsonl) are the maintainers' own phrasings, scored as a third column.
// Flags: --misses tune|probes (list misreadings of that part). The held-out part's texts are never printed.
import { loadCorpus, loadProbes, type CorpusLine, situationOf } from '../src/nlu/corpus.ts'
import { type Prediction, report, score } from '../src/nlu/evaluate.ts'
import { carriedIntents, intentsOfRoute, intentsServed, SAFETY_ROUTES } from '../src/nlu/route-intents.ts'
import type { Intent } from '../src/nlu/types.ts'
import { nluWorld } from '../src/testing/nlu-world.ts'
import { understand } from '../src/nlu/understand.ts'

const args = process.argv.slice(2)
const showMisses = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined
const probes = loadProbes()
const lines = [...loadCorpus(), ...probes]
const world = await nluWorld()
const routes = new Map<string, string | undefined>()
const carried = new Map<string, Intent[]>()
for (const line of lines) {
  const r = await world.readingOf(line)
  routes.set(line.id, r.route)
  carried.set(line.id, r.carried)
}
await world.close()

// A sign-up or cancellation said with an emergency or a help request is recorded after the help reply (the help routes
// hand it to the sign-ups): the route serves it too. The strict figures (route alone) are printed beside.
const byRoute = (line: CorpusLine): Prediction => {
  const route = routes.get(line.id)
  const intents = intentsServed(route, carried.get(line.id))
  const emergency = !!route && SAFETY_ROUTES.has(route)
  // A third-party report of immediate danger is served by the safety route too.
  return { intents: emergency && line.slots.danger ? [...intents, 'help.third_party'] : intents, emergency, label: route ?? '(none)' }
}
const parts = { tune: lines.filter((l) => l.part === 'tune'), heldout: lines.filter((l) => l.part === 'heldout'), probes }
const routeScores = { tune: score(parts.tune, byRoute), heldout: score(parts.heldout, byRoute), probes: score(parts.probes, byRoute) }
console.log(report('route level (which route claims each line, and what it carries along)', routeScores))
const strictly = (line: CorpusLine): Prediction => ({ ...byRoute(line), intents: intentsOfRoute(routes.get(line.id)) })
const strict = { tune: score(parts.tune, strictly), heldout: score(parts.heldout, strictly), probes: score(parts.probes, strictly) }
const fig = (s: ReturnType<typeof score>) => `${(100 * s.accuracy).toFixed(1)}%, ${s.confusions.helpToQa} / ${s.confusions.helpToSignup} / ${s.confusions.signupToHelp}`
console.log(`route alone (a carried sign-up not counted): intent, help→Q&A / help→sign-up / sign-up→help\t${fig(strict.tune)}\t${fig(strict.heldout)}\t${fig(strict.probes)}`)
const byParser = (line: CorpusLine): Prediction => {
  const u = understand(line.text, situationOf(line))
  // A sign-up carried along a help request or an emergency (u.signup) is a second meaning the bot acts on too.
  const carried = carriedIntents(u)
  // Its slots are the carried reading's when that is the meaning the line is labelled with.
  const slots = u.intent !== line.intent && carried.includes(line.intent) && u.signup ? u.signup : u.slots
  return { intents: [u.intent, ...carried], slots, emergency: u.intent === 'help.emergency' || !!u.slots.danger, label: u.intent }
}
const parserScores = { tune: score(parts.tune, byParser), heldout: score(parts.heldout, byParser), probes: score(parts.probes, byParser) }
console.log()
console.log(report('parser level (intent and slots of src/nlu/understand.ts)', parserScores))
if (showMisses === 'tune' || showMisses === 'probes') {
  console.log(`-- route misses (${showMisses})`)
  for (const m of routeScores[showMisses].misses) console.log(`${m.gold}\t→ ${m.got}\t${JSON.stringify(m.text)}`)
  console.log(`-- parser misses (${showMisses})`)
  for (const m of parserScores[showMisses].misses) console.log(`${m.gold}\t→ ${m.got}\t${JSON.stringify(m.text)}`)
  console.log(`-- slot misses (${showMisses})`)
  for (const m of parserScores[showMisses].slotMisses) console.log(`${m.slot}\t${JSON.stringify(m.gold)} ≠ ${JSON.stringify(m.got)}\t${JSON.stringify(m.text)}`)
}
process.exit(0)
