import { relative } from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Unit tests that boot no bot and ingest no knowledge folder, and restore what they stub: they share their
 * worker's module cache (set up once, not once a file; the caches in these modules only memoise pure
 * functions). The Q&A tests that ingest or load an index stay isolated: that teaches the segmenter the
 * corpus's glossary words process-wide, so one file's corpus would change another's tokens.
 */
const SHARED = [
  'src/config.test.ts',
  ...['chunk', 'clean', 'decide', 'dedupe', 'detail', 'focus', 'followup', 'group-type', 'lexicon', 'parse', 'question'].map((f) => `src/qa/${f}.test.ts`),
  'src/adapters/openai/*.test.ts',
  'src/core/**/*.test.ts',
  'src/nlu/*.test.ts',
  'src/outbox/*.test.ts',
  'src/referrals/*.test.ts',
  'src/reminders/*.test.ts',
  'src/sandbox/*.test.ts',
  'src/signups/*.test.ts',
]

/**
 * Integration tests on the mock puppet that ingest nothing (their capabilities are given; no Q&A), each in
 * its own Redis prefix, every bot stopped and every stub restored after its test: they share their worker's
 * module cache, so Wechaty and the mock load once a worker instead of once a file (~2 s each).
 */
// Not here: test/outage.test.ts stops and restarts a redis-server under a live bot. Once, in a loaded full run, its
// teardown (bot.stop) hung past the hook's 60 s in the shared worker; it now runs in its own module cache.
const BOTS = [
  'test/signups.test.ts',
  'test/referrals.test.ts',
  'test/reminders.test.ts',
  'test/reminders-once.test.ts',
  'test/foundation.test.ts',
  'test/persistence.test.ts',
  'test/outbox.test.ts',
  'test/outbox-pacing.test.ts',
  'test/console.auth.test.ts',
  'test/nlu-model.test.ts',
]

/**
 * The files that run longest (seconds, idle machine), longest first. Vitest orders each project's files by
 * their last recorded duration; a fresh checkout (CI after npm ci) has none, and by file size the sandbox
 * scripts and the NLU corpus (short files, long runs) would come last, one worker busy and the other idle.
 */
const LONGEST = [
  'test/console.e2e.test.ts', // 38
  'test/signups.test.ts', // 30
  'test/referrals.test.ts', // 25
  'test/sandbox.test.ts', // 16
  'test/reminders.test.ts', // 13
  'test/sandbox-signups.test.ts', // 13
  'test/outbox-pacing.test.ts', // 12
  'test/nlu.test.ts', // 10
  'test/llm-deadline.test.ts', // 8
  'test/nlu-model.test.ts', // 7
]

/**
 * Vitest's order (projects in turn: bots, integration, unit), with the browser test first: the longest file
 * runs on one worker while the other works through the bots. A worker keeps a shared module cache only while
 * the next file in line is of the same project, so the bots stay together. Without recorded durations,
 * LONGEST orders each project's files.
 */
class Sequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root
    const path = (f: TestSpecification) => relative(root, f.moduleId)
    let sorted = await super.sort(files)
    if (!sorted.some((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${path(f)}`))) {
      const rank = (f: TestSpecification) => (LONGEST.includes(path(f)) ? LONGEST.indexOf(path(f)) : LONGEST.length)
      // Projects keep their turn; within one, LONGEST first, the rest as they were (the sort is stable).
      const turn = new Map<string, number>()
      for (const f of sorted) if (!turn.has(f.project.name)) turn.set(f.project.name, turn.size)
      sorted = [...sorted].sort((a, b) => turn.get(a.project.name)! - turn.get(b.project.name)! || rank(a) - rank(b))
    }
    const first = sorted.filter((f) => path(f) === LONGEST[0])
    return [...first, ...sorted.filter((f) => !first.includes(f))]
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests each boot a bot on the mock puppet; two cores, so keep workers modest.
    maxWorkers: 2,
    env: { WECHATY_LOG: 'silent' },
    sequence: { sequencer: Sequencer },
    projects: [
      { extends: true, test: { name: 'unit', include: SHARED, isolate: false } },
      { extends: true, test: { name: 'bots', include: BOTS, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SHARED, ...BOTS] } },
    ],
  },
})
