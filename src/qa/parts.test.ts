import { describe, expect, it } from 'vitest'
import { askingClause, questionParts } from './parts.ts'
import { yesNoPlain } from './tokenize.ts'

describe('a message with several questions', () => {
  it('is split into its questions, each with what she says before it', () => {
    expect(questionParts('請問兩癌篩查幾歲可以做？要不要錢')).toEqual(['請問兩癌篩查幾歲可以做？', '要不要錢'])
    expect(questionParts('我家娃放学没人管 暑假也没人带 有啥办法 要钱不')).toEqual(['我家娃放学没人管 暑假也没人带 有啥办法', '要钱不'])
    // What follows the last question belongs to it.
    expect(questionParts('托管班几点开始 多少钱 谢谢')).toEqual(['托管班几点开始', '多少钱 谢谢'])
  })

  it('is left whole when it asks once', () => {
    expect(questionParts('俺想在菜市场边上开个小面馆 听说有那个贴息贷 最多能贷多少钱啊')).toEqual(['俺想在菜市场边上开个小面馆 听说有那个贴息贷 最多能贷多少钱啊'])
    expect(questionParts('两癌筛查要钱吗')).toEqual(['两癌筛查要钱吗'])
    // A clause that only asks again ("有个数没", "有人知道不") stays with the question before it.
    expect(questionParts('俺们街道今年打算建多少个妇女微家啊 有个数没')).toEqual(['俺们街道今年打算建多少个妇女微家啊 有个数没'])
    expect(questionParts('家长学校在哪上课 有人知道不？')).toEqual(['家长学校在哪上课 有人知道不？'])
    expect(questionParts('贴息贷款能贷多少，是不是啊')).toEqual(['贴息贷款能贷多少，是不是啊'])
  })
})

describe('a yes-no form said plainly', () => {
  it('keeps the asked word whole', () => {
    expect(yesNoPlain('两癌筛查要不要钱')).toBe('两癌筛查要钱')
    expect(yesNoPlain('我能不能申请')).toBe('我能申请')
    expect(yesNoPlain('有没有课')).toBe('有课')
    expect(yesNoPlain('可不可以带娃')).toBe('可以带娃')
  })
})

describe('the asking clause of a part', () => {
  it('is what a reply may repeat in the group, never what she told around it', () => {
    expect(askingClause('要钱不 最近手头有点紧')).toBe('要钱不')
    expect(askingClause('两癌筛查多大年纪能做')).toBe('两癌筛查多大年纪能做')
  })
})

describe('a connective is no question', () => {
  it('"那么，…" opens the question that follows it', () => {
    expect(questionParts('那么，微家的女主人一般由什么样的人来担任，是否需要具备一定的条件？')).toEqual(['那么 微家的女主人一般由什么样的人来担任', '是否需要具备一定的条件？'])
    // "要么…" and "怎么" still ask.
    expect(questionParts('两癌筛查怎么 要钱不')).toHaveLength(2)
  })
})
