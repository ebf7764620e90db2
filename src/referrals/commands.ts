// Staff commands (private chat with the bot): text → command. Pure.
//   接单 R-…   备注 R-… 文本   转派 R-… 姓名   结案 R-… 结果   查看 R-…   我的案件
import { canonicalCaseId } from './cases.ts'

export type StaffCommand =
  | { type: 'ack'; id: string }
  | { type: 'note'; id: string; text: string }
  | { type: 'transfer'; id: string; to: string }
  | { type: 'close'; id: string; result: string }
  | { type: 'mine' }
  | { type: 'view'; id: string }

const VERB = /^(接单|备注|转派|结案|查看|我的案件)/
const VERBS = { 接单: 'ack', 备注: 'note', 转派: 'transfer', 结案: 'close', 查看: 'view' } as const
/** A case number as staff write it (R-20261130-0001, r202611300001). */
export const CASE_ID = /r-?\d{8}-?\d{1,4}/i

// A staff member asking in her own words for the cases waiting on her ("有新的求助吗", "我手上有几个案子").
// Only ever read from staff (the caller checks the role), so a resident's "有人求助吗" is not a command.
const CASES = '(?:求助|案子|案件|单子|个案)'
const ASK_CASES = new RegExp(
  `^(?:还|现在|今天)?有(?:没有)?(?:什么|啥)?(?:新的?|待接的?|没人接的?|要处理的?)?${CASES}(?:吗|没有?|不)?[？?]*$` +
    `|^(?:看看?|查一?下|列一?下|我的|我手上的?)+(?:待办|${CASES})(?:列表)?[？?]*$|^(?:待办|${CASES}列表)[？?]*$` +
    `|(?:我手上|我这|还)(?:有|剩)(?:几个|多少)${CASES}|有几个${CASES}(?:没人接|待接|要处理)`,
  'u',
)

export const looksLikeStaffCommand = (text: string) => VERB.test(text.trim()) || ASK_CASES.test(text.trim())

/** A command, or `{ error }` when the verb is right but the rest is not (the caller shows the usage). */
export function parseStaffCommand(text: string): StaffCommand | { error: 'usage' } | undefined {
  const t = text.trim().replace(/\u3000/g, ' ')
  if (/^我的案件\s*$/.test(t) || ASK_CASES.test(t)) return { type: 'mine' }
  // "看一下 R-…", "详情 R-…": a case named with a verb we do not know gets the usage, not a chat reply.
  if (!VERB.test(t)) return CASE_ID.test(t) ? (/^(?:看|看看|看一下|查|查一下|详情|案件|案子)\s*[:：]?\s*r/i.test(t) ? viewOf(t) : { error: 'usage' }) : undefined
  const m = /^(接单|备注|转派|结案|查看)\s*[:：]?\s*(r-?\d{8}-?\d{1,4})(?:\s+|[:：，,]\s*|$)([\s\S]*)$/i.exec(t)
  if (!m) return { error: 'usage' }
  const id = canonicalCaseId(m[2]!)
  if (!id) return { error: 'usage' }
  const rest = (m[3] ?? '').trim()
  const type = VERBS[m[1] as keyof typeof VERBS]
  switch (type) {
    case 'ack':
      return { type, id }
    case 'note':
      return rest ? { type, id, text: rest } : { error: 'usage' }
    case 'transfer':
      return rest ? { type, id, to: rest.replace(/^@/, '') } : { error: 'usage' }
    case 'close':
      return { type, id, result: rest || '（未填写）' }
    case 'view':
      return { type, id }
  }
}

function viewOf(t: string): StaffCommand | { error: 'usage' } {
  const id = canonicalCaseId(CASE_ID.exec(t)![0])
  return id ? { type: 'view', id } : { error: 'usage' }
}
