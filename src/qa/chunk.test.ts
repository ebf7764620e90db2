import { describe, expect, it } from 'vitest'
import { chunkText, matchHeading, planOpening } from './chunk.ts'

describe('heading styles', () => {
  it('recognises Chinese numbering styles and markdown, from outer to inner', () => {
    const levels = ['# 标题', '## 小节', '【篇一】', '第一章 总则', '一、申请条件', '（一）个人申请', '1. 准备材料', '1、准备材料', '（1）身份证'].map(
      (l) => matchHeading(l)?.level,
    )
    expect(levels).toEqual([1, 2, 10, 11, 13, 14, 15, 15, 16])
  })

  it('treats numbered full sentences as list items, not headings', () => {
    expect(matchHeading('1. 本人持有有效身份证件；')).toBeUndefined()
    expect(matchHeading('一、申请人应当提交书面申请，并附相关证据材料。')).toBeUndefined()
    expect(matchHeading('1.5万元以下')).toBeUndefined()
  })

  it('splits 第X条 into a heading and its inline text', () => {
    expect(matchHeading('第二十三条 当事人因遭受家庭暴力，可以申请人身安全保护令。')).toMatchObject({ level: 17, text: '第二十三条', rest: '当事人因遭受家庭暴力，可以申请人身安全保护令。' })
  })
})

describe('chunking', () => {
  const doc = [
    '# 法律援助指南',
    '一、申请条件',
    '经济困难的公民可以申请法律援助。遭受家庭暴力的妇女不受经济困难条件限制。',
    '（一）需要的材料',
    '1. 身份证明；',
    '2. 经济困难状况说明。',
    '二、办理时限',
    '第十条 法律援助机构应当在七日内作出决定。',
  ].join('\n')

  it('a plan glued in under another one\'s last item is shown under its own name; the indexed path stays', () => {
    const glued = ['三、召开座谈会', '3、座谈会时间：3月6日上午9:00', '根据妇女发展和维权工作实际，市妇联对工作提出以下工作计划：加强调查研究。', '要积极研究土地承包确权登记工作有关政策文件。'].join('\n')
    const chunks = chunkText(glued)
    expect(chunks.map((c) => c.heading)).toEqual([['三、召开座谈会', '3、座谈会时间：3月6日上午9:00']])
    expect(chunks[0]!.shownHeading).toEqual(['市妇联工作计划'])
    expect(planOpening('新学年我校妇女工作…取得更大发展，现制定如下计划。')).toBe('我校妇女工作计划')
    expect(planOpening('一、指导思想')).toBeUndefined()
    expect(chunkText(doc, '法律援助指南').every((c) => c.shownHeading === undefined)).toBe(true)
  })

  it('keeps the heading path with each chunk, without the document title', () => {
    const chunks = chunkText(doc, '法律援助指南')
    expect(chunks.map((c) => c.heading)).toEqual([['一、申请条件'], ['一、申请条件', '（一）需要的材料'], ['二、办理时限', '第十条']])
    expect(chunks[2]!.text).toBe('法律援助机构应当在七日内作出决定。')
  })

  it('stores offsets that point at the chunk text in the document', () => {
    for (const c of chunkText(doc, '法律援助指南')) expect(doc.slice(c.start, c.end).replace(/\n{2,}/g, '\n')).toBe(c.text)
  })

  it('splits long sections at sentence ends with a short overlap', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `这是第${i + 1}句话，内容用来测试分块的长度控制是否按句子切分。`)
    const chunks = chunkText(`一、长段落\n${sentences.join('')}`, undefined, { maxChars: 120, overlapChars: 80 })
    expect(chunks.length).toBeGreaterThanOrEqual(3)
    for (const c of chunks) {
      expect(c.text).toMatch(/。$/)
      expect(c.text.length).toBeLessThanOrEqual(120 + 40)
    }
    // Each chunk after the first starts with the last sentence of the previous one.
    const lastOf = (t: string) => t.match(/[^。]+。$/)![0]
    expect(chunks[1]!.text.startsWith(lastOf(chunks[0]!.text))).toBe(true)
  })

  it('indexes a passage repeated inside one file once', () => {
    const repeated = '（一）本人申请\n困难妇女本人向所在社区妇联提出申请，说明家庭困难情况。\n'
    const chunks = chunkText(`三、申请流程\n${repeated}三、申请流程\n${repeated}`)
    expect(chunks).toHaveLength(1)
  })
})
