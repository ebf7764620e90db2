import { configDefaults, defineConfig } from 'vitest/config'

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

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests each boot a bot on the mock puppet; two cores, so keep workers modest.
    maxWorkers: 2,
    env: { WECHATY_LOG: 'silent' },
    projects: [
      { extends: true, test: { name: 'unit', include: SHARED, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SHARED] } },
    ],
  },
})
