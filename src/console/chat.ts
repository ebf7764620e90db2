// 「控制台」 in private chat: a configured staff member, host or supervisor gets a one-time login link;
// anyone else a polite no. A capability like the others: it only registers a route.
import type { Capability } from '../core/capability.ts'
import { LINK_TTL_SEC, loginLinks } from './auth.ts'
import { consoleBaseUrl } from './settings.ts'
import { consoleTexts as T } from './texts.ts'

const ASK = /^(控制台|登录控制台|后台|管理后台|控制台登录)$/u
const strip = (t: string) => t.trim().replace(/[。．.!！~～，,\s「」“”"']/gu, '')

export function createConsoleLink(): Capability {
  return {
    name: 'console',
    register(app) {
      app.route({
        name: 'console.link',
        band: 'command',
        match: (ctx) => ctx.msg.kind === 'text' && ASK.test(strip(ctx.msg.text)),
        async handle(ctx) {
          if (ctx.msg.conversation.kind !== 'private') return ctx.reply(T.privateOnly)
          if (!app.config.console.enabled) return ctx.reply(T.disabled)
          // The running console says where it listens (it may be another process, or a port chosen at start).
          const base = (await app.redis.get(app.key('console', 'url'))) ?? consoleBaseUrl(app.config)
          const links = loginLinks(app.redis, app.key, app.config, base)
          const url = await links.create(ctx.msg.sender)
          if (!url) {
            ctx.log.info('console link refused: not a configured staff member, host or supervisor')
            return ctx.reply(T.notForYou)
          }
          ctx.log.info('console login link sent')
          // Sensitive: the link is a credential, so the outbox does not keep the text once sent.
          await ctx.whisper(T.link(url, LINK_TTL_SEC / 60), { sensitive: true })
        },
      })
    },
  }
}

export const consoleLink: Capability = createConsoleLink()
