// Round 22 (a tester's grandmother in round 21): in a group that answers plain questions, "那要钱不" right after her own
// question to the documents got nothing — neither a question the understanding reads for the documents nor said to the
// bot. Now it leans on her question, and is answered only when the documents answer it. Its own file: the real
// documents teach the segmenter their words process-wide.
import { afterAll, describe, expect, it } from 'vitest'
import { roomReplies, scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-overheard-followup', { kbDir: 'test/fixtures/real-corpus', answerMode: 'questions' })
afterAll(() => script.cleanup())

describe('sandbox: a short follow-up overheard in the group', () => {
  it('"那要钱不" after her own question is answered from the documents; from someone who asked nothing, or to a neighbour, nothing', async () => {
    const actions = await script.run('test/fixtures/scripts/overheard-followup.txt')
    const wang = roomReplies(actions, '王芳')
    // Her question, then the follow-up leaning on it: the free screening for 两癌.
    expect(wang).toHaveLength(2)
    expect(wang[1]).toMatch(/免费妇科及乳腺病筛查/u)
    // 张丽's question is answered; "那你去不" before it and "那你明天去不" after it are chat between neighbours.
    expect(roomReplies(actions, '张丽')).toHaveLength(1)
    expect(roomReplies(actions, '张丽')[0]).toMatch(/家庭暴力庇护救助中心/u)
    // 赵敏 asked the documents nothing: her "那要钱不" is someone else's conversation.
    expect(roomReplies(actions, '赵敏')).toEqual([])
  }, 120_000)
})
