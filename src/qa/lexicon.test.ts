import { describe, expect, it } from 'vitest'
import { LEXICON } from './lexicon-data.ts'
import { lexiconOf } from './lexicon.ts'

const formals = (q: string, skip?: string[]) => lexiconOf(q, skip).map((l) => l.formal)

describe('everyday → official lexicon', () => {
  it('maps how residents say it to the documents’ words', () => {
    expect(formals('娃放学没人管咋办')).toEqual(expect.arrayContaining(['课后托管', '四点半课堂']))
    expect(formals('想学门手艺挣点钱')).toEqual(expect.arrayContaining(['技能培训', '增收']))
    expect(formals('男人打老婆妇联管不管')).toContain('家庭暴力')
    expect(formals('查癌要钱不')).toContain('两癌筛查')
    expect(formals('想打官司请不起律师')).toContain('法律援助')
  })

  it('knows the everyday words residents ask with: 弄个, 管事儿, 不念书, 号码, 牌子, 喂奶', () => {
    expect(formals('想在家里弄个妇女微家')).toEqual(expect.arrayContaining(['创建', '建立']))
    expect(formals('这个站平时谁管事儿')).toEqual(expect.arrayContaining(['负责', '管理员']))
    expect(formals('闺女初中就不念书了')).toContain('辍学')
    expect(formals('求助打哪个号码')).toEqual(expect.arrayContaining(['电话', '热线']))
    expect(formals('有没有叫得响的牌子')).toContain('品牌')
    expect(formals('上班了还要喂奶')).toContain('哺乳')
  })

  it('needs every fragment of a row: 放学 alone is not 放学没人管', () => {
    expect(formals('放学几点')).not.toContain('课后托管')
  })

  it('adds nothing the question already says, nor what the caller already added', () => {
    expect(formals('家庭暴力怎么办 挨打')).not.toContain('家庭暴力')
    expect(formals('挨打了', ['家庭暴力'])).not.toContain('家庭暴力')
    // One official word once, however many rows point to it.
    const all = formals('老公打老婆 挨打 动手')
    expect(all.filter((f) => f === '家庭暴力')).toHaveLength(1)
  })

  it('is a list of meanings, not echoes: no row maps a word to itself', () => {
    expect(LEXICON.length).toBeGreaterThanOrEqual(250)
    for (const [everyday, official] of LEXICON) expect(everyday.replace(/\s+/g, '')).not.toBe(official)
  })
})
