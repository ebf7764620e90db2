// Cleaning of real-world documents: policy pages saved from government sites, Word templates,
// converter output. Each rule targets a *kind* of noise by its shape (short line made of UI words,
// metadata key–value lines, lists after a "related articles" header…) rather than listing phrases
// from one page, so new pages from other sites are handled too.
import { CJK_CLASS, normalizeWidth } from './normalize.ts'

/** Words that make up page toolbars, navigation and footers. A short line made mostly of these is chrome. */
const UI_WORDS = [
  '手机版', '电脑版', 'pc版', '移动版', '无障碍', '长者模式', '关怀版', '字体', '字号', '大', '中', '小', '默认',
  '打印本页', '打印', '关闭窗口', '关闭', '收藏', '分享到', '分享', '扫一扫', '扫描二维码', '二维码', '在手机上打开',
  '用手机看', '手机', '打开', '当前页', '本页', '查看', '浏览', '在', '返回顶部', '回到顶部', '返回', '上一篇', '下一篇', '上一条', '下一条', '首页', '当前位置', '您的位置',
  '您现在的位置', '网站地图', '联系我们', '设为首页', '加入收藏', '登录', '注册', '搜索', '点赞', '评论', '转发', '微信',
  '微博', 'qq空间', '朋友圈', '复制链接', '【', '】', '[', ']', '|', '>', '»', '/', '·', '-', '：', ':', '，', ' ',
]
const UI_RE = new RegExp(
  UI_WORDS.sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|'),
  'gi',
)

/** Metadata keys of article pages: "发布时间：… 来源：… 浏览次数：…". */
// Bare 时间/日期 are also used by real content ("时间：每周六上午"), so they count only with a qualifier,
// or when the value is nothing but a timestamp.
const META_KEY = /(发布|更新|发表|录入|上传|成文|发文)(时间|日期)|来源|出处|作者|编辑|责任编辑|责编|审核|审校|校对|摄影|浏览(次数|量)?|阅读(量|数|次数)?|点击(数|量|率)?|访问量|信息索引|索引号|文号|发文机关|发布机构|字号/
const META_LINE = new RegExp(`^\\s*[【\\[]?(${META_KEY.source})[】\\]]?\\s*[:：]`)
const META_STRONG = new RegExp(`(${META_KEY.source})\\s*[:：]`, 'g')
const META_ANY = new RegExp(`(${META_KEY.source}|时间|日期)\\s*[:：]`, 'g')
const TIMESTAMP_ONLY = /^[【\[]?(时间|日期)[】\]]?\s*[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?$/

/** Headers that introduce lists of links to other articles; the list that follows is dropped too. */
const RELATED_HEADER = /^[【\[]?\s*(相关(文章|阅读|链接|新闻|推荐|资讯|内容|专题|政策)|推荐阅读|延伸阅读|热点(新闻|推荐|文章)?|热门(文章|推荐|阅读)|猜你喜欢|更多(阅读|文章|新闻)|往期(回顾|推荐|精选)|精彩推荐|最新(文章|发布)|友情链接)\s*[】\]]?\s*[:：]?\s*$/

/** Footer lines that are boilerplate on every page of a site. */
const FOOTER = /版权所有|copyright|©|icp备|公网安备|网站标识码|主办单位|承办单位|技术支持|免责声明|本站(声明|部分|文章|内容)|转载请注明|未经(许可|授权)|最佳浏览|分辨率/i

/** Previous/next article links at the bottom of a page. */
const PREV_NEXT = /^(上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)\s*[:：]/
/** Bracketed bylines: "（县妇联 供稿）", "（记者 张三）". */
const BYLINE = /^[（(【\[][^）)】\]]{0,30}(供稿|来稿|供图|通讯员|记者|撰稿|整理|编辑)[^）)】\]]{0,20}[）)】\]]$/
/** Instructions left in templates and sample files: "（示例文档，请替换为…）", "（此处填写单位名称）". */
const TEMPLATE_NOTE = /^[（(【\[<#\s]*[^）)】\]]{0,40}(示例|样例|范例|模板|范本|样本|此处)[^）)】\]]{0,40}(替换|修改|删除|填写|仅供参考)[^）)】\]]{0,40}[）)】\]>]?$/

/**
 * Commercial vocabulary: with a phone number or WeChat id it marks an advert, not a hotline. Essay sites put their
 * journal-publishing service at the top of every page ("线上期刊服务咨询，发表咨询：400-…").
 */
const AD_WORDS = /广告|推广|加盟|招商|代理|代办|优惠|特价|低价|折扣|免费领|领取|秒批|秒到|包过|无抵押|下款|返利|购买|订购|热卖|促销|私信|加微信|加v|vx|微信号|添加客服|咨询客服|客服微信|扫码(关注|添加|领取)|关注公众号|点击(进入|查看|领取|咨询)|详情请|火爆|限时|名额有限|抢购|发表咨询|订阅咨询|投稿咨询|论文发表|代写|期刊服务/i
const PHONE = /(?<!\d)(1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]?\d{7,8}|400[- ]?\d{3}[- ]?\d{4})(?!\d)/
const URL = /\b(?:https?:\/\/|www\.)[^\s，。；、）)】\]"'<>]+/gi
const BARE_DOMAIN = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.cn|com\.cn|org\.cn|com|cn|net|org)(?:\/[^\s，。；、）)】\]]*)?/gi

/**
 * What a blanked-out name or figure of a template becomes in the text ("进入xx公司" → "进入□公司"): a quoted
 * answer shows the gap rather than closing it up into a sentence that reads as complete ("进入公司"). The
 * mark is neither a word nor a character bigram, so search doesn't see it.
 */
export const BLANK = '□'

/** Template placeholders left in model documents: 20xx年, ***, XX县, ××社区, x月x日, ____. */
const PLACEHOLDERS: [RegExp, string][] = [
  // Only the placeholder parts go: "20xx年6月20日前完成" keeps its real date "6月20日".
  [/(?<![0-9A-Za-z])(?:19|20)(?:[xX×＊*]{2}|_{2})\s*年(?:\s*[xX×＊*]{1,2}\s*月(?:\s*[xX×＊*]{1,2}\s*日)?)?/g, ''],
  [/(?<![0-9A-Za-z])[xX×＊*]{1,2}\s*月\s*[xX×＊*]{1,2}\s*日/g, ''],
  // Names and figures become a visible blank.
  [/(?<![A-Za-z])(?:[xX]{2,3}|×{2,3}|○{2,3}|〇{2,3}|某某)(?=[\u3400-\u9fff])/g, BLANK],
  [/[*＊]{2,}/g, BLANK],
  [/_{3,}|＿{2,}/g, BLANK],
]

const TONE_VOWEL = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü'
const SYLLABLE = new RegExp(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouvü${TONE_VOWEL}]{1,3}(?:ng|n|r)?[1-5]?$`, 'i')
const PINYIN_PAREN = new RegExp(`(?<=[${CJK_CLASS}])\\s?[（(]([a-zA-Z${TONE_VOWEL}\\d' ]{1,40})[)）]`, 'g')

/** A character the converter lost, with the pinyin it left: "推動?jì)D聯", "慶?;顒". */
const LOST_CHAR = new RegExp(`[?？]([a-z${TONE_VOWEL}]{1,6})[)）]([A-Za-z;:]?)(?=(.?))`, 'g')

/**
 * Converters from annotated pages leave pinyin after characters: 婦聯(lián) → 婦聯.
 * Only brackets whose every word is a pinyin syllable are removed, so "(PDF)" or "(一)" stay.
 */
export function stripPinyin(text: string): string {
  return text.replace(LOST_CHAR, (m, syllable: string, trail: string, next: string) => {
    if (!SYLLABLE.test(syllable)) return m
    // Big5 婦 is B0 44: with its lead byte lost, "D" is what stays ("基層?jì)D代", "勞動?jì)D女節").
    return trail === 'D' && /[女代聯联]/.test(next) ? '婦' : ''
  }).replace(PINYIN_PAREN, (m, inner: string) => {
    const words = inner.trim().split(/[\s']+/).filter(Boolean)
    if (!words.length || !words.every((w) => SYLLABLE.test(w))) return m
    const marked = words.some((w) => /\d$/.test(w) || new RegExp(`[${TONE_VOWEL}]`).test(w))
    // Unmarked lower-case words are only pinyin when short and plausible (e.g. "fu lian"); keep English words.
    return marked || words.every((w) => w.length <= 4 && w === w.toLowerCase()) ? '' : m
  })
}

/** Placeholders out of the text; names and figures leave `blank` (titles pass '', body text the default BLANK). */
export function stripPlaceholders(text: string, blank = BLANK): string {
  let out = text
  for (const [re, rep] of PLACEHOLDERS) out = out.replace(re, rep && blank)
  return out
}

export function stripUrls(text: string): string {
  return text.replace(URL, '').replace(BARE_DOMAIN, '')
}

/** A short line that is mostly toolbar / navigation vocabulary. */
export function isUiChrome(line: string): boolean {
  // Numbers of 3+ digits on their own (a hotline in a flattened table) are content; page numbers are short.
  if (line.length > 60 || /\d{3,}/.test(line)) return false
  const rest = line.replace(UI_RE, '').replace(/[\s\p{P}\p{S}\d]/gu, '')
  // Nothing of substance left, or a breadcrumb ("首页 > 政策 > 正文").
  return rest.length <= 1 || (/[>»›]/.test(line) && line.split(/[>»›]/).length >= 3 && line.length <= 40)
}

export function isMetaLine(line: string): boolean {
  if (line.length > 120) return false
  if ((META_LINE.test(line) && line.length <= 80) || TIMESTAMP_ONLY.test(line)) return true
  // Several key–value pairs on one line ("作者：张三 来源：县妇联 浏览：123").
  return (line.match(META_STRONG)?.length ?? 0) >= 1 && (line.match(META_ANY)?.length ?? 0) >= 2
}

export function isAdvert(line: string): boolean {
  return (PHONE.test(line) || /微信号|加微信|vx|加v|qq群|qq号/i.test(line)) && AD_WORDS.test(line)
}

export function isFooter(line: string): boolean {
  return line.length <= 120 && FOOTER.test(line)
}

/** A title-like entry of a related-articles list: short, no sentence end, maybe with a date. */
function isListEntry(line: string): boolean {
  return line.length <= 60 && !/[。！？；]$/.test(line)
}

export interface CleanOptions {
  /** Web pages get the chrome rules; plain documents only the general ones. Default true: chrome can survive "save as text". */
  web?: boolean
}

/**
 * Cleans a whole document and returns its text with lines joined by "\n". Original script is kept
 * (Traditional stays Traditional; indexing converts later) so answers can quote faithfully.
 */
export function cleanText(raw: string, opts: CleanOptions = {}): string {
  const web = opts.web ?? true
  const lines = normalizeWidth(raw.replace(/\r\n?/g, '\n')).split('\n')
  const out: string[] = []
  let skippingRelated = false
  for (let rawLine of lines) {
    rawLine = stripPinyin(stripPlaceholders(rawLine))
    const hadUrl = URL.test(rawLine) || BARE_DOMAIN.test(rawLine)
    URL.lastIndex = 0
    BARE_DOMAIN.lastIndex = 0
    let line = stripUrls(rawLine).replace(/[ \t]+/g, ' ').trim()
    if (skippingRelated) {
      if (!line) continue
      if (isListEntry(line) && !/^#/.test(line)) continue
      skippingRelated = false
    }
    if (!line) {
      out.push('')
      continue
    }
    if (web && RELATED_HEADER.test(line.replace(/^#+\s*/, ''))) {
      skippingRelated = true
      continue
    }
    if (web && (isUiChrome(line) || isMetaLine(line) || isFooter(line) || PREV_NEXT.test(line) || BYLINE.test(line))) continue
    if (TEMPLATE_NOTE.test(line) && line.length <= 80) continue
    if (isAdvert(line)) continue
    // A line that was only a link (e.g. "原文链接：http://…") has nothing left worth keeping.
    if (hadUrl && line.replace(/[\p{P}\p{S}\s]|原文|链接|网址|地址|来源|详见|点击|查看/gu, '').length === 0) continue
    line = line.replace(/^(原文)?(链接|网址)[:：]\s*$/, '')
    // A scraped site's watermark left mid-sentence with its link gone ("…热心社区工作，社区妇联秘书网网址：就为其提供机会").
    if (!hadUrl) line = line.replace(SITE_WATERMARK, '')
    if (!line) continue
    out.push(line)
  }
  return dedupeParagraphs(out.join('\n').replace(/\n{3,}/g, '\n\n').trim())
}

/** "XX网网址：" in a line that has no address at all (a line with one is handled above). */
const SITE_WATERMARK = /\p{Script=Han}{1,6}网网址[:：]/gu

/**
 * Some files hold the same sub-document twice (a page saved with its print version, a template
 * pasted twice). Long paragraphs repeated verbatim are kept once; short ones (headings, "一、") may repeat legitimately.
 */
export function dedupeParagraphs(text: string): string {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const line of text.split('\n')) {
    const key = line.replace(/\s+/g, '')
    if (key.length >= 30) {
      if (seen.has(key)) continue
      seen.add(key)
    }
    kept.push(line)
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim()
}
