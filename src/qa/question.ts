// Does an unaddressed group message look like a question for the bot? Used only when a group's
// answerMode is 'questions'; chit-chat ("哈哈好的") must not trigger answers.
import { CHOICE_QUESTION } from '../core/zh/question-forms.ts'

// Traditional and Cantonese forms too: the message is read as written.
const QUESTION_WORDS = /嗎|麼|甚麼|幾|會不會|請問|諮詢|誰|點樣|咩|有冇|吗|么|呢|怎么|怎样|如何|什么|啥|咋|哪|几|多少|多久|多大|能不能|可不可以|可以不|是否|有没有|是不是|要不要|会不会|请问|咨询|求助|谁/
const QUESTION_MARK = /[？?]\s*$/
/**
 * "是免费的不", "能报销不", "两癌筛查要钱不", "能带孩子不": a question ending on 不 (a verb and its object before it); or an
 * A-not-A or choice question. Not a statement cut short after an adverb ("我也不", "千万不").
 */
const ENDS_ON_NOT = new RegExp(`(?<=\\p{Script=Han})(?<![也都就还可并绝决再千万为我你他她])不[～~。！!\\s啊呀哈]*$|${CHOICE_QUESTION}`, 'u')

export function looksLikeQuestion(text: string): boolean {
  const t = text.trim()
  if (t.length < 4 || t.length > 200) return false
  if (/^(哈+|好的?|嗯+|谢谢|收到|ok)[!！。~～]*$/i.test(t)) return false
  return QUESTION_MARK.test(t) || QUESTION_WORDS.test(t) || ENDS_ON_NOT.test(t)
}

/**
 * A short question that leans on the one before ("那要钱不", "那在哪报名", "还要带啥"): overheard in the group, it is
 * taken up only right after the same person's own question to the documents (core/turns.ts), and answered only when
 * the documents answer it.
 */
const LEANS_ON = /^(?:那|那么|那还|还有|还要|还得|另外|再问下?)/u
export function looksLikeFollowUp(text: string): boolean {
  const t = text.trim()
  return t.length <= 16 && LEANS_ON.test(t) && looksLikeQuestion(t)
}
