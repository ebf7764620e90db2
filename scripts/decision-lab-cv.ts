// Decision lab, step 2: nested CV (decision-train.ts recipe) of feature sets over the dumped tuning rows.
// Usage: npx tsx scripts/decision-lab-cv.ts ROWS.json 'setName=feat1,feat2,…' … [--seeds 3] [--gate-on]
// A feature is a decision-model.ts FEATURES name or lab.NAME (src/qa/decision-lab.ts labSignals); prefix '-' / '+' sets its sign.
import { readFileSync } from 'node:fs'
import { FEATURES, outcome, signsOf, type FeatureName } from '../src/qa/decision-model.ts'
import { predict } from '../src/qa/logistic.ts'
import { trainDecision, type TrainRow } from '../src/qa/decision-train.ts'
import type { DecisionFeatures } from '../src/qa/decide.ts'
import { boostLearner } from './boost-lab.ts'

type Row = { id: string; covered: boolean; sentence: number; passage: number; focus: boolean; similarity: number; extra: DecisionFeatures['extra']; lab: Record<string, number> }
const args = process.argv.slice(2)
const rows: Row[] = JSON.parse(readFileSync(args[0]!, 'utf8'))
const seedsAt = args.indexOf('--seeds')
const nSeeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 1
const sets = args.slice(1).filter((a) => a.includes('='))
const learnerAt = args.indexOf('--learner')
const learnerName = learnerAt >= 0 ? args[learnerAt + 1]! : 'logistic'
const learner = learnerName.startsWith('boost') ? boostLearner(Number(learnerName.split(':')[1] ?? 0.1)) : undefined
const lambdas = learner ? [25, 50, 100, 200, 400] : undefined
const focusGates = args.includes('--gate-on') ? [true] : undefined
const value = (r: Row, n: string): number => {
  if (n.includes('*')) return n.split('*').reduce((s, m) => s * value(r, m), 1)
  if (n.startsWith('lab.')) return r.lab[n.slice(4)]!
  if (n === 'similarity') return r.similarity
  if (n === 'spread') return r.passage - r.sentence
  if (n.startsWith('extra.')) return Number((r.extra as unknown as Record<string, number>)[n.slice(6)])
  return FEATURES[n as FeatureName](r as unknown as DecisionFeatures)
}
for (const s of sets) {
  const [name, list] = s.split('=') as [string, string]
  const feats = list.split(',').map((f) => f.trim())
  const names = feats.map((f) => f.replace(/^[-+~]/, ''))
  const signs = feats.map((f, i) => (f.startsWith('-') ? -1 : f.startsWith('+') ? 1 : f.startsWith('~') ? 0 : names[i]! in FEATURES ? signsOf([names[i] as FeatureName])[0]! : 0))
  const data: TrainRow[] = rows.map((r) => ({ x: names.map((n) => value(r, n)), covered: r.covered, sentence: r.sentence, focus: r.focus }))
  const acc: Record<string, number[]> = {}
  let last: ReturnType<typeof trainDecision> | undefined
  for (let k = 0; k < nSeeds; k++) {
    const m = trainDecision(data, { features: names as FeatureName[], signs, maxCoveredDeclined: 0.05, seed: 20261201 + 1000 * k, learner, lambdas, focusGates })
    last = m
    const cv = (m.trained as { nestedCrossValidation: Record<string, number> }).nestedCrossValidation
    for (const key of ['auc', 'coveredDeclined', 'coveredHedged', 'notCoveredDeclined', 'notCoveredHedged', 'notCoveredAnsweredOutright']) (acc[key] ??= []).push(cv[key]!)
  }
  if (args.includes('--temporal') && !learner) {
    // Trained on batches a–f only (the recipe as is), measured on g–h.
    const early = rows.map((r, i) => (/questions-[a-f]/.test((r as unknown as { file: string }).file) ? i : -1)).filter((i) => i >= 0)
    const late = rows.map((r, i) => (/questions-[gh]/.test((r as unknown as { file: string }).file) ? i : -1)).filter((i) => i >= 0)
    const m = trainDecision(early.map((i) => data[i]!), { features: names as FeatureName[], signs, maxCoveredDeclined: 0.05 })
    const out = late.map((i) => outcome(m, predict(m, data[i]!.x), data[i]!))
    const sh = (c: boolean, o: string) => { const idx = late.map((i, k) => (rows[i]!.covered === c ? k : -1)).filter((k) => k >= 0); return (idx.filter((k) => out[k] === o).length / idx.length).toFixed(3) }
    console.log(`  a–f → g–h: covDecl ${sh(true, 'decline')} covHedge ${sh(true, 'hedge')} uncDecl ${sh(false, 'decline')} uncHedge ${sh(false, 'hedge')} uncAns ${sh(false, 'answer')}`)
  }
  const f = (key: string) => (acc[key]!.reduce((a, b) => a + b, 0) / acc[key]!.length).toFixed(3)
  const per = (key: string) => acc[key]!.map((v) => v.toFixed(3)).join('/')
  console.log(`${name}\tAUC ${f('auc')}\tcovDecl ${f('coveredDeclined')} (${per('coveredDeclined')})\tcovHedge ${f('coveredHedged')}\tuncDecl ${f('notCoveredDeclined')} (${per('notCoveredDeclined')})\tuncHedge ${f('notCoveredHedged')}\tuncAns ${f('notCoveredAnsweredOutright')}`)
  console.log(`  full fit: λ ${last!.lambda} floor ${last!.floor} gate ${last!.focusGate} hedge ${last!.hedge} answer ${last!.answer} w ${learner ? '-' : names.map((n, i) => `${n} ${last!.weights[i]}`).join(', ')}`)
}
