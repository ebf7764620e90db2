// Optional: when the rules cannot read a host's reminder request, an LLM rewrites it into the canonical
// phrases the rule parser knows. The parser still decides, and the host still confirms before anything is saved.
import { z } from 'zod'
import type { Llm } from '../core/llm.ts'
import { loadPrompt } from '../core/prompts.ts'
import { parseSchedule, type ScheduleResult } from './parse.ts'

const extraction = z.object({
  schedule: z.string().describe('规范写法的时间，例如「每周三下午3点」「每月第一个周六上午9点」「每两周的周五晚上7点」「每季度第一个月15号上午9点」「每年腊月二十上午10点」「工作日上午8点」；看不出是周期性提醒时留空'),
  content: z.string().describe('要提醒大家的内容，例如「家聚会」'),
})


/** undefined when the model saw no recurring schedule (or failed); the caller then says what it can read. */
export async function scheduleWithLlm(llm: Llm, text: string, opts: { now: number; tz: string }): Promise<ScheduleResult | undefined> {
  const out = await llm.extract([{ role: 'system', content: loadPrompt('reminder-schedule') }, { role: 'user', content: text }], extraction, {
    name: 'reminder_schedule',
    description: '定时提醒的规范写法',
  })
  if (!out.schedule.trim()) return undefined
  return parseSchedule(`${out.schedule.trim()} ${out.content.trim()}`, opts)
}
