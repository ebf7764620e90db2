// A document's title names the document: it answers nothing asked of it. A .txt page keeps its title line as the first
// line of its first passage ("雨花区妇联2019年工作计划", "妇女微家活动实施方案【3篇】"), and every question about the document —
// every follow-up leaning on it, whose context is that title — shares the title's words. Quoted, the title line and the
// generic opening sentence after it ("2019年是全面贯彻落实党的十九大精神…的关键之年") were given as the answer to "X是指啥" and
// "在哪报名".
import { normalizeForIndex } from './normalize.ts'

/** What a title line adds to the title: a count of pieces (【3篇】, 8篇, 篇1), brackets, spaces. */
const DECORATION = /[【】\[\]（）()\s《》“”"]|\d+篇|篇\d+|[一二三四五六七八九十]+篇/gu
const squash = (s: string) => normalizeForIndex(s).replace(DECORATION, '')

/** The titles a passage carries: the one indexed with it, and the one its citation shows. */
export function titlesOf(chunk: { title: string; label?: string }): string[] {
  return [chunk.title, chunk.label ?? ''].map(squash).filter((t) => t.length >= 4)
}

/**
 * Whether a line of a passage is its document's title, perhaps with a count of pieces: no stop of its own, and
 * nothing but the title ("社区妇联活动工作计划" under the title "社区妇联活动工作计划8篇" too).
 */
export function isTitleLine(sentence: string, chunk: { title: string; label?: string }): boolean {
  if (/[。！？；!?;，,]/u.test(sentence) || sentence.length > 40) return false
  const s = squash(sentence)
  if (s.length < 4) return false
  return titlesOf(chunk).some((t) => s === t || t.includes(s) || (s.includes(t) && s.length - t.length <= 2))
}

/** The question's terms that are not words of the titles (normalised) — what a passage must say beyond naming itself. */
export function beyondTitles(terms: string[], titles: string[]): string[] {
  return terms.filter((t) => !titles.some((title) => title.includes(t)))
}
