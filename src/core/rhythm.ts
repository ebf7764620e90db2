// The group's own rhythm events (家接待, 家聚会…) as its reminders schedule them. The reminders capability puts a
// reader on the context; whoever answers "这周有啥活动" (the sign-ups) lists them beside the open activities, and
// neither capability imports the other (without reminders the reader is simply absent).
import { contextKey } from './capability.ts'

export interface RhythmEvent {
  /** 家接待, 家聚会, 家活动 or 家宴会. */
  what: string
  /** When its reminder goes out (epoch ms). */
  at: number
}

/** The group's rhythm events in (from, to], soonest first, each once. */
export const RHYTHM_EVENTS = contextKey<(from: number, to: number) => Promise<RhythmEvent[]>>('situation.rhythmEvents')
