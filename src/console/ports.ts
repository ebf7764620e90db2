// What the console needs from the rest of the bot, as narrow interfaces. wiring.ts binds them to the
// services the chat commands use, so the console never holds a second copy of case, roster or reminder logic.
import type { Person } from '../core/message.ts'

/** Who is signed in. Grants are group ids; they come from the config when the login link is made. */
export interface Principal {
  person: Person
  /** The role the link was made for (shown in the header); grants below decide every check. */
  role: 'operator' | 'supervisor' | 'staff' | 'host'
  hostOf: string[]
  staffOf: string[]
  supervisorOf: string[]
}

/** The outcome of an action taken for a signed-in person: what the chat command would have replied. */
export type ActionResult = { ok: true; message: string } | { ok: false; message: string }

export type InboxStatus = 'new' | 'accepted' | 'escalated' | 'closed'

/** A case as lists show it: no resident name, words, contact or notes. */
export interface CaseSummary {
  id: string
  groupId: string
  groupName: string
  category: string
  urgency: string
  status: InboxStatus
  createdAt: number
  assigneeName?: string
  /** Epoch ms of the next escalation, for new cases that will still escalate. */
  escalatesAt?: number
}

export interface CaseDetail extends CaseSummary {
  residentName: string
  description: string
  contact?: string
  consentBasis: string
  source: string
  closedAt?: number
  result?: string
  notes: { at: number; by: string; text: string }[]
  audit: { at: number; by: string; action: string; detail?: string }[]
  /** Staff the case may be reassigned to (config references). */
  reassignTo: string[]
}

export interface CaseInbox {
  /** Cases this person may act on, oldest first. */
  list(who: Principal, filter: { status?: InboxStatus; groupId?: string; category?: string; urgency?: string }): Promise<CaseSummary[]>
  /** undefined: no such case, or not this person's to see. Every call is a view written to the audit trail. */
  open(who: Principal, id: string): Promise<CaseDetail | undefined>
  accept(who: Principal, id: string): Promise<ActionResult>
  note(who: Principal, id: string, text: string): Promise<ActionResult>
  reassign(who: Principal, id: string, to: string): Promise<ActionResult>
  close(who: Principal, id: string, result: string): Promise<ActionResult>
  /** Opened and closed per ISO week and category (for the dashboard). */
  weekly(weeks: number): Promise<{ week: string; category: string; opened: number; closed: number }[]>
}

export interface RosterLine {
  name: string
  /** Who signed this person up, when it was someone else. */
  by?: string
  at: number
}

export interface ActivityView {
  id: number
  groupId: string
  groupName: string
  title: string
  startAt: number
  whenText: string
  place: string
  capacity: number
  deadlineAt: number
  status: 'open' | 'closed' | 'cancelled'
  confirmed: RosterLine[]
  waitlist: RosterLine[]
}

export type ActivityAction = 'close' | 'reopen' | 'cancel'

export interface Activities {
  /** Live and recent activities of the groups this person manages. */
  list(who: Principal): Promise<ActivityView[]>
  /** undefined: no such activity, or one of another group. */
  get(who: Principal, id: number): Promise<ActivityView | undefined>
  /** Changes time / place / capacity as the chat command 「修改活动N …」 would, group notices included. */
  edit(who: Principal, id: number, field: 'time' | 'place' | 'capacity', value: string): Promise<ActionResult>
  act(who: Principal, id: number, action: ActivityAction): Promise<ActionResult>
  export(who: Principal, id: number, format: 'csv' | 'xlsx'): Promise<{ name: string; type: string; body: Buffer } | undefined>
  /** Sign-ups per activity, for the dashboard (every group). */
  counts(): Promise<{ id: number; title: string; groupName: string; confirmed: number; waiting: number }[]>
}

export interface ReminderView {
  id: string
  groupId: string
  groupName: string
  ref: string
  label: string
  description: string
  source: 'config' | 'chat'
  paused: boolean
  next: string[]
}

export interface Reminders {
  list(who: Principal): Promise<ReminderView[]>
  /** The preview the chat shows before 「确认」; the draft is kept for save(). */
  preview(who: Principal, groupId: string, text: string): Promise<ActionResult>
  save(who: Principal, groupId: string): Promise<ActionResult>
  discard(who: Principal, groupId: string): Promise<ActionResult>
  set(who: Principal, id: string, action: 'pause' | 'resume' | 'delete'): Promise<ActionResult>
}

export interface KnowledgeDoc {
  path: string
  title?: string
  chunks?: number
  bytes: number
  /** On disk but not in the index (added since the last ingest, or failed). */
  indexed: boolean
  error?: string
}

export interface IngestProgress {
  running: boolean
  phase?: string
  done: number
  total: number
  startedAt?: number
  finishedAt?: number
  summary?: { files: number; chunks: number; added: number; updated: number; removed: number; failed: number; ms: number }
  error?: string
}

export interface TryResult {
  question: string
  answer: string
  grounded: boolean
  coverage: number
  similarity: number
  sources: { title: string; heading: string; doc: string; score: number; text: string }[]
}

export interface EvalFigures {
  at: number
  items: number
  figures: Record<string, number>
}

/** The last ingest, whichever process ran it (the bot at start-up, or a console's re-ingest). */
export interface LastIngest {
  at: number
  source: 'start-up' | 'console'
  /** Files that could not be read (each also shown on its document's row). */
  failed: number
  /** The whole ingest failed. */
  error?: string
}

export interface Knowledge {
  documents(): Promise<{ docs: KnowledgeDoc[]; builtAt?: string; embedder?: string; lastIngest?: LastIngest }>
  upload(name: string, body: Buffer): Promise<ActionResult>
  remove(path: string): Promise<ActionResult>
  /** Starts an ingest in the background (one at a time). */
  reingest(): Promise<ActionResult>
  progress(): IngestProgress
  ask(question: string): Promise<TryResult>
  evaluate(): Promise<EvalFigures | undefined>
  lastEval(): Promise<EvalFigures | undefined>
}

export interface BotState {
  state: 'online' | 'scan' | 'offline' | 'unknown'
  user?: string
  since?: number
  /** The code to show as a QR image while waiting for a scan. */
  qr?: string
  /** Wechaty's ScanStatus: 2 waiting, 3 scanned (confirm on the phone), 5 timed out. */
  qrStatus?: number
  updatedAt?: number
}

/** The login state as the chat adapter reports it (written to Redis, so a separate console process reads it too). */
export interface BotStatus {
  read(): Promise<BotState>
}

export interface Traffic {
  /** Messages handled and sent per hour over the last `hours` hours (oldest first). */
  hourly(hours: number): Promise<{ hour: number; received: number; sent: number }[]>
  /** Sends per minute, averaged over the last ten minutes. */
  sentPerMinute(): Promise<number>
  /** Jobs waiting to be sent (outbox and urgent outbox: waiting, delayed, active). */
  outboxBacklog(): Promise<number>
}

export interface LoginLinks {
  /** A one-time link for this person (undefined: not a configured staff member, host or supervisor). */
  create(person: Person): Promise<string | undefined>
  /** Looks a token up without using it (the confirmation page). */
  peek(token: string): Promise<Principal | undefined>
  /** Uses the token: it works once. */
  consume(token: string): Promise<Principal | undefined>
}
