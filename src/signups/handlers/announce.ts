// Hosts announce activities: by command (发布活动 …) or in natural Chinese when the bot is mentioned.
// Uncertain drafts wait per host until confirmed (确认) or fixed (a new announcement, or just a new time).
import type { App, Context, JobQueue, Route } from '../../core/capability.ts'
import { UserError } from '../../core/errors.ts'
import { UNDERSTOOD } from '../../core/understanding.ts'
import { type Conversation, conversationSchema, personSchema } from '../../core/message.ts'
import { z } from 'zod'
import { groupById } from '../../config.ts'
import { parseDateTime } from '../../core/zh/date.ts'
import { applyTime, type Draft, draftFrom, llmSpans, mergeDetails, placesByFamily, ruleSpans } from '../announce.ts'
import { limitLlm } from '../../core/llm-deadline.ts'
import type { SignupService } from '../service.ts'
import { ANNOUNCE_WORDS, isConfirmation, nameKey, normalize, parseHostCommand, parseResident } from '../parse.ts'
import { cancelActivity, slotTime } from './host.ts'
import { settledTime } from '../edit-time.ts'
import { texts } from '../texts.ts'
import type { Slots } from '../../nlu/types.ts'
import { ASKS_FOR_IDEAS } from '../../nlu/host.ts'
import { addsToNotice } from '../../nlu/notice-detail.ts'
import { normalize as normalizeMeaning } from '../../nlu/text.ts'
import { groupIdOf } from './state.ts'

interface PendingDraft {
  draft: Draft
  /** Announced in prose without addressing the bot: published only on 「确认」, even when nothing is unclear. */
  needsConfirm?: boolean
  to: Conversation
  at: number
  /** Room the draft was discussed in, so a plain 「确认」 there (without @) counts for a while. */
  roomId?: string
  /** The announcement as the host wrote it: how places count ("限5组家庭") is read from it when published. */
  source?: string
  /** When the preview of details she added is due (one preview for several lines sent in a row). */
  previewDue?: number
}

/** The preview of a draft shown once after the details added in a row (see addDetails). */
const previewSchema = z.object({ groupId: z.string(), hostId: z.string(), due: z.number(), to: conversationSchema, host: personSchema })
type PreviewJob = z.infer<typeof previewSchema>
const PREVIEW_QUEUE = 'signups-draft-preview'

/**
 * A line that adds details to her notice ("限10组家庭", "不收费，大家带一本绘本来"): not a refusal, even when it opens
 * with 不, nor a change of its time or place (said with 改成, 写错了…: a correction, shown again at once).
 */
const addsDetails = (text: string) => addsToNotice(text) && !/改成|改到|改为|换成|写错|弄错|搞错|应该是|不是.{1,12}是/u.test(text)

const QUESTION = /[？?]|吗|么$|呢$|几点|什么时候|哪里|在哪/u
const ANNOUNCE_CUE = /活动|限\s*\d+\s*人|名额|报名|截止|举办|举行|开展|组织|讲座|课/u
/** A plain 「确认」 in the group (without @) counts this long after the draft was shown. */
const PLAIN_CONFIRM_MS = 10 * 60_000

export function looksLikeAnnouncement(text: string, now: Date, tz: string): boolean {
  // "资料里有什么现成的可以参考": a host asking for ideas; its 三八节 reads as 3月8日 and made a draft.
  if (QUESTION.test(text) || ASKS_FOR_IDEAS.test(normalizeMeaning(text)) || parseResident(text)) return false
  const t = parseDateTime(text, now, tz)
  return !!t && ANNOUNCE_CUE.test(text)
}

export function announceRoute(app: App, svc: SignupService): Route {
  return {
    name: 'signups.announce',
    band: 'command',
    // Residents match too, so they are told who can announce (the pipeline refuses them).
    roles: ['host', 'staff'],
    match(ctx) {
      const text = normalize(ctx.msg.text)
      const u = ctx.get(UNDERSTOOD)
      // 「修改活动1 时间 …」 is an edit of activity 1, not a new activity titled 「修改活动1」.
      if (u?.intent === 'host.edit' || parseHostCommand(text)) return false
      if (ANNOUNCE_WORDS.test(text)) return true
      if (u?.intent === 'host.announce') return true
      // The rules below are the older reading: they never overrule another meaning the understanding found.
      if (u && u.intent !== 'chatter' && u.intent !== 'qa.question') return false
      // Nor do they make a resident's question with a time in it ("那个四点半课堂收钱不") an announcement she is refused:
      // only the announce words themselves get her the refusal.
      if (ctx.msg.role === 'resident') return false
      const addressed = ctx.msg.mentioned || ctx.msg.conversation.kind === 'private'
      return addressed && looksLikeAnnouncement(text, new Date(svc.now()), svc.tz)
    },
    handle: (ctx) => announce(app, svc, ctx),
  }
}

const ANSWERS: ReadonlySet<string> = new Set(['confirm.yes', 'confirm.no', 'correction'])
/** A host's answer about how a parent-child activity counts places. */
/**
 * Her answer to "按人还是按家庭算名额": the rule said in a reply, not a new announcement that mentions 每人 ("发布活动 …
 * 材料费每人10元" is the next activity).
 */
const answersCountRule = (ctx: Context, text: string) =>
  COUNT_RULE.test(text) && ctx.get(UNDERSTOOD)?.intent !== 'host.announce' && !/发布活动|限\s*\d|接龙|报名截止/u.test(text)
const COUNT_RULE = /按(?:家庭|户|家)|一家|一个家庭|一户|算一个|不另|孩子不算|按人|每人|各算|孩子(?:也|要)算|算两个/u
const familyRule = (t: string) => (/按人|每人|各算|孩子(?:也|要)算|算两个/u.test(t) ? 'person' : 'family')

export function draftRoute(app: App, svc: SignupService): Route {
  const previews = app.jobs.define({ name: PREVIEW_QUEUE, schema: previewSchema, attempts: 3, process: (job) => showPreview(app, svc, job) })
  return {
    name: 'signups.draft',
    band: 'command',
    roles: ['host', 'staff'],
    async match(ctx) {
      const groupId = groupIdOf(ctx)
      if (ctx.msg.role === 'resident' || !groupId) return false
      const text = normalize(ctx.msg.text)
      const answer = ANSWERS.has(ctx.get(UNDERSTOOD)?.intent ?? '') || isConfirmation(text)
      const asked = await svc.pending.get(groupId, ctx.msg.sender.id)
      if ((asked?.kind === 'confirm_cancel' || asked?.kind === 'confirm_remove') && answer) return true
      if (asked?.kind === 'count_rule' && answersCountRule(ctx, text)) return true
      if (!answer && !addsDetails(text) && !timeOnly(text, new Date(svc.now()), svc.tz)) return false
      const pending = await svc.store.draft<PendingDraft>(groupId, ctx.msg.sender.id)
      if (!pending) return false
      const addressed = ctx.msg.mentioned || ctx.msg.conversation.kind === 'private'
      const sameRoom = ctx.msg.conversation.kind === 'room' && pending.roomId === ctx.msg.conversation.roomId
      return addressed || (sameRoom && svc.now() - pending.at < PLAIN_CONFIRM_MS)
    },
    handle: (ctx) => answerHost(app, svc, ctx, previews),
  }
}

/** The draft as it stands once she has stopped adding details; nothing if it was confirmed or dropped meanwhile. */
async function showPreview(app: App, svc: SignupService, job: PreviewJob): Promise<void> {
  const pending = await svc.store.draft<PendingDraft>(job.groupId, job.hostId)
  if (!pending || pending.previewDue !== job.due) return
  const { draft } = pending
  await app.outbox.send({
    to: job.to,
    text: texts.draft(draft, svc.tz, draft.questions),
    mentions: job.to.kind === 'room' ? [job.host] : [],
    key: `signups:draft-preview:${job.groupId}:${job.hostId}:${job.due}`,
  })
}

/** The host's answer to what the bot asked: a confirmation (cancel, remove), the count rule, or a draft's fix. */
async function answerHost(app: App, svc: SignupService, ctx: Context, previews: JobQueue<PreviewJob>): Promise<void> {
  const groupId = groupIdOf(ctx)!
  const text = normalize(ctx.msg.text)
  const intent = ctx.get(UNDERSTOOD)?.intent
  const asked = await svc.pending.get(groupId, ctx.msg.sender.id)
  if (asked?.kind === 'count_rule' && answersCountRule(ctx, text)) {
    await svc.pending.clear(groupId, ctx.msg.sender.id)
    const rule = familyRule(text)
    const a = await svc.store.update(asked.activityId, { countRule: rule })
    if (a) await ctx.reply(texts.countRuleSet(a, rule))
    return
  }
  if (asked?.kind === 'confirm_cancel' || asked?.kind === 'confirm_remove') {
    const yes = intent === 'confirm.yes' || (intent !== 'confirm.no' && isConfirmation(text))
    if (!yes && intent !== 'confirm.no') return ctx.reply(texts.replyYesNo)
    await svc.pending.clear(groupId, ctx.msg.sender.id)
    const a = await svc.store.get(asked.activityId)
    if (!a) throw new UserError(texts.notFound(asked.activityId))
    if (asked.kind === 'confirm_cancel') return yes ? cancelActivity(svc, ctx, a, asked.reason) : ctx.reply(texts.cancelKept(a))
    if (!yes) return ctx.reply(texts.removeKept(asked.name))
    const by = { id: ctx.msg.sender.id, name: ctx.msg.sender.name }
    await svc.enqueue({ op: 'leave', activityId: a.id, msgId: ctx.msg.id, by, senderKey: nameKey(by.name), whoKey: `=${asked.entryKey}`, isHost: true })
    return
  }
  return followUp(app, svc, ctx, previews)
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
      spans = await llmSpans(limitLlm(app.llm, { budget: ctx.replyBudget }), text, now, svc.tz)
    } catch (err) {
      ctx.log.warn({ err }, 'signups: LLM extraction failed, using rules')
    }
  }
  const fromModel = spans !== undefined
  spans ??= ruleSpans(text, now, svc.tz)
  const slots = ctx.get(UNDERSTOOD)?.intent === 'host.announce' ? ctx.get(UNDERSTOOD)!.slots : {}
  // Offline, the understanding's title and place win: its reader is the one measured on the blind corpus
  // ("跟大家说个事哈，…一个免费的面点培训" → 面点培训; the span rules take the first clause). With a model, its
  // extraction stands and the understanding only fills what it missed.
  if (!fromModel) {
    spans.title = slots.title ?? spans.title
    spans.place = slots.place ?? spans.place
  }
  spans.place ??= slots.place
  spans.title ??= slots.title
  spans.capacity ??= slots.capacity
  const draft = draftFrom(spans, now, svc.tz, { place: group.place })
  if (placesByFamily(text)) draft.countRule = 'family'
  const to: Conversation | undefined = ctx.msg.conversation.kind === 'room' ? ctx.msg.conversation : await svc.roomFor(groupId)
  if (!to) throw new UserError(texts.noRoom)
  const addressed = ctx.msg.mentioned || ctx.msg.conversation.kind === 'private' || ANNOUNCE_WORDS.test(normalize(text))
  await decide(svc, ctx, groupId, { draft, to, at: svc.now(), roomId: ctx.msg.conversation.kind === 'room' ? ctx.msg.conversation.roomId : undefined, needsConfirm: !addressed, source: text })
}

async function followUp(app: App, svc: SignupService, ctx: Context, previews: JobQueue<PreviewJob>): Promise<void> {
  const groupId = groupIdOf(ctx)!
  const pending = await svc.store.draft<PendingDraft>(groupId, ctx.msg.sender.id)
  if (!pending) throw new UserError(texts.noDraft)
  const text = normalize(ctx.msg.text)
  const now = new Date(svc.now())
  const u = ctx.get(UNDERSTOOD)
  let confirmed = false
  if (addsDetails(text)) return addDetails(svc, ctx, groupId, pending, previews)
  // Whatever else she says is answered at once, with the details so far: no second preview after it.
  delete pending.previewDue
  if (u?.intent === 'confirm.no' && !isConfirmation(text)) {
    await svc.store.dropDraft(groupId, ctx.msg.sender.id)
    return ctx.reply(texts.draftDropped)
  }
  if (isConfirmation(text) || u?.intent === 'confirm.yes') {
    // Confirming accepts the guesses we asked about; a past time or a missing field still blocks.
    pending.draft.questions = pending.draft.questions.filter((q) => q.blocking)
    confirmed = true
  } else if (u?.intent === 'correction' && !answersTimeQuestion(pending, u.slots) && (u.slots.time || u.slots.place || u.slots.capacity || u.slots.title)) {
    // "写错了，改成晚上7点" before 「确认」: the draft changes and is shown again.
    const { draft } = pending
    if (u.slots.time) {
      const dateSaid = /周|星期|礼拜|月|号|日|今天|明天|后天/u.test(text)
      draft.questions = draft.questions.filter((q) => !q.text.startsWith('时间'))
      // "改成八点" to a 晚上7点 draft is 20:00 (its half of the day); still unclear, the guess is shown to confirm.
      const said = draft.startAt ? settledTime(text, u.slots.time, draft.startAt, now.getTime(), svc.tz) : { time: u.slots.time }
      if (said.ambiguous) draft.questions.push({ text: `时间：${said.ambiguous}`, blocking: false })
      draft.startAt = slotTime(dateSaid ? said.time : said.time.slice(-5), draft.startAt ?? now.getTime(), svc.tz)
    }
    if (u.slots.place) draft.place = u.slots.place
    if (u.slots.capacity) draft.capacity = u.slots.capacity
    if (u.slots.title) draft.title = u.slots.title
    pending.needsConfirm = true
  } else {
    applyTime(pending.draft, text, now, svc.tz)
  }
  // A new time may have moved the start before the deadline.
  if (pending.draft.deadlineAt && pending.draft.startAt && pending.draft.deadlineAt > pending.draft.startAt) pending.draft.deadlineAt = pending.draft.startAt
  await decide(svc, ctx, groupId, { ...pending, at: svc.now() }, confirmed)
}

/**
 * Details added to the waiting draft: merged, and the draft shown again once she stops (a notice typed in three
 * lines gets one preview after them, not one per line). Published only on 确认, like any draft she changed.
 */
async function addDetails(svc: SignupService, ctx: Context, groupId: string, pending: PendingDraft, previews: JobQueue<PreviewJob>): Promise<void> {
  const now = svc.now()
  mergeDetails(pending.draft, ctx.msg.text, new Date(now), svc.tz)
  pending.source = [pending.source, ctx.msg.text].filter(Boolean).join('\n')
  pending.needsConfirm = true
  // Real time for the queue (its delays are real); one preview is due at a time.
  const due = pending.previewDue !== undefined && pending.previewDue > Date.now() ? undefined : Date.now() + svc.settings.batchWindowMs
  if (due !== undefined) pending.previewDue = due
  await svc.store.saveDraft(groupId, ctx.msg.sender.id, { ...pending, at: now }, svc.settings.draftTtlSec)
  if (ctx.msg.conversation.kind === 'room') await svc.store.setLast(groupId, { related: true, at: now })
  if (due !== undefined) {
    const host = { id: ctx.msg.sender.id, name: ctx.msg.sender.name }
    await previews.add(`${PREVIEW_QUEUE}:${groupId}:${ctx.msg.sender.id}:${due}`, { groupId, hostId: ctx.msg.sender.id, due, to: ctx.msg.conversation, host }, { at: due })
  }
}

/** Only a time, sent after the bot asked for one ("请补充几点开始"): an answer, not a change to confirm again. */
function answersTimeQuestion(pending: PendingDraft, slots: Slots): boolean {
  const asked = pending.draft.questions.some((q) => q.blocking && q.text.startsWith('时间'))
  return asked && !!slots.time && !slots.place && !slots.capacity && !slots.title
}

/** Publishes a clean draft (a prose one only once confirmed); otherwise keeps it and asks. */
async function decide(svc: SignupService, ctx: Context, groupId: string, pending: PendingDraft, confirmed = false): Promise<void> {
  const { draft } = pending
  if (draft.startAt && draft.startAt <= svc.now() && !draft.questions.some((q) => q.blocking))
    draft.questions.push({ text: `时间：${texts.pastTime(draft.startAt, svc.tz)}`, blocking: true })
  if (draft.questions.length > 0 || !draft.title || !draft.startAt || (pending.needsConfirm && !confirmed)) {
    await svc.store.saveDraft(groupId, ctx.msg.sender.id, pending, svc.settings.draftTtlSec)
    // Her announcement in the group is activity talk: a "1" replying to it is held for it (resolve.ts, held.ts).
    if (ctx.msg.conversation.kind === 'room') await svc.store.setLast(groupId, { related: true, at: svc.now() })
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
    pending.source ?? ctx.msg.text,
  )
  await svc.store.dropDraft(groupId, ctx.msg.sender.id)
  if (await svc.countRuleUnclear(a, pending.source ?? ctx.msg.text)) await ctx.whisper(texts.askCountRule(a), { key: `signups:count-rule:${a.id}` })
  ctx.log.info({ activityId: a.id, groupId }, 'signups: activity published')
  if (ctx.msg.conversation.kind === 'private') await ctx.reply(texts.publishedPrivately(a))
}
