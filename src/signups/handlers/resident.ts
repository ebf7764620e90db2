// What residents (and hosts, as members) say about activities, read by the understanding (src/nlu) before
// routing: sign-ups in all their forms, cancellations, removals (hosts only, confirmed first), rosters,
// sign-up status, which activities are open, questions about one activity, and the answer to the bot's own
// "which activity?". The older command parser (parse.ts) still reads pasted 接龙 lists and the "+1" form.
import { type Context, contextKey, type Route } from '../../core/capability.ts'
import type { Intent, Slots, Understanding } from '../../nlu/types.ts'
import { activityRef, normalize, unknownActivityName } from '../../nlu/text.ts'
import { asksWhetherActivities, infoFields, JOIN_CLAUSE, STILL_ON } from '../../nlu/signup.ts'
import { RELATIVE_WORDS } from '../../nlu/people.ts'
import { PENDING, UNDERSTOOD } from '../../core/understanding.ts'
import { BESIDE_EMERGENCY } from '../../core/handover.ts'
import { followsDocuments } from '../../core/turns.ts'
import { whoseActivity } from '../../nlu/whose-activity.ts'
import type { SignupService } from '../service.ts'
import { nameKey, type ResidentIntent, type Who } from '../parse.ts'
import { herScript } from '../../core/her-script.ts'
import { toSimplified } from '../../core/zh/script.ts'
import { type BareOne, byTitle, pickActivity, plusOneCounts, type Pick } from '../resolve.ts'
import type { Activity, PersonSlot } from '../store.ts'
import { texts } from '../texts.ts'
import { bringIn, feeIn } from '../notes.ts'
import { CANCELLED_ASKED, groupIdOf, liveActivities, memo, residentIntent } from './state.ts'
import { remind } from './remind.ts'
import { askedPeriod } from '../../core/zh/period.ts'
import { RHYTHM_EVENTS } from '../../core/rhythm.ts'

/** The intents this route serves (see src/nlu/route-intents.ts). */
export /** A name compared loosely: one script, no 的 before a family word, no punctuation. */
const looseName = (name: string) => nameKey(toSimplified(name)).replace(/的(?=婆婆|公公|妈妈|妈|爸爸|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|孩子|女儿|闺女|儿子|老公|爱人|老伴|孙子|孙女|外孙|姐姐|妹妹|哥哥|弟弟|嫂子|朋友|邻居|同事)/gu, '')

const RESIDENT_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'signup.join', 'signup.cancel', 'signup.status', 'signup.roster', 'signup.remove', 'activity.list', 'activity.info', 'pending.answer',
])
/**
 * Meanings the older command parser may still claim (its forms are exact, so they never overrule the
 * understanding). Not a question: "育婴师培训在哪报名" asks about a programme, it signs nobody up.
 */
const WEAK: ReadonlySet<Intent> = new Set<Intent>(['chatter', ...RESIDENT_INTENTS])

const understanding = (ctx: Context): Understanding => ctx.get(UNDERSTOOD) ?? { intent: 'chatter', slots: {} }

export function residentRoute(svc: SignupService): Route {
  return {
    name: 'signups.resident',
    band: 'conversation',
    async match(ctx) {
      if (!ctx.msg.groupId || ctx.msg.kind !== 'text') return false
      if (await cancelledAskedOf(ctx)) return true
      const live = await liveActivities(ctx, svc)
      if (forTheDocuments(ctx, svc, live)) return false
      if (noticeFollowUp(ctx, svc, live)) return true
      const u = understanding(ctx)
      const old = residentIntent(ctx)
      const ours = RESIDENT_INTENTS.has(u.intent)
      if (!ours && !(old && WEAK.has(u.intent))) return false
      const inRoom = ctx.msg.conversation.kind === 'room'
      // A pasted 接龙 and a bare "+1" only mean something in the group, next to the activity talk.
      if (!inRoom && old && (old.kind === 'roster' || (old.kind === 'join' && old.form === 'plus'))) return false
      // A bare "+1" in the group is a sign-up only next to activity talk (the "+1" rule, see resolve.ts).
      if (old?.kind === 'join' && old.form === 'plus' && /^\+\s*\d+$/u.test(ctx.msg.text.trim()) && !ctx.msg.mentioned) return memo(ctx).plusCounts === true
      // A bare "1": as the observer read it (a sign-up, or asked back); the answer to the bot's own question otherwise.
      const one = bareOneOf(ctx, old)
      if (one) return inRoom && one.verdict !== 'ignore'
      // "4.孙丽华": a line added to the 接龙 of an open activity; with nothing open it is no sign-up.
      if (old?.kind === 'roster' && old.added) return inRoom && (await liveActivities(ctx, svc)).length > 0
      if (u.intent === 'activity.list') return true
      if (u.intent === 'pending.answer') return (await svc.pending.get(ctx.msg.groupId, ctx.msg.sender.id))?.kind === 'which_activity'
      // "读书会还办不办了": whether something is still on is the group's business, said to the bot — answered from its
      // activities (on, cancelled, held, or none of that name and what is open), never from the documents, which
      // say nothing of today. Other details of a title the group never had ("踏春嘉年华几点开始") are the documents'.
      if (u.intent === 'activity.info' && u.slots.title) {
        if ((await titled(ctx, svc, u.slots.title)).length > 0) return true
        return inRoom && addressedHere(ctx) && STILL_ON.test(normalize(ctx.msg.text))
      }
      if ((await liveActivities(ctx, svc)).length > 0) return true
      // "参加活动要交钱不" with nothing open: what a notice will say, not the documents' fees for something else.
      if (inRoom && asksFeeOfNone(ctx, u)) return true
      // Nothing open, and she asks only about places or her own ("还有名额吗", "我报上了没"): there is nothing to sign up
      // for, and the documents would answer with another event's quota. Naming something ("踏春嘉年华还有名额吗") is a
      // question for the documents.
      if (inRoom && (u.intent === 'signup.status' || u.intent === 'signup.roster') && ONLY_ABOUT_PLACES(normalize(ctx.msg.text))) return true
      // Nothing open yet, but her own sign-up is held for an announcement being published: she may take it back.
      if (inRoom && u.intent === 'signup.cancel') return svc.hasHeld(ctx.msg.groupId, ctx.msg.sender.id)
      // Nothing open: a plain sign-up in the group may be racing the host's announcement (it is held, see
      // held.ts). Longer sentences that only mention signing up somewhere else are left alone.
      // So is one said in a clause of its own after what she heard ("李姐说这周六有剪纸 我先报个名").
      const t = normalize(ctx.msg.text)
      return inRoom && u.intent === 'signup.join' && (ctx.msg.mentioned || ctx.msg.text.trim().length <= 12 || JOIN_CLAUSE.test(t) || OPENS_WITH_JOIN.test(t))
    },
    handle: async (said) => {
      const ctx = besideEmergency(said) ? silenced(said) : said
      const gone = await cancelledAskedOf(ctx)
      if (gone) return ctx.reply(texts.wasCancelled(gone, svc.tz))
      const follow = noticeFollowUp(ctx, svc, await liveActivities(ctx, svc))
      if (follow) {
        const a = await chosen(ctx, svc, follow, '问')
        return a ? ctx.reply(infoReply(a, svc.tz, ctx.msg.text)) : undefined
      }
      const one = bareOneOf(ctx, residentIntent(ctx))
      return one ? joinBareOne(ctx, svc, one) : act(ctx, svc, understanding(ctx), residentIntent(ctx))
    },
  }
}

/**
 * A sign-up or cancellation said in the same message as an emergency ("讲座先不去了 他正在打我"), handed over after the
 * numbers (BESIDE_EMERGENCY). The group must hear nothing beside them that reads oddly or repeats her words, so every
 * reply of this route is dropped: "您现在没有报名…不用取消", "群里没有「讲座」这个活动", "您要取消哪一个？" (not remembered
 * as asked either, see chosen), a detail asked beside it, the family-rule note. What changes something is still done:
 * - her cancellation of a place she really has is applied and left out of the group's summary (a quiet leave, see
 *   texts.summary): "已取消报名：林霞" under her emergency would tell the group she drops out because of it. Nor is it
 *   confirmed in private: her private chat holds the numbers and the question put to her (consent, how to reach her),
 *   which a note about an activity would push up and muddle, and a phone in danger should light up as little as
 *   possible. The roster shows it, "我报上了没" answers it later, and the place it frees goes on to the next, who is told.
 * - her sign-up is recorded and confirmed in the summary like anyone's: "已登记：…" is how she knows she has a place and
 *   names nothing of her trouble. Held for an announcement, it never ends in "no open activity" (held.ts).
 */
function silenced(ctx: Context): Context {
  const dropped = async () => void ctx.log.info({ route: 'signups.resident' }, 'beside an emergency: sign-up reply dropped')
  return { ...ctx, reply: dropped, whisper: dropped }
}
const besideEmergency = (ctx: Context) => ctx.get(BESIDE_EMERGENCY) === true

/** Questions about an activity, whether in the group's own words or read as one for the documents. */
const ABOUT_ACTIVITY: ReadonlySet<Intent> = new Set<Intent>(['activity.info', 'signup.status', 'signup.roster'])
const ASKED_OF_ANYONE: ReadonlySet<Intent> = new Set<Intent>(['qa.question', 'chatter'])

/**
 * "香包那个还搞不搞了", "做香包要带啥" after the host cancelled it: the cancelled activity the question names (latest
 * first), answered from the activity — not from the documents, and not as "nothing is open". A question the
 * documents would take only when it is said to the bot, as the documents would.
 */
async function cancelledAskedOf(ctx: Context): Promise<Activity | undefined> {
  const { intent } = understanding(ctx)
  // The reading first: the group's cancelled activities are read only for a question that could be about one.
  if (!ABOUT_ACTIVITY.has(intent) && !(ASKED_OF_ANYONE.has(intent) && ctx.msg.mentioned)) return undefined
  const [gone] = (await ctx.get(CANCELLED_ASKED)?.()) ?? []
  return gone
}

/** Places asked about in general ("名额一共多少人", "还有位置吗"), as a notice or a document would state them. */
const ASKS_PLACES = /名额|位置|位子|空位|满员|报满|多少人|几个人|人数|还剩|剩几/u

/**
 * A detail asked of something other than the group's activities, so the documents' to answer: it names a gathering
 * none of them is ("踏春嘉年华几点开始" while 包饺子 is open), or names nothing and follows her own question to the
 * documents ("那个踏春嘉年华的徒步要走多远" answered, then "名额一共多少人": the 30 places the documents give, not
 * 包饺子's, nor "nothing is open"). What points at the group's activities (by title, number, day, notice, 咱们这次),
 * her own place ("我报上了没") and the group's past titles (see titled) stay here.
 */
function forTheDocuments(ctx: Context, svc: SignupService, live: Activity[]): boolean {
  const u = understanding(ctx)
  const t = normalize(ctx.msg.text)
  // (What the understanding reads as a question for the documents is theirs already, but right after activity talk:
  // noticeFollowUp, which wins over her question to the documents as below.)
  const detail = u.intent === 'activity.info' || (u.intent === 'signup.status' && ASKS_PLACES.test(t) && !ASKS_OWN.test(t))
  if (!detail || u.slots.activity !== undefined || u.slots.title) return false
  const whose = whoseActivity(t, live, svc.tz)
  if (whose !== undefined) return whose === 'other'
  // Unless the group has talked about its activities since (a notice, sign-ups under it): a bare question right
  // after them is about them, whatever she asked the documents a minute before.
  return followsDocuments(ctx) && !plusOneCounts(memo(ctx).prev, svc.now(), svc.settings.plusOneWindowMin)
}

/** The observer's reading of a bare "1" ("扣1"), unless the bot is waiting for this sender's answer (then "1" is that). */
const bareOneOf = (ctx: Context, old: ResidentIntent | undefined): BareOne | undefined =>
  old?.kind === 'join' && old.form === 'one' && !ctx.get(PENDING) ? memo(ctx).one : undefined

/** A bare "1" read as a sign-up for the activity it replies to, or asked back: "是要报名「做香包」吗？回复「报名」". */
async function joinBareOne(ctx: Context, svc: SignupService, one: BareOne): Promise<void> {
  if (one.verdict === 'ignore') return
  const live = await liveActivities(ctx, svc)
  if (one.verdict === 'ask') return ctx.reply(texts.askBareOne(one.activity, live.length > 1))
  const u: Understanding = { intent: 'signup.join', slots: { self: true, count: 1 } }
  // Right after the host's announcement that still awaits her 确认: held for it (held.ts).
  if (live.length === 0 && ctx.msg.conversation.kind === 'room') {
    const by = { id: ctx.msg.sender.id, name: ctx.msg.sender.name }
    return svc.hold({ groupId: groupIdOf(ctx)!, msgId: ctx.msg.id, by, people: slotsFor([{ self: true }], by), room: ctx.msg.conversation, traditional: wroteTraditional(ctx), ...quietHold(ctx) })
  }
  // Not "activity 1": the activity it replies to, the only one, or she is asked which.
  const picked: Pick = one.activity ? { one: one.activity } : live.length === 1 ? { one: live[0]! } : { several: live }
  const a = await chosen(ctx, svc, picked, '报名', u)
  if (a) await joinOne(ctx, svc, a, [{ self: true }], ctx.msg.id)
}

/**
 * A detail of the activity asked beside something else ("我报上了没 要带剪刀胶水不", "我也报 就是材料费要钱不"): a
 * detail word and a question form. Not a sign-up that says who comes ("+1 带孩子").
 */
function asksDetail(text: string): boolean {
  const t = normalize(text)
  return infoFields(t).length > 0 && /[?？吗嘛么]|(?:不|没)(?:$|[\s，,。])|啥|什么|多少|几点|在哪|能不能|可不可以/u.test(t)
}

/**
 * What the notice says of the details asked: one detail on its own; several ("在哪 能带孩子不") all it says, and that
 * whatever it does not say is for the host — time and place it always says, a fee only when its notes name one.
 */
function infoReply(a: Activity, tz: string, text: string, field?: Understanding['slots']['field']): string {
  const fields = infoFields(normalize(text))
  // What to bring, and maybe the fee ("要钱不？要自己带面粉吗"): each said or named as not in the notice.
  if (fields.includes('bring') && fields.every((f) => f === 'fee' || f === 'bring')) return texts.feeAndBring(a, fields.includes('fee'))
  if (fields.length <= 1) return texts.info(a, tz, field ?? fields[0])
  const unanswered = fields.some((f) => f !== 'time' && f !== 'place' && !(f === 'fee' && feeIn(a.notes)) && !(f === 'bring' && bringIn(a.notes)))
  return texts.info(a, tz, undefined, unanswered)
}

/**
 * "那要钱不？要自己带面粉吗" right after the notice or the sign-ups under it: a fee or a thing to bring asked of the
 * activity the group was just on (the documents read it as a question about some other service's fee). Only when
 * the question names nothing else ("两癌筛查要钱吗" is the documents'), and only while the talk just before was about
 * an activity (the "+1" rule's window). The activity: the one that talk was about, else the only open one; with
 * several open, she is asked which.
 */
function noticeFollowUp(ctx: Context, svc: SignupService, live: Activity[]): Pick | undefined {
  if (live.length === 0 || ctx.msg.conversation.kind !== 'room' || !ASKED_OF_ANYONE.has(understanding(ctx).intent)) return undefined
  const t = normalize(ctx.msg.text)
  if (!infoFields(t).some((f) => f === 'fee' || f === 'bring') || !asksDetail(t) || !namesNothingElse(t, live)) return undefined
  const prev = memo(ctx).prev
  if (!prev || !plusOneCounts(prev, svc.now(), svc.settings.plusOneWindowMin)) return undefined
  const talkedOf = live.find((a) => a.id === prev.activityId)
  return talkedOf ? { one: talkedOf } : live.length === 1 ? { one: live[0]! } : { several: live }
}

/** What a question about an activity's fee or things to bring says besides them: the thing to bring, the activity, particles. */
const FOLLOW_ON = /^(?:那么?|那个|还有|另外|对了|请问|问一下|问下|想问一?下|顺便问一?下)[\s，,]*/u
const BROUGHT = /(?:带|自备|准备|买)(?:上|好)?(?:个|点|些)?[\p{Script=Han}]{1,4}?(?=吗|么|嘛|不|没|啥|呢|去|来|过去|$|[\s，,。？?！!])/gu
const ASKING_WORDS = /多少钱|要钱|收钱|收费|交钱|付钱|花钱|材料费|费用|免费|费|钱|材料|东西|什么|啥|自己|自备|准备|要带|带|需要|要|得|用|还|也|都|吗|么|嘛|呢|不|没|啊|呀|哈|的|了|是|这次|这个活动|那个活动|活动|那个|这个|咱们|我们|多少/gu
const namesNothingElse = (t: string, live: Activity[]): boolean => {
  let rest = t.replace(FOLLOW_ON, '').replace(BROUGHT, '')
  for (const a of live) {
    const title = toSimplified(a.title)
    for (let i = 0; i + 2 <= title.length; i++) rest = rest.split(title.slice(i, i + 2)).join('')
  }
  return rest.replace(ASKING_WORDS, '').replace(/[^\p{Script=Han}]/gu, '').length <= 1
}

/**
 * Whether she may bring someone, asked beside her sign-up or on its own ("我同個女一齊嚟得唔得", "能带我女儿一起来吗",
 * "可以带孙子来不", "我老公能一起来不"): the family word asked about, as written (Simplified). A clause with a family
 * word and a "may I" form; not a sign-up that says who comes ("+1 带孩子", "我和闺女报名").
 */
export function asksToBring(text: string): string | undefined {
  for (const clause of normalize(text).split(/[\s，,。；;！!？?]+/u)) {
    if (!MAY_I.test(clause) || !/带|同|跟|和|一起|一齐|一块|陪|来|去|参加/u.test(clause)) continue
    const who = FAMILY_WORD.exec(clause)?.[1]
    if (who) return who
  }
  return undefined
}
const MAY_I = /能不能|可不可以|可以不|行不行|得不得|能否|方便不|(?:能|可以|行|得|方便).{0,8}(?:吗|么|嘛|不|没)$|(?:吗|么|嘛)$/u
const FAMILY_WORD = new RegExp(`(?:我|我家|我的|俺|俺家|个|几个|两个|俩|仨)?(${RELATIVE_WORDS.filter((w) => w.length >= 2 || /[娃妈爸]/u.test(w)).join('|')})`, 'u')

/** Said to the bot: @-mentioned, or in a group where it answers plain questions. */
const addressedHere = (ctx: Context) => ctx.msg.mentioned || ctx.group?.answerMode === 'questions'

/** Whether activities cost anything, asked of the group's activities in general (none named), to the bot. */
const asksFeeOfNone = (ctx: Context, u: Understanding) =>
  u.intent === 'activity.info' && u.slots.field === 'fee' && u.slots.activity === undefined && !u.slots.title && addressedHere(ctx)

/** Nothing but the words of asking about places or one's own place: no activity or event named. */
const ONLY_ABOUT_PLACES = (t: string) => /名额|位置|位子|空位|满|报上|名单|候补|排到/u.test(t) && t.replace(/[^\p{Script=Han}]/gu, '').replace(/[还有没名额位置子空满了吗么嘛呢啊呀我俺报上的是不几个多少剩吧排到第号候补单看发下一都能人]/gu, '').length <= 1

/** A message that opens with the sign-up word ("报名报名 李姐说周六包饺子"). */
const OPENS_WITH_JOIN = /^(?:报名|我报名|报一个|算我一个)(?=$|[\s，,。!！]|报名)/u

const MINE = contextKey<Promise<Activity[]>>('signups.mine')
/** The live activities the sender is on (roster or waitlist, own or signed up by them); read once per message. */
export function mine(ctx: Context, svc: SignupService, live: Activity[]): Promise<Activity[]> {
  return ctx.memo(MINE, async () => {
    const who = { id: ctx.msg.sender.id, key: nameKey(ctx.msg.sender.name) }
    const flags = await Promise.all(live.map((a) => svc.store.hasEntry(a.id, who)))
    return live.filter((_, i) => flags[i])
  })
}

/**
 * A grandchild typing on her grandmother's phone: the account is 孙奶奶 and "给我奶奶报个名" means 孙奶奶 herself,
 * not her grandmother (someone called X奶奶 has no grandparent to bring).
 */
const GRANDPARENT = /^(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|阿婆|阿嬷)$/u
const ownerOfPhone = (sender: string, relation: string) => GRANDPARENT.test(relation) && sender.length > relation.length && sender.endsWith(relation)

/** Names a sign-up registers, from the sender's point of view; each person once. */
export function slotsFor(people: Who[], sender: { name: string }): PersonSlot[] {
  const slots = people.map((w): PersonSlot => {
    const name = 'self' in w || ('relation' in w && ownerOfPhone(sender.name, w.relation)) ? sender.name : 'relation' in w ? `${sender.name}的${w.relation}` : 'name' in w ? w.name : `${sender.name}+${w.guest}`
    return { key: nameKey(name), name, own: true }
  })
  return slots.filter((s, i) => s.key && slots.findIndex((x) => x.key === s.key) === i)
}

const PLURAL_KIN = /^(?:孩子|娃|小孩|宝宝|孙子|孙女|外孙|外孙女)$/u
const CHILD = /^(?:孩子|娃|小孩|宝宝|孙子|孙女|外孙|外孙女|儿子|女儿|闺女|妮儿|丫头|囡囡|幺儿|大宝|二宝|小宝)/u

/**
 * The people of an understood sign-up: the sender (unless only for others), named companions, family words, and
 * as many places as the message asked ("我和两个孩子" = me + 2 children; "+3" = me + 2 guests).
 */
export function peopleOf(s: Slots): Who[] {
  const people: Who[] = []
  if (s.self !== false) people.push({ self: true })
  for (const name of s.names ?? []) people.push({ name })
  const rels = s.relatives ?? []
  for (const relation of rels) people.push({ relation })
  const want = Math.min(s.count ?? people.length, 20)
  // "帮我妈报名 她叫刘桂兰": the family word and the name are one person (counted once); she goes by her name.
  for (let extra = Math.min(people.length - want, s.names?.length ?? 0); extra > 0; extra--) {
    const at = people.findLastIndex((p) => 'relation' in p)
    if (at < 0) break
    people.splice(at, 1)
  }
  const plural = rels.find((r) => PLURAL_KIN.test(r))
  for (let i = 2; people.length < want && plural; i++) people.push({ relation: `${plural}${i}` })
  for (let g = 1; people.length < want; g++) people.push({ guest: g })
  return people.length ? people : [{ self: true }]
}

async function act(ctx: Context, svc: SignupService, u: Understanding, old: ResidentIntent | undefined, msgId = ctx.msg.id): Promise<void> {
  const { msg } = ctx
  const groupId = groupIdOf(ctx)!
  const live = await liveActivities(ctx, svc)
  const by = { id: msg.sender.id, name: msg.sender.name }
  // The older forms where the understanding has nothing better to say.
  const intent: Intent = RESIDENT_INTENTS.has(u.intent) ? u.intent : old ? intentOfOld(old) : u.intent

  // Asked about places or a list with nothing open (see match).
  if ((intent === 'signup.status' || intent === 'signup.roster') && live.length === 0) return ctx.reply(texts.noOpenActivity)
  switch (intent) {
    case 'pending.answer':
      return answerWhich(ctx, svc, u)
    case 'activity.list': {
      // "这周有啥活动" / "最近有什么活动": the group's own rhythm events of that stretch too (家接待, 家聚会…, kept by the
      // reminders capability), beside what is open for sign-up.
      // "幾時有活動", "有冇活動" name no stretch: the coming days, as 最近 (the routing side's reading, src/nlu/signup.ts).
      const period = askedPeriod(msg.text, svc.now(), svc.tz) ?? (asksWhetherActivities(normalize(msg.text)) ? askedPeriod('最近', svc.now(), svc.tz) : undefined)
      const rhythm = period ? { label: period.label, events: (await ctx.get(RHYTHM_EVENTS)?.(period.from, period.to)) ?? [] } : undefined
      const counts = await Promise.all(live.map((a) => svc.store.counts(a.id)))
      if (live.length === 0 && !rhythm?.events.length) return ctx.reply(texts.noOpenActivity)
      return ctx.reply(texts.list(live, counts.map((c) => c.confirmed), svc.tz, rhythm))
    }
    case 'signup.join': {
      // A pasted 接龙: merge its names (nobody removed, nobody twice; non-name lines were dropped by the parser).
      if (old?.kind === 'roster') {
        const titled = old.titleLines.flatMap((l) => byTitle(live, l))
        let picked: Pick = titled.length ? (new Set(titled).size === 1 ? { one: titled[0]! } : { several: [...new Set(titled)] }) : pick(ctx, svc.tz, live, u, old)
        // A line added on its own continues the chain the group was just on.
        if (old.added && 'several' in picked) picked = continued(ctx, svc, live) ?? picked
        const a = await chosen(ctx, svc, picked, '接龙', u, msgId, old.names)
        if (!a) return
        const senderKey = nameKey(by.name)
        // A name already on the list, written another way ("陳靜" for 陈静, "王芳婆婆" for 王芳的婆婆), is that person.
        const roster = await svc.store.roster(a.id)
        const onList = [...roster.confirmed, ...roster.waitlist].map((e) => e.name)
        const asListed = (name: string) => onList.find((n) => looseName(n) === looseName(name)) ?? name
        // A line she added herself is hers (she is the one reminded, and may take it back), whatever name she wrote.
        const people: PersonSlot[] = old.names.map(asListed).map((name) => ({ key: nameKey(name), name, own: !!old.added || nameKey(name) === senderKey || name.startsWith(`${by.name}的`) || name.startsWith(`${by.name}+`) }))
        const unique = people.filter((p, i) => p.key && people.findIndex((x) => x.key === p.key) === i)
        if (unique.length) await svc.enqueue({ op: 'join', activityId: a.id, msgId, by, people: unique.slice(0, 200), traditional: wroteTraditional(ctx) })
        return
      }
      let picked = pick(ctx, svc.tz, live, u, old)
      // "+1" / "行，那加我一个" (a reply continuing the talk just before) follows the activity that talk was about.
      const continues = (old?.kind === 'join' && old.form === 'plus') || /^(?:行|好|那|嗯|可以)/u.test(msg.text.trim())
      if ('several' in picked && continues) picked = continued(ctx, svc, live) ?? picked
      let people = RESIDENT_INTENTS.has(u.intent) ? peopleOf(u.slots) : old?.kind === 'join' ? old.people : [{ self: true } as Who]
      // The old "+2 我和闺女" form names who the places are for: it wins over a bare count.
      // (Only when the understanding found no family word or name itself: "+3 我和两个孩子" is me and two children.)
      const understoodWho = Boolean(u.slots.relatives?.length || u.slots.names?.length)
      if (old?.kind === 'join' && !understoodWho && old.people.length >= people.length && !old.people.every((p) => 'guest' in p || 'self' in p)) people = old.people
      // Nothing open yet: maybe the host's announcement is being published right now. Held, never dropped.
      if ('none' in picked && ctx.msg.conversation.kind === 'room') {
        return svc.hold({ groupId, msgId, by, people: slotsFor(people, by), room: ctx.msg.conversation, traditional: wroteTraditional(ctx), ...quietHold(ctx) })
      }
      // "我報名 我同個女一齊嚟得唔得": she asks whether someone may come with her. Counted by family, a child comes along
      // on her place (written beside her name); otherwise she is signed up and told how to sign them up too.
      const brings = asksToBring(msg.text)
      if (brings && 'one' in picked) {
        const a = picked.one
        const rides = a.countRule === 'family' && CHILD.test(brings)
        const asked = (p: Who) => 'relation' in p && p.relation.replace(/\d+$/u, '') === brings
        people = rides ? (people.some(asked) ? people : [...people, { relation: brings }]) : people.filter((p) => !asked(p))
        if (people.length === 0) people = [{ self: true }]
        await joinOne(ctx, svc, a, people, msgId, { ruleSaid: true })
        return ctx.reply(rides ? texts.bringsChild(a, brings, true) : texts.bringsOne(a, brings))
      }
      // "报名 这次收不收材料费": signed up, and the question about the activity answered after.
      // "我也报 就是材料费要钱不": so too when the understanding saw only the sign-up.
      if ((u.also?.includes('activity.info') || asksDetail(msg.text)) && 'one' in picked) {
        await joinOne(ctx, svc, picked.one, people, msgId)
        return ctx.reply(u.also?.includes('activity.info') ? texts.info(picked.one, svc.tz, u.slots.field) : infoReply(picked.one, svc.tz, msg.text))
      }
      // "两个我都想去 给我都报上": each open activity, each sign-up its own job (idempotent per activity).
      if (u.slots.every && 'several' in picked) {
        for (const each of picked.several) await joinOne(ctx, svc, each, people, `${msgId}:a${each.id}`)
        return
      }
      const a = await chosen(ctx, svc, picked, '报名', u, msgId)
      if (!a) return
      return joinOne(ctx, svc, a, people, msgId)
    }
    case 'signup.cancel': {
      const candidates = await mine(ctx, svc, live)
      if (candidates.length === 0) {
        // Her sign-up may still be held for an announcement being published: take it back there.
        const named = [...(u.slots.relatives ?? []), ...(u.slots.names ?? [])]
        if (await svc.withdrawHeld(groupId, by.id, named)) return ctx.reply(texts.heldWithdrawn)
        return ctx.reply(texts.notSignedUp)
      }
      const quiet = besideEmergency(ctx) || undefined
      const a = await chosen(ctx, svc, pick(ctx, svc.tz, candidates, u, old), '取消报名', u, msgId)
      if (!a) return
      const who = [...(u.slots.relatives ?? []), ...(u.slots.names ?? [])]
      if (old?.kind === 'leave' && old.who && !who.length) who.push(old.who)
      const isHost = msg.role !== 'resident'
      // "闺女发烧了 我们俩都不去了": she and the ones she signed up, in one go.
      const traditional = wroteTraditional(ctx)
      if (who.length === 0 || u.slots.self === true) return svc.enqueue({ op: 'leave', activityId: a.id, msgId, by, senderKey: nameKey(by.name), isHost, traditional, quiet })
      for (const [i, w] of who.entries()) await svc.enqueue({ op: 'leave', activityId: a.id, msgId: i ? `${msgId}:${i}` : msgId, by, senderKey: nameKey(by.name), whoKey: nameKey(w), isHost, traditional, quiet })
      return
    }
    case 'signup.remove': {
      if (msg.role === 'resident') return ctx.reply(texts.removeRefused)
      const a = await chosen(ctx, svc, pick(ctx, svc.tz, live, u, old), '从哪个活动划掉', u, msgId)
      if (!a) return
      const target = u.slots.target
      if (!target) return ctx.reply(texts.removeWho)
      const r = await svc.store.roster(a.id)
      const n = /^\d+$/u.test(target) ? Number(target) : undefined
      const all = [...r.confirmed, ...r.waitlist]
      const entry = n !== undefined ? r.confirmed[n - 1] : all.find((e) => e.name === target) ?? all.find((e) => e.name.includes(target))
      if (!entry) return ctx.reply(texts.removeNotFound(a, target))
      const pos = entry.state === 'in' ? `第${r.confirmed.indexOf(entry) + 1}位` : `候补第${r.waitlist.indexOf(entry) + 1}位`
      await svc.pending.set(groupId, by.id, { kind: 'confirm_remove', activityId: a.id, entryKey: entry.key, name: entry.name })
      return ctx.reply(texts.confirmRemove(a, entry.name, pos))
    }
    case 'signup.roster': {
      const a = await chosen(ctx, svc, pick(ctx, svc.tz, live, u, old), '看名单', u, msgId)
      if (!a) return
      const roster = texts.roster(a, await svc.store.roster(a.id), svc.tz, ctx.msg.role !== 'resident')
      // "谁还没交钱": payments are not kept here; said plainly, with the roster to check against.
      return ctx.reply(u.slots.field === 'fee' ? `${texts.paymentsNotKept}\n${roster}` : roster, { mention: false })
    }
    case 'signup.status': {
      const on = await mine(ctx, svc, live)
      const picked = pick(ctx, svc.tz, live, u, old)
      // Not on any roster: the question is about places left ("还有名额吗") — unless she asked about herself
      // ("我报上了没", "候补排到几号了"): then she hears first that she is not on it.
      if (on.length === 0 || ('one' in picked && !on.includes(picked.one))) {
        const acts = 'one' in picked ? [picked.one] : live
        const lines: string[] = []
        for (const a of acts.slice(0, 5)) {
          const c = await svc.store.counts(a.id)
          lines.push(texts.places(a, c.confirmed, c.waiting, closedFor(a, svc.now())))
        }
        return ctx.reply(ASKS_OWN.test(msg.text) ? `${texts.notOnIt}\n${lines.join('\n')}` : lines.join('\n'))
      }
      const acts = 'one' in picked ? [picked.one] : on
      const key = nameKey(by.name)
      const lines: string[] = []
      for (const a of acts.slice(0, 5)) {
        const r = await svc.store.roster(a.id)
        const parts = [
          ...r.confirmed.filter((e) => e.byId === by.id || e.key === key).map((e) => texts.statusIn(e.name)),
          ...r.waitlist.flatMap((e, i) => (e.byId === by.id || e.key === key ? [texts.statusWait(e.name, i + 1)] : [])),
        ]
        // "我报上了没" when only her family is on it: she hears that she herself is not.
        const selfOn = [...r.confirmed, ...r.waitlist].some((e) => e.key === key)
        lines.push(ASKS_OWN.test(msg.text) && !selfOn ? `${texts.status(a, parts)}\n${texts.selfNotOn}` : texts.status(a, parts))
      }
      // "我报上了没 要带剪刀胶水不": her place, then what the notice says of the rest.
      if (acts.length === 1 && asksDetail(msg.text)) lines.push(infoReply(acts[0]!, svc.tz, msg.text))
      return ctx.reply(lines.join('\n'))
    }
    case 'activity.info': {
      if (live.length === 0 && asksFeeOfNone(ctx, u)) return ctx.reply(texts.feeNothingOpen)
      if (STILL_ON.test(normalize(msg.text))) return stillOn(ctx, svc, live, u)
      let picked = pick(ctx, svc.tz, live, u, old)
      if ('several' in picked) {
        const on = await mine(ctx, svc, live)
        if (on.length === 1) picked = { one: on[0]! }
      }
      const a = await chosen(ctx, svc, picked, '问', u, msgId)
      if (!a) return
      if (old?.kind === 'howto') return ctx.reply(texts.howto(a, svc.tz, live.length > 1))
      // "能带我女儿一起来吗": how this activity counts her.
      const brings = asksToBring(msg.text)
      if (brings && infoFields(normalize(msg.text)).every((f) => f === 'who')) {
        return ctx.reply(a.countRule === 'family' && CHILD.test(brings) ? texts.bringsChild(a, brings, false) : texts.bringsOne(a, brings))
      }
      // Several details asked at once ("包饺子那个几点 在哪 要交钱不"): all the notice says, not the first one only.
      return ctx.reply(infoReply(a, svc.tz, msg.text, u.slots.field))
    }
    default:
      return
  }
}

/** The activity the group's talk just before was about, while the "+1" rule holds (see resolve.ts). */
function continued(ctx: Context, svc: SignupService, live: Activity[]): Pick | undefined {
  const prev = memo(ctx).prev
  if (!prev?.activityId || !plusOneCounts(prev, svc.now(), svc.settings.plusOneWindowMin)) return undefined
  const p = live.find((a) => a.id === prev.activityId)
  return p ? { one: p } : undefined
}

/** A question about her own place, not about places left: 报上了没, 排到几号, 轮到我了没, 我在名单里吗. */
const ASKS_OWN = /我报的(?:是)?哪|(?:我|俺)(?:都)?报了(?:没|吗|么|哪|几)|(?:我|俺)(?:接|排|登记|记)上了?(?:没|吗|么)|(?:我|俺)(?:是不是|有没有)(?:报|接龙|登记)|报上了?(?:没|吗|么)|报(?:进|成)(?:去)?了?(?:没|吗)|排到(?:第)?几|第几(?:位|个|号)|轮到我|我在(?:不在)?名单|名单里有我|有没有我|我(?:是)?候补/u

function intentOfOld(old: ResidentIntent): Intent {
  switch (old.kind) {
    case 'join':
    case 'roster':
      return 'signup.join'
    case 'leave':
      return 'signup.cancel'
    case 'status':
    case 'places':
      return 'signup.status'
    case 'howto':
      return 'activity.info'
  }
}

/** The activity a message means: the understanding's, the older parser's reference, a quoted announcement, or the only one. */
function pick(ctx: Context, tz: string, acts: Activity[], u: Understanding, old: ResidentIntent | undefined): Pick {
  const n = u.slots.activity
  if (n !== undefined) {
    const a = acts.find((x) => x.id === n)
    if (a) return { one: a }
  }
  // Read before the activities were loaded (a sign-up handed over after an emergency's numbers): by title or day now.
  const named = n === undefined ? activityRef(normalize(ctx.msg.text), acts, tz) : undefined
  const byRef = named !== undefined ? acts.find((x) => x.id === named) : undefined
  if (byRef) return { one: byRef }
  const unknown = u.intent === 'signup.join' && n === undefined && !ctx.msg.quoted ? unknownActivityName(normalize(ctx.msg.text), acts) : undefined
  if (unknown) return { unknownName: unknown, open: acts }
  return pickActivity(acts, old && 'ref' in old ? old.ref : {}, ctx.msg.quoted?.text)
}

const TITLED = contextKey<Promise<Activity[]>>('signups.titled')
/** The group's recent and upcoming activities (cancelled ones too) whose title is the one she named; read once. */
function titled(ctx: Context, svc: SignupService, title: string): Promise<Activity[]> {
  return ctx.memo(TITLED, async () => byTitle(await svc.store.recent(groupIdOf(ctx)!, svc.now(), 30), title))
}

/**
 * "剪纸还办不办了", "读书会取消了吗": whether it is on — open (when and where, places taken), cancelled, or held
 * already. Named by a title no activity has, or not named while several are open, she is asked which.
 */
async function stillOn(ctx: Context, svc: SignupService, live: Activity[], u: Understanding): Promise<void> {
  const now = svc.now()
  const byId = u.slots.activity !== undefined ? live.find((a) => a.id === u.slots.activity) : undefined
  const named = byId ? [byId] : u.slots.title ? await titled(ctx, svc, u.slots.title) : []
  // The latest of that title: a cancelled one may have been announced again.
  const a = named.sort((x, y) => y.startAt - x.startAt)[0] ?? (live.length === 1 && !u.slots.title ? live[0] : undefined)
  if (!a) {
    // Named by a title the group has had none of lately: say so, and what is open instead.
    if (u.slots.title && addressedHere(ctx)) return ctx.reply(texts.noneTitled(u.slots.title, live, svc.tz))
    if (live.length > 1) await chosen(ctx, svc, { several: live }, '问', u)
    else if (ctx.msg.mentioned) await ctx.reply(texts.noOpenActivity)
    return
  }
  if (a.status === 'cancelled') return ctx.reply(texts.wasCancelled(a, svc.tz))
  if (a.startAt < now) return ctx.reply(texts.wasHeld(a, svc.tz))
  const c = await svc.store.counts(a.id)
  return ctx.reply(texts.stillOn(a, svc.tz, c.confirmed, closedFor(a, now)))
}

/** "2" / "第二个" / "插花那个" after the bot asked which activity: the original request, now for that activity. */
async function answerWhich(ctx: Context, svc: SignupService, u: Understanding): Promise<void> {
  const groupId = groupIdOf(ctx)!
  const p = await svc.pending.get(groupId, ctx.msg.sender.id)
  if (p?.kind !== 'which_activity') return
  const ids = u.slots.activity !== undefined ? [u.slots.activity] : /两个都|都想|都要|都报|都去/u.test(ctx.msg.text) ? p.activityIds : []
  const chosenIds = ids.filter((id) => p.activityIds.includes(id))
  if (chosenIds.length === 0) return ctx.reply(texts.whichAnswerUnknown)
  await svc.pending.clear(groupId, ctx.msg.sender.id)
  for (const id of chosenIds) {
    const replay: Understanding = { intent: p.intent as Intent, slots: { ...(p.slots as Slots), activity: id } }
    // A pasted 接龙: the whole list, not only her own lines.
    const list: ResidentIntent | undefined = p.list ? { kind: 'roster', titleLines: [], names: p.list, weak: false } : undefined
    if (replay.intent === 'reminder.create') await remind(ctx, svc, replay)
    else await act(ctx, svc, replay, list, `${p.msgId}:a${id}`)
  }
}

export const closedFor = (a: Activity, now: number) => a.status !== 'open' || (a.deadlineAt > 0 && now > a.deadlineAt) || now > a.startAt

/** One activity's sign-up of `people` (the family rule applied), queued behind any held for its announcement. */
async function joinOne(ctx: Context, svc: SignupService, a: Activity, people: Who[], msgId: string, opts: { ruleSaid?: boolean } = {}): Promise<void> {
  const groupId = groupIdOf(ctx)!
  const by = { id: ctx.msg.sender.id, name: ctx.msg.sender.name }
  // Sign-ups held for an announcement being published are applied first; this one queues behind them.
  if (ctx.msg.conversation.kind === 'room' && (await svc.holdIfWaiting({ groupId, msgId, by, people: slotsFor(people, by), room: ctx.msg.conversation, activityId: a.id, traditional: wroteTraditional(ctx), ...quietHold(ctx) }))) return
  let note = ''
  let slots: PersonSlot[]
  if (a.countRule === 'family' && people.some((p) => 'relation' in p && CHILD.test(p.relation))) {
    // The children come with the first grown-up and take no place of their own; the roster still says so.
    const children = people.flatMap((p) => ('relation' in p && CHILD.test(p.relation) ? [p.relation.replace(/\d+$/u, '')] : []))
    people = people.filter((p) => !('relation' in p && CHILD.test(p.relation)))
    if (people.length === 0) people = [{ self: true }]
    slots = slotsFor(people, by)
    slots[0] = { ...slots[0]!, name: texts.withChildren(slots[0]!.name, children) }
    note = texts.familyRule
  } else slots = slotsFor(people, by)
  await svc.enqueue({ op: 'join', activityId: a.id, msgId, by, people: slots, traditional: wroteTraditional(ctx) })
  // Said once in a burst of sign-ups, not to every parent.
  if (note && !opts.ruleSaid && !besideEmergency(ctx) && (await svc.firstTime(`family-rule:${a.id}`, 30 * 60))) await ctx.reply(note)
}

/**
 * The one activity meant, or a reply asking which (remembered, so "2" or "插花那个" answers it) or saying none.
 * Without an understanding to replay (host commands), the question asks for the command form.
 */
export async function chosen(ctx: Context, svc: SignupService, picked: Pick, verb: string, u?: Understanding, msgId = ctx.msg.id, list?: string[]): Promise<Activity | undefined> {
  if ('one' in picked) return picked.one
  if ('several' in picked) {
    const groupId = groupIdOf(ctx)
    if (besideEmergency(ctx)) return undefined
    if (u && groupId && (RESIDENT_INTENTS.has(u.intent) || u.intent === 'reminder.create')) {
      await svc.pending.set(groupId, ctx.msg.sender.id, { kind: 'which_activity', intent: u.intent, slots: { ...u.slots }, msgId, activityIds: picked.several.map((a) => a.id), ...(list ? { list } : {}) })
      await ctx.reply(texts.askWhichShort(picked.several, svc.tz, verb))
    } else await ctx.reply(texts.askWhich(picked.several, svc.tz, verb))
  } else if ('unknownName' in picked) {
    // Named an activity the group does not have: say so and show what is open (the answer "1" or a title is taken).
    const groupId = groupIdOf(ctx)
    if (picked.open.length === 0) await ctx.reply(texts.noOpenActivity)
    else {
      if (u && groupId && !besideEmergency(ctx)) await svc.pending.set(groupId, ctx.msg.sender.id, { kind: 'which_activity', intent: u.intent, slots: { ...u.slots }, msgId, activityIds: picked.open.map((a) => a.id) })
      await ctx.reply(texts.noSuchActivity(picked.unknownName, picked.open, svc.tz))
    }
  } else if ('notFound' in picked) await ctx.reply(texts.notFound(picked.notFound))
  else await ctx.reply(texts.noOpenActivity)
  return undefined
}

/** A sign-up held beside an emergency ends silently when nothing is published (see silenced). */
const quietHold = (ctx: Context): { quiet?: true } => (besideEmergency(ctx) ? { quiet: true } : {})

/**
 * She writes in Traditional characters (the summary confirming her sign-up or cancellation follows her script): her
 * message says so, or, written the same in both ("不去了", "+1"), the one she last wrote in (core/her-script.ts).
 */
function wroteTraditional(ctx: Context): boolean {
  return herScript(ctx) === 'traditional'
}
