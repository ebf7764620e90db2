// Plays a parsed script against a freshly booted sandbox bot: what `weijia sandbox --script` does, and what the
// conversation tests run in their own process (one module load a file instead of one a script).
import { boot } from '../main.ts'
import { deleteByPrefix } from '../adapters/redis/keys.ts'
import type { SentMessage } from '../core/message.ts'
import { perform, waitIdle } from './runner.ts'
import { fromWall } from '../core/tz.ts'
import type { Action } from './script.ts'
import { shiftClock } from './shift-clock.ts'

export interface PlayOptions {
  configPath?: string
  /** The bot's timezone, in which a script's `/at` is read. */
  timezone: string
  /** The environment the bot reads (REDIS_URL, LLM_*, LOG_LEVEL); default process.env. */
  env?: NodeJS.ProcessEnv
  /** Told of every message the bot sends. */
  onSent: (sent: SentMessage) => void
}

let runs = 0

/**
 * Each script starts from an empty group (its own Redis namespace, deleted afterwards), so a run is
 * reproducible; the interactive sandbox keeps its state between runs, like a real group.
 */
export async function playScript(actions: Action[], prefixBase: string, opts: PlayOptions): Promise<void> {
  const prefix = `${prefixBase}-script-${process.pid}-${Date.now().toString(36)}-${++runs}`
  // The clock moves before the bot boots, so everything it starts (stale-message cut-off, queues) shares one time.
  const at = actions[0]?.kind === 'at' ? actions[0] : undefined
  const undo = at ? shiftClock(fromWall(opts.timezone, at.year, at.month, at.day, at.hour, at.minute)) : undefined
  try {
    const rt = await boot({ mode: 'sandbox', configPath: opts.configPath, env: opts.env, redisPrefix: prefix, onSent: opts.onSent })
    try {
      for (const action of at ? actions.slice(1) : actions) await perform(rt.world, action, rt.app)
      const quiet = await waitIdle(rt.app)
      if (!quiet) rt.log.warn('the bot was still busy after 60 s; stopping anyway')
    } finally {
      await rt.stop((redis) => deleteByPrefix(redis, prefix).then(() => undefined))
    }
  } finally {
    undo?.()
  }
}
