import { defineConfig } from 'vitest/config';

// The production setup (tests/deploy): a PostgreSQL primary and streaming replica, pgbouncer and
// Keukentafel in several processes, all built by the test itself from Debian's binaries. Not part
// of `npm test`; .ci/run runs it after the PostgreSQL suites.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain 'N passed, N failed' line over all runs.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-deploy.json' },
    include: ['tests/deploy/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
