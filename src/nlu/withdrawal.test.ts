import { describe, expect, it } from 'vitest'
import { normalize } from './text.ts'
import type { Situation } from './types.ts'
import { understand } from './understand.ts'
import { acknowledges, onlyThanks, withdrawalIn } from './withdrawal.ts'

/** A resident in private with a request open (what the referrals' loader says). */
const open: Situation = { where: 'private', role: 'resident', mention: false, activities: [], signedUp: [], openCase: true, now: 0, tz: 'Asia/Shanghai' }
const n = (t: string) => normalize(t)

// Thanks, acknowledgements and news of the help under way: what a resident says once staff have called her.
const THANKS = ['社工给我打过电话了 谢谢你们', '打过电话了', '已经联系我了', '小王已经联系我了 谢谢', '谢谢你们', '收到', '好的 等你们电话', '约了周五见面', '她给我打电话了 约了下周三去社区', '社工給我打過電話了 謝謝你們', '唔該晒 社工打咗電話俾我']
// Taken back in so many words.
const PLAIN = ['不用了', '算了 不需要了', '取消吧', '我自己解决了', '唔使喇', '不想找了', '不用了 谢谢你们', '小王别来找我了 我自己能处理', '上次说的那个事 不用社工管了 我不想闹大']

describe('a withdrawal told from thanks', () => {
  it('thanks and news of the help under way are never a withdrawal, whatever the learned reader leans to', () => {
    for (const t of THANKS) {
      expect({ t, w: withdrawalIn(n(t)) }).toEqual({ t, w: undefined })
      expect({ t, ack: acknowledges(n(t)) }).toEqual({ t, ack: true })
      expect({ t, intent: understand(t, open).intent }).not.toEqual({ t, intent: 'consent.withdraw' })
    }
  })

  it('plain words take the request back (and are read so with a request open)', () => {
    for (const t of PLAIN) {
      expect({ t, w: withdrawalIn(n(t)) }).toEqual({ t, w: 'explicit' })
      expect({ t, intent: understand(t, open).intent }).toEqual({ t, intent: 'consent.withdraw' })
    }
  })

  it('words that may mean the trouble is over are only "maybe": the referrals ask before closing anything', () => {
    for (const t of ['我们和好了', '没事了', '已经解决了', '算了']) expect({ t, w: withdrawalIn(n(t)) }).toEqual({ t, w: 'maybe' })
    expect(understand('我们和好了', open).intent).toBe('consent.withdraw')
  })

  it('keeping it, or failing on her own, is no withdrawal', () => {
    for (const t of ['不撤回', '别取消', '我自己解决不了']) expect({ t, w: withdrawalIn(n(t)) }).toEqual({ t, w: undefined })
  })

  it('news that may be about him is no acknowledgement ("他又来找我了")', () => {
    expect(acknowledges(n('他又来找我了'))).toBe(false)
    expect(acknowledges(n('社工来找我了'))).toBe(true)
  })

  it('only thanks, or news for the staff', () => {
    for (const t of ['谢谢你们', '好的 收到', '辛苦了🙏', '谢谢', '好的 等你们电话']) expect({ t, only: onlyThanks(n(t)) }).toEqual({ t, only: true })
    for (const t of ['社工给我打过电话了 谢谢你们', '约了周五见面']) expect({ t, only: onlyThanks(n(t)) }).toEqual({ t, only: false })
  })
})
