import { describe, expect, it } from 'vitest'
import { rankingFigures, textHits } from './evaluate.ts'

describe('what counts as a hit in the eval', () => {
  it('compares in Simplified, and a must copied with the page’s pinyin brackets still matches the cleaned passage', () => {
    // Ingest strips "(lián)" after characters; a helper copying from the Traditional page may keep it.
    expect(textHits('集心村被全國婦聯授予基層組織建設示范村', ['集心村被全國(guó)婦聯(lián)授予'])).toBe(true)
    expect(textHits('集心村被全国妇联授予基层组织建设示范村', ['集心村被全國婦聯授予'])).toBe(true)
    expect(textHits('集心村被全国妇联授予基层组织建设示范村', ['南方二居'])).toBe(false)
  })

  it('ranking figures from first-hit ranks (-1: not found)', () => {
    expect(rankingFigures([0, 1, 6, -1])).toEqual({ covered: 4, hit1: 0.25, hit5: 0.5, mrr: Number(((1 + 0.5 + 1 / 7) / 4).toFixed(4)) })
  })
})
