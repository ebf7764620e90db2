// Help, safety and the bot itself: emergencies (rules first, leaning to safety), requests for oneself or for
// someone else, consent and its withdrawal, contact preferences, a case's status, fraud, numbers posted in the
// group, voice notes and pictures, questions about the bot. Pure.
import { CHOICE_QUESTION, QUESTION_WORD, WHOM_TO_ASK_ALONE } from '../core/zh/question-forms.ts'
import { type Category, classifyRules, disclosesHarm } from './help-rules.ts'
import { dangerTakenBack, FEAR_OF, HYPERBOLE, literalText, notAReport, ownDangerBeside, PREGNANCY_BLEEDING, readDanger, violenceIsOver } from './danger.ts'
import { ASKS, categoryOfNeed, DISTRESS, HOUSEHOLD, INFO_QUESTION, OTHER, SELF, SELF_IN_NEED, SERVICE_TOPIC } from './need.ts'
import { bare, namesActivity, PHONE } from './text.ts'
import type { ContactWay, Danger, HelpCategory, Situation, Slots, Understanding } from './types.ts'
import { withdrawalIn } from './withdrawal.ts'
import { asksAboutWork } from './work-figure.ts'

const CATEGORY: Record<Category, HelpCategory | undefined> = {
  法律维权: 'legal', 家庭暴力: 'dv', 婚姻家庭纠纷: 'family', 心理支持: 'psych', 就业创业: 'jobs', 困难帮扶: 'hardship',
  '健康（两癌筛查等）': 'health', 儿童与家庭教育: 'child', 其他: undefined,
}

// ---------------------------------------------------------------- danger (by meaning, added to the referral rules)

const SUICIDE = new RegExp(
  [
    '不想活', '活着.{0,6}(?:没意思|没意义|没劲|拖累|累赘|太累)', '不如死', '死了算了', '想死(?!你|您|大家|了你|我了)', '自杀', '轻生', '寻死',
    '(?:明天|以后|哪天).{0,4}不在了', '我走了.{0,6}(?:就好|解脱|省心)', '没什么.{0,4}(?:值得)?留恋', '说声再见', '永别', '最后一次.{0,4}(?:说|见)',
    '跳下去', '(?:水|河|楼).{0,8}(?:想下去|跳(?!舞|广场|操|绳|健身))', '想下去', '结束.{0,4}(?:生命|一切|自己)', '一了百了', '安眠药', '农药', '割腕', '上吊',
    '妈妈对不起', '下辈子', '活不下去', '不想再活', '没有我.{0,6}(?:更好|好过)', '拖累', '累赘', '遗书', '后事', '交代.{0,4}(?:后事|孩子)',
    '(?:攒|存|准备)了?.{0,6}药', '吃了.{0,6}(?:一?整?瓶|一把|好多|很多)(?:的)?(?:药|片)', '楼顶', '天台', '(?:桥|河|江|湖)边.{0,10}(?:下去|跳|不想)', '刀片', '绳子', '烧炭', '煤气',
    '再见了', '解脱', '照顾好.{0,4}(?:孩子|女儿|儿子|自己)', '对不起大家', '撑不下去.{0,6}(?:死|走)',
  ].join('|'),
  'u',
)
const VIOLENCE = new RegExp(
  [
    '(?:打死|弄死|掐死|杀了|砍死|捅死|整死|勒死)(?:我|你|人|孩子|全家|她)', '要(?:了)?我(?:的)?命', '要杀(?!了?(?:它|鸡|鱼|猪|羊|鸭|价|毒|虫|蟑螂))', '喊.{0,4}杀',
    '(?:拿|拎|举|提|抄|握|持|比划|挥).{0,4}(?:刀|棍|斧|剪刀|枪|锤|铁)', '刀.{0,4}(?:比划|架|吓)',
    '(?:正在|又在|还在|在)(?:打|砸|踹|掐|追)(?:我|门|东西)', '他在打我', '砸门', '踹门', '掐(?:住)?(?:我)?(?:的)?脖子', '推下(?:楼|楼梯)',
    '(?:脸上|头上|身上).{0,4}(?:全是|都是|好多)血', '(?:反锁|锁)在.{0,6}(?:出不去|屋|里)', '出不去', '在躲他', '躲在(?:厕所|卫生间|楼道|外面)', '到处找我', '楼下等我',
    '救命', '救救我', '快报警', '快来人', '帮我报警', '(?:他|她|老公|男人|前夫).{0,6}(?:追着|追)(?:我|打)', '(?:泼|烫)(?:我|了我)', '拖着我', '不让我走',
    '(?:打|揍)得.{0,6}(?:流血|出血|站不|起不|动不了|骨折|晕)', '(?:流了|好多|一地|满脸|满头).{0,2}血', '(?:推|踢|踹|打断|打).{0,6}骨折', '堵在(?:门口|楼下|家门)', '在门外', '破门', '撬门',
    '(?:喝醉|喝多|发疯|发酒疯).{0,8}(?:打|砸|摔|掐)', '(?:孩子|娃).{0,4}也(?:被|挨)打', '现在.{0,4}(?:打|砸|闹|掐)', '威胁.{0,8}(?:杀|死|命|砍|泼)',
  ].join('|'),
  'u',
)
const MEDICAL = new RegExp(
  [
    '看不清.{0,10}(?:头痛|头疼|头晕)', '手脚发麻', '说话.{0,4}不利索', '口眼歪斜', '半边.{0,4}(?:麻|动不了)', '(?:摔|跌)倒.{0,8}起不来',
    '疼得(?:打滚|直不起|受不了)', '吐了好几次', '喘不(?:上|过)气', '昏迷', '晕倒', '晕过去', '抽搐', '大出血', '不省人事', '胸口.{0,6}(?:剧痛|疼得)',
    '动不了了', '要不要打120', '打120', '叫救护车', '叫不醒', '没(?:有)?(?:了)?呼吸', '没气了', '口吐白沫', '嘴歪', '说不出话', '流产', '羊水破',
    '高烧不退', '烧到4\\d', '吃错药', '误食', '中毒', '休克', '心脏.{0,4}(?:疼|痛|难受)', '胸口.{0,4}(?:疼|痛|闷).{0,8}(?:出汗|喘|麻)', '呼吸困难', '突然.{0,6}(?:倒|晕|抽|不省)',
    '血止不住', '出了好多血', '被狗咬', '烫伤.{0,4}(?:严重|一大片)',
    PREGNANCY_BLEEDING,
  ].join('|'),
  'u',
)


/** She is the one hurt: harm done to her or threatened, said outright, or her hiding, or afraid to. */
const FIRST_PERSON_VICTIM = /(?:打|掐|骂|推|锁|关)(?:了)?我|(?:砍|捅|杀|弄死|吓唬|威胁|恐吓)(?:了|着|住)?我(?!们)|我被|我在躲|找我|吓我|我.{0,4}(?:不敢|躲)/u

export function dangerOf(t: string): Danger | undefined {
  const d = dangerFound(t)
  return d && kindOfDanger(t, d)
}

/** Her own wish or act to die, said plainly (not a place or a thing that could be one: 煤气, 绳子, 楼顶). */
const OWN_DEATH = /不想活|活不下去|活够了|不想再活|自杀|轻生|寻死|想死(?!你|您|大家|了你|我了)|一了百了|结束(?:自己|生命|这一切)|了结|遗书|遗言|割腕|(?:割|划)(?:了|破)?(?:自己的?)?(?:手腕|腕|动脉)|安眠药|农药|烧炭|上吊|跳楼|跳河|跳江|不如死|死了算了/u
/** Someone hurting or threatening her (or whoever she reports): what makes a danger violence, whatever the wound. */
const HURT_BY_SOMEONE = /(?:他|她|老公|丈夫|男人|前夫|对象|男朋友|男友|公公|婆婆|那人|那个人|有人|醉汉|疯子)(?:又|还|刚|正在|在|要|说要|说)?.{0,4}(?:打(?![0-9一二电给车])|揍|踢|踹|掐|推|砍|捅|砸|扇|勒|动手|追|泼|烫|同归于尽|杀|弄死|威胁|拿.{0,3}刀)|被(?:他|她|老公|丈夫|男人|前夫|人)(?:给)?.{0,4}(?:打|揍|踢|踹|掐|推|砍|捅|砸|扇|勒|按|锁|关)|动手|同归于尽|家暴/u

/**
 * Which danger it is, by who or what causes it: her own wish to die is suicide; someone hurting or threatening
 * her is violence, even when she bleeds; a body in trouble with no one hurting her is medical (blood from a fall,
 * a pregnancy, gas poisoning).
 */
function kindOfDanger(t: string, found: Danger): Danger {
  if (OWN_DEATH.test(t)) return 'suicide'
  if (HURT_BY_SOMEONE.test(t)) return 'violence'
  if (MEDICAL.test(t) || readDanger(t)?.signals.includes('medical')) return 'medical'
  return found
}

function dangerFound(t: string): Danger | undefined {
  const rules = classifyRules(t)
  if (SUICIDE.test(t) || (rules.urgency === '紧急' && rules.selfHarm)) return 'suicide'
  const reading = readDanger(t)
  if (reading?.danger === 'suicide') return 'suicide'
  // Hitting that is over or habitual is a help request (src/nlu/danger.ts); the graver words still count.
  const over = !reading && violenceIsOver(t)
  if (VIOLENCE.test(t) && !over && (reading || !isSoftOnly(t))) return 'violence'
  if (MEDICAL.test(t)) return 'medical'
  if (reading) return reading.danger
  if (rules.urgency === '紧急' && !over) return rules.medical && !/打|刀|砸/u.test(t) ? 'medical' : 'violence'
  return undefined
}

/** The violence words here that only say someone hit her, with no weapon, threat, blood or hiding. */
const SOFT_ONLY = /(?:正在|又在|还在|在)(?:打|砸|踹|掐|追)(?:我|门|东西)|现在.{0,4}(?:打|砸|闹|掐)|(?:喝醉|喝多|发疯|发酒疯).{0,8}(?:打|砸|摔|掐)/u
function isSoftOnly(t: string): boolean {
  const rest = t.replace(new RegExp(SOFT_ONLY.source, 'gu'), '')
  return SOFT_ONLY.test(t) && !VIOLENCE.test(rest)
}


// ---------------------------------------------------------------- the readers

export function readEmergency(t: string, sit: Situation): Understanding | undefined {
  const clean = notAReport(t) || dangerTakenBack(t) ? '' : literalText(t)
  const danger = clean ? dangerOf(clean) : undefined
  if (!danger) return undefined
  // A notice or a talk that names a danger; not when a clause of hers beside it tells her own (ownDangerBeside).
  if (/如遇|如果遇到|请拨打|宣传|讲座|普法|科普|知识/u.test(t) && !FIRST_PERSON_VICTIM.test(t) && !ownDangerBeside(t)) return undefined
  const category = danger === 'suicide' ? 'psych' : danger === 'medical' ? 'health' : 'dv'
  if (OTHER.test(t) && !FIRST_PERSON_VICTIM.test(t)) {
    return { intent: 'help.third_party', slots: { category: thirdCategory(t) ?? category, danger } }
  }
  const also = /去不了|不去了|来不了/u.test(t) && /课|活动|插花|阅读/u.test(t) ? { also: ['signup.cancel' as const] } : {}
  return { intent: 'help.emergency', slots: { category, danger }, ...also }
}

const FRAUD_ASK = /安全账户|把.{0,10}(?:钱|款|存款|积蓄).{0,4}转(?:到|进|给)|交钱|给钱|花钱(?:就|能)|塞钱|验证码|服务费|培训费|收取|添加微信|加微信|需要的(?:联系|私|加)我|红包|银行卡号|卡号|保证金|手续费|工本费|激活费|解冻|定金|押金|邮费|运费|转账|汇款|打款|转.{0,3}\d+|先交|先付|先缴|预付|垫付|交\d+.{0,6}(?:就能|包)|扫码|二维码|链接|点击|内部名额|包批|包过|代办|私我|加我微信|陌生账号|支付|银行卡|验证码|账号|\d{4}\s\d{4}\s\d{4}|刷单|中奖/u
const FRAUD_BAIT = /排位|排号|插队|学校|入学|上学|编制|工作|办下来|冒充|自称|培训|考证|证书|名额有限|退还|返还|社区|补贴|补助|贷款|低保|妇联|名额|领取|办理|检查费|筛查|惠民|材料费|定金|福利|政府|官方|通知|救助|津贴|奖金|退款|报名费|骗子|骗人|是不是骗|骗局|诈骗|真的假的|是真的吗/u

/** "参加妇联的技能培训要交钱吗": asking what a service costs, with nobody said to have asked for money. */
const COST_QUESTION = /(?:要|需要|得|用|收)(?:不要|不)?(?:交钱|花钱|给钱|收钱|交费|收费|钱)(?:吗|不|么|嘛|没)?[？?！!～~]*$/u
const SOMEONE_ASKED = /有人|说(?:要|让|是)|让(?:我|俺|大家|交)|叫(?:我|俺|大家|交)|通知|群里|发(?:了|的)|要求|私(?:聊|我)|加.{0,3}微信|转账|汇款|打款|扫码|红包|骗|真的假的|是真的吗|靠谱|可信/u

/** Her own bill she cannot pay ("孩子住院押金交不上 医院催了好几次"): hardship, not a payment request to warn about. */
const CANNOT_PAY = /(?:交|付|缴|凑|拿)不(?:上|起|出)|没钱(?:交|付|缴)|(?:押金|学费|房租|医药费|住院费).{0,6}(?:不够|还差|欠着)/u

/** "材料费是现场交还是转账": how to pay a fee, asked — not a request for money. */
const HOW_TO_PAY = /(?:交|付|给).{0,4}还是.{0,4}(?:转账|扫码|微信|现金|现场)|(?:转账|扫码|现金|微信)还是.{0,4}(?:现场|现金|交)/u

/**
 * She has already paid such a request ("我刚转了198😰 咋办啊 能退回来吗", "被骗了 转了两千", "我交了198手续费 能要回来吗"):
 * money sent by transfer, or a scam's kind of fee paid, and wanted back; or paid and called a scam. Not an activity fee
 * she paid the host ("插花材料费交了能退吗"), nor a deposit ("押金交了能退吗").
 */
export const PAID_VICTIM =
  /(?:刚|已经|我都|我)(?:把钱)?(?:转|汇|打)(?:了|过去了|过去|出去了)(?:\d+|[一二三四五六七八九十百千万两]+)?(?:块|元|钱)?.{0,12}(?:咋办|怎么办|能退|退回|退不|要回|追回|拿回)|(?:交|付)(?:了|过)?.{0,6}(?:手续费|保证金|解冻费|激活费|工本费|认证费).{0,12}(?:咋办|怎么办|能退|退回|退不|要回|追回|拿回)|(?:被骗|上当|骗子|诈骗).{0,12}(?:转|付|交|汇|打)(?:了|过去)|(?:转|付|交|汇|打)(?:了|过去了).{0,12}(?:被骗|上当|骗子|诈骗|是假的)/u

/** Being talked through a scam right now: screen sharing, an app to install, a code to read out, "to process the refund". */
export const SCAM_IN_PROGRESS = /屏幕共享|共享屏幕|开.{0,4}共享|(?:下载|下个|装个|安装).{0,8}(?:会议|远程|屏幕|共享)|(?:客服|对方|他|她)(?:让|叫|要)我?(?:下载|下个|装个|安装)|(?:把|告诉他|发给他|报给他).{0,6}验证码|验证码.{0,6}(?:给他|告诉|发给)|(?:他|她|对方|客服)(?:说)?(?:要|让我?(?:发|报|给|说))(?:个|一下)?验证码|验证码.{0,8}(?:收到|来了)|(?:退款|理赔|解冻).{0,12}(?:操作|下载|共享|验证码|转账)/iu

export function readFraud(t: string): Understanding | undefined {
  if (PAID_VICTIM.test(t) || SCAM_IN_PROGRESS.test(t)) return { intent: 'safety.fraud', slots: {} }
  // "材料费是现场交还是转账": how to pay a fee, asked — not a request for money.
  if ((COST_QUESTION.test(t) || CANNOT_PAY.test(t)) && !SOMEONE_ASKED.test(t)) return undefined
  if (HOW_TO_PAY.test(t) && !/有人|说(?:要|让|是)|让(?:我|俺|大家)|叫(?:我|俺|大家)|通知|要求|私(?:聊|我)|骗|真的假的|是真的吗/u.test(t)) return undefined
  return FRAUD_ASK.test(t) && FRAUD_BAIT.test(t) ? { intent: 'safety.fraud', slots: {} } : undefined
}

export function readPrivacy(t: string, sit: Situation): Understanding | undefined {
  return sit.where === 'group' && PHONE.test(t.replace(/\s/gu, '')) && !/12338|110|120|12345/u.test(t.replace(PHONE, '')) ? { intent: 'privacy.number', slots: {} } : undefined
}

export function contactIn(t: string): ContactWay | undefined {
  if (/先不(?:用)?联系|别联系|暂时别|不用联系|我自己找|我会找你们|先不要联系/u.test(t)) return 'none'
  // "千万别打电话", "电话不方便": the way she rules out is not the way she asks for.
  const said = t
    .replace(/(?:先|千万|可|都|也)?(?:别|不要|不能|不用|别给我|不敢)(?:给我)?(?:打|接|发|用)?(?:电话|手机|微信|消息)|(?:电话|手机|微信)(?:不方便|不行|不能|不敢|会被)/gu, ' ')
    // "他会翻我手机", "手机被他看着": her phone as a danger, not as the way to reach her.
    .replace(/(?:翻|查|看|检查|偷看|抢)(?:我的?)?手机|手机(?:被|让)(?:他|她)?(?:翻|查|看|收|抢)/gu, ' ')
  // The way she says is enough ("微信发文字就行") wins over any phone word left.
  if (/(?:微信|文字|发消息|留言)(?:发文字|发消息|联系)?(?:就行|就好|就可以|可以|吧|最好|方便)/u.test(said) && !/(?:打|拨)(?:我|给我)?(?:的)?(?:电话|手机)(?:就行|可以|吧)/u.test(said)) return 'wechat'
  if (/电话|打给我|打我|这个号|手机/u.test(said)) return 'phone'
  if (/微信|加我|私聊|发消息|留言/u.test(said)) return 'wechat'
  // Only ruling the phone out ("不要打电话 他会看见"): written messages are the way left.
  if (/(?:别|不要|不能|不敢|千万别)(?:给我)?打电话|电话(?:不方便|不行|不能)/u.test(t)) return 'wechat'
  return undefined
}

const CONSENT_NO = /^(?:不用|不要|不需要|不必|别转|暂时别|先别|先不|不想|暂时不|算了|不了)|不要告诉|别告诉|随便说说|我自己(?:能)?处理|再想想|以后再说/u
/** A worry about being a bother ("会不会太麻烦你们了"), said while asked for consent: not yet a yes. */
export const HESITATE = /会不会|是不是太|太麻烦|怕麻烦|打扰|不好意思|添麻烦/u
/** A question asked back while her consent is awaited. */
const ASKS_BACK = /[?？]|啥|什么|哪(?!怕)|怎么|咋|多少|几(?:天|个|点|号|月)|吗$|么$/u
/** A yes said as such, whatever follows ("好的 要带啥材料"). */
const PLAIN_YES = /^(?:同意|好的?|好吧|可以|行|嗯|是的|转吧|帮我转|ok|愿意)/iu
const CONSENT_YES = /^(?:同意|好|好的|好吧|可以|行|嗯|是|是的|要|要的|需要|麻烦|拜托|转吧|转|ok|愿意|谢谢)|你看着办|帮我转|转给|那就麻烦|就麻烦你们|那就拜托/iu

export function readConsent(t: string, sit: Situation): Understanding | undefined {
  const b = bare(t)
  if (sit.pending === 'consent') {
    if (CONSENT_NO.test(b)) return { intent: 'consent.no', slots: {} }
    // "会不会太麻烦你们了": a worry about being a bother, not yet a yes (she is reassured and asked again).
    if (HESITATE.test(b) && !CONSENT_YES.test(b)) return { intent: 'chatter', slots: {} }
    // "要带啥材料去申请": a question of her own, not a yes that happens to open with 要.
    if (ASKS_BACK.test(t) && !PLAIN_YES.test(b)) return { intent: 'qa.question', slots: {} }
    if (CONSENT_YES.test(b)) {
      const contact = contactIn(t)
      return { intent: 'consent.yes', slots: contact ? { contact } : {} }
    }
    const contact = contactIn(t)
    if (contact && contact !== 'none') return { intent: 'consent.yes', slots: { contact } }
  }
  if (sit.pending === 'contact') {
    const contact = contactIn(t)
    if (contact) return { intent: 'contact.preference', slots: { contact } }
    if (/^(?:都行|随便|都可以)/u.test(b)) return { intent: 'contact.preference', slots: {} }
  }
  return undefined
}

export function readCase(t: string, sit: Situation): Understanding | undefined {
  // With no request open, only an explicit "我那个求助现在啥情况" asks after one (it may have been withdrawn or closed).
  if (!sit.openCase) return /我(?:那个|的|那)?(?:求助|案子|事儿?)/u.test(t) && /啥情况|什么情况|怎么样了?|咋样了?|进展|有人管|管了没|到哪/u.test(t) ? { intent: 'case.status', slots: {} } : undefined
  // Taken back in so many words, or in words that may mean so ("我们和好了"): the referrals ask about the latter first.
  if (withdrawalIn(t) && !/算了吧我还是报/u.test(t)) return { intent: 'consent.withdraw', slots: {} }
  // Asking after her own request: a reference to it (那事, 我的事, 求助, 上回说的) or a complaint about waiting,
  // with a progress word (看到了吗, 在跟吗, 回话, 动静, 办得咋样).
  const ref = /那(?:个)?事|我的事|这事|求助|申请|上回|上次|之前|前两天|前几天|说的|社工|律师|小王|你们/u.test(t)
  const progress = /批了|批下来|通过了|下来了[吗没]|管不管|还管|看到了?[吗没么]|看了[吗没]|在跟|跟进|回话|回复|回信|回音|动静|消息|进展|结果|办得|办了[吗没]|怎么样|咋样|如何了|到哪|有人(?:管|理|跟|联系|找)|没人(?:理|管|找|联系|回)|还没(?:人|消息|回|联系|动静)|怎么还|咋还|等了|多久|什么时候|啥时[候侯]/u.test(t)
  if (progress && (ref || /等了|还没|怎么还|咋还|没人/u.test(t))) return { intent: 'case.status', slots: {} }
  if (/有人管|怎么样了|有消息|收到没|收到了吗|啥时[候侯]联系|什么时候联系|什么时候.{0,6}(?:找|联系|回复|处理)|还没人|没人(?:理|找|联系|管)|进展|到哪一步|处理了没|处理得|有回音|回音|咋样了|联系我了吗|管了没|跟进|有动静|结果(?:出来)?了?[吗没]|多久.{0,6}(?:联系|回复|处理)|接单|有人跟|回复我/u.test(t)) return { intent: 'case.status', slots: {} }
  return undefined
}

/** "如果有人…", "要是一个人想…": what to do if it happened, asked in general. */
const HYPOTHETICAL = /(?:如果|要是|假如|万一)(?:群里)?(?:有人|一个人|别人|谁)/u

export function readHandoff(t: string): Understanding | undefined {
  if (HYPOTHETICAL.test(t) || WHO_SEES.test(t)) return undefined
  // "你是真人还是机器人" asks what the bot is (bot.about), not for a person.
  if (/真人还是|还是机器|是不是(?:真人|机器)|是真人吗|是机器人吗/u.test(t) && !/有没有(?:活人|真人)|要|找|转/u.test(t)) return undefined
  if (/(?:找|要|让|跟|和|叫|请)(?:社工|工作人员|李姐|小王|真人|人工|负责人).{0,6}(?:聊|说|谈|联系我|给我|找我|打)|不想(?:跟|和)(?:你|机器)|(?:叫|来|换|找)(?:个|一个)人(?:来|跟我|和我)|你搞不定|你不行/u.test(t)) return { intent: 'handoff.human', slots: {} }
  if (/转人工|找人工|人工服务|真人|活人|跟人说话|和人说话|不想跟机器|别自动回复|负责人出来|让(?:社工|李姐|小王|工作人员).{0,6}(?:跟我|和我|直接跟我)(?:说|聊)|找个人跟我说/u.test(t)) return { intent: 'handoff.human', slots: {} }
  if (/^(?:人工|转工作人员)$/u.test(bare(t))) return { intent: 'handoff.human', slots: {} }
  return undefined
}

/** What the bot can do, and who sees what is said to it (by meaning: capability or privacy, addressed to it). */
const BOT_CAN = /(?:你|机器人|小助手)(?:们)?.{0,4}(?:能|会|可以)(?:帮.{0,4})?(?:干|做|帮|管)?(?:些|点)?(?:啥|什么|哪些)|(?:有|都有)(?:啥|什么|哪些)功能|功能|怎么用你|咋用你|你怎么用|你是干(?:啥|什么)的|你靠谱|你(?:能|可)?信(?:得过)?[吗不]|你懂(?:啥|什么)/u
const BOT_PRIVACY = /跟你(?:聊天|说话|私聊)?(?:安全|保密)|(?:私聊|聊天|(?:我|俺)(?:跟|和|对)你说的|说的话|跟你说|我的事|我说的).{0,10}(?:看到|看得到|看得见|看见|知道|保存|存着|记录|告诉|传出去|说出去|泄露|保密|公开|群主|别人|其他人)/u

/** Who reads what she says ("那你们工作人员会看吗", "谁能看到"): how privacy works, not a request for a person. */
const WHO_SEES = /(?:工作人员|社工|你们|别人|谁|群主|主人)(?:都)?(?:会|能|可以)?(?:看|看到|看见|知道)(?:我(?:说|发)的|我的)?(?:话|消息|内容|事)?(?:吗|不|么|嘛|[？?]|$)/u

export function readBotAbout(t: string): Understanding | undefined {
  if ((BOT_CAN.test(t) || BOT_PRIVACY.test(t) || WHO_SEES.test(t)) && !/转人工|活人/u.test(t)) return { intent: 'bot.about', slots: {} }
  if (/真人还是机器|你是(?:谁|机器人|真人|啥|ai|AI)|机器人吗|人工智能|小助手是谁|谁弄的|谁开发|你能干|你会(?:些)?(?:啥|什么|干)|你都(?:能|会)|你(?:能|会|可以).{0,12}(?:不|吗|么)[？?]?$|能设提醒不|咋用|怎么用|怎么使用|使用说明|这个小助手|私聊.{0,8}(?:看得见|看见|保存|记录|别人|知道|保密)|(?:别人|其他人|群里).{0,6}(?:看得见|看到|知道)我.{0,4}(?:私聊|跟你)|记录.{0,6}(?:保存|删)|记住我|记下来|上报|你能记住|隐私|保密吗|会不会(?:告诉|传出去|泄露)|聊天记录/u.test(t) && !/转人工|活人/u.test(t))
    return { intent: 'bot.about', slots: {} }
  return undefined
}

export function readMedia(t: string, sit: Situation): Understanding | undefined {
  if (sit.media) return { intent: 'media.reference', slots: {} }
  if (/语音|照片|图片|截图|图上|上面那张|视频|录音|发的图/u.test(t) && /发|听|看|说了|那张|那条|刚才|上面|你/u.test(t)) return { intent: 'media.reference', slots: {} }
  return undefined
}

export function thirdCategory(t: string): HelpCategory | undefined {
  if (/孩子|小孩|娃/u.test(t) && /打|抽|哭|一个人|迷路|没大人|没人管|没人看/u.test(t)) return 'child'
  if (/打|家暴|青一块|伤/u.test(t) && /老公|男人|男朋友|前夫|她家|打老婆|家暴/u.test(t)) return 'dv'
  if (/打|家暴|青一块/u.test(t)) return 'dv'
  // 一个人住, 没人管 (an old neighbour alone in the cold): hardship.
  if (/一个人住|独居|孤寡/u.test(t) && !/想不开|不想活/u.test(t)) return 'hardship'
  return categoryOfNeed(t) ?? CATEGORY[classifyRules(t).category]
}

const AGREEING = /(?:同意|赞同|支持|顶|\+1)楼上|楼上(?:姐妹|姐姐|的)?说得(?:对|好|是)/gu
/** "不是我，就是想存一个": she says the trouble is not hers. */
const NOT_MINE = /(?:如果|要是|假如|万一)(?:群里)?有人|不是(?:我|俺)(?:自己|家)?(?:的事)?[，,。！!\s]|不是(?:我|俺)(?:自己|家)?(?:的事)?$/u
/** "找工作 急！！": urgency beside a problem she lives with. */
const URGENT = /急[！!]|很急|挺急|着急|急用|急需/u
const FAILING = /要不到|拿不到|讨不到|要不回|不给|没给|不发|拖着不/u
/** A time that tells a problem as an event ("刚被辞了", "上个月", "最近"). */
const HAPPENED = /刚|已经|上个?月|上周|这个?月|最近|前几天|前阵子|今年|去年|这两年|好几个月|半年/u

/**
 * Asking for help in private, with the trouble left unsaid ("有个事想私下请你们帮忙", "群里不方便说", "想找人聊聊",
 * "帮一下我"): a request, whatever it is about.
 */
const PRIVATE_ASK = /私下.{0,6}(?:帮|说|聊)|(?:想|要)请你们帮|群里不方便说|不方便在群里说|想找(?:个)?人(?:聊|说|倾诉)|^帮(?:一下|下|帮)?我[吧啊呀!！。～~]*$/u
/** A trouble told as over, with thanks ("多亏邻居们帮忙，现在出院了", "之前厌学…现在总算放心了"): good news. */
const OVER_NOW = /(?:现在|如今|这下)(?:总算|终于|已经|都)?(?:放心|好了|没事|出院|挺好|不用愁)|报个喜|好消息|多亏|(?:谢谢|感谢).{0,12}(?:上次|之前|那次)/u

/**
 * Asked out of curiosity, for an article, a talk or a chat the group had ("纯好奇哈", "想写篇文章", "刚看新闻说的", "我们群里
 * 上次聊到这个"): a question, unless she also says it is happening to her.
 */
const CURIOUS = /纯好奇|就是好奇|好奇问问|(?:我|俺)?(?:就|只是|随便)问问|写(?:篇|个|一篇)?文章|(?:看|刷)到(?:个|一个|一篇|条)?(?:新闻|文章|视频)|(?:看|刚看)?新闻(?:说|里|上)|群里.{0,6}聊到|聊天.{0,4}说起|家委会|讲座.{0,8}(?:提前)?了解/u

/** Her own family, said as hers ("我老公", "我家", "孩子他爸"). */
const MY_HOUSEHOLD = /(?:我|俺)(?:家)?(?:的)?(?:老公|丈夫|男人|爱人|前夫|对象|婆婆|公公|孩子|娃|闺女|女儿|儿子|老伴)|我家|俺家|我们家|孩子他爸/u

/** What she is: out of work, alone with the children, her age, her schooling, at the end of her strength. */
const OWN_STATUS = /(?:我|俺)(?:现在|目前|今年|已经|真的|实在)*(?:都|也)?(?:待业|失业|没工作|没了工作|下岗|离异|单亲|一个人带|\d{2}岁?了|[二三四五六七八九]十[一二三四五六七八九]?岁?了|只读到|没读过|小学毕业|初中毕业|(?:真的|实在|太|好|很)?(?:很|太|好)?难(?:了|啊|呀)?(?:$|[，,。！!\s]))/u
/** She asks whether she, or someone of her household, can get or qualify for something. */
const ELIGIBLE = /(?:我|俺)(?:这种|这样的?)?(?:情况)?(?:能|可以|能不能|可不可以|够不够|符不符合|算不算|有没有资格)(?:报|贷|申请|领|办|参加|享受|去|做|约|评|开|上)|(?:我|俺|我女儿|我儿子|我家孩子|我闺女|我妈|我婆婆|我们家|俺家)(?:这种|这样的?)情况|像(?:我|俺)这样|给(?:我|俺)开/u

export function readHelp(raw: string, sit: Situation): Understanding | undefined {
  // Exclamations ("要被逼疯了😂", "气死我了") are chatter, not a disclosure.
  // "同意楼上": agreeing with the message above, not a neighbour upstairs.
  const t = raw.replace(HYPERBOLE, '').replace(AGREEING, '')
  if (/😂|🤣|哈哈/u.test(raw) && t.length < 30) return undefined
  if (OVER_NOW.test(t) && !/[？?]|怎么办|咋办|能不能|可不可以|想找|想问|又/u.test(t)) return undefined
  if (CURIOUS.test(t) && !SELF_IN_NEED.test(t) && !MY_HOUSEHOLD.test(t) && /[？?吗嘛么呢]|算不算|是不是|有没有|能不能|怎么|多少|哪|谁/u.test(t)) return undefined
  // A question about an organisation's work ("老舅妈工作站成功调解了几起", "妇联在反家暴这块都做了啥") or for a 宣传栏: its
  // 调解 or 家暴 is the topic asked about, not a trouble of hers.
  if (asksAboutWork(t)) return undefined
  const rules = classifyRules(t)
  const category = categoryOfNeed(t) ?? categoryOf(t, rules.category)
  const asks = ASKS.test(t)
  const distress = DISTRESS.test(t)
  const strong = (/帮帮|求助(?!热线|电话|中心|站)|求求|救救|走投无路/u.test(t) || PRIVATE_ASK.test(t) || disclosesHarm(t)) && !NOT_MINE.test(t)

  // Someone else is the one in need (a neighbour, a friend, a sister with her own household), and the speaker
  // says nothing of being hurt herself.
  const aboutOthers = t.replace(/(?:我|俺)(?:家|的)?(?:邻居|隔壁|对门|表姐|表妹|妹|姐|同事|朋友|闺蜜|同学|老乡)/gu, '她')
  // Harm told of her is a report even with no ask ("她老公把她打得脸都肿了…我觉得得告诉你们").
  const harmed = /把(?:她|他)(?:给)?(?:打|揍|踢|掐|推)(?:得|伤|了)|(?:打|揍)得(?:她|他)?.{0,4}(?:肿|青|流血|住院|起不来)/u.test(t)
  if (OTHER.test(t) && !SELF_IN_NEED.test(aboutOthers) && (category || asks || distress || harmed)) {
    const c = thirdCategory(t) ?? category
    return { intent: 'help.third_party', slots: c ? { category: c } : {} }
  }

  // Her own need (or her household's): the speaker or a family member is the subject.
  const spoken = t.replace(/(?:我|俺)?(?:想|要)?(?:问一下|问问|问下|请问|咨询一下|了解一下|打听一下|想知道|想了解)/gu, '')
  // A problem she lives with (not only a service she names): any of its words left once the services are taken out.
  const lived = categoryOfNeed(t.replace(new RegExp(SERVICE_TOPIC.source, 'gu'), ' '))
  // Chinese drops the subject: feelings told with no one named are the speaker's own ("最近老失眠").
  // In a private chat a trouble told with no one else named is hers too.
  // A problem told as something that happened ("上个月刚被辞了"), with no one else named, happened to her.
  const urgent = lived !== undefined && URGENT.test(t)
  // "抚养费要不到咋办": a right she cannot get, asked about, is hers.
  const happened = (lived !== undefined && HAPPENED.test(t)) || (category !== undefined && asks && FAILING.test(t))
  const personal =
    !NOT_MINE.test(t) &&
    (SELF.test(spoken) || HOUSEHOLD.test(t) || rules.signals.includes('personal') || lived === 'psych' || happened || (lived !== undefined && (asks || distress || urgent || (sit.where === 'private' && !OTHER.test(t) && !INFO_QUESTION.test(t)))))
  if (!personal && !strong) return undefined
  if (!category && !strong && !(distress && asks)) return undefined
  const story = /[，,。].{4,}/u.test(t) || t.length >= 18
  const forMe = /谁能|教教|帮(?:我|俺|忙|帮)|给(?:我|俺)(?:介绍|找|安排|联系)|能不能(?:帮|给|请|有人)|(?:帮|替)(?:我|俺|她|他)?问问|找(?:个)?人|请.{0,4}(?:社工|上门|律师)|想找|安排|介绍/u.test(t)
  let isHelp: boolean
  if (strong) isHelp = true
  // Whether a service is open to HER ("家政培训我能报吗 我只读到初中", "我女儿这种情况能领什么补贴"): her case, asked.
  // Her circumstances told beside a question about a service ("…有没有免费的培训？我现在待业在家", "…我都45了").
  else if (category && (ELIGIBLE.test(t) || (OWN_STATUS.test(t) && (asks || INFO_QUESTION.test(t) || /[吗嘛么]|能不能|可不可以|还能|有没有/u.test(t)))) && !namesActivity(t, sit.activities)) isHelp = true
  else if (lived === 'psych') {
    // Feelings alone: in a group only when she asks or the words are unmistakable (not 担心 / 害怕 in passing).
    isHelp = sit.where === 'private' || asks || sit.mention || /想(?:加|进|参加|找)|失眠|睡不着|抑郁|焦虑|崩溃|撑不住|过不下去|想哭|难受/u.test(t)
  } else if (lived || happened) isHelp = asks || distress || urgent || story || sit.where === 'private'
  else isHelp = forMe || (distress && asks)
  if (!isHelp) return undefined
  const slots: Slots = category ? { category } : {}
  const question = /[？?]|请问|想问|问一下|怎么申请|要什么条件|要啥条件|多少|一般判给谁|怎么算/u.test(t)
  return { intent: 'help.request', slots, ...(question && t.length > 20 ? { also: ['qa.question' as const] } : {}) }
}

function categoryOf(t: string, c: Category): HelpCategory | undefined {
  if (/抚养费|离婚协议|维权|律师|法律援助|判给|赖着不搬|遗产/u.test(t)) return 'legal'
  if (/动手|打我|骂我打我|家暴|堵我|告诫书/u.test(t)) return 'dv'
  return CATEGORY[c]
}

// ---------------------------------------------------------------- questions and chatter

const SERVICE = /失业金|继承|遗产|怎么领|领取|保险|医保|养老|退休|生育|产假|婚假|离婚|结婚|登记|证明|手续|办理|户籍|公积金|补办|身份证|社区|街道|居委会|政府|学校|幼儿园|托育|托管|看病|报销|费用|收费|免费|规定|标准|资格|流程|地址|电话|开放|去哪办|找谁|部门|妇女|儿童|残疾|就业|创业|技能|考试|讲座|律师|维权|抚养|赡养|家暴|保护令|告诫书|心理|补偿|赔偿|合同|劳动|产检|孕|营业执照|摊位|低息|免息|贴息|名额|每周几|几点|地方|网上|线上|申请|补贴|补助|政策|培训|贷款|低保|筛查|证书|法|社保|津贴|救助|福利|助学金|报名|妇联|微家|援助|疫苗|体检|医院|入学|户口|居住证|工资|奖励|继承|庇护|12338|热线|开门|咨询|邮包|妇女之家|两癌|HPV|hpv|B超|条件|材料|利息|赔|证|管些啥|服务|指导|课/u
const QUESTION = new RegExp(`[？?]|${CHOICE_QUESTION}|吗|么|${QUESTION_WORD}|是不是|能不能|可不可以|有没有|认不认|收不收|(?:的|是|行|能|可以|收|要|有|对)不[～~。！!]*$`, 'u')
/** "我们那时候哪有什么妇联帮忙，日子不都是自己熬过来的": a rhetorical question asks nothing. */
export const RHETORICAL = /哪有(?:什么|啥)|不都是|还不是|难道/u
const CHATTER = /^(?:谢谢|謝謝|感谢|辛苦|早|早安|早上好|晚安|你好|您好|哈哈|嗯嗯|好的|收到|恭喜|生日快乐|对的|好|👍)/u

/** A yes/no question by its tail ("…贷款不", "…份额一样不", "热线是12338对吧"), not "我不" or "去不了". */
const TAG_QUESTION = /(?<![我你他她俺不])\p{Script=Han}不[～~。！!]*$|(?:对|是|没错|可以)吧[？?～~。！!]*$/u

export function readQuestion(t: string, sit: Situation): Understanding | undefined {
  if (CHATTER.test(bare(t)) && !/请问|[？?]/u.test(t)) return undefined
  if (RHETORICAL.test(t) && !/[？?]/u.test(t)) return undefined
  // "那我该找谁问": whom to turn to, with nothing named, is small talk's (the host and 转人工), not the documents'.
  if (WHOM_TO_ASK_ALONE.test(bare(t))) return undefined
  // "如果有人在群里说自己不想活了，我们应该怎么做": what to do if it happened, asked in general.
  if (HYPOTHETICAL.test(t) && /怎么|咋|如何|该|吗|哪|[？?]/u.test(t)) return { intent: 'qa.question', slots: {} }
  if ((QUESTION.test(t) || TAG_QUESTION.test(t)) && SERVICE.test(t)) return { intent: 'qa.question', slots: {} }
  if (QUESTION.test(t) && (sit.mention || sit.where === 'private') && bare(t).length >= 4) return { intent: 'qa.question', slots: {} }
  // Said to the bot, any yes/no question: "明天小区停水不", "小区明天停不停水".
  if ((sit.mention || sit.where === 'private') && bare(t).length >= 4 && /\p{Script=Han}不[～~。！!]*$|(\p{Script=Han})不\1/u.test(t) && !/我不|不了$|不不/u.test(t)) return { intent: 'qa.question', slots: {} }
  return undefined
}
