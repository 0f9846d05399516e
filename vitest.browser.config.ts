import { defineConfig } from 'vitest/config';

// The browser journeys: a real server (npm start's entry point) on an empty database, driven by
// Debian's Chromium through playwright-core, with axe on every page. Run after `vite build`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
