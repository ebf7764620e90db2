// The decision lab's candidate signals (scripts/decision-lab.ts sets LAB.signals to this): what was measured beside
// the shipped signals by nested cross-validation on the tuning side (test/fixtures/qa-real/README.md). Never on the
// message path.
import { answerTypes } from './answer-type.ts'
import { everydayOf, folderIdf, inFolder, type LabInput, SENTENCE } from './decide.ts'
import { coverageOf } from './rerank.ts'
import type { Passage } from './retrieve.ts'
import { contentTerms } from './tokenize.ts'

/**
 * Candidate signals measured by the decision lab (test/fixtures/qa-real/README.md, decision round on the 1,015
 * tuning questions). The one kept, `missing` split by everyday words, is computed for the runtime in
 * missingShares; missUnexpl / missExpl here are the same figures as the lab first measured them.
 */
export function labSignals({ index, query, spec, head, passages, bestWindow, best, close, present }: LabInput): Record<string, number> {
  const terms = spec.terms.filter((t) => spec.weight(t) > 0)
  const idf = new Map(terms.map((t) => [t, folderIdf(index, t)]))
  const maxIdf = Math.max(0, ...idf.values())
  const n = index.keyword.size || 1
  const topIdf = Math.log((n + 1) / 0.5)
  const textOf = (p: Passage) => `${index.normalizedHeading(p.row)} ${index.normalizedText(p.row)}`
  const missIn = (text: string) => {
    const total = terms.reduce((s, t) => s + idf.get(t)!, 0)
    return total ? terms.filter((t) => !present(t, text)).reduce((s, t) => s + idf.get(t)!, 0) / total : 0
  }
  // The best single sentence (with heading), by decision coverage.
  let bestSentence = ''
  let sentenceCov = 0
  for (const p of head) {
    const heading = index.normalizedHeading(p.row)
    for (const s of (index.normalizedText(p.row).match(SENTENCE) ?? []).map((x) => x.trim()).filter(Boolean)) {
      const c = coverageOf(spec, `${heading} ${s}`)
      if (c > sentenceCov + 1e-9) {
        sentenceCov = c
        bestSentence = `${heading} ${s}`
      }
    }
  }
  const absentW = terms.filter((t) => !present(t, bestWindow))
  const rarest = [...terms].sort((a, b) => idf.get(b)! - idf.get(a)!)[0]
  const top = passages[0]
  const topText = top ? textOf(top) : ''
  // Proximity: the shortest stretch of the best passage holding every present specific term (idf above the median).
  const bp = head[best]
  let prox = 1
  if (bp) {
    const text = index.normalizedText(bp.row)
    const sorted = [...idf.values()].sort((a, b) => a - b)
    const med = sorted[Math.floor(sorted.length / 2)] ?? 0
    const ks = terms.filter((t) => idf.get(t)! >= med && t.length >= 2 && text.includes(t))
    if (ks.length >= 2) {
      const occ: [number, number][] = []
      ks.forEach((t, j) => {
        for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) occ.push([i, j])
      })
      occ.sort((a, b) => a[0] - b[0])
      let bestSpan = Infinity
      const count = new Array<number>(ks.length).fill(0)
      let have = 0
      let lo = 0
      for (let hi = 0; hi < occ.length; hi++) {
        if (count[occ[hi]![1]]!++ === 0) have++
        while (have === ks.length) {
          const [i0, j0] = occ[lo]!
          const [i1, j1] = occ[hi]!
          bestSpan = Math.min(bestSpan, i1 + ks[j1]!.length - i0)
          if (--count[j0]! === 0) have--
          lo++
        }
      }
      prox = Math.min(1, ks.reduce((s, t) => s + t.length, 0) / bestSpan)
    }
  }
  // Words the best window lacks, split by whether an everyday-word entry (alias, glossary, lexicon) explains them.
  const explained = () => {
    const isExplained = everydayOf(query, spec)
    const total = terms.reduce((s, t) => s + idf.get(t)!, 0) || 1
    const w = (ts: string[]) => ts.reduce((s, t) => s + idf.get(t)!, 0) / total
    const absent = terms.filter((t) => !present(t, bestWindow))
    return {
      missUnexpl: w(absent.filter((t) => !isExplained(t))),
      missExpl: w(absent.filter((t) => isExplained(t))),
      missUnexplOut: w(absent.filter((t) => !isExplained(t) && !inFolder(index, t))),
      missUnexplIn: w(absent.filter((t) => !isExplained(t) && inFolder(index, t))),
      missOut: w(absent.filter((t) => !inFolder(index, t))),
      missIn: w(absent.filter((t) => inFolder(index, t))),
    }
  }
  // A yes/no question ("要交报名费不", "有补贴吗", "要不要预约"): what it asks whether is the predicate, which a
  // window close to the question must name.
  const yesNo = () => {
    const ts = new Set<string>()
    for (const [clause] of query.own.matchAll(/[^，,。？?！!；;、\s]+/g)) {
      const ab = /(\p{Script=Han})不\1|是否|有没有|能否|可否/u.exec(clause)
      if (ab) {
        contentTerms(clause.slice(ab.index + ab[0].length)).filter((t) => t.length >= 2 && spec.weight(t) > 0).slice(0, 2).forEach((t) => ts.add(t))
        continue
      }
      if (/(?:吗|不|么|没)$/.test(clause)) contentTerms(clause.replace(/(?:吗|不|么|没)$/, '')).filter((t) => t.length >= 2 && spec.weight(t) > 0).slice(-2).forEach((t) => ts.add(t))
    }
    const yn = [...ts]
    if (!yn.length) return { ynAsked: 0, ynMissing: 0, ynShare: 1 }
    const share = Math.max(0, ...[bestWindow, ...close].map((w) => yn.filter((t) => present(t, w)).length / yn.length))
    return { ynAsked: 1, ynMissing: share < 1 - 1e-9 ? 1 : 0, ynShare: share }
  }
  // The asked attribute when it is an answer-kind word (利息, 电话, 工资, 费用…): the word itself, not only some
  // amount or number, in a window close to the question.
  const attribute = () => {
    const ws = [...new Set([...contentTerms(query.own)].filter((t) => t.length >= 2 && answerTypes(t).length > 0))]
    if (!ws.length) return { attrAsked: 0, attrMissing: 0 }
    const found = [bestWindow, ...close].some((w) => ws.every((t) => present(t, w)))
    return { attrAsked: 1, attrMissing: found ? 0 : 1 }
  }
  const bm25s = passages.map((p) => p.bm25 ?? 0)
  const maxBm = Math.max(0, ...bm25s)
  return {
    sentence1: sentenceCov,
    sentMissing: missIn(bestSentence),
    rareAbsent: maxIdf && absentW.length ? Math.max(...absentW.map((t) => idf.get(t)!)) / maxIdf : 0,
    rareAbsentAbs: absentW.length ? Math.max(...absentW.map((t) => idf.get(t)!)) / topIdf : 0,
    rarestAbsentTop: rarest && !present(rarest, topText) ? 1 : 0,
    rarestAbsentHead: rarest && !head.some((p) => present(rarest, textOf(p))) ? 1 : 0,
    missingTop: missIn(topText),
    missingPassage: Math.min(1, ...head.map((p) => missIn(textOf(p)))),
    prox,
    bm25Agree: top && maxBm > 0 && (top.bm25 ?? 0) >= maxBm - 1e-9 ? 1 : 0,
    bm25TopShare: maxBm > 0 ? (top?.bm25 ?? 0) / maxBm : 0,
    qLen: Math.log(1 + query.own.length),
    nTerms: terms.length,
    gap: top ? (top.score - (passages[1]?.score ?? 0)) / (Math.abs(top.score) || 1) : 0,
    maxIdf: maxIdf / topIdf,
    ...explained(),
    ...yesNo(),
    ...attribute(),
    asks: (query.own.match(/多少|几(?!乎)|哪|什么|啥|怎么|咋|如何|谁|是否|能不能|可不可以|有没有|要不要|吗|不(?=[？?]|$)/gu) ?? []).length,
    clauses: query.own.split(/[，,。？?！!；;\s]+/).filter((c) => c.length >= 2).length,
  }
}
