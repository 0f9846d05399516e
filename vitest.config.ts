import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (src/**/*.test.ts); HTTP tests in tests/http. The browser journey
// runs separately (tests/browser) against a built web app. With DATABASE_URL set, the database
// tests run against that PostgreSQL server instead of PGlite.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain 'N passed, N failed' line over all runs.
    reporters: ['default', 'json'],
    outputFile: { json: `test-results/vitest-unit-${process.env.DATABASE_URL ? 'postgres' : 'pglite'}.json` },
    include: ['src/**/*.test.ts', 'tests/http/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/exchange/**/*.test.ts', 'tests/reports/**/*.test.ts', 'tests/reference/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time. Vitest's default is one less than the cores, which on a 2-core CI
    // machine runs the files one after another while the other core mostly waits.
    maxWorkers: 2,
  },
});
