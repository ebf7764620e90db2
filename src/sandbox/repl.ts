// The interactive sandbox: type as any member of the simulated group, see everything the bot sends.
import { createInterface } from 'node:readline/promises'
import type { SandboxRuntime } from '../main.ts'
import { toAction } from './actions.ts'
import { perform } from './runner.ts'
import { parseLine, ScriptError } from './script.ts'

export async function runRepl(rt: SandboxRuntime): Promise<void> {
  const { config } = rt
  const bot = config.bot.name
  const g = config.groups[0]!
  const out = process.stdout
  out.write(
    [
      '',
      '══════════════════════════════════════════════════════',
      '  微家助手 · 沙盒模式（未配置 WECHATY_PUPPET，不连接真实微信）',
      `  模拟群「${'topic' in g.match ? g.match.topic : g.name}」：机器人 ${bot}，微家主人 ${g.hosts.join('、') || '（无）'}，工作人员 ${g.staff.join('、') || '（无）'}`,
      `  大模型：${rt.app.llm ? rt.app.llm.model : '未配置（离线模式：摘录式回答、规则解析），设置 LLM_API_KEY 等环境变量可接入'}`,
      '  居民第一次发言时自动入群。输入格式：',
      `    王芳: @${bot} 下次家聚会是什么时候？     （群消息，@${bot} 即提及机器人）`,
      `    王芳 -> ${bot}: 我想咨询一下            （私聊机器人）`,
      '    +赵敏                                   （新成员入群）',
      '    /help 查看帮助，/quit 退出',
      '══════════════════════════════════════════════════════',
      '',
    ].join('\n'),
  )
  rt.app.onSent((job) => {
    const a = toAction(job)
    const where = a.kind === 'room' ? `群·${a.to}` : `私聊→${a.to}`
    const at = a.mentions.length ? `${a.mentions.map((m) => `@${m}`).join(' ')} ` : ''
    const file = a.file ? ` [文件 ${a.file}]` : ''
    out.write(`\n[${where}] ${bot}: ${at}${a.text}${file}\n> `)
  })
  const rl = createInterface({ input: process.stdin, output: out, terminal: process.stdin.isTTY })
  // Ctrl-C, a closed terminal or a kill all end the loop, so the caller stops Redis and the queues cleanly.
  const close = () => rl.close()
  rl.on('SIGINT', close)
  process.once('SIGTERM', close)
  process.once('SIGHUP', close)
  rl.setPrompt('> ')
  rl.prompt()
  for await (const line of rl) {
    const cmd = line.trim()
    if (cmd === '/quit' || cmd === '/exit') break
    if (cmd === '/help') {
      out.write(`格式：名字: 文本 ｜ 名字 -> ${bot}: 文本 ｜ +名字 ｜ /wait 2s ｜ /quit\n`)
    } else if (cmd) {
      try {
        const action = parseLine(cmd, 1, bot)
        if (action) await perform(rt.world, action, rt.app)
      } catch (err) {
        if (!(err instanceof ScriptError)) throw err
        out.write(`没看懂这一行。格式：名字: 文本 ｜ 名字 -> ${bot}: 文本 ｜ +名字 ｜ /wait 2s ｜ /help ｜ /quit\n`)
      }
    }
    rl.prompt()
  }
  rl.close()
}
