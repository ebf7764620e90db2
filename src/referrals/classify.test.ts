import { describe, expect, it } from 'vitest'
import { classifyRules, isHelpTopic } from './classify.ts'

type Row = [text: string, kind: 'help' | 'topic' | 'none', category?: string, urgency?: '紧急' | '一般', extra?: { medical?: boolean; clear?: boolean; selfHarm?: boolean }]

// Colloquial phrasing, emergencies, topic questions versus requests for help.
const rows: Row[] = [
  // emergencies: danger to life or safety
  ['他拿刀吓唬我', 'help', '家庭暴力', '紧急', { clear: true }],
  ['我老公喝醉了拿着菜刀在门口骂', 'help', '家庭暴力', '紧急'],
  ['他说要弄死我', 'help', '家庭暴力', '紧急'],
  ['他又打我了，我躲在厕所里', 'help', '家庭暴力', '紧急'],
  ['他掐我脖子', 'help', '家庭暴力', '紧急'],
  ['被赶出家门了', 'help', '家庭暴力', '紧急'],
  ['我被他锁在家里不让我出门', 'help', '家庭暴力', '紧急'],
  ['他正在砸门，我好害怕', 'help', '家庭暴力', '紧急'],
  ['救命', 'help', '其他', '紧急'],
  ['孩子不见了找不到了', 'help', '儿童与家庭教育', '紧急'],
  ['他打得我满脸是血', 'help', '家庭暴力', '紧急', { medical: true }],
  ['前夫天天跟踪我', 'help', undefined, '紧急'],
  // self-harm
  ['不想活了', 'help', '心理支持', '紧急', { selfHarm: true, medical: false }],
  ['活着没意思，想一了百了', 'help', '心理支持', '紧急', { selfHarm: true }],
  ['我吃了一整瓶安眠药', 'help', '心理支持', '紧急', { selfHarm: true, medical: true }],
  ['婆婆天天骂我，我真的想死', 'help', '心理支持', '紧急', { selfHarm: true }],
  ['老公打我，我不想活了', 'help', '家庭暴力', '紧急', { selfHarm: true }],
  ['我實在活不下去了', 'help', '心理支持', '紧急'],
  // acute medical
  ['我妈晕倒了叫不醒', 'help', undefined, '紧急', { medical: true }],
  // Traditional characters
  ['他拿刀嚇唬我', 'help', '家庭暴力', '紧急'],
  ['我老公經常打我，怎麼辦', 'help', '家庭暴力', '一般', { clear: true }],
  ['家暴怎麼申請保護令？', 'topic', '家庭暴力'],
  // requests for help, not emergencies
  ['我老公经常打我', 'help', '家庭暴力', '一般', { clear: true }],
  ['他喝了酒就动手打人', 'help', '家庭暴力', '一般'],
  ['老公出轨了，我想离婚', 'help', '婚姻家庭纠纷', '一般'],
  ['婆婆天天骂我，这日子没法过了', 'help', '婚姻家庭纠纷', '一般'],
  ['我最近老是睡不着，心里堵得慌', 'help', '心理支持', '一般'],
  ['我压力好大，天天想哭', 'help', '心理支持', '一般'],
  ['我失业半年了，想找个活干', 'help', '就业创业', '一般'],
  ['我想创业开个店，能帮我申请贷款吗', 'help', '就业创业', '一般', { clear: true }],
  ['老板欠我三个月工资不给，怎么办啊', 'help', '法律维权', '一般', { clear: true }],
  ['我被骗了两万块钱', 'help', '法律维权', '一般'],
  ['家里揭不开锅了，孩子学费交不起', 'help', '困难帮扶', '一般'],
  ['我想申请两癌筛查', 'help', '健康（两癌筛查等）', '一般'],
  ['我家孩子不想上学，天天玩手机，我管不了', 'help', '儿童与家庭教育', '一般'],
  ['我朋友被她老公打了，怎么帮她', 'help', '家庭暴力', '一般'],
  ['帮帮我', 'help', '其他', '一般', { clear: true }],
  ['我需要帮助', 'help', '其他', '一般'],
  // topic questions: answered by Q&A, never claimed here
  ['家暴怎么申请保护令？', 'topic', '家庭暴力', '一般', { clear: false }],
  ['我想问一下家暴怎么申请保护令', 'topic', '家庭暴力'],
  ['离婚需要准备什么材料', 'topic', '婚姻家庭纠纷'],
  ['两癌筛查在哪里做？', 'topic', '健康（两癌筛查等）'],
  ['创业担保贷款需要什么条件', 'topic', '就业创业'],
  ['低保怎么申请', 'topic', '困难帮扶'],
  ['法律援助中心电话多少', 'topic', '法律维权'],
  ['心理咨询是免费的吗', 'topic', '心理支持'],
  ['孩子叛逆期家长该怎么沟通', 'topic', '儿童与家庭教育'],
  ['如果被家暴了怎么办？', 'topic', '家庭暴力'],
  // notices and chatter: nothing to do
  ['如遇家暴或有人拿刀威胁，请立即拨打110', 'topic', '家庭暴力', '一般'],
  // Asking for a person to help is a request, even when phrased as a question.
  ['我想咨询一下离婚后孩子抚养费的问题，可以找人帮忙吗', 'help', '婚姻家庭纠纷', '一般', { clear: true }],
  ['能不能帮我找个律师', 'help', '法律维权', '一般', { clear: true }],
  ['我想找人帮忙', 'help', '其他', '一般', { clear: true }],
  ['有没有人能帮我看看这个劳动合同', 'help', '法律维权', '一般'],
  ['能帮我看看家聚会几点开始吗', 'none'],
  ['好久不见，想死你们了', 'none'],
  ['今天不想活动了，明天再去', 'none'],
  ['帮我报名周六的活动', 'none'],
  ['明天的家聚会几点开始？', 'none'],
  ['大家好', 'none'],
  ['你打我电话吧', 'none'],
]

describe('classifyRules', () => {
  it('has a table of at least 40 rows', () => expect(rows.length).toBeGreaterThanOrEqual(40))

  it.each(rows)('%s → %s %s %s', (text, kind, category, urgency, extra) => {
    const c = classifyRules(text)
    const got = { kind: c.kind, ...(category ? { category: c.category } : {}), ...(urgency ? { urgency: c.urgency } : {}) }
    expect(got, `signals: ${c.signals.join(',')}`).toEqual({ kind, ...(category ? { category } : {}), ...(urgency ? { urgency } : {}) })
    for (const [k, v] of Object.entries(extra ?? {})) expect(c[k as 'medical'], k).toBe(v)
  })

  it('only topic and help texts are help topics for the Q&A offer', () => {
    expect(isHelpTopic('家暴怎么申请保护令？')).toBe(true)
    expect(isHelpTopic('两癌筛查在哪里做？')).toBe(true)
    expect(isHelpTopic('明天的家聚会几点开始？')).toBe(false)
  })

  it('a notice is no emergency, but a person in danger using the same words is', () => {
    expect(classifyRules('如遇家暴请拨打12338').urgency).toBe('一般')
    expect(classifyRules('我老公拿刀威胁我，热线打不通').urgency).toBe('紧急')
  })
})
