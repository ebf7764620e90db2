// Text → sign-up intent, pure. The forms residents already use in WeChat groups (报名, +1, 算我一个, 帮我婆婆报一个,
// 取消报名, 我报上了没？, 接龙 lists) and the hosts' short commands (名单, 导出, 截止报名3, 修改活动3 …).
// Which activity a message means, and whether a bare "+1" counts at all, is decided later (see resolve.ts).
import { unflattenList } from '../core/zh/inline-list.ts'
import { NAME } from '../nlu/people.ts'

/** Who a sign-up is for, before we know the sender's name. */
export type Who = { self: true } | { relation: string } | { name: string } | { guest: number }

export interface ActivityRef {
  /** 活动3 */
  number?: number
  /** Free text that may name an activity (报名 亲子阅读). */
  text?: string
}

export type ResidentIntent =
  | { kind: 'join'; /** 'one': a bare "1" / "扣1", a sign-up only as a reply to the activity (resolve.ts) */ form: 'explicit' | 'plus' | 'one'; people: Who[]; ref: ActivityRef }
  | { kind: 'leave'; ref: ActivityRef; who?: string }
  | {
      kind: 'roster'
      titleLines: string[]
      names: string[]
      /** no 接龙 marker: needs a title that names an activity */
      weak: boolean
      /** One numbered line added to the chain on its own ("4.孙丽华"): the sender's own entry, for an open activity only. */
      added?: boolean
    }
  | { kind: 'status'; ref: ActivityRef }
  | { kind: 'places'; ref: ActivityRef }
  | { kind: 'howto'; ref: ActivityRef }

export type HostField = 'time' | 'place' | 'capacity' | 'title' | 'deadline' | 'notes'

export type HostCommand =
  | { kind: 'edit'; number?: number; field?: HostField; value: string }
  | { kind: 'close'; number?: number }
  | { kind: 'reopen'; number?: number }
  | { kind: 'cancel'; number?: number }
  | { kind: 'list' }
  | { kind: 'roster'; number?: number }
  | { kind: 'export'; number?: number }

// ---------------------------------------------------------------- normalising

/** Full-width digits and signs to ASCII, trailing 。！~ and emoji-plus removed, whitespace collapsed. */
export function normalize(text: string): string {
  return text
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[＋➕]/gu, '+')
    .replace(/[－—]/gu, '-')
    .replace(/[ \t\u2005\u3000]+/gu, ' ')
    .replace(/[。！!~～.，,]+$/u, '')
    .trim()
}

/** Key for comparing names: no spaces or punctuation, lower case. */
export function nameKey(name: string): string {
  return name.replace(/[\s·•.,，。、:：()（）【】\[\]"“”'‘’]/gu, '').toLowerCase()
}

const CN_COUNT: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const count = (s: string) => (/^\d+$/u.test(s) ? Number(s) : CN_COUNT[s])

// Family words: "帮我婆婆报一个" registers 「王芳的婆婆」.
const RELATIONS =
  '婆婆|公公|妈妈|妈|母亲|老妈|爸爸|爸|父亲|老爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|孩子|小孩|娃|宝宝|女儿|闺女|儿子|老公|爱人|老伴|媳妇|儿媳|女婿|孙子|孙女|外孙|外孙女|姐姐|妹妹|哥哥|弟弟|嫂子|姑姑|阿姨|婶婶|朋友|邻居|同事|家人'
const RELATION_RE = new RegExp(`^(?:我的?|我家的?|俺)?(${RELATIONS})$`, 'u')

/** "我婆婆" → relation, "张阿姨" → name, "我" → self. */
export function whoOf(raw: string): Who | undefined {
  const s = raw.replace(/^(?:还有|再|也|带上?|加上?)/u, '').replace(/(?:也|一起|一个|一位)$/u, '').trim()
  if (!s) return undefined
  if (/^(?:我|我自己|自己|本人|俺)$/u.test(s)) return { self: true }
  const rel = RELATION_RE.exec(s)
  if (rel) return { relation: rel[1]! }
  if (s.length > 12 || /[？?吗]/u.test(s)) return undefined
  return { name: s.replace(/^我的?/u, '') }
}

const splitPeople = (s: string) =>
  s.split(/和|跟|与|、|，|,|及|\s+/u).map((x) => x.trim()).filter(Boolean)

function refOf(tail: string): ActivityRef {
  const t = tail.trim()
  const m = /活动\s*(\d+)|^(\d+)\s*号?活动?$|^第?(\d+)个?$/u.exec(t)
  if (m) return { number: Number(m[1] ?? m[2] ?? m[3]) }
  return t ? { text: t.replace(/^[:：,，\s]+|[,，\s]+$/gu, '') } : {}
}

// ---------------------------------------------------------------- resident forms

const QUESTION = /[？?]|吗|么|没有?$|呢$|怎么|如何|多少|几个|几位|几人|啥|什么|哪/u
const ROSTER_LINE = /^\s*(\d{1,3})(?:\s*[.、．)）:：]\s*|(?![点楼号月日元块岁个人天时分期届年次层栋单])(?=\p{Script=Han}))(.*)$/u

function parseRoster(text: string): ResidentIntent | undefined {
  const lines = text.split(/\r?\n/u).map((l) => l.trim()).filter(Boolean)
  const marked = lines.some((l) => /^#?接龙/u.test(l))
  const titleLines: string[] = []
  const names: string[] = []
  let inList = false
  for (const line of lines) {
    const m = ROSTER_LINE.exec(line)
    if (m) {
      inList = true
      // "3. 赵敏 带孩子" → 赵敏 and 赵敏的孩子; an empty "4." left for the next person is skipped; a line that is
      // not a name (an instruction, an @mention, a sentence) never takes a place.
      for (const n of listLineNames(m[2] ?? '')) if (!names.includes(n)) names.push(n)
    } else if (!inList && !/^#?接龙$/u.test(line)) titleLines.push(line.replace(/^#?接龙\s*/u, ''))
  }
  if (names.length === 0 || (!marked && names.length < 2)) return undefined
  return { kind: 'roster', titleLines, names, weak: !marked }
}

const NOT_A_NAME = /^@|报名|截止|取消|提醒|通知|请|大家|活动|接龙|时间|地点|谢谢|收到|[？?!！。]|^(?:我|你|她|他|这|那|有|没|不|也|还|就|都)/u
const CHILD_WORDS = '娃|孩子|小孩|宝宝|孙子|孙女|外孙|外孙女|儿子|女儿|闺女'
const COMPANION = new RegExp(`^(?:\\+|带|和|加)\\s*(?:(\\d|[一两二三])个?)?(${CHILD_WORDS}|婆婆|老公|妈妈|妈|爸爸|老伴)?$`, 'u')

/** The people of one 接龙 line: "王芳" → [王芳]; "王芳+娃" / "刘阿姨带孙子" → the name and the companion; "曹芳+2" → 曹芳, 曹芳+1, 曹芳+2. */
export function listLineNames(line: string): string[] {
  // "陈静（带闺女）": who she brings, said in brackets, is a companion; other brackets are remarks ("（代报）").
  const t = normalize(line).replace(/[（(]\s*((?:带|\+|和|加)[^）)]*)[）)]/gu, ' $1').replace(/[（(][^）)]*[）)]/gu, ' ').trim()
  const m = /^([\u4e00-\u9fa5A-Za-z·]{1,8}?)(?=$|\s|[+＋,，、]|带|和)\s*(.*)$/u.exec(t)
  if (!m) return []
  const name = m[1]!
  if (NOT_A_NAME.test(name) || name.length > 6) return []
  const rest = m[2]!.replace(/\s+/gu, '')
  if (!rest) return [name]
  const c = COMPANION.exec(rest)
  // A long tail that is not a companion ("王芳 帮我看看周六还有没有位置") makes the line a sentence.
  if (!c) return rest.length <= 4 ? [name] : []
  const n = c[1] ? count(c[1]) ?? 1 : 1
  if (!c[2]) return [name, ...Array.from({ length: n }, (_, i) => `${name}+${i + 1}`)]
  return [name, ...Array.from({ length: n }, (_, i) => `${name}的${c[2]}${i > 0 ? i + 1 : ''}`)]
}

/**
 * "4.孙丽华", "4. 孙丽华+娃": the next line of a 接龙, added on its own after the list was pasted. Only a person's name
 * (with whoever she brings) after the number: "1.带剪刀" or "2.周六下午" is no entry.
 */
function addedLine(raw: string): ResidentIntent | undefined {
  const m = ROSTER_LINE.exec(normalize(raw))
  if (!m || Number(m[1]) < 1) return undefined
  const names = listLineNames(m[2] ?? '')
  if (!names.length || !PERSON.test(names[0]!)) return undefined
  return { kind: 'roster', titleLines: [], names, weak: true, added: true }
}
const PERSON = new RegExp(`^(?:${NAME})$`, 'u')

export function parseResident(raw: string): ResidentIntent | undefined {
  // A 接龙 pasted on one line ("接龙 1.王芳 2.王芳婆婆 3.张丽", "1.王芳 2.张丽 3.孙大妈"): its items are its lines.
  raw = unflattenList(raw)
  if (raw.includes('\n') || /^#?接龙/u.test(raw.trim())) {
    const roster = parseRoster(raw)
    if (roster) return roster
  } else {
    const added = addedLine(raw)
    if (added) return added
  }
  const t = normalize(raw)
  if (!t || t.length > 40) return undefined
  const question = QUESTION.test(t)

  if (question) {
    if (/报上|报名上|报名了|报进|报好|报了|报过|登记上|登记了|在名单|名单里|有我|算上我了|我的报名/u.test(t)) return { kind: 'status', ref: refInQuestion(t) }
    if (/名额|位置|空位|位子|满了|满员|还能报|还可以报|还收|剩|几个人|几人|多少人|还差/u.test(t)) return { kind: 'places', ref: refInQuestion(t) }
    if (/报名|接龙/u.test(t)) return { kind: 'howto', ref: refInQuestion(t) }
    return undefined
  }

  // Cancelling: 取消报名, 不去了, 取消婆婆的报名, 帮我婆婆取消
  let m = /^(?:取消|撤销)(.+?)的报名\s*(.*)$/u.exec(t) ?? /^(?:帮|给|替)(.+?)取消(?:报名)?\s*(.*)$/u.exec(t)
  if (m && !/^我$/u.test(m[1]!)) {
    const who = whoOf(m[1]!)
    const label = who && 'relation' in who ? who.relation : who && 'name' in who ? who.name : undefined
    return { kind: 'leave', ref: refOf(m[2]!), ...(label ? { who: label } : {}) }
  }
  m = /^(?:我|俺)?(?:取消|撤销|退出)(?:我的?)?(?:报名|活动)?\s*(.*)$/u.exec(t)
  if (m && !/^活动\s*\d/u.test(t.replace(/^(?:取消|撤销|退出)/u, '')) && /报名|^(?:我|俺)?退出/u.test(t)) return { kind: 'leave', ref: refOf(m[1]!) }
  m = /^(.*?)(?:我|俺)?(?:也)?(?:不去了|去不了了?|来不了了?|参加不了了?|不参加了|不能去了|不能参加了|有事去不了)\s*(.*)$/u.exec(t)
  if (m && m[1]!.length <= 6) {
    const who = m[1] ? whoOf(m[1]) : undefined
    const rel = who && 'relation' in who ? who.relation : undefined
    return { kind: 'leave', ref: refOf(m[2]!), ...(rel ? { who: rel } : {}) }
  }
  if (/^-\s*1$/u.test(t)) return { kind: 'leave', ref: {} }

  if (BARE_ONE.test(t)) return { kind: 'join', form: 'one', people: [{ self: true }], ref: {} }

  // +1, +2 我和闺女, +1 活动3
  m = /^\+\s*(\d{1,2})\s*(.*)$/u.exec(t)
  if (m) {
    const n = Number(m[1])
    if (n < 1 || n > 9) return undefined
    const tail = m[2]!.replace(/^(?:报名|接龙)/u, '').trim()
    const ref = /活动\s*\d/u.test(tail) ? refOf(tail) : {}
    const people = ref.number ? [] : splitPeople(tail.replace(/^带/u, '我和')).map(whoOf).filter((w): w is Who => !!w)
    return { kind: 'join', form: 'plus', people: fill(people, n), ref: people.length || ref.number ? ref : tail ? { text: tail } : {} }
  }

  // 帮我婆婆报一个, 给张阿姨也报个名, 帮婆婆和我妈报名
  m = /^(?:也)?(?:帮|给|替)(.+?)(?:也|一起)?(?:报名|报个名|报一个|报个|报上|报下|报)(?:一下|一个|吧|哈)?\s*(.*)$/u.exec(t)
  if (m) {
    const people = splitPeople(m[1]!).map(whoOf).filter((w): w is Who => !!w)
    if (people.length) return { kind: 'join', form: 'explicit', people, ref: refOf(m[2]!) }
  }

  // 报名, 我报名, 我也报名, 算我一个, 报名 亲子阅读, 报名2人, 我和婆婆报名
  m = /^(?:我也?要?|俺也?)?(?:报名|报个名|报一个|接龙|参加|参与)\s*(?:[+]\s*(\d))?\s*(.*)$/u.exec(t) ??
    /^(?:算我一个|算上我|加我一个|带我一个|我也去|我去一个|我也参加|我要参加|我参加|我报)\s*()(.*)$/u.exec(t)
  if (m) {
    const tail = m[2]!.trim()
    const n = m[1] ? Number(m[1]) : /^(\d|[一两二三四五])\s*(?:人|位|个)$/u.test(tail) ? count(tail[0]!) : undefined
    if (n) return { kind: 'join', form: 'explicit', people: fill([], n), ref: {} }
    if (/^了/u.test(tail)) return undefined // "报名了" is a statement about the past, not a request
    return { kind: 'join', form: 'explicit', people: [{ self: true }], ref: refOf(tail) }
  }
  m = /^(.+?)(?:都|也|一起)?(?:报名|参加)$/u.exec(t)
  if (m && /^(?:我|俺)/u.test(m[1]!)) {
    const people = splitPeople(m[1]!).map(whoOf).filter((w): w is Who => !!w)
    if (people.length >= 2) return { kind: 'join', form: 'explicit', people, ref: {} }
  }
  return undefined
}

/** "1", "扣1", "扣个1", "1️⃣": what many type to say "me" under a notice (or to answer anything else asked with numbers). */
const BARE_ONE = /^(?:扣\s*(?:个|一个)?)?\s*1(?:\uFE0F?\u20E3)?$/u

/** "+2 我和闺女" → me + 闺女; "+3" → me + two guests. */
function fill(people: Who[], n: number): Who[] {
  const out = people.some((p) => 'self' in p) ? [...people] : [{ self: true } as Who, ...people]
  let guest = 1
  while (out.length < n) out.push({ guest: guest++ })
  return out.slice(0, Math.max(n, 1))
}

function refInQuestion(t: string): ActivityRef {
  const m = /活动\s*(\d+)/u.exec(t)
  return m ? { number: Number(m[1]) } : {}
}

// ---------------------------------------------------------------- host commands

const NUM_TAIL = '\\s*(?:活动)?\\s*(\\d+)?'

export function parseHostCommand(raw: string): HostCommand | undefined {
  const t = normalize(raw)
  let m: RegExpExecArray | null
  if ((m = new RegExp(`^(?:截止报名|停止报名|关闭报名|结束报名|报名截止|截止)${NUM_TAIL}$`, 'u').exec(t))) return { kind: 'close', ...num(m[1]) }
  if ((m = /^活动\s*(\d+)\s*(?:截止报名|停止报名|报名截止)$/u.exec(t))) return { kind: 'close', ...num(m[1]) }
  if ((m = new RegExp(`^(?:重新开放报名|重新开放|重开报名|重开|开放报名|恢复报名|重新开始报名)${NUM_TAIL}$`, 'u').exec(t))) return { kind: 'reopen', ...num(m[1]) }
  if ((m = /^取消活动\s*(\d+)?$/u.exec(t) ?? /^活动\s*(\d+)\s*取消$/u.exec(t))) return { kind: 'cancel', ...num(m[1]) }
  if (/^(?:活动列表|活动清单|所有活动|查看活动|有哪些活动)$/u.test(t)) return { kind: 'list' }
  if ((m = new RegExp(`^(?:名单|报名名单|查看名单|接龙名单|报名情况)${NUM_TAIL}$`, 'u').exec(t) ?? /^活动\s*(\d+)\s*(?:的)?名单$/u.exec(t))) return { kind: 'roster', ...num(m[1]) }
  if ((m = new RegExp(`^(?:导出名单|导出)${NUM_TAIL}$`, 'u').exec(t))) return { kind: 'export', ...num(m[1]) }
  if ((m = /^(?:修改|更改|改)\s*(?:活动)?\s*(\d+)?\s*(?:的)?\s*(时间|地点|地址|名额|人数|标题|名称|主题|截止时间|截止|备注|说明)?\s*(?:改为|改成|改到|为|到|[:：])?\s*([\s\S]*)$/u.exec(t))) {
    if (!m[1] && !m[2] && !/^(?:修改|更改)活动/u.test(t)) return undefined
    const field = FIELD[m[2] ?? '']
    return { kind: 'edit', ...num(m[1]), ...(field ? { field } : {}), value: m[3]!.trim() }
  }
  if ((m = /^活动\s*(\d+)\s*(时间|地点|地址|名额|人数|标题|名称|截止时间|截止|备注)\s*(?:改为|改成|改到|为|[:：])\s*([\s\S]+)$/u.exec(t)))
    return { kind: 'edit', ...num(m[1]), field: FIELD[m[2]!]!, value: m[3]!.trim() }
  return undefined
}

/** Words that do the cancelling, not say why: 取消活动1, 活动1取消, 不办了, 停办 … */
const CANCELLING = /取消|不办|不搞|不开了|停办|停了|黄了|办不成|搞不成|办不了|搞不了/u
const ONLY_SORRY = /^(?:非常|十分|实在)?(?:抱歉|不好意思|对不起|sorry)(?:了|哈|啊|啦|大家|各位)*$|^(?:确认|确定|通知|大家|各位)$/iu

/**
 * What the host said about why she cancels, beside the command ("取消活动1 场地被占了 下次再约" → 场地被占了，下次再约;
 * "因为下雨，活动2取消" → 下雨): the clauses that neither cancel nor only apologise. Her own words, told to those
 * signed up; undefined when she gave none.
 */
export function cancelReasonOf(raw: string): string | undefined {
  const t = normalize(raw).replace(/@\S+/gu, ' ').replace(/取消活动\s*\d*|活动\s*\d+\s*取消(?:了|吧)?/gu, '，')
  const clauses = t
    .split(/[\s，,。；;！!、]+/u)
    .map((c) => c.replace(/^(?:因为|由于|原因是|原因|是因为)[:：]?/u, ''))
    .filter((c) => (c.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 && !CANCELLING.test(c) && !ONLY_SORRY.test(c))
  const reason = clauses.join('，')
  return reason ? reason.slice(0, 60) : undefined
}

const FIELD: Record<string, HostField> = {
  时间: 'time', 地点: 'place', 地址: 'place', 名额: 'capacity', 人数: 'capacity', 标题: 'title', 名称: 'title', 主题: 'title',
  截止时间: 'deadline', 截止: 'deadline', 备注: 'notes', 说明: 'notes',
}
const num = (s: string | undefined) => (s ? { number: Number(s) } : {})

// ---------------------------------------------------------------- announcements

/** A host's announcement command word; the rest of the text is the activity. */
export const ANNOUNCE_WORDS = /^(?:发布活动|发起活动|新建活动|创建活动|活动通知|活动预告|新活动)[:：\s]*/u

export function isConfirmation(raw: string): boolean {
  return /^(?:确认|确定|对|对的|是|是的|没错|好的?|可以|发布吧?|确认发布)$/u.test(normalize(raw))
}
