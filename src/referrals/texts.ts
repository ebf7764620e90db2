// User-facing text of help requests (WeChat: plain, short, Simplified Chinese).
// Group texts never carry anything the resident said: no details, no numbers, no category.
import type { Category, Urgency } from './categories.ts'
import { STATUS_LABELS, type Status } from './categories.ts'
import { shortTime } from './cases.ts'

/** Staff see identity numbers only by their last four digits (phone numbers stay: staff call them back). */
export function maskIdNumbers(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])\d{14}(\d{3}[\dXx])(?![0-9A-Za-z])/g, (_m, last: string) => `${'*'.repeat(14)}${last}`)
}

export interface Hotlines {
  medical: boolean
  selfHarm: boolean
  /** 健康 with `medical`: a body in trouble and no one hurting her (a child's seizure) — 120 comes first. */
  category?: Category
}

/** The numbers, always first: 110, then 120 for a medical emergency, then 12338 (and 12356 for self-harm); 120 first when only a body is in trouble. */
export function hotlineLine(h: Hotlines): string {
  if (h.medical && h.category === '健康（两癌筛查等）') return '需要急救请立即拨打120；如有危险请拨打110。'
  return [
    '如有危险，请立即拨打110报警',
    h.medical ? '需要急救请拨打120' : undefined,
    '也可拨打12338（全国妇女维权公益服务热线）',
    h.selfHarm ? '想找人说说心里话可拨打12356（心理援助热线）' : undefined,
  ]
    .filter(Boolean)
    .join('；')
    .concat('。')
}

/**
 * How a help request is met first: violence or distress (not her fault, 110), trouble at home, a legal question
 * (legal aid, 12338), or nothing beyond the private offer (a job, a screening).
 */
export type SupportKind = 'abuse' | 'family' | 'legal' | 'heart'

export const referralTexts = {
  /** Added under a Q&A answer whose question touches a help topic. */
  helpHintGroup: '如需个人帮助，可以私聊我，我会保护您的隐私。',
  /** Put before the personal-help hint under an answer about domestic violence. */
  violenceNumbers: '遇到家暴可以拨打110报警，也可以拨打12338妇女维权热线。',
  helpHintPrivate: '如需个人帮助，回复「转人工」，我帮您转给工作人员。',
  // ---- in the group: short, no details ----
  // WeChat only delivers private messages to friends of the bot account: say what to do if none arrives.
  groupPrivately: '已私信您，请留意私聊（没收到请加我好友）。',
  groupEmergency: (h: Hotlines) => `${hotlineLine(h)}已私信您，请留意私聊（没收到请加我好友）。`,
  recallAdvice: '您的消息里有手机号或身份证号，为保护隐私，建议长按消息撤回。需要帮助请私聊我；问问题请去掉号码后再@我。',
  recallAndThirdParty: '您的消息里有手机号或身份证号，为保护隐私，建议长按消息撤回。谢谢您告诉我们，我已私下转给工作人员跟进；如有人正处于危险，请马上拨打110。',
  recallAndPrivately: '您的消息里有手机号或身份证号，为保护隐私，建议长按消息撤回。已私信您，请留意私聊（没收到请加我好友）。',
  /** The understanding is taking a moment (a slow model): the resident hears something at once. */
  working: '收到，我看一下，请稍等。',
  staffCommandInGroup: '案件操作请私聊我，群里不处理。',
  /**
   * A disclosure in the group: support first (not her fault), the numbers for danger, the private channel.
   * Never a word of what she wrote.
   */
  groupDisclosure: '谢谢您愿意说出来，这不是您的错。如有危险请马上拨打110，也可以拨打12338（妇女维权热线）。我已私信您，可以私下慢慢说，只有工作人员会看到（没收到请加我好友）。',
  /** Trouble at home that is not violence (a quarrel with the in-laws): no "not your fault", which presumes a wrong. */
  groupHeart: '谢谢您愿意说出来，难受的时候找人说说是对的，也可以拨打12356（心理援助热线）。我已私信您，可以私下慢慢说，只有工作人员会看到（没收到请加我好友）。',
  groupFamily: '谢谢您愿意说出来。家里的事可以私下慢慢说，也可以拨打12338（妇女维权热线）咨询。我已私信您，只有工作人员会看到（没收到请加我好友）。',
  /** A legal question about her own case (child support, divorce, property): where free legal help is. */
  groupLegal: '这类问题可以申请免费法律援助（12348公共法律服务热线），也可以拨打12338（妇女维权热线）咨询。我已私信您，可以私下细说，只有工作人员会看到（没收到请加我好友）。',
  /** Someone reports another person's trouble in the group. */
  groupThirdParty: '谢谢您告诉我们，我已私下转给工作人员跟进，群里就不多说了。如有人正处于危险，请马上拨打110。',
  thirdPartyPrivate: '谢谢您告诉我们，我已转给微家的工作人员跟进，她可能会私下联系您了解情况。如有人正处于危险，请马上拨打110；妇女维权热线12338。',
  /** A sign-up that mentions a worry at home: a gentle word in private, nothing in the group. */
  /** Said of what she mentioned by its kind (a lump is no 家里的事), and the number that fits it. */
  checkIn: (category: Category) => {
    const health = category === '健康（两癌筛查等）'
    const what = category === '家庭暴力' || category === '婚姻家庭纠纷' || category === '儿童与家庭教育' ? '家里的事' : health ? '身体上的事' : category === '心理支持' ? '心里的事' : '的事'
    const numbers = health ? '身体突然不舒服请及时就医，急症拨打120。' : '遇到危险请拨打110或12338。'
    return `报名收到啦。您刚才提到${what}，想跟您说一声：如果需要帮助，可以私下跟我说，我会帮您转给工作人员，群里不会有人知道。回复「同意」我就转，不需要可以不理我。${numbers}`
  },
  /** Private help request: a line of support before the consent question. */
  privateSupport: '谢谢您告诉我，这不是您的错。',
  /** Distress with no one hurting her (sleepless, low): no "not your fault", the psychological hotline. */
  privateHeart: '谢谢您告诉我，难受的时候找人说说是对的。想说心里话也可以拨打12356（心理援助热线）。',
  privateFamily: '谢谢您告诉我。',
  privateLegal: '这类问题可以申请免费法律援助（12348），也可以拨打12338咨询。',

  // ---- private: emergencies ----
  emergencyForwarded: (h: Hotlines) =>
    `${hotlineLine(h)}\n为了您的安全，我已把您的求助紧急转给值班工作人员，她会尽快联系您。\n方便的话告诉我：工作人员怎么联系您最安全？（比如只发微信、可以打电话、什么时间方便）`,
  emergencyAskConsent: (h: Hotlines) =>
    `${hotlineLine(h)}\n我可以马上把您的情况私下转给工作人员，由她尽快联系您。同意请回复「同意」，不需要请回复「不用」。`,
  emergencyAgain: (h: Hotlines) => `${hotlineLine(h)}\n我已把新情况告诉负责您的工作人员。`,
  /** Storage is down: no case yet, but the numbers and (when reachable) staff go out directly. */
  emergencyDirect: (h: Hotlines, staffTold: boolean) =>
    `${hotlineLine(h)}\n${staffTold ? '我已把您的求助直接告诉值班工作人员，她会尽快联系您。' : '值班工作人员会尽快联系您。'}请保护好自己。`,
  staffAlertDirect: (groupName: string, residentName: string, text: string) =>
    `【紧急求助】（系统暂时无法建档，恢复后会补发案件编号）\n微家：${groupName}\n居民：${residentName}\n情况：${text}\n请尽快私聊联系她，必要时报警。`,
  emergencyContactNoted: '收到，已告诉工作人员。请保护好自己，有危险随时拨打110。',
  /** "别让群里知道" when asked how to reach her: the promise, and the question again. */
  cautionThenContact:
    '放心，群里不会有人知道，我们也不会告诉任何人，您的叮嘱我会一并告诉工作人员。您希望工作人员怎么联系您？\n1. 微信私聊\n2. 打电话（请留号码）\n3. 当面聊\n回复数字或直接说就行。',
  /** Staff read this before her words when a reporter says the trouble is her own. */
  staffSelfRevealed: '【反映人说需要帮助的就是她本人，请按本人求助处理】',
  /** The reporter says it is about herself: what a disclosure hears, and how staff will reach her. */
  selfRevealed: (category: Category) =>
    `谢谢您愿意告诉我${category === '家庭暴力' ? '，这不是您的错' : ''}。我已经告诉工作人员需要帮助的就是您，她会私下联系您，群里不会有人知道。您希望怎么联系：微信、电话（请留号码）还是当面？什么时间方便也可以直接告诉我。如果现在有危险，请马上拨打110；妇女维权热线12338。`,
  /** Something about reaching her, said after her request went to staff: added to it. */
  caseNoteAdded: (id: string) => `收到，已补充到您的求助（编号 ${id}）里，工作人员会按您说的来联系您。`,
  caseCautionAdded: (id: string) => `放心，群里不会有人知道，我们也不会告诉任何人。您的叮嘱已补充到求助（编号 ${id}）里，工作人员会照做。`,
  reportMoreNoted: '收到，已补充给工作人员，她会看情况跟进。如有人正处于危险，请马上拨打110。',
  reportMoreNotedAnonymous: '收到，已补充给工作人员，她会看情况跟进；我们不会告诉任何人是您反映的。如有人正处于危险，请马上拨打110。',
  emergencyMoreNoted: '收到，已转给工作人员。请保护好自己，有危险随时拨打110（不方便出声时可发短信到12110报警）。',
  /** Put before her words in the staff's supplement when she says she cannot phone. */
  staffTextOnly: '【她不方便接打电话，只用文字联系】',
  staffUrgent: '【紧急】',
  askNumber: '请留一个方便接的电话号码（只有工作人员能看到），也可以说什么时间打方便。',
  privacyPromise: '不会告诉他，也不会告诉其他人，群里没人会知道，也不会有人不打招呼就上门。工作人员只按您说的方式联系您；您不同意，我们不会转给任何人。',
  /** Added to the first emergency reply when she already says she cannot phone. */
  silentWay: '不方便出声的话，可以发短信到12110报警（写清地址和情况）。',
  emergencySilentNoted: '收到，已告诉工作人员，只用文字联系您。需要报警又不能出声，就发短信到12110（写清地址和情况）。',
  emergencyCannotSend: (silent: boolean) =>
    `我没法直接派人或报警，您说的已经紧急转给工作人员。要警察马上来，请${silent ? '发短信到12110报警（写清地址和情况）' : '拨打110，不能出声就发短信到12110（写清地址和情况）'}。能离开的话先去人多、安全的地方。`,
  emergencySilent: '明白，不方便打电话。我已告诉工作人员：只用文字联系您，不打电话。需要报警又不能出声时，可以发短信到12110（写清地址和情况）；能离开的话先去人多、安全的地方。',

  // ---- private: the consent flow ----
  askConsent: (category: Category, question?: string) =>
    `${question ? `您刚才问的「${question}」，资料里没有现成答案。` : ''}我可以把您的情况私下转给微家的工作人员${category === '其他' ? '' : `（${category}方面）`}，由专人联系您，群里不会有人知道。\n同意请回复「同意」，不需要请回复「不用」。`,
  askConsentAgain: '不麻烦的，这正是工作人员该做的事。请回复「同意」转给工作人员，或回复「不用」。',
  /** More of her story, which says what it is about: what that means for her, then the consent question for that kind. */
  /** Asked outright while her yes is awaited: it is violence, what the law counts, and the numbers. */
  isAbuse: '这不是您的错。按《反家庭暴力法》，殴打、推搡、限制人身自由、经常性谩骂恐吓都属于家庭暴力；可以拨打12338（妇女维权热线）咨询，有危险请马上拨打110。',
  someoneToTalk: '好的，工作人员会尽快联系您，陪您说说话。想马上找人说，也可以拨打12356（心理援助热线）。',
  talkOffered: '想找人说说的话，工作人员可以私下联系您，陪您说说话，群里不会有人知道。要我转给她吗？请回复「同意」或「不用」。想马上找人说，也可以拨打12356（心理援助热线）。',
  statusOneStepLeft: '您的求助还差一步就转给工作人员了：',
  confidential: '谁找过工作人员、说了什么，都是保密的，我不能告诉别人。想了解的话可以直接问她本人。',
  ownCaseInPrivate: '求助的进度请私聊我问，发「我的案件」就行，群里不说。',
  /** Someone else's request asked after (see others.ts for who learns what). */
  othersCase: '别人的求助情况不方便透露。想关心她的话，可以直接问候她本人。',
  /** To the host of its group: who follows it up and the status word, nothing of what it is about. */
  othersCaseHost: (name: string, status: Status, staff: string | undefined) =>
    status === 'new'
      ? `${name}的求助已转给工作人员，正在等人接手（${STATUS_LABELS.new}）。具体情况请直接问工作人员。`
      : status === 'closed'
        ? `${name}的求助${staff ?? '工作人员'}已经办结（${STATUS_LABELS.closed}）。具体情况请直接问${staff ?? '工作人员'}。`
        : `${name}的求助由${staff ?? '工作人员'}跟进中（${STATUS_LABELS[status]}）。具体情况请直接问${staff ?? '工作人员'}。`,
  /** To staff who may act on it: its number, holder and status; the details through 查看 as always. */
  othersCaseStaff: (name: string, id: string, status: Status, staff: string | undefined) =>
    `${name}的求助 ${id}：${status === 'new' ? '还没有人接单' : `${staff ?? '工作人员'}负责`}（${STATUS_LABELS[status]}）。详情请发「查看 ${id}」。`,
  /** A host or staff asking after someone with no case of their group (none, or not theirs to know of). */
  othersCaseNone: (name: string) => `没有查到您负责的微家里${name}正在跟进的求助。具体情况可以问工作人员。`,
  voiceToStaff: '我这里只能看文字，听不了语音；工作人员可以听语音，也可以给您打电话。您想用语音的事我会告诉她。',
  /** In the group, to someone asking after a member whose emergency they saw: nothing of what happened. */
  concernForHer: '谢谢关心。她的情况工作人员已经在私下跟进，群里不方便多说；想帮忙的话可以私下问候她。',
  /** In the group, to someone asking after a neighbour by name: nothing said or implied about her. */
  concernAnyone: '谢谢您关心邻居。群友的个人情况我这里不谈；您要是担心她，可以私下问候一声。需要帮忙的话，也可以私聊我，我转给工作人员。',
  /** Her question answered while the number to call her on is still awaited. */
  numberStillMissing: '另外，工作人员打电话联系您还差一个号码，方便时发给我就行；不想留号码，回复「微信」也可以。',
  /** Put in the staff's contact line when she answered the number question with thanks. */
  noNumberLeft: '没有留号码，请先微信私聊约时间',
  consentStillOpen: '要我把您的情况私下转给工作人员的话，回复「同意」；不需要就回复「不用」。',
  storyHeard: (category: Category) =>
    `${category === '家庭暴力' ? '谢谢您说出来，这不是您的错。按《反家庭暴力法》，殴打、推搡、限制人身自由、经常性谩骂恐吓都属于家庭暴力；可以拨打12338（妇女维权热线）咨询，有危险请马上拨打110。\n' : '谢谢您说出来。\n'}我可以把您的情况私下转给微家的工作人员${category === '其他' ? '' : `（${category}方面）`}，由专人联系您，群里不会有人知道。\n同意请回复「同意」，不需要请回复「不用」。`,
  /** Violence told only with the way to reach her: what it means for her, before the case number. */
  storyHeardWithContact: '谢谢您说出来，这不是您的错。有危险请马上拨打110，也可以拨打12338（妇女维权热线）。',
  askContact: '好的。您希望工作人员怎么联系您？\n1. 微信私聊\n2. 打电话（请留号码）\n3. 当面聊\n回复数字或直接说就行，也可以说什么时间方便。',
  askDescription: '请用一两句话说说您遇到的情况，我转给工作人员（只有她能看到）。',
  descriptionTooShort: '能再多说一点吗？一两句话就行，方便工作人员提前了解。',
  submitted: '好的，已转给工作人员，她会尽快联系您。',
  declined: '好的，不转了，您的话我不会告诉别人。随时可以再找我；如遇危险请拨打110。',
  cancelled: '好的，已取消。随时可以再找我。',
  flowGaveUp: '我先不转了。需要帮助时随时私聊我说「求助」；如遇危险请拨打110。',

  // ---- private: case updates for the resident (no staff notes, no results) ----
  caseCreated: (id: string) => `您的求助已登记，编号 ${id}。工作人员接手后我会告诉您。`,
  caseAcknowledged: (id: string, staff: string) => `您的求助（编号 ${id}）已由工作人员${staff}接手，她会尽快联系您。`,
  caseClosed: (id: string) => `您的求助（编号 ${id}）已办结。如还需要帮助，随时私聊我；如遇危险请拨打110。`,
  withdrawn: (ids: string[]) => `好的，${ids.length ? `您的求助（编号 ${ids.join('、')}）已撤回，` : ''}不会再有人联系您，您说的话我也不会告诉别人。以后需要帮助随时私聊我；如遇危险请拨打110。`,
  withdrawnInGroup: '好的，已按您说的办，详情私信您了。',
  /** Words that may take her request back, not plainly: asked once, nothing closed. */
  askWithdraw: '您是要撤回求助吗？回复「撤回」确认。不撤回的话不用管，工作人员会继续跟进您的事。',
  withdrawKept: '好的，您的求助不撤回，工作人员会继续跟进。要撤回的话，回复「撤回」就行；如遇危险请拨打110。',
  /** Thanks, or news of the help under way, while her case is taken: a short warm word (and, for news, that staff will read it). */
  thanksTaken: (staff: string, noted: boolean) => `不客气😊 ${noted ? `您说的我记下了，${staff}能看到。` : ''}${staff}会继续跟进您的事，有什么情况随时跟我说；如遇危险请拨打110。`,
  /** The same while her case still waits for someone to take it. */
  thanksWaiting: '不客气😊 您的求助已经转给工作人员，有人接手我会马上告诉您；如遇危险请拨打110。',
  caseStatus: (lines: string[]) => `您的求助：\n${lines.join('\n')}\n有新情况我会私信告诉您。着急的话可以回复「转人工」，如遇危险请拨打110。`,
  caseStatusLine: (id: string, status: Status, staff: string | undefined, since: string) =>
    `${id}：${status === 'new' ? `已转给工作人员，${since}登记，正在等人接手` : `已由${staff ?? '工作人员'}接手（${STATUS_LABELS[status]}）`}`,
  noOpenCase: '您现在没有在办的求助。需要帮助可以直接跟我说，我帮您转给工作人员。',
  /** "那事有人管了没" after staff closed hers (or the one she reported): handled, not forgotten. */
  caseClosedRecently: (id: string, when: string) => `您的求助（或您反映的情况）${id} 工作人员已经跟进处理，已于 ${when} 办结。谢谢您的信任；还需要帮助可以直接跟我说。`,
  statusInGroup: '已私信您，请留意私聊（没收到请加我好友）。',
  staffWithdrawn: (id: string, resident: string) => `【撤回】${id}（${resident}）居民撤回了求助，案件已关闭，请不要再联系她；如有安全顾虑请按规定处理。`,
  contactFromConsent: { wechat: '微信私聊', phone: '打电话', none: '暂不联系（她会主动找我们）' } as Record<string, string>,

  // ---- staff ----
  staffAlert: (c: StaffCaseView) =>
    [
      `${c.urgency === '紧急' ? '【紧急求助】' : '【新求助】'}${c.id}`,
      `类别：${c.category}　微家：${c.groupName}`,
      `居民：${c.residentName}`,
      `联系方式：${c.contact || '未说明'}`,
      `情况：${maskIdNumbers(c.description || '（未描述）')}`,
      `同意转介：${c.consentBasis === 'third-party' ? '他人代为反映（当事人尚未同意，请谨慎联系）' : c.consent ? '是' : '否（紧急情况，按规定先转）'}`,
      `请回复「接单 ${c.id}」`,
    ].join('\n'),
  /** 查看 R-…: the case as staff need it to act (identity numbers by their last four digits, as in every notice). */
  caseView: (c: StaffCaseView, status: Status, assignee: string | undefined, notes: { at: number; by: string; text: string }[], tz: string) =>
    [
      `${c.id}（${STATUS_LABELS[status]}${assignee ? `，${assignee}负责` : ''}）`,
      `类别：${c.category}　紧急程度：${c.urgency}　微家：${c.groupName}`,
      `居民：${c.residentName}　联系方式：${c.contact || '未说明'}`,
      `情况：${maskIdNumbers(c.description || '（未描述）')}`,
      ...(notes.length ? ['备注：', ...notes.map((n) => `${shortTime(n.at, tz)} ${n.by}：${maskIdNumbers(n.text)}`)] : []),
    ].join('\n'),
  staffReminder: (c: StaffCaseView, minutes: number) => `【提醒】${c.id}（${c.category}，${c.urgency}）已${formatMinutes(minutes)}无人接单，请尽快回复「接单 ${c.id}」。`,
  supervisorEscalation: (c: StaffCaseView, minutes: number, staff: string[]) =>
    `【督办】${c.id}（${c.category}，${c.urgency}，${c.groupName}）已${formatMinutes(minutes)}无人接单。已通知：${staff.join('、') || '（无人可通知）'}。\n${referralTexts.staffAlert(c)}`,
  staffRoomNotice: (id: string, category: Category, urgency: Urgency) => `${urgency === '紧急' ? '【紧急】' : ''}新求助 ${id}（${category}），已私信值班工作人员。`,
  staffSupplement: (id: string, text: string) => `【补充】${id} 居民补充：${maskIdNumbers(text)}`,
  transferred: (c: StaffCaseView, from: string) => `【转派】${from}把 ${c.id} 转给您。\n${referralTexts.staffAlert(c)}`,

  ackOk: (id: string) => `已接单 ${id}。请尽快联系居民；处理中可「备注 ${id} 内容」，办完「结案 ${id} 结果」。`,
  noteOk: (id: string) => `已备注 ${id}。`,
  transferOk: (id: string, to: string) => `已把 ${id} 转给${to}。`,
  closeOk: (id: string) => `已结案 ${id}，已告知居民。`,
  notFound: (id: string) => `没有找到案件 ${id}，请检查编号。`,
  notYours: (id: string) => `${id} 不在您负责的微家，不能操作。`,
  alreadyTaken: (id: string, by: string) => `${id} 已由${by}接单。`,
  alreadyYours: (id: string) => `${id} 您已接单。`,
  alreadyClosed: (id: string) => `${id} 已结案。`,
  ackFirst: (id: string) => `请先「接单 ${id}」。`,
  unknownStaff: (name: string) => `找不到工作人员「${name}」。请用配置里的名字，并请对方先私聊我一次。`,
  myCasesEmpty: '您目前没有待办案件。',
  myCases: (lines: string[]) => `您的案件（${lines.length}件）：\n${lines.join('\n')}`,
  caseLine: (id: string, category: Category, urgency: Urgency, status: Status, at: string) => `${id} ${category} ${urgency} ${STATUS_LABELS[status]} ${at}`,
  usage: '指令：接单 编号 / 查看 编号 / 备注 编号 内容 / 转派 编号 姓名 / 结案 编号 结果 / 我的案件',
}

export interface StaffCaseView {
  id: string
  category: Category
  urgency: Urgency
  groupName: string
  residentName: string
  contact?: string
  description?: string
  consent: boolean
  consentBasis?: 'resident' | 'emergency-policy' | 'third-party'
}

function formatMinutes(min: number): string {
  if (min >= 60 * 24 && min % (60 * 24) === 0) return `${min / 60 / 24}天`
  if (min >= 60) return `${Math.round(min / 6) / 10}小时`
  if (min >= 1) return `${Math.round(min)}分钟`
  return `${Math.max(1, Math.round(min * 60))}秒`
}
