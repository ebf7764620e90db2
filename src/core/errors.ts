// Errors as control flow where it matters.

/** A mistake the user can fix: its message is safe to show them as-is (e.g. the right form of a command). */
export class UserError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage)
    this.name = 'UserError'
  }
}

export function correlationId(): string {
  // Short enough to read out over the phone, unique enough for a day's logs.
  return Math.random().toString(36).slice(2, 8).toUpperCase()
}
