// A person's need, read by meaning: which life area it is about (its topical vocabulary), whether it is a
// problem she lives with or only a service she asks about, whose problem it is (hers, her household's, or
// someone else's), and whether she asks for help or voices distress. The vocabularies are small semantic
// classes from general knowledge of how people talk about these things, not phrasings from a corpus.
import type { HelpCategory } from './types.ts'

/**
 * Problems by life area: what a person says when this is happening to her (or her household). In the order a
 * referral must not get wrong: violence first, then the areas whose words are specific (a court, money for
 * the rent, a lump, a child who will not go to school), then work, family conflict, and feelings last (most
 * troubles come with feelings; feelings alone are a psychological need).
 */
const PROBLEMS: [HelpCategory, RegExp][] = [
  ['dv', /家暴|家庭暴力|动手|被.{0,4}(?:打|抽|揍|踢|踹|掐)(?!电话|针|疫苗)|用.{0,4}(?:衣架|皮带|棍子?|鞋).{0,2}(?:抽|打)|打我|揍我|踢我|踹我|扇我|掐我|推了?我|骂我打我|打骂|挨打|挨揍|被(?:他|老公|丈夫|前夫|男人)?打|拳打脚踢|青一块|鼻青脸肿|耳光|控制我|不让我(?:出门|跟|和|见|工作|上班|花钱|回娘家|回家|出去)|(?:他|老公|男人).{0,6}骂我|动不动就骂|打人|报复|(?:查|翻)我(?:的)?手机|(?:手机|工资卡|钱).{0,4}(?:他管|被他|他拿着|要天天查)|冷暴力|精神控制|经济控制|威胁我|吓唬我|堵我|跟踪我|摔东西|砸东西|告诫书|保护令/u],
  ['legal', /一分.{0,6}都?没给|抚养费|赡养|财产|房产|房子.{0,6}(?:名字|归|分)|分(?:割)?财产|打官司|起诉|告他|告她|告到|法院|律师|法律|法援|维权|仲裁|判给|判决|补偿|分到|能分|婚前|婚后财产|拖欠|欠.{0,4}工资|工资.{0,4}(?:不给|不发|没发|拖)|不发工资|讨薪|赔偿|补偿金|合同|遗产|继承|赖着不搬|赖著|离婚协议|欠钱不还|借条|被骗|骗了我|诈骗|工伤|性骚扰|骚扰我|侵权|拆迁|宅基地/u],
  ['hardship', /低保|卧床|瘫(?:痪|在床)|(?:实在|太|很|挺|特别)吃力|负担(?:不起|太重|重)|救助|困难|特困|补助.{0,4}(?:停|没批|断)|没钱|缺钱|一分钱(?:都)?没有|交不起|付不起|凑不齐|凑不够|看不起病|看病(?:的)?钱|医药费|住院费|吃不上|揭不开锅|米都|借不到|借遍|借便|欠了?(?:很多|好多|一屁股)?债|房租|生活费|钱.{0,6}不够|不够(?:用|花)|常年吃药|房子.{0,4}(?:塌|漏)|没人照顾|一个人过|学费.{0,4}(?:差|没|交不)|暖气.{0,4}(?:停|没|交不)|停了?暖|断水|断电|没地方(?:去|住)|无家可归|漏雨|冻得|只剩|就剩/u],
  ['health', /筛查|体检|乳腺|乳房|宫颈|结节|硬块|肿块|肿瘤|癌|复查|指标|化验|报告.{0,4}(?:看不懂|不正常|异常)|月经|例假|妇科|产检|怀孕|孕|产后(?!抑郁)|康复|(?:腰|腿|膝盖|胸口|肚子|胃|心口)(?:疼|痛|胀)|疼得下不了|疼了?好(?:几|久)|胀痛|看哪个科|哪个科|hpv|HPV/u],
  ['child', /留守|孩子(?:没人|一个人)|没人(?:管|看|带|接)孩子|(?:放学|晚上).{0,6}没人(?:管|看|接)|辅导|作业|厌学|不想上学|不愿意?上学|不去上学|逃学|辍学|打游戏|玩手机|沉迷|叛逆|不听话|管不了|被(?:同学|人)?欺负|孤立|霸凌|早恋|多动|自闭|转学|成绩|托管|顶嘴|摔门|变了个人|不爱说话|逆反|离家出走|没(?:去)?上学|青春期|家庭教育|(?:小孩|孩子|娃).{0,6}一个人在家|没大人/u],
  ['jobs', /求(?:个|份)?[^，,。！!？?]{0,6}(?:活(?!动)|工作)|找工作|找个工作|找份工作|找不到工作|没(?:有)?工作|失业|下岗|被辞|辞退|被裁|裁员|被开除|倒闭|再就业|出去上班|(?:想|重新|再)(?:.{0,2})上班|岗位|招聘|求职|找(?:个|份)?活(?!动)|介绍(?:个|份)?(?:活|工作)|没活干|技能|技术|手艺|培训|创业|开店|开个店|网店|早餐店|摆摊|摆个摊|小生意|贷款|启动资金|本钱|卖(?:点|掉|我|自己)|地方卖|卖不出去|直播|家政|兼职|打零工|养活|养家|糊口|挣点钱|赚点钱|(?:技能|技术|手艺|本事).{0,3}(?:都)?没有/u],
  ['family', /婆媳|(?:婆婆|公公|小姑子|小叔子|妯娌|婆家|他妈|他家里?人).{0,8}(?:挑|骂|嫌|找茬|刁难|看不上|不让|针对|闹|吵|不管|不出|压|欺负|说我)|吵架|吵得|天天吵|老吵|总吵|三天两头.{0,2}吵|闹矛盾|矛盾|冷战|不理(?:我|谁)|出轨|外遇|小三|外面有人|别的女人|别的男人|第三者|暧昧|两口子|夫妻|感情(?:不和|破裂|不好|出了?问题|淡)|离婚|分居|探视|调解|沟通|一条心|像个外人|对象.{0,8}不同意|不同意|搬出去|摩擦|夹在中间|不吭声|不接电话|电话也不接|不回家|彩礼/u],
  ['psych', /心里(?:很|好|太|有点)?乱|心(?:很|好|太)乱|心理|心(?:太|好|很|真|特别)?累|抑郁|焦虑|失眠|睡不着|心慌|心里(?:难受|堵|苦|憋|慌|不舒服|不好受|压)|难受|崩溃|很崩|情绪|想哭|老哭|一直哭|动不动就哭|就哭|天天哭|压力(?:好|很|太|特别)?大|撑不住|扛不住|受不了|熬不下去|过不下去|提不起劲|没精神|不想起床|没意思|一团乱|乱糟糟|自卑|一无是处|孤独|空落落|撑不下去|压抑|缓不过来|以泪洗面|难过|伤心|痛苦|郁闷|烦躁|心烦|没人说话|说说话|想不开|心累|绝望|害怕|好怕|担心|不敢出门|丢人|窝火|憋屈/u],
]

/**
 * Services, and states that are no trouble in themselves (pregnant, starting a business, a child going to
 * school, divorced): a question can be about them without anyone living a problem ("低保怎么申请",
 * "我怀孕了产假有几天"). What is left of a message once they are taken out says whether she lives one.
 */
export const SERVICE_TOPIC = /两癌|热线|求助电话|怀孕|孕期|产检|产假|乳腺|宫颈|妇科|创业|开店|开个店|网店|贷款|技能(?!.{0,4}没)|技术(?!.{0,4}没)|手艺(?!.{0,4}没)|家政|直播|岗位|招聘|(?<![想去新再])上班|成绩|托管|转学|上学|入学|(?<![想要闹])离婚|法律咨询|法律援助|法律|家庭教育|指导课?|托管班?|心理咨询|心理|低保|救助|补贴|补助|津贴|贷款|贴息|培训|证书|筛查|体检|疫苗|法律援助|法援|咨询|告诫书|庇护|保险|社保|医保|养老|失业金|(?<!(?:不|没)给(?:过)?)抚养费(?!.{0,6}(?:没|不)(?:给|付))|离婚冷静期|冷静期|继承|政策|标准|条件|材料|流程/u

export function problemCategory(t: string): HelpCategory | undefined {
  return PROBLEMS.find(([, re]) => re.test(t))?.[0]
}

/** Every area whose problem words occur (for callers that weigh them). */
export function problemCategories(t: string): HelpCategory[] {
  return PROBLEMS.filter(([, re]) => re.test(t)).map(([c]) => c)
}

/**
 * The most fitting category: the first area in priority order, except that a family or feelings word does not
 * outrank a concrete problem from another area, and a child's trouble outranks the jobs its parents have.
 */
export function categoryOfNeed(t: string): HelpCategory | undefined {
  const hits = problemCategories(t)
  if (hits.length === 0) return undefined
  // 孩子爸妈在外地打工 is a child left behind, not a job search.
  if (hits.includes('child') && hits.includes('jobs') && /打工|上班/u.test(t) && !/找工作|没工作|失业|下岗|被辞|被裁|想出去上班/u.test(t)) return 'child'
  // 离婚以后觉得自己一无是处: the divorce is the background, the feelings are the need.
  if (hits[0] === 'family' && hits.includes('psych') && !/婆媳|婆婆|公公|吵|矛盾|冷战|出轨|外遇|小三|外面有人|别的女人|调解|沟通|一条心|外人|探视|对象|不同意/u.test(t)) return 'psych'
  // 婆婆的病 / 孩子的学费: the concrete area wins over the family word that names who.
  return hits[0]
}

/** The speaker or her household is the subject: 我/俺/咱/我们/自己, or a family member named without an owner. */
export const SELF = /我|俺|咱|本人|自己/u
export const HOUSEHOLD = /老公|丈夫|男人|爱人|前夫|对象|婆婆|公公|孩子|娃|闺女|女儿|儿子|孙子|孙女|外孙|老伴|小叔子|小姑子|家里|两口子|婆家|娘家|他妈|他爸|孩子他爸/u

/**
 * Someone else is the one in need: a neighbour, a colleague, a friend, a relative with her own household
 * (她老公, 她婆家), a stranger, a named member of the group.
 */
export const OTHER = /隔壁|邻居|侄女|侄子|外甥|(?:我|俺)(?:家)?(?:嫂子|弟媳|小姑子)|对门|楼上|楼下(?:那家|的)|同事|朋友|闺蜜|我(?:的)?同学|老同学|老乡|表姐|表妹|堂姐|堂妹|我妹(?!妹报)|我姐(?!姐报)|大姑姐|(?:小区|村|楼里|楼上|楼下|单位|厂里|院里)(?:里|门口)?有(?:个|位)|我嫂子|我弟媳|我小姑子|我大姑姐|我表嫂|亲戚家|(?:菜市场|路上|街上|公园|超市)(?:有|看到|碰到)个|有个(?:女的|男的|老人|老太太|老大爷|小孩|孩子|大姐|阿姨|妹子|姑娘|奶奶|大爷)|群里的|她(?:老公|男朋友|男人|前夫|婆婆|婆家|家|孩子|儿子|闺女|女儿|爸|妈)|他爸用|女儿在外地|闺女在外地|对门的|[王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢骆岳齐梅](?:奶奶|大妈|阿姨|大姐|婶|嫂|大爷|爷爷)/u

/** The speaker herself is hurt or in need, even when someone else is named ("我被", "打我", "我家"). */
export const SELF_IN_NEED = /(?:我|俺)(?:被|家(?!邻居|隔壁|对门))|(?:打|骂|推|锁|关|欺负|骗|控制|辞|赶)(?:了)?(?:我|俺)(?!家)|我(?:心里|现在|最近|也)(?:难受|很|好|特别)/u

/** She asks for something to be done: help, a person, a way out, advice. */
export const ASKS =
  /帮|求|救|能私聊|想私聊|私聊(?:一下|下)?(?:吗|不|呗)|找人|找个人|找谁|介绍|推荐|安排|协调|调解|联系|问问|怎么办|咋办|咋整|怎么弄|咋弄|该咋|该怎么|该如何|我该|怎么帮|能做点?啥|能做什么|可以做什么|有(?:什么|啥)办法|有没有办法|有啥路子|出路|给个主意|出出主意|支招|教教|谁能|能不能|能否|可不可以|有没有(?:人|地方|合适)|想找|想请|想要|请.{0,4}(?:社工|上门|律师)|去看看|管管|没人管|不知道(?:.{0,8})?(?:找谁|跟谁|从哪|怎么|该|咋|要不要|为什么|去哪|在哪|哪里|哪儿)|从哪(?:开始|下手)|说说话|聊聊|谈谈/u

/** She voices distress about her own state (a need in itself, even with no request). */
export const DISTRESS = /难受|堵得慌|心里(?:堵|苦|憋|慌|压)|失眠|睡不着|心慌|焦虑|抑郁|崩溃|想哭|老哭|就哭|害怕|好怕|怕了|担心|撑不住|受不了|过不下去|熬不下去|没法过|一团乱|提不起劲|不想起床|自卑|一无是处|空落落|不敢出门|丢人|窝火|憋屈|急哭|急死|愁|又怕|怕人家|怕他|撑不下去|压抑|缓不过来|以泪洗面|走投无路|没办法了|没辙/u

/** A question frame about how a service works ("怎么申请", "要什么条件", "多少钱"). */
export const INFO_QUESTION = /怎么(?:申请|领|办|报|预约|算|查)|咋(?:申请|领|办|报)|要(?:什么|啥)(?:条件|材料)|什么条件|啥条件|多少|几天|是(?:啥|什么)|在哪|哪里|有没有|能不能(?:做|打|领|办)|一般|标准|[？?]|吗$/u
