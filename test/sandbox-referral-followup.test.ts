// Tester-host round (c09): a help request followed to its end in the sandbox — her story told with her number, her
// thanks after staff called, the host and a neighbour asking after it, staff closing it. Each script runs to its end
// (/idle waits for every reply), so what did not happen is checked beside what did.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { localDate } from '../src/referrals/cases.ts'
import { referralTexts } from '../src/referrals/texts.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-referral-followup')
afterAll(() => script.cleanup())

/** The script with the day's first case number filled in (ids are the 微家's local date: the example config's Shanghai). */
function withCaseId(file: string): { path: string; id: string } {
  const id = `R-${localDate(Date.now(), 'Asia/Shanghai')}-0001`
  const path = join(mkdtempSync(join(tmpdir(), 'wj-referral-followup-')), 'script.txt')
  writeFileSync(path, readFileSync(file, 'utf8').replaceAll('{ID}', id))
  return { path, id }
}

describe('sandbox: a help request after staff took it', () => {
  it('her thanks closes nothing; the story is 情况, not 联系方式; she hears it closed; the host hears only who and how far', async () => {
    const { path, id } = withCaseId('test/fixtures/scripts/referral-after-staff.txt')
    const actions = await script.run(path)
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    // The story under 情况, the number and the time under 联系方式, filed as violence at home.
    const alert = to('小王').find((t) => t.startsWith(`【新求助】${id}`))!
    expect(alert).toContain('类别：家庭暴力')
    expect(alert).toContain('联系方式：我电话13912345678 下午可以打\n情况：你好 我想找人帮忙 家里的事 不好在群里说\n我老公最近喝了酒就摔东西骂人 孩子吓得不敢出房间')
    // "社工给我打过电话了 谢谢你们": a warm word, kept for 小王; no withdrawal on either side.
    expect(to('张丽')).toContain(referralTexts.thanksTaken('小王', true))
    expect(to('小王').some((t) => t.startsWith('【撤回】'))).toBe(false)
    expect(to('张丽').some((t) => t.includes('已撤回'))).toBe(false)
    // The host: who follows it and its status word, nothing of what it is about; a neighbour: nothing.
    expect(to('李姐')).toEqual(['张丽的求助由小王跟进中（处理中）。具体情况请直接问小王。'])
    expect(to('王芳')).toEqual([referralTexts.othersCase])
    // Closed by staff: she hears it was handled (no result), and staff that she was told.
    expect(to('张丽').at(-1)).toBe(referralTexts.caseClosed(id))
    expect(to('小王').at(-1)).toBe(referralTexts.closeOk(id))
    expect(to('张丽').join('\n')).not.toMatch(/调解|心理咨询|满意/u)
    // Nothing of it in any group.
    expect(actions.filter((a) => a.kind === 'room')).toEqual([])
  }, 120_000)
})
