// Text normalisation for classification: Traditional → Simplified, full-width → half-width, no spaces.
import * as OpenCC from 'opencc-js'

let converter: ((s: string) => string) | undefined

export function toSimplified(text: string): string {
  // Building the converter costs ~30–200 ms: once per process, on first use.
  const convert = (converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))
  return convert(text)
}

export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '')
}
