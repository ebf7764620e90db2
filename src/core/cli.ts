// What a capability's command-line command is handed by src/cli/main.ts: it parses its own flags, and gets
// config, storage, logging and output from here, so no capability connects to Redis or reads env itself.
import type { Config } from '../config.ts'
import type { Logger } from './log.ts'
import type { Storage } from './storage.ts'

export interface CliDeps {
  log: Logger
  /** The config at --config (or WEIJIA_CONFIG / the default path). Throws ConfigError naming the field. */
  config(path?: string): Config
  /** Redis under the config's prefix; close() when done. Throws when Redis cannot be reached. */
  storage(config: Config): Promise<Storage & { close(): Promise<void> }>
  /** Whether REDIS_URL is set (commands that can do without Redis say what they left out). */
  redisConfigured: boolean
  /** Machine-readable output (stdout). */
  out(text: string): void
  /** Messages for the person at the terminal (stderr). */
  err(text: string): void
}

export type CliCommand = (argv: string[], deps: CliDeps) => Promise<number>
