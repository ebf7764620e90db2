// Optional: when the rules cannot read a host's reminder request, an LLM rewrites it into the canonical
// phrases the rule parser knows. The parser still decides, and the host still confirms before anything is saved.
import { z } from 'zod'
import type { Llm } from '../core/llm.ts'
import { parseSchedule, type ScheduleResult } from './parse.ts'

const extraction = z.object({
  schedule: z.string().describe('规范写法的时间，例如「每周三下午3点」「每月第一个周六上午9点」「每两周的周五晚上7点」「每季度第一个月15号上午9点」「每年腊月二十上午10点」「工作日上午8点」；看不出是周期性提醒时留空'),
  content: z.string().describe('要提醒大家的内容，例如「家聚会」'),
})

const SYSTEM = [
  '你把微信群里微家主人设置定时提醒的话，改写成规范写法。',
  '只改写时间的说法，不要编造内容；不是周期性提醒（只有一次、或是提问）时 schedule 留空。',
  '规范写法：每周X、每两周的周X、工作日、每天、每月N号、每月第N个周X、每月最后一个周X、每季度第N个月N号、每年M月D日、每年农历X月X（如每年腊月二十），后面接时间（上午9点、下午3点半、19:30）。',
].join('\n')

/** undefined when the model saw no recurring schedule (or failed); the caller then says what it can read. */
export async function scheduleWithLlm(llm: Llm, text: string, opts: { now: number; tz: string }): Promise<ScheduleResult | undefined> {
  const out = await llm.extract([{ role: 'system', content: SYSTEM }, { role: 'user', content: text }], extraction, {
    name: 'reminder_schedule',
    description: '定时提醒的规范写法',
  })
  if (!out.schedule.trim()) return undefined
  return parseSchedule(`${out.schedule.trim()} ${out.content.trim()}`, opts)
}
