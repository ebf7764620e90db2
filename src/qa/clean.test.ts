import { describe, expect, it } from 'vitest'
import { cleanText, dedupeParagraphs, isAdvert, stripPinyin, stripPlaceholders } from './clean.ts'
import { normalizeWidth } from './normalize.ts'

describe('cleaning web-page chrome', () => {
  it('drops update-time/source lines and keeps real times in the text', () => {
    const out = cleanText('发布时间：2023-05-06 10:20 来源：县妇联 浏览次数：321\n日期：2023-05-06\n活动时间：每周六上午9点\n正文第一段。')
    expect(out).not.toMatch(/发布时间|浏览次数|日期：2023/)
    expect(out).toContain('活动时间：每周六上午9点')
    expect(out).toContain('正文第一段。')
  })

  it('drops toolbar lines (手机版, 字体, 打印本页, 扫一扫, breadcrumbs)', () => {
    const out = cleanText(
      ['手机版 | 设为首页 | 加入收藏', '【字体：大 中 小】 打印本页 关闭窗口', '扫一扫在手机打开当前页', '当前位置：首页 > 维权关爱 > 正文', '妇联为困难妇女送温暖。'].join('\n'),
    )
    expect(out).toBe('妇联为困难妇女送温暖。')
  })

  it('drops related-article lists and the header that introduces them', () => {
    const out = cleanText('正文结束。\n\n相关文章\n某镇开展走访活动 2023-01-02\n县妇联召开推进会\n\n真正的下一段内容很长，包含句号。')
    expect(out).not.toMatch(/相关文章|走访活动|推进会/)
    expect(out).toContain('真正的下一段内容很长')
  })

  it('removes URLs and link-only lines', () => {
    const out = cleanText('详情见 https://www.example.com/a/b.html 的通知。\n原文链接：http://example.gov.cn/x\nwww.example.com')
    expect(out).toBe('详情见 的通知。')
  })

  it('drops adverts with phone numbers but keeps hotlines', () => {
    expect(isAdvert('【广告】家政服务 热线 13800000000 保姆 月嫂 价格优惠！')).toBe(true)
    expect(isAdvert('加微信 abc123 免费领取育儿资料')).toBe(true)
    expect(isAdvert('全国妇女维权公益服务热线：12338')).toBe(false)
    // An essay site's journal-publishing service, at the top of the page.
    expect(isAdvert('线上期刊服务咨询,发表咨询:400-000-0000 订阅咨询:400-000-0001')).toBe(true)
    expect(isAdvert('妇女维权咨询热线：0571-00000000')).toBe(false)
    const out = cleanText('遇到家暴可拨打12338。\n贷款秒批无抵押，咨询电话 400-123-4567')
    expect(out).toBe('遇到家暴可拨打12338。')
  })

  it('drops footers, bylines, prev/next links and template notes', () => {
    const out = cleanText('版权所有 © 2023 县妇联 ICP备12345678号\n（县妇联 供稿）\n上一篇：县妇联召开会议\n（示例文档，请替换为本地微家的正式资料）\n留下的正文。')
    expect(out).toBe('留下的正文。')
  })
})

describe('cleaning templates and converter output', () => {
  it('removes placeholder dates and leaves a visible blank for placeholder names and figures: 20xx, ***, XX县, x月x日', () => {
    expect(stripPlaceholders('20xx年元旦期间，XX县妇联走访***户，慰问标准为每户***元。')).toBe('元旦期间，□县妇联走访□户，慰问标准为每户□元。')
    expect(stripPlaceholders('定于x月x日在××社区举行')).toBe('定于在□社区举行')
    // Titles take no blank.
    expect(stripPlaceholders('××社区工作计划', '')).toBe('社区工作计划')
    expect(stripPlaceholders('2023年5月')).toBe('2023年5月')
  })

  it('removes pinyin left in brackets after characters, not other brackets', () => {
    expect(stripPinyin('縣婦聯(lián)將繼續(xù)發揮作用')).toBe('縣婦聯將繼續發揮作用')
    expect(stripPinyin('妇联（fù lián）')).toBe('妇联')
    expect(stripPinyin('下载表格(PDF)和(一)')).toBe('下载表格(PDF)和(一)')
    expect(stripPinyin('微信(WeChat)')).toBe('微信(WeChat)')
  })

  it('a character the converter lost leaves no pinyin behind; a lost 婦 (Big5 B0 44, "D" left) is put back before 女/代/聯', () => {
    expect(stripPinyin('紀念三八國際勞動?jì)D女節102周年')).toBe('紀念三八國際勞動婦女節102周年')
    expect(stripPinyin('發揮基層?jì)D聯組織優勢')).toBe('發揮基層婦聯組織優勢')
    expect(stripPinyin('對當前涉及或?qū)?lái)可能')).toBe('對當前涉及或可能')
    expect(stripPinyin('好吗?(ok)')).toBe('好吗?(ok)')
  })

  it('keeps Traditional text as written (conversion happens only for indexing)', () => {
    expect(cleanText('婦女維權公益服務熱線12338。')).toBe('婦女維權公益服務熱線12338。')
  })

  it('normalises full-/half-width characters and punctuation', () => {
    expect(normalizeWidth('热线１２３３８，ＡＢＣ')).toBe('热线12338，ABC')
    expect(normalizeWidth('你好,世界!(一)')).toBe('你好，世界！（一）')
    expect(normalizeWidth('version 1.2, ok')).toBe('version 1.2, ok')
  })

  it('keeps one copy of a sub-document repeated in the same file', () => {
    const para = '申请时请携带身份证、户口本以及能够说明困难情况的材料，到所在社区妇联提出申请。'
    const out = dedupeParagraphs(['三、申请流程', para, '', '三、申请流程', para, '结尾。'].join('\n'))
    expect(out.split(para).length - 1).toBe(1)
    expect(out).toContain('结尾。')
  })
})

describe('a scraped site\'s watermark', () => {
  it('"XX网网址：" with its link gone is dropped from the sentence it was pasted into', () => {
    expect(cleanText('一名退休老教师特别热心社区工作，社区妇联秘书网网址：就为其提供机会，让他为社区的孩子们上课。')).toBe('一名退休老教师特别热心社区工作，就为其提供机会，让他为社区的孩子们上课。')
    expect(cleanText('详情请访问妇联官网网址：www.example.cn/notice')).toContain('详情请访问')
  })
})
