// Routing is data: capabilities add routes; the first matching route wins. Routes run in named bands, in this
// order; within a band, in registration order (so the order of capabilities in capabilities.ts matters).
import type { Context, Route } from './capability.ts'

/**
 * safety: someone may be in danger or exposed (emergency numbers, personal data posted in a group).
 * observe: reserved for routes that only watch; observers are middleware (app.use) and never claim a message.
 * command: explicit commands and answers to the bot's own questions (confirmations, drafts).
 * conversation: free text read by the understanding (sign-ups, help requests, consent flows).
 * fallback: what answers anything left (Q&A on the documents).
 */
export const BANDS = ['safety', 'observe', 'command', 'conversation', 'fallback'] as const
export type Band = (typeof BANDS)[number]

/** The band of a route; an old numeric priority is read as the band it used to sit in. */
export function bandOf(route: Pick<Route, 'band' | 'priority'>): Band {
  if (route.band) return route.band
  const p = route.priority
  if (p === undefined) return 'conversation'
  if (p <= 2) return 'safety'
  if (p < 20) return 'command'
  if (p < 80) return 'conversation'
  return 'fallback'
}

export class Router {
  private routes: Route[] = []

  add(route: Route): void {
    if (this.routes.some((r) => r.name === route.name)) throw new Error(`route "${route.name}" registered twice`)
    this.routes.push(route)
    // Array.prototype.sort is stable, so routes of one band keep registration order.
    this.routes.sort((a, b) => BANDS.indexOf(bandOf(a)) - BANDS.indexOf(bandOf(b)))
  }

  async resolve(ctx: Context): Promise<Route | undefined> {
    for (const route of this.routes) {
      if (await route.match(ctx)) return route
    }
    return undefined
  }

  list(): readonly Route[] {
    return this.routes
  }
}
