// "名额一共多少人", "几点开始", "在哪集合": a detail asked of an activity, which may be one of the group's own (the sign-ups
// answer from its notice) or one the documents describe (踏春嘉年华, whose 名额为30名 the documents say). The
// understanding reads what is asked; this reads of what. Pure, shared by the sign-ups' routes and their tests.
import { toSimplified } from '../core/zh/script.ts'
import type { ActivityView } from './types.ts'
import { ACTIVITY_KIND, activityInNotes } from './signup.ts'
import { activityRef, namesActivity } from './text.ts'

/** Gatherings as the documents name them too: a race, a kite contest, a show (beside what residents call theirs). */
const GATHERING = new RegExp(`${ACTIVITY_KIND.source}|长跑|跑步|风筝|比赛|大赛|竞赛|表演|演出|展览|展演`, 'u')
/** A name set off as one ("“踏春嘉年华”", "「巾帼风采」"). */
const QUOTED = /[“「《"][^”」》"]{2,16}[”」》"]/u
/** The group's own, said as such: 咱们这次活动, 群里报名的, 微家的活动. */
const OURS = /咱们|我们|俺们|咱|群里|本群|微家(?:的|搞的|办的)?活动|这次活动|这个活动|报名的(?:那个|活动)|接龙的/u

/**
 * Whose activity a question is about: 'group' when it points at one of the group's open activities (by number,
 * title, day, place, description or what its notice says) or at the group's own as such; 'other' when it names a
 * gathering that is none of them ("踏春嘉年华几点开始" while 包饺子 is open); undefined when it names nothing
 * ("名额一共多少人"), so what it is about is what she was talking about before.
 */
export function whoseActivity(t: string, acts: ActivityView[], tz: string): 'group' | 'other' | undefined {
  if (namesActivity(t, acts) || activityRef(t, acts, tz) !== undefined || activityInNotes(t, acts) !== undefined) return 'group'
  // "做手工那个几点" when the open 香包制作's notice says 做手工香包: the kind she names is in it, so it is that one.
  const kind = GATHERING.exec(t)?.[0]
  if (kind && acts.some((a) => toSimplified(`${a.title} ${a.notes}`).includes(kind))) return 'group'
  if (kind || QUOTED.test(t)) return 'other'
  return OURS.test(t) ? 'group' : undefined
}
