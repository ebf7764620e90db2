// The sandbox script language, one action per line:
//   名字: 文本              a group message (@小助手 in the text is a mention of the bot)
//   名字 -> 小助手: 文本     a private message to the bot
//   +名字                   joins the group
//   /wait 2s               pause (ms, s or m)
//   # comment
export type Action =
  | { kind: 'say'; name: string; text: string; mentionBot: boolean; line: number }
  | { kind: 'private'; name: string; text: string; line: number }
  | { kind: 'join'; name: string; line: number }
  | { kind: 'wait'; ms: number; line: number }

export class ScriptError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`)
    this.name = 'ScriptError'
  }
}

const FORMS = '「名字: 文本」「名字 -> 小助手: 文本」「+名字」「/wait 2s」或「# 注释」'

export function parseLine(raw: string, line: number, botName: string): Action | undefined {
  const text = raw.trim()
  if (!text || text.startsWith('#')) return undefined
  if (text.startsWith('/wait')) {
    const m = /^\/wait\s+(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text)
    if (!m) throw new ScriptError(line, `expected "/wait 2s" (ms, s or m), got "${text}"`)
    const n = Number(m[1])
    const unit = m[2] ?? 's'
    return { kind: 'wait', ms: Math.round(n * (unit === 'ms' ? 1 : unit === 'm' ? 60_000 : 1000)), line }
  }
  if (text.startsWith('+')) {
    const name = text.slice(1).trim()
    if (!name) throw new ScriptError(line, 'expected "+名字"')
    return { kind: 'join', name, line }
  }
  const dm = /^(.+?)\s*->\s*(.+?)\s*[:：]\s*([\s\S]+)$/.exec(text)
  if (dm) {
    if (dm[2] !== botName) throw new ScriptError(line, `private messages go to the bot: "名字 -> ${botName}: 文本"`)
    return { kind: 'private', name: dm[1]!.trim(), text: dm[3]!.trim(), line }
  }
  const say = /^([^:：\s][^:：]*?)\s*[:：]\s*([\s\S]+)$/.exec(text)
  if (!say) throw new ScriptError(line, `cannot read "${text}"; expected ${FORMS}`)
  const mention = `@${botName}`
  const body = say[2]!.trim()
  const mentionBot = body.includes(mention)
  return { kind: 'say', name: say[1]!.trim(), text: body, mentionBot, line }
}

export function parseScript(source: string, botName: string): Action[] {
  const actions: Action[] = []
  source.split(/\r?\n/).forEach((raw, i) => {
    const a = parseLine(raw, i + 1, botName)
    if (a) actions.push(a)
  })
  return actions
}
