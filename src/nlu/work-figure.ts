// A question about what an organisation did, asked as a figure ("老舅妈工作站成功调解了几起", "镇妇联这五年帮多少个辍学
// 的女娃回学校了") or as what it does about a topic ("妇联在反家暴这块都做了啥"), or asked to prepare publicity or a talk
// ("我们楼里宣传栏要出一期反家暴的内容…"): a question for the documents, never her own situation. Its words (调解, 帮,
// 接待, 家暴) are also the words a request for help is made of, so the help reader heard "成功调解了几起" as a family
// dispute of her own, and a volunteer's 宣传栏 question as her own abuse: the group read "这不是您的错…我已私信您" under
// it. Pure; read on the normal form (Simplified).
import { readDanger } from './danger.ts'
import { disclosesHarm, tellsOwnSituation } from './help-rules.ts'
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

/** Harm done to the speaker, said outright ("打我", "骂了我"): hers, whatever else the message asks. */
const HARMED_ME = /(?:打|揍|踢|踹|掐|骂|欺负|威胁|吓唬|骗)(?:了)?(?:我|俺)(?!们)/u

/** Who does the work asked about: an organisation or a place that runs one (not a person of her story). */
const ORGANISATION = /妇联|妇女之家|儿童之家|微家|工作站|政府|街道|社区|居委|村委|协会|中心|基金会|法院|派出所|公安|[县区镇市省]里|你们/u

/**
 * What it does or did, asked: "都做了啥", "做了哪些工作", "有哪些工作", "开展了什么", "有什么举措", "搞过哪些活动".
 */
const WORK_ASKED =
  /(?:做|干|搞|开展|举办|组织|推出|出台|采取|实施|落实|建立|有)(?:了|过)?(?:些|哪些|什么|啥|些啥|些什么|那些)(?:工作|事|事情|活动|措施|举措|服务|项目|行动|机制|努力)?|(?:工作|措施|举措|成绩|成效)(?:有|是)(?:哪些|什么|啥)/u

/**
 * Preparing something for others to read or hear: a 宣传栏, 板报 or 展板, an issue of one ("出一期"), a talk's content
 * ("讲座内容", "给姐妹们讲讲"), an article. The topic is what it is about, not her life.
 */
const PREPARING =
  /宣传栏|宣传窗|宣传板|板报|黑板报|展板|海报|宣传单|宣传册|宣传资料|宣传材料|(?:出|做|办|搞)(?:一|这|下)期|讲座(?:的)?(?:内容|材料|素材|稿)|讲课|备课|宣讲|(?:给|跟|和|为)(?:大家|姐妹们|居民|群众|妇女们|她们)(?:讲讲|讲一讲|讲|介绍|科普|宣传)|写(?:篇|个|一篇)?(?:稿|稿子|文章|推文)|公众号/u

/** Asked, not told: a question word or mark. */
const ASKED = /[？?]|啥|什么|哪些|哪个|哪|多少|几|吗|么|呢|有没有|能不能|怎么|如何|是不是/u

/**
 * A figure about an organisation's work, asked with no trouble told beside it ("老舅妈工作站成功调解了几起", "县里去年一共
 * 放出去多少创业贷款"): the documents answer it. Her own words ("我老公天天跟我吵架，能不能帮我调解一下"), anyone's trouble
 * ("家里闹矛盾想找人调解") or a figure in her story ("欠了三个月工资 能要回多少") are never one.
 */
export function asksWorkFigure(t: string): boolean {
  return AMOUNT.test(t) && WORK.test(t) && !TROUBLE.test(t) && !DISTRESS.test(t) && !tellsOwnSituation(t)
}

/**
 * A question about an organisation's work, or asked to prepare publicity or a talk, with no trouble of anyone's told
 * beside it: a figure ("老舅妈工作站成功调解了几起"), what it does or did about a topic ("妇联在反家暴这块都做了啥"), or content
 * for others ("我们楼里宣传栏要出一期反家暴的内容，妇联在反家暴这块都做了啥", a host's "下周我要给姐妹们讲讲巾帼创业，先核对个
 * 数…"). Never a disclosure: "我老公家暴我 妇联能做啥", "被打了怎么办" and "他打我" tell a trouble, which the help reader
 * hears. Her "我" is allowed only while she prepares something for others (她要讲、要出一期): that is who she is there.
 */
export function asksAboutWork(t: string): boolean {
  // Danger or harm done to her, told in any clause, is never set aside for the question beside it.
  if (readDanger(t) || disclosesHarm(t)) return false
  if (asksWorkFigure(t)) return true
  if (TROUBLE.test(t) || DISTRESS.test(t) || HARMED_ME.test(t)) return false
  if (PREPARING.test(t) && ASKED.test(t)) return true
  return ORGANISATION.test(t) && WORK_ASKED.test(t) && !tellsOwnSituation(t)
}
