// Times the fuzz test (tests/http/fuzz.test.ts): wall clock and CPU time of the test run (the
// process and, with PGlite, its embedded database; a PostgreSQL server's CPU is not counted), per
// number of requests per route, on PGlite and, when DATABASE_URL is set, on that server too. The
// slowest routes come from Vitest's JSON report. `--ref` also times the fuzz test of another commit
// (e.g. main, before it sent ten times as many requests) in a temporary worktree with the same
// node_modules, so before and after are measured on the same machine in one go. CI runs the fuzz
// test twice (PGlite and PostgreSQL) at the default count.
//
//   npx tsx scripts/security/fuzz-duration.ts [--runs 30,300] [--ref main] [--seed 12345]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/security/fuzz-duration.ts
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '300' }, ref: { type: 'string' }, seed: { type: 'string', default: '12345' } } });
const root = path.resolve(import.meta.dirname, '../..');
const databases: { name: string; env: Record<string, string | undefined> }[] = [{ name: 'PGlite', env: { DATABASE_URL: undefined } }];
if (process.env.DATABASE_URL) databases.push({ name: 'PostgreSQL', env: { DATABASE_URL: process.env.DATABASE_URL } });

interface Timing {
  wallSeconds: number;
  cpuSeconds: number | null;
  tests: number;
  failed: number;
  slowest: { name: string; ms: number }[];
}

const hasTime = fs.existsSync('/usr/bin/time');

function timeFuzz(cwd: string, env: Record<string, string | undefined>): Timing {
  const report = path.join(os.tmpdir(), `fuzz-duration-${process.pid}.json`);
  const vitest = ['npx', 'vitest', 'run', 'tests/http/fuzz.test.ts', '--reporter=json', `--outputFile=${report}`];
  const command = hasTime ? ['/usr/bin/time', '-f', 'TIME %e %U %S', ...vitest] : vitest;
  const started = Date.now();
  const result = spawnSync(command[0]!, command.slice(1), { cwd, env: { ...process.env, ...env, FUZZ_SEED: values.seed }, encoding: 'utf8', maxBuffer: 1024 ** 3 });
  const wallSeconds = (Date.now() - started) / 1000;
  const time = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  if (result.status !== 0) console.log(`vitest in ${cwd} exited with ${result.status}:\n${`${result.stdout}${result.stderr}`.split('\n').slice(-15).join('\n')}`);
  if (!fs.existsSync(report)) return { wallSeconds, cpuSeconds: null, tests: 0, failed: 0, slowest: [] };
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { numTotalTests: number; numFailedTests: number; testResults: { assertionResults: { fullName: string; duration?: number }[] }[] };
  fs.rmSync(report, { force: true });
  const tests = json.testResults.flatMap((file) => file.assertionResults);
  return {
    wallSeconds: time ? Number(time[1]) : wallSeconds,
    cpuSeconds: time ? Number(time[2]) + Number(time[3]) : null,
    tests: json.numTotalTests,
    failed: json.numFailedTests,
    slowest: tests
      .map((test) => ({ name: test.fullName, ms: Math.round(test.duration ?? 0) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
  };
}

function print(label: string, timing: Timing): void {
  const cpu = timing.cpuSeconds === null ? 'n/a' : `${timing.cpuSeconds.toFixed(1)} s`;
  console.log(`${label.padEnd(44)} wall ${timing.wallSeconds.toFixed(1).padStart(6)} s   CPU ${cpu.padStart(8)}   ${timing.tests} tests, ${timing.failed} failed`);
  for (const test of timing.slowest) console.log(`${''.padEnd(6)}${String(test.ms).padStart(7)} ms  ${test.name}`);
}

console.log(`${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; seed ${values.seed}`);
let refTree: string | null = null;
if (values.ref) {
  refTree = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-duration-ref-'));
  execFileSync('git', ['worktree', 'add', '--detach', refTree, values.ref], { cwd: root, stdio: 'ignore' });
  // The same packages: share them; other packages: install the ref's own.
  const lock = (dir: string) => fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
  if (lock(refTree) === lock(root)) fs.symlinkSync(path.join(root, 'node_modules'), path.join(refTree, 'node_modules'));
  else execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: refTree, stdio: 'ignore' });
}
try {
  for (const database of databases) {
    if (refTree) print(`${database.name}, ${values.ref} (its own count)`, timeFuzz(refTree, database.env));
    for (const runs of values.runs.split(',')) print(`${database.name}, this tree, ${runs} requests per route`, timeFuzz(root, { ...database.env, FUZZ_RUNS: runs }));
  }
} finally {
  if (refTree) execFileSync('git', ['worktree', 'remove', '--force', refTree], { cwd: root, stdio: 'ignore' });
}
