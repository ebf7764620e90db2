// The test config on its own (no bot, no queues): for tests that only need the config's shape.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { type Config, parseConfig } from '../config.ts'
import { projectPath } from '../core/paths.ts'

/** The example config with overrides merged at the top level (and a unique Redis prefix). */
export function testConfig(overrides: Record<string, unknown> = {}, prefix = 'wjtest'): Config {
  const base = parseYaml(readFileSync(projectPath('config', 'weijia.example.yaml'), 'utf8')) as Record<string, unknown>
  return parseConfig({ ...base, ...overrides, redis: { prefix } })
}
