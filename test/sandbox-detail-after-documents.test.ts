// Testers (round 16), through the sandbox script player on the five real documents: "名额一共多少人" right after the
// host asked the documents about 踏春嘉年华 was answered "现在群里没有正在报名的活动". A detail question is the sign-ups'
// when it can be about an open activity of the group, the documents' when it names something else or follows her own
// question to them. The script runs to its end (/idle waits for every reply), so what did not happen is checked
// beside what did. Its own file: the real documents teach the segmenter their words process-wide.
import { afterAll, describe, expect, it } from 'vitest'
import { texts } from '../src/signups/texts.ts'
import { roomReplies as room, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-detail-docs', { kbDir: 'test/fixtures/real-corpus' })
afterAll(() => script.cleanup())

const WALK = /行程不低于1500米[\s\S]*30分钟内完成/u
const THIRTY = /名额为30名[\s\S]*来源：《妇女工作计划》/u

describe('sandbox: a detail asked after a question to the documents', () => {
  it('follows her question to the documents, or names what they describe; a bare one is the open activity\'s, and "nothing is open" without either', async () => {
    const actions = await script.run('test/fixtures/scripts/detail-after-documents.txt')
    const li = room(actions, '李姐')
    // Nothing open: her follow-up gets the 30 places the documents give, not "nothing is open".
    expect(li.slice(0, 2)).toEqual([expect.stringMatching(WALK), expect.stringMatching(THIRTY)])
    expect(li).not.toContain(texts.noOpenActivity)
    // Someone who asked the documents nothing is told nothing is open (a bare question about places is about the group's).
    expect(room(actions, '王芳')).toEqual([texts.noOpenActivity])
    // 包饺子 open: a bare question is about it — a resident's, and the host's after her own notice.
    expect(room(actions, '张丽')).toEqual([expect.stringMatching(/^活动1「包饺子」还有20个名额/u)])
    expect(li[2]).toMatch(/^活动1「包饺子」12月12日（周六）14:00开始/u)
    // 踏春嘉年华 named: the documents answer (here, that they do not say), never 包饺子's time.
    expect(room(actions, '赵敏')).toHaveLength(1)
    expect(room(actions, '赵敏')[0]).not.toMatch(/包饺子/u)
    // Her bare follow-up goes to the documents; after she signs up, her next question is about 包饺子 again.
    const chen = room(actions, '陈阿姨')
    expect(chen.slice(0, 2)).toEqual([expect.stringMatching(WALK), expect.stringMatching(THIRTY)])
    expect(chen.at(-1)).toMatch(/^活动1「包饺子」12月12日（周六）14:00开始/u)
    // The "+1" after the documents' answer signed nobody up; 陈阿姨's and 王芳's sign-ups were recorded.
    const rosters = actions.filter((a) => a.kind === 'room' && a.mentions.length === 0 && /已登记/u.test(a.text)).map((a) => a.text)
    expect(rosters.join('\n')).not.toMatch(/林美玲/u)
    expect(rosters).toEqual([expect.stringMatching(/已登记：陈阿姨（1\/20）/u), expect.stringMatching(/已登记：王芳（2\/20）/u)])
    // Sign-ups in the group right before her bare question make it about 包饺子, whatever she asked the documents.
    expect(room(actions, '何姐')).toEqual([expect.stringMatching(WALK), expect.stringMatching(/^活动1「包饺子」还有18个名额/u)])
  }, 120_000)
})
