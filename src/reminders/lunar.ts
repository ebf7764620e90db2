// Chinese lunar dates through ICU's Chinese calendar (Intl 'zh-u-ca-chinese'; Node ships full ICU).
const formatters = new Map<string, Intl.DateTimeFormat>()

export interface LunarDate {
  month: number // 1-12
  leap: boolean
  day: number // 1-30
}

/** Is ICU's Chinese calendar available in this runtime? (Node with small-icu would not have it.) */
export const lunarSupported = (() => {
  try {
    const parts = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).formatToParts(new Date(Date.UTC(2025, 0, 19, 4)))
    // 2025-01-19 is 腊月二十.
    return parts.find((p) => p.type === 'month')?.value === '12' && parts.find((p) => p.type === 'day')?.value === '20'
  } catch {
    return false
  }
})()

export function lunarDate(at: number, tz: string): LunarDate {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: tz, month: 'numeric', day: 'numeric' })
    formatters.set(tz, f)
  }
  let month = ''
  let day = ''
  for (const p of f.formatToParts(new Date(at))) {
    if (p.type === 'month') month = p.value
    if (p.type === 'day') day = p.value
  }
  // Leap months come out as "6bis".
  return { month: Number.parseInt(month, 10), leap: month.endsWith('bis'), day: Number(day) }
}

/** day 0 means the month's last day (腊月 has 29 or 30 days, so 除夕 is "腊月 day 0"). */
export function isLunarDay(at: number, tz: string, want: { month: number; day: number }): boolean {
  const d = lunarDate(at, tz)
  if (d.leap || d.month !== want.month) return false
  if (want.day > 0) return d.day === want.day
  return d.day >= 29 && lunarDate(at + 86_400_000, tz).day === 1
}

const MONTHS = ['', '正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月']
const DAYS_TENS = ['初', '十', '廿', '三']
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export function lunarName(month: number, day: number): string {
  if (month === 12 && day === 0) return '除夕'
  const m = MONTHS[month] ?? `${month}月`
  if (day === 0) return `${m}最后一天`
  let d: string
  if (day === 10) d = '初十'
  else if (day === 20) d = '二十'
  else if (day === 30) d = '三十'
  else d = `${DAYS_TENS[Math.floor(day / 10)]}${DIGITS[day % 10]}`
  return `${m}${d}`
}
