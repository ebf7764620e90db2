import { describe, expect, it } from 'vitest'
import { tellsOwnSituation } from './help-rules.ts'

describe('her own situation in a question', () => {
  it('is told by what she says of herself, her family or her case', () => {
    for (const q of ['俺今年58了 两癌筛查俺还能做不', '我老公天天喝酒 家暴怎么申请保护令', '我家孩子不想上学咋办', '我下岗了 妇联有培训吗', '我能申请法律援助吗']) {
      expect(tellsOwnSituation(q), q).toBe(true)
    }
  })

  it('is not there in a question about a topic, a report\'s figures or the place: "我们" is the group, "告诉我" is said to the bot', () => {
    for (const q of ['苍南那个报告里两癌检查做了多少人', '我们这边两癌筛查在哪做', '我想问一下法律援助怎么申请', '家暴可以去哪里投诉', '告诉我12338是什么电话', '那妇联有啥帮困难妈妈的', '法律援助有幾多人幫手']) {
      expect(tellsOwnSituation(q), q).toBe(false)
    }
  })
})
