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
  return span.replace(/@\S+/gu, '').replace(/[\s，,。.！!？?、～~“”"'‘’「」]/gu, '').replace(NOISE_RE, '')
}

/** What is left of the message once management words are gone: the name the host used (may be empty). */
export const namedIn = strip

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

/** The items a message names. */
export function matchByName<T>(text: string, items: readonly T[], names: (item: T) => string[]): T[] {
  return matchName(text, items, names)
}
