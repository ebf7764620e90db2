// "微家在哪儿啊 俺不认路", "俺们这微家是谁管事的": where this group's 微家 is and who runs it, from its config (place,
// hosts, staff), not a documents' passage about 微家 in general (a tester got "资料里没有找到" to both). Pure: the
// route's predicates and the replies.
import { normalize } from '../nlu/text.ts'

/** The group she is in, as hers ("我们这个微家", "俺们这微家", "咱微家", "本微家"). */
const OURS = /(?:我们|咱们|咱|俺们|俺|本|这个|这)(?:这个|这|的)?(?:妇女)?微家/u
/**
 * 微家 said with nothing before it that names another ("东海渔嫂微家", "示范微家", "五型妇女微家"): the start of the
 * message, a space or punctuation, or an opening word.
 */
const BARE = /(?:^|[\s，,。？?！!、]|那个|那|请问|问下|问一下)(?:妇女)?微家/u
/** General talk about 微家 ("微家一般都开在啥地方", "微家可以建在哪", "建微家要在哪申请"): the documents' business. */
const GENERAL = /一般|通常|都(?:开|建|设)|可以|能不能|能(?:开|建|设)|要求|条件|申请|建(?:在|家|微家)|开在|设在哪(?:些|类)|哪些|有哪|什么样/u

/** Where: "在哪", "在哪儿", "地址", "怎么走", "咋去", "什么地方". */
const WHERE = /在哪|哪儿|哪里|地址|怎么走|咋走|怎么去|咋去|什么地方|啥地方|位置|不认路|找不着|找不到/u
/** Who runs it: "谁管事", "谁负责", "主人是谁", "谁是主人", "谁当家", "找谁". */
const WHO = /谁(?:管|负责|在管|当家|主事|张罗|组织|是(?:主人|负责人|管事的))|(?:主人|负责人|管事的|当家的|群主)(?:是)?(?:谁|哪位|哪个)/u

function ours(t: string): boolean {
  return OURS.test(t) || (BARE.test(t) && !GENERAL.test(t))
}

/**
 * Asked with nothing named, in the 微家's own group: "谁管事的" (a tester got silence), or where it is with how far or how
 * to get there ("俺腿脚不好 在哪儿啊 远不远"). Every clause is the ask itself or her own situation (俺/我…): a place or
 * an activity named anywhere ("公园在哪儿 远不远", "讲座在哪") is something else's.
 */
/** Particles closing a short spoken ask ("在哪儿啊", "远不远呀"). */
const TAIL = '(?:啊|呀|呢|哇|嘞|哈)*'
const BARE_WHO = new RegExp(`^(?:那|请问|问下|问一下|俺们?这|咱们?这|这)?(?:是)?谁(?:管事|负责|在管|当家|主事)(?:的|儿)?${TAIL}[？?。！!～~]*$`, 'u')
const ASK_WHERE = new RegExp(`^(?:那|请问|问下|问一下)?(?:在)?(?:哪儿|哪里|哪)${TAIL}$`, 'u')
const HOW_FAR = new RegExp(`^(?:远不远|近不近|远吗|近吗|好找(?:吗|不)|怎么走|咋走|怎么去|咋去)${TAIL}$`, 'u')
const HERSELF = /^(?:俺|我)(?!们)[^，,。？?！!\s]{0,8}$/u
function bareWhere(t: string): boolean {
  const clauses = t.split(/[\s，,。？?！!～~]+/u).filter(Boolean)
  return clauses.some((c) => ASK_WHERE.test(c)) && clauses.some((c) => HOW_FAR.test(c)) && clauses.every((c) => ASK_WHERE.test(c) || HOW_FAR.test(c) || HERSELF.test(c))
}

/** Where something held there is ("微家的讲座在哪", "在微家哪里报名"): the activity's notice answers that. */
const HELD = /报名|活动|讲座|课|培训|聚会|接待|宴会/u

/** The message asks where this group's 微家 is. */
export function asksOwnPlace(text: string): boolean {
  const t = normalize(text)
  return (ours(t) && WHERE.test(t) && !WHO.test(t) && !HELD.test(t)) || bareWhere(t)
}

/** The message asks who runs this group's 微家. */
export function asksOwnHost(text: string): boolean {
  const t = normalize(text)
  return (ours(t) && WHO.test(t)) || BARE_WHO.test(t.trim())
}

/** A config entry that is a WeChat id ("wxid_…", an "@" id) is not a name to say in the group. */
const isId = (ref: string) => /^wxid_|@|^[a-z0-9_-]{12,}$/iu.test(ref)
const named = (refs: readonly string[]) => refs.filter((r) => !isId(r))

export const groupFactTexts = {
  place: (place: string) => `咱们微家在${place}，欢迎来坐坐。`,
  placeUnset: '咱们微家的地点还没有登记在我这里，可以问问微家主人，或者私聊我转给工作人员。',
  hosts: (hosts: readonly string[], staff: readonly string[]) => {
    const h = named(hosts)
    const s = named(staff).filter((x) => !h.includes(x))
    const who = h.length ? `咱们微家的主人是${h.join('、')}` : '咱们微家有微家主人'
    return `${who}${s.length ? `，对接的工作人员是${s.join('、')}` : ''}。有事可以在群里找她们，不方便说的可以私聊我，我转给工作人员。`
  },
}
