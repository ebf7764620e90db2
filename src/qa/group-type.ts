// "我们这个微家算哪种", "咱们是啥类型的微家": this group's own type (groups[].type in config), not a documents' passage
// about 微家 types in general (a tester got an unrelated one). Pure: the route's predicate and the reply's quote.
import { GROUP_TYPES } from '../config.ts'
import { bare, normalize } from '../nlu/text.ts'
import { truncate } from './answer.ts'
import { cropToClause } from './extract.ts'

/** The group she is in, as hers ("我们这个微家", "咱们群", "本微家"). */
const OWN = /我们|咱们|咱|俺们|本(?:微家|群)|这个(?:微家|群)/u
const HOME = /微家|群/u
/** Which kind: "算哪种", "哪一类", "啥类型", "什么型的", "类型是啥". */
const WHICH = /(?:哪|啥|什么)(?:一)?(?:种|类|型)|(?:啥|什么|哪个|哪些)类型|类型是(?:啥|什么|哪)/u
/** One type named and asked yes or no ("我们是网格睦邻型的吗", "是不是平安守望型"). */
const NAMED = new RegExp(`(?:${GROUP_TYPES.join('|')})(?:型|类)?的?(?:吗|不|么|嘛|吧)|是不是(?:${GROUP_TYPES.join('|')})`, 'u')
/** A kind of something else ("咱们微家有哪些类型的活动", "我们算哪种情况"). */
const OTHER_KIND = /(?:种|类|型)的?(?:活动|服务|帮助|帮扶|补助|补贴|人|事|问题|情况|课|培训)/u

/**
 * The 微家 left unsaid, as in a follow-up ("妇女微家分几种啊" → "那我们这个算哪种"): the whole message is ours, the kind,
 * and nothing else ("我们这个算哪种", "咱们属于哪一类", "咁我哋呢个算边种"); "我们这种情况算哪种" names something else.
 */
const OURS_WHICH = new RegExp(`^(?:我们|咱们|咱|俺们)(?:这个|这|这里|这儿)?的?(?:算|是|属于|归)?(?:${WHICH.source})的?(?:啊|呀|呢|哈|嘛|吗|来着)*$`, 'u')
/** Words that open a follow-up and change nothing it asks ("那", "所以", "咁", "噉"). */
const OPENING = /^(?:那么|那|所以|然后|这样的话|这么说|这样|咁|噉)(?:的话)?\s*/u

/** The message asks what type of 微家 this group is. */
export function asksOwnGroupType(text: string): boolean {
  const t = normalize(text)
  if (!OWN.test(t) || OTHER_KIND.test(t)) return false
  return (HOME.test(t) && WHICH.test(t)) || NAMED.test(t) || OURS_WHICH.test(bare(t).replace(OPENING, ''))
}

/**
 * Whether one part of such a message asks the kind ("我們這個算哪種", after "呢個微家係做咩㗎？" named the 微家): the
 * other parts are other questions.
 */
export function asksKind(part: string): boolean {
  const t = normalize(part)
  return !OTHER_KIND.test(t) && (WHICH.test(t) || NAMED.test(t))
}

/** The question put to the documents for a type: this wording finds each of the five in the sample guide. */
export const typeQuestion = (type: string) => `${type}型微家是做什么的`

const SOURCE = /^来源：/u
/** List markers a quoted line may open with ("2. ", "（三）", "一、"). */
const MARKER = /^\s*(?:\d+[.、．]\s*|[（(][一二三四五六七八九十\d]+[）)]\s*|[一二三四五六七八九十]+、\s*|[·•]\s*)/u
const QUOTE_CHARS = 80

/**
 * From the documents' answer (Simplified, its source lines last): the first sentence that names the type, ended as a
 * sentence, and the source line of the answer. Nothing when no sentence of it names the type.
 */
export function typeSentence(answer: string, type: string): { sentence: string; source: string } | undefined {
  const lines = answer.split('\n')
  const source = lines.find((l) => SOURCE.test(l))
  if (!source) return undefined
  const sentences = lines
    .filter((l) => !SOURCE.test(l))
    .flatMap((l) => l.match(/[^。！？；]+[。！？；]?/gu) ?? [])
    .map((s) => s.replace(MARKER, '').trim())
  const hit = sentences.find((s) => s.includes(type))
  if (!hit) return undefined
  // A long sentence is cut around the clause naming the type, not at its start (which may not reach it).
  const trimmed = hit.replace(/[；;，,、：:]$/u, '')
  const sentence = trimmed.length > QUOTE_CHARS ? cropToClause(trimmed, QUOTE_CHARS, (c) => (c.includes(type) ? 1 : 0)) : truncate(trimmed, QUOTE_CHARS)
  return { sentence: /[。！？…]$/u.test(sentence) ? sentence : `${sentence}。`, source }
}
