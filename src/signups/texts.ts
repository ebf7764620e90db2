// Everything the sign-up capability says, in short plain Chinese that reads well in WeChat.
import { formatDate, formatDateTime } from '../core/zh/format.ts'
import type { Activity, Entry, Outcome, Roster } from './store.ts'
import { bringIn, feeIn } from './notes.ts'

const when = (at: number, tz: string) => formatDateTime(new Date(at), tz)
const label = (a: Pick<Activity, 'id' | 'title'>) => `活动${a.id}「${a.title}」`
/** The host's words when she cancelled it, as hers: "（李姐说：场地被占了，下次再约）". */
const why = (a: Activity) => (a.cancelReason ? `（${a.hostName ? `${a.hostName}说：` : ''}${a.cancelReason}）` : '')
const count = (a: Activity, confirmed: number) => (a.capacity > 0 ? `${confirmed}/${a.capacity}` : `${confirmed}人`)

export interface DraftView {
  title?: string
  startAt?: number
  place?: string
  capacity?: number
  deadlineAt?: number
  notes?: string
  /** Known once published (or said in the notice): a parent with a child takes one place. */
  countRule?: 'person' | 'family'
}

function details(d: DraftView, tz: string): string[] {
  return [
    `时间：${d.startAt ? when(d.startAt, tz) : '（未定）'}`,
    `地点：${d.place || '（未定）'}`,
    ...(d.capacity ? [`名额：${d.capacity}${d.countRule === 'family' ? '个家庭（孩子不另占名额）' : '人'}`] : []),
    ...(d.deadlineAt ? [`报名截止：${when(d.deadlineAt, tz)}`] : []),
    ...(d.notes ? [`备注：${d.notes}`] : []),
  ]
}

export const texts = {
  announcement: (a: Activity, tz: string, several: boolean) =>
    [
      `【活动${a.id}】${a.title}`,
      ...details(a, tz),
      several
        ? `报名请回复「报名 活动${a.id}」，帮家人报：「帮婆婆报名 活动${a.id}」，取消：「取消报名 活动${a.id}」。`
        : '报名请直接回复「报名」或「+1」，帮家人报：「帮婆婆报一个」，取消：「取消报名」。',
    ].join('\n'),

  draft: (d: DraftView, tz: string, questions: { text: string; blocking: boolean }[]) =>
    [
      `活动草稿：${d.title || '（未定名称）'}`,
      ...details(d, tz),
      ...questions.map((q) => `⚠ ${q.text}`),
      questions.some((q) => q.blocking)
        ? '请补上后重新发一遍（只改时间的话，@我发时间就行，如「周六下午2点」）。'
        : '没问题请回复「确认」；要改就重新发一遍（只改时间的话，@我发时间就行）。',
    ].join('\n'),
  draftStillBlocked: '草稿还有问题没解决：',
  noRoom: '还不知道要发到哪个群，请在群里@我发布。',
  publishedPrivately: (a: Activity) => `已在群里发布活动${a.id}「${a.title}」。`,

  missingTitle: '请补充活动名称',
  missingTime: '请补充活动时间，比如「周六下午2点」',
  missingClock: '只说了日期，请补充几点开始，比如「周六下午2点」',
  pastTime: (at: number, tz: string) => `${when(at, tz)}已经过了`,
  deadlineAfterStart: '报名截止时间晚于活动开始，已改为活动开始前截止',
  noDraft: '没有待确认的活动。发布活动请@我：发布活动 周六下午2点 亲子阅读 微家活动室 限20人',
  published: (a: Activity) => `已发布${label(a)}。`,

  summary: (a: Activity, outcomes: Outcome[], confirmed: number, stillWaiting: { name: string; pos: number }[] = []) => {
    const names = (f: (o: Outcome) => boolean) => outcomes.filter(f).map((o) => o.name)
    const lines: string[] = []
    const joined = names((o) => o.op === 'join' && o.status === 'in')
    if (joined.length) lines.push(`已登记：${joined.join('、')}（${count(a, confirmed)}）`)
    const waiting = outcomes.filter((o) => o.op === 'join' && o.status === 'wait')
    if (waiting.length) lines.push(`名额已满，已排候补：${waiting.map((o) => `${o.name}（第${o.pos}位）`).join('、')}`)
    const dup = outcomes.filter((o) => o.op === 'join' && o.status === 'dup')
    if (dup.length) lines.push(`已经在名单里了：${dup.map((o) => (o.state === 'wait' ? `${o.name}（候补第${o.pos}位）` : o.name)).join('、')}`)
    const late = names((o) => o.op === 'join' && (o.status === 'late' || o.status === 'closed'))
    if (late.length) lines.push(`抱歉，报名已经截止了，没能登记：${late.join('、')}。下次活动欢迎早点来报～`)
    const gone = names((o) => o.op === 'join' && o.status === 'cancelled')
    if (gone.length) lines.push(`这个活动已经取消了，没有登记：${gone.join('、')}`)
    // A cancellation said beside an emergency is not named (see resident.ts); the place it frees is still given on.
    const left = names((o) => o.op === 'leave' && o.status === 'removed' && !o.quiet)
    const someLeft = outcomes.some((o) => o.op === 'leave' && o.status === 'removed')
    if (left.length) lines.push(`已取消报名：${left.join('、')}`)
    const notFound = names((o) => o.op === 'leave' && o.status === 'notfound')
    if (notFound.length) lines.push(`没有找到报名记录：${notFound.join('、')}`)
    // A group from one message split between places and the waitlist: say which part is where.
    for (const by of new Set(outcomes.filter((o) => o.op === 'join').map((o) => o.byName))) {
      const mine = outcomes.filter((o) => o.op === 'join' && o.byName === by)
      const inn = mine.filter((o) => o.status === 'in')
      const wait = mine.filter((o) => o.status === 'wait')
      if (inn.length && wait.length) lines.push(`${by}这${mine.length}位：${inn.map((o) => o.name).join('、')}已报上；${wait.map((o) => o.name).join('、')}在候补，有人退出会按顺序补上`)
    }
    const promoted = names((o) => o.op === 'promoted')
    // Only a departure frees a place; a raised capacity is said as such.
    if (promoted.length) lines.push(`${someLeft ? '有人退出，' : '名额增加了，'}候补转正：${promoted.join('、')}，请准时参加～`)
    if (promoted.length && stillWaiting.length)
      lines.push(`${stillWaiting.map((w) => `${w.name}还在候补第${w.pos}位`).join('、')}；要是只能一起来，回复「取消报名」把名额让给下一位。`)
    if (!lines.length) return ''
    return [`${label(a)}`, ...lines, ...(lines.length && (left.length || promoted.length) ? [`目前已报名${count(a, confirmed)}`] : [])].join('\n')
  },

  askWhich: (acts: Activity[], tz: string, verb = '报名') =>
    [`现在有${acts.length}个活动，您要${verb}哪一个？`, ...acts.map((a) => `活动${a.id}「${a.title}」${when(a.startAt, tz)}`), `请回复「${verb} 活动${acts[0]!.id}」这样的格式。`].join('\n'),

  askWhichShort: (acts: Activity[], tz: string, verb = '报名') =>
    [`现在有${acts.length}个活动，您要${verb}哪一个？`, ...acts.map((a) => `${a.id}. 活动${a.id}「${a.title}」${when(a.startAt, tz)}`), `回复编号或活动名就行，比如「${acts[0]!.id}」或「${acts[0]!.title}」。`].join('\n'),

  /** A bare "1" after other talk while a notice is fresh: a sign-up, or an answer to something else? */
  askBareOne: (a: Activity, several: boolean) => `是要报名「${a.title}」吗？回复「${several ? `报名 活动${a.id}` : '报名'}」`,
  noOpenActivity: '现在群里没有正在报名的活动。',
  notOnIt: '您还没有报名（名单和候补里都没有您）。',
  /** How to sign up for something the group has not announced ("广场舞在哪报名"); the name as she said it, or "". */
  notOpen: (name: string, open: Activity[], tz: string) =>
    [
      `群里没有${name ? `「${name}」` : '这个活动'}的报名${open.length ? '，现在报名的是：' : '，现在也没有正在报名的活动。'}`,
      ...open.map((a) => `${label(a)}${when(a.startAt, tz)}`),
      '别的活动怎么报名，可以问问微家主人。',
    ].join('\n'),
  /** Whether activities cost anything, asked with none open. */
  feeNothingOpen: '活动要不要交钱，主人发通知时会写明；现在没有正在报名的活动。',
  noSuchActivity: (name: string, open: Activity[], tz: string) =>
    [`群里没有「${name}」这个活动，现在报名的是：`, ...open.map((a) => `${a.id}. 活动${a.id}「${a.title}」${when(a.startAt, tz)}`), `要报的话回复编号或活动名，比如「${open[0]!.id}」。`].join('\n'),
  /** "绘本那个还搞不搞了" when the group has had no activity of that name lately: none, and what is open. */
  noneTitled: (name: string, open: Activity[], tz: string) =>
    [`群里最近没有「${name}」这个活动。`, ...(open.length ? ['现在报名的是：', ...open.map((a) => `活动${a.id}「${a.title}」${when(a.startAt, tz)}`)] : ['现在群里没有正在报名的活动，有新活动主人会在群里发通知。'])].join('\n'),
  notFound: (n: number) => `没有找到活动${n}，发「活动列表」看看现有活动。`,
  whichActivity: '有几个活动，请在指令后面加上活动编号，比如「名单3」。',

  status: (a: Activity, parts: string[]) =>
    parts.length === 0 ? `${label(a)}的名单里还没有您。想参加回复「报名」就行。` : `${label(a)}：${parts.join('，')}。`,
  statusIn: (name: string) => `${name}已报上`,
  selfNotOn: '您本人还没有报名，要去的话回复「报名」就行。',
  statusWait: (name: string, pos: number) => `${name}在候补第${pos}位`,

  places: (a: Activity, confirmed: number, waiting: number, closed: boolean) => {
    if (closed) return `${label(a)}报名已截止（已报名${count(a, confirmed)}）。有特殊情况可以私下问问微家主人。`
    if (a.capacity === 0) return `${label(a)}不限人数，已报名${confirmed}人，回复「报名」就行。`
    const left = a.capacity - confirmed
    return left > 0
      ? `${label(a)}还有${left}个名额（${confirmed}/${a.capacity}），回复「报名」就行。`
      : `${label(a)}名额已满（${confirmed}/${a.capacity}），现在报名会排候补${waiting ? `（前面有${waiting}人）` : ''}，有人退出会按顺序补上。`
  },

  howto: (a: Activity, tz: string, several: boolean) =>
    `${label(a)}${when(a.startAt, tz)}，${a.place}。报名回复「${several ? `报名 活动${a.id}` : '报名'}」，帮家人报：「帮婆婆报一个」，取消：「取消报名」。`,

  /**
   * `withBy` (hosts and staff): who signed up someone else, so the host knows whom to ask ("3. 刘桂英（陈静帮报）"). Residents see
   * only the names the group's sign-up summaries already posted.
   */
  roster: (a: Activity, r: Roster, tz: string, withBy = false) =>
    [
      `${label(a)} ${when(a.startAt, tz)}`,
      `已报名（${count(a, r.confirmed.length)}）：`,
      ...(r.confirmed.length ? r.confirmed.map(rosterLine(withBy)) : ['（暂无）']),
      ...(r.waitlist.length ? [`候补（${r.waitlist.length}）：`, ...r.waitlist.map(rosterLine(withBy))] : []),
      ...(a.status !== 'open' ? [a.status === 'cancelled' ? '（活动已取消）' : '（报名已截止）'] : []),
    ].join('\n'),

  /** With `rhythm`: the group's own events (家接待, 家聚会…) of the stretch she asked about, after the activities. */
  list: (acts: Activity[], counts: number[], tz: string, rhythm?: { label: string; events: { what: string; at: number }[] }) => {
    const events = rhythm?.events.length ? [`${rhythm.label}的微家固定活动：`, ...rhythm.events.map((e) => `${e.what}：${when(e.at, tz)}`)] : []
    if (acts.length === 0) return events.length ? [texts.noOpenActivity, ...events].join('\n') : '最近没有活动。发布活动请@我：发布活动 周六下午2点 亲子阅读 微家活动室 限20人'
    return [
      '最近的活动：',
      ...acts.map((a, i) => {
        // Full but open: say so, and that the waitlist is open, so nobody signs up expecting a place.
        const full = a.status === 'open' && a.capacity > 0 && (counts[i] ?? 0) >= a.capacity
        return `活动${a.id}「${a.title}」${when(a.startAt, tz)}，${full ? '已满（可排候补）' : STATUS[a.status]}，已报名${count(a, counts[i] ?? 0)}`
      }),
      ...events,
    ].join('\n')
  },

  exported: (a: Activity) => `${label(a)}的名单已私信发给您。`,
  exportFile: (a: Activity, tz: string) => `活动${a.id}-${a.title}-${formatDate(new Date(a.startAt), tz).replace(/（.*）/u, '')}.csv`,
  exportText: (a: Activity, confirmed: number, waiting: number) => `${label(a)}名单：已报名${confirmed}人${waiting ? `，候补${waiting}人` : ''}。`,

  closed: (a: Activity) => `${label(a)}报名已截止，谢谢大家！`,
  alreadyClosed: (a: Activity) => `${label(a)}已经截止报名了。`,
  reopened: (a: Activity) => `${label(a)}重新开放报名，想参加的回复「报名」。`,
  alreadyOpen: (a: Activity) => `${label(a)}正在报名中。`,
  cancelled: (a: Activity, tz: string) => `【通知】${label(a)}（${when(a.startAt, tz)}）取消了${why(a)}，给报名的朋友们添麻烦了，抱歉！`,
  alreadyCancelled: (a: Activity) => `${label(a)}已经取消了。`,
  edited: (a: Activity, changes: string[], tz: string) => [`【变更】${label(a)}有调整：`, ...changes, `现在：${when(a.startAt, tz)}，${a.place}`].join('\n'),
  changeTime: (at: number, tz: string) => `时间改为${when(at, tz)}`,
  changePlace: (p: string) => `地点改为${p}`,
  changeCapacity: (n: number) => (n > 0 ? `名额改为${n}人` : '改为不限人数'),
  changeTitle: (t: string) => `名称改为「${t}」`,
  changeDeadline: (at: number, tz: string) => `报名截止改为${when(at, tz)}`,
  changeNotes: (n: string) => `备注：${n}`,
  capacityBelow: (n: number, confirmed: number) => `注意：已经有${confirmed}人报上，超过新名额${n}人，已报的不会被移出。`,
  editUsage: '修改活动的格式：修改活动3 时间 周日下午3点 / 修改活动3 地点 社区广场 / 修改活动3 限30人',
  editTimeUnclear: (v: string) => `没看懂时间「${v}」，请写成「周日下午3点」这样。`,
  /**
   * Nothing was changed, so the date parser's guess ("按下午3点算（不是上午3点）") is asked as a question, never
   * stated beside the request to say it again.
   */
  editNeedsConfirm: (reason: string, a: Pick<Activity, 'id'>, field: 'time' | 'deadline' = 'time') => {
    const half = /没说上午还是下午，按(.+?)算（不是(.+?)）/u.exec(reason)
    const asked = reason
      .split('；')
      .map((r) => r.replace(/^没说上午还是下午，按(.+?)算（不是(.+?)）$/u, '是$1还是$2？'))
      .map((r) => (/[？?。]$/u.test(r) ? r : `${r}。`))
      .join('')
    const example = half && (field === 'time' ? `活动${a.id}改到${half[1]}` : `修改活动${a.id} 截止 ${half[1]}`)
    return `${field === 'time' ? '时间' : '报名截止时间'}还没改：${asked}请说清楚再发一次${example ? `，比如「${example}」` : ''}。`
  },
  nothingToEdit: '活动已取消，不能再修改。',

  remindDayBefore: (a: Activity, tz: string, names: string[]) =>
    `【活动提醒】明天${when(a.startAt, tz).replace(/^.*）/u, '')}「${a.title}」，地点：${a.place}。${names.length ? `已报名的${names.join('、')}，` : ''}记得准时来哦～不能来的请回复「取消报名」，把名额让给候补的朋友。`,
  remindSoon: (a: Activity, tz: string, names: string[]) =>
    `【活动提醒】「${a.title}」${when(a.startAt, tz)}开始，地点：${a.place}。${names.length ? `${names.join('、')}，` : ''}我们一会儿见！`,
  remindPrivate: (a: Activity, tz: string) => `【活动提醒】您报名的「${a.title}」${when(a.startAt, tz)}开始，地点：${a.place}。`,

  paymentsNotKept: '谁交没交钱我这里不记，可以对着名单核一下：',
    rosterMerged: (a: Activity) => `已按接龙更新${label(a)}的名单。`,

  notSignedUp: '您现在没有报名正在进行的活动，不用取消～',
  /** The sign-up was still waiting for the announcement to go out: taken back before it was recorded. */
  heldWithdrawn: '好的，您刚才的报名已撤回。',
  /** Said to a resident who typed a host's command, after who may use it: what she can do herself. */
  refusalHint: {
    cancel: '要取消自己的报名，回复「取消报名」就行。',
    roster: '想知道自己报上没有，@我问「我报上了没」就行。',
    list: '想知道有什么活动，@我问「最近有啥活动」就行。',
  } as Partial<Record<'edit' | 'close' | 'reopen' | 'cancel' | 'list' | 'roster' | 'export', string>>,
  removeRefused: '只有微家主人可以把别人从名单里划掉。如果是您帮她报的名，回复「帮XX取消」就行；不然请@微家主人处理。',
  removeWho: '要划掉名单里的哪一位？请说名字或序号，比如「把5号划掉」。',
  removeNotFound: (a: Activity, target: string) => `${label(a)}的名单里没有找到「${target}」。`,
  confirmRemove: (a: Activity, name: string, pos: string) => `确定把「${name}」（${pos}）从${label(a)}的名单里划掉吗？回复「确认」划掉，回复「不」保留。`,
  removeKept: (name: string) => `好的，「${name}」保留在名单里。`,
  confirmCancel: (a: Activity, tz: string, people: number) =>
    `确定取消${label(a)}（${when(a.startAt, tz)}）吗？${people ? `已报名的${people}人会收到通知。` : ''}回复「确认」取消，回复「不」保留活动。`,
  cancelKept: (a: Activity) => `好的，${label(a)}照常进行。`,
  replyYesNo: '请回复「确认」或「不」。',
  draftDropped: '好的，这个活动草稿不发了。',
  whichAnswerUnknown: '没对上是哪个活动，请回复活动编号，比如「1」。',

  /** Still on; a time moved since the notice (version > 1) is said as moved, not as "照常". */
  stillOn: (a: Activity, tz: string, taken: number, closed: boolean) =>
    `${label(a)}${a.version > 1 ? '还办，时间改到了' : '照常：'}${when(a.startAt, tz)}，${a.place}${a.capacity ? `（已报${taken}/${a.capacity}）` : `（已报${taken}人）`}。${closed ? '报名已经截止了。' : ''}有变动微家主人会在群里通知。`,
  wasCancelled: (a: Activity, tz: string) => `${label(a)}（原定${when(a.startAt, tz)}）已经取消了${why(a)}。有新活动会在群里发通知。`,
  wasHeld: (a: Activity, tz: string) => `${label(a)}已经在${when(a.startAt, tz)}办过了。`,
  /** What the notice says of the details asked; `unanswered`: something was asked that the notice may not say. */
  info: (a: Activity, tz: string, field: string | undefined, unanswered = false) => {
    const head = `${label(a)}`
    const fee = feeIn(a.notes)
    switch (field) {
      case 'time': return `${head}${when(a.startAt, tz)}开始，地点：${a.place}。`
      case 'place': return `${head}在${a.place}，${when(a.startAt, tz)}。`
      case 'fee': return fee ? `${head}：${fee}。` : `${head}的通知里没有提到收费${a.notes ? `（备注：${a.notes}）` : ''}，具体可以问问微家主人${a.hostName}。`
      default: return [`${head}：${when(a.startAt, tz)}，${a.place}`, ...(a.notes ? [`备注：${a.notes}`] : []), ...((field && field !== 'other') || unanswered ? [`通知里没写的，可以问问微家主人${a.hostName}。`] : [])].join('\n')
    }
  },

  /**
   * "能带女儿一起来吗", counted by family: the child comes on her place — written beside her name when she signed up
   * with the question, else how to say so.
   */
  bringsChild: (a: Activity, who: string, signed: boolean) =>
    `${label(a)}按家庭算名额，${who}跟您一起来不另占名额，${signed ? '已经给您写上了。' : `报名时说「报名 带${who}」就行。`}`,
  /** The same where each person takes a place (or the one asked about is grown up): how to put them on too. */
  bringsOne: (a: Activity, who: string) =>
    `${label(a)}${a.capacity ? (a.countRule === 'family' ? '按家庭算名额，大人各占一个名额' : `按人数报名（限${a.capacity}人）`) : '不限人数'}，${who}来的话也要报上名。需要的话可以回复「帮我${who}也报上」。`,
  /** What the notice says of the things to bring (and the fee, when asked too); what it does not say is named, for the host. */
  feeAndBring: (a: Activity, feeAsked: boolean) => {
    const fee = feeAsked ? feeIn(a.notes) : undefined
    const bring = bringIn(a.notes)
    const known = [...new Set([...(fee ? [fee] : []), ...(bring ? [bring] : [])])]
    const missing = [...(feeAsked && !fee ? ['费用'] : []), ...(!bring ? ['要带的东西'] : [])]
    const ask = missing.length ? `通知里没写${missing.join('和')}，可以问问微家主人${a.hostName}。` : ''
    return known.length ? `${label(a)}：${known.join('，')}。${ask}` : `${label(a)}的通知里没写${missing.join('和')}，可以问问微家主人${a.hostName}。`
  },
  askCountRule: (a: Activity) =>
    `${label(a)}是亲子活动：一位家长带一个孩子来，算一个名额还是两个？回复「按家庭」（一家算一个）或「按人」（每人一个）。没回复前先按每人一个名额登记。`,
  countRuleSet: (a: Activity, rule: 'person' | 'family') => `好的，${label(a)}${rule === 'family' ? '按家庭算名额，孩子不另占名额' : '按人算名额，孩子也占一个名额'}。`,
  remindCustom: (a: Activity, content: string) => `【${label(a)}提醒】${content}`,
  remindCustomSaved: (a: Activity, at: number, tz: string, content: string, people: number) =>
    `好的，${when(at, tz)}只提醒${label(a)}报了名的朋友（现在${people}人）：${content}`,
  remindAutomatic: (a: Activity, tz: string, people: number, hour: number) =>
    `好的，${label(a)}前一天${hour}点和开始前会自动提醒，只@报了名的朋友（现在${people}人），没报名的不打扰。`,
  remindNotSignedUp: '您还没有报名正在报名的活动。报名后，活动前一天和开始前我会在群里@您提醒。',
  remindPast: (at: number, tz: string) => `${when(at, tz)}已经过了，请说一个以后的时间。`,
  familyRule: '（这个亲子活动按家庭算名额，孩子不另占名额）',
  /** A parent's entry in an activity counted by family: "王芳（带儿子）", "张丽（带娃×2）". */
  withChildren: (name: string, children: string[]) => {
    const counted = [...new Set(children)].map((c) => {
      const n = children.filter((x) => x === c).length
      return n > 1 ? `${c}×${n}` : c
    })
    return `${name}（带${counted.join('、')}）`
  },
}


/**
 * "（陈静帮报）" for someone another member signed up; nothing for her own place, her "陈静的妈", a pasted 接龙 line, or a
 * name that may be her own under her display name ("孙姐" writing "4.孙丽华": the same surname, a 小/老/阿 set aside).
 */
const signedUpBy = (e: Pick<Entry, 'name' | 'byId' | 'byName'>) => {
  if (!e.byId || !e.byName || e.name.startsWith(e.byName)) return ''
  return e.byName.replace(/^[小老阿]/u, '')[0] === e.name[0] ? '' : `（${e.byName}帮报）`
}

const rosterLine = (withBy: boolean) => (e: Entry, i: number) => `${i + 1}. ${e.name}${withBy ? signedUpBy(e) : ''}`

const STATUS: Record<Activity['status'], string> = { open: '报名中', closed: '已截止', cancelled: '已取消' }

export const CSV_HEADER = ['序号', '姓名', '状态', '登记人', '报名时间']
