// A question about what an organisation did, asked as a figure ("老舅妈工作站成功调解了几起", "镇妇联这五年帮多少个辍学
// 的女娃回学校了"): a question for the documents, never her own situation. Its verbs (调解, 帮, 接待) are also the words a
// request for help is made of, so the help reader heard "成功调解了几起" as a family dispute of her own and told the group
// "家里的事可以私下慢慢说" under a question about a report. Pure; read on the normal form (Simplified).
import { tellsOwnSituation } from './help-rules.ts'
import { DISTRESS } from './need.ts'

/**
 * A figure asked for: 多少, or 几 with a measure word closing the question ("几起", "有几个", "调解成了几起纠纷啊"). Not
 * 多少 as "somewhat" ("多少有点难受"), nor 几 as "several" inside a story ("孩子几天没上学了").
 */
const AMOUNT = /多少(?!有点|有些|也|会|还)|几(?:起|宗|件|例|次|回|场|期|个|家|户|对|名|位|人|所|支|批|项|年|万)[^，,。！!？?\s]{0,8}(?:[？?]|[啊呀呢哇吗]?$)/u

/**
 * Whose work the figure is of: an organisation, a place that runs one, a report, or a piece of work told as done
 * (受理了, 成功调解, 帮了, 发放). Without one, a figure may be part of her own story with the subject dropped ("欠了三
 * 个月工资 能要回多少", "去年离婚了 抚养费一共能要多少"), which stays hers.
 */
const WORK =
  /工作站|妇联|妇女之家|儿童之家|微家|县里|区里|镇上|镇里|[县区镇市省](?:妇联|政府|里|上)|街道|社区|村里|居委|中心|协会|基金|报告|资料|文件|计划|受理|成功调解|调解(?:成功|成了|了)|接待了|帮(?:助|扶|着)?了|救助了|慰问了|发放|发了|放贷|放出去|举办|开展|办了|建成|建立了|创建|成立了|普查|培训了|受益|覆盖/u

/**
 * Someone's trouble in it, whoever's: people of her story (他, 她, 老公, 婆婆, 家里), harm done to someone (被打, 被骗),
 * or help asked for. Then the figure is part of a request ("他打了几次了 能帮我调解不") and the help reader decides.
 */
const TROUBLE =
  /(?<!其)他(?!们)|她(?!们)|老公|丈夫|男人|爱人|前夫|对象|男朋友|婆婆|公公|老伴|婆家|娘家|孩子他爸|孩子爸|家里|两口子|被.{0,6}(?:打|揍|踢|踹|掐|骂|欺负|骗|赶|锁|关|辞|裁|开除|拖欠|家暴)|帮(?:我|俺|忙|帮|一下)|能不能帮|可不可以帮|求|救|找人|想找|想请|怎么办|咋办|咋整|该怎么/u

/**
 * A figure about an organisation's work, asked with no trouble told beside it ("老舅妈工作站成功调解了几起", "县里去年一共
 * 放出去多少创业贷款"): the documents answer it. Her own words ("我老公天天跟我吵架，能不能帮我调解一下"), anyone's trouble
 * ("家里闹矛盾想找人调解") or a figure in her story ("欠了三个月工资 能要回多少") are never one.
 */
export function asksWorkFigure(t: string): boolean {
  return AMOUNT.test(t) && WORK.test(t) && !TROUBLE.test(t) && !DISTRESS.test(t) && !tellsOwnSituation(t)
}
