// Testers (round 16), through the sandbox script player on the five real documents: after a reply quoted with a caveat
// ("不确定…供您参考") from the 雨花区 plan, "那个计划是哪天发布的" got another document's meeting time. She reads the
// source line under a hedged reply as she does under any other, so her next follow-up leans on that document too.
// Its own file: the real documents teach the segmenter their words process-wide.
import { afterAll, describe, expect, it } from 'vitest'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-followup-hedge', { kbDir: 'test/fixtures/real-corpus' })
afterAll(() => script.cleanup())

describe('sandbox: a follow-up after a hedged answer', () => {
  it('leans on the document the hedged reply cited', async () => {
    const actions = await script.run('test/fixtures/scripts/followup-after-hedge.txt')
    const replies = actions.filter((a) => a.kind === 'private' && a.to === '小王').map((a) => a.text)
    expect(replies).toHaveLength(3)
    expect(replies[0]).toContain('不少于60天')
    expect(replies[1]).toContain('1+2+2')
    expect(replies[2]).toContain('2019年1月7日')
    expect(replies[2]).not.toContain('座谈会')
    // Starts the bot on the real documents: 5 s idle, 31 s on a machine loaded by two other test runs.
  }, 180_000)
})
