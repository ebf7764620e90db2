// Redis key names: every key starts with the configured prefix. Deleting a whole namespace is for
// throwaway runs (sandbox scripts, tests), never production paths.
import type { Redis } from 'ioredis'

/** key('signups', 'act', '3') → "<prefix>:signups:act:3" */
export const keyFor =
  (prefix: string) =>
  (...parts: string[]): string =>
    [prefix, ...parts].join(':')

export async function deleteByPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0'
  let deleted = 0
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
    cursor = next
    if (keys.length) deleted += await redis.del(...keys)
  } while (cursor !== '0')
  return deleted
}
