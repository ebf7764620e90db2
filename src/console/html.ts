// Server-rendered HTML: a tagged template that escapes every interpolated value unless it is already Html.
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escape = (s: string) => s.replace(/[&<>"']/gu, (c) => ESC[c]!)

type Value = Html | string | number | boolean | undefined | null | Value[]

const render = (v: Value): string => {
  if (v === undefined || v === null || v === false) return ''
  if (Array.isArray(v)) return v.map(render).join('')
  if (v instanceof Html) return v.value
  return escape(String(v))
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!))
  return new Html(out)
}

/** JSON for a <script type="application/json"> block: "<" escaped so it cannot close the tag. */
export const jsonBlock = (data: unknown) => new Html(JSON.stringify(data).replace(/</gu, '\\u003c'))
