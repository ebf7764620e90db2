import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './log.ts'
import { containsPersonalData, maskPersonalData } from './mask.ts'

describe('maskPersonalData', () => {
  it.each([
    ['我的电话13812345678', '我的电话138****5678'],
    ['电话 138-1234-5678 找我', '电话 138****5678 找我'],
    ['+86 139 1234 5678', '139****5678'],
    ['身份证110101199003071234', '身份证110101***********4'],
    ['证件 11010119900307123X 已交', '证件 110101***********X 已交'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected)
  })

  it('leaves other numbers alone', () => {
    for (const s of ['订单号 202611221234567890123', '时间戳 1795364534976', '12338 妇女维权热线', '110 报警']) {
      expect(maskPersonalData(s)).toBe(s)
    }
  })

  it('detects personal data, also in full-width digits', () => {
    expect(containsPersonalData('加我 13912345678')).toBe(true)
    expect(containsPersonalData('加我 １３９１２３４５６７８')).toBe(true)
    expect(maskPersonalData('电话１３８１２３４５６７８')).toBe('电话138****5678')
    expect(containsPersonalData('打12338')).toBe(false)
  })

  it('masks every log line: message, fields and nested errors', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const log = createLogger({ destination: sink, level: 'info' })
    log.info({ sender: { phone: '13812345678' }, err: new Error('ID 110101199003071234') }, '居民留了电话 13987654321')
    const out = lines.join('')
    expect(out).not.toMatch(/13812345678|13987654321|110101199003071234/)
    expect(out).toContain('138****5678')
    expect(out).toContain('139****4321')
  })
})
