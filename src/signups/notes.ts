// What a notice's notes say of the fee and of the things to bring, read clause by clause. Pure.
// The notes are the host's own words ("不收费，带一本孩子喜欢的绘本", "材料费每人10元，自己带把剪刀"): a clause is
// quoted whole, so a negation before the fee word ("不收费", "免费") is never cut off, and 带 followed by a thing (not
// by a person: "一个大人带一个孩子算一组") is something to bring.

/** The host's clauses, split at punctuation and spaces (a notice typed in one line uses spaces as commas). */
const clausesOf = (notes: string): string[] =>
  notes.split(/[，,。；;！!\n\s]+/u).map((c) => c.trim()).filter(Boolean)

/** Whether people pay: a fee word, an amount, or saying there is none. */
const FEE = /费|[0-9０-９一二三四五六七八九十两百]+\s*(?:元|块)|收钱|要钱|交钱|付钱|AA|自费|免费/u

/** Something to bring or wear: 带 + a thing, 自备, 准备好…, 穿… */
const BRING = /带|自备|准备|备好|穿/u
/** 带 a person, or 带 in a word that is not carrying: those are who comes (or how places count), not what to bring. */
const NOT_BRINGING = new RegExp(
  `带(?:上|着)?(?:[0-9一两二三四几]*(?:个|位|名))?(?:孩子|小孩|娃|宝宝|家人|老人|家属|朋友|老公|爱人|儿子|女儿|闺女|孙子|孙女|外孙|婆婆|妈妈|爸爸|大人)|带领|带队|带头|带动|领带|携带孩子|地带|一带`,
  'u',
)
/** Words that open a clause without saying anything of it: 大家, 请, 各位. */
const OPENER = /^(?:请大家|大家|各位|请|麻烦大家|麻烦)/u

/** The clause that says what the activity costs ("材料费每人10元", "不收费"), as written. */
export function feeIn(notes: string): string | undefined {
  return clausesOf(notes).find((c) => FEE.test(c))?.replace(OPENER, '')
}

/** The clauses that say what to bring ("自己带把剪刀", "带一本孩子喜欢的绘本"), as written, joined. */
export function bringIn(notes: string): string | undefined {
  const said = clausesOf(notes)
    .filter((c) => BRING.test(c) && !NOT_BRINGING.test(c))
    .map((c) => c.replace(OPENER, '').replace(/(?<=.{2})(?:过来|来)$/u, ''))
  return said.length ? said.join('，') : undefined
}
