// "The topic is there, the asked detail is not." A question like "雨花区妇联主席叫什么名字" finds the passage
// about that office — every topic word is in it — but the document names no one; "户籍人口88.94万的***区是哪个区"
// finds a sentence whose answer the document itself blanked out. Two signals for the learned decision:
// - detail missing: the question asks for a detail of a recognisable shape (a person's name, a year, a place,
//   a count, a procedure after 怎么申请 / 咋报名, papers after 要带什么, a requirement after 啥条件, a price after
//   物业费…多少 / 奖多少, plus the kinds of answer-type.ts: phone, date, amount…) and no window beside the topic
//   holds one once the question's own words are taken out of it (a window that only repeats "雨花区" does not
//   say where);
// - masked: the best window has the documents' redaction marks (×××, ***, xx, 20xx) — what is asked may be
//   exactly what was blanked.
// Patterns describe shapes of answers, not particular questions.
import { answerTypes, hasAnswerOf, hasCount, type AnswerType } from './answer-type.ts'

export type Detail = AnswerType | 'person' | 'name' | 'year' | 'place' | 'count' | 'procedure' | 'cost' | 'materials' | 'condition'

const ASKS: [Detail, RegExp][] = [
  // Who holds a title ("妇联主席是谁") wants a name; other who-questions ("找谁", "是谁来讲", "谁兼着当") are
  // answered by an office or a role as often as by a name.
  ['person', /(?:主席|会长|书记|主任|校长|站长|园长|负责人|理事长|院长|所长|局长|镇长|县长|区长|村长)是(?:谁|哪位)|哪位(?:领导|同志|老师)/],
  // A name: of a person or of a thing ("基地叫什么名字").
  ['name', /叫(?:什么|啥)名|名字叫(?:什么|啥)|叫(?:什么|啥)[？?]?$/],
  ['year', /哪一?年|什么年份|哪个年份|几几年/],
  // Where, not where from ("经费从哪里来").
  ['place', /在哪|(?<!从)哪里(?!来)|(?<!从)哪儿(?!来)|什么地方|啥地方|什么地点|哪个(?:区|县|市|镇|乡|乡镇|村|街道|社区|医院|场馆|景区|风景区|学校|公园)|哪家医院|地点/],
  // How many of something (not money, which has its own kinds; not "哪几家", a list).
  ['count', /多少(?!钱)|(?<![哪第])几(?!乎|点|号|月)/],
  // How to do something with the office ("咋申请", "怎么报名参加"): a procedure, not "怎么办" (what to do).
  ['procedure', /(?:怎么|如何|怎样|咋)(?:样)?(?:才能|才|去|来|能|可以|要)?(?:申请|报名|参加|加入|办理|申报|预约|领取|领|入驻|参选|登记|联系|报)/],
  // What to bring or hand in ("要带什么?", "交啥材料"): papers, not "材料里" (the document itself).
  ['materials', /(?:带|交|准备|提交|需要|要)(?:哪些|什么|啥)(?:材料|证件|手续|东西)?(?=[？?，,、]|$)|(?:带|交|准备|提交|需要|要)(?:哪些|什么|啥)(?:材料|证件|手续)|(?:材料|证件|手续)(?:有哪些|要哪些|是什么|是啥)/],
  // Who qualifies ("要啥条件", "满足什么条件", "收入有什么要求").
  ['condition', /(?:什么|啥|哪些)(?:样的)?(?:条件|要求|资格)|(?:条件|要求|资格)(?:是什么|是啥|有哪些)/],
  // What something costs or pays, named by its noun ("物业费一年要交多少", "奖多少", "会费"): the money kind of
  // answer-type.ts asks for the plain phrasings only (多少钱, 收费), and its ASKS also steer the ranker.
  ['cost', /(?:费|金|款|钱|薪|价)(?:是|要|有|大概|一共|一年|一个月|每月|每年)?(?:多少|几)|(?:奖|交|贷|赔|领|补|给)(?:了)?多少|多少(?:奖金|费|钱|款|救助金|资助)|会费|交钱|收钱|要钱/],
]

/** Common surnames: a name is a surname and one or two characters beside a title. */
const SURNAME = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const TITLE = '主席|副主席|会长|书记|主任|校长|站长|园长|负责人|理事长|同志|女士|先生|老师|院长|所长|局长|镇长|县长|区长|村长'
const TITLE_IN = new RegExp(TITLE, 'g')
/** A quoted or titled name: “春晖基金”, 《…》. */
const QUOTED = /[“"《「][^”"》」]{2,20}[”"》」]/
const HAS: Partial<Record<Detail, RegExp>> = {
  // Papers: an ID or certificate, a form, copies, photos.
  materials: /证(?!明显)|证明|复印件|照片|申请表|登记表|户口|材料|原件/,
  // Who qualifies: a requirement, an age or income bound, a priority.
  condition: /须|必须|应当|具备|符合|要求|条件|年满|以上|以下|不超过|具有|要有|一要|优先|限/,
  // How it is done, in words the question may not have: steps, a channel, a form, a number to call.
  procedure: /流程|步骤|程序|方式|途径|渠道|报名|申请表|填写|提交|携带|凭|持.{0,6}[证件]|联系|电话|热线|咨询|登录|网上|扫码|逐级|申报/,
  year: /(?:19|20)\d{2}\s*年?/,
  // A named place: a name and a place word ("上虞区", "春雷小学"), an address, a house number.
  place: /\p{Script=Han}{2}(?:省|市|区(?![域别分])|县|镇|乡|村|街道|社区|医院|体育馆|公园|景区|广场|小学|中学|大厦|大楼)|[路街]\d|地址|\d+号/u,
}

/**
 * Who to apply to or through, read on the whole window: "向法律援助中心申请" answers "法律援助怎么申请" although both of
 * its words are the question's own.
 */
const CHANNEL = /向.{1,12}(?:申请|提出|报)|到.{1,12}(?:办理|申请|报名|登记)|经.{1,8}(?:审核|推荐|批准|同意)|由.{1,12}(?:推荐|申报|审核|审批)/

/** Redaction marks as the normalised documents write them (lower-cased: XX → xx). */
const MASK = /×{2,}|\*{3,}|(?<![a-z])xx(?![a-z])|\d{2}xx|\d{3}-(?!\d)/

export function askedDetails(question: string): Detail[] {
  const own = ASKS.filter(([, re]) => re.test(question)).map(([d]) => d)
  return [...new Set<Detail>([...answerTypes(question), ...own])]
}

/**
 * Whether window `text` has a detail of kind `d` beyond the question's own words. A name is looked for beside
 * the title the question names ("妇联主席叫什么名字": a 主席, not the 县委书记 of the same paragraph), or beside
 * any title, and must not be a name the question already wrote.
 */
export function hasDetail(d: Detail, text: string, question = ''): boolean {
  const titles = [...new Set(question.match(TITLE_IN) ?? [])]
  if (d === 'person' || (d === 'name' && titles.length)) return namedBeside(titles.length ? titles.join('|') : TITLE, text, question)
  const rest = beyondQuestion(question, text)
  if (d === 'name') return namedBeside(TITLE, text, question) || QUOTED.test(rest)
  if (d === 'count') return hasCount(rest)
  if (d === 'cost') return hasAnswerOf('money', rest)
  if (d === 'procedure' && CHANNEL.test(text)) return true
  const has = HAS[d]
  return has ? has.test(rest) : hasAnswerOf(d as AnswerType, rest)
}

function namedBeside(titles: string, text: string, question: string): boolean {
  const re = new RegExp(`(?:${titles})[：:\\s]*([${SURNAME}]\\p{Script=Han}{1,2})|([${SURNAME}]\\p{Script=Han}{1,2})(?:${titles})`, 'gu')
  return [...text.matchAll(re)].some((m) => !question.includes((m[1] ?? m[2])!.slice(0, 2)))
}

/**
 * `text` with every stretch it shares with the question (two characters or more) cut out: what is left is
 * what the window says beyond the question.
 */
export function beyondQuestion(question: string, text: string): string {
  const parts = new Set<string>()
  for (let i = 0; i < question.length; i++) {
    let best = ''
    for (let j = i + 2; j <= question.length; j++) {
      const s = question.slice(i, j)
      if (!text.includes(s)) break
      best = s
    }
    if (best) parts.add(best)
  }
  let out = text
  for (const p of [...parts].sort((a, b) => b.length - a.length)) out = out.split(p).join('|')
  return out
}

/** Whether some window holds every asked detail beyond the question's own words (true when none is asked). */
export function detailsFound(details: Detail[], question: string, windows: string[]): boolean {
  if (!details.length) return true
  return windows.some((w) => details.every((d) => hasDetail(d, w, question)))
}

export function masked(text: string): boolean {
  return MASK.test(text)
}
