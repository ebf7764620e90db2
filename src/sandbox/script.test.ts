import { describe, expect, it } from 'vitest'
import { parseScript, ScriptError } from './script.ts'

describe('sandbox script', () => {
  it('reads every form', () => {
    const actions = parseScript(
      ['# 注释', '', '王芳: @小助手 下次家聚会是什么时候？', '李姐：大家好', '王芳 -> 小助手: 我想咨询', '+赵敏', '/wait 2s', '/wait 150ms'].join('\n'),
      '小助手',
    )
    expect(actions).toEqual([
      { kind: 'say', name: '王芳', text: '@小助手 下次家聚会是什么时候？', mentionBot: true, line: 3 },
      { kind: 'say', name: '李姐', text: '大家好', mentionBot: false, line: 4 },
      { kind: 'private', name: '王芳', text: '我想咨询', line: 5 },
      { kind: 'join', name: '赵敏', line: 6 },
      { kind: 'wait', ms: 2000, line: 7 },
      { kind: 'wait', ms: 150, line: 8 },
    ])
  })

  it.each([
    ['没有冒号的一行', 1],
    ['王芳 -> 李姐: 私聊别人', 1],
    ['/wait soon', 1],
    ['+', 1],
    ['/at tomorrow', 1],
    ['/at 2026-13-01 10:00', 1],
    ['/at 2026-12-01 25:00', 1],
  ])('reports "%s" with its line number', (line) => {
    expect(() => parseScript(`# ok\n${line}`, '小助手')).toThrow(ScriptError)
    expect(() => parseScript(`# ok\n${line}`, '小助手')).toThrow(/^line 2: /)
  })
})

describe('sandbox script: what real chats say', () => {
  it('reads a literal \\n as a line break, so a pasted 接龙 list fits on one line', () => {
    const [a] = parseScript('张丽: 插花课接龙\\n1. 王芳\\n2. 张丽', '小助手')
    expect(a).toEqual({ kind: 'say', name: '张丽', text: '插花课接龙\n1. 王芳\n2. 张丽', mentionBot: false, line: 1 })
  })

  it('sends a voice note or a picture for /voice and /image, in the group or privately', () => {
    const actions = parseScript(['王芳: /voice', '王芳: @小助手 /image', '王芳 -> 小助手: /voice', '王芳: /voices are text'].join('\n'), '小助手')
    expect(actions).toEqual([
      { kind: 'say', name: '王芳', text: '', media: 'voice', mentionBot: false, line: 1 },
      { kind: 'say', name: '王芳', text: '', media: 'image', mentionBot: true, line: 2 },
      { kind: 'private', name: '王芳', text: '', media: 'voice', line: 3 },
      // Positive control: anything else after the slash stays text.
      { kind: 'say', name: '王芳', text: '/voices are text', mentionBot: false, line: 4 },
    ])
  })
})

describe('sandbox script: when it happens', () => {
  it('reads /at before the first action (comments may come first)', () => {
    const actions = parseScript(['# 周二上午', '/at 2026-12-01 10:00', '王芳: 这周六有活动吗'].join('\n'), '小助手')
    expect(actions[0]).toEqual({ kind: 'at', year: 2026, month: 12, day: 1, hour: 10, minute: 0, line: 2 })
    expect(actions).toHaveLength(2)
  })

  it('refuses /at after a message: a script happens at one moment', () => {
    expect(() => parseScript(['王芳: 你好', '/at 2026-12-01 10:00'].join('\n'), '小助手')).toThrow(/^line 2: "\/at" goes before the first action/)
  })
})
