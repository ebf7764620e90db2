// Roster → CSV (RFC 4180 quoting). Every CSV starts with a UTF-8 BOM so Excel reads the Chinese right
// (the file sent in WeChat and the CLI export alike: both end up opened in Excel).
import { formatDateTime } from '../core/zh/format.ts'
import type { Activity, Roster } from './store.ts'
import { CSV_HEADER } from './texts.ts'

export const BOM = '\uFEFF'

// Names and notes come from residents. Excel and LibreOffice read a cell starting with = + - @ (or a tab or
// CR, which they skip) as a formula, so such a cell gets a leading ' (OWASP's CSV injection advice).
const FORMULA_START = /^[=+\-@\t\r]/u

export const csvCell = (v: string | number): string => {
  let s = String(v)
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s
}

export function rosterCsv(a: Activity, r: Roster, tz: string, opts: { bom?: boolean } = {}): string {
  const rows: (string | number)[][] = [CSV_HEADER]
  r.confirmed.forEach((e, i) => rows.push([i + 1, e.name, '已报名', e.byName, e.at ? formatDateTime(new Date(e.at), tz) : '']))
  r.waitlist.forEach((e, i) => rows.push([i + 1, e.name, `候补${i + 1}`, e.byName, e.at ? formatDateTime(new Date(e.at), tz) : '']))
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
  return (opts.bom === false ? '' : BOM) + body
}
