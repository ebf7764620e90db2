// Real Redis for tests (never a mock): one unique key prefix per test, deleted afterwards.
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { deleteByPrefix } from '../adapters/redis/keys.ts'

export { deleteByPrefix }

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

export interface TestRedis {
  redis: Redis
  prefix: string
  cleanup(): Promise<void>
}

export async function testRedis(label = 't'): Promise<TestRedis> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
  const prefix = `wjtest-${label}-${randomUUID().slice(0, 8)}`
  return {
    redis,
    prefix,
    async cleanup() {
      await deleteByPrefix(redis, prefix)
      redis.disconnect()
    },
  }
}
