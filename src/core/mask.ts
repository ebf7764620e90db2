// Personal data that must never reach a log line (or be echoed into a group).
// Mainland mobile numbers and 18-digit resident ID numbers; the boundaries keep longer digit runs
// (order numbers, timestamps) from being half-masked.
const ID_CARD = /(?<![0-9A-Za-z])([1-9]\d{5})(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}([\dXx])(?![0-9A-Za-z])/g
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g

// NFKC first: some keyboards type full-width digits (１３８…), which must be caught too.
export function maskPersonalData(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ID_CARD, (_m, head: string, last: string) => `${head}${'*'.repeat(11)}${last}`)
    .replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`)
}

export function containsPersonalData(text: string): boolean {
  ID_CARD.lastIndex = 0
  MOBILE.lastIndex = 0
  const folded = text.normalize('NFKC')
  const found = ID_CARD.test(folded) || MOBILE.test(folded)
  ID_CARD.lastIndex = 0
  MOBILE.lastIndex = 0
  return found
}

/** Deep copy with every string masked; used by the logger on every record. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value)
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) {
    return { type: value.name, message: maskPersonalData(value.message), stack: value.stack && maskPersonalData(value.stack) }
  }
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1)
  return out
}
