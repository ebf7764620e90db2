// The help categories and urgency levels staff work with; the labels are what staff and residents see.
export const CATEGORIES = ['法律维权', '家庭暴力', '婚姻家庭纠纷', '心理支持', '就业创业', '困难帮扶', '健康（两癌筛查等）', '儿童与家庭教育', '其他'] as const
export type Category = (typeof CATEGORIES)[number]

export const URGENCIES = ['紧急', '一般'] as const
export type Urgency = (typeof URGENCIES)[number]

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
