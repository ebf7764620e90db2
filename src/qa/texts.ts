// User-facing text of the knowledge Q&A (WeChat: plain, short, Simplified Chinese).
export const qaTexts = {
  notCovered: '这个问题在微家的资料里没有找到明确说法，我怕说错误导您。需要的话回复「转人工」，我帮您转给工作人员。',
  personalContact: '群里姐妹的电话和微信我不能提供，也不会转发。需要的话可以在群里@她，或私下问她本人。',
  /**
   * Around a passage that is the closest the documents come, but may not answer exactly what was asked. It says the
   * doubt, not "nothing found": a hedged passage is often the right one, and a resident told "没找到" above the
   * right sentence doubts a correct answer (tenth-round tester).
   */
  hedgeBefore: '不确定资料里这段是不是正好回答您的问题，供您参考：',
  hedgeAfter: '如果不是您想问的，回复「转人工」，我帮您转给工作人员。',
  /** One question of several in a message that the documents do not answer. */
  partNotCovered: (part: string) => `「${part.slice(0, 20)}」：资料里没有找到明确说法。`,
  /** Above a follow-up's answer that repeats the last one ("那个工作站在哪里" after its figures): that is all there is. */
  sameAgain: '还是刚才这一段说的：',
  emptyQuestion: '您想问什么呢？直接打字告诉我就行。',
  notReady: '资料库正在准备中，请过几分钟再问我。',
  /** A document with no title of its own (a file named by a code) is cited by its section alone. */
  /** "我们这个微家算哪种": the group's type from config, and the documents' sentence about that type when they have one. */
  groupType: (type: string, quote?: { sentence: string; source: string }) => `咱们是「${type}」型妇女微家。${quote ? `\n${quote.sentence}\n${quote.source}` : ''}`,
  groupTypeUnset: '咱们微家的类型还没有登记在我这里，可以问问微家主人。',
  sourceLine: (title: string, heading?: string) => (title ? `来源：《${title}》${heading ? `· ${heading}` : ''}` : `来源：${heading || '资料'}`),
}
