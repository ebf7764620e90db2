// The capabilities the bot runs, in registration order (the order of routes within a band, see core/router.ts:
// reminders before sign-ups, so 「每月…提醒大家」 is a reminder, never an announcement), with the adapters they are handed.
import { consoleLink } from './console/chat.ts'
import type { Capability } from './core/capability.ts'
import { hnswBackend } from './adapters/hnsw/index.ts'
import { createQa } from './qa/index.ts'
import { referrals } from './referrals/index.ts'
import { reminders } from './reminders/index.ts'
import { safety } from './safety/index.ts'
import { signups } from './signups/index.ts'
import { welcome } from './welcome/index.ts'

export const capabilities: Capability[] = [welcome, referrals, safety, reminders, signups, createQa({ vectors: hnswBackend }), consoleLink]
