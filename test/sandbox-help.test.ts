// The help conversation end to end through the real CLI (as test/sandbox.test.ts runs the README demo):
// disclosure in the group → supportive line, no echo → consent and contact in one private reply → case →
// withdrawal → staff told.
import { afterAll, describe, expect, it } from 'vitest'
import { inScript } from '../src/core/zh/script.ts'
import { referralTexts } from '../src/referrals/texts.ts'
import { texts as coreTexts } from '../src/core/texts.ts'
import { scriptRunner } from '../src/testing/cli-script.ts'

const script = scriptRunner('sandbox-help')
afterAll(() => script.cleanup())

describe('weijia sandbox --script examples/sandbox-help.txt', () => {
  it('disclosure → supportive line (no echo) → consent with contact in one reply → case → withdrawal → staff told', async () => {
    const actions = await script.run('examples/sandbox-help.txt')
    const room = actions.filter((a) => a.kind === 'room')
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)

    // The group: one supportive line to her, nothing of what she wrote.
    expect(room.map((a) => [a.text, a.mentions])).toEqual([[referralTexts.groupDisclosure, ['王芳']]])
    for (const a of room) expect(a.text).not.toMatch(/喝了酒|摔东西|受不了|老公/)

    // Privately: the consent question, then (one reply gave consent and the contact) the case number.
    const mine = to('王芳')
    expect(mine[0]).toContain('同意请回复「同意」')
    expect(mine.some((t) => t === referralTexts.askContact)).toBe(false)
    const created = mine.find((t) => t.startsWith('您的求助已登记'))!
    const id = /编号 (R-\d{8}-\d{4})/.exec(created)![1]!
    // Status from her open case, then the withdrawal.
    expect(mine.some((t) => t.includes(`${id}：已转给工作人员`))).toBe(true)
    expect(mine.at(-1)).toBe(referralTexts.withdrawn([id]))

    // Staff: the alert with her contact preference, then the withdrawal.
    const staff = to('小王')
    expect(staff.find((t) => t.includes(id) && t.startsWith('【新求助】'))).toContain('联系方式：微信私聊')
    expect(staff.at(-1)).toBe(referralTexts.staffWithdrawn(id, '王芳'))
  }, 120_000)
})

describe('questions beside her own circumstances, and questions that only mention a topic (conversation round 4)', () => {
  const more = scriptRunner('sandbox-help-question')
  afterAll(() => more.cleanup())
  it('answers in private beside the offer; answers a general question in the group; reads the question after the chat', async () => {
    const actions = await more.run('test/fixtures/scripts/help-with-question.txt')
    const room = actions.filter((a) => a.kind === 'room')
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    // 张丽: the group hears only that she was messaged; in private the offer, then the documents' answer.
    const hers = room.filter((a) => a.mentions?.includes('张丽')).map((a) => a.text)
    expect(hers).toEqual([referralTexts.groupPrivately])
    expect(to('张丽')[0]).toContain('同意请回复「同意」')
    expect(to('张丽').some((t) => t.includes('HPV') && t.includes('来源：'))).toBe(true)
    // 王芳: the documents' answer in the group, no "not your fault", no consent question.
    const wang = room.filter((a) => a.mentions?.includes('王芳')).map((a) => a.text)
    expect(wang.some((t) => t.includes('不需要证明经济困难'))).toBe(true)
    expect(wang.join('\n')).not.toContain('这不是您的错')
    expect(to('王芳')).toEqual([])
    // 刘阿姨: when the group's 家聚会 is (its rhythm reminder), not the small-talk reply.
    const liu = room.filter((a) => a.mentions?.includes('刘阿姨')).map((a) => a.text)
    expect(liu.some((t) => t.startsWith('本群的家聚会：') && t.includes('下一次'))).toBe(true)
    // 何婷: answered (here: not covered), never told only hosts may announce.
    const he = room.filter((a) => a.mentions?.includes('何婷')).map((a) => a.text)
    expect(he[0]).not.toContain('只有微家主人')
    // Her follow-up "暑假呢…" is answered from the documents (the holiday care), not with small talk.
    expect(he.at(-1)).toContain('托管')
    expect(he.at(-1)).not.toContain('我在呢')
  }, 120_000)

  it('an emergency where she cannot phone: 12110 by text, staff told to write, and no "call 110" alone after that', async () => {
    const actions = await script.run('test/fixtures/scripts/emergency-cannot-call.txt')
    const hers = actions.filter((a) => a.kind === 'private' && a.to === '冯小燕').map((a) => a.text)
    const staff = actions.filter((a) => a.kind === 'private' && a.to === '小王').map((a) => a.text)
    expect(hers[0]).toMatch(/^如有危险，请立即拨打110报警/u)
    // "我不敢打电话 他在门外能听见" is read as danger again; she hears the silent way, not the numbers once more.
    expect(hers).toContain(referralTexts.emergencySilent)
    expect(staff.some((t) => t.includes(`${referralTexts.staffTextOnly}我不敢打电话`))).toBe(true)
    // "快叫人来": the bot cannot send anyone, and says how to reach the police without a sound.
    expect(hers.at(-1)).toBe(referralTexts.emergencyCannotSend(true))
    expect(staff.at(-1)).toContain('幸福里3号楼501')
    expect(actions.filter((a) => a.kind === 'room').map((a) => a.text).join('\n')).not.toMatch(/菜刀|501|听见/u)
  }, 120_000)

  it('round 8: her questions while her yes is awaited are answered; a voice note asked about; what someone came for is not told', async () => {
    const actions = await script.run('test/fixtures/scripts/help-round8.txt')
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    // "他这样算家暴吗 我能申请那个保护令不": that it is, the documents' answer, and the offer still open — no "不麻烦的".
    const hers = to('郑玉梅')
    expect(hers).toContain(referralTexts.isAbuse)
    expect(hers.some((t) => t.includes('不需要先起诉离婚'))).toBe(true)
    expect(hers).toContain(referralTexts.consentStillOpen)
    expect(hers).not.toContain(referralTexts.askConsentAgain)
    // Staff see her caution where they look before reaching her, and her question with her words.
    const first = to('小王').find((t) => t.startsWith('【新求助】') && t.includes('郑玉梅'))!
    expect(first).toMatch(/联系方式：微信私聊（[^）]*千万别打电话/u)
    expect(first).toContain('他这样算家暴吗')
    // "能发语音不": the bot cannot hear them, staff can.
    expect(to('马翠兰')).toContain(referralTexts.voiceToStaff)
    // A host asking what someone came for, and a case asked about in the group.
    expect(room).toContain(referralTexts.confidential)
    expect(room).toContain(referralTexts.ownCaseInPrivate)
    expect(room.join('\n')).not.toMatch(/推到墙上|拉扯俩娃|家庭暴力方面|困难帮扶/u)
  }, 120_000)

  it('round 8: follow-ups lean on the document the last answer came from', async () => {
    const room = (await script.run('test/fixtures/scripts/qa-followups.txt')).filter((a) => a.kind === 'room').map((a) => a.text)
    expect(room[0]).toContain('单亲困难母亲')
    // "怎么申请", "要带啥材料" after it: from the same notice, not declined.
    expect(room[1]).toMatch(/身份证、户口本[\s\S]*送温暖/u)
    expect(room[2]).toMatch(/身份证、户口本[\s\S]*送温暖/u)
    expect(room[4]).toContain('七日内')
  }, 120_000)

  it('tenth round, Q&A tester: follow-ups answer what they ask, in her script; a scam asked about is not reported; 12356 when feeling low', async () => {
    const actions = await script.run('test/fixtures/scripts/qa-tester-round10.txt')
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    // "要钱不" after the papers: the free screening, not small talk.
    expect(room[1]).toMatch(/^不少地方为符合条件的妇女提供免费筛查/u)
    // "要還幾年" then "利息多少": the term and the subsidised interest, not the amount again; Traditional throughout.
    expect(room[3]).toMatch(/^貸款期限一般不超過3年/u)
    expect(room[4]).toMatch(/^在規定的貸款利率上限內，財政部門按規定給予貼息/u)
    // Asking what to do about a demand made of her: warned, and the host is not told she posted a scam.
    expect(room[5]).toMatch(/^这很可能是诈骗/u)
    expect(to('李姐').some((t) => t.startsWith('【防骗提醒】'))).toBe(false)
    // "有培训补贴没": the documents' answer in the group beside the private offer.
    expect(room).toContainEqual(expect.stringMatching(/^3\. 职业技能培训补贴/u))
    // "心情不好 … 打啥电话": the psychological line, not the domestic-violence one.
    expect(room.at(-1)).toMatch(/12356/u)
    expect(room.at(-1)).not.toMatch(/不是您的错/u)
  }, 120_000)

  it('tenth round, second tester: fixed texts in her script; a host asking how sign-ups work gets the documents', async () => {
    const actions = await script.run('test/fixtures/scripts/qa-tester-round10b.txt')
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    expect(room[0]).toMatch(/^這很可能是詐騙/u)
    // Her circumstances beside the question: the documents asked without them, answered in private after the offer.
    const toHer = actions.filter((a) => a.kind === 'private' && a.to === '何秀').map((a) => a.text)
    expect(toHer[0]).toContain('同意')
    expect(toHer.some((t) => t.includes('来源：《县妇联：“两节”送温暖'))).toBe(true)
    expect(room.join('\n')).not.toMatch(/离婚|手头紧|送温暖/u)
    // Her own legal question: the legal-aid line in the group, the papers in private, and "在哪裡申請" then leans on
    // the legal-aid document (in Traditional).
    expect(actions.filter((a) => a.kind === 'private' && a.to === '黃小姐').some((a) => a.text.includes('身份證明'))).toBe(true)
    expect(room.at(-1)).toContain('來源：《法律援助》· （一）去哪裡申請')
    expect(room[1]).toContain('家活动通常需要提前报名')
    expect(room[2]).toContain('取消报名')
    expect(room.join('\n')).not.toMatch(/已撤回|已取消报名：/u)
  }, 120_000)

  it('eleventh round, a tester on the real documents: a scheme with a plus is a question, not a sign-up; work asked about in private is answered', async () => {
    const actions = await script.run('test/fixtures/scripts/qa-tester-round11.txt')
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    // "1+2+2是啥意思" with 插花课 open: this folder does not say (its numbered lists "1." "2." are not the scheme), and
    // nobody is signed up.
    expect(room[1]).toContain('没有找到明确说法')
    expect(room[2]).toContain('已报名（0/10）')
    // "妇联有没有技能培训" asked privately with her situation: the offer of a person, then the documents' answer.
    const toHer = actions.filter((a) => a.kind === 'private' && a.to === '小刘').map((a) => a.text)
    expect(toHer[0]).toContain('同意')
    expect(toHer[1]).toMatch(/技能培训[\s\S]*来源：/u)
    // A sign-up written in Traditional characters is confirmed in them.
    expect(actions.filter((a) => a.kind === 'room').at(-1)!.text).toMatch(/^活動1「插花課」\n已登記：何姨/u)
  }, 120_000)

  it('eleventh round, second tester: no 家暴 passage for a family worry told while her yes is awaited; a deadline by weekday is the one before the event', async () => {
    const actions = await script.run('test/fixtures/scripts/qa-tester-round11b.txt')
    const toHer = actions.filter((a) => a.kind === 'private' && a.to === '小燕').map((a) => a.text)
    expect(toHer.join('\n')).not.toMatch(/家庭暴力|反家庭暴力法/u)
    expect(toHer.some((t) => t.includes('您的求助已登记'))).toBe(true)
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    expect(room).toContainEqual(expect.stringMatching(/^【活动1】十二月家聚会[\s\S]*报名截止：12月11日（周五）20:00/u))
    // "家聚会啥时候 我好安排上班": the group's own schedule for it (the configured rhythm and the host's new reminder),
    // not the documents' "每月一次"; once a 家聚会 is announced, its time — and 安排上班 signs nobody up.
    expect(room).toContainEqual(expect.stringMatching(/^本群的家聚会：[\s\S]*每月最后一个周日 15:00（下一次：/u))
    expect(room.join('\n')).not.toContain('已登记：小燕')
  }, 120_000)

  it('twelfth round, a tester: places with nothing open; thanks in Traditional; thanks or a question instead of the number; an activity by its notice; asking after a neighbour; the group\'s rhythm', async () => {
    const actions = await script.run('test/fixtures/scripts/tester-round12.txt')
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    // "还有名额吗" with nothing announced: nothing open, not another event's quota from the documents.
    expect(room[0]).toBe('现在群里没有正在报名的活动。')
    // "謝謝啦": you're welcome, in her script.
    expect(room[1]).toBe(inScript('不客气😊 有事随时找我。', 'traditional'))
    // "谢谢" instead of the number: the case goes on, and staff read that no number was left (not "打电话（谢谢）").
    const staff = to('小王')
    const hers = staff.find((t) => t.includes('居民：张丽'))!
    expect(hers).toContain(`（${referralTexts.noNumberLeft}）`)
    expect(hers).not.toContain('（谢谢）')
    // A question instead of the number: answered and kept for staff, the number asked for again, then given.
    expect(to('周梅')).toContain(referralTexts.numberStillMissing)
    const hersToo = staff.find((t) => t.includes('居民：周梅'))!
    expect(hersToo).toContain('联系方式：打电话（13912345678）')
    expect(hersToo).toContain('另外离婚的话房子怎么分')
    // "包饺子要带啥" when 冬至联欢's notice says 一起包饺子: the notice, not a document's papers.
    expect(room.at(-5)).toMatch(/^活动1「冬至联欢」[\s\S]*自带围裙和擀面杖/u)
    // "陈静咋了？" after her emergency in the group: thanks, staff are on it; nothing of what she wrote, no documents.
    expect(room.at(-3)).toBe(referralTexts.concernForHer)
    // "家暴可以去哪裡投訴": whatever the documents say, 110 and 12338 come with it, in her script.
    expect(room.at(-1)).toContain(inScript(referralTexts.violenceNumbers, 'traditional'))
    // "咱们微家平时都搞些啥活动，多久一次": the group's rhythm with the next times, and what is open now.
    // (In the order of their next times, which depends on today's date: both are there, whichever comes first.)
    expect(room.at(-2)).toMatch(/^本群的固定活动：\n/u)
    expect(room.at(-2)).toMatch(/家接待：每周三 09:00（下一次：/u)
    expect(room.at(-2)).toMatch(/家聚会：每月第一个周六 09:00/u)
    expect(room.at(-2)).toMatch(/正在报名：\n「冬至联欢」/u)
  }, 120_000)

  it('twelfth round, second tester: a "…前报名" deadline; what to bring and the fee asked alone; a resident announcing', async () => {
    const actions = await script.run('test/fixtures/scripts/tester-round12b.txt')
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    expect(room[0]).toMatch(/^活动草稿：做手工香皂[\s\S]*报名截止：[\s\S]*（周二）12:00\n备注：每人材料费10块\n/u)
    expect(room[2]).toMatch(/^活动1「做手工香皂」[\s\S]*材料费10块/u)
    expect(room[3]).toBe(inScript(coreTexts.forbidden(['host', 'staff']), 'traditional'))
  }, 120_000)

  it('round 8, third tester: a scam passed on is answered, never reported as hers; violence after a vague first line; a host asking', async () => {
    const actions = await script.run('test/fixtures/scripts/help-round8b.txt')
    const room = actions.filter((a) => a.kind === 'room').map((a) => a.text)
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    // "有人说交3000块包装费就能帮我办下来 靠谱不": the warning for her, and no host told she posted a scam.
    expect(room[0]).toMatch(/^这很可能是诈骗/u)
    expect(to('李姐').some((t) => t.startsWith('【防骗提醒】'))).toBe(false)
    // "他昨天又推我…" after "有个事不好意思在群里说": named as violence, not her fault, 12338.
    expect(to('周红').some((t) => t.startsWith('谢谢您说出来，这不是您的错。按《反家庭暴力法》'))).toBe(true)
    // The host asking, in the group or privately: confidential.
    expect(room).toContain(referralTexts.confidential)
    expect(to('李姐')).toContain(referralTexts.confidential)
    // "会不会跑到我儿子单位去": a promise, not "不麻烦的".
    expect(to('黄姐').at(-1)).toMatch(/^不会告诉他/u)
  }, 120_000)

  it('round 8, fifth tester: a reporter\'s go-ahead is no withdrawal; a scam\'s code; after an emergency, the promise and someone to talk to; one step left', async () => {
    const actions = await script.run('test/fixtures/scripts/help-round8c.txt')
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    // "可以 你们转吧 我不用人联系我": added to her report, not a withdrawal.
    expect(to('小王').some((t) => t.startsWith('【撤回】'))).toBe(false)
    // The case number carries the day the script runs (Shanghai time).
    expect(to('小王').some((t) => /^【补充】R-\d{8}-0001 居民补充：可以 你们转吧 我不用人联系我$/u.test(t))).toBe(true)
    // "他说要验证码 我手机收到了": stop now.
    expect(to('孙丽')[0]).toMatch(/^请马上停下：[\s\S]*验证码/u)
    // After an emergency: "会不会告诉他" gets the promise, "就是想找个人说说话" someone to talk to.
    expect(to('周梅')).toContain(referralTexts.privacyPromise)
    // Said in Traditional ("我不想報警 就是想找個人說說話"): answered in Traditional.
    expect(to('周梅')).toContain(inScript(referralTexts.someoneToTalk, 'traditional'))
    // Her yes given, the contact question unanswered: one step left, not "nothing open".
    expect(to('王芳').at(-1)).toBe(`${referralTexts.statusOneStepLeft}\n${referralTexts.askContact}`)
  }, 120_000)

  it('twenty-first round, a tester: "就是想找个人说说" while her yes is awaited is no refusal; she hears staff can talk with her, and her yes then goes through', async () => {
    const actions = await script.run('test/fixtures/scripts/help-someone-to-talk.txt')
    const mine = actions.filter((a) => a.kind === 'private' && a.to === '小林').map((a) => a.text)
    expect(mine[0]).toContain('同意请回复「同意」')
    expect(mine[1]).toBe(referralTexts.talkOffered)
    expect(mine).not.toContain(referralTexts.declined)
    // Her yes after it: the request goes on to how staff should reach her.
    expect(mine[2]).toContain(referralTexts.askContact)
  }, 120_000)

  it('round 22, a tester: "别让群里知道" asked how to be reached is a caution, not the way; notes after the case go to it; "其实就是我自己" makes the report hers, one case', async () => {
    const actions = await script.run('test/fixtures/scripts/help-caution-and-self.txt')
    const to = (name: string) => actions.filter((a) => a.kind === 'private' && a.to === name).map((a) => a.text)
    const zhao = to('赵霞')
    // The caution: the promise and the question again, never stored as how to reach her.
    expect(zhao[2]).toBe(referralTexts.cautionThenContact)
    const created = to('小王').filter((t) => t.startsWith('【新求助】'))
    expect(created).toHaveLength(2)
    expect(created[0]).toMatch(/联系方式：当面聊\n情况：我老公老打我 我想找人帮帮我\n别让群里知道\n/u)
    const id = /R-\d{8}-\d{4}/u.exec(created[0]!)![0]
    // After the case: how to reach her and the caution are added to it, each answered; thanks is thanks.
    expect(to('小王')).toContain(`【补充】${id} 居民补充：微信就行 晚上别打电话`)
    expect(to('小王')).toContain(`【补充】${id} 居民补充：千万别让我婆婆知道`)
    expect(zhao).toContain(referralTexts.caseNoteAdded(id))
    expect(zhao).toContain(referralTexts.caseCautionAdded(id))
    expect(zhao.at(-1)).toMatch(/^不客气/u)
    // 钱红: one case, marked as hers for staff, and she hears what a disclosure hears.
    const qian = /R-\d{8}-\d{4}/u.exec(created[1]!)![0]
    expect(created[1]).toMatch(/同意转介：他人代为反映/u)
    expect(to('小王')).toContain(`【补充】${qian} 居民补充：${referralTexts.staffSelfRevealed}其实就是我自己 他昨天又打我了`)
    expect(to('钱红')).toContain(referralTexts.selfRevealed('家庭暴力'))
    expect(to('小王')).toContain(`【补充】${qian} 居民补充：发微信吧 白天方便`)
  }, 120_000)
})
