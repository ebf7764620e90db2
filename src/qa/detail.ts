// "The topic is there, the asked detail is not." A question like "雨花区妇联主席叫什么名字" finds the passage
// about that office — every topic word is in it — but the document names no one; "户籍人口88.94万的***区是哪个区"
// finds a sentence whose answer the document itself blanked out. Two signals for the learned decision:
// - detail missing: the question asks for a detail of a recognisable shape (a person's name, a year, a place,
//   a count, a procedure after 怎么申请 / 咋报名, papers after 要带什么, a requirement after 啥条件, a price after
//   物业费…多少 / 奖多少, plus the kinds of answer-type.ts: phone, date, amount…) and no window beside the topic
//   holds one once the question's own words are taken out of it (a window that only repeats "雨花区" does not
//   say where) — or it asks a value by its noun (利息 in "小额贷款利息是多少", 报酬 in "能拿多少报酬") and no window of
//   the top passages has that noun beside a value of the asked shape (askedValues / valuesFound: the loan's total
//   beside the topic does not give its interest);
// - masked: the best window has the documents' redaction marks (×××, ***, xx, 20xx) — what is asked may be
//   exactly what was blanked.
// Patterns describe shapes of answers, not particular questions.
import { answerTypes, hasAnswerOf, hasCount, type AnswerType } from './answer-type.ts'
import { taggedWords } from './tokenize.ts'
import { withoutFew } from './few.ts'
import { BLANK } from './clean.ts'

export type Detail = AnswerType | 'person' | 'name' | 'year' | 'place' | 'count' | 'procedure' | 'cost' | 'materials' | 'condition' | 'eligible' | 'next' | 'now' | 'fee' | 'span' | 'contact' | 'outcome' | 'hours' | 'perUnit' | 'benefit' | 'day' | 'month' | 'area' | 'self' | 'license' | 'law' | 'score' | 'payer' | 'age' | 'sanction' | 'size'

const COST_ASK = /(?:费|金|款|钱|薪|价)(?:是|要|有|大概|一共|一年|一个月|每月|每年)?(?:多少|几)|(?:什么|啥|多少)(?:价位|价钱|价格|价)|(?:奖|交|贷|赔|领|补|给|挣|赚|拿|贴)(?:了)?多少(?![\u4e00-\u9fff])|(?:领|给|拿|发|补)(?:了|到)?多少[^，,。？?]{0,4}(?:补贴|补助|津贴|工资|报酬|钱|费|金|款)|多少(?:奖金|经费|活动经费|资金|费|钱|款|救助金|资助|补贴|补助|津贴|工资|报酬|利息)|多少\p{Script=Han}{1,3}费(?!\p{Script=Han})|会费(?![吗么嘛不没])(?=[^，,。？?]*(?:多少|几))|(?:交|收|要)钱(?![吗么嘛不没])/u
const HOW_MUCH = /多少|几/u
const RATE_ASK = /利率|利息|比例|百分|几成|几个点/u
const MONEY_SUM = /\d+(?:\.\d+)?\s*(?:元|万元|万|亿|块)|[一二三四五六七八九十百千万两]+(?:元|万元|块钱)|免费|不收费|不收取?[^，,。；;]{0,4}费|免收|无偿|全额/u
const COUNT_ASK = /多少(?!钱|天)|(?<![哪第拜期周])几(?!乎|点|号|月|个月|天|周|个星期|年(?!了))|(?<=[这那近前头好])几年/

const ASKS: [Detail, RegExp][] = [
  // Who holds a title ("妇联主席是谁") wants a name; other who-questions ("找谁", "是谁来讲", "谁兼着当") are
  // answered by an office or a role as often as by a name.
  // So do people asked for one by one ("带头人都是谁", "评上的是哪几位", "医护人员都叫什么名字").
  ['person', /(?:主席|会长|书记|主任|校长|站长|园长|负责人|理事长|院长|所长|局长|镇长|县长|区长|村长)是(?:谁|哪位)|谁是[^，,。？?]{0,12}(?:主席|会长|书记|主任|校长|站长|园长|负责人|理事长|院长|所长|局长|镇长|县长|区长|村长)|哪位(?:领导|同志|老师)|都是谁|都有谁|(?:评|选|请|表彰|奖励)(?:上|出)?了谁|哪几位|是哪一?位|(?:人员|专家|医生|护士|干部|代表|成员|志愿者|带头人|老师)[^，,。？?]{0,4}叫(?:什么|啥)名/],
  // A name: of a person or of a thing ("基地叫什么名字").
  ['name', /叫(?:什么|啥)名|名字叫(?:什么|啥)|叫(?:什么|啥)[？?]?$|哪(?:一)?(?:本|部|首)|(?:什么|啥)(?:书|歌)(?![法记])/],
  ['year', /哪一?年|什么年份|哪个年份|几几年/],
  // Which day or which month, not just when: "每年一次" or "今年" says when in a way, not on which day.
  ['day', /哪一?天|哪几天|几号|几月几[号日]|什么日子|哪个日子/],
  // How big a room or a plot: square metres, mu.
  ['area', /多大(?:的)?(?:面积|地方|场地|屋子|房子|房间|场所)|面积(?:要|得|需要)?多大|多少平(?:方|米)?/],
  ['month', /几月份?(?!几)|哪个月/],
  // Where, not where from ("经费从哪里来").
  // "去哪申请", "到哪办" (not "提到哪些", "交到哪个部门", "得到哪些帮助").
  // "在哪个展演活动中获奖" asks which event, not where.
  ['place', /在哪(?!个?(?:展演|活动|比赛|评选|会议|项目|节目|大赛|方面|阶段|环节|届|年|次)|一?天|个月|月)|(?<![提得收遇达受交送])(?:去|到)哪(?=儿(?!来)|里(?!来)|申请|办|报名|登记|看|查|做|领|问|[？?，,\s]|$)|(?<!从)哪里(?!来)|(?<!从)哪儿(?!来)|什么地方|啥地方|什么地点|哪个地方|(?:哪个|什么|啥|具体)位置|哪条(?:路|街|马路|巷)|哪个(?:区|县|市|城市|省|省份|镇|乡|乡镇|村|街道|社区|医院|场馆|景区|风景区|学校|公园)|哪家医院|地点/],
  // How many of something (not money, which has its own kinds; not "哪几家", a list).
  // Not 礼拜几 / 星期几 / 周几: a weekday.
  // Not how long ("要还几年", 几个月, 几天): a span, below. "搞了几年了" and "这几年" stay counts.
  ['count', COUNT_ASK],
  // How to do something with the office ("咋申请", "怎么报名参加"): a procedure, not "怎么办" (what to do).
  ['procedure', /(?:怎么|如何|怎样|咋)(?:样)?(?:才能|才|去|来|能|可以|要)?(?:申请|报名|参加|加入|办理|申报|预约|领取|领|入驻|参选|登记|联系|报|进(?![行一展步入]))/],
  // A paper to be got, asked "X咋办" ("人身安全保护令咋办", "健康证怎么办"): how to get it, not what to do.
  ['procedure', /(?:证|令|卡|手续|执照)(?:要|得|该)?(?:咋|怎么|如何|怎样)办(?!法)/u],
  // "换人的流程是怎样的", "手续是啥": the steps.
  ['procedure', /(?:流程|手续|步骤|程序)(?:是)?(?:怎样|怎么样|什么|啥|如何|咋样)/u],
  // What to bring or hand in ("要带什么?", "交啥材料"): papers, not "材料里" (the document itself).
  ['materials', /(?:带|交|准备|提交|需要|要)(?:哪些|什么|啥)(?:材料|证件|手续|东西)?(?=[？?，,、]|$)|(?:带|交|准备|提交|需要|要)(?:哪些|什么|啥)(?:材料|资料|证件|手续)|(?:材料|证件|手续)(?:有哪些|要哪些|是什么|是啥)/],
  // Who may be or do it ("微家主人是谁都能当吗", "啥样的人能当女主人", "负责人一般找什么样的人来当", "随便谁都能张罗吗"): the
  // kinds of people it is open to, not a sentence that only names the post.
  // Or whether someone of a kind may take part ("老年人能报名吗", "个人能自己报名吗", "男的能报不"): answered by who it is
  // for ("男职工也可报名参加", "面向…"), not by the programme's name.
  ['eligible', /(?:什么|啥|哪)样的?人|(?:什么|啥|哪些)人(?:能|可以|才能)|谁都(?:能|可以)|随便谁|谁(?:能|可以)(?:当|做|来当|来做|担任)|(?:一般|通常|都)(?:是)?谁(?:来)?(?:当|做|担任|管)|(?:什么|啥|哪些|哪种)人(?:来)?(?:当|做|担任|管)|(?:老年人|老人家?|老太太|男的|男同志|男性|外地的?人?|外来的?人?|个人|学生|退休的?人?|上班族)也?(?:能|可以|能不能|可不可以)(?:自己|直接)?(?:报名|参加|申请|加入|报)(?:参加|参与)?[^，,。？?]{0,12}?(?:吗|不|么|没)?(?=[？?，,。\s]|$)/],
  // Whether she may bring someone ("亲子活动能不能带爷爷奶奶一起参加"): who it is open to.
  ['eligible', /(?:能不能|可不可以|能|可以)带(?:上)?\p{Script=Han}{1,4}?(?:一起|一块儿?)(?:参加|去|来)(?:吗|不|么)?(?=[？?，,。\s]|$)/u],
  // Who qualifies ("要啥条件", "满足什么条件", "收入有什么要求").
  // "合格的标准是啥": what it takes, by its standard.
  // "有年龄要求吗", "有没有学历限制": a bound on who may.
  // A claimed bound ("是不是只收大专以上学历的", "只招本地户口的吗"): only a stated requirement settles it.
  ['condition', /只(?:收|要|招|限|让|能)[^，,。？?]{0,10}(?:以上|以下|学历|户口|户籍|本地)/u],
  ['condition', /(?:什么|啥|哪些)(?:样的)?(?:条件|要求|资格|标准)|(?:条件|要求|资格|标准)(?:是什么|是啥|有哪些)|(?:年龄|学历|收入|户籍|身高|文化)(?:上)?(?:有)?(?:要求|限制|门槛)/],
  // What something costs or pays, named by its noun ("物业费一年要交多少", "奖多少", "会费"): the money kind of
  // answer-type.ts asks for the plain phrasings only (多少钱, 收费), and its ASKS also steer the ranker.
  // The next session ("下一期讲啥", "下次讲座是什么时候"): a plan or report says what was held, not what comes next,
  // unless it names the next one or a standing schedule.
  ['next', /下一?[期次回场届轮]|下次|下回/],
  // When next year's one is ("明年的单身联谊啥时候办"): a report of this year's date does not say.
  ['next', /明年[^，,。？?]{0,14}(?:啥时候|什么时候|几月|哪天|几号)|明年还(?:办|搞|有|开|举办|评)(?:不|吗|没|么)?(?=[？?，,。\s]|$)/u],
  // How long, how often ("一期学多久", "多久活动一次", "多长时间轮一次班"): a span or a rhythm.
  // What the law says ("法律上有啥规定", "是哪一条规定的", "这合法吗", "违不违法"): a work plan that names the issue
  // ("“出嫁女”权益维护") does not say it; only a law, an article or a legal provision cited does.
  // So do what she owes, whether it counts as violence and whether she can sue ("他赌钱欠的债我要帮着还吗", "这种算不算家暴",
  // "能起诉他吗"): questions of law, not of what the Federation plans.
  ['law', /(?:要不要|用不用|需不需要|该不该|得|要)(?:跟着|帮着|帮他|替他|一起)+还(?:吗|不|呀|啊|呢|[？?，,]|$)|算不算(?:是)?(?:家暴|家庭暴力|违法|犯法|侵权)|(?:能|可以|能不能|可不可以)(?:去)?(?:起诉|告)(?:他|她)?(?:吗|不|么|[？?，,]|$)/u],
  ['law', /法律上|法律效力|法律效应|判给谁|判归谁|抚养权(?:归谁|给谁|怎么判)|争抚养权|(?:哪|那)一?条(?:法律?|规定)|(?:法律|法规)(?:是)?(?:怎么|咋|如何)(?:规定|说)|(?:有|是)(?:什么|啥|哪些)法律(?:规定|依据)?|法律依据|(?:合|违|犯)(?:不(?:合|违|犯))?法(?:吗|么|不|没|嘛)?(?=[？?，,。\s]|$)/],
  ['span', /多久|多长时间|多长|(?<![哪第这那近前头好])几(?:个月|天|周|个星期|年(?!了))|提前几(?:个月|天|周|个星期)|多少天/],
  // A claimed rhythm or span ("轮值是不是一个月换一次人", "满一年就能评"): only a window with a span or a rhythm settles it.
  ['span', /(?:一|两|三|半)(?:个月|年|周|个星期)(?:换|轮|评|搞|办|开)一次|满(?:一|两|三|半)(?:个月|年)(?:就|才)/u],
  // Whether it costs anything ("要交学费吗", "收不收钱", "免费吗"): a price, or a word that it is free.
  ['fee', /收费|收(?:点|些|个)\p{Script=Han}{0,3}费|收不收(?:钱|费)|不要钱|要不要钱|要钱|收钱|交(?:学费|会费|报名费|钱)|(?:学费|会费|报名费)|免费(?:吗|不|没|嘛|的吗)|是不是(?:完全|全部|都)?免费|能免费|(?:付|交|出|掏)\p{Script=Han}{0,3}费(?:用)?(?:吗|不|么|没|呢|[？?]|$)/u],
  // Whether it still holds now ("王桂英现在还在镇妇联当主任吗", "现在还招人吗", "现在是谁当主席"): a dated document
  // says how it was then; only "至今 / 仍" speaks for now.
  ['now', /(?:现在|目前|如今|眼下|至今)的?[^，,。？?]{0,12}还[^，,。？?]{0,14}(?:吗|嘛|不|没|么)[？?]?(?=[，,。？?]|$)|(?:现在|目前|如今)[^，,。？?]{0,8}(?:是谁|谁当|谁是|哪位)/],
  // Opening hours ("几点到几点有人接", "周末开不开门", "周六上不上班"): a clock span, a rhythm of days, or 24小时.
  ['hours', /(?:晚上|夜里|半夜|周末|节假日)[^，,。？?]{0,4}打得通|(?:是|有)24小时|(?:晚上|夜里|周末|节假日|星期天|礼拜天)[^，,。？?]{0,4}有人(?:接|值班|在)|几点到几点|几点(?:开|关)门|(?:上|开)不(?:上|开)(?:班|门)|哪几天对外|开放时间|营业时间|对外开放|几点(?:有人)?接|开门吗|关门吗|周末(?:开|上班)/],
  // What actually came of it ("实际已经建成了多少个", "最后评上的是哪几位", "完成得怎么样", "现在当上…了吗"): a plan says what
  // is to be done; only a report of what was done answers.
  // Who won ("最后谁拿了冠军", "哪个队得了一等奖"): only a report that names the winner answers.
  // Whether or when something planned is finished ("活动中心建好了没有", "啥时候能建好", "什么时候能用上"): a plan to
  // 加快…建设 says it is not yet; only a report that it was built answers.
  ['outcome', /(?:建好|建成|完工|竣工|落成|用上|投入使用)了?(?:没有|没|吗|么|不)|(?:什么时候|啥时候|哪年|何时|多久)(?:能|才能|可以|会)?(?:建好|建成|完工|竣工|落成|用上|投入使用)/],
  ['outcome', /谁(?:拿|得|获|赢|夺)(?:了|得了?)?(?:冠军|亚军|第一|一等奖|金奖|大奖|奖)|实际(?:上)?|最后(?:评上|定在|选出|完成|建成|评出)|完成得(?:怎么样|如何)|落实得(?:怎么样|如何)|(?:现在|目前|如今)[^，,。？?]{0,12}(?:了吗|了没|了么)/],
  // How much for one ("一个人最多能贷多少", "一件给多少工钱", "每个月能领多少", "每个部门推荐几个"): a total or a
  // programme's size beside the topic does not say what one person, one piece or one month gets.
  // "创业贷款能贷多少" is what she can borrow, not what the county lent in a year (727.32万元).
  ['perUnit', /(?:一个人|每个?人|一户|每户|单笔|一笔|一次|每次|一件|每件|一个月|每个?月|每个(?:部门|单位|村|社区|孩子|人|家庭)|一个(?:孩子|大病|生病)|最多|最高|上限)[^，,。？?]{0,8}(?:多少|几)|(?:能|可以|可)(?:贷|借)(?:到|出)?多少/],
  // Whom to go to ("找谁报名", "该找谁", "向谁反映"): a contact, an office or post that takes it, a way to reach it.
  ['contact', /找谁|找哪(?:个|家|里|儿)|联系谁|问谁|向谁|跟谁(?:说|联系|反映|报)/],
  // Whether it brings money or things ("评上了有奖金没", "有啥补助政策没有", "三八节发啥东西不"): only a window that names
  // such a benefit answers, not the programme's description.
  // Also with a word naming what it is for before it ("有没有经费补贴", "有没有误工补贴").
  ['benefit', /(?:有没有|有|发|给)(?:啥|什么|点|些)?(?:[^，,。？?]{1,8}(?=补贴|补助|津贴|抚恤金|救助金))?(?:奖金|奖励|奖品|补助|补贴|津贴|抚恤金|救助金|礼品|礼物|东西|课酬|报酬|酬劳|劳务费|误工费)(?:政策)?(?:可以|能)?(?:领|拿|申请)?(?:没有|没|吗|不|么|[？?，,]|$)|(?:奖金|奖励|补助|补贴|津贴)(?:有没有|有吗|有没)|(?:能|可以)?(?:换|兑|兑换)(?:点|些)?(?:什么|啥)(?:东西)?(?:吗|不|么|呢|[？?，,]|$)/u],
  // A reduction ("保育费能减免吗", "能不能免掉"): only a window that names one answers.
  ['benefit', /(?:能|可以|能不能|可不可以)(?:申请)?(?:减免|减半|免除|免掉|打折)/u],
  // Compensation ("试用期被辞退有补偿没", "修路占了地给补偿不", "能要多少赔偿"): only a window that names one answers.
  // What an award brings ("好婆媳评上给啥", "评上了有啥奖"): a prize or a benefit named.
  ['benefit', /评(?:上|选上|中)了?[^，,。？?]{0,4}(?:给|发|奖|有)(?:点)?(?:啥|什么)(?:奖|东西|好处|奖励)?(?=[？?，,。\s吗呀啊]|$)/u],
  ['benefit', /(?:有|给|能要|要|拿|赔)(?:多少|点|些)?(?:补偿|赔偿|赔偿金|补偿金)(?:没有|没|吗|不|么|[？?，,]|$)|(?:补偿|赔偿)(?:有没有|有吗|有没|多少|怎么算)|(?:补偿|赔偿)(?:款|金|费)[^，,。？?]{0,6}(?:怎么算|多少)/u],
  // Whether she may put herself forward ("自己能报名吗", "能不能自己报自己", "可以自荐吗"): answered by how candidates come
  // forward (自荐, 个人申报, 由…推荐), not by the award's description.
  ['self', /自己(?:能|可以|能不能|可不可以)?(?:报名|报|申报|申请|推荐)(?:自己)?(?:吗|不|么|没|呢|[？?，,\s]|$)|(?:能|可以|能不能|可不可以)自己(?:报名|报|申报|推荐)|自荐|报自己/u],
  // Whether a certificate or a card is needed ("需要考什么证吗", "借书要办卡吗"): answered only where one is named.
  // How to sit for a certificate ("家庭教育指导师怎么考", "育婴师证咋考"): where a certificate or exam is named.
  ['license', /(?:怎么|咋|如何|在哪|去哪|哪里)(?:报)?考(?![虑察核评])/u],
  ['license', /(?:考|拿|办|持|要有|发|给|颁)(?:个|张|什么|啥)?(?:证|证书|资格证|上岗证|卡)(?:吗|不|么|没|[？?，,]|$)/u],
  // A licence or permit to be got ("要办营业执照不", "要不要办健康证"): only a window that names one answers.
  ['license', /(?:发不发|给不给|颁不颁)\p{Script=Han}{0,4}(?:证书|证)|(?:发|颁)\p{Script=Han}{0,4}证书(?:吗|不|没|么|[？?，,]|$)/u],
  ['license', /(?:办|领|考|拿|要有)(?:个|张)?\p{Script=Han}{0,4}(?:执照|许可证|健康证|资格证)(?:吗|不|么|没|呢|[？?，,\s]|$)/u],
  ['cost', COST_ASK],
  // How it is scored ("验收打分的标准是什么", "有没有具体的打分细则", "多少分算合格"): only the points or a scoring sheet
  // answer, not a plan that says it will be 考评 / 验收.
  ['score', /打分|评分(?:表|细则|标准)|多少分|满分|分值|计分/],
  // Who pays ("路费谁出", "家宴会谁出钱 大家AA吗", "摔倒了谁负责赔", "微家能报车费不"): who bears the cost, or that it is
  // free or one's own, not a programme's budget beside the topic.
  ['payer', /谁(?:来)?(?:出钱|掏钱|付钱|出(?=[？?，,。\s吗呀啊]|$)|付(?=[？?，,。\s吗呀啊]|$)|承担|负责赔|赔|报销)|(?:能|给|可以|给不给|能不能)报(?:销)?\p{Script=Han}{0,2}(?:费|钱)|(?:费|钱)(?:能|可以|能不能|给不给)报(?:销)?(?=[？?，,。\s吗不么]|$)|责任(?:算|归|在)谁|垫付|先垫|谁(?:的|来)?(?:担|负)?责任|AA/u],
  // An age ("多大岁数能做", "有没有年龄限制", "60岁了还能报名吗"): only an age or an age bound answers.
  ['age', /多大岁数|多大年[龄纪]|多少岁|几岁|(?:多大)?年龄(?:限制|要求|有限制|多大|是多少|多少)|(?:\d+|[一二三四五六七八九十]+)岁了?(?:还|也)?(?:能|可以|让)/u],
  // What happens to someone who falls short ("不合格会被撤掉吗", "会摘牌吗", "能不能把她撤掉"): only a rule that says so.
  // A size ("牌子尺寸有统一规定吗", "横幅做多宽"): only a measure answers, not a rule that there is a plaque.
  ['size', /尺寸|规格(?:是|有|多大)|多大的?(?:牌子|牌匾|横幅|展板|海报)|(?:牌子|牌匾|横幅|展板|海报)[^，,。？?]{0,4}多(?:大|宽|高|长)/u],
  // A claim with a sum or an age in it ("听说管理员每个月有800块补贴，是真的吗", "是不是要满18岁才能报名"): only a window that
  // gives a sum or an age settles it, one way or the other.
  // (Not 一块 / 三块内容, together or parts; not a child's 三岁, of a range the documents write in digits.)
  ['cost', /\d+(?:\.\d+)?\s*(?:块|元)|[一二三四五六七八九十百千万两]{2,}(?:块|元)|[一二三四五六七八九两]元(?![旦素宵])/u],
  ['age', /\d{2}\s*周?岁|[一二三四五六七八九]?十[一二三四五六七八九]?周?岁/u],
  ['sanction', /(?:会不会|会|能不能)被?取消(?:吗|不|么|[？?，,]|$)|撤掉|撤职|撤换|罢免|摘牌|取消(?:她的?)?资格|开除|除名|被撤/u],
]

/**
 * How far from the asked noun its value may stand, in characters either side (12: nested CV on the tuning side,
 * test/fixtures/qa-real/README.md). 16 since the twentieth round: on the 3,236 tuning questions it answers one covered
 * question declined at 12 ("太白社区5月28日跟哪个单位一起搞卫生") and changes nothing else; 20 answered two more covered
 * ones and one uncovered ("春蕾计划资助一个女仔一年几多钱") outright: not taken.
 */
export const VALUE_REACH = { n: 16 }
/** The value put off to elsewhere: "推荐名额见分配表", "时间另行通知", "具体日期待定". */
const DEFERRED = /^[^，,。；;]{0,4}(?:见|详见|参见|另行|另定|待定|另附)/
function nearWord(w: string, word: string): string[] {
  const out: string[] = []
  for (let i = w.indexOf(word); i >= 0; i = w.indexOf(word, i + 1)) if (!DEFERRED.test(w.slice(i + word.length))) out.push(w.slice(Math.max(0, i - VALUE_REACH.n), i + word.length + VALUE_REACH.n))
  return out
}

/** A street address: a road or street with a number, or a house number. */
const STREET_ADDRESS = /\p{Script=Han}{1,6}(?:路|街|大道|巷)(?:\d|[一二三四五六七八九十百]+号)|\d+号(?!文|令)|门牌/u
/** Common surnames: a name is a surname and one or two characters beside a title. */
const SURNAME = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const TITLE = '主席|副主席|会长|书记|主任|校长|站长|园长|负责人|理事长|同志|女士|先生|老师|院长|所长|局长|镇长|县长|区长|村长'
const TITLE_IN = new RegExp(TITLE, 'g')
/** A quoted or titled name: “春晖基金”, 《…》. */
const QUOTED = /[“"《「][^”"》」]{2,20}[”"》」]/
/** "哪个区妇联…" answered in the same frame: a name, the same place word, and the two characters the question has after it. */
function namedInFrame(question: string, text: string): boolean {
  const ask = /哪个(区|县|市|镇|乡|村|街道|社区)(\p{Script=Han}{2})/u.exec(question)
  if (!ask) return false
  const re = new RegExp(`(\\p{Script=Han}{2})${ask[1]}${ask[2]}`, 'gu')
  return [...text.matchAll(re)].some((m) => !question.includes(m[1]!))
}
const HAS: Partial<Record<Detail, RegExp>> = {
  size: /\d+(?:\.\d+)?\s*(?:厘米|公分|cm|毫米|mm|米|m)(?![a-z])|\d+\s*[×xX*]\s*\d+/u,
  age: /\d+\s*周?岁|[一二三四五六七八九十]+(?:周)?岁|年满|年龄(?:在|为|不超过|不满|以[上下])|岁以[上下]/,
  sanction: /撤销|撤换|罢免|摘牌|取消(?:其)?(?:资格|称号|命名)|退出机制|动态管理|免去|除名|不再保留|予以调整/,
  payer: /承担|负担|报销|出资|列支|自费|免费|不收费|费用由|经费由|由[^，。；]{1,12}(?:支付|出资|负责)|AA制/,
  score: /\d+\s*分(?![钟之类为别配享工布析解散])|满分|分值|评分表|评分细则|打分表|计分/,
  law: /《[^》]{1,24}(?:法|条例|规定|办法)》|第[一二三四五六七八九十百\d]+条|法律规定|依法|法律明确/,
  self: /自荐|自主申报|个人申报|本人申请|个人申请|自行申报|自愿报名|自愿申报|个人(?:也)?可|(?:由|经)[^，。；,;]{1,16}推荐|推荐产生|组织推荐|单位推荐/,
  license: /考试|报考|证书|资格证|上岗证|持证|执照|职业资格|借书证|读者证|会员卡|办卡/,
  benefit: /奖金|奖励|奖品|补助|补贴|津贴|慰问金|慰问品|礼品|资助|救助金|扶持资金|补偿|赔偿|抚恤金|减免|免收|免除/,
  // Papers: an ID or certificate, a form, copies, photos.
  // A form named in 《》 or by its use (推荐表, 报名表).
  materials: /证(?!明显)|证明|复印件|照片|申请表|登记表|户口|材料|原件/,
  // Who qualifies: a requirement, an age or income bound, a priority.
  // A list of what must be there reads as one too: "在有场地、有条件、有活动…的场所".
  condition: /须|必须|应当|具备|符合|要求|条件|年满|以上|以下|不超过|具有|要有|一要|优先|限|有[^、，,。]{1,4}、有/,
  // The kinds of people it is open to ("女党员、女干部、女企业家…", "可以是一个妇女也可以是…", "由…担任", "不拘一格").
  eligible: /可以是|物色|不拘一格|自愿|(?:也|均|都)可以?\|?(?:报名|参加|申请|加入)|(?:也|均|都)可以?\||面向|仅限|限于|不限|(?:由|从)[^，。；]{1,16}(?:担任|组成|兼任|中选|产生)|(?:党员|干部|企业家|能手|代表|志愿者|骨干|户主)[、和及]|年满/,
  // How it is done, in words the question may not have: steps, a channel, a form, a number to call.
  procedure: /流程|步骤|程序|(?:报名|申请|联系|参与|参加|办理|加入|领取|预约|申报|登记|求助|投诉|反映|咨询)(?:方式|途径|渠道)|报名|申请表|填写|提交|携带|凭|持.{0,6}[证件]|(?<!结对|密切|紧密|加强|广泛|直接)联系(?!机制|服务|群众|妇女|基层)|电话|热线|咨询|登录|网上(?:报名|申请|办理|提交|填报|登记|预约)|扫码|逐级|申报/,
  year: /(?:19|20)\d{2}\s*年?/,
  next: /下一?[期次回场届轮]|下次|下回|每(?:周|月|季度|年|星期|天|半月|两周)|定期|定于|逢/,
  now: /至今|仍然|仍在|依然|仍是|现仍|目前仍/,
  hours: /\d{1,2}[:：]\d{2}\s*[-—~至到]|[上下]午\s*\d{1,2}\s*[点:：]|(?:早|晚)上?\s*\d{1,2}\s*点|\d{1,2}\s*点\s*(?:至|到|-|—)|24小时|全天|(?:周|星期)[一二三四五六日天]\s*(?:至|到|-|—)\s*(?:周|星期)?[一二三四五六日天]|开放时间|工作日|节假日/,
  outcome: /实际|已(?:经)?(?:建成|完成|实现|评出|达到|当选|降|投入使用|落成)|建成(?:并)?投入使用|正式(?:开放|启用|投入使用)|共(?:评出|建成|选出)|截至|评出|当选|获评|(?:获得|荣获|夺得|摘得)[^，。；]{0,12}(?:冠军|亚军|第一|一等奖|金奖|奖)|(?:下降|降低|减少|增长|提高)了|完成了|实现了|至今|仍/,
  // Read on the whole window: "维权员" answers "管维权的人…找谁" although 维权 is the question's own word.
  contact: /联系|电话|热线|\d{7,}|负责人|办公室|咨询|举报|投诉|窗口|(?:维权|服务|工作|接待|受理|援助|调解)(?:站|点|员|中心|室|岗)|向[^，。；]{1,12}(?:申请|报名|反映|求助|报告)|到[^，。；]{1,12}(?:报名|登记|申请|求助)/,
  // A figure said per head, piece or period, or a cap ("每人补助", "单笔最高", "不超过", "元/月").
  perUnit: /每(?:人|户|名|个|件|次|月|年|周|天|位|笔|家|期|场|课|季度)|单笔|人均|户均|最高|最多|不超过|上限|一次性|元\s*[\/每]|按件|计件/,
  // Not a year ("2019年工作计划"): a number of days, months, years…
  span: /(?<!\d)(?!(?:19|20)\d{2}\s*年)\d+\s*(?:天|日|工作日|周|个月|月|年|小时|分钟|课时|学时|节|期)|[一二三四五六七八九十两半]+(?:个)?(?:天|日|工作日|周|个月|年|小时|星期|节)|每(?:周|月|季度?|年|星期|天|半月|两周|半年)|定期|常年|长期/,
  // A sum is a price only beside a charge word ("每人收取20元", "报名费100元"), not a programme's budget ("投入134.6万元").
  fee: /(?<!是否|是不是|免不)免费|不收|(?<!是否)收费|无偿|自费|费用|(?:费|收取?|交纳?|缴纳?)[^，。；,;]{0,6}[\d.]+\s*万?元|[\d.]+\s*元\s*[\/每]/,
  // A named place: a name and a place word ("上虞区", "春雷小学"), an address, a house number.
  // The two characters before the place word are a name, not a function word or a quantifier ("全县", "进社区", "在社区");
  // a floor or a room ("社区三楼手工室") is a place too.
  place: /(?:(?![各全本该在进到和与及等的了是为对向从于把被将个些之每其])\p{Script=Han}){2}(?:省|市|区(?![域别分])|县|镇|乡|村|街道|社区|医院|体育馆|公园|景区|广场|小学|中学|大厦|大楼)|[路街]\d|地址|\d+号|[一二三四五六七八九十\d]+(?:楼|层)|\p{Script=Han}{1,3}(?:室|厅|礼堂)(?![主任长])|(?:位于|设在|设于|坐落在?)\p{Script=Han}{2}|场所|场地/u,
}

/**
 * Who to apply to or through, read on the whole window: "向法律援助中心申请" answers "法律援助怎么申请" although both of
 * its words are the question's own.
 */
const CHANNEL = /向.{1,12}(?:申请|提出|报)|到.{1,12}(?:办理|申请|报名|登记)|经.{1,8}(?:审核|推荐|批准|同意)|由.{1,12}(?:推荐|申报|审核|审批)/
/** Signing up by a message: in the group, to the bot, to the host privately. */
const HOW_TO_SIGN_UP = /(?:群里|群内)(?:回复|接龙|报名)|私信[^，。；]{0,8}报名|回复[“"「]?报名|@小助手/
/** Characters that make the two before 市 / 区 no name: 全区, 辖区, 城区, 社区, 文明城市, 该市. */
const NOT_NAMING = '各全本该在进到和与及等的了是为对向从于把被将个些之每其辖城小社园景郊山片校新市'

/**
 * Where something IS: a place after a locative word (在…, 位于…, 设在…, 落户…), an address or a house number — not any
 * place the window names ("与图书室", "体现新区特色").
 */
// Not a one-character office word that ends a common word: 格局, 布局 (局), 内部, 全部 (部).
const PLACE_NAMED = '(?:\\p{Script=Han}){1,6}(?:省|市|区(?![域别分])|县|镇|乡|村|街道|社区|医院|体育馆|公园|景区|广场|小学|中学|大厦|大楼|室|厅|礼堂|中心|基地|场所|场地|驿站|站|(?<![格布结大时当开])局|所|(?<![内全外局干])部|委|办|院|单位|处|科|队|机构|家里|家中|楼宇|商圈)(?![域别分内])'
// Or the kinds of place it goes in, listed after a locative: "要建在妇女集聚的企业、窗口服务、办公楼宇…等地方" says where
// a 微家 is opened, though no one place is named.
// "在原有美丽驿站的基础上" names a starting point, not where something is; "在推进…活动中心建设中" a course of work,
// "得到了县委…的肯定" no place at all.
const LOCATED = new RegExp(
  `(?:在(?!推进|开展|加强|加快|推动|深化|实施|完成|落实|做好|抓好|提升|促进|发挥|参与|组织|举办|广大|此)|位于|设在|设于|落户|建在|坐落|于|(?<![得受达遇收看想感提来做])到(?!了)|地址|地点)[：:]?([^，。；、]{0,10}?(?:${PLACE_NAMED}))(?!的?基础上)|([路街]\\d|\\d+号|[一二三四五六七八九十\\d]+(?:楼|层))|((?:在|设在|建在|设于)[^，。；、]{1,16}(?:、[^，。；、]{1,12}){2,}等(?:地方|场所|地点|区域))`,
  'gu',
)
/** A located place whose name is not the question's own ("设在区公安分局刑侦大队" for "办公室设在哪"). */
function located(text: string, question: string): boolean {
  // A blanked name (□风景区) names nothing.
  // A bare place word (在社区, 在家里) names no place either.
  return [...text.matchAll(LOCATED)].some((m) => m[2] !== undefined || m[3] !== undefined || (m[1] !== undefined && m[1].length >= 3 && !question.includes(m[1]!.slice(-4)) && !m[1]!.includes(BLANK)))
}
/** Which level or office, not where: "设在哪一级", "放在哪个部门", "写在哪里" (on a paper). */
const PLACE_WORD_ONLY = /哪一级|哪个(?:部门|单位|机构)|写在哪|有(?:什么|啥|哪些)(?:地方|地儿)/u
const WHERE_IS = /哪里|哪儿|在哪|哪个地方|什么地方|啥地方|设在|位置|地址|地点/u
const HAND_IN_WHERE = /(?:交|送|报|寄)(?:到|至|给)?(?:哪里|哪儿|哪)/u
const HANDED_TO = /(?:交至|交到|交给|报送至?|送至|送交|上报|报至|寄至|寄到)\p{Script=Han}{2}/u

/** Whether `a` and `b` share a run of `n` characters. */
function sharesRun(a: string, b: string, n: number): boolean {
  for (let i = 0; i + n <= b.length; i++) if (a.includes(b.slice(i, i + n))) return true
  return false
}

/** "Where to apply" (去哪里申请, 到哪儿办): answered by whom to apply to as well as by a place. */
const APPLY_WHERE = /(?:去|到|在|上)?(?:哪里|哪儿|哪)(?:去|可以|能)?(?:申请|办理|办|报名|登记|领取|投诉|求助)/

/** A number the question gives and asks what it is: "12338是什么电话", "请问12338是哪里的号码". */
const NUMBER_NAMED = /\d{5,}[^，,。？?]{0,3}是(?:什么|啥|哪里的?|哪个|干啥的?|做什么的?|干什么的?)(?:的)?(?:电话|号码|热线|号)|\d{5,}.*(?:这个|那个)(?:电话|号码|热线|号)是(?:干啥|干嘛|做什么|干什么|管什么|管啥)/u

/** Redaction marks as the normalised documents write them (lower-cased: XX → xx). */
const MASK = /×{2,}|\*{3,}|(?<![a-z])xx(?![a-z])|\d{2}xx|\d{3}-(?!\d)/

/**
 * The question names something by the documents' redaction mark and asks what it is ("户籍人口88.94万的那个***区是哪个区",
 * "联系人刘xx的电话多少", "20xx年到底是哪一年"): the answer is what was blanked. Asking something else of it ("***区户籍
 * 人口里女性有多少人") is not this.
 */
export function asksWhatIsMasked(question: string): boolean {
  const mark = /×{2,}|\*{3,}|(?<![a-z])xx(?![a-z])|\d{2}xx|\d{3}-(?!\d)/u.exec(question)
  if (!mark) return false
  const after = question.slice(mark.index)
  return /是哪|哪一?年|哪个|哪几|叫(?:什么|啥)|名字|是谁|电话|号码|在哪|地址/u.test(after)
}

export function askedDetails(asked: string): Detail[] {
  const question = withoutFew(asked)
  // "12338是什么电话": the number is given; what line it is, is asked (a tester got "not found").
  const types = answerTypes(question).filter((t) => !(t === 'phone' && NUMBER_NAMED.test(question)))
  // "热线号码是多少": the 多少 of a number asked for is the number, not a count of something.
  const own = ASKS.filter(([d, re]) => re.test(question) && !(d === 'count' && (types.includes('phone') || onlyCostCounted(question)))).map(([d]) => d)
  // "一般都是谁来当" asks what kind of people hold it, not a named person.
  const kinds = own.includes('eligible') ? own.filter((d) => d !== 'person') : own
  // "创业贷款利息谁出" asks who pays the interest, not how much it is.
  const priced = own.includes('payer') ? types.filter((t) => t !== 'money' && t !== 'amount') : types
  return [...new Set<Detail>([...priced, ...kinds])]
}

/** "要交多少培训费": the 多少 is the price asked, not a count — in every clause that asks how many. */
function onlyCostCounted(question: string): boolean {
  const clauses = question.split(/[，,。？?！!；;\s]+/u).filter((c) => COUNT_ASK.test(c))
  return clauses.length > 0 && clauses.every((c) => COST_ASK.test(c))
}

/**
 * Whether window `text` has a detail of kind `d` beyond the question's own words. A name is looked for beside
 * the title the question names ("妇联主席叫什么名字": a 主席, not the 县委书记 of the same paragraph), or beside
 * any title, and must not be a name the question already wrote.
 */
export function hasDetail(d: Detail, text: string, question = '', measured = true): boolean {
  // A time of day in the heading ("3、座谈会时间：3月6日上午9:00") is that item's, not the hours of what follows it.
  // Unless the heading names what is asked about ("座谈会几点开" under "3、座谈会时间：3月6日上午9:00").
  if ((d === 'hours' || d === 'clock') && !sharesRun(text.slice(0, text.lastIndexOf('\n') + 1), question, 3)) text = text.slice(text.lastIndexOf('\n') + 1)
  const titles = [...new Set(question.match(TITLE_IN) ?? [])]
  if (d === 'person' || (d === 'name' && titles.length)) return namedBeside(titles.length ? titles.join('|') : TITLE, text, question)
  const rest = beyondQuestion(question, text)
  // A book or a song is named in 《》.
  if (d === 'name' && /哪(?:一)?[本部首]|(?:什么|啥)(?:书|歌)/u.test(question)) return /《[^》]{1,30}》/u.test(rest)
  if (d === 'name') return namedBeside(TITLE, text, question) || QUOTED.test(rest)
  // "在附件几", "见表几": which numbered attachment or table, answered by its label and number ("参考图例(附件1)").
  const label = LABEL_ASK.exec(question)
  if (d === 'count' && label) return new RegExp(`${label[1]}\\s*[\\d一二三四五六七八九十]`, 'u').test(text)
  if (d === 'count') return hasCount(rest) && (!measured || countInMeasure(question, text))
  // "几月几号办" asks a date in the year: a month with it, not "每周" or "每年有一次".
  if (d === 'day') return DAY.test(rest) && (!/几月几[号日]|哪月哪[号日]/u.test(question) || MONTH.test(rest))
  if (d === 'area') return /\d+(?:\.\d+)?\s*(?:平方米|平米|平方|㎡|m²|亩)|[一二三四五六七八九十百千]+(?:平方米|平米|亩)/u.test(text)
  if (d === 'month') return MONTH.test(rest)
  // "哪个区妇联设计的图标" is answered by "上虞区妇联设计的图标": a place named by a name the question does not have,
  // although its place word (区) and all that follows are the question's own.
  if (d === 'place' && namedInFrame(question, text)) return true
  // "在哪个市哪个区": a city or a district by its name ("上虞区"), not 辖区, 城区 or a village of the place asked about.
  // So for the road, the hospital, the window asked for by kind ("在哪条路上", "在哪家医院做").
  // "哪个城市", "哪个省份": a city, a province.
  const levels = d === 'place' ? [...question.matchAll(/哪(?:个|条|家|所)(城市|省份|省|市|区|县|镇|乡|村|街道|路|街|医院|窗口|学校|小学|中学|公园|广场)/gu)].map((m) => ({ 城市: '市', 省份: '省' })[m[1]!] ?? m[1]!) : []
  // "在哪条街 / 哪条路": a street address (…路12号, 街3号), never 街道 (a subdistrict) or 思路.
  if (levels.some((l) => l === '路' || l === '街')) return STREET_ADDRESS.test(rest)
  if (levels.length) return new RegExp(`(?:(?![${NOT_NAMING}])\\p{Script=Han}){2}(?:${levels.join('|')})(?![域别分内外])`, 'u').test(rest)
  // How much money ("补贴能拿多少", "每年能领多少"): a sum or that it is free, not the word 补贴 or a percentage beside
  // the topic (unless a rate is asked: 利率, 利息, 比例).
  if (d === 'cost') return (HOW_MUCH.test(question) ? (RATE_ASK.test(question) ? hasAnswerOf('money', rest) : MONEY_SUM.test(rest)) : hasAnswerOf('money', rest))
  if (d === 'procedure' && CHANNEL.test(text)) return true
  // "去哪里申请" is answered by whom to apply to: "向…基层人民法院申请".
  // "在哪报名" is answered by how: "在群里回复“报名”…也可以私信微家主人报名".
  if (d === 'place' && APPLY_WHERE.test(question) && (CHANNEL.test(text) || HOW_TO_SIGN_UP.test(text))) return true
  // "交到哪里" is answered by whom it goes to: "交至党群工作部", "上报县妇联办公室".
  if (d === 'place' && HAND_IN_WHERE.test(question) && HANDED_TO.test(text)) return true
  if (d === 'perUnit' && !unitMatches(question, text)) return false
  // The form of what she asks about ("十佳巾帼女职工推荐的时候要交哪些材料" ← "填写《十佳巾帼女职工推荐表》和事迹材料"): the
  // papers, although 材料 is her own word. Another award's form ("十佳家长" beside 十佳巾帼女职工) is not.
  if (d === 'materials' && [...text.matchAll(/《([^》]{2,30})表》/gu)].some((m) => sharesRun(m[1]!, question, 4))) return true
  if (WHOLE_WINDOW.has(d)) return HAS[d]!.test(text)
  // "X在哪": where X is, said with a locative (设在…, 位于…) or an address; "有啥地方能去" asks which places there are.
  if (d === 'place' && measured && WHERE_IS.test(question) && !PLACE_WORD_ONLY.test(question)) return located(text, question)
  const has = HAS[d]
  return has ? has.test(rest) : hasAnswerOf(d as AnswerType, rest)
}

/**
 * The unit a per-unit question names (每户, 一个人, 每个月, 一次, 一件) and how a window says an amount in that unit.
 * "特困儿童家庭救助每户一年能补多少" is not answered by a fund's 50万 beside "每年开展…": the window must give the
 * amount in her unit, or a cap (最高, 最多, 不超过, 上限), which holds whatever the unit.
 */
const UNITS: readonly (readonly [RegExp, RegExp])[] = [
  [/每户|一户|每家|一家/u, /每户|户均|每家|一户|每个家庭/u],
  [/一个人|每个?人|每名|一个(?:孩子|大病|生病|儿童|学生)|每个(?:孩子|儿童|学生)/u, /每人|每名|每位|人均|每个人|每个?(?:孩子|儿童|学生)|一人/u],
  [/一个月|每个?月/u, /每个?月|月均|一个月|按月/u],
  [/一次(?!性)|每次/u, /每次|单次|一次性/u],
  [/一件|每件/u, /每件|按件|计件/u],
]
const ANY_UNIT = /最高|最多|不超过|上限|单笔/u
function unitMatches(question: string, text: string): boolean {
  const asked = UNITS.filter(([q]) => q.test(question))
  return !asked.length || ANY_UNIT.test(text) || asked.some(([, t]) => t.test(text))
}

const LABEL_ASK = /(附件|附表|附录|附图)几/u

/** Read on the whole window: the question's own words may be part of the answer ("下一期…", "每月…", "免费…"). */
const WHOLE_WINDOW = new Set<Detail>(['next', 'now', 'fee', 'span', 'contact', 'outcome', 'hours', 'perUnit', 'benefit', 'self', 'license', 'law', 'score', 'payer', 'age', 'sanction'])

/** Names listed one after another ("王芳、李红、张丽"): people named without their titles. */
const NAME_LIST = new RegExp(`[${SURNAME}]\\p{Script=Han}{1,2}[、，,][${SURNAME}]\\p{Script=Han}{1,2}[、，,和]`, 'u')

function namedBeside(titles: string, text: string, question: string): boolean {
  if (NAME_LIST.test(beyondQuestion(question, text))) return true
  const re = new RegExp(`(?:${titles})[：:\\s]*([${SURNAME}]\\p{Script=Han}{1,2})|([${SURNAME}]\\p{Script=Han}{1,2})(?:${titles})`, 'gu')
  return [...text.matchAll(re)].some((m) => !question.includes((m[1] ?? m[2])!.slice(0, 2)))
}

/**
 * `text` with every stretch it shares with the question (two characters or more) cut out: what is left is
 * what the window says beyond the question.
 */
const COUNT_MEASURE = /[次回场期趟轮个名位户人家项条件批届天年月]/u

export function beyondQuestion(question: string, text: string): string {
  const parts = new Set<string>()
  for (let i = 0; i < question.length; i++) {
    // The measure word after 几 / 多少 is the answer's too ("几次业务培训" beside "一次业务培训"): it stays with the value.
    if (i > 0 && /[几少]/u.test(question[i - 1]!) && COUNT_MEASURE.test(question[i]!)) continue
    let best = ''
    for (let j = i + 2; j <= question.length; j++) {
      const s = question.slice(i, j)
      if (!text.includes(s)) break
      best = s
    }
    if (best) parts.add(best)
  }
  let out = text
  for (const p of [...parts].sort((a, b) => b.length - a.length)) out = out.split(p).join('|')
  return out
}

/** Whether some window holds every asked detail beyond the question's own words (true when none is asked). */
export function detailsFound(details: Detail[], question: string, windows: string[]): boolean {
  if (!details.length) return true
  return windows.some((w) => details.every((d) => hasDetail(d, w, question)))
}

export function masked(text: string): boolean {
  return MASK.test(text)
}

/**
 * The asked value's head noun. "小额贷款利息是多少" asks for 利息, "能拿多少报酬" for 报酬, "推荐几个名额" for 名额:
 * a window that gives the loan's total, or some other count, next to the topic does not say it. The head is the
 * noun right after the asking word ("多少报酬", "几个名额"), or, when nothing follows it or what follows only names
 * the shape of the answer (多少钱, 什么地方, 什么时候, 叫什么名字), the noun right before it ("利息是多少", "基地在什么地方").
 */
const VALUE_ASK = /多少|(?<![礼拜星期周])几(?![乎点号月])|哪几|哪位|是谁|什么时候|啥时候|哪天|哪一?年|在哪|什么地方|啥地方|什么地点|哪里|哪儿|叫什么|叫啥/
/** Words that name the answer's shape, not what it is the value of. */
// 领导 and 同志 only say a person is asked ("请哪位领导来讲的"): the answer is a title and a name (县委书记黄寿龙).
const SHAPE_WORDS = new Set('钱 名字 名称 题目 标题 地方 地点 地址 位置 时候 时间 日子 人 人数 位 个 天 年 号 号码 电话号码 次 回 块 元 单 起 件 例 宗 领导 同志 类型 种类 类别'.split(' '))
const NOUN = /^(?:n|vn|l|j)/
const ONE_CHAR_VERBS = new Set('报 交 发 办 送 领 寄 填 开 做 去 来'.split(' '))
/** Nouns that only say which figure of something is asked (its 目标, its 标准). */
const RATIO = /^(?:比例|占比|比重)$/u
const WEAK_HEADS = new Set('目标 标准 情况 数量 数字 规模 水平 具体 总数 节点 时间节点 时间 日期 期限'.split(' '))
/** Between the head before and the asking word: light verbs, adverbs, prepositions, numerals ("利息是多少", "一个月能拿多少"). */
const LIGHT = /^(?:d|p|m|q|r|c|u|t|zg)/
const LIGHT_VERBS = new Set('是 有 要 能 算 拿 领 为 在 可以 能够 会 需要 得 大概 约 共 都 还 到底 究竟 叫'.split(' '))
const LOCATIVE = /^(?:县|村|镇|区|市|乡|街道|社区|小区|单位|公司|学校|这|那)(?:里|上|里头|里面|这边|那边)$/u
const TRANSPARENT = new Set('一共 总共 现在 大概 大约 最少 至少 最多 起码 顶多 至多 差不多 全年 每年 一年 今年 去年 目前 一般 具体 到底'.split(' '))

export interface AskedValue {
  head: string
  /** The shapes of value the clause asks (detail kinds); [] when it asks a value of no known shape (哪几栏). */
  details: Detail[]
}

const VALUE_DETAILS = new Set<Detail>(['person', 'name', 'year', 'place', 'count', 'cost', 'phone', 'url', 'email', 'clock', 'date', 'money', 'amount', 'address'])

export function askedValues(question: string): AskedValue[] {
  const out: AskedValue[] = []
  for (const [clause] of withoutFew(question).matchAll(/[^，,。？?！!；;\s]+/g)) {
    const ask = VALUE_ASK.exec(clause)
    if (!ask) continue
    const words = taggedWords(clause)
    // Word index where the asking word starts / ends.
    let pos = 0
    let at = -1
    let end = -1
    words.forEach((w, i) => {
      const s = pos
      pos += w.word.length
      if (at < 0 && pos > ask.index) at = i
      if (end < 0 && s >= ask.index + ask[0].length) end = i
    })
    if (at < 0) continue
    let head = ''
    if (end >= 0) {
      // After: numerals, measure words, quote marks, modifiers (多少救助款, 几个名额, 什么样的活动).
      for (let i = end; i < words.length && i < end + 5; i++) {
        const w = words[i]!
        if (!head && /^(?:m|q|x|uj|a|b)$/.test(w.tag)) continue
        // A compound's last noun is its head (多少份宣传手册 → 手册).
        // Some one-character verbs jieba tags as nouns ("哪天报"): what is done, not what the value is of.
        if (NOUN.test(w.tag) && !ONE_CHAR_VERBS.has(w.word) && !SHAPE_WORDS.has(w.word) && !TRANSPARENT.has(w.word)) head = w.word
        else break
      }
    }
    if (!head) {
      // Before: only light words between (利息是多少, 一个月能拿多少, 基地在什么地方); after a content verb
      // (一共贷到多少钱, 受理了多少起) the question asks how much was done, and the verb is what it asks about.
      for (let i = at - 1; i >= 0; i--) {
        const w = words[i]!
        // A locative ("县里有啥地方", "镇上在哪") says where she looks, not what the value is of.
        if (TRANSPARENT.has(w.word) || w.tag === 'x' || LOCATIVE.test(w.word)) continue
        if (NOUN.test(w.tag) && !SHAPE_WORDS.has(w.word) && w.word.length >= 2) {
          // A weak last noun (处理率目标, 补贴标准): the noun it is said of.
          let k = i
          // Also across 的 ("精细化建设的时间节点" → 建设).
          for (;;) {
            if (!WEAK_HEADS.has(words[k]!.word) || k === 0) break
            if (NOUN.test(words[k - 1]!.tag)) k--
            else if (words[k - 1]!.word === '的' && k > 1 && NOUN.test(words[k - 2]!.tag) && words[k - 2]!.word.length >= 2) k -= 2
            else break
          }
          head = words[k]!.word
          // A share asked with nothing it is a share of in the clause ("…都兼着计生专干啊 比例多少"): a percentage anywhere
          // near the topic answers; "贴息比例是多少" keeps 比例 said of 贴息.
          if (RATIO.test(head) && k === 0) head = ''
          break
        }
        if (/^v/.test(w.tag) ? !LIGHT_VERBS.has(w.word) : !LIGHT.test(w.tag)) break
      }
    }
    if (!head) continue
    out.push({ head, details: askedDetails(clause).filter((d) => VALUE_DETAILS.has(d)) })
  }
  return out
}

/**
 * Whether some window has each asked value: its head noun (or, through `present`, an equivalent the lexicon or
 * glossary gives; a compound's last two characters, 贷款 for 小额贷款) together with a value of the asked shape.
 */
export function valuesFound(asked: AskedValue[], question: string, windows: string[], present: (t: string, w: string) => boolean): boolean {
  return asked.every(({ head, details }) =>
    windows.some((w) => {
      // A compound by its last two characters (贷款 for 小额贷款); a colloquial word with 子 or 儿 by its stem (结对 for 结对子).
      const parts = head.length < 3 ? [] : /[子儿]$/u.test(head) ? [head.slice(-2), head.slice(0, -1)] : [head.slice(-2)]
      const part = parts.find((x) => w.includes(x))
      const named = present(head, w) || part !== undefined
      if (!named) return details.length === 1 && details[0] === 'count' && countedByVerb(question, w)
      // Written as asked, the value must stand near it ("累计达35万元" beside 贷款), not anywhere in the window
      // ("…95%以上都兼计生专干…大多数报酬也拿的是计生经费" gives no 报酬).
      const word = w.includes(head) ? head : part
      const near = word ? nearWord(w, word) : [w]
      // (Near the noun, any count: "组成10组进行…比赛" stands nearer 比赛 than "三人为一组" does.)
      return near.some((x) => details.every((d) => hasDetail(d, x, question, false)))
    }),
  )
}

/** A day: a date in the month, a weekday, a festival, the month's start or end. */
const FESTIVAL = '(?:三八|春|端午|中秋|重阳|母亲|父亲|儿童|妇女|劳动|国庆|元旦|元宵|七夕|教师|清明)节'
const DAY = new RegExp(`\\d{1,2}\\s*[日号]|[一二三四五六七八九十廿]{1,3}[日号]|初[一二三四五六七八九十]|(?:周|礼拜|星期)[一二三四五六日天末]|${FESTIVAL}|月底|月初|月末|月中|除夕|中旬|上旬|下旬|每周|每逢|工作日`, 'u')
/** A month: a month number, a festival, a season or a school holiday, the year's start or end. */
const MONTH = new RegExp(`\\d{1,2}\\s*月|[一二三四五六七八九十]{1,3}月|正月|腊月|${FESTIVAL}|年底|年初|年末|岁末|[春夏秋冬]季|[春夏秋冬]天|暑假|寒假|开学|上半年|下半年|季度`, 'u')

/**
 * Measure words that say what a count counts ("开几次会", "多少家民宿", "几个点的息"): a count in another measure
 * (727.32万元 for 几个点, 300名 for 几次) answers something else. 个 counts anything, so it asks no measure.
 */
const MEASURES: string[][] = [
  ['次', '回', '场', '期', '趟', '轮'],
  ['人', '名', '位', '人次', '户'],
  ['家', '户', '所', '个'],
  ['点', '%', '个百分点', '成'],
]
const COUNTED_THINGS = /(?:\d+|[一二三四五六七八九十两百千]+)\s*[万千百]?[余多]?\s*[个家所户项名人位支座处条场次期件批届类种字篇本份张块套台间]/u
/** "一批" on its own is a batch of unstated size (not 十一批). */
const VAGUE_BATCH = /(?<![\d一二三四五六七八九十两百千])一批/gu
function countInMeasure(question: string, text: string): boolean {
  // Clause by clause: "办了几期，受理了多少来访" asks 期 of one window and nothing of the other.
  return question.split(/[，,。？?！!；;\s]+/u).some((clause) => {
    if (!COUNT_ASK.test(clause)) return false
    const m = /(?:几|多少)个?(人次|[次回场期趟轮人名位家所点])/u.exec(clause)
    // "多少个妇女微家": some thing counted by a measure word ("100个", "5家", "24处"), not a year or a sum of money.
    // "提升一批妇女微家" is some of them, not how many.
    if (!m && /(?:几|多少)个/u.test(clause)) return COUNTED_THINGS.test(text.replace(VAGUE_BATCH, ''))
    const group = m ? MEASURES.find((g) => g.includes(m[1]!)) : undefined
    // "3.4万余人", "1000多名", "三人为一组".
    return !group || new RegExp(`(?:\\d+(?:\\.\\d+)?|[一二三四五六七八九十两百千万半]+)\\s*[万千百亿]?[余多]?\\s*(?:${group.map((u) => (u === '%' ? '%|％' : u)).join('|')})`, 'u').test(text)
  })
}

/**
 * "调解成了几起纠纷" answered by "成功调解49起": the count of what the question's own verb did, with the question's
 * measure word, needs no noun (纠纷 is what 调解 counts).
 */
function countedByVerb(question: string, window: string): boolean {
  const measure = /(?:几|多少)([起名个人家所场次户期项件位支座])/u.exec(question)?.[1]
  if (!measure) return false
  for (const m of window.matchAll(new RegExp(`(\\p{Script=Han}{2})(?:了|成功|共|达)?\\d+${measure}`, 'gu'))) {
    if (question.includes(m[1]!)) return true
  }
  return false
}

/**
 * "Which ones / what it holds" of a named set ("“一圈两场三道”具体是哪些", "母亲邮包里都装了些啥", "8个项目具体是哪些"):
 * a document that answers defines the set where it names it — “五有”（有阵地、有主人…）, “六进家”：维权维稳进“家”、…,
 * 十大项目（巾帼强、巾帼创…） — while one that only mentions it goes on ("发放母亲邮包12个；", "围绕“一圈两场三道”开展…").
 * These documents are lists everywhere, so a list merely nearby says nothing; the list must open right after the name.
 */
const ITEMS_ASK = /具体(?:是|指|包括)的?哪|都装了?些?|(?:里面|里头|里边)装了?(?:什么|啥|哪些)|装了些|装的都?是些?(?:什么|啥)|装的(?:什么|啥)|(?:是指|是学|是做|是搞|是讲|是亮|包括|包含|都有)哪(?:[两三四五六七八九十双]|几)|包括哪些|分别(?:是|叫|指)(?:哪|什么|啥|谁)|是哪(?:[两三四五六七八九十双]|几(?:家|个|位|项|所|支|条|种|类)|\d)/u
// (A dash after the name introduces what it is: "“爱在六月”—爱心妈妈带自强儿童星期八小镇体验".)
const DEFINES = /^[”」"』’]?\s*[，,]?\s*(?:[（(]|[:：]|—|即|包括|主要指|主要有|分别是|分别为|是指|指的是|就是|是[:：]|有[:：]|第一是|一是)/u
/**
 * A list that ends right where the set is named ("亮牌子、亮身份、亮作为的“三亮”", "…和社会工作人才等六类妇女人才",
 * "组织、载体、方法“三个创新”") — not a list the set is the next item of ("老妇干、贫困农村妇女、“两癌”贫困母亲").
 */
const LISTED_BEFORE = /、[^，。；,;\n]{0,24}[^、，。；,;\n]$/u
const SET_QUOTED = /[「“"『]([^」”"』]{2,20})[」”"』]/u
/** A count word and one or two characters standing as a name at the end ("…的两癌", "三化"), before the ask. */
const SHORT_COUNTED = /(?:^|[^\p{Script=Han}]|的)([二三四五六七八九十两双]\p{Script=Han}{1,2})(?:到底|具体|都|分别)*$/u
/** Quotation marks around a name, dropped when names are compared. */
const QUOTE_MARKS = /[「“"『」”"』]/gu
/** A count with its measure word: "10个", "五家". */
const COUNT = '(?:\\d+|[一二三四五六七八九十两百]+)[个家项所名位支条种类批]'
const COUNTED_SET = new RegExp(`${COUNT}((?:\\p{Script=Han}|[「“"『」”"』]){2,16}?)(?:里|中|当中|都|具体|的)*$`, 'u')
const LEADING_COUNT = new RegExp(`^${COUNT}`, 'u')
/** Plain nouns a counted set may be named by ("8个项目", "三个方面"): the count says which of them. */
const GENERIC_SET = new Set('项目 活动 内容 方面 措施 工作 任务 部分 环节 服务 机制 制度 要求'.split(' '))
const LIGHT_BEFORE = new Set('的 里 里面 里头 都 具体 是 那 这 那个 这个 中 当中 有'.split(' '))

/** The set a which-ones question asks about: its quoted name, else the noun right before the asking words. */
export function askedSet(question: string): string | undefined {
  const ask = ITEMS_ASK.exec(question)
  if (!ask) return undefined
  // "幸福大讲堂都有哪几门课" asks the courses it gives, not which ones make it up: a thing named after the measure
  // word is something else of it (a set's own name after it, "十大项目都有哪几个项目", is still the set).
  const after = /^[个门种类项家所位条场](\p{Script=Han}{1,2})/u.exec(question.slice(ask.index + ask[0].length))?.[1]
  const ownNoun = after && !/^[呢啊呀吗嘛啦的了是呀啥什么哪些]/u.test(after) ? after : undefined
  // A set named by its count ("评出的10个巾帼创业示范基地是哪几家", "5家“五有”示范妇女微家分别是哪5家"): its whole name after the
  // measure word, so "五型妇女微家（主要指…）" does not list the 示范 ones.
  const counted = COUNTED_SET.exec(question.slice(0, ask.index))
  if (counted) return ownNoun && !counted[1]!.includes(ownNoun) ? undefined : counted[1]!.replace(QUOTE_MARKS, '')
  const quoted = SET_QUOTED.exec(question.slice(0, ask.index))
  if (quoted) return ownNoun && !quoted[1]!.includes(ownNoun) ? undefined : quoted[1]
  // A set named by a count and one or two characters, unquoted ("两癌是哪两癌", "三化是指哪三化"): the name jieba cuts in two.
  const short = SHORT_COUNTED.exec(question.slice(0, ask.index))
  if (short) return short[1]
  const words = taggedWords(question.slice(0, ask.index))
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!
    if (LIGHT_BEFORE.has(w.word) || w.tag === 'x') continue
    if (!NOUN.test(w.tag) || w.word.length < 2) return undefined
    // The whole compound (母亲 邮包 → 母亲邮包).
    let name = w.word
    for (let j = i - 1; j >= 0 && j >= i - 2 && NOUN.test(words[j]!.tag); j--) name = words[j]!.word + name
    return ownNoun && !name.includes(ownNoun) ? undefined : name
  }
  return undefined
}

/**
 * Whether some window defines the asked set with a list right after its name; undefined when the question asks no
 * such thing or no window names the set (then other signals decide).
 */
export function setListed(question: string, windows: string[]): boolean | undefined {
  const set = askedSet(question)
  if (!set) return termDefined(question, windows)
  let named = false
  // "“六在家庭”是哪六个": the members may be listed without the set's name ("学在家庭、乐在家庭、爱在家庭…").
  const counted = /^([二三四五六七八九十两双])(\p{Script=Han}{1,3})$/u.exec(set)
  if (counted) {
    const x = counted[2]!
    const k = Math.min(Math.max(numeral(counted[1]!), 2), 3)
    const members = new RegExp(`[^、，。；]{0,6}${x}[^、，。；]{0,6}(?:、[^、，。；]{0,8}${x}[^、，。；]{0,8}){${k - 1}}`, 'u')
    // Or run together, each opening with it: "新领域新业态新阶层新群体等“四新”领域".
    const runTogether = new RegExp(`(?:${x}\\p{Script=Han}{1,3}?){${k}}[^，。；]{0,4}[「“"『]?${set}`, 'u')
    if (windows.some((w) => members.test(w) || runTogether.test(w))) return true
  }
  // A set named by a count and a plain noun ("8个项目具体是哪些") is that many of them: "十大项目（…）" lists others.
  const count = GENERIC_SET.has(set) ? COUNTED_SET.exec(question.slice(0, ITEMS_ASK.exec(question)!.index))?.[0].match(/^(?:\d+|[一二三四五六七八九十两百]+)/u)?.[0] : undefined
  for (const window of windows) {
    const w = window.replace(QUOTE_MARKS, '')
    for (let i = w.indexOf(set); i >= 0; i = w.indexOf(set, i + 1)) {
      if (count && !w.slice(Math.max(0, i - 6), i + set.length + 6).includes(count)) continue
      named = true
      // Its count may come first: "评选出巾帼创业示范基地10个：…".
      const after = w.slice(i + set.length).replace(LEADING_COUNT, '')
      if (DEFINES.test(after) && /、|一是|；/u.test(after.slice(0, 80))) return true
      if (LISTED_BEFORE.test(w.slice(Math.max(0, i - 40), i))) return true
    }
  }
  return named ? false : undefined
}

/**
 * What a quoted coined term means ("“一圈两场三道”具体指的是什么", "“六学”活动具体是学哪六样"): a document that answers
 * defines it where it names it — “三培两带”工程(即把党员培养成致富能手…), “5”即“五亮”：… — while one that only uses it
 * goes on ("围绕“一圈两场三道”开展…", "稳步推进“六学”活动"). Undefined when no such thing is asked.
 */
export function termDefined(question: string, windows: string[]): boolean | undefined {
  const term = askedDefinition(question)
  if (!term) return undefined
  // A term of a letter or two ("X") is found in its quotes: the x of "5+6+x" is not it.
  const short = term.length <= 2
  for (const w of windows) {
    for (let i = w.indexOf(term); i >= 0; i = w.indexOf(term, i + 1)) {
      // Or as the tail of a quoted name the question quotes whole ("“拒绝三不”活动,“三不”指的是什么").
      if (short && !((/[「“"『]/u.test(w[i - 1] ?? '') || (/\p{Script=Han}/u.test(w[i - 1] ?? '') && question.includes(w.slice(Math.max(0, i - 2), i + term.length + 1)))) && /[」”"』]/u.test(w[i + term.length] ?? ''))) continue
      if (DEFINES.test(w.slice(i + term.length).replace(TERM_NOUN, ''))) return true
      if (NOUN_THEN_DEFINES.test(w.slice(i + term.length))) return true
      if (LISTED_BEFORE.test(w.slice(Math.max(0, i - 40), i))) return true
    }
  }
  // A quoted term asked about is written as quoted: no window near the question naming it defines it either.
  return false
}

/** The quoted term a what-does-it-mean question asks about, or a coined term of counts asked what it means. */
export function askedDefinition(question: string): string | undefined {
  return DEFINITION_ASKED.exec(question)?.[1] ?? coinedAsked(question)
}

/**
 * A name coined from counts ("双海双区", "十百计划", "三化", "5+6+X", "三培两带") is an abbreviation: what it means is
 * asked even without 具体 ("双海双区到底是啥意思", "“十百计划”是个啥计划", "巾帼“三化”护美的三化是指什么"), and only a window
 * that spells it out answers — "“三培两带”工程(即…)", "“1+2+2”楼栋式工作制(即建立1名…)" — not one that uses it
 * ("继续深化“十百计划”", "共筑‘双海双区’幸福梦"). A plain name ("“身边有家”是什么意思") is answered, for those who wrote
 * these questions, by the sentence using it, and is left alone.
 */
function coinedAsked(question: string): string | undefined {
  const ask = COINED_ASK.exec(question)
  if (!ask) return undefined
  const before = question.slice(0, ask.index).replace(/(?:到底|究竟|具体|是个|\s)+$/u, '')
  // A quoted term, or one with a short noun after it ("“双维双促”维权队伍是什么意思").
  const quoted = /[「“"『]([^」”"』]{2,12})[」”"』]\p{Script=Han}{0,6}$/u.exec(before)?.[1]
  // Unquoted: what follows the last mark, 的 or 那个 ("巾帼“三化”护美的三化是指什么").
  const bare = before.split(/[^\p{Script=Han}\d+a-z]|的|那个|这个/u).at(-1)!
  const term = quoted ?? (bare.length >= 2 && bare.length <= 8 ? bare : undefined)
  return term && COINED.test(term) && !MAGNITUDE.test(term) ? term : undefined
}
/** What it means: 是什么意思, 啥意思, 是个啥计划, 是指什么, 指的是啥, 是啥 at the end. */
const COINED_ASK = /(?:是|指)?(?:什么|啥)意思|是个?(?:什么|啥)(?:计划|活动|工程|行动|项目|说法|名堂|东西)?(?=[？?！!，,。啊呀呢嘛\s]|$)|(?:是指|指的是|说的是)(?:什么|啥)|是[学比做搞讲干亮评创建](?:什么|啥)(?=[、，,？?！!。啊呀呢嘛\s]|$)/u
/** Counts in a name: 双海双区, 十百计划, 三化; or a scheme of numbers (1+2+2, 5+6+x). Not a number alone (12338). */
const COINED = /[一二三四五六七八九十百千两双]|^\d+(?:\+[\da-z]+)+$/u
/** A count of people or homes in a name is a magnitude, not its items: "“百万家庭网上行”是个什么项目" is answered by its use. */
const MAGNITUDE = /万|^\p{Script=Han}{7,}$/u
/** A short noun after the term, then its definition: “1+2+2”楼栋式工作制(即建立…), “五型妇女微家”(主要指…、…). */
const NOUN_THEN_DEFINES = /^[”」"』’]?\p{Script=Han}{1,6}[（(](?:即|主要指|是指|指|包括|[^）)]{0,30}、)/u
/** After a term's closing quote: the kind of thing it names ("工程", "活动", "模式"). */
const TERM_NOUN = /^[”」"』’]?(?:工程|活动|行动|模式|计划|工作制|机制|项目|工作法|文明行动|实践活动)?/u
const DEFINE_ASK = /(?:是指|指的是|指|是)(?:什么|啥|哪些)|是(?:学|做|搞|干|讲)(?:哪|什么|啥)/u
/**
 * A quoted term (a single letter too: “X”), what it names, then 具体 and the asking words right after it. Only
 * "specifically": "“身边有家”是什么意思" is answered, for those who wrote these questions, by the sentence using it.
 */
const DEFINITION_ASKED = new RegExp(
  `[「“"『]([^」”"』]{1,20})[」”"』]${TERM_NOUN.source.slice(1)}(?:里面?的?|中的?|那个)?具体(?:${DEFINE_ASK.source})(?!意思)`,
  'u',
)

const NUMERALS = '零一二三四五六七八九十'
const numeral = (c: string) => (c === '两' || c === '双' ? 2 : NUMERALS.indexOf(c))
