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
