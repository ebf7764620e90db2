// Hosts announce activities: by command (发布活动 …) or in natural Chinese when the bot is mentioned.
// Uncertain drafts wait per host until confirmed (确认) or fixed (a new announcement, or just a new time).
import type { App, Context, Route } from '../../core/capability.ts'
import { UserError } from '../../core/errors.ts'
import { UNDERSTOOD } from '../../core/understanding.ts'
import type { Conversation } from '../../core/message.ts'
import { groupById } from '../../config.ts'
import { parseDateTime } from '../../core/zh/date.ts'
import { applyTime, type Draft, draftFrom, llmSpans, ruleSpans } from '../announce.ts'
import type { SignupService } from '../service.ts'
import { ANNOUNCE_WORDS, isConfirmation, normalize, parseResident } from '../parse.ts'
import { texts } from '../texts.ts'
import { groupIdOf } from './state.ts'

interface PendingDraft {
  draft: Draft
  to: Conversation
  at: number
  /** Room the draft was discussed in, so a plain 「确认」 there (without @) counts for a while. */
  roomId?: string
}

const QUESTION = /[？?]|吗|么$|呢$|几点|什么时候|哪里|在哪/u
const ANNOUNCE_CUE = /活动|限\s*\d+\s*人|名额|报名|截止|举办|举行|开展|组织|讲座|课/u
/** A plain 「确认」 in the group (without @) counts this long after the draft was shown. */
const PLAIN_CONFIRM_MS = 10 * 60_000

export function looksLikeAnnouncement(text: string, now: Date, tz: string): boolean {
  if (QUESTION.test(text) || parseResident(text)) return false
  const t = parseDateTime(text, now, tz)
  return !!t && ANNOUNCE_CUE.test(text)
}

export function announceRoute(app: App, svc: SignupService): Route {
  return {
    name: 'signups.announce',
    priority: 10,
    // Residents match too, so they are told who can announce (the pipeline refuses them).
    roles: ['host', 'staff'],
    match(ctx) {
      const text = normalize(ctx.msg.text)
      // 「修改活动1 时间 …」 is an edit of activity 1, not a new activity titled 「修改活动1」.
      if (ctx.get(UNDERSTOOD)?.intent === 'host.edit') return false
      if (ANNOUNCE_WORDS.test(text)) return true
      const addressed = ctx.msg.mentioned || ctx.msg.conversation.kind === 'private'
      return addressed && looksLikeAnnouncement(text, new Date(svc.now()), svc.tz)
    },
    handle: (ctx) => announce(app, svc, ctx),
  }
}

export function draftRoute(app: App, svc: SignupService): Route {
  return {
    name: 'signups.draft',
    priority: 9,
    roles: ['host', 'staff'],
    async match(ctx) {
      const groupId = groupIdOf(ctx)
      if (ctx.msg.role === 'resident' || !groupId) return false
      const text = normalize(ctx.msg.text)
      if (!isConfirmation(text) && !timeOnly(text, new Date(svc.now()), svc.tz)) return false
      const pending = await svc.store.draft<PendingDraft>(groupId, ctx.msg.sender.id)
      if (!pending) return false
      const addressed = ctx.msg.mentioned || ctx.msg.conversation.kind === 'private'
      const sameRoom = ctx.msg.conversation.kind === 'room' && pending.roomId === ctx.msg.conversation.roomId
      return addressed || (sameRoom && svc.now() - pending.at < PLAIN_CONFIRM_MS)
    },
    handle: (ctx) => followUp(app, svc, ctx),
  }
}

/** "下午2点", "是周六下午2点": a message that only gives a time. */
function timeOnly(text: string, now: Date, tz: string): boolean {
  const t = parseDateTime(text, now, tz)
  if (!t) return false
  return text.replace(t.match, '').replace(/[是改成为应该的吧哦呢啊开始，,。\s]/gu, '').length === 0
}

async function announce(app: App, svc: SignupService, ctx: Context): Promise<void> {
  const groupId = groupIdOf(ctx)
  const group = groupId ? groupById(app.config, groupId) : undefined
  if (!groupId || !group) throw new UserError(texts.noRoom)
  const now = new Date(svc.now())
  const text = ctx.msg.text
  let spans
  if (app.llm) {
    try {
      spans = await llmSpans(app.llm, text, now, svc.tz)
    } catch (err) {
      ctx.log.warn({ err }, 'signups: LLM extraction failed, using rules')
    }
  }
  spans ??= ruleSpans(text, now, svc.tz)
  const draft = draftFrom(spans, now, svc.tz, { place: group.place })
  const to: Conversation | undefined = ctx.msg.conversation.kind === 'room' ? ctx.msg.conversation : await svc.roomFor(groupId)
  if (!to) throw new UserError(texts.noRoom)
  await decide(svc, ctx, groupId, { draft, to, at: svc.now(), roomId: ctx.msg.conversation.kind === 'room' ? ctx.msg.conversation.roomId : undefined })
}

async function followUp(app: App, svc: SignupService, ctx: Context): Promise<void> {
  const groupId = groupIdOf(ctx)!
  const pending = await svc.store.draft<PendingDraft>(groupId, ctx.msg.sender.id)
  if (!pending) throw new UserError(texts.noDraft)
  const text = normalize(ctx.msg.text)
  const now = new Date(svc.now())
  if (isConfirmation(text)) {
    // Confirming accepts the guesses we asked about; a past time or a missing field still blocks.
    pending.draft.questions = pending.draft.questions.filter((q) => q.blocking)
  } else {
    applyTime(pending.draft, text, now, svc.tz)
    // A new time may have moved the start before the deadline.
    if (pending.draft.deadlineAt && pending.draft.startAt && pending.draft.deadlineAt > pending.draft.startAt) pending.draft.deadlineAt = pending.draft.startAt
  }
  await decide(svc, ctx, groupId, { ...pending, at: svc.now() })
}

/** Publishes a clean draft; otherwise keeps it and asks. */
async function decide(svc: SignupService, ctx: Context, groupId: string, pending: PendingDraft): Promise<void> {
  const { draft } = pending
  if (draft.startAt && draft.startAt <= svc.now() && !draft.questions.some((q) => q.blocking))
    draft.questions.push({ text: `时间：${texts.pastTime(draft.startAt, svc.tz)}`, blocking: true })
  if (draft.questions.length > 0 || !draft.title || !draft.startAt) {
    await svc.store.saveDraft(groupId, ctx.msg.sender.id, pending, svc.settings.draftTtlSec)
    await ctx.reply(texts.draft(draft, svc.tz, draft.questions))
    return
  }
  const a = await svc.publish(
    {
      groupId,
      title: draft.title,
      startAt: draft.startAt,
      place: draft.place ?? '',
      capacity: draft.capacity ?? 0,
      deadlineAt: draft.deadlineAt ?? 0,
      notes: draft.notes ?? '',
      hostId: ctx.msg.sender.id,
      hostName: ctx.msg.sender.name,
    },
    pending.to,
  )
  await svc.store.dropDraft(groupId, ctx.msg.sender.id)
  ctx.log.info({ activityId: a.id, groupId }, 'signups: activity published')
  if (ctx.msg.conversation.kind === 'private') await ctx.reply(texts.publishedPrivately(a))
}
