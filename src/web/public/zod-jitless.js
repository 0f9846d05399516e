// Loaded as a classic script before the app's modules: zod would otherwise probe for compiled
// validators with `new Function` while the first schemas are built, which the
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses and reports. zod reads its
// settings from this global (zod/v4/core/core.js, `globalConfig`); `z.config()` would run too late,
// after the bundle's schema chunks. tests/browser/hardening.browser.test.ts fails on any violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
