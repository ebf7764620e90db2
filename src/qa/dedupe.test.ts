import { describe, expect, it } from 'vitest'
import { suppressNearDuplicates } from './dedupe.ts'

describe('near-duplicate suppression in the final list', () => {
  const a = '地区共有社区十四个，妇女四万多人，将这些工作和生活在社区中的女性有效地组织起来，是妇女组织建设的重要工作内容。'
  const aEdited = `□${a}` // the same passage, repeated later in the file with a placeholder
  const b = '镇妇联将每星期一至星期五定为信访接待日，及时解决妇女儿童生活中的实际问题。'
  const c = '开展家庭教育，开设父母学堂，推动亲子阅读。'

  it('keeps the better-ranked copy and gives its place to the next different passage', () => {
    expect(suppressNearDuplicates([a, aEdited, b, c], (t) => t, 3)).toEqual([a, b, c])
  })

  it('keeps passages that only share some words (positive control)', () => {
    const sameTopic = '妇女四万多人，社区妇联开展巾帼志愿服务，组织技能培训和文体活动，丰富社区生活。'
    expect(suppressNearDuplicates([a, sameTopic, b], (t) => t, 3)).toEqual([a, sameTopic, b])
  })

  it('stops at k', () => {
    expect(suppressNearDuplicates([a, b, c], (t) => t, 2)).toEqual([a, b])
  })
})

describe('the more complete of two copies', () => {
  it('a copy with the figures takes the place of an earlier one with them blanked out', () => {
    const blanked = '街道妇联下属的×××家政服务站，举办了下岗事业妇女技能培训班，迄今约有期，内容包括计算机培训、插花培训、保安培训、物业管理培训、家政服务培训等等，培训人员达人'
    const full = '街道妇联下属的家政服务站，举办了下岗事业妇女技能培训班，迄今约有20期，内容包括计算机培训、插花培训、保安培训、物业管理培训、家政服务培训等等，培训人员达1000人'
    const other = '妇女微家原则要求每周有一次家接待，每月有一次家聚会'
    expect(suppressNearDuplicates([blanked, other, full], (t) => t, 2)).toEqual([full, other])
    // The better-ranked copy stays when it is as complete.
    expect(suppressNearDuplicates([full, other, blanked], (t) => t, 2)).toEqual([full, other])
  })
})
