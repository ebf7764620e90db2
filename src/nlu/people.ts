// Who a sign-up is for: the sender, named people, family members, and how many places in all.
import { NUM, numberOf } from './text.ts'

/** Family words, longest first so 外孙女 wins over 孙女 and 妈妈 over 妈. */
export const RELATIVE_WORDS = [
  '外孙女', '外孙子', '老妈子', '老爷子', '小姑子', '小叔子', '孩子他爸', '娘家妈', '儿媳妇', '外甥女', '婆婆', '公公', '妈妈', '母亲', '老妈', '爸爸', '父亲', '老爸', '奶奶', '爷爷', '外婆', '外公', '姥姥', '姥爷',
  '孩子', '小孩', '宝宝', '女儿', '闺女', '儿子', '老公', '丈夫', '爱人', '老伴', '媳妇', '儿媳', '女婿', '孙子', '孙女', '外孙', '侄女', '侄子', '外甥', '姐姐', '妹妹', '哥哥', '弟弟',
  '嫂子', '弟媳', '姑姑', '婶婶', '小姨', '大姨', '舅妈', '亲家母', '家人', '老人', '大宝', '二宝', '小宝', '囡囡', '阿妈', '阿爸', '娃', '妈', '爸', '妹', '姐',
]
const CANONICAL: Record<string, string> = { 娘家妈: '妈', 孩子他爸: '老公' }
// A relative is someone's: 我/我家/我的 before it, or listed after 和/跟/带/、/+.
const REL_RE = new RegExp(`(?:(?:我|俺)(?:家|的|娘家)?|[和跟与、,，+带及帮给替]|还有|再|带着)(?:我|俺)?(?:家)?(?:的)?(?:(${NUM})个?)?(${RELATIVE_WORDS.join('|')})`, 'gu')

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢骆岳齐梅'
const HONORIFIC = '奶奶|大妈|阿姨|大姐|姐|婶|嫂|姨|老师|大爷|爷爷'
/** A person's name as people write it in a group: 陈静, 张大妈, 小刘, 周姐, 李奶奶. */
export const NAME = `(?:[${SURNAMES}](?:${HONORIFIC})|[${SURNAMES}][\\u4e00-\\u9fa5](?:${HONORIFIC})|小[${SURNAMES}]|[${SURNAMES}][\\u4e00-\\u9fa5]{1,2})`
const NAME_RE = new RegExp(NAME, 'u')

export interface People {
  self: boolean
  relatives: string[]
  names: string[]
  count: number
}

/** Words that look like names but are not people here. */
const NOT_NAMES = /^(?:谢谢|周[一二三四五六日天末]|周六的|周日的|高兴|安全|方便|马上|刘海|文化|白天|金额|江湖|常常|万一|任何|段时间|程度|黄金|明天|时间|陆续|余下|于是|向来|林林)/u

/** Names of people other than the sender in a short clause ("帮陈静报一个", "还有我楼下的李奶奶"). */
export function namesIn(clause: string, opts: { exclude?: string[] } = {}): string[] {
  const out: string[] = []
  const add = (n: string) => {
    // 孙女, 孙子: family words that begin with a surname.
    if (RELATIVE_WORDS.some((r) => n.startsWith(r))) return
    if (!NOT_NAMES.test(n) && !(opts.exclude ?? []).includes(n) && !out.includes(n)) out.push(n)
  }
  // After a conjunction or a list mark, or standing alone between spaces ("王芳 张丽 我 三个人").
  const re = new RegExp(`(?<=^|[帮给替和跟与同、,，:：还有楼下的邻居同事朋友]|隔壁|闺蜜|同学|让)(${NAME})|(?<= )(${NAME})(?= |[、，,和]|$)`, 'gu')
  for (const m of clause.matchAll(re)) {
    let n = m[1] ?? m[2]!
    const end = m.index + m[0].length
    // "小王在不在": asked about, not signed up.
    if (/^(?:在不在|在吗|是谁)/u.test(clause.slice(end))) continue
    // "王芳陈静和我": two names written together; the third character begins the second.
    if (n.length === 3 && SURNAMES.includes(n[2]!) && /^[\u4e00-\u9fa5]/u.test(clause.slice(end)) && !/^[和跟与同、报也都说的去来吧哈呀]/u.test(clause.slice(end))) {
      add(n.slice(0, 2))
      const next = new RegExp(`^${NAME}`, 'u').exec(clause.slice(end - 1))
      if (next) add(next[0].length === 3 && /[让报也都说的去来吧哈呀和同两三一个]$/u.test(next[0]) ? next[0].slice(0, 2) : next[0])
      continue
    }
    // 陈静让我 → 陈静; a three-character match that ends in a verb, a conjunction or a number is two characters long.
    if (n.length === 3 && /[让报也都说的去来吧哈呀同和两三一个那]$/u.test(n)) n = n.slice(0, 2)
    add(n)
  }
  // "我女儿的同学小雨": a friend called by a pet name after who she is.
  for (const m of clause.matchAll(/(?:同学|邻居|朋友|同事|闺蜜)(小[\u4e00-\u9fa5])(?=[也都报去来，,\s]|$)/gu)) add(m[1]!)
  return out
}

export function isName(s: string): boolean {
  const m = NAME_RE.exec(s)
  return !!m && m.index === 0 && m[0].length === s.length && !NOT_NAMES.test(s)
}

/** The people of a sign-up message (not a pasted list). */
export function peopleIn(t: string): People {
  const relatives: string[] = []
  let relCount = 0
  for (const m of t.matchAll(REL_RE)) {
    // "跟老公闹得厉害": the one she is at odds with, not one who comes along.
    const after = t.slice(m.index + m[0].length)
    if (/^[跟和与]/u.test(m[0]) && QUARREL.test(after)) continue
    // "我女儿的同学小雨": the family word only says whose friend she is.
    if (/^的(?:同学|朋友|同事|老师|邻居|闺蜜)/u.test(after)) continue
    const word = CANONICAL[m[2]!] ?? m[2]!
    if (!relatives.includes(word)) relatives.push(word)
    relCount += m[1] ? (numberOf(m[1]) ?? 1) : 1
  }
  // "我和老公孩子": family words written one after another, the mark given once.
  const WORD_AT = new RegExp(`^(?:${RELATIVE_WORDS.join('|')})`, 'u')
  for (const m of t.matchAll(REL_RE)) {
    let at = m.index + m[0].length
    for (let w = WORD_AT.exec(t.slice(at)); w; at += w[0].length, w = WORD_AT.exec(t.slice(at))) {
      const word = CANONICAL[w[0]] ?? w[0]
      if (!relatives.includes(word)) {
        relatives.push(word)
        relCount++
      }
    }
  }
  // "闺女说想去插花", "小宝想去亲子阅读": a family member named bare as the one who wants to go.
  const subject = new RegExp(`^(?:小助手\\s*)?(?:我|俺)?(?:家|的)?(${RELATIVE_WORDS.join('|')})(?:也|说|都|还)*(?:想|要|报|去)`, 'u').exec(t)
  if (relatives.length === 0 && subject) {
    relatives.push(CANONICAL[subject[1]!] ?? subject[1]!)
    relCount++
  }
  // "+娃", "带娃", "娃一起": a child with no possessive.
  if (relatives.length === 0) {
    const bareChild = /(?:带|\+|和)(孩子|娃|小孩|孙子|孙女)|(孩子|娃)一起/u.exec(t)
    if (bareChild) {
      relatives.push(bareChild[1] ?? bareChild[2]!)
      relCount++
    }
  }
  const forOthers = /(?:帮|给|替)(?!我(?:和|跟|、))((?:我(?:家|的)?)?(?:邻居|同事|朋友|楼下的|楼上的|娘家)?)/u.exec(t)
  const names = namesIn(t.replace(/小助手/gu, ''))
  // The sender goes unless the sign-up is only for others ("帮我婆婆报", "给张大妈报一个").
  const othersOnly = /^(?:小助手\s*)?(?:我想|我要|[^我俺，,。\s]{1,6}?)?(?:也)?(?:帮|给|替)(?!我(?![家的]|[妈爸婆公老孩女儿闺娃孙外姐妹弟哥嫂同邻朋]))/u.test(t) || /[让托叫请]我帮(?:她|他)/u.test(t) || /(?:想|要)(?:帮|给)(?:我)?(?:娘家)?[妈爸婆公]/u.test(t)
  const selfSaid = /(?:^|[，,\s。])(?:我|俺)(?:也|和|跟|、|要|想|报|去|参加|一个|自己|\s|$)|算我|加我|^报|我们|我\+|\+\d|^\d|报(?:个|一个)?(?:名)?$|帮我报|帮我和|给我和|我跟|我和|[:：]我[、,，]/u.test(t)
  // Said outright: "我就不去了" (only the others go), "我陪着去" (she goes too).
  const selfOut = t.split(/[，,。！!；;\s]/u).some((c) => /我(?:就|自己)?(?:不去|不参加|不来)/u.test(c) && !/要是|如果|万一|的话/u.test(c))
  const selfIn = /我(?:也|就)?(?:陪|跟|带)着?(?:她|他|她们|他们|孩子|娃)?(?:一起)?去/u.test(t)
  // The family member is the subject and she says nothing of herself: only they go.
  const onlyThem = !!subject && !selfSaid
  const self = !selfOut && (selfIn || (!othersOnly && !onlyThem && (selfSaid || (relatives.length === 0 && names.length === 0) || !forOthers)))
  // Friends and neighbours brought along are places too, though not family: "再加一个我闺蜜", "我邻居+1".
  const friends = [...t.matchAll(new RegExp(`(?:我|再加一个我?|带上我?)(?:的)?(?:闺蜜|邻居|同事|朋友|同学)(?![的家]|${NAME}|小)`, 'gu'))].length
  let count = (self ? 1 : 0) + relCount + names.length + friends
  const explicit = explicitCount(t)
  // "算我一个，再带上我妈": 一个 is her own place, not the total.
  if (explicit !== undefined && !(explicit === 1 && count > 1)) count = explicit
  return { self, relatives, names, count: Math.max(count, 1) }
}

/** Words of a quarrel after a family member ("跟老公闹得厉害", "和婆婆吵架"). */
const QUARREL = /^(?:闹|吵|打架|离婚|生气|冷战|关系|矛盾|过不下去|处不来)/u

/** "+3", "仨人", "两个人", "2人", "一位", "帮她俩". */
export function explicitCount(t: string): number | undefined {
  // "+1 +1", "我+1 我邻居+1": one place each.
  const plus = [...t.matchAll(/\+\s*(\d)(?!\d)/gu)]
  if (plus.length > 1 && plus.every((p) => p[1] === '1')) return plus.length
  if (plus.length) return Number(plus[0]![1])
  const family = new RegExp(`一家(${NUM})口`, 'u').exec(t)
  if (family) return numberOf(family[1]!)
  // "我们娘仨", "母女俩": a family counted by its bond.
  const bond = /(?:娘|母女|母子|父女|父子|祖孙|婆孙|爷孙|姐妹|姊妹|婆媳)(俩|仨|两个|三个|四个)/u.exec(t)
  if (bond) return { 俩: 2, 仨: 3, 两个: 2, 三个: 3, 四个: 4 }[bond[1]!]
  // "一大一小", "两大一小", "一老一小": grown-ups and children counted apart.
  const ages = /([一两二三])[大老]([一两二三])小/u.exec(t) ?? new RegExp(`大人\\s*(${NUM})\\s*个?[，,\\s]*(?:小孩|孩子|娃)\\s*(${NUM})\\s*个?`, 'u').exec(t)
  if (ages) return numberOf(ages[1]!)! + numberOf(ages[2]!)!
  const m = new RegExp(`(${NUM})\\s*(?:个人|个|人|位|口人)(?![^\\s，,。]*(?:孩子|娃|小孩))`, 'u').exec(t)
  if (m && !/(?:限|名额|还差|第)\s*$/u.test(t.slice(0, m.index))) return numberOf(m[1]!)
  if (/她俩|他俩|我俩|我们俩/u.test(t)) return /我俩|我们俩/u.test(t) ? 2 : undefined
  return undefined
}
