// Routing is data: capabilities add routes; the first matching route (by priority, then registration order) wins.
import type { Context, Route } from './capability.ts'

export class Router {
  private routes: Route[] = []

  add(route: Route): void {
    if (this.routes.some((r) => r.name === route.name)) throw new Error(`route "${route.name}" registered twice`)
    this.routes.push(route)
    // Array.prototype.sort is stable, so equal priorities keep registration order.
    this.routes.sort((a, b) => (a.priority ?? 50) - (b.priority ?? 50))
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
