// A message with several questions in it ("两癌筛查几岁可以做？要不要钱", "娃放学没人管 暑假也没人带 有啥办法 要钱不"):
// the whole is often answered by no single passage, though each question is. Split into its questions — what she
// tells before a question goes with it — so each can be answered, the later ones leaning on the first for the topic.

/** A clause that asks: a question mark or particle, or a question word. */
const ASKS = /[？?]$|吗$|(?<![那这怎什要])么$|嘛$|呢$|不$|没$|没有$|啥|什么|怎么|咋|多少|几[岁个天年月点号次]|哪|多久|多大|多长|是否|能否|有没有|能不能|可不可以|要不要|用不用|收不收|算不算/u

/**
 * A clause that only asks again what the one before it asked ("…建多少个妇女微家啊 有个数没", "…在哪 有人知道不"): it
 * names nothing of its own, so it stays with that question instead of becoming one ("有个数没" answered alone).
 */
const TAG = /^(?:有人|谁|大家|姐妹们)?(?:有个数|有数|知道|晓得|清楚|了解|确定|对|是|有|可以|行)(?:吗|不|没|没有|么|嘛|呢|吧)?(?:[啊呀哈呢吧]+)?[？?。！!]*$|^(?:是不是|对不对|有没有|有没|行不行|可不可以|知不知道|晓不晓得)(?:[啊呀哈呢吧]+)?[？?。！!]*$/u

/** The questions of a message, each with the clauses said before it; one part when it asks once. */
export function questionParts(question: string): string[] {
  const clauses = question.split(/(?<=[？?！!。；;])|[\s，,]+/u).map((c) => c.trim()).filter(Boolean)
  const parts: string[] = []
  let pending: string[] = []
  for (const c of clauses) {
    if (TAG.test(c) && parts.length && !pending.length) {
      parts[parts.length - 1] += ` ${c}`
      continue
    }
    pending.push(c)
    if (ASKS.test(c)) {
      parts.push(pending.join(' '))
      pending = []
    }
  }
  // What follows the last question ("…要钱不 谢谢") belongs to it.
  if (pending.length && parts.length) parts[parts.length - 1] += ` ${pending.join(' ')}`
  return parts.length >= 2 && parts.every((p) => p.replace(/[\s\p{P}]/gu, '').length >= 2) ? parts : [question]
}

/**
 * The clause of a part that asks ("要钱不" of "要钱不 最近手头有点紧"): what a reply may repeat of it in the group,
 * never what she told around it.
 */
export function askingClause(part: string): string {
  return part.split(/[\s，,]+/u).find((c) => ASKS.test(c)) ?? part
}
