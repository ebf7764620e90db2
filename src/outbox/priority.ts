// Priority classes of the outbox. Urgent messages have a queue of their own (see adapters/bullmq/outbox.ts);
// the others share one queue, where BullMQ serves a lower number first and keeps FIFO within a number.
import type { OutgoingMessage, SendPriority } from '../core/message.ts'

export const PRIORITIES: readonly SendPriority[] = ['urgent', 'reply', 'summary', 'reminder']

export function priorityOf(out: Pick<OutgoingMessage, 'urgent' | 'priority'>): SendPriority {
  return out.urgent ? 'urgent' : (out.priority ?? 'reply')
}

/** BullMQ job priority (1 = served first). Every class gets one: BullMQ serves jobs without a priority before all others. */
export const queuePriority = (p: SendPriority): number => PRIORITIES.indexOf(p) + 1
