// Deleting a whole namespace: used for throwaway runs (sandbox scripts, tests), never in production paths.
import type { Redis } from 'ioredis'

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
