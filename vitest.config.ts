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
  ...['chunk', 'clean', 'decide', 'dedupe', 'detail', 'focus', 'followup', 'lexicon', 'parse', 'question'].map((f) => `src/qa/${f}.test.ts`),
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
 * The files that run longest (seconds, idle machine), longest first. Vitest starts files by their last recorded
 * duration; a fresh checkout (CI after npm ci) has none and would go by file size, which leaves short-coded but
 * long-running files (the sandbox scripts, the NLU corpus) for the end, one worker busy and the other idle.
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

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const root = this.ctx.config.root
    const path = (f: TestSpecification) => relative(root, f.moduleId)
    if (sorted.some((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${path(f)}`))) return sorted
    const rank = (f: TestSpecification) => (LONGEST.includes(path(f)) ? LONGEST.indexOf(path(f)) : LONGEST.length)
    // Stable: the rest keep vitest's order (its projects, then size).
    return [...sorted].sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests each boot a bot on the mock puppet; two cores, so keep workers modest.
    maxWorkers: 2,
    env: { WECHATY_LOG: 'silent' },
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: SHARED, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SHARED] } },
    ],
  },
})
