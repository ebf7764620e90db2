// A 接龙 pasted on one line: WeChat sometimes flattens the list, or people type it that way
// ("接龙 1.王芳 2.王芳婆婆 3.张丽", "1.王芳 2.张丽 3.孙大妈"). Its numbered items become its lines.

/** An item number after a space: " 2.", " 3、", " 4)". */
const INLINE_ITEM = /\s+(\d{1,2}\s*[.、．)）])/gu
/** The list opens with 接龙 or with its first item ("1.", "1、"). */
const OPENS_LIST = /^(?:#?接龙|1\s*[.、．)）])/u

/** The text with its inline numbered items on lines of their own; unchanged unless it reads as a one-line 接龙. */
export function unflattenList(raw: string): string {
  const t = raw.trim()
  if (t.includes('\n') || !OPENS_LIST.test(t) || (t.match(INLINE_ITEM) ?? []).length < 2) return raw
  return t.replace(INLINE_ITEM, '\n$1')
}
