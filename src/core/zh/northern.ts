// Northern (Henan, Shandong) question endings read as Mandarin, as cantonese.ts does for written Cantonese: "这个妇女微家
// 到底是弄啥嘞" is "…是干啥呢" (a resident tester's grandmother got "not covered"; 弄 and 嘞 were searched as words).
const WORDS: [RegExp, string][] = [
  [/弄啥(?:嘞|咧|哩|嘛)?(?=[？?！!。，,～~\s]|$)/gu, '干啥'],
  // Not the 嘞 of an answer ("好嘞", "得嘞", "行嘞").
  [/(?<=\p{Script=Han})(?<![好得行])(?:嘞|咧)(?=[？?！!。，,～~\s]|$)/gu, '呢'],
]

export function northernAsMandarin(t: string): string {
  return WORDS.reduce((s, [re, to]) => s.replace(re, to), t)
}
