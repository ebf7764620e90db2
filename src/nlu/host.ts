// Hosts (and anyone who asks for a host's action, to be told who can): announcements in prose, edits,
// closing/reopening/cancelling, exports; reminders; answers to the bot's confirmation questions. Pure.
import { parseDateTime } from '../core/zh/date.ts'
import { activityRef, bare, formatSlotTime, NUM, numberOf, timeIn } from './text.ts'
import type { Situation, Slots, Understanding } from './types.ts'

const QUESTION = /[？?]|吗$|么$|呢$|怎么|如何|多少|几点|什么时候|啥时候|哪里|在哪/u

// ---------------------------------------------------------------- confirmations and corrections

const YES = /^(?:确认|确定|对|对的|是|是的|没错|好|好的|可以|行|发|发吧|发布|发布吧|确认发布|就这样|ok|嗯|嗯嗯|没问题|同意)/u
const NO = /^(?:不|别|否|no|算了|等等|等一下|等会|待会|晚点|过会|回头再|先放|先别|先不|再想想|取消吧?$|不对|不是|不确认|不要|不用)/iu
const CORRECTION = /改成|改到|改为|换成|写错|不是.{1,12}是|地点是|地方是|时间是|应该是|是在/u

export function readConfirmation(t: string, sit: Situation): Understanding | undefined {
  const b = bare(t)
  // "不对，是两点半": a no followed by the right value is a correction.
  const value = /^(?:不对|不是|错了)/u.test(b) && (timeIn(t, sit) !== undefined || /\d|[一二两三四五六七八九十半]+(?:点|号|个人|人|名)|在.{2,}/u.test(b.slice(2)))
  if (value || CORRECTION.test(t) || (/^(?:哦对了)?(?:地点|地方|时间|名额|人数)/u.test(b) && b.length > 3)) {
    const slots: Slots = {}
    const time = timeIn(t, sit)
    if (time) slots.time = time.time
    const place = /(?:地点|地方)(?:也|都|又)?(?:写错了|弄错了|搞错了|错了|改一下|改下|不对)?[，,\s]*(?:应该)?(?:是|改成|改到|改为|在)?\s*([^，,。不错]{2,12}?)(?:不是|$|，|,)|是在?([^，,。]{2,10}?)不是/u.exec(t)
    if (place) slots.place = (place[1] ?? place[2])!.replace(/^是/u, '')
    const cap = new RegExp(`(?:限|名额|人数).{0,6}?(${NUM})`, 'u').exec(t)
    if (cap) slots.capacity = numberOf(cap[1]!)
    return { intent: 'correction', slots }
  }
  if (NO.test(b) || /先不|别别|不取消|再说/u.test(b)) return { intent: 'confirm.no', slots: {} }
  if (YES.test(b.toLowerCase()) && b.length <= 10) return { intent: 'confirm.yes', slots: {} }
  return undefined
}

// ---------------------------------------------------------------- reminders

const REMIND = /提醒|叫大家|通知大家/u

export function readReminder(t: string, sit: Situation): Understanding | undefined {
  if (!REMIND.test(t)) return undefined
  // Managing existing reminders.
  const manage: [NonNullable<Slots['action']>, RegExp][] = [
    ['list', /提醒列表|哪些提醒|什么提醒|(?:有|设了?|定了?)(?:几|多少)个?提醒|提醒.{0,4}(?:有几个|都有|有哪些|有啥)|提醒都有|查看提醒|看看提醒/u],
    ['resume', /恢复|重新开|重新打开|再开|继续提醒/u],
    ['pause', /暂停|先停|停一停|停一下|停了|这周不|先不提醒/u],
    ['delete', /删|不要了|不用了|取消.{0,4}提醒|提醒.{0,4}取消|去掉|撤了/u],
  ]
  const action = manage.find(([, re]) => re.test(t))
  // "每周的那个提醒先停一停": a reminder already set, named by what it is, is managed, not created.
  const existing = /(?:那个|这个|第.个|的那个)提醒|提醒\s*\d/u.test(t)
  if (action && (existing || !/每|点提醒/u.test(t.replace(/每周[一二三四五六日].{0,3}打卡/u, '')))) {
    const idx = new RegExp(`(?:提醒\\s*(\\d+)|第\\s*(${NUM})\\s*个)`, 'u').exec(t)
    const slots: Slots = { action: action[0] }
    if (idx) slots.index = Number(idx[1] ?? numberOf(idx[2]!))
    return { intent: 'reminder.manage', slots }
  }
  if (/你能|能不能设|会不会|可以设/u.test(t) && /[？?不吗]$/u.test(t)) return undefined
  const slots: Slots = { repeat: repeatOf(t) }
  const time = timeIn(t, sit)
  if (time) slots.time = time.time
  else if (slots.repeat !== 'none') {
    const first = firstRecurring(t, sit)
    if (first) slots.time = first
  }
  if (/报了名的|报名的人|报了.{1,4}的|只发给报名|报名的家长/u.test(t)) slots.audience = 'signed_up'
  else if (/大家|全体|所有人|群里/u.test(t)) slots.audience = 'all'
  const content = /提醒(?:一下)?(?:我|大家|全体|所有人|报了名的人?|报名的人?|报了.{1,4}的)?(?:一下)?\s*(.+)$/u.exec(t)
  if (content) {
    const c = content[1]!.replace(/\s*只发给报名的.*$/u, '').replace(/^(?:一下|下)/u, '').trim()
    if (c && !/^(?:吧|哈|啊)$/u.test(c)) slots.content = c
  }
  if (slots.repeat === 'none' && !time && !/前一天|前一晚|前.{0,3}小时|之前|开始前/u.test(t) && !/提醒我/u.test(t)) return undefined
  return { intent: 'reminder.create', slots }
}

function repeatOf(t: string): NonNullable<Slots['repeat']> {
  if (/每天|每日|天天/u.test(t)) return 'daily'
  if (/每(?:个)?(?:周|星期|礼拜)/u.test(t)) return 'weekly'
  if (/每(?:个)?月/u.test(t)) return 'monthly'
  if (/每年/u.test(t)) return 'yearly'
  return 'none'
}

/** The first firing of "每周日晚上8点" / "每天早上7点": the clock after now on the named weekday. */
function firstRecurring(t: string, sit: Situation): string | undefined {
  const stripped = t.replace(/每(?:个)?(?:周|星期|礼拜)/u, '周').replace(/每天|每日|天天/u, '')
  const p = parseDateTime(stripped, new Date(sit.now), sit.tz)
  if (!p || p.dateOnly) return undefined
  let at = p.at.getTime()
  if (at <= sit.now) at += /每天|每日|天天/u.test(t) ? 86_400_000 : 7 * 86_400_000
  return formatSlotTime(at, sit.tz)
}

// ---------------------------------------------------------------- host actions on activities

const CLOSE = /报名.{0,4}(?:截止|结束|关|停|到此|收)|不(?:再)?(?:收|接受|让).{0,4}(?:报|人)|停止接龙|接龙(?:结束|截止|到此)|到此为止|截了|不要再报|别报了|关闭|截止报名|报名截止|停止报名|停止.{0,6}报名|关闭报名|结束报名|报名关了?|关了吧|关了|别再让人报|不收了|^截止/u
const REOPEN = /(?:多|又|再)加了?.{0,4}(?:位置|名额|位子|座位)|还(?:可以|能)报(?![吗么没不])|(?:又|重新|再)(?:能|可以)报(?:名)?了|(?:再|重新|又|继续)(?:开|放|收|接受|开放|开启|打开).{0,4}(?:报名|接龙|名额)|可以(?:继续)?报名了|名额又有了|加开|重新开放|重新打开|重开|再开|再放开|放开报名|开放报名|恢复报名|重新接龙|又可以报名|继续报名|重新开始报名/u
const CANCEL = /取消|不办|不搞|不开了|停了|暂停举办|改期待定|不办了|撤了|不搞了|停办|取消了/u
const EXPORT = /导出|下载|表发|名单发我|名单.{0,4}私发|导给我|导个|报名表|表格|excel|文件|下载名单/iu
const EDIT = /改到|改成|改为|改在|改名|挪到|提前到|推迟到|推迟|延后|延期到|放宽到|换到|换成|修改|更改|调到|时间不变|地点改|名额改|人数改|名字改/u

export function readHostAction(t: string, sit: Situation): Understanding | undefined {
  const activity = activityRef(t, sit.activities, sit.tz)
  const withActivity = <T extends Slots>(s: T): Slots => (activity ? { ...s, activity } : s)
  if (/^(?:修改|更改)\s*活动\s*\d|^活动\s*\d.{0,8}(?:改|挪|提前|推迟)/u.test(t) || (EDIT.test(t) && (activity !== undefined || /活动/u.test(t)) && !/提醒/u.test(t))) {
    return { intent: 'host.edit', slots: { ...withActivity({}), ...editSlots(t, sit) } }
  }
  if (EXPORT.test(t) && /导|发我|给我|发一份|表格/u.test(t) && !/提醒|导出来的|挺|不错|清楚|好看/u.test(t)) return { intent: 'host.export', slots: withActivity({}) }
  if (REOPEN.test(t) && !/提醒/u.test(t) && !(QUESTION.test(t) || /有几个|几个$/u.test(t))) return { intent: 'host.reopen', slots: withActivity({}) }
  if (CLOSE.test(t) && !/提醒|[？?]|吗$/u.test(t)) return { intent: 'host.close', slots: withActivity({}) }
  if (CANCEL.test(t) && !/报名|提醒|我的|我和/u.test(t) && !(/帮我/u.test(t) && !/活动\s*\d|不办|不搞|停办/u.test(t)) && (activity !== undefined || /活动/u.test(t))) return { intent: 'host.cancel', slots: withActivity({}) }
  return undefined
}

function editSlots(t: string, sit: Situation): Slots {
  const slots: Slots = {}
  const body = t.replace(/^(?:修改|更改)\s*活动\s*\d\s*/u, '')
  // "挪到下周六同一时间": the same clock a week later.
  if (/下周.{0,2}同一时间|同一时间/u.test(body)) {
    const a = sit.activities.find((x) => x.id === activityRef(t, sit.activities, sit.tz))
    if (a && /下周/u.test(body)) slots.time = formatSlotTime(a.startAt + 7 * 86_400_000, sit.tz)
  } else if (!/时间不变/u.test(body)) {
    const time = timeIn(body, sit)
    if (time) slots.time = time.time
  }
  const place = /(?:地点|地方)(?:改成|改到|改为|换到|换成)?\s*([^，,。]{2,12}?)(?:$|，|,|。)|改在([^，,。上]{2,12}?)(?:上|$|，|,)|地点\s+([^，,。]{2,12})/u.exec(body)
  if (place) slots.place = (place[1] ?? place[2] ?? place[3])!.trim()
  const cap = new RegExp(`(?:限额|名额|人数|限).{0,6}?(${NUM})\\s*(?:人|个|名)?`, 'u').exec(body)
  if (cap && /名额|人数|限/u.test(body)) slots.capacity = numberOf(cap[1]!)
  const title = /(?:改名叫|改名为|名字改成|名称改成|标题改成|标题\s+|名字改为)\s*[《「]?([^》」，,。]+)[》」]?/u.exec(body)
  if (title) slots.title = title[1]!.trim()
  return slots
}

// ---------------------------------------------------------------- announcements

const ANNOUNCE_WORD = /发布活动|发起活动|新建活动|创建活动|建个活动|发个活动|发活动|活动通知|活动预告|新活动|帮我发/u
const ANNOUNCE_CUE = /限\s*\S{1,3}\s*(?:人|组|个|名)|不限人数|名额|接龙|报名|活动|讲座|课|会|体验|分享|联欢|比赛|排练|集合|放映/u

export function readAnnouncement(t: string, sit: Situation): Understanding | undefined {
  if (sit.role === 'resident') return undefined
  const cmd = ANNOUNCE_WORD.test(t)
  const time = timeIn(t, sit)
  if (!cmd && (!time || QUESTION.test(t) || !ANNOUNCE_CUE.test(t))) return undefined
  if (!cmd && /提醒(?!一下大家)/u.test(t.slice(0, 12))) return undefined
  return { intent: 'host.announce', slots: announceSlots(t, sit) }
}

/** Title, time, place, capacity and deadline of an announcement in prose. */
export function announceSlots(raw: string, sit: Situation): Slots {
  const slots: Slots = {}
  let t = raw.replace(/@\S+/gu, ' ').replace(/\n\s*\d+\s*[.、]?\s*$/u, '')
  // "包粽子 不对 包馄饨": the correction wins.
  t = t.replace(/(\S+)\s*不对\s*/u, '')
  const labelled = (label: string) => new RegExp(`${label}[:：]\\s*([^\\s，,。]+)`, 'u').exec(t)?.[1]
  // Deadline first, so its time is not taken for the start.
  const dl = /([^，,。\s]{0,12}?(?:前|截止)(?:报名|接龙)?)(?=$|[，,。\s])/u.exec(t)
  let body = t
  if (dl && /截止|前(?:报名|接龙)/u.test(dl[1]!)) {
    const d = parseDateTime(dl[1]!, new Date(sit.now), sit.tz)
    if (d && !d.dateOnly) {
      slots.deadline = formatSlotTime(d.at.getTime(), sit.tz)
      body = t.replace(dl[1]!, ' ')
    }
  }
  const time = timeIn(body, sit)
  if (time) slots.time = time.time
  const cap = new RegExp(`(?:限|名额[:：]?|人数[:：])\\s*(${NUM})\\s*(?:人|组|个|名|位)?`, 'u').exec(body) ?? new RegExp(`名额\\s*(${NUM})\\s*个`, 'u').exec(body)
  if (cap) slots.capacity = numberOf(cap[1]!)
  const placeL = labelled('地点')
  const titleL = labelled('标题') ?? labelled('活动')
  if (placeL) slots.place = placeL
  if (titleL) slots.title = titleL
  // Clauses without the time, capacity, deadline and filler: the title and the place are among them.
  let rest = body
  if (time) rest = rest.replace(time.match, ' | ')
  rest = rest
    .replace(/【[^】]*】|[（(][^）)]*[）)]/gu, ' ')
    .replace(/(?:发布活动|发起活动|新建活动|创建活动|帮我建个活动|帮我发个活动|发个活动|发活动|活动通知|活动预告)[:：]?/u, ' | ')
    .replace(new RegExp(`(?:限|名额[:：]?|人数[:：])\\s*${NUM}\\s*(?:人|组家庭|组|个|名|位)?|不限人数|名额\\s*${NUM}\\s*个`, 'gu'), ' | ')
    .replace(/(?:标题|时间|地点|名额|人数|活动)[:：]/gu, ' | ')
    .replace(/[，,。！!；;👇🎉🧣📢\n]/gu, ' | ')
  const clauses = rest.split(/\s*\|\s*|\s+/u).map((c) => c.trim()).filter(Boolean)
  const FILLER = /^(?:各位|姐妹们|家人们|大家|注意啦|冬天到了|要来的|想来的|有兴趣的|先到先得|接龙|报名|请接龙报名|大家接龙|接龙占座|接龙报名|要来的接龙哈?|想学的接龙哈?|材料有限|老师免费教|律师主讲|大家都来热闹热闹|要来的接一下龙|想来的报个名哈|毛线微家出|材料费\d+|社区医院医生来讲|放《.*》|读《.*》|周.晚上.*提醒.*)/u
  const PLACE = /^(?:在)?(.{0,8}(?:活动室|图书室|会议室|礼堂|广场|门口|服务站|微家|居委会|社区|公园|操场|食堂|二楼|三楼|大厅|家里|会堂))(?:集合)?$/u
  const candidates: string[] = []
  for (let c of clauses) {
    if (FILLER.test(c) || /^\d+$/u.test(c)) continue
    c = c.replace(/^(?:有个|有|搞个|搞|举办|开展|组织|一起)/u, '').replace(/(?:哈|啦|呀|吧)$/u, '')
    // "在图书室搞个读书会": place then title in one clause.
    const inPlace = /^在(.{2,10}?(?:室|堂|场|口|站|家|厅|楼))(?:搞个|搞|有|做|办|举办|开展)?(.+)$/u.exec(c)
    if (inPlace) {
      slots.place ??= inPlace[1]!
      candidates.push(inPlace[2]!)
      continue
    }
    const lead = /^(.{0,6}(?:活动室|图书室|会议室|礼堂|广场|微家))(?:有|做|学|搞|办)?(.{2,})$/u.exec(c)
    if (lead && !PLACE.test(c)) {
      slots.place ??= lead[1]!.replace(/^在/u, '')
      candidates.push(lead[2]!)
      continue
    }
    const pm = PLACE.exec(c)
    if (pm) {
      slots.place ??= pm[1]!.replace(/^地点/u, '')
      continue
    }
    const placeWord = /^地点(.+)$/u.exec(c)
    if (placeWord) {
      slots.place ??= placeWord[1]!
      continue
    }
    candidates.push(c)
  }
  if (!slots.title) {
    const title = candidates.find((c) => c.length >= 2 && !/^(?:本周|这周|下周|明天|后天|今天)/u.test(c))
    if (title) slots.title = title.replace(/^(?:妈妈们的)/u, '').replace(/^有/u, '')
  }
  return slots
}
