// Files that ship beside the code (prompts/, config/) are found from the project root, so paths hold
// whether the code runs from src/ (tsx, vitest) or from the bundle in dist/.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

export function projectRoot(): string {
  if (root) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('project root (package.json) not found')
    dir = up
  }
  return (root = dir)
}

export const projectPath = (...parts: string[]) => join(projectRoot(), ...parts)
