import { describe, expect, it } from 'vitest'
import { looksLikeAnnouncement } from '../signups/handlers/announce.ts'
import { CORPUS_NOW, CORPUS_TZ } from './corpus.ts'
import { ASKS_FOR_IDEAS, asksBesidePreview, readAnnouncement, readConfirmation } from './host.ts'
import { normalize } from './text.ts'
import { understand } from './understand.ts'
import { capacityIn } from './values.ts'

const host = { where: 'group' as const, role: 'host' as const, mention: true, activities: [], signedUp: [], openCase: false, now: CORPUS_NOW, tz: CORPUS_TZ }
const previewing = { ...host, pending: 'confirm_announce' as const }
const now = new Date(CORPUS_NOW)

// Tester round 16: 李姐's "@小助手 我想搞个三八节的户外活动，资料里有什么现成的可以参考" became "活动草稿：我想搞个 / 时间：3月8日
// 00:00", and her next question "名额一共多少人" put "名额：1人" on that draft.
const ASKING = ['我想搞个三八节的户外活动，资料里有什么现成的可以参考', '资料里有哪些三八节活动可以参考', '三八节活动怎么搞', '資料裡有哪些三八節活動可以參考']

describe('a host asking for ideas', () => {
  it('is a question, however many activity words and dates it names', () => {
    for (const t of ASKING) {
      expect(ASKS_FOR_IDEAS.test(normalize(t)), t).toBe(true)
      expect(readAnnouncement(normalize(t), host), t).toBeUndefined()
      expect(looksLikeAnnouncement(t, now, CORPUS_TZ), t).toBe(false)
      expect(understand(t, host).intent, t).toBe('qa.question')
    }
  })

  it('controls: announcements in prose and by command are still announcements', () => {
    for (const t of ['周六下午2点 亲子阅读 微家活动室 限2人', '3月8日下午两点搞个三八节户外活动 限30人', '下周三下午两点半微家活动室有个讲座《和青春期孩子怎么沟通》，限40人，感兴趣的报名']) {
      expect(ASKS_FOR_IDEAS.test(normalize(t)), t).toBe(false)
      expect(looksLikeAnnouncement(t, now, CORPUS_TZ), t).toBe(true)
      expect(understand(t, host).intent, t).toBe('host.announce')
    }
    expect(understand('发布活动 周六下午2点 亲子阅读 微家活动室 限2人', host).intent).toBe('host.announce')
  })
})

describe('a host\'s question while her preview waits', () => {
  it('asks; it puts nothing right on the draft', () => {
    for (const t of ['名额一共多少人', '地点是哪里', '名额一共多少人？']) {
      expect(asksBesidePreview(normalize(t)), t).toBe(true)
      expect(readConfirmation(normalize(t), previewing)?.intent, t).not.toBe('correction')
      expect(understand(t, previewing).intent, t).not.toBe('correction')
    }
  })

  it('controls: a correction, a time alone and a yes still answer the preview; a correction may ask', () => {
    expect(understand('名额一共20人', previewing)).toMatchObject({ intent: 'correction', slots: { capacity: 20 } })
    expect(understand('不对，是两点半', previewing).intent).toBe('correction')
    expect(understand('不对吧？是两点半', previewing)).toMatchObject({ intent: 'correction', slots: { time: '14:30' } })
    expect(understand('名额改成30人吧？', previewing)).toMatchObject({ intent: 'correction', slots: { capacity: 30 } })
    expect(understand('下午2点', previewing)).toMatchObject({ intent: 'correction', slots: { time: '14:00' } })
    expect(understand('确认', previewing).intent).toBe('confirm.yes')
  })

  it('the 一 of 一共 is no number of places', () => {
    expect(capacityIn('名额一共20人')).toBe(20)
    expect(capacityIn('名额总共三十名')).toBe(30)
    expect(capacityIn('名额一共多少人')).toBeUndefined()
  })
})
