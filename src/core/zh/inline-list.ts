// A 接龙 pasted on one line: WeChat sometimes flattens the list, or people type it that way
// ("接龙 1.王芳 2.王芳婆婆 3.张丽", "1.王芳 2.张丽 3.孙大妈"). Its numbered items become its lines.

/** An item number after a space: " 2.", " 3、", " 4)". */
const INLINE_ITEM = /\s+(\d{1,2}\s*[.、．)）])/gu
/** The list opens with 接龙 or with its first item ("1.", "1、"). */
const OPENS_LIST = /^(?:#?[^\s\d]{0,10}接龙|1\s*[.、．)）])/u
/** Numbers written straight before the names, no mark ("1王芳 2张丽 3张丽妈妈"). */
const BARE_ITEM = /\s+(\d{1,2})(?![点楼号月日元块岁个人天时分期届年次层栋单])(?=\p{Script=Han})/gu
const OPENS_BARE = /^(?:#?[^\s\d]{0,10}接龙[:：]?\s*)?1(?![点楼号月日元块岁个人天时分期届年次层栋单])(?=\p{Script=Han})/u

/** The text with its inline numbered items on lines of their own; unchanged unless it reads as a one-line 接龙. */
export function unflattenList(raw: string): string {
  const t = raw.trim()
  if (t.includes('\n')) return raw
  if (OPENS_LIST.test(t) && (t.match(INLINE_ITEM) ?? []).length >= 2) return t.replace(INLINE_ITEM, '\n$1')
  // Bare numbers read as a list only when there are several, counting up from 1 ("1楼 2单元" is an address).
  const opens = OPENS_BARE.exec(t)
  const bare = opens ? [...t.slice(opens[0].length).matchAll(BARE_ITEM)].map((m) => Number(m[1])) : []
  if (opens && bare.length >= 2 && bare.every((n, i) => n === i + 2)) return t.replace(/^(#?[^\s\d]{0,10}接龙[:：]?\s*)?1/u, (_, head: string | undefined) => `${head ? `${head.trim()}\n` : ''}1.`).replace(BARE_ITEM, '\n$1.')
  return raw
}
