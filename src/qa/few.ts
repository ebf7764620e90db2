// 几 that means "a few", not "how many": "俺跟几个姐妹想弄个微家", "我们楼里几个宝妈想…", "几个姐妹一块儿管行不行".
// Read as a count question, these ask for a number the documents never give, and a covered question is declined.
// The phrase stands at the start of a clause or after a companion word (跟, 和, 我们, 楼里…), and what follows the
// people is what they mean to do together (想, 一起, 一块, 凑…); "要几个人一起才能建" (after 要) still asks how many.

const FEW = /(?<=^|[，,\s。？?！!；;]|可以|能|跟|和|同|与|约|叫上|带上|带|找|我们|咱们|俺们|咱|俺|楼里|村里|院里|家里|小区里|厂里|公司里|单位里|车间里|店里|群里|有|或者|或是|还是|(?:我们|咱们|俺们|咱|俺)(?:楼|村|院|小区|单位|厂|社区|组))几(?=[个位名户家][\u4e00-\u9fff]{1,3}?(?:想|要|打算|准备|一起|一块|一道|合伙|凑|商量|自己|组成|组队|轮流))/gu

/** The question with each "a few" 几 written as 一些 ("几个姐妹一起当" → "一些个姐妹一起当"), for the count readers. */
export function withoutFew(question: string): string {
  return question.replace(FEW, '一些').replace(US_FEW, '一些').replace(STEPS, '一些')
}

/** "我们几个种香菇的姐妹…", "咱们几个": the speakers, a few of them, whatever they go on to say. */
const US_FEW = /(?<=我们|咱们|俺们|她们)几(?=[个位])/gu

/** "走几步就到", "几步路": nearness, not a count. */
const STEPS = /几(?=步)/gu
