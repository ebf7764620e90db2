// The utterance corpus (test/fixtures/nlu): lines, their split, and the world every line lives in.
import { readdirSync, readFileSync } from 'node:fs'
import { projectPath } from '../core/paths.ts'
import { fromWall } from '../core/tz.ts'
import type { ActivityView, Intent, PendingKind, Situation, Slots } from './types.ts'

export interface CorpusLine {
  id: string
  text: string
  intent: Intent
  slots: Slots
  also?: Intent[]
  ctx: {
    where: 'group' | 'private'
    role: 'resident' | 'host' | 'staff'
    mention?: boolean
    pending?: PendingKind
    signedUp?: number[]
    openCase?: boolean
    media?: 'voice' | 'image'
  }
  part: 'tune' | 'heldout' | 'probes'
}

export const CORPUS_TZ = 'Asia/Shanghai'
/** 2026-12-01 (Tuesday) 10:00 Asia/Shanghai. */
export const CORPUS_NOW = fromWall(CORPUS_TZ, 2026, 12, 1, 10, 0)

/** The two open activities of SCHEMA.md. */
export const CORPUS_ACTIVITIES: (ActivityView & { capacity: number; signedUp: number; waitlisted: number })[] = [
  { id: 1, title: '亲子阅读', startAt: fromWall(CORPUS_TZ, 2026, 12, 5, 14, 0), place: '微家活动室', notes: '', capacity: 20, signedUp: 20, waitlisted: 3 },
  { id: 2, title: '插花课', startAt: fromWall(CORPUS_TZ, 2026, 12, 6, 9, 30), place: '社区图书室', notes: '材料费20元', capacity: 12, signedUp: 7, waitlisted: 0 },
]

export function loadCorpus(): CorpusLine[] {
  const dir = projectPath('test', 'fixtures', 'nlu')
  const split = JSON.parse(readFileSync(`${dir}/split.json`, 'utf8')) as { tune: string[]; heldout: string[] }
  const tune = new Set(split.tune)
  const heldout = new Set(split.heldout)
  const lines: CorpusLine[] = []
  // Every batch is listed in split.json: a and b were split at random; later blind batches joined the tuning side whole.
  const batches = readdirSync(dir).filter((f) => /^utterances-[a-z]+\.jsonl$/u.test(f)).sort()
  for (const f of batches) {
    for (const raw of readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
      if (!raw.trim()) continue
      const row = JSON.parse(raw) as Omit<CorpusLine, 'part'>
      if (!tune.has(row.id) && !heldout.has(row.id)) throw new Error(`${f}: line ${row.id} is in neither part of split.json`)
      lines.push({ ...row, slots: row.slots ?? {}, part: tune.has(row.id) ? 'tune' : 'heldout' })
    }
  }
  return lines
}

/**
 * Probes (test/fixtures/nlu/probes.jsonl): phrasings written by the parser's maintainers from general knowledge of
 * how people write, never from the held-out half, to check that a reader generalises beyond the tune half.
 */
export function loadProbes(): CorpusLine[] {
  const raw = readFileSync(projectPath('test', 'fixtures', 'nlu', 'probes.jsonl'), 'utf8')
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const row = JSON.parse(l) as Omit<CorpusLine, 'part'>
      return { ...row, slots: row.slots ?? {}, part: 'probes' as const }
    })
}

/** The corpus line's situation, for the pure parser. */
export function situationOf(line: CorpusLine): Situation {
  return {
    where: line.ctx.where,
    role: line.ctx.role,
    mention: !!line.ctx.mention,
    ...(line.ctx.pending ? { pending: line.ctx.pending } : {}),
    activities: CORPUS_ACTIVITIES.map(({ id, title, startAt, place, notes }) => ({ id, title, startAt, place, notes })),
    signedUp: line.ctx.signedUp ?? [],
    openCase: !!line.ctx.openCase,
    ...(line.ctx.media ? { media: line.ctx.media } : {}),
    now: CORPUS_NOW,
    tz: CORPUS_TZ,
  }
}

/** The text as the bot receives it: the adapter strips a leading @小助手. */
export const strippedText = (line: CorpusLine) => line.text.replace(/@小助手[\s\u2005]*/gu, '').trim()
