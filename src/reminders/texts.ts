// User-facing text of the reminders capability (Simplified Chinese, short, reads well in WeChat).

export type RhythmKey = 'reception' | 'gathering' | 'activity' | 'banquet'

export const RHYTHM_LABELS: Record<RhythmKey, string> = {
  reception: '家接待',
  gathering: '家聚会',
  activity: '家活动',
  banquet: '家宴会',
}

/**
 * Default message templates. Placeholders: {name} 微家名称, {place} 地点, {date} 日期, {time} 时间.
 * A line whose placeholders are all empty (e.g. no place configured) is dropped.
 */
export const RHYTHM_TEMPLATES: Record<RhythmKey, string> = {
  reception: '【家接待】今天是{name}的家接待日，有事想聊、需要帮忙，欢迎来坐坐。\n地点：{place}',
  gathering: '【家聚会】{name}本月的家聚会今天举行，欢迎姐妹们来参加！\n地点：{place}',
  activity: '【家活动】{name}本季度的家活动今天开展，欢迎大家参加！\n地点：{place}',
  banquet: '【家宴会】{name}一年一度的家宴会今天举行，欢迎带上家人一起来！\n地点：{place}',
}

export const texts = {
  signupPrompt: '想参加的朋友请回复「报名」。',
  /** "家聚会啥时候": the group's own schedule for it. */
  whenScheduled: (what: string, times: { description: string; next: string }[]) =>
    times.length === 1
      ? `本群的${what}：${times[0]!.description}，下一次是${times[0]!.next}。`
      : [`本群的${what}：`, ...times.map((t) => `${t.description}（下一次：${t.next}）`)].join('\n'),
  /** "能来微家坐坐聊聊天不": she is welcome; someone is there at the 家接待 (its times follow). */
  dropIn: (place: string) => `欢迎来坐坐！家接待的时候有人在${place ? `（${place}）` : ''}。`,
  /** "家聚会在哪": the group's own place, or that it is not written down. */
  rhythmPlace: (what: string, place: string) => (place ? `本群的${what}在${place}。` : `群里没写${what}的地点，可以问问微家主人。`),
  /** "要报名不": whether the group signs up for it (its reminder asks for sign-ups). */
  rhythmSignup: (what: string, signup: boolean) =>
    signup ? `${what}要报名：到时群里会发提醒，看到后回复「报名」就行。` : `${what}不用在群里报名，到时间直接来就行。`,
  /** The group's rhythm, each with its next time, and what is open for sign-up now. */
  rhythmOverview: (rhythms: { what: string; description: string; next: string }[], open: { title: string; at: string }[]) =>
    [
      '本群的固定活动：',
      ...rhythms.map((r) => `${r.what}：${r.description}（下一次：${r.next}）`),
      ...(open.length ? ['正在报名：', ...open.map((a) => `「${a.title}」${a.at}`)] : []),
    ].join('\n'),
  customText: (what: string) => `【提醒】${what}`,

  draft: (p: { text: string; description: string; next: string[]; notes: string[] }) =>
    [
      '请确认这条定时提醒：',
      `时间：${p.description}`,
      `内容：${p.text}`,
      p.next.length ? `接下来三次：\n${p.next.map((t) => `· ${t}`).join('\n')}` : '按这个时间算不出下一次，请换个说法。',
      ...p.notes.map((n) => `注意：${n}`),
      '回复「确认」保存，回复「取消」放弃（10分钟内有效）。',
    ].join('\n'),
  saved: (no: number) => `已保存，这是第${no}号提醒。\n「提醒列表」查看全部，「暂停提醒 ${no}」「删除提醒 ${no}」管理。`,
  draftCancelled: '好的，这条提醒没有保存。',
  noDraft: '没有待确认的提醒。',
  needWhat: '要提醒大家什么呢？例如：「每周三下午3点 家接待」。',
  cannotRead: '没看懂提醒的时间。可以这样说：「每周三下午3点 家接待」「每月第一个周六上午9点 家聚会」「每两周的周五晚上7点 读书会」「每年腊月二十上午10点 家宴会」。',
  badCron: (why: string) => `这个 cron 表达式看不懂（${why}）。例如「0 9 * * 6#1」是每月第一个周六9点。`,
  lunarUnsupported: '抱歉，这里暂时算不了农历日期，请改用公历，例如「每年1月20日上午10点 家宴会」。',
  onceSaved: (when: string, what: string, self: boolean, no?: number) =>
    `好的，${when}${self ? '私信提醒您' : '在群里提醒大家'}：${what}${no ? `\n这是第${no}号提醒，不需要了发「删除提醒 ${no}」。` : ''}`,
  oncePast: (when: string) => `${when}已经过了，请说一个以后的时间。`,
  draftChanged: '已按您说的改好，请再看一眼：',
  replacedPaused: (label: string) => `原来的「${label}」提醒已暂停。`,
  noteReplaces: (label: string, description: string, ref: string) => `保存后，原来的「${label}」提醒（${description}）会暂停；想恢复发「恢复提醒 ${ref}」。`,
  moveNotFound: (what: string) => `没有找到正在用的「${/^\d+$/u.test(what) ? `第${what}号提醒` : what}」提醒。发「提醒列表」看看有哪些。`,
  noteSameRhythm: (label: string, description: string, ref: string) => `已经有「${label}」提醒（${description}），再保存会两条都发；只要新的这条，保存后发「暂停提醒 ${ref}」。`,
  noteClash: (label: string) => `「${label}」已经在同一时间提醒，再保存群里会收到两条。`,
  manageWhich: '要管理哪一条提醒？请带上编号，比如「暂停提醒 1」。',
  noGroup: '请在微家群里设置提醒，或先在群里和我说句话。',

  listTitle: (name: string) => `${name}的定时提醒：`,
  listOwnTitle: '您让我私信提醒的事：',
  listEmpty: '还没有定时提醒。微家主人可以这样设置：@我 每周三下午3点 家接待',
  listItem: (p: { ref: string; description: string; label: string; next?: string; paused: boolean; fromConfig: boolean }) =>
    // Config rhythms are referred to by name, chat ones by number; don't print the name twice.
    `${p.ref === p.label ? '·' : `${p.ref}.`} ${p.label}｜${p.description}${p.paused ? '｜已暂停' : p.next ? `｜下次 ${p.next}` : ''}${p.fromConfig ? '（固定节奏）' : ''}`,
  onceItem: (p: { ref: string; when: string; content: string; personal: boolean }) => `${p.ref}. 一次性｜${p.when}｜${p.content}${p.personal ? '（私信提醒您）' : ''}`,
  /** Examples taken from what the list shows: config rhythms by name, chat ones by number; one-offs only deleted. */
  listFooter: (p: { name?: string; recurring?: string; once?: string }) => {
    const ways = [
      p.name && `固定节奏用名称：「暂停提醒 ${p.name}」「恢复提醒 ${p.name}」`,
      p.recurring && `群里设置的用编号：「暂停提醒 ${p.recurring}」「恢复提醒 ${p.recurring}」「删除提醒 ${p.recurring}」`,
      p.once && `一次性的只能删除：「删除提醒 ${p.once}」`,
    ].filter(Boolean)
    return `管理方法——${ways.join('；')}。`
  },
  manageWhichOf: (lines: string[], action: 'pause' | 'resume' | 'delete', ref: string) =>
    [`有${lines.length}条提醒都对得上，要${ACTION_WORDS[action]}哪一条？`, ...lines, `请带上编号或名称，比如「${ACTION_WORDS[action]}提醒 ${ref}」。`].join('\n'),
  onceOnlyDelete: (ref: string) => `提醒 ${ref} 是一次性提醒，不能暂停或恢复，只能删除：发「删除提醒 ${ref}」。`,

  notFound: (ref: string) => `没有找到「${ref}」这条提醒，发「提醒列表」看看编号。`,
  paused: (ref: string) => `已暂停提醒 ${ref}。发「恢复提醒 ${ref}」可恢复。`,
  alreadyPaused: (ref: string) => `提醒 ${ref} 本来就是暂停的。`,
  resumed: (ref: string, next?: string) => `已恢复提醒 ${ref}。${next ? `下次：${next}` : ''}`,
  alreadyActive: (ref: string) => `提醒 ${ref} 正在运行，不用恢复。`,
  /** With what it was about: found by a loose name, she sees which one went. */
  deleted: (ref: string, what: string) => `已删除提醒 ${ref}（${what}）。`,
  cannotDeleteConfig: (ref: string) => `「${ref}」是配置文件里的固定节奏，不能在群里删除；可以发「暂停提醒 ${ref}」暂停，或请管理员改配置。`,

  noteDefaultTime: '没说几点，按上午9点提醒',
  noteDefaultPeriod: (period: string, hour: number) => `只说了${period}，按${period}${hour > 12 ? hour - 12 : hour}点提醒；要改就说「改成${period}4点」这样`,
  noteQuiet: (end: string) => `这个时间在免打扰时段内，会顺延到${end}发送`,
  noteWorkdays: '工作日按周一到周五算，不含法定节假日调休',
  noteMonthEnd: (day: number) => `有的月份没有${day}号，那个月就不提醒`,
}

const ACTION_WORDS = { pause: '暂停', resume: '恢复', delete: '删除' } as const

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** "3月7日（周六）09:00" */
export function formatWhen(w: { month: number; day: number; weekday: number; hour: number; minute: number }): string {
  return `${w.month}月${w.day}日（${WEEKDAY_NAMES[w.weekday]}）${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}
