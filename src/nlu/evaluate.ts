// Scores understanding against the utterance corpus: intent accuracy per intent, slot accuracy, and the safety
// figures (emergency recall, false emergencies, help ↔ sign-up / Q&A confusions). Pure: callers supply the
// prediction for each line (from the parser, or from the route that claimed it).
import { toSimplified } from '../core/zh/script.ts'
import type { CorpusLine } from './corpus.ts'
import type { Intent, Slots } from './types.ts'

export interface Prediction {
  /** The intent predicted (parser), or the intents the claiming route serves (route level). */
  intents: Intent[]
  slots?: Slots
  /** Claimed by the safety route (emergency numbers first). */
  emergency?: boolean
  /** For reports: the route name or the parser's intent. */
  label: string
}

export interface PartScore {
  lines: number
  accuracy: number
  perIntent: Record<string, { n: number; correct: number; accuracy: number }>
  /** Over every slot the corpus gives, for lines whose intent was right. */
  slots: { n: number; correct: number; accuracy: number }
  /** Names, counts, relatives, times, places only (the target). */
  coreSlots: { n: number; correct: number; accuracy: number }
  perSlot: Record<string, { n: number; correct: number }>
  emergencyRecall: number
  falseEmergencyRate: number
  confusions: { helpToQa: number; helpToSignup: number; signupToHelp: number }
  misses: { id: string; text: string; gold: Intent; got: string }[]
  slotMisses: { id: string; text: string; slot: string; gold: unknown; got: unknown }[]
}

const CORE_SLOTS = new Set(['names', 'count', 'relatives', 'time', 'place', 'self'])
const HELP: Intent[] = ['help.request', 'help.emergency', 'help.third_party']

const norm = (v: unknown): unknown => {
  if (typeof v === 'string') return toSimplified(v).replace(/[《》「」“”"'\s]/gu, '')
  if (Array.isArray(v)) return [...v.map(norm)].sort()
  return v
}

export function slotMatches(name: string, gold: unknown, got: unknown): boolean {
  if (got === undefined) return false
  if (name === 'time' || name === 'deadline') {
    const g = String(gold)
    const p = String(got)
    // "HH:MM" gold: only the clock time was said; any date with that clock is right.
    return g.length === 5 ? p.endsWith(g) : p === g
  }
  if (name === 'relatives') return JSON.stringify(norm(childAsOne(gold))) === JSON.stringify(norm(childAsOne(got)))
  return JSON.stringify(norm(gold)) === JSON.stringify(norm(got))
}

/**
 * The general words for a child are one relative: SCHEMA.md writes "两个孩子 → 孩子", and its writers differ on
 * whether 娃 and 小孩 become 孩子 too; the bot treats them alike. (A particular child — 儿子, 闺女 — stays itself.)
 */
const childAsOne = (v: unknown): unknown =>
  Array.isArray(v) ? [...new Set(v.map((x) => (typeof x === 'string' && /^(?:孩子|娃|娃娃|小孩|小孩子|孩儿|小娃|小朋友|孩|小孩兒)$/u.test(toSimplified(x)) ? '孩子' : x)))] : v

export function score(lines: CorpusLine[], predict: (line: CorpusLine) => Prediction): PartScore {
  const perIntent: PartScore['perIntent'] = {}
  const perSlot: PartScore['perSlot'] = {}
  const slots = { n: 0, correct: 0, accuracy: 0 }
  const coreSlots = { n: 0, correct: 0, accuracy: 0 }
  const misses: PartScore['misses'] = []
  const slotMisses: PartScore['slotMisses'] = []
  const confusions = { helpToQa: 0, helpToSignup: 0, signupToHelp: 0 }
  let correct = 0
  let emergencies = 0
  let caught = 0
  let others = 0
  let falseAlarms = 0
  for (const line of lines) {
    const p = predict(line)
    const ok = p.intents.includes(line.intent)
    const slot = (perIntent[line.intent] ??= { n: 0, correct: 0, accuracy: 0 })
    slot.n++
    if (ok) {
      correct++
      slot.correct++
    } else misses.push({ id: line.id, text: line.text, gold: line.intent, got: p.label })
    if (line.intent === 'help.emergency') {
      emergencies++
      if (p.emergency) caught++
    } else if (!line.slots.danger) {
      // Third-party reports of immediate danger may get the numbers first: not counted as false alarms.
      others++
      if (p.emergency) falseAlarms++
    }
    const got = p.intents
    const gotOnly = (xs: Intent[]) => got.length > 0 && got.every((g) => xs.includes(g))
    if (HELP.includes(line.intent) && !p.emergency && gotOnly(['qa.question'])) confusions.helpToQa++
    if (HELP.includes(line.intent) && !p.emergency && got.some((g) => g.startsWith('signup.')) && !got.some((g) => HELP.includes(g))) confusions.helpToSignup++
    // A sign-up (even one that also voices a worry) must never be taken for a help request alone.
    if (line.intent === 'signup.join' && (p.emergency || got.some((g) => HELP.includes(g))) && !got.includes('signup.join')) confusions.signupToHelp++
    if (!ok || !p.slots) continue
    for (const [name, gold] of Object.entries(line.slots)) {
      if (name === 'category' && line.intent === 'signup.join') continue
      const hit = slotMatches(name, gold, (p.slots as Record<string, unknown>)[name])
      const s = (perSlot[name] ??= { n: 0, correct: 0 })
      s.n++
      slots.n++
      if (CORE_SLOTS.has(name)) coreSlots.n++
      if (hit) {
        s.correct++
        slots.correct++
        if (CORE_SLOTS.has(name)) coreSlots.correct++
      } else slotMisses.push({ id: line.id, text: line.text, slot: name, gold, got: (p.slots as Record<string, unknown>)[name] })
    }
  }
  for (const v of Object.values(perIntent)) v.accuracy = v.n ? v.correct / v.n : 0
  slots.accuracy = slots.n ? slots.correct / slots.n : 0
  coreSlots.accuracy = coreSlots.n ? coreSlots.correct / coreSlots.n : 0
  return {
    lines: lines.length,
    accuracy: lines.length ? correct / lines.length : 0,
    perIntent,
    slots,
    coreSlots,
    perSlot,
    emergencyRecall: emergencies ? caught / emergencies : 1,
    falseEmergencyRate: others ? falseAlarms / others : 0,
    confusions,
    misses,
    slotMisses,
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

/** A plain-text report of one or more parts side by side. */
/** Which capability serves which intents (confirmations and corrections answer sign-up and reminder drafts). */
const CAPABILITY_INTENTS: [string, RegExp][] = [
  ['signups', /^(?:signup|activity|host)\.|^pending\.answer$/u],
  ['reminders', /^reminder\./u],
  ['drafts (confirm/correct)', /^confirm\.|^correction$/u],
  ['referrals', /^(?:help|consent|contact|case|handoff)\.|^privacy\.number$/u],
  ['safety', /^(?:safety\.fraud|media\.reference|bot\.about)$/u],
  ['qa', /^qa\.question$/u],
  ['chatter (stay quiet)', /^chatter$/u],
]

export function report(title: string, parts: Record<string, PartScore>): string {
  const names = Object.keys(parts)
  const out: string[] = [`== ${title}`]
  out.push(['', ...names.map((n) => `${n} (${parts[n]!.lines})`)].join('\t'))
  out.push(['intent accuracy', ...names.map((n) => pct(parts[n]!.accuracy))].join('\t'))
  out.push(['slot accuracy (all)', ...names.map((n) => `${pct(parts[n]!.slots.accuracy)} of ${parts[n]!.slots.n}`)].join('\t'))
  out.push(['slot accuracy (names/counts/relatives/times/places)', ...names.map((n) => `${pct(parts[n]!.coreSlots.accuracy)} of ${parts[n]!.coreSlots.n}`)].join('\t'))
  out.push(['emergency recall', ...names.map((n) => pct(parts[n]!.emergencyRecall))].join('\t'))
  out.push(['false emergencies', ...names.map((n) => pct(parts[n]!.falseEmergencyRate))].join('\t'))
  out.push(['help→Q&A / help→sign-up / sign-up→help', ...names.map((n) => { const c = parts[n]!.confusions; return `${c.helpToQa} / ${c.helpToSignup} / ${c.signupToHelp}` })].join('\t'))
  const intents = [...new Set(names.flatMap((n) => Object.keys(parts[n]!.perIntent)))].sort()
  out.push('-- per capability (accuracy, n: the intents each capability serves)')
  for (const [cap, re] of CAPABILITY_INTENTS) {
    out.push([cap, ...names.map((n) => {
      let right = 0
      let total = 0
      for (const [i, s] of Object.entries(parts[n]!.perIntent)) if (re.test(i)) (right += s.accuracy * s.n), (total += s.n)
      return total ? `${pct(right / total)} (${total})` : '-'
    })].join('\t'))
  }
  out.push('-- per intent (accuracy, n)')
  for (const i of intents) out.push([i, ...names.map((n) => { const s = parts[n]!.perIntent[i]; return s ? `${pct(s.accuracy)} (${s.n})` : '-' })].join('\t'))
  const slotNames = [...new Set(names.flatMap((n) => Object.keys(parts[n]!.perSlot)))].sort()
  out.push('-- per slot (correct/n, on lines with the right intent)')
  for (const s of slotNames) out.push([s, ...names.map((n) => { const x = parts[n]!.perSlot[s]; return x ? `${x.correct}/${x.n}` : '-' })].join('\t'))
  return out.join('\n')
}
