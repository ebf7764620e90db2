// Announcement text → activity draft. Rules for the common forms; with an LLM, zod-validated extraction of the
// fields as spans of the message, whose dates still go through the rule-based Chinese date parser (so ambiguity
// and past times are caught the same way). Anything uncertain becomes a question for the host, never a guess.
import { z } from 'zod'
import { loadPrompt } from '../core/prompts.ts'
import type { Llm } from '../core/llm.ts'
import { fromWall, wallClock } from '../core/tz.ts'
import { findClock, type Period, PERIOD_ALONE, PERIOD_RE } from '../core/zh/clock.ts'
import { parseDateTime } from '../core/zh/date.ts'
import { formatDateTime } from '../core/zh/format.ts'
import { cnNumber } from '../core/zh/numbers.ts'
import { ANNOUNCE_WORDS, normalize } from './parse.ts'
import { NO_LIMIT } from '../nlu/notice-detail.ts'
import { texts, type DraftView } from './texts.ts'

export interface Question {
  text: string
  /** Blocking questions need a new message; the others can be confirmed with 「确认」. */
  blocking: boolean
}

export interface Draft extends DraftView {
  questions: Question[]
  /** "晚上" said without a clock: a clock given later ("7点半") is in that part of the day. */
  period?: string
}

/** A time text that already says its part of the day ("晚上7点半"). */
const PERIOD_WORD = new RegExp(PERIOD_RE, 'u')

const SEP = /[\s,，。；;、]+/u
const PLACE_SUFFIX = /(?:室|馆|厅|中心|广场|公园|会所|驿站|站|楼|园|院|微家|之家|场|屋|堂|基地|小区|社区|门口|教室|食堂)$/u
// (Not the 广场 of 广场舞: a dance, not a place.)
const LEADING_PLACE = /^在?((?:社区|微家|小区)?(?:活动室|图书室|会议室|广场(?!舞)|礼堂|大厅|书屋|教室|食堂|会堂|服务站|居委会|公园))(?:里|内)?(?:搞|办|有|举办|开展)?(.{2,})$/u
// Invitations and greetings ("各位姐妹", "家人们") carry no field of the activity.
const NOISE = /^(?:欢迎|请|快来|大家|速来|感兴趣的|踊跃|积极)*(?:报名|参加|接龙|来玩)(?:吧|哦|啊|哈|呀|～|!|！)*$|^(?:活动|通知)$|^[哈哦啊呀噢啦嘛呢～~!！]+$|^(?:各位|亲爱的)?(?:姐妹|姐妹们|家人们|大家好|邻居们|朋友们|各位)(?:好)?[!！~～]*$/u
const LABELS: Array<[RegExp, keyof DraftView | 'deadlineText' | 'timeText']> = [
  [/^(?:活动名称|活动|主题|名称|标题|内容)$/u, 'title'],
  [/^(?:活动时间|时间|日期)$/u, 'timeText'],
  [/^(?:活动地点|地点|地址|场地)$/u, 'place'],
  [/^(?:名额|人数|限额|人数限制)$/u, 'capacity'],
  [/^(?:报名截止|截止时间|截止|报名截止时间)$/u, 'deadlineText'],
  [/^(?:备注|说明|注意|注意事项|要求|提示)$/u, 'notes'],
]

const CAP_NUM = '\\d+|[一二两三四五六七八九十]{1,3}'
/**
 * The number of places with the words said around it ("就4个名额哈", "只有10个名额", "限8家"), so that no 就 or 哈 is
 * left behind in the notes. 家 is a unit (限8家) but not the 家 of 家长 or 家属.
 */
const CAPACITY = new RegExp(
  `(?:就|只|仅|只有)?(?:(?:限|限额|限报|名额|仅限|一共|总共|共)\\s*(${CAP_NUM})\\s*(?:组家庭|个家庭|户家庭|家庭|个人|人|名|位|个|户|组|家(?![长属]))?` +
    `|(\\d+)\\s*(?:人|名|位)(?:以内|为限|封顶|满员)|(${CAP_NUM})\\s*个?名额)(?:哈|哦|啊|呀|噢|哟|喔)?`,
  'u',
)

interface Spans {
  title?: string
  timeText?: string
  place?: string
  capacity?: number
  deadlineText?: string
  notes?: string
  /** A part of the day said alone ("晚上"), kept for the clock that comes later. */
  period?: string
  /** Text the spans did not account for (rules only). */
  rest?: string
}

function readCapacity(s: string): number | undefined {
  const m = /(\d+|[一二两三四五六七八九十]{1,3})/u.exec(s)
  const n = m ? cnNumber(m[1]!) : undefined
  return n && n > 0 && n < 10_000 ? n : undefined
}

/** Rule-based reading of an announcement into spans. */
export function ruleSpans(raw: string, now: Date, tz: string): Spans {
  const spans: Spans = {}
  const free: string[] = []
  for (const line of raw.replace(ANNOUNCE_WORDS, '').split(/\r?\n/u)) {
    // "地点：微家活动室" — labels may also stand inline, several per line.
    const parts = line.split(/(?=(?:活动名称|活动时间|活动地点|报名截止时间|报名截止|截止时间|主题|时间|地点|地址|名额|人数|备注|说明|注意事项)[:：])/u)
    for (const part of parts) {
      const m = /^([^:：\s]{1,6})[:：]\s*(.*)$/u.exec(part.trim())
      const field = m && LABELS.find(([re]) => re.test(m[1]!))?.[1]
      if (m && field) {
        let v = m[2]!.replace(/[，,。；;\s]+$/u, '').trim()
        // A label's value ends at the next separator (except notes); what follows is free text again.
        const stop = field === 'notes' || field === 'timeText' || field === 'deadlineText' ? -1 : v.search(/[\s,，。；;]/u)
        if (stop > 0) {
          free.push(v.slice(stop))
          v = v.slice(0, stop)
        }
        if (field === 'timeText' || field === 'deadlineText') {
          // "时间：周六下午2点 亲子阅读": the time is what the date parser reads; the rest is free text.
          const t = parseDateTime(v, now, tz)
          if (t) {
            free.push(v.slice(0, t.index) + ' ' + v.slice(t.index! + t.match.length))
            v = t.match
          }
        }
        if (field === 'capacity') spans.capacity = readCapacity(v)
        else (spans as Record<string, string>)[field] = v
      } else free.push(part)
    }
  }
  // "通知：…", "【好消息】…": a label for the message, not the activity's title.
  let text = normalize(free.join(' ')).replace(/^\s*[【\[]?(?:活动)?(?:通知|公告|好消息|重要通知|温馨提示|活动预告|预告)[】\]]?[:：!！\s]*/u, '')

  // Capacity: 限20人, 名额20个, 限额30名, 仅限15位, 限8家.
  const cap = CAPACITY.exec(text)
  if (cap && spans.capacity === undefined) {
    spans.capacity = readCapacity(cap[1] ?? cap[2] ?? cap[3]!)
    text = cut(text, cap.index, cap[0].length)
  }

  // Deadline: "周五晚8点截止", "报名截止周五晚8点", "截止到周五"
  const dl = /(?:报名)?截止(?:报名)?/u.exec(text)
  if (dl && spans.deadlineText === undefined) {
    const before = text.slice(0, dl.index)
    const tail = /([^\s,，。；;]+?)(?:前|之前)?\s*$/u.exec(before)
    const b = tail && parseDateTime(tail[1]!, now, tz)
    if (tail && b && tail[1]!.endsWith(b.match)) {
      spans.deadlineText = b.match
      text = cut(text, tail.index, dl.index + dl[0].length - tail.index)
    } else {
      const after = text.slice(dl.index + dl[0].length)
      const lead = /^(?:时间)?\s*[:：]?\s*(?:到|至)?\s*/u.exec(after)![0]
      const a = parseDateTime(after.slice(lead.length), now, tz)
      if (a && a.index === 0) {
        spans.deadlineText = a.match
        text = cut(text, dl.index, dl[0].length + lead.length + a.match.length)
      } else text = cut(text, dl.index, dl[0].length)
    }
  }

  // "下周二中午12点前报名哈", "周一晚八点之前接龙": a time before which to sign up is the deadline too.
  const before = spans.deadlineText === undefined ? /([^\s,，。；;]+?)(?:之|以)?前(?:报(?:个)?名|接龙|登记)/u.exec(text) : null
  if (before) {
    const b = parseDateTime(before[1]!, now, tz)
    if (b && before[1]!.endsWith(b.match)) {
      spans.deadlineText = b.match
      text = cut(text, before.index, before[0].length)
    }
  }

  // Start: the first date/time left (or the labelled one); an end time after a dash is dropped.
  if (spans.timeText === undefined) {
    const start = parseDateTime(text, now, tz)
    if (start) {
      spans.timeText = start.match
      let len = start.match.length
      const end = /^\s*[-~～至到]\s*(?:\d{1,2}[:：]\d{2}|(?:\d{1,2}|[一二两三四五六七八九十]{1,3})点半?)/u.exec(text.slice(start.index! + len))
      if (end) len += end[0].length
      text = cut(text, start.index!, len)
    }
  }

  // "在微家活动室搞亲子阅读", "在活动室举办读书会"
  const at = /在([^\s,，。；;]{2,15}?)(?:举办|举行|开展|搞|办|进行|组织|开|有)(?:一场|一次|个)?([^\s,，。；;]{2,20})/u.exec(text)
  if (at) {
    spans.place ??= at[1]
    spans.title ??= at[2]
    text = cut(text, at.index, at[0].length)
  }

  const tokens = text.split(SEP).map((t) => t.trim()).filter((t) => t && !NOISE.test(t))
  const rest: string[] = []
  for (const tok of tokens) {
    if (PERIOD_ALONE.test(tok)) {
      spans.period ??= tok
      continue
    }
    // "活动室包饺子", "社区广场学新广场舞": a place, then what happens there.
    const lead = spans.place || spans.title ? null : LEADING_PLACE.exec(tok)
    if (lead) {
      spans.place = lead[1]
      spans.title = lead[2]
    } else if (!spans.place && PLACE_SUFFIX.test(tok) && tok.length <= 20) spans.place = tok
    else if (!spans.title) spans.title = tok
    else rest.push(tok)
  }
  if (rest.length) spans.notes = [spans.notes, ...rest].filter(Boolean).join('，')
  return spans
}

const cut = (s: string, index: number, len: number) => `${s.slice(0, index)} ${s.slice(index + len)}`

/** Spans → draft: dates parsed, past and ambiguous times turned into questions. */
export function draftFrom(spans: Spans, now: Date, tz: string, defaults: { place: string }): Draft {
  const draft: Draft = { questions: [] }
  if (spans.title) draft.title = spans.title.slice(0, 40)
  else draft.questions.push({ text: texts.missingTitle, blocking: true })
  draft.place = spans.place || defaults.place
  if (spans.capacity) draft.capacity = spans.capacity
  // Notes are what the title and the place did not say (the understanding may have taken a title or a place the
  // span rules had left among the notes).
  const notes = spans.notes?.split('，').filter((n) => n && n !== draft.title && n !== draft.place).join('，')
  if (notes) draft.notes = notes
  if (spans.period) draft.period = spans.period
  applyTime(draft, spans.timeText, now, tz)
  if (spans.deadlineText) {
    const d = parseDateTime(spans.deadlineText, now, tz)
    if (d) {
      draft.deadlineAt = deadlineOf(d, tz)
      if (d.ambiguous) draft.questions.push({ text: `报名截止：${d.ambiguous}`, blocking: false })
      if (draft.deadlineAt < now.getTime()) draft.questions.push({ text: `报名截止：${texts.pastTime(draft.deadlineAt, tz)}`, blocking: true })
    }
  }
  // "下周六上午9点 … 周五晚8点截止": the Friday before the event, not this week's Friday a week earlier. A deadline by
  // its weekday alone is the last such day before the start. No question for it: that is what hosts mean, and the
  // announcement shows the date (a draft to confirm would leave residents' sign-ups unanswered meanwhile).
  if (draft.deadlineAt && draft.startAt && spans.deadlineText && BARE_WEEKDAY.test(spans.deadlineText) && !/\d+\s*[月号日.\/]/u.test(spans.deadlineText)) {
    while (draft.deadlineAt + WEEK < draft.startAt) draft.deadlineAt += WEEK
  }
  if (draft.deadlineAt && draft.startAt && draft.deadlineAt > draft.startAt) {
    draft.deadlineAt = draft.startAt
    draft.questions.push({ text: texts.deadlineAfterStart, blocking: false })
  }
  return draft
}

const WEEK = 7 * 86_400_000
const BARE_WEEKDAY = /(?<![下本这上])(?:周|星期|礼拜)[一二三四五六日天]/u

/**
 * 截止周五 = the end of Friday; 截止周五晚8点 = 20:00. A part of the day without a clock is read to its end, since
 * that is what a host means by it: "周二晚上截止" takes sign-ups all Tuesday evening (someone who signs up at 21:30
 * after the dishes is not turned away), so 晚上 runs to the end of the day; 上午 to 12:00, 下午 to 18:00, when 晚上
 * begins. 中午 is a moment, not a span: noon. The notice shows the time it was read as, so a host who meant another
 * corrects it ("修改活动1 截止 周二晚8点").
 */
export function deadlineOf(d: { at: Date; dateOnly?: boolean; period?: Period }, tz: string): number {
  const w = wallClock(d.at.getTime(), tz)
  if (d.dateOnly && d.period) {
    const [hour, minute] = PERIOD_END[d.period]
    return fromWall(tz, w.year, w.month, w.day, hour, minute)
  }
  const midnight = w.hour === 0 && w.minute === 0
  return d.dateOnly && midnight ? d.at.getTime() + 24 * 3600_000 - 60_000 : d.at.getTime()
}
/** Where a deadline given as a part of the day ends (see deadlineOf). */
const PERIOD_END: Record<Period, [number, number]> = { dawn: [6, 0], morning: [12, 0], noon: [12, 0], afternoon: [18, 0], evening: [23, 59] }

/** Sets the start time of a draft from text, replacing earlier time questions. */
export function applyTime(draft: Draft, timeText: string | undefined, now: Date, tz: string): void {
  // A day said with no clock, the clock asked for ("周六搞个包饺子", then "下午2点"): the clock sent alone is on that day.
  // Read as today's, the draft once went out on the wrong day at 14:00.
  const awaitingClock = draft.questions.some((q) => q.text === `时间：${texts.missingClock}`)
  draft.questions = draft.questions.filter((q) => !q.text.startsWith('时间'))
  // The clock already known ("11月28日下午3点" then "不对 是12月28号"): a new date alone keeps it.
  const before = draft.startAt !== undefined ? wallClock(draft.startAt, tz) : undefined
  const clockKnown = before && (before.hour !== 0 || before.minute !== 0) ? before : undefined
  const dayKnown = awaitingClock ? before : undefined
  delete draft.startAt
  // "晚上" said first, "7点半" now: 晚上7点半.
  const said = timeText && draft.period && !PERIOD_WORD.test(timeText) ? `${draft.period}${timeText}` : timeText
  const t = said ? parseDateTime(said, now, tz) : undefined
  if (!t) {
    draft.questions.push({ text: `时间：${texts.missingTime}`, blocking: true })
    return
  }
  if (dayKnown && !t.dateOnly && t.match === findClock(said!)?.match) {
    // Read as from the start of that day: its clock on it ("晚上12点" the night after), as a guess on it (7点半: morning?).
    const onDay = parseDateTime(said!, new Date(fromWall(tz, dayKnown.year, dayKnown.month, dayKnown.day, 0, 0)), tz)!
    draft.startAt = onDay.at.getTime()
    if (draft.startAt <= now.getTime()) draft.questions.push({ text: `时间：${texts.pastTime(draft.startAt, tz)}`, blocking: true })
    else if (onDay.ambiguous) draft.questions.push({ text: `时间：${onDay.ambiguous}`, blocking: false })
    return
  }
  if (t.dateOnly && clockKnown) {
    const d = wallClock(t.at.getTime(), tz)
    draft.startAt = fromWall(tz, d.year, d.month, d.day, clockKnown.hour, clockKnown.minute)
    if (draft.startAt <= now.getTime()) draft.questions.push({ text: `时间：${texts.pastTime(draft.startAt, tz)}`, blocking: true })
    return
  }
  draft.startAt = t.at.getTime()
  if (t.dateOnly) {
    draft.questions.push({ text: `时间：${texts.missingClock}`, blocking: true })
    // "周六晚上": the clock sent later is in that part of the day, as after "晚上" said alone.
    const period = PERIOD_WORD.exec(t.match)?.[0]
    if (period) draft.period = period
  } else if (t.at.getTime() <= now.getTime()) draft.questions.push({ text: `时间：${texts.pastTime(t.at.getTime(), tz)}`, blocking: true })
  else if (t.ambiguous) draft.questions.push({ text: `时间：${t.ambiguous}`, blocking: false })
}

// ---------------------------------------------------------------- LLM extraction

export const extractionSchema = z.object({
  title: z.string().min(1).max(40).describe('活动名称，如“亲子阅读”'),
  timeText: z.string().max(40).nullable().describe('活动开始时间在原文中的写法，原样摘出，如“周六下午2点”；没有就 null'),
  place: z.string().max(40).nullable().describe('地点，原样摘出；没有就 null'),
  capacity: z.number().int().min(1).max(10000).nullable().describe('人数上限；没有就 null'),
  deadlineText: z.string().max(40).nullable().describe('报名截止时间在原文中的写法，原样摘出；没有就 null'),
  notes: z.string().max(200).nullable().describe('其他需要参加者知道的事项；没有就 null'),
})

/** LLM spans when they validate and the time span really is in the message; undefined → use the rules. */
export async function llmSpans(llm: Llm, raw: string, now: Date, tz: string): Promise<Spans | undefined> {
  const out = await llm.extract(
    [
      { role: 'system', content: loadPrompt('signup-announce') },
      { role: 'user', content: `现在是${formatDateTime(now, tz)}。通知：\n${raw.replace(ANNOUNCE_WORDS, '')}` },
    ],
    extractionSchema,
    { name: 'activity', description: '活动通知的字段' },
  )
  const parsed = extractionSchema.parse(out)
  // A time the message does not contain, or one our parser cannot read, is not trusted.
  if (parsed.timeText && (!raw.includes(parsed.timeText) || !parseDateTime(parsed.timeText, now, tz))) return undefined
  if (parsed.deadlineText && !parseDateTime(parsed.deadlineText, now, tz)) parsed.deadlineText = null
  return {
    title: parsed.title,
    timeText: parsed.timeText ?? undefined,
    place: parsed.place ?? undefined,
    capacity: parsed.capacity ?? undefined,
    deadlineText: parsed.deadlineText ?? undefined,
    notes: parsed.notes ?? undefined,
  }
}

const FAMILY_PLACES = new RegExp(
  `\\d+\\s*(?:组|个|户)?家庭|[一二两三四五六七八九十]+(?:组|个|户)家庭|\\d+\\s*(?:组|户)(?!长)` +
    // "限8家", "名额10家", and the rule said outright: "带孩子的算一家", "一家算一个名额".
    `|(?:限|名额|仅限|只限|最多)\\s*(?:${CAP_NUM})\\s*(?:个|户)?家(?![长属庭])|算一家|一家(?:只)?算一个`,
  'u',
)
/** "限15组家庭", "限8家 带孩子的算一家": the notice itself says a family takes one place. */
export const placesByFamily = (source: string): boolean => FAMILY_PLACES.test(source)

/** A clause that only says how places count ("一个大人带一个孩子算一组"): shown as 名额：N个家庭, not again in the notes. */
const COUNT_RULE_CLAUSE = /^(?:一个大人带一个孩子|一大一小|大人带孩子|带孩子的?|家长带孩子)?(?:算一(?:组|家|户|个名额)|一家(?:只)?算一个(?:名额)?|按(?:家庭|户|家)算(?:名额)?|孩子不(?:另)?(?:算|占)(?:名额)?)$/u

/**
 * A detail the host adds in a message of its own while her draft waits for 确认 ("限10组家庭，一个大人带一个孩子算一组",
 * "不收费，大家带一本孩子喜欢的绘本来", "周五晚上截止"): put on the draft. Places and the deadline replace the draft's;
 * anything else is added to the notes. The time and place stay as they are: changing those is a correction.
 */
export function mergeDetails(draft: Draft, raw: string, now: Date, tz: string): void {
  const spans = ruleSpans(raw, now, tz)
  if (NO_LIMIT.test(raw)) delete draft.capacity
  else if (spans.capacity) draft.capacity = spans.capacity
  if (placesByFamily(raw)) draft.countRule = 'family'
  if (spans.deadlineText) {
    const d = parseDateTime(spans.deadlineText, now, tz)
    if (d) {
      draft.questions = draft.questions.filter((q) => !q.text.startsWith('报名截止'))
      draft.deadlineAt = deadlineOf(d, tz)
      if (d.ambiguous) draft.questions.push({ text: `报名截止：${d.ambiguous}`, blocking: false })
      // As in draftFrom: 截止周五 is the Friday before the start, and never after it.
      if (draft.startAt && BARE_WEEKDAY.test(spans.deadlineText) && !/\d+\s*[月号日.\/]/u.test(spans.deadlineText)) {
        while (draft.deadlineAt + WEEK < draft.startAt) draft.deadlineAt += WEEK
      }
      if (draft.startAt && draft.deadlineAt > draft.startAt) draft.deadlineAt = draft.startAt
      if (draft.deadlineAt < now.getTime()) draft.questions.push({ text: `报名截止：${texts.pastTime(draft.deadlineAt, tz)}`, blocking: true })
    }
  }
  // ruleSpans reads a message without a title as one whose first clause is the title: here every clause is a note.
  // A time it read as the start is given back (its deadline was taken above): "活动2小时左右" is a note too.
  const said = [spans.title, spans.timeText && !spans.deadlineText ? spans.timeText : undefined, spans.place, spans.notes]
  const clauses = said.flatMap((s) => (s ? s.split(/[，,]/u) : [])).map((c) => c.trim()).filter((c) => c && !(draft.countRule === 'family' && COUNT_RULE_CLAUSE.test(c)))
  const known = new Set((draft.notes ?? '').split('，'))
  const added = clauses.filter((c) => !known.has(c))
  if (added.length) draft.notes = [draft.notes, ...added].filter(Boolean).join('，')
}
