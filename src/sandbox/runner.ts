// Drives the sandbox world with script actions, and waits for the bot to go quiet.
import type { BotApp } from '../app.ts'
import type { MockWorld } from '../adapters/wechaty/mock-world.ts'
import type { Action } from './script.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The mock may reorder near-simultaneous messages; a short gap keeps a script's order. */
const GAP_MS = 30

/** Performs one action; `/idle` needs the app (without one it waits a second). */
export async function perform(world: MockWorld, action: Action, app?: BotApp): Promise<void> {
  switch (action.kind) {
    case 'idle':
      if (app) await waitIdle(app)
      else await sleep(1000)
      return
    case 'say':
      world.say(action.name, action.text, { mentionBot: action.mentionBot, ...(action.media ? { media: action.media } : {}) })
      break
    case 'private':
      world.sayPrivate(action.name, action.text, action.media)
      break
    case 'join':
      world.join(action.name)
      break
    case 'wait':
      await sleep(action.ms)
      return
  }
  await sleep(GAP_MS)
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
