// The learned intent reader (src/nlu/learned): the shipped model is exactly what `npm run train:nlu` makes from
// the tuning side, so nobody can slip held-out lines into it, and it reads wordings the rules were never written for.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadCorpus, situationOf } from '../src/nlu/corpus.ts'
import { CATEGORY_MODEL_BASE, MODEL_BASE } from '../src/nlu/learned/index.ts'
import { trainCategoryModel, trainIntentModel } from '../src/nlu/learned/training.ts'
import { readByRules } from '../src/nlu/rules.ts'
import { understand } from '../src/nlu/understand.ts'

describe('the learned intent reader', () => {
  it('is the model trained on the tuning side only, byte for byte', async () => {
    const { model, trainedOn } = trainIntentModel()
    const heldout = loadCorpus().filter((l) => l.part === 'heldout').length
    const tuneSide = loadCorpus().filter((l) => l.part === 'tune').length
    expect(heldout).toBe(505)
    // Every training line is from the tune side or the probes; the counts add up to exactly those.
    expect(Object.entries(trainedOn).filter(([k]) => k !== 'probes').reduce((s, [, n]) => s + n, 0)).toBe(tuneSide)
    const shipped = JSON.parse(readFileSync(`${MODEL_BASE}.json`, 'utf8')) as { trainedOn: Record<string, number>; features: string[] }
    expect(shipped.trainedOn).toEqual(trainedOn)
    expect(shipped.features).toEqual(Object.keys(model.weights).sort())
    const { saveModel } = await import('../src/nlu/learned/model-file.ts')
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(`${tmpdir()}/wj-model-`)
    saveModel(`${dir}/m`, model, trainedOn)
    expect(readFileSync(`${dir}/m.bin`).equals(readFileSync(`${MODEL_BASE}.bin`))).toBe(true)
    // The category reader likewise.
    const category = trainCategoryModel()
    saveModel(`${dir}/c`, category.model, category.trainedOn)
    expect(readFileSync(`${dir}/c.bin`).equals(readFileSync(`${CATEGORY_MODEL_BASE}.bin`))).toBe(true)
    expect(JSON.parse(readFileSync(`${CATEGORY_MODEL_BASE}.json`, 'utf8')).trainedOn).toEqual(category.trainedOn)
  }, 60_000)

  it('reads wordings the rules miss, and leaves safety to the rules', () => {
    const sit = situationOf(loadCorpus().find((l) => l.ctx.where === 'private' && l.ctx.role === 'resident' && !l.ctx.pending)!)
    // Control: the rules alone do not read these as requests.
    for (const text of ['孩子他爹嫌我生的是闺女，天天甩脸子，我该咋办', '这个家我是待不下去了，天天看人脸色']) {
      expect(readByRules(text, sit).intent).not.toBe('help.request')
      expect(understand(text, sit).intent).toBe('help.request')
    }
    // The model never lowers an emergency the rules read, and never makes one alone.
    expect(understand('他拿刀在门口，救命', sit).intent).toBe('help.emergency')
    for (const line of loadCorpus()) {
      const rules = readByRules(line.text, situationOf(line))
      const both = understand(line.text, situationOf(line))
      expect({ id: line.id, emergency: both.intent === 'help.emergency' }).toEqual({ id: line.id, emergency: rules.intent === 'help.emergency' })
    }
    // Reads the whole corpus twice: about 5 s idle, past 40 s with both cores busy and other test files sharing them.
  }, 120_000)
})
