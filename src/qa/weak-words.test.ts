import { describe, expect, it } from 'vitest'
import { contentTerms } from './tokenize.ts'
import { SCAFFOLD } from './weak-words.ts'

describe('question scaffolding', () => {
  it('"非得" asks whether it must be so: no word the documents write ("由妇女代表、妇联执委…担任" answers)', () => {
    const asked = contentTerms('微家谁来管事啊 非得是村干部才行')
    expect(asked).toContain('非得')
    expect(asked.filter((t) => !SCAFFOLD.has(t))).not.toContain('非得')
    expect(asked.filter((t) => !SCAFFOLD.has(t))).toContain('村干部')
  })
})
