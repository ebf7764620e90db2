// Which reminder a host names without a number: 「把交表那个提醒删了」, 「家接待的提醒先停一下」. The message is
// compared with each reminder's name (家接待, a chat reminder's label, a one-off's content).

// Words of managing and filler, not of a reminder's name. Longest first so 删除 goes before 删.
const NOISE = [
  '重新开启', '麻烦你', '帮我把', '一次性', '那一条', '这一条', '那一个', '这一个',
  '帮我', '麻烦', '请把', '那个', '这个', '那条', '这条', '提醒', '定时', '一下', '暂时', '先把',
  '删除', '删掉', '暂停', '停掉', '停止', '恢复', '开启', '启用', '打开', '取消', '关闭', '去掉', '不要', '不用',
  '把', '将', '请', '的', '先', '吧', '了', '啊', '呀', '哈', '掉', '删', '停', '关', '再', '就', '给', '好', '下',
].sort((a, b) => b.length - a.length)
const NOISE_RE = new RegExp(NOISE.join('|'), 'gu')

/** Management words and filler taken out of a span: what is left is the name the host used (may be empty). */
function strip(span: string): string {
  return span.replace(/[\s，,。.！!？?、～~“”"'‘’「」]/gu, '').replace(NOISE_RE, '')
}

// Where the name sits: right after a command verb that opens the message (「删除提醒 交表」「取消交表那个提醒」), or
// before 提醒 / the verb (「把交表那个提醒删了」「家接待的提醒先停一下」). What comes after the command is her reason or
// thanks (「已经收齐了」「这个月我不在」「谢谢」), never part of the name.
const LEAD = /^(?:(?:请|麻烦你?|帮(?:我|忙)|先|那就|好的?|嗯)[\s，,]*)+/u
const VERB_FIRST = /^(?:重新开启|删除|删掉|删了|暂停|停掉|停止|恢复|开启|启用|打开|取消|关闭|关掉|去掉|不要|不用|删|停|关(?!于))/u
const VERB = /重新开启|删除|删掉|暂停|停掉|停止|恢复|开启|启用|打开|取消|关闭|关掉|去掉|不要|不用|删|停/u
const SEP = /[\s，,。.！!？?、；;～~]+/u
/** 「交表那个提醒」: where the name said after a verb ends. */
const REMINDER_WORD = /(?:那个|这个|那条|这条|的)?(?:定时)?提醒/u

/**
 * The parts of a message that may hold the reminder's name, in the order to try them: after an opening verb the
 * name and whatever follows it, then shorter (「交表 已经收齐了」, then 「交表」); before 提醒 or the verb the clause
 * next to it, then longer (「收齐了 把交表那个」: 「把交表那个」 first). The whole message only when it has none of
 * these (a bare name, 「交表」).
 */
function nameSpans(text: string): { spans: string[]; nearest: string } {
  const t = text.replace(/@\S+/gu, ' ').trim().replace(LEAD, '')
  const spans: string[] = []
  let nearest: string | undefined
  const opening = VERB_FIRST.exec(t)
  if (opening && !/^[把将]/u.test(t)) {
    const after = t.slice(opening[0].length).replace(/^[了掉\s]*(?:定时)?提醒[\s:：]*/u, '')
    const tokens = (after.split(REMINDER_WORD)[0] ?? '').split(SEP).filter(Boolean)
    for (let n = tokens.length; n >= 1; n--) spans.push(tokens.slice(0, n).join(' '))
    nearest = tokens[0]
  }
  const body = t.replace(/^[把将]/u, '')
  const reminderAt = body.search(/提醒/u)
  const verbAt = body.slice(1).search(VERB)
  for (const cut of [reminderAt, verbAt < 0 ? -1 : verbAt + 1]) {
    if (cut <= 0) continue
    const clauses = body.slice(0, cut).split(SEP).filter(Boolean)
    for (let n = 1; n <= clauses.length; n++) spans.push(clauses.slice(clauses.length - n).join(' '))
    nearest ??= clauses.at(-1)
  }
  const named = [...new Set(spans)].filter((s) => strip(s).length > 0)
  return named.length ? { spans: named, nearest: nearest && strip(nearest) ? nearest : named[0]! } : { spans: [t], nearest: t }
}

/** The name the host used (may be empty): what is left of the part of the message that names a reminder. */
export function namedIn(text: string): string {
  return strip(nameSpans(text).nearest)
}

/**
 * What the host said, loosely, in a name: its characters in order (「交表」 in 「交困难家庭登记表」), or at least half of
 * its two-character pieces (「困难家庭表格」: 困难, 家庭).
 */
export function looselyIn(said: string, name: string): boolean {
  let at = 0
  for (const ch of said) {
    at = name.indexOf(ch, at)
    if (at < 0) break
    at += ch.length
  }
  if (at >= 0) return true
  const chars = [...said]
  const pieces = chars.slice(1).map((ch, i) => `${chars[i]}${ch}`)
  return pieces.length >= 2 && pieces.filter((p) => name.includes(p)).length * 2 >= pieces.length
}

/**
 * The items one name fits. First those whose whole name is in it (家接待, 交表), the longest name winning over one
 * inside it (「交表格复印件」 is not also 「交表格」), together with those whose name holds that one (「家接待」 also
 * fits her own 「家接待 有事可以来坐坐」: both are asked about); else those whose name holds what the host said
 * (「插花那个」 for 「插花的事」); else those it fits loosely (「交表」 for 「交困难家庭登记表」, looselyIn). At least two
 * characters, so a stray word matches nothing.
 */
export function matchName<T>(span: string, items: readonly T[], names: (item: T) => string[]): T[] {
  const plain = span.replace(/\s+/gu, '')
  const said = strip(span)
  const clean = (item: T) => names(item).map((n) => n.replace(/\s+/gu, '')).filter((n) => n.length >= 2)
  const whole = items.flatMap((item) => {
    const hit = clean(item).filter((n) => plain.includes(n)).sort((a, b) => b.length - a.length)[0]
    return hit ? [{ item, hit }] : []
  })
  if (whole.length) {
    const hits = new Set(whole.filter((w) => !whole.some((o) => o.hit !== w.hit && o.hit.includes(w.hit))).map((w) => w.hit))
    return items.filter((item) => clean(item).some((n) => [...hits].some((h) => n.includes(h))))
  }
  if (said.length < 2) return []
  const holding = items.filter((item) => clean(item).some((n) => n.includes(said)))
  if (holding.length) return holding
  return items.filter((item) => clean(item).some((n) => looselyIn(said, n)))
}

/** The items a message names: the first of its name spans (nameSpans) that fits any. */
export function matchByName<T>(text: string, items: readonly T[], names: (item: T) => string[]): T[] {
  for (const span of nameSpans(text).spans) {
    const found = matchName(span, items, names)
    if (found.length) return found
  }
  return []
}
