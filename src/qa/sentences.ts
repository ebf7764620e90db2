// Where a quote may end. A stop inside brackets or quotes ends no sentence: "按照“5+6+X”(“5”即“五亮”：…；“6”即“六进家”：…）的模式"
// is one sentence, and a reply cut at its "；" left the bracket open and lost the "6" of the same definition.
// Only pairs that close on the same line count: a stray "（" must not glue the rest of a line into one sentence.

const PAIRS: Record<string, string> = { '(': ')', '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》', '【': '】', '〔': '〕', '[': ']' }
const OPENER_OF = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]))
/** Sentence ends, as the rest of the Q&A reads them (decide.ts SENTENCE); a line end is one too. */
const STOP = /[。！？；]/u

/**
 * The pairs of brackets and quotes of `text`, as [opening, closing] positions. Pairs are matched within a line, "(" and
 * "（" alike (the documents write "(…）"); ASCII double quotes pair in order on their line; a mark without its partner
 * makes no pair.
 */
export function pairsOf(text: string): [number, number][] {
  const folded = text.replace(/（/gu, '(').replace(/）/gu, ')')
  const pairs: [number, number][] = []
  let stack: { ch: string; at: number }[] = []
  let straight = -1
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!
    if (ch === '\n') {
      stack = []
      straight = -1
    } else if (ch === '"') {
      if (straight < 0) straight = i
      else {
        pairs.push([straight, i])
        straight = -1
      }
    } else if (PAIRS[ch]) stack.push({ ch, at: i })
    else if (OPENER_OF[ch]) {
      const k = stack.map((s) => s.ch).lastIndexOf(OPENER_OF[ch]!)
      if (k >= 0) {
        pairs.push([stack[k]!.at, i])
        stack = stack.slice(0, k)
      }
    }
  }
  return pairs
}

/**
 * How many pairs `text.slice(0, i)` leaves open, for each i from 0 to text.length (so a stop at i is inside a pair when
 * depth[i] > 0, and a cut before i leaves none open when it is 0).
 */
export function bracketDepth(text: string): number[] {
  const delta = new Array<number>(text.length + 2).fill(0)
  for (const [open, close] of pairsOf(text)) {
    delta[open + 1]! += 1
    delta[close + 1]! -= 1
  }
  const depth = new Array<number>(text.length + 1)
  let d = 0
  for (let i = 0; i <= text.length; i++) depth[i] = d += delta[i]!
  return depth
}

/** The closing marks of the pairs a cut before `at` leaves open, innermost first: what a hard cut adds after its "…". */
export function closersAt(text: string, at: number): string {
  return pairsOf(text)
    .filter(([open, close]) => open < at && close >= at)
    .sort((a, b) => b[0] - a[0])
    .map(([, close]) => text[close]!)
    .join('')
}

/**
 * The sentences of a passage, trimmed: split after 。！？； and at line ends, never inside a pair of brackets or quotes
 * that closes on the same line.
 */
export function splitSentences(text: string): string[] {
  const depth = bracketDepth(text)
  const out: string[] = []
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '\n' || (depth[i] === 0 && STOP.test(ch))) {
      out.push(text.slice(from, ch === '\n' ? i : i + 1))
      from = i + 1
    }
  }
  out.push(text.slice(from))
  return out.map((s) => s.trim()).filter(Boolean)
}

/** Positions (a cut after the mark) where `marks` end a clause outside every pair of brackets and quotes. */
export function cutsAt(text: string, marks: RegExp): number[] {
  const depth = bracketDepth(text)
  const cuts: number[] = []
  for (let i = 0; i < text.length; i++) if (depth[i] === 0 && marks.test(text[i]!)) cuts.push(i + 1)
  return cuts
}

/** The positions outside every pair: a hard cut there leaves nothing open. */
export function outsidePairs(text: string): number[] {
  const depth = bracketDepth(text)
  return depth.map((d, i) => (d === 0 ? i : -1)).filter((i) => i >= 0)
}
