import { describe, expect, it } from 'vitest'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { isAcknowledgement, isPraise, isPresenceCheck } from './small-talk.ts'
import { normalize } from './text.ts'
import { understand } from './understand.ts'

const group = { where: 'group' as const, role: 'resident' as const, mention: true, activities: [], signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }
const private_ = { ...group, where: 'private' as const, mention: false }

// Tester round 16: "@小助手 在吗" got "这个问题在微家的资料里没有找到明确说法…", and "晓得了" got "我在呢。想问政策和服务…".
const PRESENCE = ['在吗', '在不在', '有人吗', '小助手在吗？', '你还在吗', '在嗎', '喺唔喺度']
const ACKS = ['晓得了', '好的', '收到', '知道了', '嗯嗯', 'OK', '👌', '知道咗']

describe('whether the bot is there', () => {
  it('is asked by the whole message, in either script and in Cantonese, and is small talk, not a question or what the bot is', () => {
    for (const t of PRESENCE) {
      expect(isPresenceCheck(normalize(t)), t).toBe(true)
      expect(understand(t, group).intent, t).toBe('chatter')
      expect(understand(t, private_).intent, t).toBe('chatter')
    }
  })

  it('controls: a disclosure that opens with 在吗 and a question about the bot are not', () => {
    expect(isPresenceCheck(normalize('在吗…有个事憋心里好久了'))).toBe(false)
    expect(understand('在吗…有个事憋心里好久了', private_).intent).toBe('help.request')
    expect(isPresenceCheck(normalize('你是真人还是机器人'))).toBe(false)
    expect(isPresenceCheck(normalize('微家活动室周六在不在开放'))).toBe(false)
  })
})

describe('an acknowledgement', () => {
  it('only says she read it', () => {
    for (const t of ACKS) {
      expect(isAcknowledgement(normalize(t)), t).toBe(true)
      expect(understand(t, group).intent, t).toBe('chatter')
    }
  })

  it('controls: thanks, a question after it, and a presence check are not one', () => {
    for (const t of ['好的 谢谢', '好的，几点开始', '收到的扣1', '在吗']) expect(isAcknowledgement(normalize(t)), t).toBe(false)
  })
})

// Tester round 17: "@小助手 哈哈好的 你真厉害" got "我在呢。想问政策和服务…", beside the point.
describe('praise of the bot', () => {
  it('is told by a praise word said of the bot and nothing else, with laughter or an acknowledgement around it', () => {
    for (const t of ['你真厉害', '哈哈好的 你真厉害', '小助手太棒了！', '好聪明啊', '真给力', '你也太厉害了吧', '点赞', '666', '你真厲害']) {
      expect(isPraise(normalize(t)), t).toBe(true)
      expect(understand(t, group).intent, t).toBe('chatter')
    }
  })

  it('controls: an acknowledgement, thanks, a question or something told are not praise', () => {
    for (const t of ['好的', '收到', '可以', '谢谢', '真的吗', '他脾气可厉害了', '你好厉害 能帮我问问家暴的事吗', '你能干啥']) expect(isPraise(normalize(t)), t).toBe(false)
    expect(isAcknowledgement('好的')).toBe(true)
  })
})
