// Chinese word segmentation for the keyword index, the offline embedder and coverage checks.
// jieba cuts Traditional text into single characters, so text is always normalised to Simplified first.
import { Jieba } from '@node-rs/jieba'
import { readJiebaDict, readJiebaIdf } from './jieba-dict.ts'
import { normalizeForIndex } from './normalize.ts'

/** Domain words jieba's general dictionary splits apart; the glossary adds more at load time. */
const DOMAIN_WORDS = [
  '妇联', '妇女微家', '微家', '微家主人', '家接待', '家聚会', '家活动', '家宴会', '结对人员', '执委', '网格员',
  '人身安全保护令', '告诫书', '家庭暴力', '家暴', '反家庭暴力法', '法律援助', '法律援助中心', '公共法律服务',
  '两癌筛查', '宫颈癌', '乳腺癌', '两癌救助', '创业担保贷款', '贴息', '课后托管', '四点半课堂', '留守儿童',
  '困境儿童', '春蕾计划', '巾帼', '巾帼志愿者', '巾帼家政', '最美家庭', '家风家教', '家庭教育', '特殊家庭',
  '失能老人', '空巢老人', '独居老人', '就业帮扶', '技能培训', '灵活就业', '妈妈岗', '低保', '临时救助',
  '心理疏导', '心理咨询', '转介', '转人工', '维权热线', '离婚冷静期', '抚养费', '赡养费', '彩礼',
]

/**
 * Bump when the stopwords or the segmenter's own words change: what the offline embedder makes of a passage changes
 * with them, so its id carries this and an index built before is embedded again (embedder-offline.ts).
 */
export const TOKENIZER_VERSION = 2

/** Function words and question scaffolding: they carry no topic, so they neither score nor count for coverage. */
const STOPWORDS = new Set(
  (
    '的 了 是 在 和 与 及 或 也 都 就 还 又 而 并 但 及其 以及 等 着 过 吧 吗 呢 啊 呀 嘛 哦 哈 么 之 其 该 此 这 那 这个 那个 这些 那些 ' +
    '我 你 您 他 她 它 我们 你们 他们 她们 咱 咱们 自己 人家 大家 谁 俺 俺们 俺家 咱家 ' +
    '什么 怎么 怎么样 怎样 如何 为什么 为何 哪 哪里 哪儿 哪些 哪个 多少 几 是否 能否 可否 可不可以 能不能 有没有 是不是 ' +
    '请问 请 问 问下 问一下 一下 想 想要 要 需要 可以 能 会 应该 得 该 让 给 把 被 对 向 从 到 为 以 于 由 跟 同 比 ' +
    '有 没 没有 不 不是 没什么 一个 一些 有些 个 些 上 下 里 中 时 后 前 现在 已经 还是 就是 如果 要是 那么 所以 因为 ' +
    '可能 一定 非常 很 太 最 更 比较 特别 怎么办 咋办 咋 办法 知道 告诉 一直 时候 情况 事 事情 东西 ' +
    '呢 啦 嗯 哎 诶 喔 唉 小助手 助手 ' +
    // Colloquial question scaffolding (北方/西南口语): it asks, it doesn't say what about.
    '啥 咋 咋整 咋弄 咋样 咋回事 回事 怎么回事 说说 聊聊 看看 讲讲 整 明白 那边 这边 老是 合适 啥样 啥时候 干啥 干嘛 为啥 多大 多长 多久 多长时间 意思 啥意思 什么意思 ' +
    '几种 哪几种 哪几 几个 哪种 会不会 要不要 算不算 行不行 好不好 对不对 用不用 能够 一般 都 呗 哈 么样 成 行 好 了解 问问 打听 ' +
    // Group-chat framing: a rumour checked, a thing forgotten, thanks ("听说…是真的吗", "…什么时候来着 我忘了").
    '听说 真的 假的 来着 忘了 记得 记不清 谢谢 哈哈 早上好'
  ).split(/\s+/),
)

let jieba: Jieba | undefined
const loadedWords = new Set<string>()

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(readJiebaDict())
    addWords(DOMAIN_WORDS)
  }
  return jieba
}

/** Teaches the segmenter extra words (glossary terms). Idempotent; cheap for words already known. */
export function addWords(words: Iterable<string>): void {
  const fresh = [...words].map(normalizeForIndex).filter((w) => w && !/\s/.test(w) && !loadedWords.has(w))
  if (!fresh.length) return
  memo.clear()
  for (const w of fresh) loadedWords.add(w)
  segmenter().loadDict(Buffer.from(fresh.map((w) => `${w} 2000 n`).join('\n')))
}

const MEANINGFUL = /[\p{L}\p{N}]/u

// Ingest tokenises each passage twice (offline embedder, keyword index); a small memo halves that cost.
const memo = new Map<string, string[]>()
const MEMO_SIZE = 2048

/** Search-mode tokens (overlapping sub-words for recall) of already-normalised text, stopwords removed. */
export function tokensOfNormalized(normalized: string): string[] {
  const hit = memo.get(normalized)
  if (hit) return hit
  const out = cutTokens(normalized)
  if (memo.size >= MEMO_SIZE) memo.clear()
  memo.set(normalized, out)
  return out
}

/**
 * What each raw jieba token becomes: its trimmed form, or null when it is dropped (punctuation, stopword).
 * A corpus has few distinct tokens (~600 in the bench's 1.7M), so the checks run once per token, and the
 * token arrays kept by the memo hold these shared strings rather than millions of fresh copies that the
 * garbage collector would have to promote.
 */
const kept = new Map<string, string | null>()
const KEPT_SIZE = 200_000

function cutTokens(normalized: string): string[] {
  // HMM off: it invents "words" from unknown character runs ("费在", "哪交") that match nothing.
  const raw = segmenter().cutForSearch(normalized, false)
  const out: string[] = []
  for (const t of raw) {
    let k = kept.get(t)
    if (k === undefined) {
      const w = t.trim()
      k = w && MEANINGFUL.test(w) && !STOPWORDS.has(w) ? w : null
      if (kept.size >= KEPT_SIZE) kept.clear()
      kept.set(t, k)
    }
    if (k !== null) out.push(k)
  }
  return out
}

export function tokens(text: string): string[] {
  return tokensOfNormalized(normalizeForIndex(text))
}

/** Plain-mode words (no overlapping sub-words), for deciding what a question is about. */
/**
 * A yes-no form said as one word ("要不要钱" → 要钱, "能不能申请" → 能申请, "有没有" → 有): jieba would leave 不要 / 不能,
 * words the documents use for other things ("不要拖延").
 */
export function yesNoPlain(question: string): string {
  return question.replace(/可不可以/gu, '可以').replace(/有没有/gu, '有').replace(/(\p{Script=Han})不\1/gu, '$1')
}

/** A word that carries no topic (function words, question scaffolding). */
export const isStopword = (w: string) => STOPWORDS.has(w)

/** Plain-mode jieba pieces of normalised text, in order; they join back into the text. */
export function plainPieces(normalized: string): string[] {
  return segmenter().cut(normalized, false)
}

/** The content words of a question (its yes-no forms said plainly). */
export function contentTerms(normalized: string): string[] {
  const seen = new Set<string>()
  for (const t of segmenter().cut(yesNoPlain(normalized), false)) {
    const w = t.trim()
    if (w && MEANINGFUL.test(w) && !STOPWORDS.has(w)) seen.add(w)
  }
  return [...seen]
}


/**
 * jieba's general IDF table, indexed in place: an open-addressing hash over byte offsets into the
 * dictionary bytes already in memory. A Map of 270k strings would cost ~70 MB; this costs ~5 MB.
 */
interface IdfTable {
  bytes: Uint8Array
  starts: Uint32Array
  lengths: Uint8Array
  values: Float32Array
  slots: Int32Array
}
let idfTable: IdfTable | undefined

function hashBytes(b: Uint8Array, start: number, len: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < start + len; i++) h = Math.imul(h ^ b[i]!, 0x01000193)
  return h >>> 0
}

function loadIdf(): IdfTable {
  const bytes = readJiebaIdf()
  let count = 0
  for (const b of bytes) if (b === 10) count++
  count++
  const starts = new Uint32Array(count)
  const lengths = new Uint8Array(count)
  const values = new Float32Array(count)
  const slots = new Int32Array(1 << Math.ceil(Math.log2(count * 2))).fill(-1)
  const mask = slots.length - 1
  let n = 0
  let lineStart = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 10) continue
    let sp = i - 1
    while (sp > lineStart && bytes[sp] !== 32) sp--
    if (sp > lineStart && sp - lineStart < 256) {
      // Parse the decimal number without allocating a string.
      let v = 0
      let scale = 0
      for (let k = sp + 1; k < i; k++) {
        const c = bytes[k]!
        if (c === 46) scale = 1
        else if (c >= 48 && c <= 57) {
          v = v * 10 + (c - 48)
          if (scale) scale *= 10
        }
      }
      starts[n] = lineStart
      lengths[n] = sp - lineStart
      values[n] = scale ? v / scale : v
      let slot = hashBytes(bytes, lineStart, sp - lineStart) & mask
      while (slots[slot] !== -1) slot = (slot + 1) & mask
      slots[slot] = n++
    }
    lineStart = i + 1
  }
  return { bytes, starts, lengths, values, slots }
}

/**
 * Inverse document frequency of a word in general Chinese (jieba's table). Unlike the knowledge
 * folder's own IDF it is meaningful for a corpus of a few documents: "下来" is common language (5.1),
 * "护照" is specific (9.7). Unknown words count as specific.
 */
export function generalIdf(word: string): number {
  return knownIdf(word) ?? 12
}

/** The word's IDF in jieba's general table; undefined for a word general Chinese does not have (刺秀, 微家). */
export function knownIdf(word: string): number | undefined {
  const t = (idfTable ??= loadIdf())
  const key = Buffer.from(word)
  const mask = t.slots.length - 1
  for (let slot = hashBytes(key, 0, key.length) & mask; t.slots[slot] !== -1; slot = (slot + 1) & mask) {
    const i = t.slots[slot]!
    if (t.lengths[i] === key.length && key.equals(t.bytes.subarray(t.starts[i]!, t.starts[i]! + key.length))) return t.values[i]!
  }
  return undefined
}

/** Marks character-bigram terms in the keyword index, so "结对" the bigram and "结对" the word stay distinct terms. */
export const GRAM_MARK = '\u0001'

/**
 * Character bigrams of the runs of Chinese characters, for the keyword index. jieba splits coined terms
 * ("岗村结对" → 岗/村/结对, "五小行动" → 五/小/行动), so words alone cannot match them; bigrams can.
 */
export function gramsOfNormalized(normalized: string): string[] {
  const out: string[] = []
  let prev = normalized.length ? normalized.charCodeAt(0) : 0
  let prevCjk = isCjk(prev)
  for (let i = 0; i + 1 < normalized.length; i++) {
    const c = normalized.charCodeAt(i + 1)
    const cjk = isCjk(c)
    if (prevCjk && cjk) {
      // One shared string per bigram: no fresh string per occurrence for the collector to promote.
      const key = prev * 0x10000 + c
      let g = gramStrings.get(key)
      if (g === undefined) {
        g = GRAM_MARK + String.fromCharCode(prev, c)
        if (gramStrings.size >= GRAM_CACHE_SIZE) gramStrings.clear()
        gramStrings.set(key, g)
      }
      out.push(g)
    }
    prev = c
    prevCjk = cjk
  }
  return out
}

/** A Chinese character ([\u3400-\u9fff\uf900-\ufaff]) as one UTF-16 code unit, without a regular expression. */
const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
const gramStrings = new Map<number, string>()
const GRAM_CACHE_SIZE = 500_000

/**
 * The question's bigrams, taken only inside runs of content words: "妇女微家的管理员由哪些人担任" gives
 * 妇女/女微/微家 and 管理/理员, never "哪些" or "家的", which say nothing about the topic.
 */
export function queryGrams(normalized: string): string[] {
  const out: string[] = []
  let run = ''
  const flush = () => {
    out.push(...gramsOfNormalized(run))
    run = ''
  }
  for (const t of segmenter().cut(normalized, false)) {
    const w = t.trim()
    if (w && MEANINGFUL.test(w) && !STOPWORDS.has(w)) run += w
    else flush()
  }
  flush()
  return [...new Set(out)]
}

/** What the keyword index holds for a passage: search-mode words and character bigrams. */
export function keywordTerms(text: string): string[] {
  const normalized = normalizeForIndex(text)
  return [...tokensOfNormalized(normalized), ...gramsOfNormalized(normalized)]
}

/** Plain-mode words with jieba's part-of-speech tags (n… nouns, v… verbs, m numerals, r pronouns…). */
export function taggedWords(normalized: string): { word: string; tag: string }[] {
  return segmenter().tag(normalized, false).map((t) => ({ word: t.word, tag: t.tag }))
}
