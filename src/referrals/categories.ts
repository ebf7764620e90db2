// Categories and urgencies are shared with the understanding layer (src/nlu); case statuses are the referrals' own.
export { CATEGORIES, type Category, URGENCIES, type Urgency } from '../nlu/help-rules.ts'

export const STATUSES = ['new', 'acknowledged', 'in_progress', 'closed'] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, string> = { new: '待接单', acknowledged: '已接单', in_progress: '处理中', closed: '已结案' }

/** Accepts the English status or its Chinese label (for the CLI and staff). */
export function parseStatus(s: string): Status | undefined {
  const t = s.trim()
  if ((STATUSES as readonly string[]).includes(t)) return t as Status
  const hit = (Object.entries(STATUS_LABELS) as [Status, string][]).find(([, label]) => label === t)
  return hit?.[0]
}
