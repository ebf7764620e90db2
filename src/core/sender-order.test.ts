import { describe, expect, it } from 'vitest'
import { SenderOrder } from './sender-order.ts'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('SenderOrder', () => {
  it('runs one key in arrival order even when the first is slower; other keys and urgent work do not wait', async () => {
    const order = new SenderOrder()
    const seen: string[] = []
    const slow = deferred()
    const first = order.run('a', false, async () => {
      await slow.promise
      seen.push('a1')
    })
    const second = order.run('a', false, async () => {
      seen.push('a2')
    })
    const other = order.run('b', false, async () => {
      seen.push('b1')
    })
    const urgent = order.run('a', true, async () => {
      seen.push('a-urgent')
    })
    await Promise.all([other, urgent])
    // Control: the second message of 'a' is still waiting for the first.
    expect([...seen].sort()).toEqual(['a-urgent', 'b1'])
    slow.resolve()
    await Promise.all([first, second])
    expect(seen.slice(2)).toEqual(['a1', 'a2'])
    await new Promise((r) => setImmediate(r))
    expect(order.waiting).toBe(0)
  })

  it('a failing message does not stop the next one', async () => {
    const order = new SenderOrder()
    const failed = order.run('a', false, async () => {
      throw new Error('boom')
    })
    let ran = false
    const next = order.run('a', false, async () => {
      ran = true
    })
    await expect(failed).rejects.toThrow('boom')
    await next
    expect(ran).toBe(true)
  })
})
