import { describe, expect, it } from 'vitest'
import { featureIndex } from './model-file.ts'

describe('the feature index', () => {
  it('finds every feature of a sorted list by bisection, and nothing else', () => {
    const features = ['^报', '一个', '名', '报名', '插花', '插花课', '$'].sort()
    const index = featureIndex(features)
    features.forEach((f, i) => expect(index.get(f)).toBe(i))
    for (const missing of ['', '报', '插', '插花课程', 'zz']) expect(index.get(missing)).toBeUndefined()
  })
  it('falls back to a map when the list is not sorted', () => {
    const index = featureIndex(['插花', '报名', '一个'])
    expect(index.get('报名')).toBe(1)
    expect(index.get('一个')).toBe(2)
    expect(index.get('名')).toBeUndefined()
  })
})
