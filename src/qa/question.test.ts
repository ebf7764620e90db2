import { describe, expect, it } from 'vitest'
import { looksLikeFollowUp, looksLikeQuestion } from './question.ts'

describe('looksLikeQuestion (answerMode "questions")', () => {
  it('accepts clear questions and ignores chatter', () => {
    for (const q of ['两癌筛查在哪报名？', '请问法律援助怎么申请', '孩子放学没人管咋办', '家聚会几点开始']) expect(looksLikeQuestion(q), q).toBe(true)
    for (const q of ['哈哈哈', '好的', '谢谢大家', '今天天气真好', '收到！']) expect(looksLikeQuestion(q), q).toBe(false)
  })
})

describe('questions in Traditional script, Cantonese and A-not-A form', () => {
  it('are questions', () => {
    for (const q of ['報警以後派出所會給告誡書嗎', '週日仲有冇位', '家政培训管不管推荐工作', '保护令是法院批还是派出所批', '讲座是免费的不']) expect(looksLikeQuestion(q), q).toBe(true)
  })
})

describe('round 22: a terse question ending on 不', () => {
  it('"两癌筛查要钱不", "能带孩子不", "插花要带剪刀不" are questions; a statement cut short after an adverb is not', () => {
    for (const q of ['两癌筛查要钱不', '能带孩子不', '插花要带剪刀不', '周六还办活动不啊']) expect(looksLikeQuestion(q), q).toBe(true)
    for (const q of ['这个我也不', '说好了千万不', '大家都不']) expect(looksLikeQuestion(q), q).toBe(false)
  })
})

describe('round 22: a short follow-up that leans on the question before', () => {
  it('"那要钱不", "还要带啥", "那在哪报名" lean on it; a question of its own or a statement does not', () => {
    for (const q of ['那要钱不', '还要带啥', '那在哪报名', '另外几点开始']) expect(looksLikeFollowUp(q), q).toBe(true)
    for (const q of ['两癌筛查要钱不', '那就好', '那我先走了', '那个妇女微家到底是干啥的 跟妇女之家是一回事吗 我一直没搞明白']) expect(looksLikeFollowUp(q), q).toBe(false)
  })
})
