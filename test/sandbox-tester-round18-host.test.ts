// Testers (round 18, the host's side), through the sandbox script player: what a notice says of the fee and of the
// things to bring, the host taking someone off the roster in plain words, who has paid, and whether an activity the
// group never had is still on. The script runs to its end (/idle waits for every reply), so what did not happen is
// checked beside what did.
import { afterAll, describe, expect, it } from 'vitest'
import { texts } from '../src/signups/texts.ts'
import { roomReplies as room, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-round18-host')
afterAll(() => script.cleanup())

describe('sandbox: round 18 host side', () => {
  it('free is free and 带… is what to bring; "还搞不搞了" is answered from the activities; payments are not kept; "帮她取消一下" takes her off', async () => {
    const actions = await script.run('test/fixtures/scripts/round18-host-side.txt')
    const said = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    // 1. 「不收费，带一本孩子喜欢的绘本」: both halves as the notice says them.
    const [fee, gone] = room(actions, '张丽')
    expect(fee).toBe('活动1「亲子绘本共读」：不收费，带一本孩子喜欢的绘本。')
    // 4. Control: the cancelled one is answered as cancelled, with the host's reason.
    expect(gone).toMatch(/^活动1「亲子绘本共读」（原定.*?）已经取消了（李姐说：图书室要装修）。/u)
    // 4. None of that name: said so, and what is open; never a documents' quote.
    expect(room(actions, '陈静')).toEqual(['群里最近没有「剪纸」这个活动。\n现在群里没有正在报名的活动，有新活动主人会在群里发通知。'])
    expect(said.join('\n')).not.toMatch(/来源：《/u)
    // 2. 「自己带把剪刀」 is what to bring.
    expect(room(actions, '王芳').at(-1)).toBe('活动2「手工香包」：自己带把剪刀。')
    // 3. Who has paid: not kept, said plainly, with the roster (张丽 still on it then).
    const paid = said.filter((t) => t.startsWith(texts.paymentsNotKept))
    expect(paid).toHaveLength(1)
    expect(paid[0]).toMatch(/^[^\n]+\n活动2「手工香包」[^\n]*\n已报名（2\/12）：\n1\. 赵敏\n2\. 张丽$/u)
    // 3. 「张丽说她不来了，帮她取消一下」: asked to confirm, then taken off; the roster after has only 赵敏.
    const host = room(actions, '李姐')
    expect(host).toContainEqual(expect.stringMatching(/^确定把「张丽」（第2位）从活动2「手工香包」的名单里划掉吗？/u))
    expect(said).toContainEqual(expect.stringMatching(/已取消报名：张丽\n目前已报名1\/12/u))
    expect(said.at(-1)).toMatch(/已报名（1\/12）：\n1\. 赵敏$/u)
    // No filler anywhere.
    expect(said.join('\n')).not.toContain('我在呢')
  }, 180_000)
})
