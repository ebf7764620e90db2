import { describe, expect, it } from 'vitest'
import { othersCaseAsked } from './others.ts'

describe("someone else's request asked after", () => {
  it('names whose request is asked after, not the staff member who holds it', () => {
    expect(othersCaseAsked('小王那边张丽的事处理得怎么样了', '李姐')).toBe('张丽')
    expect(othersCaseAsked('李阿姨那个求助有人管了没', '王芳')).toBe('李阿姨')
    expect(othersCaseAsked('張麗的事情處理得怎麼樣了', '李姐')).toBe('张丽')
  })

  it('her own request, a question about someone, or a request of her own is not it', () => {
    expect(othersCaseAsked('张丽的事处理得怎么样了', '张丽')).toBeUndefined()
    expect(othersCaseAsked('我那事有人管了没', '张丽')).toBeUndefined()
    expect(othersCaseAsked('陈静咋了', '李姐')).toBeUndefined()
    expect(othersCaseAsked('张丽说的活动几点开始', '李姐')).toBeUndefined()
  })
})
