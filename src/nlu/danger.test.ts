import { describe, expect, it } from 'vitest'
import { toSimplified } from '../core/zh/script.ts'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { readDanger } from './danger.ts'
import { classifyRules } from './help-rules.ts'
import { normalize } from './text.ts'
import { understand } from './understand.ts'

// Indirect emergencies from the second blind batch (test/fixtures/nlu/utterances-c.jsonl), missed when that
// batch was first measured (emergency recall 87.5%) and read by meaning since. Controls: the same shapes
// without the danger.
describe('indirect emergencies', () => {
  it.each([
    ['周六的亲子阅读帮我取消吧，反正我也用不上了，药已经吃下去了', 'suicide'],
    ['我撑不下去了，刀就在手边', 'suicide'],
    ['谢谢微家的姐妹们，这辈子认识你们很开心，以后别找我了', 'suicide'],
    ['心跳得特別快，眼前發黑，我是不是要死了，一個人在家', 'medical'],
    ['嘴巴歪了，一边手抬不起来，家里没人，怎么办', 'medical'],
  ])('%s → %s', (text, danger) => {
    expect(readDanger(toSimplified(text))?.danger).toBe(danger)
  })

  it.each([
    '感冒药已经吃下去了，睡一觉应该就好',
    '剪刀就在手边，谁要借的来拿',
    '这周我有事，以后活动别找我了，烦死了',
    '心跳得特别快，刚跑完八百米',
    '嘴巴有点干，一边手提着菜一边手抱娃',
  ])('not an emergency: %s', (text) => {
    expect(readDanger(toSimplified(text))).toBeUndefined()
  })
})

// Words not meant literally (batch c's jokes and exclamations, which had made 1.4% false emergencies on the
// tune side): each kind beside a control that keeps the danger.
describe('not meant literally', () => {
  it.each([
    ['减肥饿得要死，谁来救救我🍗', '救救我，他拿着刀在门口'],
    ['年终总结写得我想死，谁来帮我写哈哈', '我真的想死，撑不下去了'],
    ['剁辣椒没戴手套，手火辣辣的疼，跟着火了一样😭', '厨房着火了，烟好大'],
    ['剧本杀我演凶手，拿把道具刀把大家都吓坏了😂', '他拿把刀把孩子吓坏了'],
    ['我家娃把我的口红全掰断了，我要杀了他（开玩笑）', '他说要杀了我'],
    ['我老公说我再买衣服他就跳楼，我说你跳吧咱家一楼哈哈哈', '我站在楼顶，想跳下去'],
    ['孩子爸炒个鸡蛋油锅着火了，已经灭了灭了，人没事就是锅黑了', '油锅着火了，灭不了'],
    ['他说我再回娘家就打断我的腿，我现在每天都提心吊胆的', '他说今晚回来就打断我的腿'],
    ['最近压力好大，一个人带俩娃，有时候觉得喘不过气来', '我妈突然喘不过气来，嘴唇发紫'],
  ])('%s is not an emergency; %s is', (figurative, literal) => {
    expect(readDanger(figurative)).toBeUndefined()
    expect(readDanger(literal)).toBeDefined()
  })
})

// From the boundary batch (utterances-f): care already given, control that is not confinement, custody that is
// not abduction. Each beside a control that stays an emergency.
describe('danger already in hand, or not danger', () => {
  it.each([
    ['老公出车祸了 在医院陪着 插花课帮我退了', '老公出车祸了 流了好多血 快来人'],
    ['我婆婆突然中风了现在在医院', '我婆婆突然中风了 嘴歪了 说不出话'],
    ['孩子上周被他打了一下 我现在带孩子住我妈家', '他又在打我 就现在'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)).toBeDefined()
  })
})

// From batch g: 救命 as an exclamation, safe at her mother's, a condition being cared for, a threat on a condition.
describe('more that only sounds like danger', () => {
  it.each([
    ['救命 这插花也太好看了吧😭😭', '救命 他拿刀进来了'],
    ['他昨天又动手打我了 我现在躲在娘家 不知道下一步该怎么办', '他又在打我 快来人'],
    ['我婆婆中风了 我一个人伺候 还要上班 实在扛不住了', '我婆婆突然中风了 嘴歪了 叫不醒'],
    ['我想报警又不敢 他说我敢报警就把孩子带走', '孩子被人抱走了 找不到了'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)).toBeDefined()
  })
})

// From batch j: a threat on a condition is not taken back when the weapon lies ready; the victim may stand before the verb.
describe('a conditional threat with the weapon at hand', () => {
  it.each([
    ['他说我再回娘家就打断我的腿，我现在每天都提心吊胆的', '他说再闹就把我和娃一起弄死，刀还在桌上放着'],
    ['他说再闹就离婚，我也不想过了', '他说要把我和孩子都弄死'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)?.danger).toBe('violence')
  })
})

// From batch k: "now" belongs to the clause that tells the hitting; a body in trouble long ago is a story; bleeding
// in pregnancy is an emergency; feeling cooped up is not breathlessness.
describe('now, then, and bodies', () => {
  it.each([
    ['结婚十几年，他一直打我，现在孩子上大学了，我想离开他', '他刚才又打我了，我现在躲在楼道里'],
    ['我爸前年出车祸走了，我妈一个人在老家', '我爸刚出车祸了，流了好多血'],
    ['失业在家半个月了，憋得慌', '胸口憋得慌，喘不上气'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(toSimplified(calm))).toBeUndefined()
    expect(readDanger(toSimplified(danger))).toBeDefined()
  })
  it('reads bleeding in pregnancy as medical', () => {
    expect(readDanger('怀孕五个月了，刚才下楼梯滑了一下，现在肚子疼，有点见红')?.danger).toBe('medical')
  })
})

// Batch m: a cry beside a sign-up, a phone that broke by itself, "要不要报警" asked about noise, a hypothetical.
describe('cries and phones that are not danger', () => {
  it.each([
    ['救命 插花还能报名吗，帮我报一个', '救命 他拿刀进来了，插花去不了'],
    ['我妈让我帮她报名，她手机摔坏了', '他把我手机摔了，不让我出门'],
    ['对门天天吵架摔东西，要不要报警啊', '对门女的在喊救命，快报警'],
    ['我家里人总不出来，插花课要不给我退了吧', '他说我再不开门就要砸了，刀在他手里'],
    ['如果有人在群里说想轻生，我们该怎么做', '我不想活了'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)).toBeDefined()
  })
})

// Batch n: a plea about money is not danger; breathlessness that is "lately" is a feeling.
describe('pleas and feelings', () => {
  it.each([
    ['救救我吧，这个月房租又交不起了', '救救我，他拿着刀'],
    ['最近压得我喘不过气，想找人说说', '胸口闷喘不上气，嘴唇发紫'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)).toBeDefined()
  })
})

// Batch p: grave violence a few days behind her, or with him gone now, is a request (which still names 110 and
// 12338); a threat for tonight, hiding, or anything happening now stays an emergency. Debt that leaves her
// breathless and a laughing "要晕倒了" are figures of speech.
describe('a few days behind her', () => {
  it.each([
    ['上礼拜他把我推下楼梯，现在腿还青着，我想问问能不能离婚', '他刚把我推下楼梯，我起不来'],
    ['前天晚上他掐我脖子，他今天出差了，我该怎么办', '他昨晚掐我脖子，说今晚回来接着收拾我'],
    ['那天他喝多了掐我脖子，这几天住我妈家', '他又喝多了，掐我脖子，我躲在厕所'],
    ['房贷车贷压得我喘不过气，想找点兼职', '我喘不过气来，嘴唇发紫，家里没人'],
    ['婆婆非让我们过年去她家，哈哈我要晕倒了', '我头好晕，要晕倒了，一个人在家'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)).toBeDefined()
  })

  it('a threat for later today after a past beating is danger now', () => {
    expect(readDanger('昨晚他打我，今晚说回来接着打')?.danger).toBe('violence')
    expect(readDanger('他上周打了我，刚才发消息说回来就收拾我')?.danger).toBe('violence')
  })
})

// Batch q: someone who has died is no suicide note, in-laws saying they will take the child is a custody fight,
// children scared of a quarrel are not hiding from a beating, and "不是想不开" says it is not that.
describe('what only sounds like danger (batch q)', () => {
  it.each([
    ['我一个人带娃 他爸前年不在了 放学没人接', '我不在了以后 孩子就拜托你们了'],
    ['老公走了 婆家说要把孩子带走 我能不能争', '孩子被人抱走了 找不到了'],
    ['两口子天天吵 孩子吓得不敢回家', '他打我 我现在不敢回家'],
    ['最近太累了 不是想不开 就是想找人说说', '最近太累了 想不开 不想活了'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)).toBeDefined()
  })
})

// The conversation tester's group: a laughed-at threat over a chore, a wish to die over a tiring day with a laugh,
// and a TV plot are no emergency; without the laugh, or with "不是开玩笑", the same words still are.
describe('said for effect', () => {
  it.each([
    ['老公再不倒垃圾我真要杀了他哈哈哈', '他说要杀了我'],
    ['加班到十点 累死了 不想活了😂', '不想活了 真的撑不下去了'],
    ['你们看过那部剧吗 男主拿刀那段太吓人了', '他拿着刀在客厅'],
  ])('%s is not an emergency; %s is', (calm, danger) => {
    expect(readDanger(calm)).toBeUndefined()
    expect(readDanger(danger)).toBeDefined()
  })
  it('"不是开玩笑" is no joke', () => {
    expect(readDanger('他拿刀追我 不是开玩笑 快报警')?.danger).toBe('violence')
  })
})

// Batches r and s (blind, sixth session): a threat for tonight with a weapon to be brought, bleeding told in the
// present, and what only sounds like danger — someone else's habitual talk of not wanting to live, sleeping pills
// as a habit, old marks, a pattern asked about, a cry heard last night, an escape for two hours.
describe('danger now, and what is a worry or a story (batches r and s)', () => {
  it.each([
    ['他刚打电话说今晚要带刀回来找我算账 我现在一个人在家 好怕', 'violence'],
    ['我刚被他打了 头在流血 孩子在哭 我不知道该怎么办', 'violence'],
    ['她老说不想活了 药都攒好了', 'suicide'],
    ['我妈刚才说不想活了 一个人跑到河边去了', 'suicide'],
    ['他每次喝多了都掐我脖子 现在又喝多了在砸门', 'violence'],
    ['隔壁一直在喊救命 快来人', 'violence'],
    ['孩子头卡在栏杆里了 出不来', 'violence'],
  ])('%s → %s', (text, danger) => {
    expect(readDanger(toSimplified(text))?.danger).toBe(danger)
  })

  it.each([
    '给我报插花 别让我老公知道啊 他知道了又要骂我还摔东西',
    '帮我妈报个插花吧 她最近老说活着没意思 想让她出门走走',
    '同事最近情绪特别低落 老说活着没意思 我有点担心 该怎么帮她',
    '@小助手 帮我查查我报了哪个 脑子不好使了 最近吃安眠药吃的',
    '2吧😮‍💨 婆婆在家 我要逃出来两小时',
    '我闺女初二 最近不怎么吃饭 胳膊上有划的印子 问她也不说 我好害怕 该找谁',
    '我是外地嫁过来的 没本地户口 孩子上幼儿园卡住了 能不能帮忙问问',
    '我报的插花周日会去 但是想私下问问 我老公每次喝多了都掐我脖子 我该报警吗 又怕他报复',
    '我邻居家天天打架 昨晚又听见那个女的在哭 喊救命 这事要不要管啊',
    '就是那个我想问一下就是我家那个他打我不是一次两次了我一直忍着为了孩子现在孩子也大了我不想忍了我该找谁啊',
    '救救我😂 插花插成了一坨 老师说像扫把',
    '包饺子自己带菜刀过来吗',
  ])('not an emergency: %s', (text) => {
    expect(readDanger(toSimplified(text))).toBeUndefined()
  })
})

describe('batch t: words that only look like danger', () => {
  it.each(['我家狗把沙发咬烂了 我要杀了它😤', '婆婆天天挑刺我做啥都不对 老公还向着他妈 有没有人能来给调解调解'])('not an emergency: %s', (text) => {
    expect(readDanger(toSimplified(text))).toBeUndefined()
  })
  it.each(['他说要杀了我', '他拿刀刺我'])('still one: %s', (text) => {
    expect(readDanger(toSimplified(text))?.danger).toBe('violence')
  })
})

// A safety review: "宣传栏的事先放放，他拿刀吓唬我" was read as an ordinary request (with a space for the comma, as chatter),
// because 宣传 anywhere in a message made it talk about danger; without 宣传 it was an emergency. What another clause
// talks about (a 宣传栏, a 讲座, a figure asked, a document quoted, someone else, a case put) never hides a clause of hers
// that tells danger now. Each beside a control where the danger is not hers, or not now.
describe('danger beside talk of something else', () => {
  const sit = { where: 'group' as const, role: 'resident' as const, mention: true, activities: [], signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }
  const DANGER_BESIDE = [
    '宣传栏的事先放放，他拿刀吓唬我',
    '宣传栏的事先放放 他拿刀吓唬我',
    '宣傳欄的事先放放，他拿刀嚇唬我',
    '宣传栏的事先放放，他拿着刀在门口',
    '宣传一下 他要杀了我',
    '我们楼里宣传栏要出一期反家暴的内容，妇联在反家暴这块都做了啥，我老公刚才拿刀砍我',
    '我在准备反家暴讲座 我老公刚拿刀吓唬我',
    '讲座先不去了 他拿刀吓唬我',
    '帮我查查妇联热线 他在砸门',
    '妇联这几年调解了几起家暴？他拿刀吓唬我',
    '文件里说遇到家暴打110，他现在拿刀对着我',
    '新闻里那个女的被砍了 我老公现在也拿着刀',
    '我邻居也被打过，他现在拿刀吓唬我',
    '如果他再打我怎么办，他现在拿着刀在门口',
    '宣传栏那期我来做 不想活了',
    '宣传栏的事先放放，我吃了一整瓶安眠药',
  ]

  it.each(DANGER_BESIDE)('%s: an emergency, by every reader', (text) => {
    const t = normalize(text)
    expect(readDanger(t), 'readDanger').toBeDefined()
    expect(classifyRules(text).urgency, 'classifyRules').toBe('紧急')
    expect(understand(text, sit).intent, 'group').toBe('help.emergency')
    expect(understand(text, { ...sit, where: 'private', mention: false }).intent, 'private').toBe('help.emergency')
  })

  it.each([
    // A film, the news, a notice, a case put, a talk's content, a figure asked: nobody in danger now.
    '你看过狂飙吗 高启强拿刀那段太吓人',
    '电视剧里那个男的拿刀砍人，吓死我了',
    '昨天看新闻 一个男的拿刀砍人',
    '如遇家暴请拨打110',
    '如果有人拿刀威胁你，应该怎么办',
    '宣传栏要写家暴的内容：男人拿刀威胁妻子要报警',
    '科普一下 被掐脖子很危险',
    '老舅妈工作站成功调解了几起',
    '我们楼里宣传栏要出一期反家暴的内容，妇联在反家暴这块都做了啥',
  ])('not an emergency: %s', (text) => {
    expect(readDanger(normalize(text))).toBeUndefined()
    expect(understand(text, sit).intent).not.toBe('help.emergency')
  })

  // Nor does the time or the ending of something else: 上次 of a 讲座, a fire put out, "不敢" before a threat.
  it.each([
    '上次讲座我没去，他拿刀吓唬我',
    '昨天的活动我没去 他拿刀吓唬我',
    '去年宣传栏那期挺好 他拿刀吓唬我',
    '厨房着火已经灭了，他拿刀吓唬我',
    '他说要是我报警就杀了我 他现在拿着刀',
    '我现在连出门都不敢 他说我出去就打断我的腿',
  ])('%s: an emergency (what is past or over is the other clause)', (text) => {
    expect(readDanger(normalize(text))).toBeDefined()
    expect(understand(text, sit).intent).toBe('help.emergency')
  })

  it('controls: a fire put out, a threat on a condition, a grave story days ago stay what they were', () => {
    expect(readDanger(normalize('孩子爸炒个鸡蛋油锅着火了，已经灭了灭了，人没事就是锅黑了'))).toBeUndefined()
    expect(readDanger(normalize('他说我再回娘家就打断我的腿，我现在每天都提心吊胆的'))).toBeUndefined()
    // Days ago, not now: a request for help (its first reply still names 110 and 12338), in the group too.
    expect(understand('他昨天拿刀吓唬我', sit)).toMatchObject({ intent: 'help.request', slots: { category: 'dv' } })
    expect(understand('他以前拿刀吓唬过我', sit)).toMatchObject({ intent: 'help.request', slots: { category: 'dv' } })
  })

  it('keeps the tense of the whole message: long past is a story, whatever the talk beside it', () => {
    expect(readDanger(normalize('去年讲座上我说过，他以前拿刀吓唬过我'))).toBeUndefined()
    expect(readDanger(normalize('他以前拿刀吓唬过我'))).toBeUndefined()
  })
})

describe('a child in the water', () => {
  it.each(['孩子掉河里了', '娃掉水里了 快来人', '宣传栏的事先放放，孩子掉进河里了'])('%s is an emergency', (text) => {
    expect(readDanger(normalize(text))).toBeDefined()
  })
  it('not a phone dropped in the water', () => {
    expect(readDanger(normalize('手机掉水里了 气死我了'))).toBeUndefined()
  })
})
