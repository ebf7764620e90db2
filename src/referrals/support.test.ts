import { describe, expect, it } from 'vitest'
import { supportKind } from './support.ts'

describe('how a help request is met first', () => {
  it('a hotline to call is no one hurting her; being hit is', () => {
    expect(supportKind('心理支持', '俺闺女最近老是睡不着觉 心里憋得慌 有没有那种能打电话说说话的热线')).toBe('heart')
    expect(supportKind('心理支持', '他又打我了 我心里好难受')).toBe('abuse')
    // Which number to call is no one hurting her.
    expect(supportKind('心理支持', '心情不好想找人说说 打啥电话')).toBe('heart')
    expect(supportKind('心理支持', '心里难受 该打哪个热线')).toBe('heart')
    expect(supportKind('家庭暴力', '想打个电话问问')).toBe('abuse')
  })
})
