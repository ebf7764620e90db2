// A host preparing a talk or a report often says so before she asks ("我下周要给姐妹们讲讲微家，妇女微家分哪几类？",
// "写总结要用，雨花区妇联机关干部一年下基层多少天"). What she is preparing is not what she asks: its words (下周, 姐妹们,
// 讲讲, 总结) found nothing in the documents and pulled a covered question below the decision's line.
import { QUESTION_WORD } from '../core/zh/question-forms.ts'
import { namesOwnTopic } from './followup.ts'

/** What she is preparing, said in the first person: 我/我们/俺/咱 … 要/想/准备/在 … 讲讲/介绍/整理/写…, then a break. */
const FIRST_PERSON_PREPARING =
  /^(?:我们|我|俺|咱们|咱)[^,，。.?？!！;；\s]{0,14}?(?:要|想|准备|打算|正在|在|得)[^,，。.?？!！;；\s]{0,10}?(?:讲讲|讲一讲|讲课|上课|介绍|宣讲|宣传|汇报|整理|分享|发言|备课|写|做ppt|做课件|出板报|出展板)[^,，。.?？!！;；\s]{0,14}[,，。.!！;；:：]\s*/iu
/** What it is for, without a subject: "写总结要用，", "做PPT用，", "整理材料想问下，". */
const FOR_PREPARING = /^(?:写|整理|做|出|准备)[^,，。.?？!！;；\s]{0,8}?(?:要用|用|想问下|想问问|想问一下|请教下|请教一下)[,，。.!！;；:：]\s*/iu
/**
 * Who she asks for, said before the question: a social worker or 执委 relaying a resident ("有个居民问，", "帮一位阿姨问下，",
 * "社区有姐妹想知道，", "新选的执委问我：", "我替我婆婆问下 "), maybe after a word to the group ("闺女们 俺问一下 "). Its
 * words (社区, 执委, 姐妹, 阿姨) are not what is asked, and 社区 or 执委 pulled the passages about community committees over
 * the one that answers.
 */
const RELAY = /^(?:(?:姐妹们|闺女们|大家|各位|家人们|老师)[,，\s]+)?[^,，。.?？!！;；:：\s]{0,16}?(?:问|想知道|想了解|想打听|打听)(?:我|下|一下|问|一问)?\s*(?:[,，:：]\s*|\s+)/u
/**
 * Her story told in the third person, then what she asks ("有个阿姨在自家开了个小茶室，想弄个妇女微家，她问微家管理员可以由
 * 哪些人来当"): the question is what follows "她问".
 */
const STORY_THEN_ASKED = /^[^?？!！]{2,60}?[,，。]\s*(?:她|他|人家|对方)(?:想|就)?问(?:我|下|一下|问)?[,，:：]?\s*/u
const ASKS = new RegExp(`${QUESTION_WORD}|吗|嘛|么|呢`, 'u')

/**
 * The question without a leading clause that only says what she is preparing or whom she asks for, and without a closing one that says
 * what she will do with the answer. Each is dropped only when it asks nothing itself and the rest names its own topic:
 * "我要给姐妹们讲讲两癌筛查，都查些啥" keeps its clause, which carries the topic.
 */
export function withoutPreparing(normalized: string): string {
  const m = FIRST_PERSON_PREPARING.exec(normalized) ?? FOR_PREPARING.exec(normalized) ?? RELAY.exec(normalized) ?? STORY_THEN_ASKED.exec(normalized)
  const lead = m && !ASKS.test(m[0]) ? normalized.slice(m[0].length) : normalized
  const read = namesOwnTopic(lead) ? lead : normalized
  // What she will do with the answer, said after it ("…都有哪些项目 我好准备准备"): "准备" found the sign-up sentence.
  const purpose = PURPOSE.exec(read)
  if (!purpose || ASKS.test(purpose[0])) return read
  const rest = read.slice(0, purpose.index)
  return namesOwnTopic(rest) ? rest : read
}
/** A closing clause of purpose: 我好…, 好让我…, 方便我…, 以便…. */
const PURPOSE = /[,，\s]+(?:我好|我也好|好让我|方便我|以便)[^,，。.?？!！;；\s]{1,12}[。.!！]*$/u
