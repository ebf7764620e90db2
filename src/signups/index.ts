// Activities and sign-ups (接龙 done right): hosts announce, residents sign up the ways they already do,
// a worker applies every change atomically, and the bot replies with one summary per few seconds.
import type { Capability } from '../core/capability.ts'
import { announceRoute, draftRoute } from './handlers/announce.ts'
import { hostRoute } from './handlers/host.ts'
import { observer } from './handlers/observe.ts'
import { residentRoute } from './handlers/resident.ts'
import { SignupService } from './service.ts'
import type { SignupSettings } from './settings.ts'



/** Builds the capability; a clock and setting overrides (on top of config) are injectable for tests and the sandbox. */
export function createSignups(opts: { now?: () => number; settings?: Partial<SignupSettings> } = {}): Capability & { service?: SignupService } {
  const cap: Capability & { service?: SignupService } = {
    name: 'signups',
    register(app) {
      const svc = new SignupService(app, opts.now, opts.settings)
      cap.service = svc
      const observe = observer(svc)
      app.route({
        name: 'signups.observe',
        // Runs before every other route and never claims the message: it only takes notes.
        priority: -1000,
        match: async (ctx) => {
          try {
            return await observe(ctx)
          } catch (err) {
            // Note-taking must never turn ordinary chat into an error reply.
            ctx.log.warn({ err }, 'signups: observer failed')
            return false
          }
        },
        handle: async () => undefined,
      })
      app.route(draftRoute(app, svc))
      app.route(announceRoute(app, svc))
      app.route(hostRoute(app, svc))
      app.route(residentRoute(svc))
    },
  }
  return cap
}

export const signups: Capability = createSignups()
