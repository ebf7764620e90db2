// Storage rule: Redis is part of the platform, as it is for BullMQ. Atomic Lua scripts, TTLs and sorted sets
// are how capabilities keep promises (capacity, idempotency, ordering), so they are not hidden behind a
// generic port; tests run against real Redis, never a mock. What the rule fixes instead:
//  - each capability keeps its Redis code in its store files (store.ts, cases.ts, flow.ts…), under keys
//    built by `key(...)` (one configured prefix, so a deployment or a test owns a namespace);
//  - only this file and src/adapters/redis import ioredis; everything else imports the type from here;
//  - connecting (URL, embedded server, retries) is the adapters' job: code receives a Storage.
import type { Redis } from 'ioredis'

export type { Redis }

export interface Storage {
  readonly redis: Redis
  /** Prefixes a key with the configured namespace: key('signups', 'act', id). */
  key(...parts: string[]): string
}
