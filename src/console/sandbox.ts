// The newcomer path: `npm start` in the sandbox also serves the console, seeds a sample activity and help
// request through the real bot (as chat messages, once per Redis namespace), and prints ready login links
// for the sandbox's host and staff member, so both sides can be seen at once.
import type { SandboxRuntime } from '../main.ts'
import { perform, waitIdle } from '../sandbox/runner.ts'
import { parseLine } from '../sandbox/script.ts'

const SEED = (bot: string, host: string) => [
  `${host}: @${bot} 发布活动 下周六下午2点 亲子阅读 微家活动室 限2人`,
  '/wait 300ms',
  '王芳: 报名',
  '张丽: 报名',
  '赵敏: 报名',
  '/wait 4s',
  `赵敏 -> ${bot}: 我想咨询一下离婚后孩子抚养费的问题，可以找人帮忙吗`,
  '/wait 500ms',
  `赵敏 -> ${bot}: 同意`,
  '/wait 500ms',
  `赵敏 -> ${bot}: 微信联系就行`,
]

export async function sandboxConsole(rt: SandboxRuntime): Promise<string[]> {
  const web = rt.console
  if (!web) return ['  控制台未启动（config 的 console.enabled 为 false，或端口被占用，见日志）']
  const { config, world } = rt
  const g = config.groups[0]!
  const seededKey = [config.redis.prefix, 'console', 'sandbox-seeded'].join(':')
  if (g.hosts[0] && (await rt.redis.set(seededKey, '1', 'NX')) === 'OK') {
    for (const line of SEED(config.bot.name, g.hosts[0])) {
      const action = parseLine(line, 0, config.bot.name)
      if (action) await perform(world, action, rt.app)
    }
    await waitIdle(rt.app, 30_000)
  }
  const lines = [`  控制台：${web.url}/console/`]
  for (const [label, name] of [['微家主人', g.hosts[0]], ['工作人员', g.staff[0]]] as const) {
    if (!name) continue
    const contact = world.person(name)
    const link = await web.linkFor({ id: contact.id, name })
    if (link) lines.push(`  ${label}「${name}」的登录链接（10分钟内有效，一次性）：${link}`)
  }
  lines.push(`  以后在模拟私聊里发「控制台」也能拿到链接，例如：${g.staff[0] ?? g.hosts[0]} -> ${config.bot.name}: 控制台`)
  return lines
}
