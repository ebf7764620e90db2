import { describe, expect, it } from 'vitest'
import { fromWall, wallClock } from '../tz.ts'
import { parseClock } from './clock.ts'
import { parseDateTime } from './date.ts'
import { formatDateTime } from './format.ts'
import { cnNumber } from './numbers.ts'
import { cantoneseAsMandarin } from './cantonese.ts'
import { unflattenList } from './inline-list.ts'
import { askingPart, QUESTION_WORD, YES_NO_TAIL } from './question-forms.ts'
import { scriptNeutral } from './script.ts'

// Wednesday 25 November 2026, 10:00 in Shanghai.
const NOW = new Date('2026-11-25T10:00:00+08:00')
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()

describe('cnNumber', () => {
  it.each([
    ['15', 15], ['十', 10], ['十五', 15], ['二十', 20], ['二十三', 23], ['三十一', 31], ['两', 2], ['零五', 5], ['〇', 0],
  ])('%s → %i', (s, n) => expect(cnNumber(s)).toBe(n))
  it('rejects non-numbers', () => {
    expect(cnNumber('十十')).toBeUndefined()
    expect(cnNumber('abc')).toBeUndefined()
  })
})

describe('parseClock', () => {
  it.each([
    ['上午9点', 9, 0, '上午9点'],
    ['下午2点半', 14, 30, '下午2点半'],
    ['晚上8点', 20, 0, '晚上8点'],
    ['14:30', 14, 30, '14:30'],
    ['14：30开始', 14, 30, '14：30'],
    ['9:00', 9, 0, '9:00'],
    ['两点', 14, 0, '两点'],
    ['十点一刻', 10, 15, '十点一刻'],
    ['三点三刻', 15, 45, '三点三刻'],
    ['中午12点', 12, 0, '中午12点'],
    ['中午1点', 13, 0, '中午1点'],
    ['下午两点十五', 14, 15, '下午两点十五'],
    ['晚8点截止', 20, 0, '晚8点'],
    ['早上7点', 7, 0, '早上7点'],
    ['下午14点', 14, 0, '下午14点'],
    ['9点钟', 9, 0, '9点钟'],
    ['14时30分', 14, 30, '14时30分'],
  ])('%s → %i:%i', (text, hour, minute, match) => {
    expect(parseClock(text)).toEqual({ time: { hour, minute }, match })
  })
  it.each(['早一点来', '再快一点', '限20人', '报名', '+2'])('no clock in %s', (text) => {
    expect(parseClock(text)).toBeUndefined()
  })
})

describe('parseDateTime', () => {
  it('reads a day and its clock said apart (the day cut, the clock read where it stands)', () => {
    const r = parseDateTime('周六的亲子阅读往后推一个小时，三点开始', NOW)!
    expect(r.at.getTime()).toBe(at('2026-11-28T15:00'))
    expect(r.match).toBe('周六')
  })

  it('reads 每月15号 as the 15th (the day of every month), not as no date', () => {
    expect(parseDateTime('每月15号上午九点提醒', NOW)?.at.getTime()).toBe(at('2026-12-15T09:00'))
  })

  it('reads a fixed holiday as its next date, and 一日游 as no date', () => {
    expect(parseDateTime('三八节上午九点', NOW)?.at.getTime()).toBe(at('2027-03-08T09:00'))
    expect(parseDateTime('植物园一日游', NOW)).toBeUndefined()
  })

  it.each([
    ['周六下午2点 亲子阅读', '2026-11-28T14:00', '周六下午2点'],
    ['明天上午9点', '2026-11-26T09:00', '明天上午9点'],
    ['后天晚上8点', '2026-11-27T20:00', '后天晚上8点'],
    ['今晚8点', '2026-11-25T20:00', '今晚8点'],
    ['明晚7点半', '2026-11-26T19:30', '明晚7点半'],
    ['星期六下午3点', '2026-11-28T15:00', '星期六下午3点'],
    ['礼拜天上午10点', '2026-11-29T10:00', '礼拜天上午10点'],
    ['这周六下午2点', '2026-11-28T14:00', '这周六下午2点'],
    ['下周三 14:30', '2026-12-02T14:30', '下周三 14:30'],
    ['下下周一上午10点', '2026-12-07T10:00', '下下周一上午10点'],
    ['本月28号下午3点', '2026-11-28T15:00', '本月28号下午3点'],
    ['下个月3号上午9点', '2026-12-03T09:00', '下个月3号上午9点'],
    ['12月8日下午2点', '2026-12-08T14:00', '12月8日下午2点'],
    ['12.8 下午2点', '2026-12-08T14:00', '12.8 下午2点'],
    ['2027年3月8日 9:00', '2027-03-08T09:00', '2027年3月8日 9:00'],
    ['下午2点 周六', '2026-11-28T14:00', '下午2点 周六'],
    ['周六14:00-16:00', '2026-11-28T14:00', '周六14:00'],
    ['3号楼 周五下午4点', '2026-11-27T16:00', '周五下午4点'],
    ['晚上12点', '2026-11-26T00:00', '晚上12点'],
    // The weekday or the date restated between the day and its clock.
    ['12月10号（周四）晚上7点，三楼会议室', '2026-12-10T19:00', '12月10号（周四）晚上7点'],
    ['12月20号周日早上八点半东门集合', '2026-12-20T08:30', '12月20号周日早上八点半'],
    ['元旦当天上午十点', '2027-01-01T10:00', '元旦当天上午十点'],
    ['平安夜（12月24日）晚上六点半', '2026-12-24T18:30', '平安夜（12月24日）晚上六点半'],
    ['周日下午 3 点 活动室', '2026-11-29T15:00', '周日下午 3 点'],
    // 一下 is not 下下: "说一下下个礼拜三" is next week's Wednesday.
    ['跟大家说一下下个礼拜三下午两点', '2026-12-02T14:00', '下个礼拜三下午两点'],
    // The day said not to be the one, and a day with no clock before the day that has one.
    ['不是周六 是周日下午2点', '2026-11-29T14:00', '周日下午2点'],
    ['元旦前搞个联欢会：12月31号晚上六点', '2026-12-31T18:00', '12月31号晚上六点'],
    ['以后每周三下午 第一次是明天下午两点', '2026-11-26T14:00', '明天下午两点'],
  ])('%s', (text, iso, match) => {
    const r = parseDateTime(text, NOW)
    expect(r?.at.getTime()).toBe(at(iso))
    expect(r?.match).toBe(match)
    expect(r?.ambiguous).toBeUndefined()
    expect(r?.dateOnly).toBeUndefined()
  })

  it.each([
    ['周六', '2026-11-28T00:00'],
    ['大后天', '2026-11-28T00:00'],
    ['15号', '2026-12-15T00:00'], // the 15th has passed this month: next month's
    ['本月30日', '2026-11-30T00:00'],
    ['周日上午', '2026-11-29T09:00'],
    ['3天后', '2026-11-28T00:00'],
  ])('date only: %s', (text, iso) => {
    const r = parseDateTime(text, NOW)
    expect(r?.at.getTime()).toBe(at(iso))
    expect(r?.dateOnly).toBe(true)
  })

  it.each([
    ['周六2点', '2026-11-28T14:00', '下午2点'],
    ['今天两点', '2026-11-25T14:00', '下午2点'],
    ['周六9点', '2026-11-28T09:00', '上午9点'],
    ['周六 2:30', '2026-11-28T14:30', '下午2点半'],
    ['周三下午2点', '2026-11-25T14:00', '今天就是周三'], // said on a Wednesday
    ['周三上午9点', '2026-12-02T09:00', '今天就是周三'], // already past today → next week, but ask
    ['3月8日下午2点', '2027-03-08T14:00', '今年已经过了'],
    ['8点', '2026-11-25T20:00', '晚上8点'], // 8am has passed, 8pm hasn't
    ['12月20日周六上午9点', '2026-12-20T09:00', '12月20日是周日，不是周六'], // the date and its weekday disagree
  ])('ambiguous: %s', (text, iso, reason) => {
    const r = parseDateTime(text, NOW)
    expect(r?.at.getTime()).toBe(at(iso))
    expect(r?.ambiguous).toContain(reason)
  })

  it('time only: today, or tomorrow once passed', () => {
    expect(parseDateTime('下午3点', NOW)?.at.getTime()).toBe(at('2026-11-25T15:00'))
    expect(parseDateTime('上午9点', NOW)?.at.getTime()).toBe(at('2026-11-26T09:00'))
  })

  it('relative offsets', () => {
    expect(parseDateTime('半小时后提醒我', NOW)?.at.getTime()).toBe(at('2026-11-25T10:30'))
    expect(parseDateTime('2个小时后', NOW)?.at.getTime()).toBe(at('2026-11-25T12:00'))
    expect(parseDateTime('10分钟后', NOW)?.at.getTime()).toBe(at('2026-11-25T10:10'))
  })

  it('finds the first date in a whole announcement', () => {
    const text = '发布活动 周六下午2点 亲子阅读 微家活动室 限20人 周五晚8点截止'
    const r = parseDateTime(text, NOW)!
    expect(r.match).toBe('周六下午2点')
    expect(r.index).toBe(text.indexOf('周六'))
    const deadline = parseDateTime(text.slice(r.index! + r.match.length), NOW)!
    expect(deadline.at.getTime()).toBe(at('2026-11-27T20:00'))
  })

  it('crosses month and year ends', () => {
    const dec31 = new Date('2026-12-31T09:00:00+08:00')
    expect(parseDateTime('明天上午10点', dec31)?.at.getTime()).toBe(at('2027-01-01T10:00'))
    expect(parseDateTime('下个月5号', dec31)?.at.getTime()).toBe(at('2027-01-05T00:00'))
  })

  it('reads nothing from plain chat', () => {
    for (const t of ['报名', '+1', '算我一个', '我报上了没？', '好的谢谢', '限20人']) expect(parseDateTime(t, NOW)).toBeUndefined()
  })

  it('works in another time zone', () => {
    const r = parseDateTime('明天下午2点', NOW, 'Europe/Berlin')!
    expect(r.at.toISOString()).toBe('2026-11-26T13:00:00.000Z')
  })
})

describe('formatting and wall clock', () => {
  it('formats in Shanghai time', () => {
    expect(formatDateTime(new Date('2026-11-28T06:00:00Z'))).toBe('11月28日（周六）14:00')
  })
  it('round-trips the wall clock', () => {
    const d = fromWall('Asia/Shanghai', 2026, 11, 28, 14, 0)
    expect(new Date(d).toISOString()).toBe('2026-11-28T06:00:00.000Z')
    expect(wallClock(d, 'Asia/Shanghai')).toMatchObject({ year: 2026, month: 11, day: 28, hour: 14, minute: 0, weekday: 6 })
  })
})

describe('dates and times written in Traditional script', () => {
  it('read as in Simplified, at the same positions', () => {
    const now = new Date('2026-12-01T02:00:00Z')
    const t = parseDateTime('下週六下午三點 微家活動室', now, 'Asia/Shanghai')
    const s = parseDateTime('下周六下午三点 微家活动室', now, 'Asia/Shanghai')
    expect(t?.at).toBeDefined()
    expect(t?.at).toEqual(s?.at)
    expect(t?.index).toBe(s?.index)
    expect(t?.match.length).toBe(s?.match.length)
  })
})

describe('a 接龙 flattened onto one line', () => {
  it('gets its items back on lines of their own', () => {
    expect(unflattenList('1.王芳 2.张丽 3.孙大妈')).toBe('1.王芳\n2.张丽\n3.孙大妈')
    expect(unflattenList('接龙 1.王芳 2.王芳婆婆 3.张丽')).toBe('接龙\n1.王芳\n2.王芳婆婆\n3.张丽')
    // Not a list: numbers in a sentence, or one item only.
    expect(unflattenList('周六 2.5小时 3.5元')).toBe('周六 2.5小时 3.5元')
    expect(unflattenList('1.王芳')).toBe('1.王芳')
    // Numbers straight before the names, counting up from 1, after a title with 接龙.
    expect(unflattenList('香包接龙 1周红 2刘阿姨 3赵敏（带闺女）')).toBe('香包接龙\n1.周红\n2.刘阿姨\n3.赵敏（带闺女）')
    expect(unflattenList('1王芳 2张丽 3孙大妈')).toBe('1.王芳\n2.张丽\n3.孙大妈')
    expect(unflattenList('1楼 2单元')).toBe('1楼 2单元')
    expect(unflattenList('1号楼 3单元 5楼')).toBe('1号楼 3单元 5楼')
  })
})

describe('written Cantonese 都 after 我', () => {
  it('is 也 ("我都想去" = "我也想去"), not "both"', () => {
    expect(cantoneseAsMandarin('我都想去 仲有冇位呀')).toBe('我也想去 还有没有位呀')
    expect(cantoneseAsMandarin('两个我都想去')).toBe('两个我都想去')
    // How long, how many.
    expect(cantoneseAsMandarin('幼稚园啲女老师每日要锻炼几耐')).toBe('幼稚园些女老师每日要锻炼多久')
    // "有冇帮手搵工": whether someone helps find work (a tester got the 雨花区 plan's opening sentence).
    expect(cantoneseAsMandarin('想问下妇联有冇帮手搵工㗎')).toBe('想问下妇联有没有帮忙找工作吗')
    expect(cantoneseAsMandarin('我想搵份工')).toBe('我想找份工')
    expect(cantoneseAsMandarin('嗰度有几多个位')).toBe('那度有多少个位')
    // 几多 and 几耐 mark Cantonese on their own ("一年几多钱" has no other sign).
    expect(cantoneseAsMandarin('学插花一年几多钱')).toBe('学插花一年多少钱')
    expect(cantoneseAsMandarin('培训班要上几耐')).toBe('培训班要上多久')
    // 係 (系 after conversion) before what is asked is 是: "呢個微家係做咩㗎".
    expect(cantoneseAsMandarin('我哋呢个微家系做咩㗎')).toBe('我们这个微家是做什么吗')
    expect(cantoneseAsMandarin('我哋嘅关系做得好')).toBe('我们的关系做得好')
  })
})

describe('written Cantonese thanks', () => {
  it('唔该 closing what she says, and 唔该晒 / 多谢晒, are 谢谢; 唔该 before a request is 麻烦', () => {
    for (const t of ['唔该晒', '唔该', '唔该你啊', '多谢晒', '唔该哂']) expect(cantoneseAsMandarin(t), t).toBe(t.startsWith('唔该你') ? '谢谢你啊' : '谢谢')
    expect(cantoneseAsMandarin('好嘅，唔该')).toBe('好的，谢谢')
    expect(cantoneseAsMandarin('我想同真人倾，唔该')).toBe('我想同真人倾，谢谢')
    // Control: "please", before what she asks for.
    expect(cantoneseAsMandarin('唔该帮我报插花')).toBe('麻烦帮我报插花')
  })
})

describe('written Cantonese 咁 / 噉 opening a message', () => {
  it('is 那 ("then, so"), as a follow-up opens; before a word of degree 咁 is 这么, and 噉 or 咁样 elsewhere 这样', () => {
    expect(cantoneseAsMandarin('咁我哋呢个算边种')).toBe('那我们这个算哪种')
    expect(cantoneseAsMandarin('噉我哋算边种')).toBe('那我们算哪种')
    expect(cantoneseAsMandarin('好嘅，咁我报名')).toBe('好的，那我报名')
    // Controls: degree and manner.
    expect(cantoneseAsMandarin('咁多人报名㗎')).toBe('这么多人报名吗')
    expect(cantoneseAsMandarin('系噉㗎')).toBe('是这样吗')
    expect(cantoneseAsMandarin('佢咁样做')).toBe('他这样做')
  })
})

describe('a reply in Traditional script', () => {
  it('keeps 困难 as 困難 (OpenCC reads 爱困 inside 关爱困难)', async () => {
    const { inScript } = await import('./script.ts')
    expect(inScript('关爱困难妇女', 'traditional')).toBe('關愛困難婦女')
  })
})

describe('script', () => {
  it('a text written the same in both scripts ("利息多少") is neutral; one with a Traditional or Simplified form is not', () => {
    expect(scriptNeutral('利息多少')).toBe(true)
    expect(scriptNeutral('要還幾年')).toBe(false)
    expect(scriptNeutral('要还几年')).toBe(false)
  })
})

describe('question forms', () => {
  it('a yes-no question by its last word: "要钱不", "有培训补贴没"; a statement is not one', () => {
    const yesNo = new RegExp(YES_NO_TAIL, 'u')
    for (const q of ['要钱不', '还能做两癌筛查不', '我想学月嫂 有培训补贴没', '微家能帮着调解不？', '有没有']) expect(yesNo.test(q)).toBe(true)
    for (const q of ['我去不了', '受不了了', '对不起']) expect(yesNo.test(q)).toBe(false)
  })

  it('how far / long / big is asked with 多 and the measure ("徒步要走多远" went to small talk: a tester)', () => {
    const asks = new RegExp(QUESTION_WORD, 'u')
    for (const q of ['踏春嘉年华那个徒步要走多远', '那条路有多长', '报名的人要多高']) expect(asks.test(q)).toBe(true)
    expect(asks.test('大家辛苦了')).toBe(false)
  })
})

describe('the asking part of a message', () => {
  it('cuts the clauses that only tell her circumstances; keeps what names the topic', () => {
    expect(askingPart('我离婚了一个人带俩娃 手头紧 过年妇联有慰问不 咋申请')).toBe('过年妇联有慰问不 咋申请')
    expect(askingPart('我今年58了 还能做两癌筛查不 要钱不')).toBe('还能做两癌筛查不 要钱不')
    expect(askingPart('我想学月嫂 有培训补贴没')).toBe('我想学月嫂 有培训补贴没')
    expect(askingPart('老板拖欠工资半年了 能申请法律援助吗')).toBe('老板拖欠工资半年了 能申请法律援助吗')
    expect(askingPart('我家闺女最近不愿意上学 咋办啊')).toBe('我家闺女最近不愿意上学 咋办啊')
  })
})
