import { describe, expect, it } from 'vitest'
import { BOM, csvCell, rosterCsv } from './csv.ts'
import type { Activity, Entry } from './store.ts'

const activity = { id: 3, groupId: 'g', title: '亲子阅读' } as Activity
const entry = (name: string, byName = name): Entry => ({ key: name, name, byId: '', byName, at: 0, seq: 0, state: 'in' })

describe('csv', () => {
  it('neutralises cells that a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`)
    expect(csvCell('+86 138')).toBe(`'+86 138`)
    expect(csvCell('-1+2')).toBe(`'-1+2`)
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`)
    expect(csvCell('\t=1')).toBe(`'\t=1`)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    // Positive controls: ordinary names and our own numbers are left alone.
    expect(csvCell('王芳')).toBe('王芳')
    expect(csvCell('王=芳')).toBe('王=芳')
    expect(csvCell(12)).toBe('12')
    expect(csvCell('张丽, "阿丽"')).toBe('"张丽, ""阿丽"""')
  })

  it('starts every roster with a UTF-8 BOM and neutralises names', () => {
    const csv = rosterCsv(activity, { confirmed: [entry('=cmd|calc!A1', '王芳'), entry('李姐')], waitlist: [entry('@张丽')] }, 'Asia/Shanghai')
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      '序号,姓名,状态,登记人,报名时间',
      `1,'=cmd|calc!A1,已报名,王芳,`,
      '2,李姐,已报名,李姐,',
      `1,'@张丽,候补1,'@张丽,`,
      '',
    ])
    expect(rosterCsv(activity, { confirmed: [], waitlist: [] }, 'Asia/Shanghai', { bom: false }).startsWith(BOM)).toBe(false)
  })
})
