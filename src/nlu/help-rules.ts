// The rule-based classifier: always available, synchronous, and the safety net under the LLM.
// It decides three things: is this a request for help (versus a question that only mentions a topic,
// versus neither), which category, and is it an emergency (danger to life or safety, self-harm).
// Where the phrasing is ambiguous it leans towards safety: a false emergency costs a hotline reminder,
// a missed one can cost far more.
import { toSimplified } from '../core/zh/script.ts'
import { CRY_HEARD, dangerTakenBack, FEAR_OF, HYPERBOLE, literalText, notAReport, ownDangerBeside, readDanger, violenceIsOver } from './danger.ts'

// The help categories and urgency levels staff work with; the labels are what staff and residents see.
export const CATEGORIES = ['法律维权', '家庭暴力', '婚姻家庭纠纷', '心理支持', '就业创业', '困难帮扶', '健康（两癌筛查等）', '儿童与家庭教育', '其他'] as const
export type Category = (typeof CATEGORIES)[number]

export const URGENCIES = ['紧急', '一般'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Traditional → Simplified, full-width → half-width, lower case, no spaces. */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '')
}

export interface Classification {
  /** help: a person asks for help for themselves (or someone close); topic: a question about a help topic. */
  kind: 'help' | 'topic' | 'none'
  category: Category
  urgency: Urgency
  /** A medical emergency: the first reply includes 120. */
  medical: boolean
  /** Self-harm signals: the first reply includes the psychological crisis line. */
  selfHarm: boolean
  /** Clear enough to act on in a group even when the bot was not mentioned. */
  clear: boolean
  /** Which rules fired (rule names only, never the text): for tests and debug logs. */
  signals: string[]
}

// ---- emergencies ----

const SELF_HARM =
  /不想活(?!动)|活不下去|活不成了|活着(没|没有|还有)(什么|啥)?意思|想死(?!你|您|大家|他们|她们|我们|了你)|想去死|寻死|自杀|轻生|想不开|了结自己|结束(自己的?)?生命|一了百了|不如死了|死了算了|死了就好了|死了(也)?好|跳楼|跳河|跳江|割腕|上吊|喝(了)?农药|(吞|吃)了?(一?整?瓶|一把|好多|很多|一堆)的?(药|安眠药)|安眠药/

const DANGER: [string, RegExp][] = [
  ['weapon', /(拿|持|举|提|抄|掏|握)(着|了|起|出|起了)?(菜)?(刀|斧头|斧子|棍子|棒子|铁棍|剪刀|枪|锤子)|刀架|动刀|(砍|捅|(?<!挑|鱼|扎|讽|带)刺)(我|人|了我|伤)/],
  ['kill-threat', /(杀|弄死|打死|掐死|整死|砍死|捅死|勒死)(了)?(我|你|人|孩子|我们|全家)|要(了)?我(的)?命|要杀(?!了?(它|鸡|鱼|猪|羊|鸭|价|毒|虫|蟑螂))|威胁.{0,8}(杀|死|命)|扬言/],
  ['strangle', /掐(住)?(我)?(的)?脖子|勒(住)?(我)?(的)?脖子|捂(住)?(我)?(的)?(嘴|鼻)/],
  ['ongoing', /(正在|还在|又在|现在在)(打|砸|追|砍|踢|揍)|(又|刚|刚才|刚刚|正在|还在)(动手)?(打|揍|踢|踹)(了)?(我|俺)(?!电话|手机)|(正在|在)?砸(门|东西|家)|踹门|打(得|的)我(浑身|满身|满脸|头|站不|起不|流血|出血|鼻青)/],
  // "不让我出门" alone is control (a help request); with a lock or a barred door it is confinement.
  ['confined', /(把我|把俺|被)(关|锁|反锁)(在|起来|了)|(?<!让|(?:怕|担心|不知道|会不会|万一|说不定).{0,6})不让我(走|报警|打电话)|(锁|关|堵|拦)着?(门)?.{0,6}不让我(出门|出去)|不让我(出门|出去).{0,6}(锁|关|堵|拦)/],
  ['stalked', /(堵|守)在(我)?(家)?门口|跟踪我|在我家门外/],
  ['thrown-out', /(赶|撵|轰)出(了)?(家门|家|门)|无家可归|流落街头/],
  ['sexual-violence', /强奸|性侵|强暴|猥亵/],
  ['cry', /救命|救救我|快来人|快报警|帮我报警|帮忙报警/],
  // A parent taking the child in a separation is a custody matter, not an abduction.
  ['child-missing', /(?<!(爸爸|孩子爸|孩子他爸|他爸|老公|前夫|婆婆|奶奶|爷爷|公公|姥姥|婆家|夫家|公婆|他家|他们|就)(要|想|非要|硬要|说要|非得)?把?)孩子(被|让)?(拐|抱走|带走|拐走)|(孩子|儿子|女儿|娃)(不见了|丢了|失踪|找不到了)/],
]

/** Danger signals that a story long past does not make an emergency now. */
const VIOLENT = new Set(['weapon', 'kill-threat', 'strangle', 'ongoing', 'confined', 'stalked'])

/** Acute medical danger: an emergency on its own. */
const MEDICAL_ACUTE = /昏迷|晕倒|晕过去|不省人事|喘不(上|过)气|呼吸困难|中毒|喝(了)?农药|(吞|吃)了?(一?整?瓶|一把|好多|很多|一堆)的?(药|安眠药)|大出血|流了(很多|好多|一地)?血|抽搐|救护车|(?<!紧)急救(?!助)|割腕/
/** Injury words: they add 120 to an emergency, but alone are not one ("上个月受了工伤"). */
const MEDICAL_SOFT = /流血|出血|是血|身血|脸血|受伤|伤得|骨折|烫伤|烧伤|摔(倒|伤)|头破|站不起来/

// ---- categories, in priority order (the first that matches wins; safety first) ----

// Not "有事打我" / "打我家座机": a phone call.
const HIT_ME = '(?<!有事|随时|直接|请|可以|记得|就)(打|揍|踢|踹|扇|掐|推|拽|薅|咬|烫|虐待|吓唬|威胁|恐吓|控制|打骂)(了)?(我|俺|老婆|媳妇|妻子|孩子)(?!家?(电话|手机|微信|视频|座机)|的电话|的手机)'

const CATEGORY_RULES: [Category, RegExp][] = [
  [
    '家庭暴力',
    new RegExp(
      `家暴|家庭暴力|保护令|${HIT_ME}|挨打|挨揍|被(他|她|我)?的?(老公|丈夫|男人|前夫|婆婆|公公|家里人|爸|妈)?(打|揍|踢|踹|扇|掐|虐待|家暴)|砸(门|东西|家)|动手打|打人|施暴|鼻青脸肿|耳光|(赶|撵|轰)出(了)?(家门|家|门)|不让我(出门|回家|见孩子|工作|上班|报警)|冷暴力|精神控制|经济控制|不给(我)?钱(花|用)|喝(了)?酒(就|后)(打|骂|发疯|动手)|拿刀|动刀|刀架|(把我|被)(关|锁)(在|起来)`,
    ),
  ],
  ['婚姻家庭纠纷', /离婚|婚姻|出轨|外遇|小三|外面有人|第三者|分居|吵架|吵得|闹矛盾|家庭矛盾|夫妻矛盾|冷战|婆媳|婆婆|公公|妯娌|彩礼|嫁妆|抚养权|分财产|财产分割|夫妻|两口子|感情(不和|破裂|不好)|过不下去|没法过了|不回家|重婚|家庭纠纷/],
  ['法律维权', /法律|律师|法援|打官司|起诉|上诉|诉讼|仲裁|法院|维权|立案|被骗|诈骗|骗了我|骗走|欠(我)?.{0,6}(工资|钱)|工资不给|不发工资|拖欠|讨薪|不给(我)?(发)?工资|工伤|赔偿|合同|遗产|继承|抚养费|赡养费|性骚扰|骚扰|性侵|强奸|强暴|猥亵|侵权|拆迁|征地|宅基地|房产证|产权|劳动纠纷/],
  ['儿童与家庭教育', /家庭教育|亲子|叛逆|厌学|逃学|不上学|不想上学|辍学|沉迷(手机|游戏|网络)|网瘾|玩手机|打游戏|早恋|青春期|被欺负|霸凌|欺凌|留守儿童|托管|辅导作业|写作业|成绩|不听话|管不了|育儿|带娃|自闭|多动|(孩子|小孩|儿子|女儿|娃)(不见了|丢了|失踪|找不到了|被拐)/],
  ['就业创业', /就业|失业|下岗|找工作|找个工作|找份工作|找不到工作|没(有)?工作|丢了工作|工作没了|被辞退|被开除|被裁|裁员|再就业|创业|开店|开个店|摆摊|小生意|担保贷款|创业贷款|贴息|技能培训|职业培训|招聘|求职|上岗|灵活就业|打工|找活|没活干|兼职|手工活|家政/],
  ['困难帮扶', /困难|低保|特困|救助|补助|帮扶|慰问|没钱|缺钱|交不起|付不起|看不起病|吃不上饭|揭不开锅|生活费|日子(难|苦|过不下去)|房租|欠债|欠了(很多|好多)?钱|单亲|残疾|大病|重病|住院费|医药费|学费|无家可归|没地方住|流落/],
  ['健康（两癌筛查等）', /两癌|筛查|宫颈|乳腺|乳房|肿块|hpv|妇科|体检|癌|肿瘤|看病|生病|病了|孕检|产检|怀孕|更年期/],
  ['心理支持', /心理|抑郁|焦虑|失眠|睡不着|压力(好|很|太|特别|非常)?大|崩溃|想哭|天天哭|一直哭|哭了一(晚|夜|天)|心里(难受|堵|苦|憋|不舒服|发慌|不好受)|心情(不好|很差|低落|糟|差)|情绪|难受|孤独|没人(说话|倾诉|理我|管我)|撑不住|扛不住|快疯了|要疯了|好累|太累了|活得(好|太|很)?累|想不通|心累|自卑|恐慌|害怕/],
]

// ---- who is speaking, and is it a question ----

const QUESTION_LEAD = /(我|俺)?(想|要)?(问一下|问问|问下|请问|咨询一下|了解一下|打听一下|想知道|想了解)/g

const PERSONAL = new RegExp(
  [
    '(我|俺|本人|自己)的?(老公|丈夫|男人|爱人|对象|男朋友|男友|前夫|老婆|媳妇|婆婆|公公|家里|家人|孩子|儿子|女儿|闺女|小孩|娃|妈|爸|父母|老板|单位|公司|邻居|房东|朋友|闺蜜|姐妹|姐姐|妹妹|亲戚|同事)',
    '(我|俺)家|我们家',
    '(打|揍|踢|踹|扇|掐|骂|吓唬|威胁|恐吓|欺负|骗|控制|跟踪|骚扰|赶|撵|关|锁|逼|虐待|抛弃|辞退|开除|不要|欠)(了)?(我|俺)(?!电话|手机|微信|视频)',
    // A story about a specific person ("他喝了酒就…", "老公出轨了"): a bare kinship term means "my".
    '^(他|她|老公|丈夫|男人|爱人|对象|男朋友|前夫|婆婆|公公|老板|家里|孩子他爸|孩子爸)',
    '(我|俺)(被|让|给)',
    '(我|俺)(现在|最近|一直|真的|实在|好|很|太|快|都|也|已经|还|天天|每天|总是|老是|经常|有点|有些){0,3}(失业|下岗|没工作|找不到|没钱|生病|病了|怀孕|想离婚|要离婚|离婚了|想创业|想找|想申请|想办|需要|睡不着|失眠|抑郁|焦虑|难受|崩溃|撑不住|心里|心情|压力|好累|很累|快疯|害怕|不知道怎么办|该怎么办|怎么办|走投无路|没办法|受不了|熬不下去|想哭|一个人)',
    '^(又|今天|昨天|昨晚|刚刚|刚才|现在)?被',
  ].join('|'),
)

/** Words said to the bot, not of herself: "告诉我", "给我说说", "跟我讲讲", "帮我查查". */
const TO_THE_BOT = /(?:告诉|给|跟|和|同)(?:我|俺)(?:说说|讲讲|说一下|讲一下|说下|讲下|介绍|解释|说|讲)?|帮(?:我|俺)(?:查|看|问)/g
/** Speaking of herself: I, my (我 / 俺, not 我们 / 咱们, which are the group or the place: "我们这边两癌筛查在哪做"). */
const FIRST_PERSON = /(?:我|俺)(?![们們])|俺家|咱家|自家/u

/**
 * Whether a question tells something of the asker's own situation ("俺今年58了 两癌筛查俺还能做不", "我老公…", "我家孩子…"),
 * not only asks about a topic ("苍南那个报告里两癌检查做了多少人", "我们这边两癌筛查在哪做", "我想问一下法律援助怎么申请").
 */
export function tellsOwnSituation(text: string): boolean {
  const t = normalizeText(text).replace(QUESTION_LEAD, '').replace(TO_THE_BOT, '')
  return PERSONAL.test(t) || FIRST_PERSON.test(t)
}

/**
 * Harm done to her, told: "我被家暴了", "俺挨打了", "我老公打我", "他又动手了", "老公家暴我", "他昨天拿刀吓唬我". Not a fear of it ("怕他又动手"),
 * a case put ("如果被家暴了怎么办"), or a call ("有事打我电话").
 */
const HARM_TOLD = new RegExp(
  [
    '(?:我|俺)(?:又|刚|刚刚|今天|昨天|昨晚|一直|经常|总|老是?|常年|长期|天天)?(?:被|挨)(?:他|老公|丈夫|男人|前夫|对象|男朋友|婆婆|公公|家里人)?(?:给)?(?:家暴|打|揍|踢|踹|掐|扇|虐待)',
    '(?<!怕|担心|万一)(?:他|老公|丈夫|男人|前夫|对象|男朋友|婆婆|公公)(?:又|还|总|老是?|经常|一直|天天|今天|昨天|昨晚|刚才|刚)?(?:家暴|打|揍|踢|踹|掐|扇|虐待)(?:了)?(?:我|俺)(?!们|家?(?:电话|手机|微信|视频|座机)|的电话|的手机)',
    '(?<!怕|担心|万一)(?:他|老公|丈夫|男人|前夫)(?:又|还|今天|昨天|昨晚|刚才|刚)?(?:动手|动了手)(?:了|打人)',
    // Threatened, with or without a weapon named ("他昨天拿刀吓唬我", "老公威胁我").
    '(?<!怕|担心|万一)(?:他|老公|丈夫|男人|前夫|对象|男朋友).{0,6}(?:吓唬|威胁|恐吓)(?:了|过)?(?:我|俺)(?!们)',
  ].join('|'),
  'u',
)
const CASE_PUT = /如果|要是|假如|假设|万一|比如/u

/**
 * She tells of harm done to her: a disclosure, and a request for help whatever she asks beside it ("我被家暴了 妇联都做
 * 了啥" is no question about the federation's work: the referral is offered privately and the group hears no detail).
 */
export function disclosesHarm(t: string): boolean {
  return HARM_TOLD.test(t.replace(FEAR_OF, '')) && !CASE_PUT.test(t)
}

/** Phrases that ask for help on their own, with or without a topic. */
const STRONG_HELP = /帮帮我|帮帮忙吧|救救|救命|求助(?!热线|电话|中心|站)|求救|需要帮助|需要帮忙|想要帮助|走投无路|没有办法了|没办法了|怎么活|谁能帮帮|有没有人能帮/
/** Phrases that ask for help only together with a topic ("帮我" is also "帮我报名"). */
/** Asking for a person (someone to help, a lawyer, staff): a request for personal help, not a question about a topic. */
const ASK_FOR_PERSON = /找(个)?人帮|找人(帮忙|帮我|处理|聊聊|谈谈)|有(没有)?人(能|可以)?帮|帮我(找|联系|介绍|转给?)|找(个|一个)?(律师|社工|工作人员|妇联的人)|派(个)?人(来|帮)|(请|让)(你们|工作人员|社工)(来)?帮/
const WEAK_HELP = /帮我|帮忙|能帮|可以帮|帮一下|怎么办|咋办|可咋整|咋整|该怎么|找人|找个人|想找(工作人员|社工|妇联|人)|受不了|熬不下去/

const QUESTION = /[?？]|怎么|怎样|如何|什么|啥|哪里|哪儿|哪些|哪个|在哪|多少|几(个|岁|点|号|天|次|种)|吗|么|呢|是否|能否|可否|是不是|能不能|可不可以|有没有|流程|条件|材料|手续|规定|政策|标准|地址|电话|时间/

/** Notices and education ("如遇家暴请拨打12338") name dangers without reporting one. */
const ADVISORY = /如遇|如果遇到|遇到.{0,12}(请|可|要|应该)|请拨打|可拨打|可以拨打|热线|宣传|讲座|普法|科普|知识|小贴士|提醒大家|大家注意/

/** The category of an emergency whose words name no topic (fear alone is not a psychological case). */
function dangerCategory(danger: string[]): Category {
  if (danger.includes('sexual-violence')) return '法律维权'
  if (danger.includes('child-missing')) return '儿童与家庭教育'
  if (danger.length === 0 || (danger.length === 1 && danger[0] === 'cry')) return '其他'
  return '家庭暴力'
}

export function classifyRules(text: string): Classification {
  const t = normalizeText(text)
  const signals: string[] = []
  const personal = PERSONAL.test(t.replace(QUESTION_LEAD, ''))
  if (personal) signals.push('personal')

  // Hitting that is over or habitual is left to the tense-aware reading (src/nlu/danger.ts); everything else
  // here stays an emergency whatever the tense.
  // Tense is read clause by clause, and a message typed fast sets its clauses apart with spaces alone ("他昨晚掐我脖子
  // 我现在还在发抖 他去上班了"): those readings keep the spaces that the keyword patterns here drop.
  const spaced = toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim()
  const reading = readDanger(spaced)
  // Exclamations (气死我了, 打死我也不…) and films or notices never make an emergency.
  // Read on the spaced text too: "宣传栏的事先放放 他拿刀吓唬我" is two clauses, and the danger is hers.
  const calm = (notAReport(t) && notAReport(spaced)) || dangerTakenBack(t) ? '' : literalText(t)
  const selfHarm = SELF_HARM.test(calm) || reading?.danger === 'suicide'
  if (selfHarm) signals.push('self-harm')
  const over = !reading && !!calm && violenceIsOver(literalText(spaced))
  const danger = DANGER.filter(([name, re]) => re.test(calm) && (name !== 'ongoing' || reading) && !(over && (VIOLENT.has(name) || (name === 'cry' && CRY_HEARD.test(calm))))).map(([name]) => name)
  if (reading && danger.length === 0 && !selfHarm) danger.push(...reading.signals.map((s) => `meaning:${s}`))
  signals.push(...danger)
  const acute = MEDICAL_ACUTE.test(calm)
  if (acute) signals.push('medical-acute')
  const soft = MEDICAL_SOFT.test(t)
  // A notice or a talk names danger without reporting one, unless a clause of hers beside it tells her own.
  const advisory = !personal && ADVISORY.test(t) && !ownDangerBeside(spaced, ADVISORY)
  if (advisory) signals.push('advisory')

  let category = CATEGORY_RULES.find(([, re]) => re.test(t))?.[0]
  if (category) signals.push(`category:${category}`)

  const emergency = !advisory && (selfHarm || danger.length > 0 || acute)
  if (emergency) {
    // Self-harm needs psychological support unless someone is hurting them; danger with no topic is most
    // often violence at home.
    if (selfHarm && category !== '家庭暴力') category = '心理支持'
    // A body in trouble and no one hurting anyone ("孩子发高烧抽搐了 叫不醒"): health, with 120 first.
    else if (!selfHarm && (acute || reading?.danger === 'medical') && !danger.some((d) => VIOLENT.has(d) || d.startsWith('meaning:violence') || d === 'cry')) category = '健康（两癌筛查等）'
    else if (!selfHarm && (!category || category === '心理支持')) category = dangerCategory(danger)
    return { kind: 'help', category: category ?? '其他', urgency: '紧急', medical: acute || soft || !!reading?.signals.includes('medical'), selfHarm, clear: true, signals }
  }

  const asksForPerson = ASK_FOR_PERSON.test(t)
  if (asksForPerson) signals.push('help:person')
  // "救命 这插花也太好看了吧": an exclamation is no call for help (literalText drops it, as the danger readers do).
  const strong = STRONG_HELP.test(literalText(t)) || asksForPerson
  const weak = WEAK_HELP.test(t)
  if (strong) signals.push('help:strong')
  if (weak) signals.push('help:weak')
  if (category && (personal || strong)) {
    // In a group nobody addressed, act only on an unmistakable request; violence at home is always one.
    const clear = strong || (weak && personal) || (personal && category === '家庭暴力')
    return { kind: 'help', category, urgency: '一般', medical: false, selfHarm: false, clear, signals }
  }
  if (strong) return { kind: 'help', category: '其他', urgency: '一般', medical: false, selfHarm: false, clear: true, signals }
  if (category) {
    if (QUESTION.test(t)) signals.push('question')
    return { kind: 'topic', category, urgency: '一般', medical: false, selfHarm: false, clear: false, signals }
  }
  return { kind: 'none', category: '其他', urgency: '一般', medical: false, selfHarm: false, clear: false, signals }
}

/**
 * True when the text is about a help topic (家暴, 离婚, 两癌筛查…) without being a request this capability
 * claims: the Q&A capability answers it and can offer personal help. Pure and cheap.
 */
export function isHelpTopic(text: string): boolean {
  return classifyRules(text).kind !== 'none'
}
