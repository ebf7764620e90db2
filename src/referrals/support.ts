// How a help request is met first, by what it is about. A pure reading of the category and the words.
import type { Category } from './categories.ts'
import { referralTexts as T, type SupportKind } from './texts.ts'

// Her own legal matter: a child-support, divorce or property question is met with where free legal help is.
const LEGAL = /抚养费|赡养费|离婚|判决|起诉|打官司|官司|律师|法院|财产|彩礼|探视权|抚养权|监护权|继承|遗产|欠薪|工资.{0,4}不给|拖欠/u

/** Someone hurting her: then it is not her fault, whatever the category. */
// Not 打电话 / 打个电话 / 打热线 / 打针 / 打工: "有没有能打电话说说话的热线" tells of no one hurting her; nor
// "心情不好想找人说说 打啥电话" (which number to call).
const HURT = /打(?!(?:啥|哪个|哪|什么|几号|这个|那个)?(?:电话|热线|号码)|个电话|针|工|听|算|扫|车|游戏|麻将|牌|卡)|骂|推|掐|踢|家暴|动手|威胁|欺负|控制|逼|虐/u

export function supportKind(category: Category, text: string): SupportKind | undefined {
  if (category === '心理支持' && !HURT.test(text)) return 'heart'
  if (category === '家庭暴力' || category === '心理支持') return 'abuse'
  if (category === '法律维权') return 'legal'
  if (category === '婚姻家庭纠纷') return LEGAL.test(text) ? 'legal' : 'family'
  return undefined
}

export const GROUP_SUPPORT: Record<SupportKind, string> = { abuse: T.groupDisclosure, family: T.groupFamily, legal: T.groupLegal, heart: T.groupHeart }
export const PRIVATE_SUPPORT: Record<SupportKind, string> = { abuse: T.privateSupport, family: T.privateFamily, legal: T.privateLegal, heart: T.privateHeart }
