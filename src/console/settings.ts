// The console's address: publicUrl when set (behind a reverse proxy), otherwise where it listens.
import type { Config } from '../config.ts'

export function consoleBaseUrl(config: Config, boundPort?: number): string {
  const c = config.console
  if (c.publicUrl) return c.publicUrl.replace(/\/+$/, '')
  const host = c.host === '0.0.0.0' || c.host === '::' ? '127.0.0.1' : c.host
  return `http://${host.includes(':') ? `[${host}]` : host}:${boundPort ?? c.port}`
}
