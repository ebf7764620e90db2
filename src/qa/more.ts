// "还有别的吗": a follow-up that asks for something besides what she was just given. Answered by the same quote again,
// it is asked once more without the sentences that reply quoted (engine.ts AskOptions.besides); only when nothing else
// answers is she told that this is all the documents say.

const MORE = /还有(?:没有)?(?:别的|其他|其它|另外的|啥别的|什么别的)|(?:别的|其他|其它)(?:的)?(?:呢|还有)|另外还有|还有(?:吗|呢|没有)[？?]?$|还有哪些|仲有(?:冇|咩|乜|其他)|還有(?:沒有)?(?:別的|其他|其它)|(?:別的|其他)(?:的)?(?:呢|還有)|還有(?:嗎|呢)[？?]?$/u

export function asksForMore(question: string): boolean {
  return MORE.test(question.trim())
}
