import { defineConfig } from 'vitest/config';

// The browser journeys: a real server (npm start's entry point) on an empty database, driven by
// Debian's Chromium through playwright-core, with axe on every page. Run after `vite build`.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain 'N passed, N failed' line over all runs.
    reporters: ['default', 'json'],
    outputFile: { json: `test-results/vitest-browser-${process.env.DATABASE_URL ? 'postgres' : 'pglite'}${process.env.KEUKENTAFEL_TEST_CHROMIUM === 'npm' ? '-npm-chromium' : ''}.json` },
    include: ['tests/browser/**/*.browser.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two files at a time, each with its own server, database copy, Chromium and artifact folder:
    // a browser test waits much of its time (page loads, polls), so the two overlap well on 2 cores.
    maxWorkers: 2,
    // A page that loads data (and lazy code) may take more than the default 1 s on a busy CI machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
