import { describe, expect, it } from 'vitest'
import { quotedSetAsked, spellsOut } from './define.ts'

describe('a numbered or quoted name asked for its members', () => {
  it('is read quoted, bare, or by its own count anywhere in the message', () => {
    expect(quotedSetAsked('“拒绝三不”是哪三不')).toBe('拒绝三不')
    expect(quotedSetAsked('“拒绝三不”活动中的“三不”指什么?')).toBe('三不')
    expect(quotedSetAsked('老看到说四新领域 四新是哪四新啊 求科普')).toBe('四新')
    expect(quotedSetAsked('海报上说的“五有”示范微家，五有是哪五个有？')).toBe('五有')
  })

  it('is not read from a later clause that asks something else, nor from a plain count', () => {
    expect(quotedSetAsked('在“四新”领域,妇女微家重点覆盖哪些场所?')).toBeUndefined()
    expect(quotedSetAsked('我们这里有四个人 哪四个')).toBeUndefined()
    expect(quotedSetAsked('家里三个孩子哪个该上学')).toBeUndefined()
  })

  it('is spelled out after the name, or listed right before it with 等', () => {
    expect(spellsOut('三不', '在机关中开展“拒绝三不”（不文明、不卫生、不健康）宣教活动')).toBe(true)
    expect(spellsOut('四新', '进一步推进“妇女之家”向新领域新业态新阶层新群体等“四新”领域延伸。')).toBe(true)
    // Only used, not spelled out.
    expect(spellsOut('三不', '在机关中开展“拒绝三不”宣教活动')).toBe(false)
    expect(spellsOut('四新', '为扩大组织覆盖，尤其是“四新”领域妇联组织建设提供帮助。')).toBe(false)
    // A numbered name opening a longer quoted one, spelled out after the whole name.
    expect(spellsOut('五型', '产生一批“五型妇女微家”（主要指学习引领微家、网格睦邻微家、平安守望微家）')).toBe(true)
    expect(spellsOut('五型', '按照“五型妇女微家”和“五有”示范妇女微家要求和标准扎实推进')).toBe(false)
    expect(quotedSetAsked('五型微家 是哪五型 求列一下')).toBe('五型')
    // Three items before 等 do not spell out a set of four.
    expect(spellsOut('四新', '向新领域、新业态、新群体等“四新”领域延伸。')).toBe(false)
  })
})

describe('a name ending a longer quoted one', () => {
  it('counts only for a numbered name: 妇女微家 is not spelled out by “五型妇女微家”（主要指…）', () => {
    expect(spellsOut('妇女微家', '产生一批“五型妇女微家”（主要指学习引领微家、网格睦邻微家）')).toBe(false)
    expect(spellsOut('三不', '开展“拒绝三不”（不文明、不卫生、不健康）活动')).toBe(true)
  })
})
