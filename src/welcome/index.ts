// Welcomes members who join a 微家 group: the group's own text, or a default that says what the bot does.
import type { Capability } from '../core/capability.ts'
import { texts } from '../core/texts.ts'

export const welcome: Capability = {
  name: 'welcome',
  register(app) {
    app.onJoin(async ({ roomId, topic, group, joined }) => {
      if (!group || joined.length === 0) return
      const text = group.welcome?.trim() || texts.defaultWelcome(group.name, app.config.bot.name)
      await app.outbox.send({
        to: { kind: 'room', roomId, topic },
        text,
        mentions: joined,
        // One welcome per person per join, even if the join event is delivered twice.
        key: `welcome:${roomId}:${joined.map((p) => p.id).join(',')}:${Math.floor(Date.now() / 60_000)}`,
        // A group post nobody is waiting on: after replies to people.
        priority: 'summary',
      })
    })
  },
}
