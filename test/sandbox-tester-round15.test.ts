// Testers (round 15), through the sandbox script player: a question asked by its question word alone, Cantonese
// thanks, the group's type asked with the 微家 left unsaid, and the group's rhythm asked in Cantonese.
import { afterAll, describe, expect, it } from 'vitest'
import { inScript } from '../src/core/zh/script.ts'
import { safetyTexts } from '../src/safety/texts.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-round15')
afterAll(() => script.cleanup())

/** The generic line small talk gets, in either script. */
const MENU = [safetyTexts.smalltalk(''), inScript(safetyTexts.smalltalk(''), 'traditional')]
const THANKS = safetyTexts.smalltalk('谢谢')
const TYPE = '咱们是「网格睦邻」型妇女微家。'

describe('sandbox: tester round 15', () => {
  it('a question asked by its question word ("…是谁", "交給誰", "要多久", "幾時") goes to the documents, never the menu', async () => {
    const actions = await script.run('test/fixtures/scripts/question-words.txt')
    const to = (name: string) => actions.filter((a) => (a.kind === 'private' ? a.to === name : a.mentions.includes(name))).map((a) => a.text)
    const asked = [...to('王芳'), ...to('林美玲'), ...to('张丽')]
    expect(asked).toHaveLength(6)
    for (const text of asked) expect(MENU).not.toContain(text)
    // The documents answer, or say they do not ("县妇联主席是谁" is in none of them).
    expect(to('王芳')[0]).toContain('资料里没有找到')
    expect(to('张丽')[1]).toMatch(/来源：/u)
    // Controls: whom to turn to, naming nothing, is pointed to the host; a greeting is small talk.
    expect(to('陈静')).toEqual([safetyTexts.smalltalk('那我该找谁问'), safetyTexts.smalltalk('你好')])
  }, 120_000)

  it('Cantonese thanks ("唔该晒", "唔該", "多谢晒", "多謝", "好嘅 唔该你") get "不客气", in her script', async () => {
    const replies = (await script.run('test/fixtures/scripts/cantonese-thanks.txt')).map((a) => a.text)
    expect(replies).toEqual([THANKS, inScript(THANKS, 'traditional'), THANKS, inScript(THANKS, 'traditional'), inScript(THANKS, 'traditional'), THANKS])
  }, 120_000)

  it('the group\'s type asked with the 微家 left unsaid, after an opening word ("那", "所以", "咁"); a kind of something else is not', async () => {
    const room = (await script.run('test/fixtures/scripts/group-type-followup.txt')).filter((a) => a.kind === 'room')
    const to = (name: string) => room.filter((a) => a.mentions.includes(name)).map((a) => a.text)
    expect(to('王芳')[1]).toMatch(new RegExp(`^${TYPE}`, 'u'))
    expect(to('张丽')[1]).toMatch(new RegExp(`^${TYPE}`, 'u'))
    expect(to('陈阿姨')[0]).toMatch(new RegExp(`^${TYPE}`, 'u'))
    // Control: the first questions, and a kind of 补助, are the documents'.
    for (const text of [to('王芳')[0], to('张丽')[0], to('赵敏')[0]]) expect(text).not.toContain(TYPE)
  }, 120_000)

  it('the group\'s rhythm asked in Cantonese ("係咪每個禮拜…㗎", "係咪逢星期三", "幾時聚會") gets what Mandarin gets', async () => {
    const room = (await script.run('test/fixtures/scripts/rhythm-cantonese.txt')).filter((a) => a.kind === 'room')
    const to = (name: string) => room.filter((a) => a.mentions.includes(name)).map((a) => a.text)
    // The same overview as "咱们微家多久接待一次", with the group's own 家接待.
    expect(to('王芳')[0]).toMatch(/^本群的固定活动：[\s\S]*家接待：每周三 09:00/u)
    expect(to('陈阿姨')).toEqual(to('王芳'))
    expect(to('黃太')[0]).toMatch(/^本群的家接待：每週三 09:00/u)
    expect(to('何婆婆')[0]).toMatch(/^本群的家聚會：每月第一個週六 09:00/u)
    // Control: 微家 in general is the documents'.
    expect(to('张丽')[0]).not.toMatch(/^本群/u)
  }, 120_000)
})
