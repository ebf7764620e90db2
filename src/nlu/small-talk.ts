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
