// A script can say when it happens (`/at 2026-12-01 10:00`): while it plays, this process's clock reads that
// moment and runs on from it. 「这周六」 and 「明天下午」 then mean the same days whenever the script is played, so a
// conversation test written on a Tuesday still holds on a Sunday a year later.
//
// Only Date moves: timers, performance.now and Redis keep real time, and everything the bot stores is keyed or
// scheduled by Date.now (relative TTLs, BullMQ's client-side timestamps), so the run stays consistent with itself.
// The Proxy keeps `instanceof Date` true for dates made before the shift, which a subclass would not.

/** Makes `new Date()` and `Date.now()` read `at` now and run on from there; returns the undo. */
export function shiftClock(at: number): () => void {
  const RealDate = globalThis.Date
  const realNow = RealDate.now
  const offset = at - realNow.call(RealDate)
  const now = (): number => realNow.call(RealDate) + offset
  RealDate.now = now
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args: unknown[], newTarget) {
      return args.length === 0 ? Reflect.construct(target, [now()], newTarget) : Reflect.construct(target, args, newTarget)
    },
  })
  return () => {
    RealDate.now = realNow
    globalThis.Date = RealDate
  }
}
