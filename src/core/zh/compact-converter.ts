// OpenCC's conversions with its own dictionaries, kept in flat maps instead of opencc-js's trie of Maps. The
// Simplified → Taiwan converter of opencc-js is a trie of Maps: ~300 ms to build, ~40 MB of heap (~70 MB RSS).
// It used to be built only for a Traditional writer's reply; since every message is asked whether it is written
// the same in both scripts (core/her-script.ts), it was built on the first message and kept the whole heap
// bigger (the foundation bench lost much of its throughput to it, start-up RSS grew ~40 MB). The same
// dictionaries as {phrase → replacement} maps cost ~60 ms and ~5 MB of heap.
//
// The algorithm is opencc-js 1.4's, step for step (its ConverterFactory and Converter): normalise, cut into
// the segmentation dictionaries' longest matches, convert each segment by each stage's longest match, join.
// A trie's longest match is the longest dictionary key the text continues with, so the maps give the same
// output; compact-converter.test.ts checks it against opencc-js over every key of every dictionary used.
import * as OpenCC from 'opencc-js'

/** Phrase lengths are kept as bits of an integer (the dictionaries' longest phrase is 15 UTF-16 units). */
const LONGEST = 30

/** One dictionary as {phrase → replacement}, with the lengths of the phrases starting with a given unit. */
class Dict {
  readonly map = new Map<string, string>()
  /** Bit n set: some phrase starting with this unit is n units long. Only those lengths are looked up. */
  readonly lengths = new Map<number, number>()

  constructor(text: string) {
    // "phrase replacement [other candidates]|…": opencc-js takes the first candidate, a later entry overwriting
    // an earlier one of the same phrase.
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('|', at)
      if (end < 0) end = text.length
      const space = text.indexOf(' ', at)
      if (space > at && space < end) {
        const next = text.indexOf(' ', space + 1)
        const from = text.slice(at, space)
        this.map.set(from, text.slice(space + 1, next > space && next < end ? next : end))
        if (from.length > LONGEST) throw new Error(`OpenCC phrase longer than ${LONGEST}: ${from}`)
        const first = from.charCodeAt(0)
        this.lengths.set(first, (this.lengths.get(first) ?? 0) | (1 << from.length))
      }
      at = end + 1
    }
  }
}

/** Each dictionary parsed once, however many groups share it (Simplified → Taiwan uses STPhrases twice). */
const parsed = new Map<string, Dict>()
const dictOf = (text: string) => parsed.get(text) ?? parsed.set(text, new Dict(text)).get(text)!

/** One dictionary group: the first dictionary of the group wins where two define the same phrase. */
class Group {
  private readonly dicts: Dict[]
  private readonly lengths = new Map<number, number>()

  constructor(dicts: readonly string[]) {
    // opencc-js loads a group's dictionaries last to first, each overwriting: the first one wins.
    this.dicts = dicts.map(dictOf)
    for (const d of this.dicts) for (const [first, bits] of d.lengths) this.lengths.set(first, (this.lengths.get(first) ?? 0) | bits)
  }

  private lookup(key: string): string | undefined {
    for (const d of this.dicts) {
      const v = d.map.get(key)
      if (v !== undefined) return v
    }
    return undefined
  }

  /** The longest key the text continues with at i: its end and replacement. */
  private match(text: string, i: number): { end: number; value: string } | undefined {
    const bits = this.lengths.get(text.charCodeAt(i)) ?? 0
    for (let len = Math.min(LONGEST, text.length - i); len > 0; len--) {
      if (!(bits & (1 << len))) continue
      const value = this.lookup(text.slice(i, i + len))
      if (value !== undefined) return { end: i + len, value }
    }
    return undefined
  }

  /** The text cut into matches and the runs between them (opencc-js Trie.segment). */
  segment(text: string): string[] {
    return this.walk(text, (m, i) => text.slice(i, m.end))
  }

  /** Every match replaced (opencc-js Trie.convert). */
  convert(text: string): string {
    return this.walk(text, (m) => m.value).join('')
  }

  private walk(text: string, take: (m: { end: number; value: string }, i: number) => string): string[] {
    const out: string[] = []
    let run = -1
    for (let i = 0; i < text.length; ) {
      const m = this.match(text, i)
      if (m) {
        if (run >= 0) out.push(text.slice(run, i))
        run = -1
        out.push(take(m, i))
        i = m.end
      } else {
        if (run < 0) run = i
        i += unmatchedStep(text, i)
      }
    }
    if (run >= 0) out.push(text.slice(run))
    return out
  }
}

const unitsAt = (text: string, i: number) => ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1)

/** Where an ideographic description sequence starting at i ends (0: none starts there), as opencc-js skips it. */
function idsEnd(text: string, i: number): number {
  const c = text.codePointAt(i) ?? 0
  const operands = c >= 0x2ff0 && c <= 0x2ff1 ? 2 : c >= 0x2ff2 && c <= 0x2ff3 ? 3 : c >= 0x2ff4 && c <= 0x2fff ? 2 : 0
  if (operands === 0) return 0
  let j = i + unitsAt(text, i)
  for (let k = 0; k < operands; k++) {
    if (j >= text.length) return 0
    j = idsEnd(text, j) || j + unitsAt(text, j)
  }
  return j
}

/** An unmatched character is stepped over whole; so is a description sequence (never matched inside). */
function unmatchedStep(text: string, i: number): number {
  const end = idsEnd(text, i)
  return end > i ? end - i : unitsAt(text, i)
}

type Config = { normalizationChain?: string[][]; segmentation?: string[]; conversionChain: string[][] }

/** A converter for one of opencc-js's configurations ('s2tw': Simplified → Taiwan Traditional). */
export function compactConverter(name: 's2tw'): (text: string) => string {
  const config = (OpenCC.Locale as unknown as { configs: Record<string, Config> }).configs[name]
  if (!config?.segmentation || !config.normalizationChain) throw new Error(`no OpenCC configuration ${name} of the expected shape`)
  const normalize = config.normalizationChain.map((dicts) => new Group(dicts))
  const segmentation = new Group(config.segmentation)
  const stages = config.conversionChain.map((dicts) => new Group(dicts))
  return (text) => {
    const normal = normalize.reduce((t, g) => g.convert(t), text)
    return segmentation
      .segment(normal)
      .map((part) => stages.reduce((t, g) => g.convert(t), part))
      .join('')
  }
}
