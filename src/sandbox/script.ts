// The sandbox script language, one action per line:
//   名字: 文本              a group message (@小助手 in the text is a mention of the bot)
//   名字 -> 小助手: 文本     a private message to the bot
//   +名字                   joins the group
//   /wait 2s               pause (ms, s or m)
//   /at 2026-12-01 10:00   (first line only) the script happens then, in the bot's timezone: the clock reads that
//                          moment and runs on, so 「这周六」 names the same day whenever the script is played
//   /idle                  wait until the bot has handled and answered everything so far (a reply that depends
//                          on the bot's previous answer, on a busy machine too)
//   # comment
// A literal \n inside a text is a line break in the message (so a pasted 接龙 list fits on one script line);
// a text of just /voice or /image sends a voice note or a picture instead of text.
export type Media = 'voice' | 'image'
export type Action =
  | { kind: 'say'; name: string; text: string; mentionBot: boolean; media?: Media; line: number }
  | { kind: 'private'; name: string; text: string; media?: Media; line: number }
  | { kind: 'join'; name: string; line: number }
  | { kind: 'wait'; ms: number; line: number }
  | { kind: 'idle'; line: number }
  | { kind: 'at'; year: number; month: number; day: number; hour: number; minute: number; line: number }

export class ScriptError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`)
    this.name = 'ScriptError'
  }
}

const FORMS = '「名字: 文本」「名字 -> 小助手: 文本」「+名字」「/wait 2s」「/idle」「/at 2026-12-01 10:00」或「# 注释」'

export function parseLine(raw: string, line: number, botName: string): Action | undefined {
  const text = raw.trim()
  if (!text || text.startsWith('#')) return undefined
  if (text === '/idle') return { kind: 'idle', line }
  if (text.startsWith('/at')) {
    const m = /^\/at\s+(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/.exec(text)
    const [year, month, day, hour, minute] = (m?.slice(1) ?? []).map(Number) as number[]
    if (!m || month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59) {
      throw new ScriptError(line, `expected "/at 2026-12-01 10:00" (a date and a 24-hour time), got "${text}"`)
    }
    return { kind: 'at', year: year!, month: month!, day: day!, hour: hour!, minute: minute!, line }
  }
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
    return { kind: 'private', name: dm[1]!.trim(), ...body(dm[3]!), line }
  }
  const say = /^([^:：\s][^:：]*?)\s*[:：]\s*([\s\S]+)$/.exec(text)
  if (!say) throw new ScriptError(line, `cannot read "${text}"; expected ${FORMS}`)
  const b = body(say[2]!)
  const mentionBot = say[2]!.includes(`@${botName}`)
  return { kind: 'say', name: say[1]!.trim(), ...b, mentionBot, line }
}

/** The message a script text stands for: \n as line breaks, /voice and /image as media. */
function body(raw: string): { text: string; media?: Media } {
  const text = raw.trim()
  const media = /^\/(voice|image)(?:\s+(.*))?$/u.exec(text.replace(/@\S+\s*/u, ''))
  if (media) return { text: '', media: media[1] as Media }
  return { text: text.replace(/\\n/gu, '\n') }
}

export function parseScript(source: string, botName: string): Action[] {
  const actions: Action[] = []
  source.split(/\r?\n/).forEach((raw, i) => {
    const a = parseLine(raw, i + 1, botName)
    if (a?.kind === 'at' && actions.length) throw new ScriptError(a.line, '"/at" goes before the first action: a script happens at one moment')
    if (a) actions.push(a)
  })
  return actions
}
