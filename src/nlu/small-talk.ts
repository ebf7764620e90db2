// What is said to the bot only to reach it or to close an exchange: nothing asked of the documents, nothing to act on.
// Pure; read on the normal form (Simplified, Cantonese as Mandarin), whole messages only: "在吗…有个事憋心里好久了"
// opens a disclosure, and is none of these.
import { bare } from './text.ts'

/** "在吗", "在不在", "有人吗", "小助手在吗？", "你还在吗": whether anyone is there, and nothing else. */
const PRESENCE =
  /^(?:小助手|助手|机器人|你|您)?(?:好|你好|您好)?(?:小助手|你|您)?(?:还|现在)?(?:在吗|在么|在嘛|在不在|在没|在没有|在不|在线吗|在度吗|在不在度|在这吗|有人吗|有人在吗|有没有人|有人没|有人没有|人呢|有人不)(?:呀|啊|哈|呢|哇)?$/u

/** Asks only whether the bot is there ("在吗"): answered that it is, not searched for in the documents. */
export const isPresenceCheck = (t: string): boolean => PRESENCE.test(bare(t))

/**
 * "好的", "收到", "晓得了", "知道了", "明白", "嗯嗯", "OK", "👌": she has read what was said, and asks or thanks for nothing
 * ("好的 谢谢" thanks, and is answered as thanks).
 */
const ACKNOWLEDGEMENT =
  /^(?:好|好的|好滴|好嘞|好哒|好吧|行|行吧|嗯|嗯嗯|哦|噢|喔|哦哦|ok|okay|收到|晓得了|晓得|知道了|知道啦|知道|明白|明白了|了解|懂了|中|得嘞|没问题)+(?:啦|了|呀|哈|啊|哦)?$/iu
const THUMBS = /^[\s👌👍🆗🙏]+$/u

/** Only acknowledges what was said ("好的", "收到", "晓得了"): an exchange closed, nothing to answer. */
export const isAcknowledgement = (t: string): boolean => ACKNOWLEDGEMENT.test(bare(t)) || (THUMBS.test(t) && /\S/u.test(t))

/** Laughter, an acknowledgement or an exclamation said before or after the praise ("哈哈好的 你真厉害", "哇 太棒了吧"). */
const AROUND_PRAISE = /^(?:哈+|呵+|嘿+|哇+|哇塞|嗯+|哦+|好的?|好滴|好嘞|行|收到|ok|okay)+|(?:哈+|呵+|嘿+)+$/iu
/**
 * "你真厉害", "小助手太棒了", "好聪明啊", "真给力", "点赞": praise of the bot, and nothing else. Whole messages only: "他脾气可
 * 厉害了" tells something, and is none.
 */
const PRAISE =
  /^(?:你|您|小助手|助手|机器人|这个机器人)?(?:也|可|还)?(?:真的?|太|好|很|挺|蛮|超|特别|相当|非常)?(?:厉害|棒|聪明|能干|给力|靠谱|牛|牛逼|优秀|强|好用|贴心|专业|智能)(?:了|呀|啊|哦|哈|啦|吧|呢|的|哇)*$|^(?:给你|给小助手)?点(?:个)?赞$|^(?:666+|nb|yyds)$/iu

/** Only praises the bot ("你真厉害", "哈哈好的 你真厉害"): answered with a short thanks, never searched for in the documents. */
export const isPraise = (t: string): boolean => PRAISE.test(bare(t).replace(AROUND_PRAISE, ''))
