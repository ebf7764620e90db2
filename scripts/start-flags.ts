// The node flags `npm start` runs the bot with (package.json's start script): the benches run their children with
// them, so what they measure is the bot as it runs.
import { readFileSync } from 'node:fs'

export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }
  const [, ...flags] = pkg.scripts.start!.split(/\s+bin\/weijia\.js/)[0]!.split(/\s+/)
  return flags
}
