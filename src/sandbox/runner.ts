// Drives the sandbox world with script actions, and waits for the bot to go quiet.
import type { BotApp } from '../app.ts'
import type { MockWorld } from '../adapters/wechaty/mock-world.ts'
import { type Action, ScriptError } from './script.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Each line waits until the bot has handled the one before (the mock may reorder near-simultaneous messages,
 * and handlers for two senders run side by side), but a line the bot never takes up does not stop the script.
 */
const HANDOVER_LIMIT_MS = 30_000

async function handled(event: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([event, new Promise<void>((ok) => (timer = setTimeout(ok, HANDOVER_LIMIT_MS)))])
  clearTimeout(timer)
}

/** Performs one action; `/idle` needs the app (without one it waits a second). */
export async function perform(world: MockWorld, action: Action, app?: BotApp): Promise<void> {
  switch (action.kind) {
    case 'idle':
      if (app) await waitIdle(app)
      else await sleep(1000)
      return
    case 'say':
      return handled(world.say(action.name, action.text, { mentionBot: action.mentionBot, ...(action.media ? { media: action.media } : {}) }))
    case 'private':
      return handled(world.sayPrivate(action.name, action.text, action.media))
    case 'join':
      return handled(world.join(action.name))
    case 'wait':
      await sleep(action.ms)
      return
    case 'at':
      // Moving the clock under a running bot would leave its timers and queues in another time.
      throw new ScriptError(action.line, '"/at" works only as the first line of a script')
  }
}

/**
 * Idle three times in a row, so a job that enqueues follow-up work on a queue already asked is not missed.
 * Messages on their way in count as busy (app.idle asks the simulated chat), so the checks need no pause
 * long enough for a delivery: a short one, not to hammer Redis.
 */
const POLL_MS = 10

export async function waitIdle(app: BotApp, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  let quiet = 0
  while (Date.now() < deadline) {
    quiet = (await app.idle()) ? quiet + 1 : 0
    if (quiet >= 3) return true
    await sleep(POLL_MS)
  }
  return false
}
