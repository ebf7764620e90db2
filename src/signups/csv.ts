// Roster → CSV (RFC 4180 quoting). The file sent in WeChat starts with a BOM so Excel reads the Chinese right.
import { formatDateTime } from '../core/zh/format.ts'
import type { Activity, Roster } from './store.ts'
import { CSV_HEADER } from './texts.ts'

const cell = (v: string | number) => {
  const s = String(v)
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s
}

export function rosterCsv(a: Activity, r: Roster, tz: string, opts: { bom?: boolean } = {}): string {
  const rows: (string | number)[][] = [CSV_HEADER]
  r.confirmed.forEach((e, i) => rows.push([i + 1, e.name, '已报名', e.byName, e.at ? formatDateTime(new Date(e.at), tz) : '']))
  r.waitlist.forEach((e, i) => rows.push([i + 1, e.name, `候补${i + 1}`, e.byName, e.at ? formatDateTime(new Date(e.at), tz) : '']))
  const body = rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
  return (opts.bom ? '\uFEFF' : '') + body
}

