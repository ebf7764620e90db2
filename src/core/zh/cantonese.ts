// Written Cantonese read as Mandarin, so one set of readers serves both ("週日插花仲有冇位？" = "周日插花还有没有位？").
// Only messages with a character Mandarin does not use are touched, and only words whose Mandarin reading is not in
// doubt in a 微家 group: 仲 is 还 but never in 仲裁, 仔 is 儿子 only after a measure word or 我.
const MARKER = /[唔冇喺嘅咗佢哋咩乜搵揾睇嗰𠮶啲啱嚟咁噉攰俾畀嘢㗎]|係|系咪|点样|點樣|点算|點算|帮吓|幫吓|个仔|個仔|(?<![旁这那身海路左右两一里外前后东西南北周手岸河江])(?:边|邊)(?:个|個|度|日|间|間)|定(?:係|系)|几多|幾多|几耐|幾耐|多谢晒|多謝晒/u

const WORDS: [RegExp, string][] = [
  [/係咪|系咪/gu, '是不是'],
  // "唔使喇" is "不用了" (no longer needed), not a bare "不用": the 喇 below would drop what makes it a withdrawal.
  [/(?:唔使|唔駛|唔驶)(?:喇|啦|嘞)/gu, '不用了'],
  [/唔使|唔駛|唔驶/gu, '不用'],
  [/搞掂/gu, '搞定'],
  [/多谢晒|多謝晒/gu, '谢谢'],
  [/过数|過數/gu, '转账'],
  [/先至/gu, '才'],
  [/朝早/gu, '早上'],
  [/夜晚/gu, '晚上'],
  [/(?:嗰|𠮶)(?:单|單)/gu, '那件事'],
  // 唔该 is thanks when it closes what she says ("唔该晒", "好嘅，唔该", "唔该你啊"), "please" before a request
  // ("唔该帮我报插花").
  [/(?:唔该|唔該)(?:晒|哂)|(?:唔该|唔該)(?=(?:你|您|你哋|你们|晒|哂)?[啦了哈呀啊喇嘞！!。.~～\s]*$)/gu, '谢谢'],
  [/唔该|唔該/gu, '麻烦'],
  [/唔好(?!意思)/gu, '不要'],
  // 都 after 我 is 也 in Cantonese ("我都想去" = "我也想去"), not "both".
  [/(?<=^|[\s，,。！!])(我|俺)都(?=想|要|去|报|參加|参加)/gu, '$1也'],
  [/唔/gu, '不'],
  [/冇/gu, '没有'],
  [/仲(?!裁)/gu, '还'],
  [/喺/gu, '在'],
  [/嘅/gu, '的'],
  [/咗/gu, '了'],
  [/乜嘢|乜|咩/gu, '什么'],
  [/佢哋/gu, '他们'],
  [/佢/gu, '他'],
  [/哋/gu, '们'],
  [/点样/gu, '怎样'],
  // 几耐: how long; 几多: how many / how much.
  [/几耐/gu, '多久'],
  [/几多/gu, '多少'],
  [/点算/gu, '怎么办'],
  [/点解/gu, '为什么'],
  // 帮手: to help ("有冇帮手搵工"), not a helper.
  [/帮手|幫手/gu, '帮忙'],
  // 搵工: looking for work (找工 alone reaches none of the documents' words for it).
  [/[搵揾]工(?!作)/gu, '找工作'],
  [/搵|揾/gu, '找'],
  [/睇/gu, '看'],
  [/倾下偈|倾偈/gu, '聊聊'],
  [/成日/gu, '整天'],
  [/嗰|𠮶/gu, '那'],
  [/呢度/gu, '这里'],
  [/呢(?=个|啲|次|排)/gu, '这'],
  [/啲/gu, '些'],
  [/(个|两个|三个|我)仔/gu, '$1儿子'],
  [/(个|两个|三个|我)女(?![儿士人子孩生朋友婿性方工装排])/gu, '$1女儿'],
  [/啱啱/gu, '刚刚'],
  [/记低/gu, '记下'],
  [/帮吓/gu, '帮一下'],
  [/攰/gu, '累'],
  // 边度 / 边个 / 边日 / 边间: where, who, which day, which one (not 旁边个朋友, 这边, 身边…).
  [/(?<![旁这那身海路左右两一里外前后东西南北周手岸河江])边度/gu, '哪里'],
  [/(?<![旁这那身海路左右两一里外前后东西南北周手岸河江])边个/gu, '谁'],
  [/(?<![旁这那身海路左右两一里外前后东西南北周手岸河江])边(?=日|天|位|间|次|张|场|期|种|类)/gu, '哪'],
  [/哪日/gu, '哪天'],
  [/定(?:係|系)/gu, '还是'],
  [/畀|俾/gu, '给'],
  [/嚟/gu, '来'],
  // 咁 / 噉 opening what she says is "then, so" ("咁一年有冇饮宴嘅", "噉我哋算边种"), as 那 opens a follow-up; before a
  // word of degree it is "so, this" ("咁多人", "咁好"), and 噉 elsewhere, like 咁样, is "like this" ("係噉", "佢咁样做").
  [/(?<=^|[\s，,。！!？?])(?:咁|噉)(?!多|少|大|细|好|快|慢|早|夜|晏|远|近|贵|平|耐|样|啱|难|高|长|短|紧|鬼|啲|些)/gu, '那'],
  [/咁样|噉样|噉/gu, '这样'],
  [/咁/gu, '这么'],
  // 係 became 系 in conversion; 联系 / 关系 / 体系 are Mandarin words, not 係.
  [/(?<![联關关体維维派干世直谱])系(?=唔|不|我|你|他|她|哪|几|咪|谁|做|什么|啥|这)|係/gu, '是'],
  [/咪/gu, '不'],
  [/喇(?!叭)|嘞/gu, ''],
  [/㗎/gu, '吗'],
]

/** `t` in Simplified characters (係 may still stand: OpenCC keeps it in some phrases). */
export function cantoneseAsMandarin(t: string): string {
  if (!MARKER.test(t)) return t
  return WORDS.reduce((s, [re, to]) => s.replace(re, to), t)
}
