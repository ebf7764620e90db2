// Pure text helpers the adapter uses while normalising a message.

/** Removes "@<bot name>" (with WeChat's U+2005 separator, a space, or end of text) wherever it stands. */
export function stripMention(text: string, names: string[]): string {
  let out = text
  for (const name of names.filter(Boolean)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    out = out.replace(new RegExp(`@${escaped}(?:\\u2005|\\u0020|$)`, 'gu'), '')
  }
  return out.replace(/\s+/gu, ' ').trim()
}

/**
 * WeChat delivers a reply-with-quote as text: 「name：quoted」, a dashed line, then the reply.
 * Puppets pass it on that way, so this is where the quoted message comes from.
 */
const QUOTE = /^「(?:(.+?)[：:])?([\s\S]*?)」\s*\n\s*(?:-\s*){3,}\s*\n([\s\S]*)$/u

export function parseQuote(text: string): { text: string; quoted?: { text: string; senderName?: string } } {
  const m = QUOTE.exec(text)
  if (!m) return { text }
  return { text: (m[3] ?? '').trim(), quoted: { text: (m[2] ?? '').trim(), senderName: m[1]?.trim() } }
}
