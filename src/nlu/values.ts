// Slot values read by their form, wherever they stand in a message: places (a place word at the end of a short
// phrase), capacities (限10人, 最多15个家庭, 名额20, 二十个名额, 名额扩到30). Shared by announcements, edits and
// corrections, whichever reader recognised the intent. Pure.
import { NUM, numberOf } from './text.ts'

/** What a place ends with: rooms, halls, squares, gates, centres, offices, online meeting rooms. */
const PLACE_TAIL =
  '(?:活动室|图书室|阅览室|会议室|舞蹈室|教室|多功能厅|大厅|礼堂|会堂|广场(?!舞)|公园|操场|食堂|健身房|活动中心|服务中心|服务站|卫生站|中心|居委会|党群服务中心|(?:篮球|羽毛球|乒乓球|足球|网球)?球场|运动场|[东南西北]?门口|[东南西北]门|[一二三四五六七八九\\d]楼|楼下|微家(?!出|办)|腾讯会议|[室厅馆院]|(?<![课讲])堂)'
/** Characters a place name never runs through: verbs and particles that end the phrase before it. */
const PLACE_CHAR = '[^\\s，,。！!？?；;：:、（）()「」“”"《》【】去在于勒的和搞办做学有上开练到换改是集见过叫想要来我咱们]'
/** A place phrase: up to eight name characters, then a place word. */
export const PLACE_PHRASE = `${PLACE_CHAR}{0,8}${PLACE_TAIL}`

/** A clause that is only a place ("微家活动室", "在社区图书室", "地点在微家活动室", "东门集合"). */
export function placeClause(c: string): string | undefined {
  const m = new RegExp(`^(?:咱们|我们|大家)?(?:地点|地方)?(?:在|于|勒|是|:|：)?(${PLACE_PHRASE})(?:集合|见|上课|碰头)?$`, 'u').exec(c)
  // "线上": an activity held online has no room, only that.
  return m?.[1] ?? /^(?:线上|网上|云端)$/u.exec(c)?.[0]
}

/** A place said after a locative or a change: 在X / 于X / 地点X / 改到X / 换到X / 改喺X. */
export function placeAfter(t: string, cue = '(?:地点|地方)(?:改成|改到|改为|换到|换成|是|在)?|改到|换到|挪到|搬到|改在|改成|换成|改为|在|于'): string | undefined {
  const m = new RegExp(`(?:${cue})[:：\\s]*(${PLACE_PHRASE})`, 'u').exec(t.replace(/喺/gu, '在'))
  return m?.[1]
}

const UNIT = '(?:个人|人|组家庭|个家庭|组|个|名|位|家庭|户)'

/** How many places an announcement or a change offers. */
export function capacityIn(said: string): number | undefined {
  // "名额一共20人": the 一 of 一共 is no number (read as one, "名额一共多少人" once made a draft of one place).
  const t = said.replace(/(?:一|总)共/gu, '共')
  const forms = [
    // 名额扩到30, 人数减到15个, 插花名额加到15个, 限额改成20
    new RegExp(`(?:名额|人数|限额|位置|座位|人)(?:扩|加|减|改|调|放宽|增加|降|缩|变|提高)?(?:到|成|为)\\s*(${NUM})`, 'u'),
    // 限额改14人, 名额调20个: the change without 到/成.
    new RegExp(`(?:名额|人数|限额)(?:改|调|扩|减)\\s*(${NUM})\\s*${UNIT}`, 'u'),
    // 来八个人就够了, 先报五十人: as many as the host wants.
    new RegExp(`来\\s*(${NUM})\\s*${UNIT}(?:就)?(?:够|行|可以)|先(?:报|收)\\s*(${NUM})\\s*${UNIT}`, 'u'),
    // 限10人, 限额二十人, 限攤位20個, 名额：20, 人数 30, 最多15个家庭, 座位有限只有40个
    new RegExp(`(?:限额?|名额|人数|最多|只收|只有|招|容纳|坐得下|装得下)[:：\\s]*(?:摊位|名额)?\\s*(${NUM})\\s*${UNIT}?`, 'u'),
    // 二十个名额, 20个名额, 十五个位置, 座位40个: places counted as seats.
    new RegExp(`(${NUM})\\s*个?(?:名额|位置|座位|位子)`, 'u'),
    new RegExp(`(?:座位|位置|位子)(?:有|共|一共|只有)?\\s*(${NUM})\\s*个`, 'u'),
    // 名额是20个, 人数写错了，15个, 人數打錯咗，係十五個
    new RegExp(`(?:名额|人数)[^\\d一二两三四五六七八九十俩仨]{0,6}?(${NUM})\\s*${UNIT}?`, 'u'),
  ]
  for (const re of forms) {
    const m = re.exec(t)
    if (m) {
      const n = numberOf((m[1] ?? m[2])!)
      if (n !== undefined) return n
    }
  }
  return undefined
}

/** Every capacity phrase (to cut from the text before the title is looked for). */
export const CAPACITY_PHRASE = new RegExp(
  `(?:座位有限)?(?:限额?|名额|人数|最多|只收|只有|招|容纳|坐得下|装得下)[:：\\s]*(?:摊位|名额)?\\s*${NUM}\\s*${UNIT}?(?:阿姨|家长|姐妹)?|${NUM}\\s*个?(?:名额|位置|座位|位子)|(?:座位|位置|位子)(?:有|共|一共|只有)?\\s*${NUM}\\s*个|不限(?:人数|名额)`,
  'gu',
)

/** A clause that is only a head count ("16人", "十个人", "十五组家庭"): in an announcement, the capacity. */
export function countClause(c: string): number | undefined {
  const m = new RegExp(`^(${NUM})\\s*(?:个人|人|组家庭|个家庭|组|位|名)$`, 'u').exec(c)
  return m ? numberOf(m[1]!) : undefined
}
