// Follow-up questions ("那周末呢？") only make sense with the previous question. The last question per
// (conversation, sender) is kept in Redis with a TTL, so it survives restarts, is shared by several
// bot processes, and expires by itself after a few minutes of silence.
import { createHash } from 'node:crypto'
import type { Redis } from '../core/storage.ts'
import { normalizeForIndex } from './normalize.ts'
import { toSimplified } from '../core/zh/script.ts'
import { qaTexts } from './texts.ts'
import { contentTerms } from './tokenize.ts'
import { ASKED_AGAIN_OF, QUESTION_WORD } from '../core/zh/question-forms.ts'

const ELLIPTICAL_START = /^(那|那么|那如果|如果|要是|假如|还有|另外|再问|还想问|然后|其他|别的|那要是|那得|那在|那能|那是|可是|但是|那还)/
const ASKED_AGAIN = new RegExp(ASKED_AGAIN_OF, 'u')
const ELLIPTICAL_END = /(呢|咧|嘞)[？?。!！]*$/

/** The follow-up asks something of its own ("利息咋算", "要准备哪些材料", "交给谁"), not the previous question again ("那周末呢"). */
const OWN_ASK = new RegExp(`${QUESTION_WORD}|吗|嘛|不[？?]?$|没[？?]?$|能不能|要不要|可不可以`, 'u')

/** Pointing back: "打这些电话要钱不", "这个要去哪办". */
const POINTS_BACK = /这些|那些|这个|那个|这种|那种|上面说的|刚才说的|你说的/
/**
 * Words that ask a detail of something named before ("要准备哪些材料", "多久能批下来", "利息咋算"): a question made of
 * these alone leans on the previous one.
 */
const DETAIL_WORDS = new Set('准备 材料 带 证件 手续 流程 步骤 条件 要求 电话 号码 要钱 钱 费用 收费 多久 时间 地点 地址 几年 批下来 下来 办 办理 申请 报名 打 算 一年 每年 解决 带动 惠及'.split(' '))

/** How many of the previous question's topic words a follow-up on a broad document carries (its last ones). */
const LATEST_TOPIC_WORDS = 4

/**
 * The follow-up names a topic of its own ("那个刺秀项目是哪家公司搞的": 项目, 公司), beyond words that only ask a detail
 * (带, 材料, 多久…): it may be answered on its own words.
 */
export function namesOwnTopic(question: string): boolean {
  return contentTerms(normalizeForIndex(question)).filter((t) => t.length > 1 && !DETAIL_WORDS.has(t)).length >= 2
}

/** A question that leans on the previous one: short, or opening/closing like a follow-up. */
export function isElliptical(question: string): boolean {
  const q = normalizeForIndex(question).replace(/[？?。!！，,\s]/g, '')
  if (!q) return false
  const terms = contentTerms(q)
  // "周末呢" leans on the previous question; "两癌筛查" is short but complete; "利息咋算" names only what is asked of it.
  if (q.length <= 6 && (terms.length <= 1 || (terms.length <= 2 && terms.some((t) => t.length === 1 || DETAIL_WORDS.has(t))))) return true
  if (ELLIPTICAL_START.test(q) && q.length <= 16) return true
  if (POINTS_BACK.test(q) && q.length <= 16) return true
  // "暑假呢 放假了更没人管": opens by asking the last question of something else.
  if (ASKED_AGAIN.test(question.trim()) && q.length <= 20) return true
  if (q.length <= 10 && terms.length > 0 && terms.every((t) => t.length === 1 || DETAIL_WORDS.has(t))) return true
  return ELLIPTICAL_END.test(question.trim()) && terms.length <= 2 && q.length <= 12
}

/**
 * The previous question to carry as context, when the current one is elliptical: what it was about, not what it
 * asked ("创业担保贷款最多能贷多少 能贷几年" then "利息咋算": the loan, not its amount).
 */
export function followupContext(previous: string | undefined, current: string, about?: string, aboutIsBroad = false): string | undefined {
  if (!previous || !isElliptical(current)) return undefined
  // "那周末呢" asks the previous question again of something else: all of it carries. (Read in Simplified: "要還幾年"
  // asks a thing of its own as much as "要还几年".)
  if (!OWN_ASK.test(normalizeForIndex(current))) return previous
  const topic = contentTerms(normalizeForIndex(previous)).filter((t) => t.length > 1 && !DETAIL_WORDS.has(t))
  // Answered from a document ("单亲妈妈能不能申请" from the 送温暖 notice): "怎么申请" next is about that document. A
  // long one (a county's whole annual report) is no topic: what she asked of it carries too ("那要利息吗" after a
  // question about loans found the report's 维权 statistics). (On a short notice the topic words pulled follow-ups
  // away from it: "怎么申请" after "单亲妈妈能不能申请".)
  if (about) {
    // Only the latest words: what she asked before carries the context it was asked in, and a chain of follow-ups
    // would otherwise pile up every topic of the conversation ("家门口 挣点钱 路子" of the first question drowning
    // the 刺绣 project of the second when the third asks "一年能解决多少人").
    const more = aboutIsBroad ? topic.filter((t) => !about.includes(t)).slice(-LATEST_TOPIC_WORDS) : []
    return more.length ? `${about} ${more.join(' ')}` : about
  }
  return topic.length ? topic.join(' ') : previous
}

/** What to remember as "the previous question" after answering: the question with its context. */
export function mergeFollowup(previous: string | undefined, current: string): string {
  const context = followupContext(previous, current)
  return context ? `${context} ${current}` : current
}

const MAX_STORED = 120

export class FollowupStore {
  constructor(
    private readonly redis: Redis,
    /** Builds the Redis key for (conversation, sender); namespaced by the caller (App.key). */
    private readonly keyOf: (conversation: string, sender: string) => string,
    private readonly ttlSec: number,
  ) {}

  async previous(conversation: string, sender: string): Promise<string | undefined> {
    return (await this.redis.get(this.keyOf(conversation, sender))) ?? undefined
  }

  /** The document the previous answer came from (see followupContext); none when it was not answered. */
  async previousAbout(conversation: string, sender: string): Promise<string | undefined> {
    return (await this.redis.get(`${this.keyOf(conversation, sender)}:about`)) ?? undefined
  }

  /** The question asked; what it was answered from replaces what the last one was, or clears it. */
  async remember(conversation: string, sender: string, question: string, about?: string): Promise<void> {
    const key = this.keyOf(conversation, sender)
    // Keep the tail: after several follow-ups the latest words matter most.
    const tx = this.redis.multi().set(key, question.slice(-MAX_STORED), 'EX', this.ttlSec)
    await (about ? tx.set(`${key}:about`, about.slice(0, MAX_STORED), 'EX', this.ttlSec) : tx.del(`${key}:about`)).exec()
  }

  /** Whether `answer` is the reply this person was last given here (a follow-up answered by the same passage again). */
  async answeredAlready(conversation: string, sender: string, answer: string): Promise<boolean> {
    return (await this.redis.get(`${this.keyOf(conversation, sender)}:answer`)) === digest(answer)
  }

  /** Whether `answer` quotes what the last reply here quoted, whatever was said around it (a caveat, a hint). */
  async quotedAlready(conversation: string, sender: string, answer: string): Promise<boolean> {
    return (await this.redis.get(`${this.keyOf(conversation, sender)}:quote`)) === digest(quoteOf(answer))
  }

  async rememberAnswer(conversation: string, sender: string, answer: string): Promise<void> {
    const key = this.keyOf(conversation, sender)
    await this.redis.multi().set(`${key}:answer`, digest(answer), 'EX', this.ttlSec).set(`${key}:quote`, digest(quoteOf(answer)), 'EX', this.ttlSec).exec()
  }

  async forget(conversation: string, sender: string): Promise<void> {
    const key = this.keyOf(conversation, sender)
    await this.redis.del(key, `${key}:about`, `${key}:answer`, `${key}:quote`)
  }
}

/** What a reply quotes: its lines but the caveat around a hedge and the source line (texts.ts), in either script. */
function quoteOf(answer: string): string {
  return answer
    .split('\n')
    .filter((l) => {
      const line = toSimplified(l.trim())
      return line !== qaTexts.hedgeBefore && line !== qaTexts.hedgeAfter && !line.startsWith(SOURCE)
    })
    .join('\n')
}
/** How a source line opens (texts.ts sourceLine). */
const SOURCE = qaTexts.sourceLine('').slice(0, 3)

/** The reply's fingerprint: what was said is not kept, only whether the next reply says it again. */
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22)
