// Plays a parsed script against a freshly booted sandbox bot: what `weijia sandbox --script` does, and what the
// conversation tests run in their own process (one module load a file instead of one a script).
import { boot } from '../main.ts'
import { deleteByPrefix } from '../adapters/redis/keys.ts'
import type { SentMessage } from '../core/message.ts'
import { perform, waitIdle } from './runner.ts'
import type { Action } from './script.ts'

export interface PlayOptions {
  configPath?: string
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
  const rt = await boot({ mode: 'sandbox', configPath: opts.configPath, env: opts.env, redisPrefix: prefix, onSent: opts.onSent })
  try {
    for (const action of actions) await perform(rt.world, action, rt.app)
    const quiet = await waitIdle(rt.app)
    if (!quiet) rt.log.warn('the bot was still busy after 60 s; stopping anyway')
  } finally {
    await rt.stop((redis) => deleteByPrefix(redis, prefix).then(() => undefined))
  }
}
