// User-facing text of the knowledge Q&A (WeChat: plain, short, Simplified Chinese).
export const qaTexts = {
  notCovered: '这个问题在微家的资料里没有找到明确说法，我怕说错误导您。需要的话回复「转人工」，我帮您转给工作人员。',
  emptyQuestion: '您想问什么呢？直接打字告诉我就行。',
  notReady: '资料库正在准备中，请过几分钟再问我。',
  sourceLine: (title: string, heading?: string) => `来源：《${title}》${heading ? `· ${heading}` : ''}`,
}
