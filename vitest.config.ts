import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests each boot a bot on the mock puppet; two cores, so keep workers modest.
    maxWorkers: 2,
    env: { WECHATY_LOG: 'silent' },
  },
})
