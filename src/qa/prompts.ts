// Prompts live in prompts/*.md (reviewable by non-programmers); this loads and fills them.
import { readFileSync } from 'node:fs'

const PROMPT_DIR = new URL('../../prompts/', import.meta.url)
const cache = new Map<string, string>()

export function loadPrompt(name: 'qa-system' | 'qa-user' | 'qa-rewrite'): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.md`, PROMPT_DIR), 'utf8')
    cache.set(name, text)
  }
  return text
}

/** Fills {{name}} placeholders; values are inserted literally (never re-scanned for placeholders). */
export function fillPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => (key in values ? values[key]! : m))
}
