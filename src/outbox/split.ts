// Long texts are split so each WeChat message stays readable: at sentence ends when possible,
// then at line breaks, and only as a last resort in the middle of a sentence.
const SENTENCE_END = /(?<=[。！？!?；;…\n])/u

export function splitText(text: string, maxLength: number): string[] {
  const trimmed = text.trim()
  if ([...trimmed].length <= maxLength) return trimmed ? [trimmed] : []
  const pieces = trimmed.split(SENTENCE_END).filter((p) => p.length > 0)
  const chunks: string[] = []
  let current = ''
  const flush = () => {
    if (current.trim()) chunks.push(current.trim())
    current = ''
  }
  for (const piece of pieces) {
    if ([...current + piece].length <= maxLength) {
      current += piece
      continue
    }
    flush()
    if ([...piece].length <= maxLength) {
      current = piece
      continue
    }
    // A single sentence longer than the limit: hard-wrap by code points (never split a surrogate pair).
    const chars = [...piece]
    for (let i = 0; i < chars.length; i += maxLength) chunks.push(chars.slice(i, i + maxLength).join('').trim())
  }
  flush()
  return chunks.filter(Boolean)
}
