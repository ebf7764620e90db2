// Danger by meaning: what a person in danger says, grouped by what is happening, not by phrasings seen in the
// corpus. Each group is a reason to give 110 / 120 / 12338 / 12356 before anything else:
//   violence now (hitting in progress, a weapon out, strangling, breaking in, hiding), a threat to kill,
//   being locked in, a body in trouble (can't breathe, unconscious, bleeding, a stroke), suicide said plainly or
//   indirectly (being a burden, farewells, handing over the children, the means at hand), a child in danger.
// Two rules keep it from crying wolf: exclamations that only sound deadly are removed first (气死我了, 笑死,
// 累死了), and hitting that is clearly over or habitual with no sign of "now" is a help request, not an
// emergency (its first reply still carries 110 and 12338). Anything graver (weapon, threat, blood, strangling,
// hiding, locked in) is an emergency whatever the tense: leaning to safety costs a hotline line.
import type { Danger } from './types.ts'

const re = (parts: string[]) => new RegExp(parts.join('|'), 'u')

/** Someone who can hurt her: the subject of a threat. */
const AGENT = '(?:他|她|老公|丈夫|男人|前夫|对象|男朋友|男友|公公|婆婆|儿子|那人|那个人|醉汉|有人|疯子|孩子他爸|孩子爸)'
const WEAPON = '(?:菜刀|水果刀|刀子|刀|斧头|斧子|棍子|棍|棒子|铁棍|钢管|扳手|锤子|砖头|酒瓶|瓶子|枪|剪刀|皮带|烟头|开水)'
const VICTIM = '(?:我|俺|我们|孩子|娃|她|我妈|我女儿|我儿子|我闺女)'

/** Exclamations that name death or madness without any danger. */
export const HYPERBOLE =
  /想死你们|想死你了|想死我了|(?:气|笑|吓|困|饿|热|冻|累|烦|胖|忙|美|馋|乐|丑|穷|懒|冷|晒|撑|渴|急|羡慕|心疼|疼)死(?:我|人|了|啦|宝宝|俺)?(?:了|啦)?|要疯了|逼疯了|疯掉了|砸了它|气得吐血|疼死了?$|辣得要命|要命$|(?:卡|慢|贵|难|丑|吵)得要命|打死我?(?:也|都)不|(?:腿|胳膊|腰|手)(?:都)?要断了|杀(?:年猪|猪|鸡|鱼|价)|杀了我吧|(?:这|天气|作业|工作|加班|减肥|腰|牙|头疼|爬山|跳舞|考试|房贷|物价|孩子|娃|熊孩子|这娃|老板|领导|数学|题).{0,6}要(?:了)?(?:我|人)(?:的)?(?:老)?命|砍价|秒杀|笑得.{0,4}(?:肚子疼|喘不上气)|(?:作业|工作|加班|孩子|娃).{0,6}(?:要命|逼死)/gu

/**
 * Words that are not meant literally, removed before reading: a simile ("疼得跟着火了一样"), a degree
 * complement ("饿得要死", "写得我想死", "加班加到吐血"), breath lost to stress ("压力大…喘不过气"), a prop
 * ("道具刀", a murder-mystery game).
 */
const FIGURATIVE =
  /(?:不是|并不是|没有?|不会|别担心我?|倒不是)(?:要|说)?(?:想不开|想死|轻生|寻短见|想自杀)|(?:跟|像|好像|如同)[^，。！？,!?]{0,8}(?:一样|似的)|[得到](?:我|人)?(?:要死|想死|吐血|半死)|(?:压力|觉得|有时候|憋屈|郁闷|烦|累|压得|逼得|房贷|车贷|贷款|欠债|债|日子|生活|家务).{0,10}喘不(?:上|过)气|(?:哈哈|😂|🤣|无语|服了|醉了)[^，。！？,!?]{0,10}(?:要|快)晕(?:倒|过去)?了|(?:要|快)晕(?:倒|过去)?了[^，。！？,!?]{0,4}(?:哈哈|😂|🤣)|最近.{0,8}喘不(?:上|过)气(?:来)?|道具\p{Script=Han}{0,2}|剧本杀|演(?:戏|凶手|坏人)|拍戏/gu
/** Sleeping pills taken as a habit ("最近吃安眠药吃的", "一直靠安眠药才能睡"): a sign of strain, not an overdose. */
const SLEEP_AID = /(?:最近|一直|每天|天天|每晚|长期|经常|常年|这阵子|这段时间)(?:都|还|在)*(?:吃|服|靠)(?:着)?安眠药(?:才能睡(?:着)?|睡觉|助眠|吃的)?/gu
/**
 * Someone else's talk of not wanting to live, reported as a habit or as said before ("她最近老说活着没意思",
 * "她之前跟我说过不想活了"): a worry to bring to staff, not danger this minute — unless the means or "now" come with it.
 */
const REPORTED_WISH = /(?:(?:她|他|我妈|我爸|妈妈|老妈|婆婆|公公|老人|姐姐|妹妹|我姐|我妹|同事|朋友|闺蜜|邻居|孩子|女儿|儿子|闺女|姑娘|丫头)[^，,。！!？?\s]{0,6}|(?<![我俺])(?=老|总|经常|时不时|动不动|天天))(?:老|总|老是|总是|经常|常|一直|时不时|动不动|天天)?(?:跟我|跟人|对我)?(?:说|念叨|讲|嚷嚷|提)(?:过|起过)?(?:自己)?[^，,。！!？?\s]{0,6}?(?:活着(?:真|还)?(?:没|有)?(?:什么|啥)?(?:意思|意义|劲)|不想活(?:了)?|活够了|想死|活着太累)/gu
const REPORT_HABIT = /老|总|经常|常|一直|时不时|动不动|天天|之前|以前|说过|提过|念叨|最近|有时/u
const MEANS_OR_NOW = /现在|正在|刚才|刚刚|今晚|马上|药|刀|绳|跳|楼顶|天台|阳台|河边|桥|煤气|遗书|再见|联系不上|找不到|不接电话/u
/** "救命" as an exclamation ("救命 这插花也太好看了吧", "救命 我要报插花！！！"): the word goes, the rest is still read. */
const CRY_OF_DELIGHT = /救命[啊呀]*[，,！!\s]*(?=.{0,10}(?:太.{1,4}了|好(?:看|美|可爱|好吃|香|帅|笑|喜欢)|我要报|笑死|哈哈|😂|🤣|😭😭)|.{0,16}(?:还有(?:没有)?(?:位|名额|空)|(?:给|帮)我留(?:一个|个)|帮我(?:报|取消|留|占)))/gu
/**
 * A cry beside an activity ("救命 亲子阅读满了？？求帮我跟娃排个候补", "救救我这枯燥的周末😂"): the cry goes and the
 * rest is still read, so "救命 他拿刀进来了" beside an activity is still danger.
 */
const ACTIVITY_TALK = /报名|报个|报一下|报上|报没报|报了没|候补|排个|名额|接龙|帮我报|给我报|把我加|加上我|加我|算我|带上我|捎上|让我也去|我也去/u
/**
 * A cry explained by a trouble of money, work or the law ("救救我吧，房东又要涨租，我实在交不起了"): a plea, not
 * danger; the rest of the message is still read.
 */
const PLEA_FOR = /房租|涨租|交不起|付不起|没钱|欠债|还不上|工资|失业|找不到工作|下岗|被辞|裁员|学费|生活费|断粮|揭不开锅|官司|抚养费/u
/** Someone heard crying for help: a report, whatever else the message says. */
export const CRY_HEARD = /(?:喊|叫|哭着|大喊|呼)(?:着)?(?:救命|救救)/u
/** Said outright to be a joke. */
const JOKE = /(?<!不是|没|没有|没在|不在|不|真不是)(?:开玩笑|开个玩笑|说着玩|逗你(?:玩)?的?|玩笑话)/u
/** Someone else's threat to jump, laughed off ("他就跳楼，我说你跳吧哈哈"). */
const LAUGHED_OFF = /(?:他|她|你)(?:就|要|说要|说)?(?:去)?(?:跳楼|跳河|去死|自杀).{0,20}(?:哈哈|😂|🤣)/u
/** A call for help that only ends an exclamation ("饿得要死，谁来救救我"). */
const CALL_ONLY = /救命|救救我|谁来救/gu
/** Said to be over already: the fire out, everyone fine. */
const RESOLVED = /已经(?:灭|扑灭|好|没事|不疼)了|(?:灭了){2}|人(?:都)?没事|虚惊一场|现在(?:已经)?(?:好(?:点|多|些)了|没事了|稳定(?:下来)?了)/u
/** Already in care: "在医院陪着", "住院了", "送医院了" — a body in trouble that others are looking after. */
const IN_CARE = /(?:在|住进?|送(?:到|进|去)?了?)医院|住院|急诊(?:室|科)?(?:里|了)|(?:医生|护士)(?:在|说)|伺候|护理|护工|瘫(?:在床|痪)|卧床/u
/** A threat on a condition ("再回娘家就打断你的腿"): fear to talk through, not an attack tonight. */
const CONDITIONAL_THREAT = /(?:再|要是|如果|敢).{0,8}就.{0,4}(?:打断|打死|杀|弄死|砍|(?:把孩子|把娃)?(?:带走|抢走))/u
const TONIGHT = /今晚|马上|正在|在门口|在楼下|回来了|等着|快来/u
/** A weapon lying ready beside a threat ("刀还在桌上放着"): the condition may be met any minute. */
const WEAPON_AT_HAND = new RegExp(`${WEAPON}(?:子)?(?:还|就|都)?(?:在|放在|摆在|搁在|压在)(?:桌|枕|床|手|身|门|他|旁|边|那)|(?:现在|正)(?:还)?(?:拿|握|攥|举|提|拎)着${WEAPON}`, 'u')

/** Bringing tools to an activity ("插花要带剪刀吗", "包饺子自己带菜刀"): not a weapon. */
const TOOL_FOR_ACTIVITY = /(?:要不要|需不需要|需要|用不用|得|要|自己|记得|别忘了?|请|大家|都)(?:带|拿|准备)(?:着|上|好)?.{0,4}(?:剪刀|刀|菜刀|绳子?|围裙)(?!.{0,3}(?:回来|来找|找我|上门|来家))/gu

const VIOLENCE_GRAVE = re([
  // A weapon in someone's hand, or pointed at her.
  `${AGENT}.{0,6}(?:拿|拎|举|提|抄|握|持|掏|挥|亮|比划)(?:着|了|起|出|起了)?.{0,3}${WEAPON}`,
  `(?:拿|拎|举|抄|握|持|掏|挥)(?:着|了|起|出)?(?:菜)?(?:刀|斧|棍|铁棍|钢管|锤子|砖头|酒瓶|枪)`,
  `${WEAPON}.{0,4}(?:对着|冲着|指着|抵着|架在|顶着|比划|架)`,
  '(?:用|拿)(?:刀|剪刀|棍子|皮带|酒瓶|烟头|开水|热水|凳子|椅子|板凳).{0,3}(?:砍|捅|刺|打|抽|砸|烫|泼)',
  // A weapon to be brought along ("说今晚要带刀回来找我算账").
  `(?:带|拿|拎|揣)(?:着|上)?${WEAPON}.{0,6}(?:回来|来找|找我|找你|上门|来家|来我家)`,
  '动刀|刀架|(?:砍|捅|(?<!挑|鱼|扎|讽|带)刺|划)(?:了|伤)?(?:我|俺|人|孩子|她)',
  '(?:泼|浇).{0,4}(?:汽油|硫酸|开水)|放火|点火烧|烧死|同归于尽|一起死|陪葬',
  // Threats to kill.
  `(?:杀|弄死|打死|掐死|砍死|捅死|整死|勒死|毒死|淹死|摔死|烧死|宰)(?:了)?${VICTIM}|(?:杀|砍)(?:了)?(?:你|我)?全家|要杀(?!了?(?:它|鸡|鱼|猪|羊|鸭|价|毒|虫|蟑螂))|说要杀|喊.{0,4}杀`,
  // "把我和娃一起弄死": the victim before the verb.
  `把${VICTIM}(?:和|跟|连)?${VICTIM}?.{0,4}(?:杀了|弄死|打死|掐死|砍死|捅死|整死|勒死|毒死|烧死)`,
  `(?:回来|今晚|今天|等着|晚上).{0,8}有(?:我|你|她|俺)(?:好)?受的|要(?:了)?(?:我|你|她|俺)(?:的)?(?:命|老命)|不让我活|让我(?:活不成|活不了|不得好死)|(?:回来|等着|说|今天|今晚).{0,6}(?:让|要)我好看|(?:堵|守|蹲)着不走|扬言|威胁.{0,8}(?:杀|死|命|砍|泼|烧)`,
  // Strangling, smothering, drowning.
  `(?:掐|勒|卡)(?:住|着)?${VICTIM}?(?:的)?(?:脖子|喉咙|脖)|捂(?:住|着)${VICTIM}?(?:的)?(?:嘴|鼻|口鼻)|(?:按|摁)(?:在|进)水里`,
  // Beaten badly, or bleeding now.
  '往死里打|拳打脚踢|(?:按|摁)(?:在)?(?:地上|墙上|床上).{0,4}(?:打|掐|揍|踢)|(?:撞|磕)(?:我|俺)?的?头|(?:揪|扯|薅)(?:着)?(?:我|俺)?的?头发|拖着我',
  '(?:踹|踢|打)(?:我|俺)?的?肚子|怀(?:着)?孕.{0,10}(?:打|踹|踢|推)|推下(?:楼|楼梯|去)',
  '(?:打|揍)得.{0,6}(?:流血|出血|站不|起不|动不了|骨折|晕|昏|住院|头破|满脸|听不见|看不见|睁不开)',
  '(?:头|脸|嘴|额头).{0,4}(?:撞|打|砸|磕)破|一直(?:在)?流血|(?:头|脸|嘴|额头|鼻子|眼睛|身上|胳膊|手|腿)(?:上)?(?:还|都)?(?:在|正在)(?:流血|出血|淌血)|满脸(?:是)?血|一脸(?:的)?血|头破血流|血流不止|血止不住|(?:流了|好多|一地|满地|满头|一身)(?:的)?血|(?:脸上|头上|身上|嘴里|鼻子|手上).{0,4}(?:全是|都是|好多|一直)(?:流)?血',
  // Breaking in, at the door, hunting for her, her hiding.
  '砸门|踹门|撞门|破门|撬门|冲进(?:来|家|屋)|闯进(?:来|家|屋)|翻(?:窗|墙)进',
  '(?:堵|守|等|蹲)在(?:我)?(?:家)?(?:门口|门外|楼下|单位门口|楼道)|在(?:我家)?(?:门外|楼下)等我|到处找我|找到我了|一路跟着我|跟踪我',
  '(?:我|俺).{0,4}(?:躲|藏)(?:在|到|着)(?!娘家|我妈家|妈家|朋友家|亲戚家|我姐家)|(?:躲|藏)(?:在|到)(?:厕所|卫生间|柜子|衣柜|床底|楼道|邻居家|车里|楼梯间)|把自己锁在|在躲他',
  // Locked in, cut off.
  '(?:把我|把俺|把我们|把孩子|被)(?:他|她)?(?:关|锁|反锁|困)(?:在|起来|了)|(?:关|锁|反锁)在.{0,6}(?:出不去|不让)|(?:门|锁).{0,6}出不去',
  '(?<!让|(?:怕|担心|不知道|会不会|万一|说不定).{0,6})不让我(?:走|离开|报警|打电话|睡觉|看病|去医院|下车)|(?:锁|关|堵|拦)着?(?:门)?.{0,6}不让我(?:出门|出去)|不让我(?:出门|出去).{0,6}(?:锁|关|堵|拦)|(?<!让)不让走|(?:手机|电话)(?:被|让)(?:他|她)?(?:抢|摔|砸|收|夺)|(?:手机|电话)(?:他|她)?(?:抢|收|夺)(?:走|了)|把(?:我|俺)?的?(?:手机|电话)(?:给)?(?:抢|摔|砸|收|夺)|没收(?:了)?(?:我的?)?手机',
  // Violence in progress.
  `(?:正在|又在|还在|现在在|现在|正|一直在)(?:打|揍|踢|踹|掐|砸|追|抽|拽|扯|推)(?:我|俺|孩子|门|东西|人|她)?`,
  `${AGENT}(?:在|正在|还在)(?:打|揍|踢|踹|掐|抽)${VICTIM}`,
  `(?:追着|追)(?:我|俺)(?:打|砍|跑)|(?:泼|烫)(?:我|了我)|拽着我`,
  `${WEAPON}.{0,3}(?:拿|掏|抽)出来|打断.{0,4}腿|打残|(?:又|正在|在)(?:开始)?打人|(?:要|说要|等着|回来)收拾(?:我|你|俺)|往(?:墙上|地上)(?:撞|摔)|拖(?:进|到|回)`,
  `(?:手里|手上)(?:有|拿着|握着|攥着)?.{0,3}${WEAPON}|(?:撞|踹|砸|踢)开|踢门|拍门|(?:把我|把俺)?堵在|疯了(?:一样|似的)|(?:不开门|不出来)[^，。,！!？?]{0,4}(?:就|要)`,
  '(?:按|摁)住(?:我|俺)|(?:撕|扒)(?:了|烂|破)?(?:我的?)?衣服|(?:开车|一路|在后面)追(?:我|着我)|(?:打|揍|掐)(?:晕|昏|残|骨折)|快来(?:人|救|帮)|来人啊|警察(?:还)?没来|等警察|(?:打|拨)(?:了)?110|110(?:打不通|没人接)',
  '(?:拿|用).{0,6}砸(?:我|俺|孩子)|砸(?:我|俺|向我)(?!的)|扔下去|(?:从|往)(?:窗|楼).{0,4}扔|抡(?:起|着)',
  '(?:在外面|门外|门口).{0,4}(?:敲门|砸|踹)|门外.{0,4}(?:骂|喊)|一直(?:在)?敲门|(?<!孙子|孙女|孩子|娃|儿子|女儿|闺女|外孙|宝宝)(?:一直|一路)跟着我(?!住|过|生活|长大)|(?<!(?:孩子|娃|儿子|女儿|闺女|吵架|吵|吓)[^，,。\s]{0,3})不敢回(?:家|去)|逃出来(?!.{0,3}(?:两|几|一|半|俩)(?:个)?(?:小时|钟头|天)|.{0,3}(?:透透气|放风|玩|喘口气))|(?:光着脚|连夜|半夜).{0,4}跑出来',
  '(?:好|很|特别|真)?(?:怕|害怕|吓)(?:得)?.{0,4}(?:发抖|哆嗦|不敢出声|不敢动)',
  // Sexual violence.
  '强奸|性侵|强暴|猥亵|非礼',
  // Calls for help.
  '救命|救救我|快来人|快报警|帮我报警|帮忙报警|(?<!要不要|该不该|用不用|需不需要|能不能|可不可以)报警(?:啊|呀|吧)|快来救|sos',
])

/** Hitting that may be over: an emergency unless it is clearly past or habitual with no sign of "now". */
const VIOLENCE_SOFT = re([
  // Not "有事打我" / "打我电话" (a phone call), not "打我的时候" (a when-clause of a story).
  `(?<!有事|随时|直接|请|可以|记得|就|你)(?:又|刚|刚才|刚刚|今天|今晚|昨天|昨晚)?(?:动手)?(?:打|揍|踢|踹|扇|推|掐)(?:了|着)?(?:我|俺)(?!家?(?:电话|手机|微信|视频|座机)|的电话|的手机|的时候|那会)`,
  '又动手了|动手了|动起手|动了手|打起来了|动手打|砸(?:东西|家|碗|电视)|摔东西|发疯|发酒疯',
  '把(?:我|俺)(?:给)?(?:打|揍|踢|踹|掐|推)(?:了|得|倒|伤|成|下)|(?:我|俺)(?:又|刚|刚刚|刚才|今天|今晚|昨天|昨晚)?被.{0,4}(?:打|揍|踢|踹|掐)(?:了|得|伤)',
])

/** Signs that it is happening now. */
const NOW = /现在|正在|还在|又在|此刻|这会儿?|马上|快(?:来|点|救|报警|帮)|刚刚|刚才|刚(?!结婚|开始|离婚)|今晚|眼下|在楼下|在门口|救/u
/** Signs that it is over, or a long story rather than tonight. */
const SAFE_NOW = /现在没事|现在(?:安全|好)了|已经(?:没事|安全|走了|离开|搬出|回娘家|报(?:了)?警|过去)|(?:他|人)(?:上班|出门|出去|走)(?:去)?了|他不在家|回娘家了|(?:昨天|昨晚|前天|上次|上周|那天|以前|之前|去年|前几天|当时)/u
/** Long ago: even a weapon then is a story now (unless a threat for tonight comes with it). */
const PAST_FAR = /(?:打|掐|踢|踹|推|砍|吓|威胁)过|的时候|那次|有一次|有次|曾经|以前|去年|前年|上个月|上上个月|小时候|当年|几年前|那时候|那会儿|过去|年轻时|刚结婚|离婚前|打过我|吓过我/u
/** Fear of what might happen ("怕他又动手"): a worry, not an attack. */
export const FEAR_OF = /(?:怕|担心|万一|说不定|会不会|哪天)(?:他|她|老公|那口子)?(?:又|再|会|要|真)*(?:动手|打我|打人|发脾气|发火|不让我出门)/gu
const HABITUAL = /经常|老是|总是|一直|动不动|每次|天天|隔三差五|三天两头|好几年|十几年|几十年|多年|这些年|婚后/u

const SUICIDE = re([
  '不想活(?!动)|活不下去|活够了|不想再活|活着(?:真|还|有)?(?:什么|啥)?(?:意思|意义|用)|活着.{0,6}(?:没意思|没意义|没劲|太累|受罪|遭罪|拖累|累赘|多余|没盼头)',
  '想死(?!你|您|大家|了你|我了)|去死|寻死|自杀|轻生|自尽|自残|伤害自己|(?:划|割)(?:了)?(?:自己|手腕|腕|胳膊)|割腕|刀片',
  '结束(?:自己|生命|这一切|一切|这条命)|了结(?:自己|这一生)?|一了百了|(?:想|彻底|就能|早点)解脱',
  // Her own leaving ("我不在了以后", "明天就不在了"), not someone who has died ("孩子他爸不在了").
  '(?:我|俺)(?:明天|以后|哪天|很快|马上)?(?:就)?不在了|(?:明天|以后|哪天|很快|马上)(?:就)?不在了|离开这个世界|离开人世|(?:从这个世界|这世上)?消失(?:就好|算了|了才好|最好)|想消失|永远(?:睡|闭眼|离开)|一睡不醒|(?:睡|睡下去).{0,4}(?:不再?醒|别醒)|不想醒',
  '最后一(?:次|条|个)(?:消息|说|见|联系|跟你)|遗书|遗言|后事|永别|说声再见|再见了(?:大家|各位|孩子|宝贝|这个世界)?|来世|下辈子',
  '药.{0,4}(?:攒|存|囤|备)(?:好|够|齐)|安眠药|农药|敌敌畏|百草枯|老鼠药|耗子药|(?:攒|存|囤|买)(?:了)?.{0,6}药|吃了.{0,6}(?:一?整?瓶|一把|好多|很多|所有)(?:的)?药|(?:药|药片).{0,6}(?:全|都)(?:吃|吞)了',
  '跳楼|跳河|跳江|跳湖|跳海|跳桥|跳下去|往下跳|卧轨|上吊|烧炭|开(?:着)?煤气',
  '(?:楼顶|天台|窗台|阳台|桥上|河边|江边|湖边|水边|海边|铁轨).{0,12}(?:跳(?!舞|广场|操|绳|健身)|下去|往下|不想|最后|再见|吹风|站了|坐了|可怕)',
  '水.{0,4}(?:挺|很|好)深',
  '拖累|累赘|没有我.{0,8}(?:更好|会好|过得好|省心|轻松)|我走了.{0,8}(?:就好|解脱|省心|轻松|你们|大家)|我死了.{0,6}(?:就|也|你们|大家|算)|死了(?:算了|就好|也好|干净|拉倒)|不如死|还不如死',
  // Farewells that hand over the children or the affairs.
  '(?:以后|今后|往后|我走后|我走了以后|我不在).{0,10}(?:孩子|女儿|儿子|闺女|娃|老人|我妈).{0,6}(?:拜托|托付|交给|麻烦|靠)',
  '(?:孩子|女儿|儿子|闺女|娃).{0,4}(?:就)?(?:拜托|托付)(?:给)?(?:你们|你|大家)|替我照顾|帮我照顾好(?:我)?(?:的)?(?:孩子|女儿|儿子|闺女|娃|她|他)(?!.{0,4}(?:一下|一会|几天|下午|上午|周|晚上))',
  '(?:妈妈|我)对不起(?:你|他|她|孩子|大家|你们)|对不起大家|银行卡密码|存折(?:在|密码)',
  '不用(?:再)?醒|不要醒来|睡过去|永远(?:休息|睡)|活下去的(?:理由|意义|勇气|盼头)|一死|了断|放心(?:地)?走|安心(?:地)?走|先走一步|这辈子就到这',
  '(?:去|想去)(?:那边|天上)陪|以后(?:再)?也?不(?:会)?(?:再)?(?:麻烦|拖累)|(?:手腕|胳膊).{0,6}划(?!的?(?:印|痕|疤|道))|划.{0,6}(?:手腕|胳膊)',
  // The means at hand, said with despair (either order).
  '(?:撑不下去|撑不住|不想活|活不下去|受不了了|没意思|熬不下去).{0,20}(?:刀|绳子?|药|农药|煤气)(?:就|都)?(?:在|放在)?(?:我)?(?:手边|身边|旁边|手里|桌上|枕头)',
  '(?:刀|绳子?|药|农药|煤气)(?:就|都)?(?:在|放在)(?:我)?(?:手边|身边|手里|枕头).{0,20}(?:撑不下去|撑不住|不想活|活不下去|受不了|没意思|熬不下去)',
  // Pills already taken, said as a farewell ("用不上了", "别找我").
  '(?:用不上|用不着|不需要)了.{0,20}(?:药|药片).{0,6}(?:吃|吞|喝)|(?:药|药片).{0,6}(?:吃|吞|喝)(?:下去|完|光)了.{0,20}(?:用不上|用不着|别找|再见|最后|谢谢)',
  // A goodbye to the group for good.
  '这辈子(?:能)?(?:认识|遇到|有)(?:你们|大家|姐妹)|以后(?:就)?别(?:再)?找我了(?!.{0,8}(?:烦|哼|气|忙))',
  '(?:这个)?世界.{0,4}待够|待够了|活腻了',
  // The children handed over, with exhaustion or an end said beside it (either order).
  '(?:孩子|女儿|儿子|闺女|娃).{0,6}(?:拜托|托付)(?:给)?.{0,16}(?:累了|不想再|撑不|不想撑|走了|再见|对不起)|(?:累了|不想再撑|撑不下去).{0,16}(?:孩子|女儿|儿子|闺女|娃).{0,6}(?:拜托|托付)',
  // A letter to the children or family already written.
  '给(?:孩子|女儿|儿子|闺女|娃|家里人|家人|爸妈|我妈|老公)的信.{0,4}写好',
])

/** Bleeding in pregnancy: 见红 with pain, or any bleeding said with the pregnancy (help.ts's reader uses it too). */
export const PREGNANCY_BLEEDING = '(?:肚子疼|腹痛|肚子痛).{0,10}见红|见红.{0,10}(?:肚子疼|腹痛|肚子痛)|(?:怀孕|孕妇|怀着|孕期).{0,40}(?:见红|出血|流血)'

const MEDICAL = re([
  '昏迷|晕倒|晕过去|昏过去|不省人事|没(?:了)?意识|失去意识|叫不醒|没(?:了)?(?:反应|呼吸|心跳|气儿?)|没气了|翻白眼',
  '喘不(?:上|过)气|呼吸困难|透不过气|上不来气|(?:胸口|胸|气)憋得慌|憋得(?:喘|上不来)|喉咙肿',
  '胸(?:口)?.{0,4}(?:剧痛|疼得|绞痛|压得)|心脏病(?:犯|发作)|(?:突然|刚刚|刚才|现在|好像|犯了|发作).{0,4}(?:中风|脑梗|心梗)|(?:中风|脑梗|心梗)(?:了|犯了)',
  '(?:嘴|口眼)歪|半边(?:身子|脸|身体).{0,4}(?:麻|不能动|动不了)|说话.{0,4}(?:不清|含糊|不利索)|手脚发麻|口吐白沫|抽搐|抽风|抽筋.{0,6}(?:不停|停不)',
  '(?:脸|嘴唇|嘴)(?:都)?(?:发)?紫|大出血|(?:吐|咳|拉)(?:了)?(?:好多|很多|一口)?血|羊水.{0,4}破|要生了|见红.{0,6}(?:好多|很多)',
  PREGNANCY_BLEEDING,
  '疼得(?:打滚|直不起|受不了|站不起|说不出话)|(?:摔|跌)(?:倒|了|下来|下去).{0,10}(?:起不来|动不了|站不起|流血|昏|晕)|动不了了',
  '吃错药|误食|误吞|中毒|过敏.{0,6}(?:喘|肿|呼吸)|高烧.{0,4}(?:不退|抽)|烧到(?:39|4\\d)|被车撞|出车祸|车祸|被狗咬|触电|溺水|落水|烫伤.{0,4}(?:严重|一大片|起泡)|烧伤',
  '(?<![憋窝冒上心])着火|起火|失火|火灾|煤气(?:泄漏|中毒)|一氧化碳|燃气泄漏|煤气味',
  // Coal or charcoal burning indoors with headache, nausea or dizziness: carbon monoxide.
  '(?:煤炉|炉子|炭火|火盆|烧炭|蜂窝煤).{0,16}(?:头疼|头痛|想吐|恶心|晕)',
  '打(?:了)?120|叫(?:了)?救护车|(?<!花|欠|交|紧)(?:救护车|急救|抢救)(?!费|知识|培训|包|箱|的钱|花了|助)',
  '迷迷糊糊|意识不清|神志不清|没(?:了)?知觉|(?<!推|打|踹|踢|摔)倒地|(?<!推|打|踹|踢|摔)倒在地上|(?:烧|发烧).{0,4}抽|心口(?:疼|痛)|(?:冒|出)冷汗',
  '烫(?:了|得)?.{0,4}(?:一大片|起泡|脱皮)|血一直(?:在)?流|血(?:流)?不止|怀孕.{0,10}(?:出血|流血|见红|肚子疼得)|头孢.{0,6}酒|酒.{0,6}头孢',
  '看不清.{0,10}(?:头痛|头疼|头晕)|头(?:痛|疼)得(?:要炸|要裂|厉害).{0,10}(?:看不清|吐|麻)?|突然.{0,6}(?:倒|晕|抽|不省|看不清|说不出)',
  // Stroke signs: a face drooping, one side weak.
  '(?:嘴巴|嘴角|口角|脸)歪|(?:一边|半边|一侧)(?:的)?(?:手|胳膊|腿|身子|身体|脸)(?:都)?(?:抬不起来|动不了|不能动|没(?:有)?(?:劲|力气|知觉)|发麻|麻了)',
  // The heart racing or the sight going dark, with fear for her life or alone.
  '(?:眼前(?:发|一)?黑|心跳.{0,6}(?:特别|好|很|太|巨)(?:快|乱)|心慌得厉害).{0,20}(?:要死|不行了|一个人|没人|喘不)|(?:要死|不行了|一个人在家).{0,20}(?:眼前(?:发|一)?黑|心跳.{0,6}(?:特别|好|很|太)(?:快|乱))',
])

/** A child in danger now (alone with a hazard, hurt, gone). */
const CHILD = re([
  '(?:孩子|小孩|娃|儿子|女儿|闺女|宝宝|孙子|孙女).{0,8}(?:掉(?:进|到|下)|掉(?:河|水|湖|江|井|池塘|池子|海|水库)里|落水|溺水|(?:头|手|脚|腿|脖子|喉咙|嗓子|气管)(?:被|给)?卡(?:住|在)|卡(?:住|在)(?:了)?(?:喉咙|嗓子|气管|栏杆|窗|门缝|电梯|缝里)|卡住.{0,3}(?:出不来|拔不出|喘不)|误吞|误食|(?:吞|喝|吃)了.{0,4}(?:洗衣|消毒|农药|老鼠药|电池|硬币|大人的药|一?整?瓶|好多药|很多药)|(?:吞|误吞)(?:了)?.{0,4}(?:纽扣|电池|硬币|珠子|磁)|爬(?:上|到)(?:窗台|阳台|楼顶)|从.{0,4}(?:楼|窗|阳台).{0,4}(?:掉|摔)|被(?:车)?撞|触电|没(?:了)?呼吸|(?:脸|嘴唇)(?:发)?紫|昏|叫不醒)',
  '(?:孩子|小孩|娃|儿子|女儿|闺女|宝宝)(?:不见了|丢了|找不到了)|(?:孩子|小孩|娃|儿子|女儿|闺女|宝宝).{0,8}(?:走丢|失踪|不见了)|(?<!(?:爸爸|孩子爸|孩子他爸|他爸|老公|前夫|婆婆|奶奶|爷爷|公公|姥姥|婆家|夫家|公婆|他家|他们)(?:要|想|非要|硬要|说要|非得)?把?)(?:孩子|小孩|娃|儿子|女儿|闺女)(?:被)?(?:人)?(?:拐|抱走|带走|拉走|拽走|拐走)',
  '(?:孩子|小孩|娃|宝宝).{0,6}(?:一个人|单独|自己).{0,10}(?:锁在车里|车里|煤气|着火|火|阳台|窗台|河边|水边|马路|高烧)',
  '(?:孩子|女儿|儿子|闺女|娃).{0,10}(?:一直没回(?:来|家)|联系不上|找不着)|(?:困|关)在(?:电梯|车里)|车里.{0,4}(?:出不来|锁)',
  '(?:孩子|小孩|娃).{0,4}(?:也)?(?:被|挨)(?:打|揍|抽|掐).{0,6}(?:流血|出血|晕|不动|站不|起不)|(?:孩子|娃).{0,4}也(?:被|挨)打',
])

/** Said about danger without being in it: notices, talks, advice to the group, films and the news. */
const ADVISORY = /如遇|如果遇到|(?:如果|要是|假如|万一)(?:群里)?有人|请拨打|可拨打|宣传|讲座|普法|科普|知识|小贴士|提醒大家|大家注意|防范|预防|怎么(?:防|预防|报警|申请)|是什么意思|电影|电视剧|剧里|小说|新闻|短视频|抖音上/u
/** Harm done to her, said outright: whatever else the message talks about, it is happening to her. */
export const FIRST_PERSON = /(?:打|掐|骂|推|锁|关|砍)(?:了)?我|(?:捅|踢|踹|揍|勒|追|堵|杀|弄死|吓唬|威胁|恐吓)(?:了|着|住)?(?:我|俺)(?!们)|我被|俺被|我在躲|找我|吓我|救命/u

/** Talk about danger (a notice, a film) rather than a report of it, unless she says it is happening to her. */
export function notAReport(t: string): boolean {
  return (ADVISORY.test(t) || FICTION.test(t)) && !FIRST_PERSON.test(t) && !ownDangerBeside(t)
}

/**
 * What sets a clause apart from her own danger now: a case put ("如果", "万一"), someone else's story (一个女的, 别人,
 * a wife, a neighbour), the news or a film. Read on the clause that tells the danger only.
 */
const APART = /如果|要是|假如|假设|万一|比如|例如|一个(?:女|男)|有个|那个(?:女|男)的|别人|人家|她|妻子|老婆|媳妇|受害|邻居|隔壁|对门|朋友|闺蜜|同事|新闻|报道|视频|电影|剧|小说|故事/u
/** Her voice: she, or someone of her home, in the clause (a clause of danger with nobody in it is a topic). */
const HER_VOICE = /我|俺|咱|(?<!其)他(?!们)|老公|丈夫|前夫|孩子|小孩|娃|宝宝|儿子|女儿|闺女/u
const clausesOf = (t: string) => t.split(/[，,。！!？?；;\n]+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u).map((c) => c.trim()).filter(Boolean)

/**
 * Her own danger told beside talk of a notice, a talk or a film ("宣传栏的事先放放，他拿刀吓唬我", "讲座先不去了 他正在打我"):
 * the clauses that carry the talk, or set themselves apart, are left out, and what is left is read as it would be said
 * alone. An emergency cue is never suppressed by something said in another clause: a false alarm costs a message.
 * `talk`: a reader's own words for a notice or a talk, left out with their clauses too.
 */
export function ownDangerBeside(t: string, talk?: RegExp): boolean {
  return dangerBesideTalk(t, talk) !== undefined
}

/**
 * The group's own business in a clause of its own ("上次讲座我没去", "昨天的活动", "去年宣传栏那期挺好"): its 上次 or 昨天
 * tells when that was, not when the danger told beside it happened.
 */
const GROUP_TALK = /活动|讲座|宣传栏|板报|上课|(?<!下)课|报名|名额|接龙|资料|文件|妇联|微家|工作站/u

function dangerBesideTalk(t: string, talk?: RegExp): DangerReading | undefined {
  const clauses = clausesOf(t)
  const rest = clauses.filter((c) => !ADVISORY.test(c) && !FICTION.test(c) && !APART.test(c) && !GROUP_TALK.test(c) && !talk?.test(c))
  // Nothing left out (the talk runs through the danger's own clause), or nothing left: no clause of hers to read.
  if (rest.length === 0 || rest.length === clauses.length) return undefined
  const said = rest.join('，')
  const reading = readDanger(said)
  return reading !== undefined && (HER_VOICE.test(said) || reading.danger !== 'violence') ? reading : undefined
}

/** A film, a TV series or a novel talked about ("你看过狂飙吗 高启强拿刀那段太吓人"): a plot, not a report. */
const FICTION = /电视剧|剧里|剧中|电影里|这部剧|那部剧|追剧|短剧|剧情|那一?集|这一?集|那段(?:戏|剧情)?太|演员|主角|小说里|看过.{0,10}[吗嘛没]/u

/** Laughter: what is said beside it is said for effect. */
const LAUGH = /哈哈|😂|🤣|笑死|hhh|呵呵呵/iu
/** Her own threat against someone at home, laughed at ("那口子再不洗碗我要杀了他😂"). */
const MY_THREAT = /(?:我|俺)(?:真|就|非|都)?(?:要|想|得)?(?:杀|弄死|掐死|打死|宰)了?(?:他|她|你|这(?:个|俩)?)/gu
/** A wish to die said over something everyday, with a laugh ("跳广场舞累死了 不想活了哈哈哈"). */
const EVERYDAY_WOE = /累死|气死|烦死|逼疯|连跪|输了|加班|菜价|物价|排骨|减肥|跳舞|广场舞|作业|考试|堵车|游戏|王者|洗碗|做饭|相亲|追剧|熬夜/u
const WOE_DEATH = /不想活了?|想死(?:的心都有了?)?|活不下去了?/gu

/** Said for effect: her laughed-at threat, and a laughed-at wish to die over something everyday, taken out. */
function laughedAt(t: string): string {
  if (!LAUGH.test(t)) return t
  const out = t.replace(MY_THREAT, '')
  return EVERYDAY_WOE.test(out) ? out.replace(WOE_DEATH, '') : out
}

export interface DangerReading {
  danger: Danger
  /** Which groups fired (names only). */
  signals: string[]
}

/**
 * The danger a message reports, if any. Pure and synchronous: the safety route reads it before anything else.
 * `t` is the normalised text (Simplified, half-width).
 */
/**
 * The words of a message meant literally: exclamations, similes, props, tools for an activity and fears of what
 * might happen removed; empty when the whole message is said to be a joke. Every danger reader starts here.
 */
export function literalText(raw: string): string {
  let lower = raw.toLowerCase().replace(SLEEP_AID, '')
  if (!MEANS_OR_NOW.test(lower)) lower = lower.replace(REPORTED_WISH, (m) => (REPORT_HABIT.test(m) ? '' : m))
  const cleaned = laughedAt(lower).replace(CRY_OF_DELIGHT, '').replace(FIGURATIVE, '').replace(HYPERBOLE, '').replace(TOOL_FOR_ACTIVITY, '').replace(FEAR_OF, '')
  // "救救我" after an exclamation removed above is part of it, not a call for help.
  // A cry beside a laugh ("救救我😂 插花插成了一坨") is said for effect.
  const t = cleaned.length < lower.length || LAUGH.test(cleaned) || ((ACTIVITY_TALK.test(cleaned) || PLEA_FOR.test(cleaned)) && !CRY_HEARD.test(cleaned)) ? cleaned.replace(CALL_ONLY, '') : cleaned
  if ((JOKE.test(t) && !FIRST_PERSON.test(t)) || LAUGHED_OFF.test(t)) return ''
  return t
}

/** Danger that a later clause takes back: a threat on a condition, a fire already out. */
export function dangerTakenBack(t: string): boolean {
  if (!(CONDITIONAL_THREAT.test(t) || RESOLVED.test(t)) || TONIGHT.test(t) || WEAPON_AT_HAND.test(t) || /救命|快来|快报警|帮我报警/u.test(t)) return false
  // "厨房着火已经灭了，他拿刀吓唬我": what is over is the fire; a weapon or a threat in a clause of its own is not taken back.
  return !clausesOf(t).some((c) => !CONDITIONAL_THREAT.test(c) && !RESOLVED.test(c) && VIOLENCE_GRAVE.test(c))
}

export function readDanger(raw: string): DangerReading | undefined {
  // What another clause talks about (an activity, a notice, someone else) never decides for the danger told beside it:
  // when the whole message reads as none, her own clauses are read as if said alone (a false alarm costs a message).
  return readWhole(raw) ?? dangerBesideTalk(raw.toLowerCase())
}

function readWhole(raw: string): DangerReading | undefined {
  const t = literalText(raw)
  if (!t) return undefined
  const signals: string[] = []
  if (SUICIDE.test(t)) signals.push('suicide')
  if (VIOLENCE_GRAVE.test(t)) signals.push('violence')
  if (CHILD.test(t)) signals.push('child')
  if (MEDICAL.test(t)) signals.push('medical')
  if (signals.length === 0 && VIOLENCE_SOFT.test(t)) {
    // "now" is read in the clauses that tell the hitting: "结婚二十年，他一直打我，…现在孩子大了" is a story.
    const told = clausesWith(t, VIOLENCE_SOFT)
    const over = !NOW.test(told) && (SAFE_NOW.test(t) || HABITUAL.test(t))
    const safeSaid = /现在没事|现在(?:安全|好)了|已经(?:没事|安全)|(?:他|人)(?:上班|出门|出去|走)(?:去)?了|他不在家|回娘家了|住(?:在)?(?:我妈|娘家|妈妈|我姐|朋友|亲戚|我妹)家|(?:躲|住|待)(?:在)?娘家|搬出来/u.test(t)
    // Hitting with no sign of now or of again (a statement, "老公打我，我想离婚") is a help request.
    if (!over && !safeSaid && (NOW.test(told) || /又(?!要|会|得|该|想)|再次|再一次/u.test(told))) signals.push('violence-now')
    // Hit before and told it will happen again tonight ("昨晚他打我，今晚说回来接着打"): the threat is the danger now.
    else if (THREAT.test(t) || LATER_TODAY.test(t)) signals.push('violence-now')
  }
  // A body in trouble long ago ("孩子爸爸上个月车祸走了"): grief or a story, not an emergency now.
  if (signals.length > 0 && signals.every((s) => s === 'medical') && violenceIsOver(t)) return undefined
  if (signals.length === 1 && signals[0] === 'violence' && violenceIsOver(t)) return undefined
  if (dangerTakenBack(t)) return undefined
  if (signals.every((s) => s === 'medical') && IN_CARE.test(t) && !/救命|快来|不行了|没(?:了)?(?:呼吸|心跳)/u.test(t)) return undefined
  if (signals.length === 0) return undefined
  if (notAReport(t)) return undefined
  const danger: Danger = signals.includes('suicide')
    ? 'suicide'
    : signals.includes('violence') || signals.includes('violence-now')
      ? 'violence'
      : signals.includes('medical')
        ? 'medical'
        : 'violence'
  return { danger, signals }
}

/** The clauses of `t` in which `re` matches, with short neighbours (a "now" may stand just before or after). */
function clausesWith(t: string, re: RegExp): string {
  const clauses = t.split(/(?<=[，,。！!？?；;\s])/u)
  const hit = new Set<number>()
  clauses.forEach((c, i) => {
    // A neighbour only when it is a few words ("…打我了，就现在"): "现在孩子大了" tells something else.
    if (re.test(c)) for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < clauses.length && (j === i || clauses[j]!.trim().length <= 6)) hit.add(j)
  })
  // A long run-on with no stops ("…他打我不是一次两次了我一直忍着…现在孩子也大了我不想忍了"): only the words around
  // the telling are its clause.
  const near = (c: string) => {
    if (c.length <= 24) return c
    const at = c.search(re)
    return at < 0 ? c : c.slice(Math.max(0, at - 10), at + 14)
  }
  return hit.size ? [...hit].sort((a, b) => a - b).map((i) => near(clauses[i]!)).join('') : t
}

/** Hitting that is over or habitual (the help request then still names 110 and 12338). */
export function isPastViolence(raw: string): boolean {
  const t = raw.toLowerCase().replace(HYPERBOLE, '')
  return VIOLENCE_SOFT.test(t) && !readDanger(raw)
}

/** Days ago, not long ago: 昨晚 / 上周 / 上次. */
const NEAR_PAST = /昨天|昨晚|昨儿|前天|前晚|上周|上星期|上礼拜|上次|上回|前几天|那天|那次|那晚/u
/** Away from him now: she is not where he is. */
const AWAY = /(?:住|待)(?:在)?(?:娘家|我妈家|妈妈家|朋友家|亲戚家|我姐家|我妹家|宿舍|我这儿?|我家|我们家)|搬出来了|他(?:去)?(?:上班|出门|出去|走)(?:去)?了|他不在家/u
const HEARD_CRY = new RegExp(`(?:听见|听到)?.{0,6}${CRY_HEARD.source}`, 'gu')
/** What he does each time it happens: a pattern to talk through, when nothing says it is happening now. */
const EVERY_TIME = /每次|每回|经常|老是|总是|动不动|隔三差五|三天两头|(?:上来|一喝酒|喝多了?|一生气|生气|发起火来)(?:就|会)/u
/** More violence promised for later today. */
const LATER_TODAY = /(?:今晚|今天晚上|回来|等会儿?|一会儿?|待会儿?).{0,6}(?:接着|还要|还得|再|就)?(?:打|揍|收拾|算账|弄死|砍)/u
/** What he says he will do: a threat keeps the danger now, whenever it was said. */
const THREAT = /威胁|扬言|要杀|要弄死|要打死|打死(?:我|你)|杀了(?:我|你)|不放过|等着瞧|回来(?:就|再)/u

/**
 * Grave violence told as a few days ago ("他昨晚掐我脖子…他去上班了", "上星期他把我推下楼梯，我到现在脚还肿着") or
 * with him gone now ("…他去上班了"), with no threat and nothing about now in the clauses that tell it: a request
 * for help (which still names 110 and 12338), not a call to act this minute. Hiding is not away: "躲在朋友家" is danger.
 */
export function graveButBehind(t: string): boolean {
  // A cry heard from a neighbour's flat last night is part of the story, not her call now.
  if (THREAT.test(t) || TONIGHT.test(t) || /救命|快来|快报警|帮我报警/u.test(t.replace(HEARD_CRY, ''))) return false
  const told = clausesWith(t, VIOLENCE_GRAVE).replace(HEARD_CRY, '')
  if (NOW.test(told)) return false
  t = t.replace(HEARD_CRY, '')
  // "我老公每次喝多了都掐我脖子 我该报警吗": what he does every time, asked about, with nothing about now.
  return NEAR_PAST.test(told) || (NEAR_PAST.test(t) && !NOW.test(t)) || AWAY.test(t) || EVERY_TIME.test(told)
}

/** Violence told as a story long past, with nothing about now or tonight, or a few days behind her (graveButBehind). */
export function violenceIsOver(raw: string): boolean {
  const t = raw.toLowerCase()
  return (PAST_FAR.test(t) && !NOW.test(t) && !/今晚|今天|回来|等着|明天|这两天|最近/u.test(t)) || graveButBehind(t)
}
