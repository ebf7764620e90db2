// Question forms without a question word, shared by every reader that asks "is this a question?": the A-not-A
// form ("管不管", "收不收") and a choice between two ("是法院批还是派出所批"). A pattern source, to be set into each
// reader's own expression; its one group is named so it never shifts the numbering of the reader's own groups.
export const CHOICE_QUESTION = '(?<ab>[\\u4e00-\\u9fff])不\\k<ab>|是.{1,12}还是'
