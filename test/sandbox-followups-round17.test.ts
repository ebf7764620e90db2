// A tester's chain of follow-ups (round 17), through the sandbox script player on the real documents: a typo of a folder
// word is read as the word (homophones.ts) and the next follow-up leans on it, not on everything asked before.
import { afterAll, describe, expect, it } from 'vitest'
import type { BotAction } from '../src/sandbox/actions.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-followups-round17', { kbDir: 'test/fixtures/real-corpus' })
afterAll(() => script.cleanup())

const room = (actions: BotAction[], name: string) => actions.filter((a) => a.kind === 'room' && a.mentions.includes(name)).map((a) => a.text)

describe('sandbox: round 17 follow-ups', () => {
  it('"一年能解决多少人" after a question about the 刺绣 project (typed 刺秀) gets its 300名', async () => {
    const replies = room(await script.run('test/fixtures/scripts/round17-followups.txt'), '李嫂')
    expect(replies).toHaveLength(3)
    expect(replies[1]).toContain('长沙美好工艺绣品公司')
    expect(replies[2]).toContain('每年解决了300名')
  }, 180_000)
})
