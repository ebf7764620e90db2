// The knowledge Q&A capability: answers residents' questions from the 微家 documents.
// Groups: when @-mentioned (any text), or any clear question when the group's answerMode is 'questions'.
// Private chat: any text. Other capabilities' commands win (priority 80).
import { ANSWER_HANDOVER } from '../core/handover.ts'
import type { VectorBackend } from './vectors.ts'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { App, Capability, Context } from '../core/capability.ts'
import { understood } from '../core/understanding.ts'
import type { Embedder } from '../core/llm.ts'
import { embedderFor } from './embedder-offline.ts'
import { QaEngine } from './engine.ts'
import { FollowupStore, followupContext, namesOwnTopic } from './followup.ts'
import { herScript } from '../core/her-script.ts'
import { inScript, scriptNeutral, scriptOf } from '../core/zh/script.ts'
import type { Glossary } from './glossary.ts'
import { indexExists, KnowledgeIndex } from './index-store.ts'
import { ingest } from './ingest.ts'
import { looksLikeFollowUp, looksLikeQuestion } from './question.ts'
import { followsDocuments } from '../core/turns.ts'
import { qaTexts } from './texts.ts'
import { asksPersonalContact } from './personal-contact.ts'
import { asksOwnHost, asksOwnPlace, groupFactTexts } from './group-facts.ts'
import { asksKind, asksOwnGroupType, typeQuestion, typeSentence } from './group-type.ts'
import { questionParts } from './parts.ts'
import { asksForMore } from './more.ts'

export interface QaDeps {
  /** The dense-vector backend (the HNSW adapter in production, wired in src/capabilities.ts). */
  vectors: VectorBackend
  /** Embedder for a glossary; default: from the environment (remote if EMBEDDING_MODEL is set, else offline). */
  makeEmbedder?: (glossary: Glossary) => Embedder
}

function conversationId(ctx: Context): string {
  const c = ctx.msg.conversation
  return c.kind === 'room' ? c.roomId : `p:${c.contactId}`
}

export function createQa(deps: QaDeps): Capability {
  return {
    name: 'qa',
    async register(app: App) {
      const settings = app.config.qa
      // A remote embedder comes from the app when one is configured; otherwise the offline one.
      const makeEmbedder = deps.makeEmbedder ?? ((g: Glossary) => embedderFor(g, app.embedder))
      const followups = new FollowupStore(app.redis, (conv, sender) => app.key('qa', 'followup', conv, sender), settings.followupTtlSec)
      const log = app.log.child({ capability: 'qa' })
      let engine: Promise<QaEngine> | undefined
      let building: Promise<unknown> | undefined

      // The console (maybe another process) can rebuild the index: a newer manifest means load it again.
      const stamp = () => statSync(join(settings.indexDir, 'manifest.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0
      let loadedStamp = 0
      const load = (): Promise<QaEngine> => {
        const now = stamp()
        if (now !== loadedStamp) {
          engine = undefined
          loadedStamp = now
        }
        engine ??= KnowledgeIndex.load(settings.indexDir, makeEmbedder, deps.vectors).then(
          (index) => new QaEngine(index, { llm: app.llm, maxChars: settings.maxAnswerChars, log }),
        )
        // A failed load (e.g. embedder mismatch) is retried on the next question rather than cached forever.
        engine.catch(() => (engine = undefined))
        return engine
      }

      // Ingest and load at start-up, never on the message path. Incremental ingest on every start is cheap
      // when nothing changed (hashes only); it picks up edits to the knowledge folder and rebuilds an index
      // made by another embedder or an older version. It runs in the background so the rest of the bot is
      // ready at once; a question that arrives meanwhile waits for it.
      // The last ingest's outcome, per-file failures included, for the console (maybe another process).
      const record = (r: object) => app.redis.set(app.key('qa', 'ingest', 'last'), JSON.stringify({ at: Date.now(), source: 'start-up', ...r })).catch((err) => log.warn({ err }, 'ingest outcome not recorded'))
      const warmUp = async () => {
        const run = ingest({ vectors: deps.vectors, kbDir: settings.kbDir, indexDir: settings.indexDir, makeEmbedder, log })
        building = run
        try {
          const summary = await run
          log.info({ summary }, 'knowledge index up to date')
          await record({ failures: summary.failures, failed: summary.failed, files: summary.files })
        } catch (err) {
          log.error({ err }, 'knowledge ingest failed')
          await record({ error: (err as Error).message, failures: [] })
        } finally {
          building = undefined
        }
        await load().catch((err) => log.error({ err }, 'knowledge index could not be loaded'))
      }
      let warming: Promise<void> | undefined
      app.onStart(async () => {
        warming = warmUp()
      })

      /** Overheard in the group, a short follow-up right after her own question to the documents (not read as one itself). */
      const overheardFollowUp = (ctx: Context) =>
        ctx.msg.conversation.kind === 'room' &&
        !ctx.msg.mentioned &&
        followsDocuments(ctx) &&
        looksLikeFollowUp(ctx.msg.text) &&
        understood(ctx, { now: Date.now(), tz: app.config.timezone }).intent !== 'qa.question'

      /** A text in a group's chat or privately to the bot, addressed to it as that group's answers are (answerMode). */
      const aboutThisGroup = (ctx: Context) => {
        const { msg } = ctx
        if (msg.kind !== 'text' || !ctx.group) return false
        return msg.conversation.kind === 'private' || msg.mentioned || (ctx.group.answerMode === 'questions' && looksLikeQuestion(msg.text))
      }

      // "我们这个微家算哪种": the type config gives this group, then the documents' sentence about that type when they
      // answer outright ("网格睦邻型微家是做什么的"); a hedge or a decline adds nothing to what config says.
      app.route({
        name: 'qa.group-type',
        band: 'conversation',
        match: (ctx) => aboutThisGroup(ctx) && asksOwnGroupType(ctx.msg.text),
        async handle(ctx) {
          const type = ctx.group!.type
          // "这个微家到底是干啥的呀？咱们这个算哪种微家": the other question of the message is answered from the documents
          // first (when they answer it), then the type.
          const parts = questionParts(ctx.msg.text)
          const others = parts.filter((p) => !asksKind(p))
          const ready = async () => {
            await warming
            return indexExists(settings.indexDir) ? load() : undefined
          }
          const before = await (async () => {
            const qa = others.length && others.length < parts.length ? await ready() : undefined
            if (!qa) return []
            const answers = await Promise.all(others.slice(0, 2).map((q) => qa.ask(q, undefined, { budget: ctx.replyBudget })))
            return answers.filter((r) => r.grounded).map((r) => r.answer)
          })().catch((err: unknown) => {
            ctx.log.warn({ err }, 'qa: the other question beside the group type could not be answered')
            return [] as string[]
          })
          if (!type) return ctx.reply([...before, qaTexts.groupTypeUnset].join('\n\n'))
          const quote = await (async () => {
            const qa = await ready()
            if (!qa) return undefined
            const r = await qa.ask(typeQuestion(type), undefined, { budget: ctx.replyBudget, script: 'simplified' })
            return r.grounded && !r.hedged ? typeSentence(r.answer, type) : undefined
          })().catch((err: unknown) => {
            ctx.log.warn({ err }, 'qa: the documents could not be asked about the group type')
            return undefined
          })
          await ctx.reply([...before, qaTexts.groupType(type, quote)].join('\n\n'))
        },
      })

      // "微家在哪儿啊", "俺们这微家是谁管事的": this group's place and people, from config (group-facts.ts).
      app.route({
        name: 'qa.group-facts',
        band: 'conversation',
        match: (ctx) => aboutThisGroup(ctx) && (asksOwnPlace(ctx.msg.text) || asksOwnHost(ctx.msg.text)),
        async handle(ctx) {
          const g = ctx.group!
          if (asksOwnHost(ctx.msg.text)) return ctx.reply(groupFactTexts.hosts(g.hosts, g.staff))
          await ctx.reply(g.place ? groupFactTexts.place(g.place) : groupFactTexts.placeUnset)
        },
      })

      app.route({
        name: 'qa.answer',
        priority: 80,
        // Asked of the documents, answered or not: her next short question may lean on it (as followups.ts has it).
        subject: 'documents',
        match(ctx) {
          const { msg } = ctx
          if (msg.kind !== 'text' || !msg.text.trim()) return false
          // Addressed to the bot: anything no other route claimed (small talk has its own short reply).
          if (msg.conversation.kind === 'private' || msg.mentioned) return true
          // Overheard in the group: only what the understanding reads as a question for the documents, or a short
          // follow-up right after her own question to them ("那要钱不").
          if (ctx.group?.answerMode !== 'questions') return false
          return (looksLikeQuestion(msg.text) && understood(ctx, { now: Date.now(), tz: app.config.timezone }).intent === 'qa.question') || overheardFollowUp(ctx)
        },
        async handle(ctx) {
          await warming
          if (!indexExists(settings.indexDir)) return ctx.reply(qaTexts.notReady)
          let qa: QaEngine
          try {
            qa = await load()
          } catch (err) {
            ctx.log.error({ err }, 'knowledge index unavailable')
            return ctx.reply(qaTexts.notReady)
          }
          const handover = ctx.get(ANSWER_HANDOVER)
          // A question the referrals take private is continued in private: its follow-ups are looked up there.
          const conv = handover?.privately || handover?.rememberOnly ? `p:${ctx.msg.sender.id}` : conversationId(ctx)
          const sender = ctx.msg.sender.id
          // Chat, then a question to the bot: the question is what is asked of the documents.
          const question = (handover?.question ?? understood(ctx, { now: Date.now(), tz: app.config.timezone }).addressed ?? ctx.msg.text).trim()
          // Someone's own phone or WeChat ("王芳电话多少来着"): not the documents' business, and never given out.
          if (asksPersonalContact(question)) return ctx.reply(qaTexts.personalContact)
          const previous = await followups.previous(conv, sender)
          const about = await followups.previousAbout(conv, sender)
          const context = followupContext(previous, question, about, about !== undefined && qa.aboutIsBroad(about))
          // "利息多少" after "要還幾年", "五有是指哪五有" after "婦女微家分幾種啊": written the same in both scripts, answered in
          // the one she has been writing (a follow-up or not; core/her-script.ts remembers it).
          const script = scriptNeutral(question) ? herScript(ctx) : scriptOf(question)
          // Asked, answered or not: a follow-up ("那要带啥") leans on it.
          const asked = context ? `${context} ${question}` : question
          await followups.remember(conv, sender, asked)
          // Taken private from the group, she may still ask her next question in the group ("那要带啥材料").
          const inGroup = conversationId(ctx)
          if (inGroup !== conv) await followups.remember(inGroup, sender, asked)
          if (handover?.rememberOnly) return
          let asked0 = await qa.ask(question, context, { budget: ctx.replyBudget, script })
          // "还有别的吗" answered by the passage she was just given: asked again without it (more.ts).
          if (context && asked0.grounded && asksForMore(question) && (await followups.quotedAlready(conv, sender, asked0.answer))) {
            const other = await qa.ask(question, context, { budget: ctx.replyBudget, script, besides: asked0.answer })
            if (other.grounded) asked0 = other
          }
          // A follow-up that names its own topic ("那个刺秀项目是哪家公司搞的" after a question about earning at home) may be
          // answered outright on its own words where the previous topic's words only blur it: then that answer is given.
          // Only an outright answer replaces the one with context: alone, a short follow-up ("那要带啥") is never that.
          if (context && namesOwnTopic(asked0.read ?? question) && !asksForMore(question) && !(asked0.grounded && !asked0.hedged)) {
            const alone = await qa.ask(question, undefined, { budget: ctx.replyBudget, script })
            if (alone.grounded && !alone.hedged) asked0 = alone
          }
          // A hedge counts as not answered where a passage that is perhaps not what she asked may name what she never
          // said (her family worry answered with a 家暴 passage).
          const result = handover?.outrightOnly && asked0.hedged ? { ...asked0, grounded: false, hedged: false, answer: inScript(qaTexts.notCovered, script) } : asked0
          // Answered, outright or with a caveat: the next follow-up leans on the document it came from. She reads the source
          // line under a hedged reply as under any other ("那个计划是哪天发布的" after one from the 雨花区 plan: a tester got
          // another document's meeting time when only outright answers counted).
          if (result.grounded && result.about) {
            // As read: a typo the search corrected ("刺秀") is the word the next follow-up's topic is ("一年能解决多少人").
            const read = result.read ? (context ? `${context} ${result.read}` : result.read) : asked
            await followups.remember(conv, sender, read, result.about)
            if (inGroup !== conv) await followups.remember(inGroup, sender, read, result.about)
          }
          ctx.log.info({ grounded: result.grounded, top: result.sources[0]?.doc, followup: Boolean(context) }, 'qa answered')
          // In private the closest passage is worth giving too ("打过HPV疫苗了 以后还用查吗" → "接种了HPV疫苗，仍然需要…").
          if (handover?.onlyIfGrounded && (!result.grounded || (result.hedged && !handover.privately))) return
          // An overheard follow-up may have been said to someone else: nothing is said unless the documents answer it.
          if (overheardFollowUp(ctx) && !result.grounded) return
          // A follow-up the same passage answers again ("那個工作站在哪裡" after its figures) is told that this is all the
          // documents say, not handed the same reply as if it were a new answer.
          const again = Boolean(context) && result.grounded && (await followups.answeredAlready(conv, sender, result.answer))
          const answer = again ? `${inScript(qaTexts.sameAgain, script)}\n${result.answer}` : result.answer
          if (result.grounded && !again) await followups.rememberAnswer(conv, sender, result.answer)
          // Other capabilities may add a line (e.g. an offer of personal help on a help topic).
          const hints = app.answerHints(ctx)
          // In the script she wrote in, as the answer is.
          const text = hints.length ? `${answer}\n${inScript(hints.join('\n'), script)}` : answer
          await (handover?.privately ? ctx.whisper(text) : ctx.reply(text))
        },
      })
    },
  }
}

