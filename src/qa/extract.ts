// The offline answer: the sentence(s) of the retrieved passages that answer, quoted as written. Sentences
// are scored by how much of the question they contain (IDF-weighted coverage, rerank.ts), whether they hold
// the kind of answer asked for (a number for "多少", a date for "什么时候", answer-type.ts) and the quoted
// terms. A list question gets the whole list; a number question the sentence with the number.
// Text from documents is only ever quoted, never interpreted, so instructions inside it have no effect.
import { toSimplified } from '../core/zh/script.ts'
import { answerTypes, asksCount, hasAnswerOf } from './answer-type.ts'
import { definitionAsked, defines, escapeRe, LIST_ITEM, quotedSetAsked, spellsOut } from './define.ts'
import { askedDetails, detailsFound, hasDetail } from './detail.ts'
import { focusOf } from './focus.ts'
import { withoutFew } from './few.ts'
import { normalizeForIndex } from './normalize.ts'
import { answerNear } from './ranker.ts'
import { coverageOf, exactOf, type CoverageSpec } from './rerank.ts'
import type { Passage, PreparedQuery } from './retrieve.ts'
import { chooseSentence, SENTENCE_MODEL } from './sentence-select.ts'
import { closersAt, cutsAt, outsidePairs, splitSentences } from './sentences.ts'
import { isTitleLine, titlesOf } from './title-line.ts'
import { QUESTION_WORD } from './weak-words.ts'

const CONTENTS_QUESTION = /(?:搞|干|做|弄|玩)(?:些|了些|的)?(?:啥|什么)|(?:啥|什么)(?:项目|节目|内容)/u
const bracketed = (item: string) => /^\s*[（(]/.test(item)
/** A station's or a programme's kind, dropped to find its role said of its bare name (老舅妈 of 老舅妈工作站). */
const ROLE_SUFFIX = /(?:工作站|服务站|站点|站|中心|项目|计划|工程|行动)$/u
/** When the document itself was written ("这个计划是哪年的", "那份方案啥时候发的"). */
const DOCUMENT_DATE_QUESTION = /(?:这个|那个|这份|那份|这篇|那篇|这个文件|该)(?:工作)?(?:计划|方案|文件|报告|通知|材料|总结)[^，。？?]{0,4}(?:哪一?年|几几年|什么时候|啥时候|哪天|几号|哪个月|几月)/u
/** A line that is only a date: a document's signature date. */
const DATE_LINE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$/u
/** A heading naming the contents of what stands above it (活动内容, 座谈会内容, 主要内容). */
const CONTENTS_HEADING = /内容[:：]?$/u
const LIST_QUESTION = /哪些|哪几|有什么|有啥|包括|包含|都有|几类|几种|几个方面|哪三|哪四|哪五|哪六|哪两|是哪/
const NUMBER_QUESTION = /多少|几(个|次|期|所|人|名|项|天|年|岁|家|场|套|类|条|万)|比例|百分之|第几/
/**
 * Whether something is allowed or required ("女主人非得一个人当吗，几个姐妹合伙行不行"): a sentence that says what may
 * or must be ("可以是一个妇女也可以是一个妇女团队", "不拘一格", "须…") answers, not one that only names the topic.
 */
const PERMISSION_QUESTION = /非得|非要|必须|一定要|一定得|只能|行不行|行吗|可不可以|可以吗|可以不|能不能|中不中|得不得|准不准|允许/u
const SAYS_PERMISSION = /也可|可以是|均可|都可|不拘|不限|不论|无论|须|必须|应当|不得|允许|只要/u
/**
 * "哪个单位牵头", "哪些部门负责": what the body asked for does (牵头) is what the answer must say ("区公安分局为牵头单位");
 * every sentence of the passage names the topic.
 */
const BODY_ASKED = /(?:哪个|哪些|哪家|什么)(?:单位|部门|机构)(?:来|在|去)?(\p{Script=Han}{2})/u
const NOT_ACTION = new Set('一起 一块 一同 共同 联合 组成 参加 参与'.split(' '))
function bodyAction(question: string): string | undefined {
  const verb = BODY_ASKED.exec(question)?.[1]
  return verb && !NOT_ACTION.has(verb) ? verb : undefined
}
/** How far ("徒步要走多远"): a distance answers, not the date of the walk. */
const DISTANCE_QUESTION = /多远|多长的?(?:路|距离)|几公里|多少(?:公里|米|千米)|路程|里程/u
const HAS_DISTANCE = /(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千两半]+)\s*(?:米|公里|千米|里路)/u
/**
 * The measure a count is asked in ("有多少个", "办了几期", "多少人次", "几个人" → 人): a figure in that measure ("已达88个")
 * answers it better than a sentence with other figures ("按照“5+6+X”…"). 个 also counts what is counted by 家, 所, 户, 项.
 */
const MEASURE_ASKED = /(?<!哪)(?:几|多少)个?(人次|[次回场期趟轮人名位家所点项条届批户])|(?<!哪)(?:几|多少)(个)/u
const SAME_MEASURE: Record<string, string> = { 个: '个|家|所|户|项', 人: '人|名|位', 名: '人|名|位', 位: '人|名|位', 次: '次|回|场', 回: '次|回|场', 场: '场|次' }
/** A figure in the measure the question asks its count in; undefined when it asks none. */
function measuredCount(question: string): RegExp | undefined {
  const m = MEASURE_ASKED.exec(question)
  if (!m) return undefined
  const measure = (m[1] ?? m[2])!
  const units = SAME_MEASURE[measure] ?? measure
  // Not a lone 一 ("准备一个节目" counts nothing); "哪几个" asks a list, not a count.
  return new RegExp(`(?:\\d+(?:\\.\\d+)?|[两二三四五六七八九十百千][一二三四五六七八九十两百千]*|一[十百千万])\\s*[万千百]?[余多]?\\s*(?:${units})`, 'u')
}
/** A figure in the asked measure within a few characters of `term`, in its sentence ("目前儿童之家数量已达88个"). */
function measuredNear(term: string, measure: RegExp, text: string): boolean {
  if (term.length < 2) return false
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const before = text.slice(Math.max(0, at - 6), at).split(/[。！？；]/).pop() ?? ''
    const after = text.slice(at + term.length, at + term.length + 16).split(/[。！？；]/)[0] ?? ''
    if (measure.test(before) || measure.test(after)) return true
  }
  return false
}
/** How long something takes or lasts ("要多久", "多长时间"): answered by a span of time, not by any number. */
const DURATION_QUESTION = /多久|多长时间|多少天|几天|几个月|几年|多长的?期限/
/** How long something holds once granted ("能管多久", "管多长时间", "有效期多长"). */
const VALIDITY_QUESTION = /管多久|管多长|管几个月|管几年|有效期|有效多久|管用多久/
const HAS_DURATION = /(?:\d+|[一二三四五六七八九十百两半]+)\s*(?:个)?(?:小时|天|日|周|星期|个?月|年|工作日)(?:内|以内|之内)?/
const FIRST_ITEM = /^\s*(?:1\s*[.、．)）]|[（(][一1][)）]|一是|①)/u
/** A crisis: self-harm or suicide, told as what to do in an emergency. */
const CRISIS = /自伤|自杀|轻生|想不开|伤害自己|不想活/u
const DANGER_ASKED = /紧急|危险|急救|出事|寻死/u
/** "多大年龄能查", "几岁", "60了还能…": answered by an age or an age range ("35—64岁"), not by the sentence that names 年龄. */
const AGE_QUESTION = /多大年[龄纪]|多大岁数|年龄|年纪|岁数|几岁|多少岁|(?:\d{2}|[二三四五六七八九]十[一二三四五六七八九]?)岁?了/
const HAS_NUMBER = /\d|[一二三四五六七八九十百千万两]{1,4}(个|次|期|所|人|名|项|天|年|家|场|类|条|大类|万)/

export interface Extracted {
  body: string
  from: Passage
  /** The most the body may hold when it is more than the reply's usual length: a definition or a list kept whole. */
  limit?: number
}

/**
 * A sentence that defines or lists ("按照“5+6+X”（“5”即“五亮”：…；“6”即“六进家”：…）的模式", "分为五大类：即…、…、…") is quoted
 * whole up to this many times the reply's length: cropped, it loses the part of the definition that follows.
 */
export const WHOLE_FACTOR = 1.5
const DEFINES_OR_LISTS = /即|是指|指的是|包括|分为|[：:]/u
const wholeUnit = (s: string) => DEFINES_OR_LISTS.test(s) && (s.match(/[、；;]/gu) ?? []).length >= 2

/** The sentence lab's hook (scripts/sentence-lab.ts): sees every question's candidates. Never set on the message path. */
export const EXTRACT_LAB: { collect?: (candidates: SentenceCandidate[]) => void } = {}

/** A sentence's signals (extractAnswer's partsOf): the hand score is their weighted sum. */
export interface ShapeParts {
  own: number
  withHeading: number
  exact: number
  kind: number
  detail: number
  focus: number
  number: number
  other: number
  defines: number
}

/** A sentence of the first passages, with its hand score and every signal that went into it. */
export interface SentenceCandidate {
  p: Passage
  rank: number
  sentences: string[]
  i: number
  score: number
  parts: ShapeParts
  enumerates: boolean
  opensList: boolean
  firstPaper: boolean
  run: number
  crisis: boolean
  ownShare: number
  /** Coverage of the sentences before and after it, of the question's key terms in it, and the passage's best coverage. */
  near: { prev: number; next: number; key: number; passageBest: number }
}

interface Scored {
  p: Passage
  rank: number
  sentences: string[]
  i: number
  score: number
}

/** How far down the passages a count or kind asked of a named term is looked for when the first three lack it. */
const FURTHER = 5
const HOME_OF = /\p{Script=Han}{2}之家/gu

/** `maxChars`: the most the quote may hold (the source line is added below it, answer.ts). */
export function extractAnswer(query: PreparedQuery, spec: CoverageSpec, passages: Passage[], best: number, maxChars: number, besides?: string): Extracted {
  // "还有别的吗": what she was just given is not quoted again (more.ts).
  const given = besides ? normalizeForIndex(besides) : undefined
  const quotedBefore = (s: string) => given !== undefined && s.trim().length >= 6 && given.includes(normalizeForIndex(s.trim()))
  const types = answerTypes(query.own)
  const order = [passages[best]!, ...passages.filter((_, i) => i !== best)].slice(0, 3)
  // A count or a kind asked of a named term ("儿童之家现在有多少个") is looked for a little further down too: a later
  // passage that has it right beside the term ("目前儿童之家数量已达88个") is a better quote than a sentence of the
  // first three that only shares the words ("…“六一”儿童节…两个规划学习手册").
  // An institution named with 之家 counts whole: jieba splits off 之家, a weak word, leaving 儿童, which any passage
  // about children has.
  const question = normalizeForIndex(query.own)
  const namedAll = [...new Set([...query.exact, ...spec.keyTerms, ...(question.match(HOME_OF) ?? [])])]
  // The longest form of a term stands for it (儿童之家, not 儿童 as well).
  const namedTerms = namedAll.filter((t) => !namedAll.some((u) => u !== t && u.includes(t)))
  const count = asksCount(query.own)
  const inAskedMeasure = measuredCount(question)
  // In a measure ("多少个"), the figure beside the term must be in it: "“妇女儿童之家”…“5+6+X”" counts nothing.
  const nearIn = (text: string) => (inAskedMeasure ? namedTerms.some((t) => measuredNear(t, inAskedMeasure, text)) : answerNear(namedTerms, count, types, text))
  const asksOfNamed = count || types.length > 0
  if (asksOfNamed && !order.some((p) => nearIn(normalizeForIndex(p.chunk.text)))) {
    order.push(...passages.slice(0, FURTHER).filter((p) => !order.includes(p) && nearIn(normalizeForIndex(p.chunk.text))).slice(0, 1))
  }
  // The detail asked for (a requirement after 啥条件, a procedure after 怎么申请…, detail.ts) counts like an answer kind:
  // "在有场地、有条件、有活动…的场所建立妇女微家" answers 要什么条件, "…组织条件尚未成熟的领域" does not.
  const details = askedDetails(query.own)
  // Papers asked for ("要带啥材料") are a list too: quoted whole, item by item, from its first item.
  const papersQ = details.includes('materials')
  const listQ = LIST_QUESTION.test(query.own) || papersQ
  const docDateQ = DOCUMENT_DATE_QUESTION.test(query.own)
  // "踏春嘉年华是搞些啥": what an activity consists of.
  const contentsQ = CONTENTS_QUESTION.test(query.own)
  // "家接待是干啥的": the sentence that says what it is ("家接待是微家最基础的服务").
  const defined = definitionAsked(query.own)
  // Or, short of that, what it is for: "发挥老舅妈贴近群众、服务群众…的作用" answers "老舅妈工作站是干啥的", where the
  // station's figures (受理群众来访52起) do not.
  // Built once a question: the sentence opening with the term and 是 / 指 / a label's colon, or saying its role.
  const definesIt = defined ? new RegExp(`^\\s*${escapeRe(normalizeForIndex(defined))}(?:是|就是|指|，是|\\s*\\p{Script=Han}{0,16}[：:])`, 'u') : undefined
  const roleOf = defined ? normalizeForIndex(defined).replace(ROLE_SUFFIX, '') : ''
  const rolePattern = roleOf.length >= 2 ? new RegExp(`发挥${escapeRe(roleOf)}[^。；]{0,40}作用|${escapeRe(roleOf)}[^。；]{0,12}(?:负责|职责是|旨在|主要承担)`, 'u') : undefined
  const numberQ = NUMBER_QUESTION.test(withoutFew(query.own))
  const durationQ = DURATION_QUESTION.test(query.own)
  const validityQ = VALIDITY_QUESTION.test(query.own)
  const ageQ = AGE_QUESTION.test(query.own)
  const distanceQ = DISTANCE_QUESTION.test(query.own)
  const permissionQ = PERMISSION_QUESTION.test(query.own)
  const action = bodyAction(question)
  // "包括哪几块内容", "分哪几类": the sentence that counts them in that measure ("…三块内容为主", "分为五大类").
  const kindsMeasure = /哪(?:几|[两三四五六七八九十])(块|类|种|项|条|个方面|方面|部分|大类)/u.exec(query.own)?.[1]
  const countsKinds = kindsMeasure ? new RegExp(`(?:\\d+|[一二三四五六七八九十两]+)\\s*大?${kindsMeasure}`, 'u') : undefined
  // "第几套广播体操", "第几届": an ordinal answers (第九套), not any figure.
  const ordinalQ = /第几/u.test(query.own)
  const dayAsked = details.includes('day')
  const focus = focusOf(query.own)
  // A follow-up ("利息多少" after the loan's amount) is answered by a sentence with its own words (利息), not by the one
  // that answered the question before it, which the context's words still point to.
  const ownTerms = query.context ? spec.terms.filter((t) => question.includes(t) && !QUESTION_WORD.test(t)) : []
  // As written: a glossary bridge (利息 → 创业担保贷款) would let the topic stand for the word asked.
  const ownSpec = ownTerms.length ? { ...spec, bridges: [], terms: ownTerms, total: ownTerms.reduce((sum, t) => sum + spec.weight(t), 0) } : undefined
  // Coverage is read half on the sentence alone and half with its passage's heading, as the decision reads windows: under
  // a heading that names the topic, the sentence that says what is asked need not repeat the topic to be chosen.
  // Each signal of a sentence, kept apart so a learned selector can weigh them (sentence-select.ts); the hand score is
  // their sum as written below.
  // A sentence stands in its document: the words of the document's title (title-line.ts), true of every sentence there,
  // count for each of them alike. Counted only where written, they picked the title line and the opening sentence that
  // repeats it ("2019年是…的关键之年") for any question naming the document, and for every follow-up whose context is its
  // title ("X是指啥" after an answer from the 雨花区 plan).
  const literalSpec = { ...spec, bridges: [] }
  const partsOf = (s: string, heading = '', title = ''): ShapeParts => {
    const norm = normalizeForIndex(s)
    // Not the heading alone: a fragment under a well-matched heading ("（区联席会议办公室负责）") must not outweigh the
    // sentence that answers.
    const own = coverageOf(spec, `${title} ${norm}`)
    const withHeading = heading ? coverageOf(spec, `${title} ${heading} ${norm}`) : own
    // A follow-up that names nothing of its own ("要还几年" after the loan's amount) is all shape: the span, the number or
    // the kind asked decides, not the context's words, which also fit the answer before it.
    const SHAPE = query.context && !ownTerms.length ? 0.6 : 0.3
    const bare = norm.replace(LIST_ITEM, '')
    return {
      own,
      withHeading,
      exact: exactOf(query.exact, `${title} ${norm}`),
      // "哪天发布的" asks a day: "每年…" is a date by its kind, not the day asked (day detail, detail.ts).
      kind: types.some((t) => hasAnswerOf(t, norm)) && (!dayAsked || hasDetail('day', norm, query.own)) ? SHAPE : 0,
      detail: details.length && detailsFound(details, query.own, [norm]) ? SHAPE : 0,
      // What is asked about the topic ("开了哪些业务" → 业务, "什么荣誉" → 荣誉, focus.ts) written in the sentence.
      focus: focus.length ? (0.3 * focus.filter((f) => norm.includes(f)).length) / focus.length : 0,
      // The item number of a list ("2、凡推荐人员…") is not the number asked for.
      // How long is answered by a span ("不超过3年"), not by any figure ("30万元").
      number: (numberQ && !durationQ && HAS_NUMBER.test(bare) ? SHAPE : 0) + (durationQ && HAS_DURATION.test(bare) ? SHAPE : 0),
      // How long it holds ("下来了能管多久", "有效期多长"), not how soon it comes: the sentence about its validity.
      // An age for "多大年龄能查".
      // The question's own words as written weigh a little over the same words reached through a bridge ("闹别扭…劝劝"
      // answered where the document says 劝, not only 调解): the sentence that says it is more surely about it. On the
      // tuning side 0.1 gave 8 replies that quote the answer and lost none; 0.2 gave 10 for 1 lost, 0.3 11 for 3.
      other:
        (spec.bridges.length ? 0.1 * coverageOf(literalSpec, `${title} ${norm}`) : 0) +
        (validityQ && /有效期|有效|期限/.test(norm) ? 0.3 : 0) +
        (ageQ && /\d+\s*(?:周)?岁|[一二三四五六七八九十]+(?:周)?岁/.test(norm) ? 0.3 : 0) +
        (distanceQ && HAS_DISTANCE.test(bare) ? 0.3 : 0) +
        (permissionQ && SAYS_PERMISSION.test(bare) ? 0.2 : 0) +
        (action && norm.includes(action) ? 0.3 : 0) +
        (ordinalQ && /第[一二三四五六七八九十百\d]+/u.test(bare) ? 0.3 : 0) +
        (numberQ && inAskedMeasure?.test(bare) ? 0.3 : 0),
      // Or a row that names it and says what it is ("1. 12338 全国妇女维权公益服务热线：由妇联开通，受理…").
      defines: definesIt?.test(bare) || rolePattern?.test(bare) ? 0.4 : 0,
    }
  }
  const sumOf = (x: ShapeParts) => (x.own + x.withHeading) / 2 + 0.5 * x.exact + x.kind + x.detail + x.focus + x.number + x.other + x.defines
  const scoreText = (s: string, heading = '', title = '') => sumOf(partsOf(s, heading, title))
  let top: Scored | undefined
  // An item that is a label and its value ("3、座谈会时间：3月6日上午9:00") is a heading by its numbering, and says all there
  // is: quoted itself when it answers best (the text under it may be another plan glued in after it).
  let item: { p: Passage; text: string; score: number } | undefined
  order.forEach((p, rank) => {
    const last = p.chunk.heading[p.chunk.heading.length - 1]
    if (last && LABEL_VALUE.test(toSimplified(last))) {
      const score = scoreText(last, normalizeForIndex(p.chunk.heading.join(' ')), titlesOf(p.chunk).join(' ')) * (rank === 0 ? 1.15 : 1)
      if (!item || score > item.score) item = { p, text: last, score }
    }
  })
  const candidates: SentenceCandidate[] = []
  // The question's most specific words (rerank.ts keyTerms), on their own.
  const keySpec = spec.keyTerms.length ? { ...spec, terms: spec.keyTerms, total: spec.keyTerms.reduce((sum, t) => sum + spec.weight(t), 0) } : undefined
  // The signals only a learned selector reads (sentence-select.ts) are computed only when one reads them.
  const learned = SENTENCE_MODEL !== null || EXTRACT_LAB.collect !== undefined
  order.forEach((p, rank) => {
    const sentences = sentencesOf(p)
    const heading = normalizeForIndex(p.chunk.heading.join(' '))
    const title = titlesOf(p.chunk).join(' ')
    const all = sentences.map((s) => partsOf(s, heading, title))
    const passageBest = Math.max(...all.map((x) => x.own))
    sentences.forEach((s, i) => {
      // The document's title line names the document; it answers nothing (title-line.ts).
      if (isTitleLine(s, p.chunk) || quotedBefore(s)) return
      const norm = normalizeForIndex(s)
      const parts = all[i]!
      let score = sumOf(parts)
      // The asked count or kind beside the term it is asked of ("目前儿童之家数量已达88个"), not elsewhere in the sentence.
      if (inAskedMeasure && nearIn(norm)) score += 0.3
      // "这个计划是哪年的": the document's own date line (its signature, "2019年1月7日"), not a year it mentions.
      if (docDateQ && DATE_LINE.test(norm)) score += 1
      // A list question is answered by an enumeration, not by the sentence that merely names the topic.
      const enumerates = listQ && (/[、；]/.test(norm) || /[:：]$/.test(norm))
      if (enumerates) score += 0.2
      // And, in a section whose heading is what is asked ("三、微家的类型"), above all by the line that opens its
      // enumeration ("常见的有：" before "1. 学习引领型…"), not by a remark that repeats the question's words ("一个微家也
      // 可以同时兼顾几种类型"). Another section's list ("下列事项…可以申请法律援助：") stays where it was.
      const opensList = listQ && /[:：]$/.test(norm) && LIST_ITEM.test(sentences[i + 1] ?? '') && coverageOf(spec, heading) >= 0.8
      if (opensList) score += 1
      // A section headed as the contents of what is asked ("二、开展“踏春嘉年华…”活动 · 1、活动内容") opens its list with
      // the heading itself: its first item ("(1)、徒步游：…") answers "踏春嘉年华都有啥项目" / "是搞些啥", not a line
      // below the list that repeats the name ("报名通过填报《“踏春嘉年华…”参游报名表》").
      else if ((listQ || contentsQ) && i === 0 && LIST_ITEM.test(s) && CONTENTS_HEADING.test(toSimplified(p.chunk.heading.at(-1) ?? '')) && coverageOf(spec, heading) >= 0.5) score += 1
      // Papers are listed from the first item, not from a remark below the list.
      const firstPaper = papersQ && FIRST_ITEM.test(s)
      if (firstPaper) score += 0.3
      // Within the best passage, the question's own compound written as it is ("心理咨询" in "…提供心理咨询") picks the
      // sentence; it does not move the answer to another passage (one that only restates the problem).
      const run = rank === 0 || learned ? longestShared(question, norm) : 0
      if (rank === 0 && run >= 4) score += Math.min(0.3, 0.1 * (run - 3))
      // What to do in a crisis ("孩子有自伤、自杀念头…拨打120或110") is quoted only to a question about one: a parent asking
      // which number to call about a child who won't go to school is pointed to the youth line, not to 120.
      const crisis = CRISIS.test(norm) && !CRISIS.test(question) && !DANGER_ASKED.test(question)
      if (crisis) score *= 0.5
      // Earlier passages are better evidence: the one the decision read its best window from, and the search's first.
      // (The search's first too: of covered tuning replies whose first passage holds the answer but whose decision
      // window lay elsewhere, only 57 of 137 quoted it; this gained 12 and lost 1. Weighing the search's first more,
      // 1.25 or 1.35, gained 25–30 for 14–19 lost.)
      score *= rank === 0 || p === passages[0] ? 1.15 : 1
      // A follow-up's own words weigh more than anything the context's words bring.
      const ownShare = ownSpec?.total ? coverageOf(ownSpec, norm) : 1
      if (ownSpec?.total) score *= 0.5 + 0.5 * ownShare
      // (key is read by the hand choice too: it breaks ties between passages, sentence-select.ts.)
      const near = { prev: all[i - 1]?.own ?? 0, next: all[i + 1]?.own ?? 0, key: keySpec?.total ? coverageOf(keySpec, norm) : 0, passageBest }
      candidates.push({ p, rank, sentences, i, score, parts, enumerates, opensList, firstPaper, run, crisis, ownShare, near })
    })
  })
  EXTRACT_LAB.collect?.(candidates)
  const chosen = chooseSentence(candidates)
  if (chosen) top = { p: chosen.p, rank: chosen.rank, sentences: chosen.sentences, i: chosen.i, score: chosen.score }
  if (!top) return { body: order[0]!.chunk.text, from: order[0]! }
  // "妇女微家是啥东西啊": the sentence that says what it is ("妇女微家是区域化妇建的组成部分…"), from any passage found, when
  // the best one only uses the name (a publicity paragraph).
  if (defined) {
    if (!defines(defined, top.sentences[top.i]!)) {
      for (const p of passages) {
        const sentences = sentencesOf(p)
        const i = sentences.findIndex((x) => defines(defined, x))
        if (i >= 0) {
          top = { p, rank: passages.indexOf(p), sentences, i, score: top.score }
          break
        }
      }
    }
  }
  // "“拒绝三不”是哪三不": the sentence that lists the set where it names it (“拒绝三不”（不文明、不卫生、不健康）), from any
  // passage found, when the one chosen only uses the name ("在机关中开展“拒绝三不”宣教活动"). The same for a quoted term
  // asked what it means (define.ts spellsOut).
  const quotedSet = quotedSetAsked(question)
  if (quotedSet && !spellsOut(quotedSet, top.sentences[top.i]!)) {
    for (const [rank, p] of passages.entries()) {
      const sentences = sentencesOf(p)
      const i = sentences.findIndex((x) => spellsOut(quotedSet, x))
      if (i >= 0) {
        top = { p, rank, sentences, i, score: top.score }
        break
      }
    }
  }
  // Cited by the sections it stands in (not the glued-in plan's, chunk.ts shownHeading; not itself again).
  if (item && item.score > top.score + 1e-9) return { body: item.text, from: { ...item.p, chunk: { ...item.p.chunk, shownHeading: item.p.chunk.heading.slice(0, -1) } } }
  const { p, sentences, i } = top
  // A definition or a list in one sentence may run over the reply's length (WHOLE_FACTOR); then it is all that is quoted.
  const whole = sentences[i]!.length > maxChars && sentences[i]!.length <= maxChars * WHOLE_FACTOR && wholeUnit(sentences[i]!)
  if (whole) return { body: sentences[i]!, from: p, limit: sentences[i]!.length }
  const budget = maxChars
  // A sentence longer than the reply ("联席会议由区公安分局、…、团区委共28个部门和单位组成") would be cut
  // before its answer: quote the clauses around the one that answers instead (a list is quoted whole, as far as it fits).
  if (!listQ && sentences[i]!.length > budget) return { body: cropToClause(sentences[i]!, budget, (c) => scoreText(c)), from: p }
  const picked = [sentences[i]!]
  let len = picked[0]!.length
  // A sentence that introduces something ("分为五大类：", "主要做法是") is continued; so is a list, item by item.
  // An item may run over several sentences ("1. 身份证明：身份证、户口本等；代为申请的，还要带…；2. …").
  const fromItem = LIST_ITEM.test(sentences[i]!)
  // "包括哪几块内容" answered by the sentence that introduces the activity: the next one counts them ("…三块内容为主").
  const countsNext = (prev: string, next: string) => countsKinds !== undefined && !countsKinds.test(prev) && countsKinds.test(next)
  // A list of bracketed items ("(1)、…(2)、…") ends where the enclosing level's next item begins ("2、参会人员…").
  // (Two bracketed items in a row make it such a list: "（二）联席会议主要职责。" above "1. …" is a heading, not an item.)
  const leaves = (j: number) => j - 2 >= i && bracketed(sentences[j - 2]!) && bracketed(sentences[j - 1]!) && LIST_ITEM.test(sentences[j]!) && !bracketed(sentences[j]!)
  const continues = (j: number) => {
    const [prev, next] = [sentences[j - 1]!, sentences[j]!]
    return (
      /[:：]$/.test(prev) ||
      ((listQ || contentsQ) && LIST_ITEM.test(next) && !leaves(j)) ||
      (listQ && LIST_ITEM.test(prev) && LIST_ITEM.test(next) && !leaves(j)) ||
      (papersQ && fromItem && /[；;]$/.test(prev)) ||
      countsNext(prev, next)
    )
  }
  // Whether something is on a list ("要赡养费能申请法律援助吗" under "下列事项…可以申请法律援助："): the opening line and
  // the item that names it (4. 请求给付赡养费…), not the first item.
  const items: number[] = []
  if (!listQ && /[:：]$/.test(sentences[i]!)) for (let j = i + 1; j < sentences.length && LIST_ITEM.test(sentences[j]!); j++) items.push(j)
  const named = items.length > 1 ? items.reduce((b, j) => (coverageOf(spec, normalizeForIndex(sentences[j]!)) > coverageOf(spec, normalizeForIndex(sentences[b]!)) + 1e-9 ? j : b), items[0]!) : undefined
  // The item chosen itself ("5. 请求确认劳动关系或者支付劳动报酬（如被拖欠工资）；"): its list's opening line comes first when
  // it has words of the question the item lacks ("…可以申请法律援助：" for "能申请法律援助吗"): it says what being on it means.
  let k = i - 1
  while (k >= 0 && LIST_ITEM.test(sentences[k]!) && !/[:：]$/.test(sentences[k]!)) k--
  const adds = (line: string, to: string) => {
    const [a, b] = [normalizeForIndex(line), normalizeForIndex(to)]
    return spec.terms.some((t) => t.length >= 2 && spec.weight(t) > 0 && !QUESTION_WORD.test(t) && a.includes(t) && !b.includes(t))
  }
  const opener = !listQ && LIST_ITEM.test(sentences[i]!) && k >= 0 && /[:：]$/.test(sentences[k]!) && adds(sentences[k]!, sentences[i]!) ? k : -1
  if (opener >= 0 && sentences[opener]!.length + len <= budget) {
    picked.unshift(sentences[opener]!)
    len += sentences[opener]!.length
  } else if (named !== undefined && named !== items[0] && len + sentences[named]!.length <= budget) {
    picked.push(sentences[named]!)
    len += sentences[named]!.length
  } else
    for (let j = i + 1; j < sentences.length && continues(j); j++) {
      if (len + sentences[j]!.length > budget) break
      picked.push(sentences[j]!)
      len += sentences[j]!.length
    }
  // The sentence about the topic without the number (or date, phone…) asked for: the next one often has it
  // ("…事迹材料需签字后交至党群工作部。事迹材料不少于1000字。").
  const hasAsked = (x: string) => {
    const norm = normalizeForIndex(x).replace(LIST_ITEM, '')
    return (!numberQ || HAS_NUMBER.test(norm)) && types.every((t) => hasAnswerOf(t, norm))
  }
  const next = sentences[i + picked.length]
  if (picked.length === 1 && (numberQ || types.length) && !hasAsked(picked[0]!) && next && hasAsked(next) && len + next.length <= budget) {
    picked.push(next)
    len += next.length
  }
  // A time limit and its exception in one sentence cut at the semicolon ("…应当在72小时内作出…；情况紧急的，应当在24小时内
  // 作出"): for how long, the next clause with a span of its own follows (someone in danger must hear the 24 hours).
  const then = sentences[i + picked.length]
  if (picked.length === 1 && durationQ && /[；;]$/u.test(picked[0]!) && then && !LIST_ITEM.test(then) && HAS_DURATION.test(normalizeForIndex(then)) && len + then.length <= budget) {
    picked.push(then)
    len += then.length
  }
  // A question in two parts ("免费吗？多大岁数能做"): when the next sentence has a word of the question the chosen one
  // lacks ("…不少地方为符合条件的妇女提供免费筛查"), it follows.
  const parts = query.own.split(/[？?，,。；;！!\s]+/u).filter((c) => c.length >= 2)
  const nextOne = sentences[i + picked.length]
  if (picked.length === 1 && parts.length >= 2 && nextOne && len + nextOne.length <= budget) {
    const chosen = normalizeForIndex(picked[0]!)
    const after = normalizeForIndex(nextOne)
    const termsOf = (c: string) => spec.terms.filter((t) => t.length >= 2 && spec.weight(t) > 0 && c.includes(t))
    // A word of some part that the chosen sentence lacks and the next one has.
    const leftOut = parts.some((c) => termsOf(c).some((t) => !chosen.includes(t) && after.includes(t)))
    if (leftOut) {
      picked.push(nextOne)
      len += nextOne.length
    }
  }
  // One short sentence alone reads like a fragment; the next one usually completes it. Not a label left open ("相关文档：",
  // a web page's footer after the plan's closing date): what it opens is not quoted with it.
  const after = sentences[i + 1]
  if (picked.length === 1 && len < 30 && after && !/[:：]\s*$/u.test(after) && len + after.length <= budget) picked.push(after)
  // List items keep their own lines; running prose is joined.
  // A table row or a line with no stop of its own ("法律问题、想申请法律援助，12348") keeps its line too.
  const body = picked.reduce((acc, s) => (acc && (LIST_ITEM.test(s) || !/[。！？；!?;：:]$/u.test(acc)) ? `${acc}\n${s}` : acc + s), '')
  return { body, from: p }
}

const sentencesOf = (p: Passage) => splitSentences(p.chunk.text)

/** A numbered item that is a label and a short value: "3、座谈会时间：3月6日上午9:00", "（二）报名方式：电话报名". */
const LABEL_VALUE = /^(?:\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}\s*[、.．])\s*[^：:，。]{2,12}[：:]\s*\S.{0,30}$/u

/** Whether some `len` characters in a row of `run` stand in `sentence`. */
function shares(run: string, len: number, sentence: string): boolean {
  for (let i = 0; i + len <= run.length; i++) if (sentence.includes(run.slice(i, i + len))) return true
  return false
}

/** Length of the longest run of Chinese characters the question and the sentence share (up to 8). */
function longestShared(question: string, sentence: string): number {
  let best = 0
  for (const run of question.match(/\p{Script=Han}{4,}/gu) ?? []) {
    for (let len = Math.min(8, run.length); len > best; len--) {
      if (shares(run, len, sentence)) {
        best = len
        break
      }
    }
  }
  return best
}

/** A sentence's clauses, split after ，； outside brackets and quotes (a clause never ends inside one). */
function clausesOf(sentence: string): string[] {
  const cuts = [0, ...cutsAt(sentence, /[，,；;]/u), sentence.length]
  const clauses = cuts.slice(1).map((end, k) => sentence.slice(cuts[k], end)).filter(Boolean)
  return clauses.length ? clauses : [sentence]
}

/** The clause that scores best, with its neighbours while they fit; "…" marks what was left out. */
export function cropToClause(sentence: string, budget: number, score: (clause: string) => number): string {
  const clauses = clausesOf(sentence)
  let best = 0
  clauses.forEach((c, k) => {
    if (score(c) > score(clauses[best]!) + 1e-9) best = k
  })
  let from = best
  let to = best + 1
  let len = clauses[best]!.length
  // Grow towards the start first: a clause usually completes the one before it.
  for (;;) {
    if (from > 0 && len + clauses[from - 1]!.length <= budget - 2) len += clauses[--from]!.length
    else if (to < clauses.length && len + clauses[to]!.length <= budget - 2) len += clauses[to++]!.length
    else break
  }
  const body = clauses.slice(from, to).join('')
  // A clause longer than the reply is cut hard (hardCut marks it); whole clauses are marked where some were left out.
  const cut = body.length > budget - 1 ? hardCut(body, budget - 1) : `${body}${to < clauses.length ? '…' : ''}`
  return `${from > 0 ? '…' : ''}${cut}`
}

/**
 * `text` in at most `max` characters, "…" included: cut where no bracket or quote is left open when such a place is
 * within reach; otherwise hard, and the pairs the cut leaves open are closed after the "…" ("…维权维稳进“家…”）").
 */
export function hardCut(text: string, max: number): string {
  if (text.length <= max) return text
  const safe = outsidePairs(text).filter((p) => p <= max - 1)
  const at = safe[safe.length - 1] ?? 0
  if (at >= max / 2) return `${text.slice(0, at).trimEnd()}…`
  for (let m = max - 1; m > 0; m--) {
    // Not right after an opening mark ("进“…”"): that quotes nothing of what it opens.
    if (/[（(“‘「『《【〔\["]/u.test(text[m - 1]!)) continue
    const closers = closersAt(text, m)
    if (m + 1 + closers.length <= max) return `${text.slice(0, m).trimEnd()}…${closers}`
  }
  return `${text.slice(0, max - 1)}…`
}
