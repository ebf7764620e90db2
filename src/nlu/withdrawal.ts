// Taking a help request back, told apart from thanks and news of the help under way. A withdrawal closes her case and
// tells the staff who hold it to stop, so a thanks read as one ("社工给我打过电话了 谢谢你们") cut her off from help
// already booked. Three readings, on normalised text (Traditional and Cantonese converted: 唔使 → 不用):
//   explicit      she takes it back in so many words ("不用了", "算了 不需要了", "取消吧", "我自己解决了", "不想找了")
//   maybe         words that may say the trouble is over, or only that she is fine for now ("我们和好了", "没事了",
//                 "已经解决了"): she is asked once, nothing is closed on them alone
//   acknowledges  thanks, an acknowledgement, news of the help under way ("打过电话了", "已经联系我了", "收到",
//                 "好的 等你们电话", "约了周五见面"): never a withdrawal
// Pure.

/** Taking the request back in so many words. */
const EXPLICIT = new RegExp(
  [
    '不(?:需要|用)(?:你们|社工|工作人员)?(?:再)?(?:帮忙|帮|管|处理|联系|跟进|跟|弄)(?:了|啦)?',
    '不用了', '不需要了', '不用啦', '不要了', '撤了', '撤回', '撤销', '收回', '取消(?:吧|求助|申请|掉)', '(?:求助|申请)(?:取消|不要)',
    '别联系', '别再联系', '不要再联系', '别往上报', '当没听见', '当我没说', '不想转了', '反悔', '不作数',
    '别让.{0,8}(?:找|联系)我', '(?:别|不要)(?:再)?(?:来)?找我了', '别来了', '不用管', '别管了', '不用帮',
    // "我自己解决了", not "我自己解决不了".
    '自己(?:能)?(?:解决|搞定|处理)(?!不)',
    '不想(?:再)?(?:找|弄|转|求助|提这事|麻烦)了', '不(?:想|打算)追究', '不麻烦(?:你们|您|大家)了',
    '(?:申请|求助|记录|那个).{0,6}(?:删掉|删了|销掉)|(?:删掉|销掉).{0,4}(?:申请|求助)',
  ].join('|'),
  'u',
)

/** Words that may mean the trouble is over, or only that she is fine now: asked about, never acted on alone. */
const MAYBE = /谈好了|说开了|和好了|没事了|已经(?:解决|搞定|处理好)|不麻烦|不想把事情闹大|^算了[吧啊呀]?$/u

/**
 * Thanks, an acknowledgement, or news of the help under way: a call made, a meeting booked, a call awaited
 * ("社工给我打过电话了", "小王已经联系我了", "约了周五见面", "好的 等你们电话").
 */
const ACKNOWLEDGES = new RegExp(
  [
    '谢谢', '感谢', '多谢', '辛苦', '收到', '好的', '知道了', '明白了?', '^嗯+', '^(?:好|行|ok)[啦了哈呀啊!！。~～\\s]*$',
    '(?:打|来)过电话', '打了电话', '(?:给|跟|和)我(?:打|通)(?:了|过)?(?:个)?电话', '电话(?:打过|通过|来过)了', '接到(?:了)?(?:她|他|社工|工作人员|你们)?的?电话',
    '(?:联系|找|约|见|看)(?:过|了)?(?:我|我们)了', '联系上了', '约了', '约好了', '见(?:过|了)?面', '来过了', '聊过了', '谈过了', '上门了',
    '等(?:你们|她|他|社工|工作人员|小王)?的?(?:电话|消息|联系|回复)',
  ].join('|'),
  'iu',
)

export type Withdrawal = 'explicit' | 'maybe'

/** Keeping it, said with the words of taking it back. */
const KEEP = /(?:不|别|不要|不用|不想)(?:再)?(?:撤|取消|收回)/u

/** Whether (and how plainly) a message to the bot takes her request back. */
export function withdrawalIn(t: string): Withdrawal | undefined {
  // "不撤回", "别取消": the opposite.
  if (KEEP.test(t)) return undefined
  if (EXPLICIT.test(t)) return 'explicit'
  if (MAYBE.test(t)) return 'maybe'
  return undefined
}

/** Someone who may be the one she is afraid of: "他又来找我了" is no news of the help under way. */
const HIM = /他|老公|丈夫|男人|前夫|对象|男朋友|婆婆|公公/u

/** Thanks or news of the help under way, with nothing that takes the request back and no one else in it. */
export function acknowledges(t: string): boolean {
  return ACKNOWLEDGES.test(t) && withdrawalIn(t) === undefined && !HIM.test(t)
}

/**
 * Only thanks or "收到" (nothing staff would want to read): "谢谢你们", "好的 收到", "辛苦了🙏". What says more
 * ("打过电话了", "约了周五见面") is news for the case.
 */
export function onlyThanks(t: string): boolean {
  return /^(?:(?:谢谢|谢了|感谢|多谢|收到|好的?|行|嗯+|ok|知道了|明白了?|辛苦(?:了)?|麻烦(?:你们|您)?了|等(?:你们|她|社工|工作人员)?的?(?:电话|消息|联系|回复))(?:你们|您|大家|啦|了|哈|呀|啊|喔|哦|晒)*[\s,，。.!！~～、]*|\p{Extended_Pictographic}\s*)+$/iu.test(t.trim())
}
