// What something is ("妇女微家是干嘛的"): the sentence of the folder that says so. Every passage about 妇女微家 uses the
// name, so ranking on the question's one word need not bring the one that defines it ("妇女微家是区域化妇建的组成部分…");
// it is looked for by its form in the whole folder, once per term.
import { SENTENCE } from './decide.ts'
import type { KnowledgeIndex } from './index-store.ts'
import { normalizeForIndex } from './normalize.ts'
import { cnNumber, COUNTING_AFTER_NUMERAL } from '../core/zh/numbers.ts'
import type { Passage } from './retrieve.ts'

/** What something is: "家接待是干啥的", "“五小行动”是什么", "你好 想问下妇女微家是干嘛的"; group 1 is the thing asked about. */
export const DEFINITION_QUESTION =
  /^(?:你好[，,\s]*)?(?:请问|(?:我)?想问(?:一)?下|问(?:一)?下)?[，,\s]*[“"「]?(?:我们|咱们|俺们|咱|这个|那个|这|那)*([^“”"「」，,。？?\s]{2,12}?)[”"」]?(?:到底|究竟)?是(?:干啥|干嘛|干什么|干甚么|做什么|做甚么|做啥|什么|甚么|啥|个啥|个啥东西|个什么东西|什么东西|啥东西|什么意思|啥意思)的?[？?吗呀啊呢]*$/u

/**
 * The thing a what-is-it question asks about, read on the whole question or on its asking clause, last or first
 * ("我刚进群 这个微家到底是干啥的呀", "妇女微家到底是干啥的呀，我刚进群不太懂").
 */
export function definitionAsked(question: string): string | undefined {
  const whole = DEFINITION_QUESTION.exec(question)?.[1]
  if (whole) return whole
  const clauses = question.split(/[\s，,]+/u).filter(Boolean)
  if (clauses.length < 2) return undefined
  return DEFINITION_QUESTION.exec(clauses[clauses.length - 1]!)?.[1] ?? DEFINITION_QUESTION.exec(clauses[0]!)?.[1]
}

/** A list item's mark before a sentence ("3、", "（二）", "一是"). */
export const LIST_ITEM = /^\s*(\d{1,2}\s*[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,2}是|[①②③④⑤⑥⑦⑧⑨⑩]|[·•-])/
/** A string matched literally inside a pattern. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Whether a sentence says what `term` is: it opens with the term and 是 / 就是 / 指. A short term may stand for a longer
 * name ending in it ("微家" for 妇女微家是…).
 */
export function defines(term: string, sentence: string): boolean {
  const lead = term.length <= 3 ? '\\p{Script=Han}{0,2}' : ''
  return new RegExp(`^\\s*${lead}${escapeRe(normalizeForIndex(term))}(?:是|就是|指|，是)`, 'u').test(normalizeForIndex(sentence).replace(LIST_ITEM, ''))
}

/** The quoted name a which-ones or what-exactly question asks about ("“拒绝三不”是哪三不", "「三个及时」分别是什么"). */
const QUOTED_NAME = /[「“"『]([^」”"』]{2,12})[」”"』]/u
const QUOTED_NAMES = new RegExp(QUOTED_NAME.source, 'gu')
const ASKS_MEMBERS = /哪[两三四五六七八九十几个些]|(?:是|指)(?:什么|啥|哪)|分别|包括|具体/u
export function quotedSetAsked(question: string): string | undefined {
  // Asked right after the name ("是哪三不", "分别是什么", "具体包括"), not by a later clause about something else
  // ("在“四新”领域,妇女微家重点覆盖哪些场所" asks the places, not the four); of any quoted name ("“拒绝三不”活动中的“三不”指什么").
  for (const m of question.matchAll(QUOTED_NAMES)) {
    if (ASKS_MEMBERS.test(question.slice(m.index + m[0].length).split(/[，,。；;\s]/u)[0]!.slice(0, 6))) return normalizeForIndex(m[1]!)
  }
  if (QUOTED_NAME.test(question) && !COUNTED_ASK.test(question)) return undefined
  // Unquoted ("拒绝三不是啥"): the name before the asking words; spellsOut still wants it quoted where it is spelled out.
  const bare = UNQUOTED_NAME.exec(question)
  if (bare) return normalizeForIndex(bare[1]!)
  // A numbered name asked by its own count, anywhere in the message ("老看到说四新领域 四新是哪四新啊 求科普").
  const counted = COUNTED_ASK.exec(question)
  return counted ? counted[1]! + counted[2]! : undefined
}
const UNQUOTED_NAME = /^(?:那个|这个|请问|问下)?([^\s，,。？?、]{3,8}?)(?:到底|究竟|具体)?(?:是|指)(?:啥|什么|哪|指)/u
const COUNTED_ASK = new RegExp(`(?<![一二三四五六七八九十两百千万\\d])([二三四五六七八九十两])((?![${COUNTING_AFTER_NUMERAL}])\\p{Script=Han})[^？?]{0,8}?哪\\1(?:个|种|项)?\\2?`, 'u')

/**
 * Whether a sentence spells out the quoted name where it writes it: “拒绝三不”（不文明、不卫生、不健康）, “五有”：有阵地、…,
 * 做到“三个及时”，第一是…, “四进”即…、… — not a sentence that only uses it ("在机关中开展“拒绝三不”宣教活动").
 */
export function spellsOut(name: string, sentence: string): boolean {
  const norm = normalizeForIndex(sentence)
  for (let i = norm.indexOf(name); i >= 0; i = norm.indexOf(name, i + 1)) {
    // The name quoted, or a numbered name ending a quoted one ("三不" of “拒绝三不”; not 妇女微家 of “五型妇女微家”).
    const opens = /[「“"『]/u.test(norm[i - 1] ?? '')
    const closes = NUMBERED.test(name) && /[」”"』]/u.test(norm[i + name.length] ?? '') && /[「“"『][^」”"』]{0,6}$/u.test(norm.slice(Math.max(0, i - 7), i))
    if (!opens && !closes) continue
    // A numbered name may open a longer quoted one ("五型" of “五型妇女微家”（主要指…）): what follows the whole name.
    const after = norm.slice(i + name.length).replace(opens && NUMBERED.test(name) ? /^[^」”"』，,。]{0,6}[」”"』’]/u : /^[」”"』’]/u, '')
    if (SPELLED.test(after) && /、|一是|；|;|第二/u.test(after.slice(0, 80))) return true
    // Spelled out before it: "向新领域新业态新阶层新群体等“四新”领域延伸", "不文明、不卫生、不健康等“三不”".
    if (opens && spelledBefore(name, norm.slice(0, i - 1))) return true
  }
  return false
}
const NUMBERED = /^[二三四五六七八九十两]\p{Script=Han}$/u
/** The members listed right before "等" and the quoted name: as many items as it counts, by 、 or by its repeated character. */
function spelledBefore(name: string, before: string): boolean {
  const m = /([^，,。；;：:“”"「」]{2,60})等$/u.exec(before)
  if (!m) return false
  const n = /^[二三四五六七八九十两]/u.test(name) ? cnNumber(name[0]!) : undefined
  const items = m[1]!.split('、').length
  if (!n) return items >= 2
  return items === n || (name.length === 2 && m[1]!.split(name[1]!).length - 1 >= n)
}
const SPELLED = /^\s*(?:[（(]|[:：]|[，,]?\s*(?:即|包括|主要指|分别是|分别为|第一是|一是|是指|指的是|就是))/u

/**
 * The passages to quote from, with one that defines `term` added when none of them does. The scan reads each passage's
 * text without keeping it (as decide.ts writtenAnywhere does), and its result is kept per index and term.
 */
export function withDefinition(index: KnowledgeIndex, term: string, passages: Passage[]): Passage[] {
  const sentences = (text: string) => text.match(SENTENCE) ?? []
  if (passages.some((p) => sentences(p.chunk.text).some((s) => defines(term, s)))) return passages
  let found = DEFINING.get(index)
  if (!found) DEFINING.set(index, (found = new Map()))
  let row = found.get(term)
  if (row === undefined) {
    row = index.chunks.findIndex((c) => c.text.includes(term) && sentences(c.text).some((s) => defines(term, s)))
    found.set(term, row)
  }
  return row >= 0 ? [...passages, { row, chunk: index.chunks[row]!, score: 0 }] : passages
}
const DEFINING = new WeakMap<KnowledgeIndex, Map<string, number>>()
