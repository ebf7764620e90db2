// Prompts live in prompts/*.md (reviewable by non-programmers, never in code); this loads and fills them.
import { readFileSync } from 'node:fs'
import { projectPath } from './paths.ts'

const cache = new Map<string, string>()

export function loadPrompt(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = readFileSync(projectPath('prompts', `${name}.md`), 'utf8')
    cache.set(name, text)
  }
  return text
}

/** Fills {{name}} placeholders; values are inserted literally (never re-scanned for placeholders). */
export function fillPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => (key in values ? values[key]! : m))
}
