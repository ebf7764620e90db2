// Who a sign-up is for: the sender, named people, family members, and how many places in all.
import { NUM, numberOf } from './text.ts'

/** Family words, longest first so 外孙女 wins over 孙女 and 妈妈 over 妈. */
export const RELATIVE_WORDS = [
  '外孙女', '外孙子', '前婆婆', '孩子他爸', '孩子爸爸', '孩子爸', '娃他爸', '娃爸', '大姑姐', '老太太', '老头子', '老伴儿', '老妈子', '老爷子', '小姑子', '小叔子', '大姑子', '大伯子', '老丈人', '丈母娘', '表姐', '表妹', '表嫂', '堂姐', '堂妹', '妯娌', '姨妈', '姑妈', '舅舅', '大嫂', '二嫂', '娘家妈', '儿媳妇', '外甥女', '婆婆', '公公', '妈妈', '母亲', '老妈', '爸爸', '父亲', '老爸', '奶奶', '爷爷', '外婆', '外公', '姥姥', '姥爷',
  '孩子', '小孩', '宝宝', '女儿', '闺女', '儿子', '老公', '丈夫', '爱人', '老伴', '媳妇', '儿媳', '女婿', '孙子', '孙女', '外孙', '侄女', '侄子', '外甥', '姐姐', '妹妹', '哥哥', '弟弟',
  '嫂子', '弟媳', '姑姑', '婶婶', '小姨', '大姨', '舅妈', '亲家母', '家人', '老人', '大宝', '二宝', '小宝', '囡囡', '阿妈', '阿爸', '阿嬷', '家婆', '家姐', '老娘', '姆妈', '幺儿', '对象', '娃', '妮儿', '丫头', '姨', '妈', '爸', '妹', '姐',
]
const CANONICAL: Record<string, string> = { 娘家妈: '妈' }
// A relative is someone's: 我/我家/我的 before it, or listed after 和/跟/带/、/+.
// A mark may be followed by whose she is: "还有她儿子", "王芳和她婆婆".
const REL_RE = new RegExp(`(?:(?:我|俺|阿拉)(?:家|的|娘家)?|[和跟与、,，+带陪及帮给替把加报]|\\+\\s+|还有|再|带着|带上)(?:我|俺|她|他)?(?:家)?(?:的)?(?:(${NUM})个?)?(?:大(?=孙|闺女|儿子|女儿|外孙))?(${RELATIVE_WORDS.join('|')})`, 'gu')

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

/**
 * Characters that follow a name rather than end one: verbs, particles, conjunctions, numbers and 各 ("张丽各报一个",
 * "张丽取消", "陈静让我").
 */
const NAME_THEN = /[让报也都说的去来吧哈呀同和跟两三一个那各取不要想在就还给帮请先刚又已们俩仨是]/u

/** Names of people other than the sender in a short clause ("帮陈静报一个", "还有我楼下的李奶奶"). */
export function namesIn(clause: string, opts: { exclude?: string[] } = {}): string[] {
  const out: string[] = []
  const add = (n: string) => {
    // 孙女, 孙子: family words that begin with a surname.
    if (RELATIVE_WORDS.some((r) => n.startsWith(r))) return
    if (!NOT_NAMES.test(n) && !(opts.exclude ?? []).includes(n) && !out.includes(n)) out.push(n)
  }
  // After a conjunction or a list mark, or standing alone between spaces ("王芳 张丽 我 三个人").
  // After a conjunction, a list mark, 把, or what she is called ("她叫…", "名字写…"); or standing alone between spaces.
  const re = new RegExp(`(?<=^|[帮给替和跟与同、,，:：+还有楼下的邻居同事朋友把叫]|隔壁|对门|楼上|闺蜜|同学|让|姐妹|老乡|亲戚|名字写|名字是)(${NAME})|(?<= )(${NAME})(?= |[、，,和]|$|也|都|让我|一[个位](?![\u4e00-\u9fa5]))`, 'gu')
  for (const m of clause.matchAll(re)) {
    let n = m[1] ?? m[2]!
    const end = m.index + m[0].length
    // "小王在不在": asked about, not signed up.
    if (/^(?:在不在|在吗|是谁)/u.test(clause.slice(end))) continue
    // "下周插花", "这周日": a week, not a person called 周.
    if (n.startsWith('周') && /[下上这本每两几]$/u.test(clause.slice(0, m.index))) continue
    // "王芳陈静和我": two names written together; the third character begins the second.
    // Not "周桂兰就行": the second would be one character and a verb.
    if (n.length === 3 && SURNAMES.includes(n[2]!) && /^[\u4e00-\u9fa5]/u.test(clause.slice(end)) && !/^[和跟与同、报也都说的去来吧哈呀]/u.test(clause.slice(end)) && !NAME_THEN.test(clause[end]!)) {
      add(n.slice(0, 2))
      const next = new RegExp(`^${NAME}`, 'u').exec(clause.slice(end - 1))
      if (next) add(next[0].length === 3 && NAME_THEN.test(next[0][2]!) ? next[0].slice(0, 2) : next[0])
      continue
    }
    // 陈静让我 → 陈静; a three-character match that ends in a verb, a conjunction or a number is two characters long.
    if (n.length === 3 && NAME_THEN.test(n[2]!)) n = n.slice(0, 2)
    // "李姐下周的插花我要报名": the one she speaks to, opening the message, while she signs herself up.
    const rest = clause.slice(m.index + m[0].indexOf(n) + n.length)
    if (m.index === 0 && !/^[和跟与同、+也都俩仨两]/u.test(rest) && /(?:我|俺)(?:也|要|想|就)?(?:要|想)?(?:报|去|参加)|算我/u.test(rest)) continue
    add(n)
  }
  // "我女儿的同学小雨": a friend called by a pet name after who she is.
  for (const m of clause.matchAll(/(?:同学|邻居|朋友|同事|闺蜜)(小[\u4e00-\u9fa5])(?=[也都报去来，,\s]|$)/gu)) add(m[1]!)
  // Pet names (小芳, 阿梅) where a person stands: after 和/还有/、/叫 or opening the message, before a verb or a mark.
  for (const m of clause.matchAll(new RegExp(`(?<=^|[和跟与同、，,\\s叫让把帮给替]|还有|闺蜜|朋友|同事|邻居|同学)(${PET})(?=[也都报去来和跟、，,\\s仨俩两三让说的不那还]|$)`, 'gu'))) add(m[1]!)
  // "她叫豆豆": a doubled pet name given for someone already said.
  for (const m of clause.matchAll(/叫((\p{Script=Han})\2)(?![\u4e00-\u9fa5])/gu)) add(m[1]!)
  // "她在群里叫“小雅”": the name she goes by, in quotes.
  for (const m of clause.matchAll(/叫[“"「]([^”"」\s]{1,6})[”"」]/gu)) add(m[1]!)
  return out
}

/** A pet name: 小 or 阿 and one character, not a word that begins the same way (小区, 小时, 阿姨, 阿拉). */
const PET = '(?:小(?![孩宝区组时学课伙礼板助姑叔姨舅吃朋店卖票事家心说儿])|阿(?![姨拉妈爸婆公嫂伯叔哥姐弟妹们]))[\\u4e00-\\u9fa5]'

export function isName(s: string): boolean {
  const m = NAME_RE.exec(s)
  return !!m && m.index === 0 && m[0].length === s.length && !NOT_NAMES.test(s)
}

/** Marks that put a family word or a name among the people signed up: 和/跟/带/+/、, 帮/给/替/把, 还有, 再, 算上, 带上. */
const COMPANION_MARK = /(?:[和跟与、+及帮给替把]|还有|再(?:加)?|带着?|(?:算|加|报|带|叫|喊|捎)上)$/u
/**
 * What a family word said bare or as "mine" does when she comes along: goes, comes, signs up, joins in, or stands alone
 * in a list ("我妈也去", "我闺女想报", "我婆婆她也想去", "我女儿，…"); not "我老公不让我出门", "住我妈家", "我女儿特别冷淡".
 */
const TAKES_PART = /^(?:[她他]|们)?(?:这周|周[六日末]|那天|到时候|明天|后天)?(?:[也都还就又]|一起|说)*(?:想|要|会|能|得)?(?:过?[去来报]|参加|一起|跟着|陪|算|加|俩|仨|两个|三个|[和跟与、+]|不(?:去|来|参加)|没法|没空|取消|的(?:名|也|那|[，,。\s]|$)|带(?:着)?(?:他|她|孩子|娃)?(?:一起)?(?:来|去))|^(?:一个|一位)(?=[，,。！!；;\s]|$)|^(?:[她他])?(?:也|都|还)(?:想|要)(?=[，,。！!；;\s]|$)|^(?:[，,。！!；;\s]|$)/u
/** 带 for raising a child, not bringing one along: "一个人带娃", "带孩子带疯了", "带孩子住我妈家". */
const RAISING_AFTER = /^(?:带|住|过|长大|很累|太累|辛苦|累|上学|上班|做饭)/u
const RAISING_BEFORE = /(?:一个人|自己|独自|单独|天天|每天)$/u
/** A clause asking whether she may bring someone ("周日能带娃一起不") signs no one up. */
const MAY_I = /(?:能|可以|可不可以|能不能|行不行).*(?:吗|么|不|没|？|\?)$|(?:能不能|可不可以|可以不)/u
/** A clause in which someone is signed up, asked a place for, or put down. */
const SIGNS_UP = /报|算|加|留|占|登记|接龙|记上|写上|一个|一份|名额|位置|也要|也去|也来|一起|参加/u

/** Family words for a child. */
const CHILD_WORDS = '外孙女|外孙子|外孙|孩子|小孩|宝宝|儿子|女儿|闺女|孙子|孙女|囡囡|大宝|二宝|小宝|娃'
const CHILD = new RegExp(`^(?:${CHILD_WORDS})$`, 'u')
const GENERAL_CHILD = /^(?:孩子|小孩|娃)$/u
/** One item of a list written with spaces or 、: 我, a family word ("俩孩子", "还有两个娃", "娃奶奶" is the child's grandmother). */
const LIST_ITEM = new RegExp(`^(?:(?:我|俺|本人)(?:和|跟|加)?)?(?:还有|和|跟)?(?:我|俺)?(?:家|的)?(?:(${NUM})个?)?(?:(?:孩子|娃)(?:的)?(?=奶奶|爷爷|外婆|外公|姥姥|姥爷))?(${RELATIVE_WORDS.join('|')})?$`, 'u')

const clauseAround = (t: string, at: number, len: number): { before: string; after: string } => {
  const sep = /[，,。！!？?；;\n]/u
  let s = at
  while (s > 0 && !sep.test(t[s - 1]!)) s--
  let e = at + len
  while (e < t.length && !sep.test(t[e]!)) e++
  return { before: t.slice(s, at), after: t.slice(at + len, e) }
}

/** Whether the family word matched at `m` is one of the people signed up, not one talked about. */
function comesAlong(t: string, m: RegExpMatchArray): boolean {
  const whole = m[0]
  const word = m[2]!
  const head = whole.slice(0, whole.length - word.length).replace(new RegExp(`(?:${NUM})?个?$`, 'u'), '')
  const after = t.slice(m.index! + whole.length)
  const before = t.slice(0, m.index!)
  const clause = clauseAround(t, m.index!, whole.length)
  // "王芳和她婆婆", "还有她儿子": whose she is, after a conjunction only ("，她妈妈加班" is talked about).
  if (/[她他]/u.test(head) && !/^(?:[和跟与、+及带]|还有)/u.test(head)) return false
  // "跟老公闹得厉害", "跟婆婆天天拌嘴": the one she is at odds with, not one who comes along.
  if (/^[跟和与]/u.test(head) && QUARREL.test(after)) return false
  // "我女儿的同学小雨": the family word only says whose friend she is.
  if (/^的(?:同学|朋友|同事|老师|邻居|闺蜜)/u.test(after)) return false
  // "一个人带娃", "带孩子带疯了": raising a child.
  // "我一个人带俩娃" with a number: those children are brought along.
  if (/^带/u.test(head) && (RAISING_AFTER.test(after) || (RAISING_BEFORE.test(before) && !m[1] && !/^(?:一起)?(?:去|来|参加)/u.test(after)))) return false
  // "能带娃一起不": asks whether she may, signs no one up.
  if (/^带/u.test(head) && MAY_I.test(clause.before + whole + clause.after)) return false
  // "帮我妈看看", "给我女儿买的": 帮/给 mark a sign-up only when the clause signs someone up.
  if (/^[帮给替]/u.test(head) && !SIGNS_UP.test(clause.after)) return false
  // A list mark or a conjunction makes her a companion; "我老公", "，孩子" only when she is the one who goes.
  if (/^[和跟与、+及带陪把加报]|^还有|^再/u.test(head) || /^[帮给替]/u.test(head)) return true
  if (COMPANION_MARK.test(before)) return true
  // "我妈不会弄微信，帮她报个…": the one she then signs up as 她.
  if (/^[，,]?(?:我|俺)(?:家|的)?$/u.test(head) && FOR_HER.test(after)) return true
  return TAKES_PART.test(after)
}

/** Signing up someone already said, as 她/他: "帮她报上", "给他也报一个". */
const FOR_HER = /[帮给替](?:她|他)(?:也)?(?:报|登记|加|算|留|占)/u

/** Whether a name at `at` is only the one the message is addressed to ("李姐 我报插花", "李姐帮我报个…"). */
function addressed(t: string, name: string): boolean {
  const s = t.replace(/^(?:小助手|那个|哎|喂)[\s，,]*/u, '')
  if (!s.startsWith(name)) return false
  const rest = s.slice(name.length)
  return (/^[\s，,:：]+/u.test(rest) && !new RegExp(`^[\\s，,:：]+(?:${NAME}|我(?:[、，,\\s]|$)|[和跟])`, 'u').test(rest)) || /^(?:帮我|给我|你|麻烦|请)/u.test(rest)
}

/** The people of a sign-up message (not a pasted list). */
export function peopleIn(said: string): People {
  // 俺 is 我 in the north: "帮俺报上" signs the sender up as "帮我报上" does. 帮帮忙 / 求帮 ask a favour of whoever
  // reads, not for someone else ("帮帮忙～给我报个插花"); Cantonese 我同… is 我和….
  // "带我小孙女一起", "我家大闺女": 小 / 大 before a family word says which one, not who.
  const t = said.replace(/(?<=[我带和跟与、+]|我家|我的)[小大](?=孙女|孙子|外孙|女儿|儿子|闺女|孩子|宝宝|姑娘)/gu, '').replace(/俺/gu, '我').replace(/帮帮忙|帮个忙|帮下忙|帮忙(?=报|给|把|登记|接龙|[～~，,\s]|$)|求帮(?=报)|帮帮(?=我)/gu, '').replace(/我同(?![事学乡志伴桌屋龄班])(?=我|[^\s，,。]{1,4}(?:报|去|两个|一齐|一起|$))/gu, '我和')
  const relatives: string[] = []
  // Places per family word: "我和两个孩子 … 孩子都…" is two, not three.
  const places = new Map<string, number>()
  const take = (word: string, n: number) => {
    // "她儿子 … 带孩子来": a general word for a child, once a particular child is there, is that child.
    if (GENERAL_CHILD.test(word) && !relatives.includes(word) && relatives.some((r) => CHILD.test(r) && !GENERAL_CHILD.test(r))) return
    if (!relatives.includes(word)) relatives.push(word)
    places.set(word, Math.max(places.get(word) ?? 0, n))
  }
  // "我和老公孩子": family words written one after another, the mark given once.
  const WORD_AT = new RegExp(`^(?:${RELATIVE_WORDS.join('|')})`, 'u')
  for (const m of t.matchAll(REL_RE)) {
    if (!comesAlong(t, m)) continue
    take(CANONICAL[m[2]!] ?? m[2]!, m[1] ? (numberOf(m[1]) ?? 1) : 1)
    let at = m.index + m[0].length
    for (let w = WORD_AT.exec(t.slice(at)); w; at += w[0].length, w = WORD_AT.exec(t.slice(at))) take(CANONICAL[w[0]] ?? w[0], 1)
  }
  // "我 老公 公公 婆婆 四个人", "我 娃 娃奶奶", "我和婆婆 小姑子": people written one after another, 我 among them.
  const items = t.split(/[\s、+，,！!。]+/u)
  for (let i = 0; i < items.length; i++) {
    let j = i
    while (j < items.length && LIST_ITEM.test(items[j]!)) j++
    const run = items.slice(i, j)
    if (run.length >= 2 && run.some((x) => /^(?:我|俺|本人)/u.test(x)) && run.some((x) => !/^(?:我|俺|本人)$/u.test(x))) {
      for (const x of run) {
        const w = LIST_ITEM.exec(x)!
        if (w[2]) take(CANONICAL[w[2]] ?? w[2], w[1] ? (numberOf(w[1]) ?? 1) : 1)
      }
    }
    i = Math.max(i, j)
  }
  // "俩孩子加我", "两个娃和我": the family word first, then the sender.
  for (const m of t.matchAll(new RegExp(`(?:^|[\\s，,])(?:(${NUM})个?)?(${RELATIVE_WORDS.join('|')})(?:加上?|和|跟|\\+)(?:我|俺)(?![家的])`, 'gu'))) take(CANONICAL[m[2]!] ?? m[2]!, m[1] ? (numberOf(m[1]) ?? 1) : 1)
  // "+3 我老伴孩子和我", "+2 老伴孙子": family words run together (no 和 between them) before "和我", or all that
  // follows a +N.
  const RUN = `(?:${RELATIVE_WORDS.join('|')}){2,}`
  const runs = [
    ...t.matchAll(new RegExp(`(?:^|[\\s，,])(?:我|俺)?(${RUN})(?:加上?|和|跟|\\+)(?:我|俺)(?![家的])`, 'gu')),
    ...t.matchAll(new RegExp(`^\\+\\s*\\d+\\s*(?:我|俺)?(${RUN})$`, 'gu')),
  ]
  for (const m of runs) {
    let at = 0
    for (let w = WORD_AT.exec(m[1]!); w; at += w[0].length, w = WORD_AT.exec(m[1]!.slice(at))) take(CANONICAL[w[0]] ?? w[0], 1)
  }
  // "一个大人两个孩子": the children counted beside the grown-up.
  const grown = new RegExp(`(?:${NUM})个?大人[，,\\s]*(${NUM})个(孩子|小孩|娃)`, 'u').exec(t)
  if (grown) take(grown[2]!, numberOf(grown[1]!) ?? 1)
  // "大人一个小孩两个": the same, each followed by how many.
  const grownAfter = new RegExp(`大人\\s*(?:${NUM})\\s*个?[，,\\s]*(孩子|小孩|娃)\\s*(${NUM})\\s*个`, 'u').exec(t)
  if (!grown && grownAfter) take(grownAfter[1]!, numberOf(grownAfter[2]!) ?? 1)
  // "闺女说想去插花", "小宝想去亲子阅读", "阿拉囡囡要去", "婆婆让我帮她报": a family member named bare as the one who goes.
  const subject = new RegExp(`^(?:小助手\\s*)?(?:我|俺|阿拉)?(?:家|的)?(${RELATIVE_WORDS.join('|')})(?:也|说|都|还)*(?:想|要|报|去|[让叫托]我(?:帮|给|替)(?:她|他))`, 'u').exec(t)
  if (relatives.length === 0 && subject) take(CANONICAL[subject[1]!] ?? subject[1]!, 1)
  // "+娃", "带娃", "娃一起": a child with no possessive.
  if (relatives.length === 0) {
    for (const m of t.matchAll(/(?:带|\+|和)(孩子|娃|小孩|孙子|孙女)|(孩子|娃)一起/gu)) {
      const whole = m[0]
      const before = t.slice(0, m.index)
      const after = t.slice(m.index + whole.length)
      const clause = clauseAround(t, m.index, whole.length)
      if (/^带/u.test(whole) && (RAISING_AFTER.test(after) || (RAISING_BEFORE.test(before) && !/^(?:一起)?(?:去|来|参加)/u.test(after)))) continue
      if (/^带|一起$/u.test(whole) && MAY_I.test(clause.before + whole + clause.after)) continue
      take(m[1] ?? m[2]!, 1)
      break
    }
  }
  // "孩子…这次他奶奶带他来": the child's family member brings the child; both come.
  // "孩子奶奶带去": the child named as whose she is goes too.
  for (const m of t.matchAll(new RegExp(`(他|她|孩子|娃)(?:的)?(${RELATIVE_WORDS.join('|')})(?:也|会|就)?(?:带|陪)(?:着)?(他|她|孩子|娃)?(?:一起)?(?:来|去|参加)`, 'gu'))) {
    const whose = m[1]!
    const child = /^[他她]$/u.test(m[3] ?? '') ? new RegExp(`(${CHILD_WORDS})(?!他|的)`, 'u').exec(t.slice(0, m.index))?.[1] : /^(?:孩子|娃)$/u.test(whose) ? whose : undefined
    if (child && !relatives.some((r) => CHILD.test(r))) take(child, 1)
    take(CANONICAL[m[2]!] ?? m[2]!, 1)
  }
  const relCount = [...places.values()].reduce((a, b) => a + b, 0)
  const forOthers = /(?:帮|给|替)(?!我(?:和|跟|、))((?:我(?:家|的)?)?(?:邻居|同事|朋友|楼下的|楼上的|娘家)?)/u.exec(t)
  const bare = t.replace(/小助手/gu, '')
  // A name only counts where she is signed up: not the one addressed, nor "帮帮李姐收拾场地".
  const names = namesIn(bare).filter((n) => {
    if (addressed(bare, n)) return false
    const at = [...bare.matchAll(new RegExp(n, 'gu'))]
    // "李姐说这周六有剪纸 我先报个名": the one who told her, not one she signs up.
    if (at.every((m) => /^(?:说|讲|通知|讲的|说的|说了|发|发了|发的)/u.test(bare.slice(m.index + n.length)))) return false
    return at.some((m) => {
      const c = clauseAround(bare, m.index, n.length)
      return !/[帮给替]$/u.test(c.before) || SIGNS_UP.test(c.after)
    })
  })
  // "她叫小慧", "名字写周桂兰就行": the name of someone already said, no place of her own.
  const aliases = names.filter((n) => new RegExp(`(?:叫|名字写|名字是)[“"「]?${n}`, 'u').test(bare)).length
  // The sender goes unless the sign-up is only for others ("帮我婆婆报", "给张大妈报一个", "侬帮伊报一个").
  const othersOnly = /^(?:小助手\s*)?(?:我想|我要|[^我俺，,。\s]{1,6}?)?(?:也)?(?:帮|给|替)(?!我(?![家的]|[妈爸婆公老孩女儿闺娃孙外姐妹弟哥嫂同邻朋阿姨对奶爷姥舅姑叔婶表堂侄]))/u.test(t) || /[让托叫请]我帮(?:她|他)(?!们?也)/u.test(t) || /(?:你|侬)帮(?:她|他|伊)报/u.test(t) || /(?:再|在)(?:给|帮)我(?:加|添|多报)(?:一个|个|一位|一份)/u.test(t) || /我(?:是)?代报|我是(?:替|帮|给)|代(?:她|他)们?报|(?:她|他)们让我(?:帮(?:她|他)们?)?报/u.test(t) || /(?:想|要)(?:帮|给)(?:我)?(?:娘家)?[妈爸婆公]/u.test(t) || /(?:^|[^表])代(?!表|替我)[^，,。\s报]{0,8}报/u.test(t)
  const selfSaid = /大人\s*(?:一个|一位|1个?)|(?:一个|一位)大人|(?:^|[，,\s。])(?:我|俺)(?:也|和|跟|、|要|想|报|去|参加|一个|自己|\s|$)|算我|算上我|加上我|^报|我们|我\+|\+\d|^\d|报(?:个|一个)?(?:名)?$|[帮给替]我报|帮我和|给我和|我跟|我和|[:：]我[、,，]|(?<![让叫帮给替])我(?:也)?(?:去|报|参加)(?![不了过])|[帮给替]我(?:也)?(?:加|记|留|占|算|登记)|(?<![让叫帮给替])我(?:也)?要(?:一个|个|一份|名额|报|去|参加)|(?:^|[，,\s。])我(?:也)?带/u.test(t)
  // Said outright: "我就不去了" (only the others go), "我陪着去", "我带我孙子去" (she goes too).
  const selfOut = t.split(/[，,。！!；;\s]/u).some((c) => /我(?:自己)?(?:就|也)?(?:不去|不参加|不来|不用算|不算)|不(?:用)?算我|^我(?:那天|当天|周[六日末]|那会儿?)?(?:要|得)?(?:上班|加班|值班)(?:去不了|来不了|没空)?$|^我(?:那天|当天|周[六日末])?(?:去不了|来不了)/u.test(c) && !/要是|如果|万一|的话/u.test(c))
  // "帮我婆婆也报上 我自己也去": she goes too, said of herself.
  const selfIn = new RegExp(`我自己(?:也|就|还)?(?:去|来|参加|报)(?![不了过])|我(?:也|就)?(?:陪|跟|带)着?(?:上)?(?:我(?:家|的)?)?(?:${NUM}个)?(?:她|他|她们|他们|${RELATIVE_WORDS.join('|')})?(?:一起)?去|我(?:也|就)?陪同|我(?:也|就)?陪着`, 'u').test(t)
  // The family member is the subject and she says nothing of herself: only they go.
  const onlyThem = !!subject && !selfSaid
  // "我婆婆想学插花，帮她报上": the sender signs up the one she spoke of, not herself.
  const forHerOnly = FOR_HER.test(t) && relatives.length > 0 && !selfSaid
  const self = !selfOut && (selfIn || (!othersOnly && !onlyThem && !forHerOnly && (selfSaid || (relatives.length === 0 && names.length === 0) || !forOthers)))
  // Friends and neighbours brought along are places too, though not family: "再加一个我闺蜜", "我邻居+1".
  const friends = [...t.matchAll(new RegExp(`(?:我|再加一个我?|带(?:上|个|一个)?我?)(?:的)?(?:闺蜜|邻居|同事|朋友|同学)(?![的家]|${NAME}|小|阿)`, 'gu'))].length
  let count = (self ? 1 : 0) + relCount + names.length - aliases + friends
  const explicit = explicitCount(t)
  // "算我一个，再带上我妈": 一个 is her own place, not the total; "给我和张丽各报一个": one each.
  if (explicit !== undefined && !(explicit === 1 && count > 1)) count = explicit
  // In the order they were written.
  relatives.sort((a, b) => t.indexOf(a) - t.indexOf(b))
  return { self, relatives, names, count: Math.max(count, 1) }
}

/** Words of a quarrel after a family member ("跟老公闹得厉害", "和婆婆吵架"). */
const QUARREL = /^(?:最近|正在|在|天天|整天|总是?|老是?|经常|一直|又|常常?|都|有点)*(?:闹|吵|拌嘴|斗嘴|打架|离婚|分居|分开|生气|怄气|置气|冷战|关系|矛盾|过不下去|处不来|合不来|不和|不对付)/u

/** "+3", "仨人", "两个人", "2人", "一位", "帮她俩". */
export function explicitCount(t: string): number | undefined {
  // "一共仨", "共2位", "可以就给我们报仨": the total said outright.
  const total = new RegExp(`(?:一共|总共|共|合计)\\s*(${NUM})\\s*(?:个人|个|人|位)?|报(俩|仨)(?![\\u4e00-\\u9fa5])`, 'u').exec(t)
  if (total) return numberOf(total[1] ?? total[2]!)
  // "陈静+2": the one named and two more.
  const named = new RegExp(`${NAME}\\s*\\+\\s*(\\d)(?!\\d)`, 'u').exec(t)
  if (named && !RELATIVE_WORDS.some((r) => named[0].startsWith(r))) return Number(named[1]) + 1
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
  // Not "一个七岁一个四岁": each child's age.
  const m = new RegExp(`(${NUM})\\s*(?:个人|个|人|位|口人)(?!\\s*(?:${NUM}|\\d+)\\s*岁)(?![^\\s，,。]*(?:孩子|娃|小孩))`, 'u').exec(t)
  if (m && !/(?:限|名额|还差|第)\s*$/u.test(t.slice(0, m.index))) return numberOf(m[1]!)
  // "我们家仨都去", "咱家俩一起": the household counted.
  const household = /(?:我们家|咱们家|咱家|我家|俺家|我们|咱们)(俩|仨)(?=都|一起|一块|去|来|报|参加|[，,。\s]|$)/u.exec(t)
  if (household) return household[1] === '俩' ? 2 : 3
  if (/她俩|他俩|我俩|我们俩/u.test(t)) return /我俩|我们俩/u.test(t) ? 2 : undefined
  return undefined
}
