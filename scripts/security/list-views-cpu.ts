// What logging the clients a list view showed costs: the CPU time per request of the list screens
// (Mijn werk, Mijn dag, the team overview, the case list, the registrations, a name search) on an
// embedded benchmark dataset, in process with app.inject. The embedded database runs in this process,
// so its work is in the process's CPU time, and CPU time hardly moves when other programs load the
// machine (wall-clock latency does: see `npm run bench -- --parts screens` on a quiet machine).
//
//   cp -r .bench/utrecht-1y /tmp/kt-copy     # a copy: each run adds audit rows
//   npx tsx scripts/security/list-views-cpu.ts --data-dir /tmp/kt-copy [--reps 200]
//
// Run the same on a checkout before the change (and a fresh copy) to compare. Standard error: a
// table; standard output: JSON.
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { DEMO_PASSWORD } from '../../src/server/demo/demo.seed';

const { values: args } = parseArgs({ options: { 'data-dir': { type: 'string' }, reps: { type: 'string', default: '200' } } });
if (!args['data-dir']) throw new Error('--data-dir: a copy of a benchmark dataset (.bench/utrecht-1y)');
const REPS = Number(args.reps);

const database = await openDatabase({ dataDir: args['data-dir'] });
const app = await buildApp({ db: database.db, config: { ...readConfig({}), logLevel: 'silent' }, databaseKind: database.kind, version: 'list-views-cpu' });
await app.ready();

async function login(email: string): Promise<Record<string, string>> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode}`);
  return { cookie: response.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken };
}
const worker = await login('medewerker@demo.keukentafel.nl');
const leader = await login('teamleider@demo.keukentafel.nl');

const SCREENS: [string, Record<string, string>, 'GET' | 'POST', string, unknown?][] = [
  ['mijn werk', worker, 'GET', '/api/v1/work/mine'],
  ['mijn dag', worker, 'GET', '/api/v1/work/dashboard'],
  ['teamoverzicht', leader, 'GET', '/api/v1/work/team'],
  ['casussen van het team', worker, 'GET', '/api/v1/cases?scope=team&status=open&limit=100'],
  ['aanmeldingen', worker, 'GET', '/api/v1/registrations?status=all'],
  ['cliënt zoeken (naam)', worker, 'POST', '/api/v1/clients/search', { search: 'de jong' }],
];

const results: Record<string, { cpuMsPerRequest: number; wallMsPerRequest: number }> = {};
for (const [name, headers, method, url, payload] of SCREENS) {
  const call = async () => {
    const r = await app.inject({ method, url, headers, payload: payload as never });
    if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  };
  for (let i = 0; i < 20; i++) await call(); // warm up
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let i = 0; i < REPS; i++) await call();
  const cpu = process.cpuUsage(cpu0);
  results[name] = { cpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / REPS) * 100) / 100, wallMsPerRequest: Math.round(((performance.now() - wall0) / REPS) * 100) / 100 };
}
await app.close();
await database.close();

console.error(`${REPS} requests per screen, ms per request`);
console.error('screen                     cpu    wall');
for (const [name, r] of Object.entries(results)) console.error(`${name.padEnd(25)} ${String(r.cpuMsPerRequest).padStart(6)}  ${String(r.wallMsPerRequest).padStart(6)}`);
console.log(JSON.stringify({ reps: REPS, results }));
