// What kind of answer a question asks for, and whether a passage has one. "反拐联席会议办公室电话是多少"
// finds the passage about that office — every topic word is there — but the documents give no phone
// number; answering with the passage would be a confident wrong answer. So a question that asks for a
// phone number, a web address, a clock time, a date or an amount of money is covered only when a
// sentence about its topic contains something of that kind. The patterns describe kinds of answers,
// not particular questions.
import { withoutFew } from './few.ts'

export type AnswerType = 'phone' | 'url' | 'email' | 'clock' | 'date' | 'money' | 'amount' | 'address'

const ASKS: [AnswerType, RegExp][] = [
  ['phone', /电话|号码|手机号|联系方式|怎么联系|热线是多少|群号|QQ号|qq号|微信号/],
  ['url', /网址|网站|链接|下载|小程序|公众号|二维码/],
  // "发到哪个邮箱": an address with @; "传递至…h__r邮箱" (the address blanked out) gives none.
  ['email', /邮箱|电子邮件|电邮|e-?mail/i],
  ['clock', /几点|开门|关门|营业时间|上班时间|办公时间|开放时间/],
  ['date', /什么时候|啥时候|哪天|几月|几号|何时|哪一天|什么时间|啥时间|日期/],
  ['address', /地址|坐车|乘车|几路车|怎么走|怎么过去|在哪办公|在哪儿办公/],
  // Unpaid wages are the trouble, not the money asked ("工资被老板拖欠了 该打哪个电话" asks for a phone; so does
  // "老板拖欠工资半年了 能申请法律援助吗" ask whether, not how much).
  // "要钱不", "收费吗" ask whether it costs (detail.ts `fee`: a price or a word that it is free), not how much.
  ['money', /多少钱|费用|收费(?![吗么嘛不没])|交钱(?![吗么嘛不没])|要钱(?![吗么嘛不没])|价格|补贴多少|多少补贴|给多少|(?<!讨|拖欠|欠|要回|追讨)工资(?![^，,。？?]{0,3}(?:拖欠|被欠|欠着|不给|没发))|利率|利息|多少资金|花多少|多少万(?![人户名个家])/],
  // How much, not whether: a sentence that only mentions 补贴 or 资金 doesn't say how much.
  ['amount', /多少钱|补贴多少|多少补贴|给多少|多少资金|花多少|利率|利息|工资多少|多少工资|多少万(?![人户名个家])/],
]

const HAS: Record<AnswerType, RegExp> = {
  // Emergency numbers (110, 120, 119, 122) are phone numbers too.
  phone: /\d{5,}|\d{3,4}-\d{7,8}|(?<!\d)1[12][0-9](?![0-9年元万%个])/,
  url: /https?:\/\/|www\.|\.(com|cn|net|org)\b|小程序|公众号|二维码|app/i,
  email: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/,
  clock: /\d{1,2}[:：]\d{2}|[\d一二三四五六七八九十两]{1,3}(点|时)(?!击)|上午|下午|晚上|早上|中午|全天|24小时/,
  date: /\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}月|[一二三四五六七八九十]{1,3}月|\d{1,2}日|\d{4}年|星期|周[一二三四五六日末]|每年|每月|每周|每季|年底|年初|年内|上半年|下半年|(三八|春|端午|中秋|重阳|母亲|儿童|妇女)节|暑假|寒假|(今|明|去|前)年|月底|月初/,
  amount: /\d+(\.\d+)?\s*(元|万|亿|%)|[一二三四五六七八九十百千万两]+(元|万元|亿元)|免费|不收费|无偿/,
  address: /地址|\d+号|[路街巷道]\d|\d+(楼|层|室)|大厦|大楼|广场|[路街]与|公交|地铁/,
  // Free is an answer too: "不收取诉讼费用", "免收".
  money: /\d+(\.\d+)?\s*(元|万|亿|%)|[一二三四五六七八九十百千万]+元|免费|不收费|不收取?[^，,。；;]{0,4}费|免收|无偿|补贴|贴息|资助/,
}

/** How it is worked out ("利息咋算", "补贴怎么计算"), not how much: a policy answers it, an amount nearby does not. */
const HOW_COMPUTED = /(?:怎么|咋|如何|怎样)(?:计算|算)(?!.{0,4}多少)/

/** The answer kinds the (normalised) question asks for; several for "几点开门，要交钱吗". */
export function answerTypes(question: string): AnswerType[] {
  const how = HOW_COMPUTED.test(question) && !/多少/.test(question)
  return ASKS.filter(([t, re]) => re.test(question) && !(how && (t === 'money' || t === 'amount'))).map(([t]) => t)
}

export function hasAnswerOf(type: AnswerType, text: string): boolean {
  return HAS[type].test(text)
}

const SENTENCE = /[^。！？；\n]+[。！？；]?/g

/**
 * Whether `text` answers every kind the question asks for: some sentence that mentions one of the
 * question's key terms holds an answer of that kind (a phone number elsewhere in the passage is someone else's).
 */
export function answersTypes(types: AnswerType[], keyTerms: string[], text: string): boolean {
  if (!types.length) return true
  const sentences = (text.match(SENTENCE) ?? []).filter((s) => !keyTerms.length || keyTerms.some((k) => s.includes(k)))
  return types.every((t) => sentences.some((s) => hasAnswerOf(t, s)))
}

/** "多少人次", "几个名额", "最多住几天": a question asking how many, whatever it counts (money has its own kinds). */
const ASKS_COUNT = /多少|几(?!乎)|哪几/
/** A count: digits, or a Chinese numeral with a measure word (一是/第一 are not counts). */
// A list item's own number ("2、实施…分类管理", "3．") counts nothing; "五大类" is a count.
const HAS_COUNT = /(?<![\d.．])\d+(?![\d、．)）]|\.(?!\d))|[一二三四五六七八九十百千万两半]+大?(?:个|天|次|年|月|周|名|位|人|家|项|条|岁|元|万|起|期|批|所|类|种|届|场|户|小时|分钟)/

export function asksCount(question: string): boolean {
  return ASKS_COUNT.test(withoutFew(question))
}

export function hasCount(text: string): boolean {
  return HAS_COUNT.test(text)
}

/** Whether some sentence of `text` about one of the key terms states a count. */
export function answersCount(keyTerms: string[], text: string): boolean {
  const sentences = (text.match(SENTENCE) ?? []).filter((s) => !keyTerms.length || keyTerms.some((k) => s.includes(k)))
  return sentences.some((s) => HAS_COUNT.test(s))
}
