// User-facing text of the foundation. Capabilities keep their own text beside their code.
import type { Role } from './message.ts'

export const ROLE_NAMES: Record<Role, string> = { resident: '居民', host: '微家主人', staff: '工作人员' }

export const texts = {
  internalError: (ref: string) => `抱歉，我这边出了点小问题，请稍后再试。（编号 ${ref}）`,
  floodDigest: (n: number) => `大家消息有点多，我把这${n}条回复合在一起：`,
  floodDigestMore: (n: number) => `……还有${n}条，都已记下，稍后可再@我确认。`,
  storageBusy: '系统繁忙，稍后再试。如遇危险请直接拨打110。',
  backOnline: (minutes: number) => `【微家助手】刚才掉线约${minutes}分钟，现已恢复。这段时间的群消息可能没有处理，如有求助请留意。`,
  mediaHint: '我暂时看不了语音、图片和视频，麻烦打字告诉我，我马上帮您。',
  forbidden: (allowed: Role[], hint?: string) => `这个指令只有${allowed.map((r) => ROLE_NAMES[r]).join('或')}可以用哦。${hint ?? '如需帮忙，可以@群里的微家主人。'}`,
  defaultWelcome: (name: string, bot: string) =>
    `欢迎加入${name}！我是${bot}，可以帮您：\n1. 解答政策和服务问题，@${bot} 直接问就行；\n2. 活动报名：看到活动通知回复「报名」；\n3. 需要帮助可以私聊我，我会转给工作人员，保护您的隐私。\n遇到紧急情况请先拨打110。`,
}
