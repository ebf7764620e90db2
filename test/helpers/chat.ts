// Talking to a test bot the way the reminders tests do: an @-mention in the group, then the bot's replies.
import { expect } from 'vitest'
import type { TestBot } from '../../src/testing/bot.ts'

/** Says `text` to the bot in the group (@-mentioned), waits until it is idle, and returns what it sent. */
export async function say(bot: TestBot, name: string, text: string): Promise<string[]> {
  const before = bot.sent.length
  bot.world.say(name, `@小助手 ${text}`, { mentionBot: true })
  expect(await bot.idle()).toBe(true)
  return bot.sent.slice(before).map((s) => s.text)
}

/** Polls a condition (for a job BullMQ runs on its own, or a bot that is never idle), never a fixed wait. */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}
