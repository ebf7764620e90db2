// What a host adds to her notice in a message of its own, after the first part ("限10组家庭", "不收费，大家带一本
// 绘本来", "周五前报名"): the details a notice carries besides its time and place. Pure.
//
// Why it matters: while her draft waits for 确认 such a line belongs to that draft. Several of them open with 不
// (不收费, 不用带东西, 不限人数), which the bare answer 「不」 also opens with; a detail is never a refusal.
import { bare } from './text.ts'
import { capacityIn } from './values.ts'

export type NoticeDetail = 'capacity' | 'count_rule' | 'fee' | 'bring' | 'deadline'

/** "不限人数", "名额不限": no limit on places (the draft's capacity is taken off, announce.ts mergeDetails). */
export const NO_LIMIT = /不限(?:人数|名额|人)|(?:名额|人数)不限/u

const DETAILS: [NoticeDetail, RegExp][] = [
  ['capacity', /不限(?:人数|名额|人)|(?:名额|人数)(?:不限|有限)|限(?:额)?\s*(?:\d+|[一二两三四五六七八九十]{1,3})\s*(?:组|个|户|名|位|人|家)/u],
  // "一个大人带一个孩子算一组", "孩子不另占名额", "按家庭算", "每人一个名额".
  ['count_rule', /按(?:家庭|户|家|人)(?:算|报|计)|算一(?:组|家|户|个名额)|一家(?:只)?算一个|不另(?:外)?占|孩子(?:不|也)(?:算|占)|每人一个名额|大人带.{0,3}孩子/u],
  ['fee', /收费|免费|不要钱|不花钱|材料费|费用|报名费|门票|自费|AA|交钱|\d+\s*(?:元|块)|[一二两三四五六七八九十百]+块钱?/u],
  // (Not "一个大人带一个孩子": who comes, not what they bring.)
  ['bring', /自带|自备|请带|带上|需带|要带|记得带|都带|各带|(?:大家|每人|每家|家长)带|带(?![一两二三俩]?个?(?:孩子|娃|小孩|宝宝|家属))(?:一|个|本|把|件|份|张|支|些)|不用带|无需带|不需要?带|不必带|准备(?:好|一)|穿(?:上|好)|(?:大家|每人)准备/u],
  ['deadline', /截止|(?:之|以)?前报(?:个)?名|报名到|接龙到|前接龙/u],
]

/** The notice details a message states, in the order above; none for a message that states none. */
export function noticeDetails(t: string): NoticeDetail[] {
  const said = DETAILS.filter(([, re]) => re.test(t)).map(([d]) => d)
  if (!said.includes('capacity') && capacityIn(t) !== undefined) said.unshift('capacity')
  return said
}

/** Particles and punctuation an answer may end with ("不发了哈～"). */
const TRAILING = /[\s，,。.!！~～哈啊呀哦嘛呢]+$/u
/** A refusal that is the whole answer: 「不」「不发了」「算了」「不用发了」「取消」. */
const REFUSAL = /^(?:不|不了|不行|别|否|no|不要|不要了|不用|不用了|不发|不发了|不用发|不用发了|不要发了?|别发了?|先别发了?|先不发了?|算了|算了吧|取消|取消吧|不确认|先不用了?)$/iu
export const refusesOutright = (t: string): boolean => REFUSAL.test(bare(t).replace(TRAILING, ''))

/** A line that adds details to her notice ("不收费，大家带一本绘本来", "限10组家庭"), not a refusal of it. */
export const addsToNotice = (t: string): boolean => !refusesOutright(t) && noticeDetails(t).length > 0
