import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Real SQLite files, real Chromium: give slow machines room, but never hang CI.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is a worker fewer than the cores: one on CI's two, a core idle for most of the run
    // (the tests wait on Chromium and child processes). Two there: 15.7 → 11.9 min; three: 13.2, and flaky.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // expect.poll's own default, 1 s, is less than a page takes to answer beside another test file.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
