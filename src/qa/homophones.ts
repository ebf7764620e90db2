// Homophone typos. Residents type with voice input and pinyin IMEs, so a word comes back as another word with the
// same sound: "那个刺秀项目是哪家公司搞的" for 刺绣 (ci xiu). The folder's own vocabulary says which reading was meant:
// a word of the question (2–4 Chinese characters) that the folder never writes, where one character (two in a
// four-character word) swapped for one with the same toneless pinyin gives a word the folder does write, is read
// as that word for search and for the covered / not-covered decision. Conservative by design: a word of general
// Chinese is never corrected, only into a real word of the folder, and a word with two readings in the folder is
// left as she wrote it.
import { createRequire } from 'node:module'
import type * as PinyinPro from 'pinyin-pro'
import { aliasesOf } from './colloquial.ts'
import { writtenAnywhere } from './decide.ts'
import type { KnowledgeIndex } from './index-store.ts'
import { GRAM_MARK, isStopword, knownIdf, plainPieces, tokensOfNormalized } from './tokenize.ts'

type PinyinLib = typeof PinyinPro
let lib: PinyinLib | undefined
// Loaded on first use: pinyin-pro costs ~110 ms and ~14 MB of RSS, which a process that is never asked a
// question (console, reminders, export) need not pay. The CommonJS build loads synchronously, so the query
// preparation that uses it stays synchronous.
const pinyinLib = (): PinyinLib => (lib ??= createRequire(import.meta.url)('pinyin-pro') as PinyinLib)

/**
 * A reading as common in general Chinese as this (jieba's IDF) is not taken: everyday characters' sounds hit everyday
 * words by chance. Tuning side (2,824 questions), readings found beside her words: 人士 5.1, 阅读 5.9, 年内 6.4,
 * 完整 6.5 were all wrong ("有人失咗业", "这个月读哪本书", "2013年拿了", "领完证"); the right ones were 培训 7.3, 吵架
 * 8.6, 刺绣 8.8, 管理员 9.5, 婆媳 10.3, 妇联 10.6 and words general Chinese lacks (微家).
 */
const READING_MIN_IDF = 7
/** Characters swapped at most, by the word's length: one of two or three, two of four. */
const MAX_SWAPS = [0, 0, 1, 1, 2] as const
/**
 * A folder word that general Chinese does not have (微家, 家接待) is real to the folder only when several passages
 * use it; a general word (刺绣, in one passage of the real corpus) needs only to be written once.
 */
const MIN_DF_FOLDER_ONLY = 3

export interface Correction {
  /** Offset in the normalised question. */
  at: number
  /** What she wrote. */
  from: string
  /** The folder's word read instead. */
  to: string
}

interface Vocabulary {
  /** Folder words (2–4 Chinese characters) that count as real words. */
  words: Set<string>
  /** Toneless syllable → the characters of those words that have it. */
  bySound: Map<string, string[]>
}

const vocabularies = new WeakMap<KnowledgeIndex, Vocabulary>()

function vocabularyOf(index: KnowledgeIndex): Vocabulary {
  let v = vocabularies.get(index)
  if (v) return v
  const words = new Set<string>()
  for (const term of index.keyword.terms()) {
    if (term.startsWith(GRAM_MARK) || !HAN_WORD.test(term) || isStopword(term)) continue
    if (knownIdf(term) !== undefined || index.keyword.df(term) >= MIN_DF_FOLDER_ONLY) words.add(term)
  }
  const chars = [...new Set([...words].join(''))]
  const bySound = new Map<string, string[]>()
  const sounds = readingsOf(chars)
  chars.forEach((ch, i) => {
    for (const s of sounds[i]!) {
      const list = bySound.get(s)
      if (list) list.push(ch)
      else bySound.set(s, [ch])
    }
  })
  vocabularies.set(index, (v = { words, bySound }))
  return v
}
const HAN_WORD = /^\p{Script=Han}{2,4}$/u

const readingCache = new Map<string, readonly string[]>()

/** Every toneless reading of each character (行 → xing, hang, heng), cached per character. */
function readingsOf(chars: readonly string[]): (readonly string[])[] {
  const missing = [...new Set(chars.filter((c) => !readingCache.has(c)))]
  if (missing.length) {
    const all = pinyinLib().polyphonic(missing.join(''), { toneType: 'none', type: 'array' })
    missing.forEach((c, i) => readingCache.set(c, [...new Set((all[i] ?? []).filter((s) => /^[a-zü]+$/u.test(s)))]))
  }
  return chars.map((c) => readingCache.get(c)!)
}

/** The folder's words that `word` becomes with at most `swaps` characters replaced by ones with the same toneless pinyin. */
function homophoneWords(vocab: Vocabulary, word: string, swaps: number): string[] {
  const chars = [...word]
  const sounds = readingsOf(chars)
  const alike = chars.map((c, i) => [...new Set(sounds[i]!.flatMap((s) => vocab.bySound.get(s) ?? []))].filter((h) => h !== c))
  const out = new Set<string>()
  const walk = (from: number, left: number, built: string[]) => {
    if (left < swaps && vocab.words.has(built.join(''))) out.add(built.join(''))
    if (!left) return
    for (let i = from; i < chars.length; i++) {
      for (const h of alike[i]!) {
        const next = [...built]
        next[i] = h
        walk(i + 1, left - 1, next)
      }
    }
  }
  walk(0, swaps, chars)
  return [...out]
}

/** A run of her question that may be a typo, and the folder words it may be read as. */
export interface Reading {
  /** Offset in the normalised question. */
  at: number
  /** What she wrote. */
  from: string
  /** The folder's words it sounds like (one: read as it; several: ambiguous, left alone). */
  words: string[]
}

/**
 * The runs of a normalised question that may be homophone typos, each with the folder words it sounds like. A typo
 * is a run of 2–4 characters that jieba cut one by one (what it cannot read as a word) and that neither general
 * Chinese nor the folder has; a word jieba found ("法院" of "去法院") is one she wrote right. A run that starts or
 * ends in a function word is grammar, not a word ("是干啥" is not 实干, "宣传不" not 宣传部). A folder word counts only
 * when some passage has it beside another word of her question (her other words say which topic it belongs to:
 * 刺绣 is written in the passage with 项目 and 公司, 吵架 beside 调解 for her 劝劝) and when it is not an everyday
 * word that common characters' sounds hit by chance (READING_MIN_IDF).
 */
export function homophoneReadings(index: KnowledgeIndex, normalized: string): Reading[] {
  if (!HAN_PAIR.test(normalized)) return []
  const pieces = plainPieces(normalized)
  if (pieces.join('') !== normalized) return []
  const out: Reading[] = []
  let vocab: Vocabulary | undefined
  for (let i = 0, at = 0; i < pieces.length; at += pieces[i]!.length, i++) {
    if (!isTypoPiece(pieces[i]!) || isStopword(pieces[i]!)) continue
    let span = ''
    for (let j = i; j < pieces.length && isTypoPiece(pieces[j]!) && span.length < 4; j++) {
      span += pieces[j]!
      if (j === i || isStopword(pieces[j]!) || knownIdf(span) !== undefined || !mayBeUnwritten(index, span)) continue
      const rest = `${normalized.slice(0, at)} ${normalized.slice(at + span.length)}`
      const words = homophoneWords((vocab ??= vocabularyOf(index)), span, MAX_SWAPS[span.length]!).filter(
        (w) => (knownIdf(w) ?? Infinity) >= READING_MIN_IDF && besideHerWords(index, w, rest),
      )
      // A longer run whose character pairs all occur may still be written somewhere: checked only now, it is rare.
      if (words.length && !writtenAnywhere(index, span)) out.push({ at, from: span, words })
    }
  }
  return out
}

/**
 * The homophone typos of a normalised question and the folder words they are read as: the runs with exactly one
 * reading, unless another run overlapping it is ambiguous or reads its characters differently (two runs of one typo
 * may read it alike). No correction is better than a guess.
 */
export function homophoneCorrections(index: KnowledgeIndex, normalized: string): Correction[] {
  const readings = homophoneReadings(index, normalized)
  const overlaps = (a: Reading, b: Reading) => a.at < b.at + b.from.length && b.at < a.at + a.from.length
  const agree = (a: Reading, b: Reading) => {
    for (let k = Math.max(a.at, b.at); k < Math.min(a.at + a.from.length, b.at + b.from.length); k++) if (a.words[0]![k - a.at] !== b.words[0]![k - b.at]) return false
    return true
  }
  return readings
    .filter((r) => r.words.length === 1 && readings.every((o) => o === r || !overlaps(r, o) || (o.words.length === 1 && agree(r, o))))
    .map((r) => ({ at: r.at, from: r.from, to: r.words[0]! }))
}
const HAN_PAIR = /\p{Script=Han}{2}/u
/** One Chinese character: what jieba leaves of a stretch it cannot read as words. */
const isTypoPiece = (p: string) => p.length === 1 && HAN_CHAR.test(p)
const HAN_CHAR = /^\p{Script=Han}$/u

/** Some passage has `word` and another word of the rest of her question (of two characters or more). */
function besideHerWords(index: KnowledgeIndex, word: string, rest: string): boolean {
  const rows = index.keyword.rows(word)
  const hers = [...tokensOfNormalized(rest), ...aliasesOf(rest).flatMap((a) => tokensOfNormalized(a.formal))]
  return hers.some((t) => t.length >= 2 && t !== word && shareRow(rows, index.keyword.rows(t)))
}

/** Two ascending row lists have a row in common. */
function shareRow(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) return true
    if (a[i]! < b[j]!) i++
    else j++
  }
  return false
}

/** Not a word of the folder, and some character pair of it is nowhere in the folder (or, for a longer span, perhaps all are). */
function mayBeUnwritten(index: KnowledgeIndex, span: string): boolean {
  if (index.keyword.df(span) > 0) return false
  for (let i = 0; i + 1 < span.length; i++) if (!index.keyword.df(GRAM_MARK + span.slice(i, i + 2))) return true
  return span.length > 2
}

/** The normalised question with its homophone typos read as the folder's words (same length, same offsets). */
export function correctHomophones(index: KnowledgeIndex, normalized: string): string {
  let out = normalized
  // Offsets in UTF-16 units, as jieba's pieces are measured: an emoji before the typo shifts nothing.
  for (const f of homophoneCorrections(index, normalized)) out = out.slice(0, f.at) + f.to + out.slice(f.at + f.from.length)
  return out
}
