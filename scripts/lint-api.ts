// Lints the OpenAPI document as the server serves it: builds the app on an empty embedded database,
// listens on a free local port, and runs both linters against GET /api/v1/openapi.json:
// - Spectral with the NL API Design Rules ruleset of Logius (../shared/reference/adr-linter.yaml,
//   CC BY 4.0; read from there, not copied into this repository);
// - Redocly with its `recommended` rules.
// Exits non-zero when either reports an error (warnings are printed, not fatal).
// Run: npm run lint:api   (about 15 s; docs/api-design-rules.md says what each rule asks).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app';
import { readConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { API_BASE } from '../src/server/http/api-version';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ruleset = path.resolve(repo, '../shared/reference/adr-linter.yaml');
if (!fs.existsSync(ruleset)) {
  console.error(`The NL API Design Rules ruleset is missing: ${ruleset} (shared/ beside the clone)`);
  process.exit(1);
}

const database = await openDatabase({ dataDir: 'memory://' });
const app = await buildApp({ db: database.db, config: { ...readConfig({}), logLevel: 'silent' }, databaseKind: database.kind });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const url = `${address}${API_BASE}/openapi.json`;
console.log(`Linting ${url}`);

const bin = (name: string) => path.join(repo, 'node_modules/.bin', name);
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
// Asynchronous: the server in this process answers the linters' requests meanwhile.
const run = (label: string, command: string, args: string[]) =>
  new Promise<boolean>((resolve) => {
    console.log(`\n== ${label}`);
    const child = spawn(command, args, { cwd: repo, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
// Spectral fails on errors only (warnings printed); Redocly fails on errors and prints warnings.
const spectral = await run('NL API Design Rules (Spectral)', bin('spectral'), ['lint', '--ruleset', ruleset, '--fail-severity', 'error', url]);
const redocly = await run("Redocly's recommended rules", bin('redocly'), ['lint', '--extends=recommended', '--max-problems', '1000', url]);

await app.close();
await database.close();
console.log(`\nNL API Design Rules: ${spectral ? 'no errors' : 'errors (above)'}; Redocly recommended: ${redocly ? 'no errors' : 'errors (above)'}`);
process.exit(spectral && redocly ? 0 : 1);
