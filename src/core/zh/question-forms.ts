// Question forms without a question word, shared by every reader that asks "is this a question?": the A-not-A
// form ("管不管", "收不收") and a choice between two ("是法院批还是派出所批"). A pattern source, to be set into each
// reader's own expression; its one group is named so it never shifts the numbering of the reader's own groups.
export const CHOICE_QUESTION = '(?<ab>[\\u4e00-\\u9fff])不\\k<ab>|是.{1,12}还是'

/**
 * The last question asked again of something else: a short topic and 呢 opening the message ("暑假呢 放假了更没人管",
 * "那周末呢"). A pattern source, as above.
 */
export const ASKED_AGAIN_OF = '^(?:那)?[^，,。\\s]{1,8}呢(?=$|[\\s，,。])'

/**
 * A yes-no question told by its last word ("要钱不", "还能做两癌筛查不", "有培训补贴没", "能帮着调解不"): 不 or 没(有)
 * closing a clause. A pattern source, as above.
 */
export const YES_NO_TAIL = '[不没]有?(?=[？?！!。，,\\s]|$)'

/**
 * A question word: who, what, which, when, how many, how long / far / big, how, why ("县妇联主席是谁", "交给谁", "几时", "多久",
 * "徒步要走多远", "为啥",
 * "干嘛的"). 谁 asks when it closes a clause or follows 是; elsewhere it is as often "anyone" ("谁家有多余的花瓶", "比谁跳得
 * 远"). Read on the normal form (Simplified, Cantonese as Mandarin: 边个 → 谁, 几耐 → 多久). A pattern source, as above;
 * a reader that asks "is this a question?" takes all of these, or says which it leaves out.
 */
export const QUESTION_WORD = '是谁|谁(?=[的啊呀呢吗哇哈]?(?:[？?！!。，,、\\s]|$))|什么|啥|哪|几|多少|多久|多长时间|多大|多远|多长|多高|多重|多宽|多深|多快|多贵|多早|多晚|(?<!不)怎样|怎么|咋|如何|为何|何时|何处|干嘛'

/**
 * Asking only whom to turn to, naming nothing ("那我该找谁问", "问谁"): a request for a person to ask, which the bot
 * answers by pointing to the host and 转人工, not a question for the documents. On the bare normal form.
 */
export const WHOM_TO_ASK_ALONE = /^(?:那|那么)?(?:我|俺|我们)?(?:该|应该|要|得|能|可以|还能)?(?:去)?(?:找谁|问谁|跟谁说|找哪个|问哪个)(?:问|问问|说)?(?:呢|啊|呀|哈|吧)*$/u

const CLAUSE_ASKS = new RegExp(`[?？]|吗|么|嘛|咋|怎么|如何|哪|什么|啥|多少|几|能不能|可不可以|有没有|是不是|要不要|${YES_NO_TAIL}`, 'u')
/** Her own circumstances, told beside a question: her age, money, marriage, work. */
const CIRCUMSTANCE = /(?:我|俺)(?:今年|都|已经)?(?:\d{2}|[二三四五六七八九]十[一二三四五六七八九]?)(?:岁|周岁)?了?$|手头(?:有点|有些|比较|太)?(?:紧|不宽裕)|没钱|钱不够|揭不开锅|离婚了|离了婚|一个人带|单亲|下岗|失业|没工作|困难/u

/**
 * The message without the clauses that only tell her circumstances ("我离婚了一个人带俩娃 手头紧 过年妇联有慰问不 咋申请"
 * → "过年妇联有慰问不 咋申请"; "我今年58了 还能做两癌筛查不" → "还能做两癌筛查不"), for the documents: her age, money and
 * marriage dilute a question they do not change. What names the topic ("我想学月嫂", "老板拖欠工资半年了") stays.
 */
export function askingPart(text: string): string {
  const clauses = text.split(/[，,。；;！!\s]+/u).filter(Boolean)
  const kept = clauses.filter((c) => CLAUSE_ASKS.test(c) || !CIRCUMSTANCE.test(c))
  return kept.length && kept.length < clauses.length && kept.some((c) => CLAUSE_ASKS.test(c)) ? kept.join(' ') : text
}
