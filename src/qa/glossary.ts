// Colloquial ↔ formal glossary used to bridge how residents ask and how documents are written.
//
// File format (the built-in list in glossary-data.ts and an operator's knowledge/glossary.txt):
//
//   # comment lines and blank lines are ignored
//   口语说法 | 正式术语1, 正式术语2
//   放学 没人管/放学 没人接 | 课后托管, 四点半课堂
//
// Left of "|": one or more colloquial alternatives separated by "/". An alternative is a set of
// space-separated fragments that must ALL appear somewhere in the question ("放学 没人管" matches
// "我家孩子放学了没人管怎么办"). Right of "|": formal terms separated by "," "，" or "、"; they are
// added to the search (keyword and dense) when the left side matches. Full-width "｜" works too.
// Traditional characters are fine: everything is compared after conversion to Simplified.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { BUILTIN_GLOSSARY } from './glossary-data.ts'
import { normalizeForIndex } from './normalize.ts'

export interface GlossaryEntry {
  /** Alternatives; each is a list of fragments that must all occur. Normalised. */
  colloquial: string[][]
  /** Formal terms, normalised. */
  formal: string[]
}

export interface GlossaryProblem {
  line: number
  reason: string
}

export function parseGlossary(text: string): { entries: GlossaryEntry[]; problems: GlossaryProblem[] } {
  const entries: GlossaryEntry[] = []
  const problems: GlossaryProblem[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const parts = line.split(/[|｜]/)
    if (parts.length !== 2) {
      problems.push({ line: i + 1, reason: 'expected "口语 | 正式1, 正式2"' })
      return
    }
    const colloquial = parts[0]!
      .split(/[/／]/)
      .map((alt) => alt.split(/\s+/).map(normalizeForIndex).filter(Boolean))
      .filter((alt) => alt.length > 0)
    const formal = parts[1]!.split(/[,，、;；]/).map(normalizeForIndex).filter(Boolean)
    if (!colloquial.length || !formal.length) {
      problems.push({ line: i + 1, reason: 'empty colloquial or formal side' })
      return
    }
    entries.push({ colloquial, formal })
  })
  return { entries, problems }
}

export class Glossary {
  readonly entries: GlossaryEntry[]
  /** Changes whenever the entries change; part of the offline embedder id so stale indexes are detected. */
  readonly fingerprint: string

  constructor(entries: GlossaryEntry[]) {
    this.entries = entries
    this.fingerprint = createHash('sha1').update(JSON.stringify(entries)).digest('hex').slice(0, 8)
  }

  static builtin(): Glossary {
    return new Glossary(parseGlossary(BUILTIN_GLOSSARY).entries)
  }

  /** Built-in entries plus an operator's file (if it exists). Problems are returned, not thrown: one bad line shouldn't stop the bot. */
  static async load(file?: string): Promise<{ glossary: Glossary; problems: GlossaryProblem[] }> {
    const builtin = parseGlossary(BUILTIN_GLOSSARY).entries
    if (!file) return { glossary: new Glossary(builtin), problems: [] }
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      return { glossary: new Glossary(builtin), problems: [] }
    }
    const extra = parseGlossary(text)
    return { glossary: new Glossary([...builtin, ...extra.entries]), problems: extra.problems }
  }

  // Matching runs on every passage at ingest, so it is precompiled: distinct fragments go into a character
  // trie walked once from each position of the text (every occurrence, overlaps included), and entries
  // refer to fragments by number.
  private compiled?: { frags: string[]; trie: TrieNode; colloquial: number[][][]; formal: number[][] }

  private compile() {
    if (this.compiled) return this.compiled
    const ids = new Map<string, number>()
    const frags: string[] = []
    const id = (f: string) => {
      let i = ids.get(f)
      if (i === undefined) ids.set(f, (i = frags.push(f) - 1))
      return i
    }
    const colloquial = this.entries.map((e) => e.colloquial.map((alt) => alt.map(id)))
    const formal = this.entries.map((e) => e.formal.filter((f) => f.length >= 2).map(id))
    const trie: TrieNode = { next: new Map() }
    frags.forEach((f, i) => {
      let node = trie
      // By UTF-16 code unit, so matching can walk the text with charCodeAt and allocate nothing.
      for (let k = 0; k < f.length; k++) {
        const code = f.charCodeAt(k)
        let child = node.next.get(code)
        if (!child) node.next.set(code, (child = { next: new Map() }))
        node = child
      }
      node.frag = i
    })
    return (this.compiled = { frags, trie, colloquial, formal })
  }

  /** Entries whose colloquial side matches the (normalised) text, or whose formal terms occur in it. */
  match(normalized: string): { entry: GlossaryEntry; index: number; via: 'colloquial' | 'formal' }[] {
    const { frags, trie, colloquial, formal } = this.compile()
    const present = new Uint8Array(frags.length)
    for (let start = 0; start < normalized.length; start++) {
      let node: TrieNode | undefined = trie.next.get(normalized.charCodeAt(start))
      for (let i = start + 1; node; i++) {
        if (node.frag !== undefined) present[node.frag] = 1
        if (i >= normalized.length) break
        node = node.next.get(normalized.charCodeAt(i))
      }
    }
    const hits: { entry: GlossaryEntry; index: number; via: 'colloquial' | 'formal' }[] = []
    for (let index = 0; index < this.entries.length; index++) {
      let matched = false
      for (const alt of colloquial[index]!) {
        let all = true
        for (const f of alt) if (!present[f]) (all = false)
        if (all) {
          matched = true
          break
        }
      }
      if (matched) hits.push({ entry: this.entries[index]!, index, via: 'colloquial' })
      else if (formal[index]!.some((f) => present[f])) hits.push({ entry: this.entries[index]!, index, via: 'formal' })
    }
    return hits
  }

  /** Formal terms to add to a question (only from colloquial matches: formal words are already in it). */
  expand(normalized: string): string[] {
    const out = new Set<string>()
    for (const hit of this.match(normalized)) if (hit.via === 'colloquial') for (const f of hit.entry.formal) if (!normalized.includes(f)) out.add(f)
    return [...out]
  }

  /** Words worth teaching the segmenter so "人身安全保护令" or "课后托管" stay whole. */
  words(): string[] {
    const out = new Set<string>()
    for (const e of this.entries) {
      for (const f of e.formal) if (f.length >= 2 && f.length <= 12 && !/\s/.test(f)) out.add(f)
      for (const alt of e.colloquial) for (const frag of alt) if (frag.length >= 2 && frag.length <= 8) out.add(frag)
    }
    return [...out]
  }

  /** Short textual hints for an LLM query rewriter: the entries this question triggers. */
  hints(normalized: string): string[] {
    return this.match(normalized)
      .filter((h) => h.via === 'colloquial')
      .map((h) => `${h.entry.colloquial.map((a) => a.join('')).join('/')} → ${h.entry.formal.join('、')}`)
  }
}

interface TrieNode {
  next: Map<number, TrieNode>
  /** The fragment that ends here, if any. */
  frag?: number
}
