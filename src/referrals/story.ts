// Her story told where the bot asked something else. Asked how staff should reach her, a resident often answers with
// what is happening and her number in one message ("我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间 我电话139… 下午可以
// 打"): staff then read the story under 情况 and only the number, the time and the channel under 联系方式, and the
// case is filed under what the story is about, not under the vague first line ("家里的事 不好在群里说" → 其他). Pure.
import { DEFAULT_TZ } from '../core/tz.ts'
import { understand } from '../nlu/understand.ts'
import type { Category } from './categories.ts'
import { classifyRules } from './classify.ts'

/** The understanding's help category in the referral vocabulary. */
export const CATEGORY_OF: Record<string, Category> = {
  legal: '法律维权', dv: '家庭暴力', family: '婚姻家庭纠纷', psych: '心理支持', jobs: '就业创业', hardship: '困难帮扶', health: '健康（两癌筛查等）', child: '儿童与家庭教育',
}

/**
 * What a story is about, read as a help request is read when it opens a conversation: the understanding's category
 * (rules and the learned reader: "喝了酒就摔东西骂人 孩子吓得不敢出房间" is violence at home), else the rules'.
 * Undefined when it tells no trouble of a known kind.
 */
export function categoryOfStory(text: string): Category | undefined {
  const u = understand(text, { where: 'private', role: 'resident', mention: false, activities: [], signedUp: [], openCase: false, now: 0, tz: DEFAULT_TZ })
  const help = u.intent === 'help.request' || u.intent === 'help.emergency' || u.intent === 'help.third_party'
  const learned = help ? CATEGORY_OF[u.slots.category ?? ''] : undefined
  if (learned) return learned
  const rules = classifyRules(text)
  return rules.kind !== 'none' && rules.category !== '其他' ? rules.category : undefined
}

/**
 * The category a request is filed under once more of her story is known: what the story is about when the first words
 * named nothing clear (其他, or distress that turns out to have a cause), and violence whatever they were filed under.
 */
export function retold(current: Category, told: Category | undefined): Category {
  if (!told || told === current) return current
  return current === '其他' || current === '心理支持' || told === '家庭暴力' ? told : current
}

/** A way to reach her: a number, a channel, a time, or a caution about calling ("他在家", "他会翻我手机"). */
const REACH =
  /\d{7,}|\d{3}\*{4}\d{4}|电话|手机|号码|微信|短信|私聊|留言|发消息|文字|语音|当面|面谈|见面|联系|打给我|(?:可以|能|随时|再|就|才)打|(?:别|不要|不能|不敢|千万别|不方便)(?:给我)?(?:打|接)|方便|有空|都行|都可以|随时|[早晚]上|上午|下午|中午|白天|夜里|\d+点|[一二三四五六七八九十两]+点|周末|工作日|周[一二三四五六日天]|星期|(?:他|她|老公|男人|婆婆)(?:在家|在旁边|在身边|不在)|(?:翻|查|看)我(?:的)?手机|听见|听到|^[123]$|^[123](?=[.、．\s]|$)/u
/** Trouble told: who hurts or frightens whom, what he does. A clause with it is her story, whatever else it names. */
const TROUBLE = /摔|砸|骂|吼|推|掐|踢|扇|揍|打(?:我|人|孩子|娃|她|老婆|媳妇)|喝(?:了)?(?:酒|多|醉)|吓|害怕|哭|吵|闹|离婚|出轨|赌|欠|伤|疼|威胁|赶出|锁|逼|控制|跟踪|不让我/u

/** Whether she says anything about how or when to reach her ("微信就行 晚上别打电话"). */
export const tellsReach = (text: string): boolean => REACH.test(text)
/**
 * How to reach her, said outright: a way (微信, 电话, a number, 当面) or a time she can or cannot be called — the part of
 * REACH that stands on its own as a note for her case ("微信就行 晚上别打电话"), not just a time word.
 */
const CONTACT_SAID = /\d{7,}|微信|电话|手机|短信|打给我|当面|见面|(?:别|不要|不能|不方便)(?:给我)?打|(?:白天|晚上|上午|下午|中午)[^，。]{0,4}(?:方便|可以|行|打|联系|找我)/u
export const contactSaid = (text: string): boolean => CONTACT_SAID.test(text)

/**
 * A caution about who must not find out ("别让群里知道", "千万别告诉我老公"), said, not asked: for staff to heed, and no
 * way to reach her.
 */
const CAUTION_SAID = /(?:别|不要|千万别|不能)告诉(?:我|俺)?(?:老公|男人|丈夫|婆婆|公公|家里|家人|他|别人|任何人)|(?:别|不要|千万别|不能)(?:让|叫|给|跟|告诉)[^，。？?]{0,8}(?:知道|晓得|看到|听说)|(?:别|不要|千万别)(?:在)?群里(?:说|讲|提|发)|(?:别|不要)(?:说|传)出去|(?:别|不要)声张|帮我保密|替我保密|要保密/u
export const cautionSaid = (text: string): boolean => CAUTION_SAID.test(text)

/** "其实就是我自己", "说的就是我", "那个朋友就是我": a report about "a friend" turns out to be hers. */
const SELF_REVEALED =
  /(?:其实|实际上|说实话|老实说|不瞒你说)[^，。？?]{0,4}(?:就)?是(?:我|俺)(?:自己|本人)?(?![们家的])|(?:说的|那个(?:朋友|人|姐妹|邻居)|她)(?:其实)?就是(?:我|俺)(?:自己|本人)?(?=$|[，,。.！!\s啊呀哈])|是(?:我|俺)自己(?=$|[，,。.！!\s啊呀哈]|的事)|就是我本人/u

export const revealsSelf = (text: string): boolean => SELF_REVEALED.test(text)

export interface Split {
  /** What to read as the way to reach her (the whole answer when nothing else is told). */
  reach: string
  /** What happens to her, when the answer also tells it: for 情况. */
  story?: string
}

/**
 * Her answer to "how should staff reach you", split into the way to reach her and the story told beside it. Only a
 * story that tells trouble is moved ("他会听见" stays with the number: a caution for whoever calls).
 */
export function splitReach(text: string): Split {
  const clauses = text.trim().split(/[\s，,。；;！!～~\n]+/u).filter(Boolean)
  const isStory = (c: string) => TROUBLE.test(c) || !REACH.test(c)
  const story = clauses.filter(isStory)
  if (!story.length) return { reach: text.trim() }
  const told = story.join(' ')
  if (!TROUBLE.test(told) && !categoryOfStory(told)) return { reach: text.trim() }
  // A phone number in a clause of the story ("他喝了酒就打我 电话139…" typed without a space) stays for staff to call.
  const numbers = story.flatMap((c) => (TROUBLE.test(c) ? (c.match(/\d{7,}/gu) ?? []) : []))
  const reach = [...clauses.filter((c) => !isStory(c)), ...numbers].join(' ')
  return { reach, story: told }
}
