// Once per run: screenshots and downloads of this run only, and the demo organisation's database.
// `npm start`'s entry point migrates an empty database and creates the demo organisation in it, as
// on a fresh installation; each test file then starts the server on a copy (browser/support.ts).
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createEmptyDatabase } from '../support/empty-database';
import { freePort, spawnServer, stopServer } from '../support/server-process';
import { SCREENSHOT_DIR } from './support';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const demo = await createEmptyDatabase();
  const { child } = await spawnServer(demo.env, await freePort());
  await stopServer(child);
  project.provide('demoDatabase', demo.env);
  return () => demo.drop();
}
