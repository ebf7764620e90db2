// CLI dependencies for tests: a given Redis connection (left open) and config, output captured in strings.
import { keyFor } from '../adapters/redis/keys.ts'
import type { Config } from '../config.ts'
import type { CliDeps } from '../core/cli.ts'
import { silentLogger } from '../core/log.ts'
import type { Redis } from '../core/storage.ts'

export function testCliDeps(opts: { redis: Redis; config: Config }): CliDeps & { stdout(): string; stderr(): string } {
  let out = ''
  let err = ''
  return {
    log: silentLogger(),
    config: () => opts.config,
    storage: async (config) => ({ redis: opts.redis, key: keyFor(config.redis.prefix), close: async () => undefined }),
    redisConfigured: true,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    stdout: () => out,
    stderr: () => err,
  }
}
