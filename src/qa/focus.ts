// What a question asks ABOUT its topic. "妇联执委怎么报名参选" shares its topic (妇联执委) with many passages;
// what it asks is 报名参选, and a passage that only names the topic does not answer it. The focus is read off
// the shape of Chinese questions, not off particular questions:
// - the action after a how-word: "X怎么申请" → 申请, "怎么报名参选" → 报名 参选;
// - the action after a where-word: "图标在哪下载" → 下载;
// - the thing after which / what / how many: "去哪个医院" → 医院, "需要什么条件" → 条件, "给多少补贴" → 补贴;
// - the attribute before the asking word: "名额多少" → 名额, "工资多少" → 工资;
// - the action beside 谁: "谁负责X" → 负责, "X归谁" → 归.
// Answer kinds with a shape of their own (phone, date, amount…) are checked by answer-type.ts instead.
import { answerTypes } from './answer-type.ts'
import { withoutFew } from './few.ts'
import { contentTerms } from './tokenize.ts'
import { GENERIC, SCAFFOLD } from './weak-words.ts'

const CLAUSE = /[^，,。？?！!；;、\s]+/g
const HOW = /(?:怎么样|怎么|怎样|如何|咋样|咋)(?:才能|才|去|来|能|可以|要|进行)?/
const WHERE = /(?:在|去|到|上|从)哪(?:里|儿)?/
const WHICH = /哪个|哪家|哪所|哪些|哪种|哪类|哪位|什么样的?|什么|啥样的?|啥|多少|几/
const ATTR = /(?:是|有|为|要|大概|一共|大约)?(?:多少|哪些|什么|啥|几)/
/** Asking what something is ("是什么意思", "是啥"): the topic itself is asked about, there is no separate focus. */
const DEFINITION = /(?:是|叫)(?:什么|啥)(?:意思)?$|什么意思|啥意思|干嘛|干啥|做什么/

/** Words too weak to be a focus: scaffolding and light verbs jieba keeps as words. */
const WEAK = new Set('内容 东西 地方 时候 时间 意思 名字 样子 过去 达到 来讲'.split(' '))
/** Counts and measure words between an asking word and its noun: "哪两个社区", "多少名女童". */
const COUNT = /^(?:[两一二三四五六七八九十几]+[个家所项名位条次种类]?|[个件名项所位家种类条次期起])$/
/** Time frames and hedges between the attribute and the asking word: "就业率达到多少", "下基层一年最少多少天". */
const TRANSPARENT = new Set('达到 现在 一共 大概 大约 最少 至少 最多 全年 每年 一年 今年 去年 上半年 下半年 已经 总共'.split(' '))

function keep(t: string): boolean {
  return t.length >= 2 && !WEAK.has(t) && !GENERIC.has(t) && !SCAFFOLD.has(t) && !answerTypes(t).length && !/\d/.test(t)
}

/** The word right after an asking word, counts skipped; [] when it is weak. */
function next(s: string): string[] {
  const w = contentTerms(s).find((t) => !COUNT.test(t))
  if (!w) return []
  // A modifier ("什么固定的活动"): what is asked about is the noun it modifies.
  const at = s.indexOf(w) + w.length
  if (s[at] === '的' && contentTerms(s.slice(at + 1)).length) return next(s.slice(at + 1))
  return keep(w) ? [w] : []
}

/** The word right before an asking word, time frames skipped; [] when it is weak. */
function prev(s: string): string[] {
  const w = contentTerms(s).filter((t) => !TRANSPARENT.has(t)).at(-1)
  return w && keep(w) ? [w] : []
}

/** The focus terms of a normalised question (jieba words), possibly none. */
export function focusOf(normalized: string): string[] {
  const out = new Set<string>()
  const add = (ts: string[]) => ts.forEach((t) => out.add(t))
  for (const [clause] of withoutFew(normalized).matchAll(CLAUSE)) {
    if (DEFINITION.test(clause)) continue
    const how = HOW.exec(clause)
    if (how) {
      const rest = clause.slice(how.index + how[0].length)
      // "X怎么申请": the action after; "天气咋样": the thing before.
      add(contentTerms(rest).length ? contentTerms(rest).filter(keep) : prev(clause.slice(0, how.index)))
    }
    const where = WHERE.exec(clause)
    if (where) add(next(clause.slice(where.index + where[0].length)))
    const which = WHICH.exec(clause)
    if (which && !how && !where) {
      const rest = clause.slice(which.index + which[0].length)
      // Nothing but a count after the asking word: the attribute is the word before it ("名额多少", "培训了多少人").
      if (contentTerms(rest).every((t) => t.length < 2 || COUNT.test(t))) {
        const attr = ATTR.exec(clause)
        if (attr) add(prev(clause.slice(0, attr.index)))
      } else add(next(rest))
    }
    const who = clause.indexOf('谁')
    if (who >= 0) {
      // "谁负责X": the action after; "X归谁": the one before.
      const rest = clause.slice(who + 1).replace(/^[来去]/, '')
      add(contentTerms(rest).length ? next(rest) : prev(clause.slice(0, who)))
    }
  }
  return [...out]
}
