// The database side of a production setup, built from Debian's binaries in a temporary folder on
// free ports: a PostgreSQL primary, a streaming replica of it (pg_basebackup -R), and pgbouncer in
// transaction pooling mode in front of the primary. Run as root (CI), the servers run as the OS
// user `postgres`, since neither PostgreSQL nor pgbouncer runs as root.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../support/server-process';

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;
export const DATABASE = 'keukentafel';
/** pgbouncer's server connections to the primary; the app's processes open far more client connections than this. */
export const POOL_SIZE = 5;

export interface PostgresCluster {
  /** The app's DATABASE_URL: pgbouncer. */
  pooledUrl: string;
  /** DATABASE_REPLICA_URL: the standby, directly. */
  replicaUrl: string;
  /** The primary, directly (for the test's own checks, never for the app). */
  primaryUrl: string;
  /** pgbouncer's admin console (SHOW POOLS, SHOW STATS). */
  adminUrl: string;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  close(): Promise<void>;
}

/** The binaries, or an error that says what to install: the test must not pass by skipping. */
function findBinaries(): { pgBin: string; pgbouncer: string } {
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)) : [];
  const pgBin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).filter((dir) => ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => fs.existsSync(path.join(dir, b)))).pop();
  const pgbouncer = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((file) => fs.existsSync(file));
  const missing = [pgBin ? null : 'postgresql (initdb, pg_ctl, pg_basebackup in /usr/lib/postgresql/<version>/bin)', pgbouncer ? null : 'pgbouncer'].filter(Boolean);
  if (missing.length) throw new Error(`The production-setup test needs the Debian packages: ${missing.join(', ')}. Install with: apt-get install -y postgresql pgbouncer`);
  return { pgBin: pgBin!, pgbouncer: pgbouncer! };
}

/** Runs a server binary as `postgres` when we are root, else as ourselves. */
async function asPostgres(file: string, args: string[]): Promise<string> {
  const quoted = [file, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const { stdout } = asRoot ? await run('su', ['postgres', '-c', quoted]) : await run(file, args);
  return stdout;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const { pgBin, pgbouncer } = findBinaries();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-deploy-'));
  // What to undo, newest first; also when the setup fails halfway.
  const cleanups: (() => Promise<unknown>)[] = [async () => fs.rmSync(root, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    return await build();
  } catch (error) {
    await close();
    throw error;
  }

  async function build(): Promise<PostgresCluster> {
    if (asRoot) await run('chown', ['postgres', root]);
    const [primaryPort, replicaPort, bouncerPort] = [await freePort(), await freePort(), await freePort()];
    const primaryDir = path.join(root, 'primary');
    const replicaDir = path.join(root, 'replica');
    const pgCtl = (dir: string, ...args: string[]) => asPostgres(path.join(pgBin, 'pg_ctl'), ['-D', dir, ...args]);
    const start = (dir: string, port: number) => pgCtl(dir, '-w', '-l', path.join(root, `${path.basename(dir)}.log`), '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`, 'start');
    const url = (port: number, database = DATABASE) => `postgres://postgres@127.0.0.1:${port}/${database}`;

    // initdb's default pg_hba.conf already trusts replication connections from 127.0.0.1.
    await asPostgres(path.join(pgBin, 'initdb'), ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await start(primaryDir, primaryPort);
    cleanups.push(() => pgCtl(primaryDir, '-m', 'fast', 'stop'));
    const admin = new pg.Client({ connectionString: url(primaryPort, 'postgres') });
    await admin.connect();
    await admin.query(`create database ${DATABASE}`);
    await admin.end();

    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming, read-only standby.
    // A fast checkpoint: the default spread one makes pg_basebackup wait a minute and more.
    await asPostgres(path.join(pgBin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
    await start(replicaDir, replicaPort);
    cleanups.push(() => pgCtl(replicaDir, '-m', 'fast', 'stop'));

    const bouncerConfig = path.join(root, 'pgbouncer.ini');
    fs.writeFileSync(path.join(root, 'userlist.txt'), '"postgres" ""\n');
    fs.writeFileSync(
      bouncerConfig,
      [
        '[databases]',
        `${DATABASE} = host=127.0.0.1 port=${primaryPort} dbname=${DATABASE}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${bouncerPort}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${path.join(root, 'userlist.txt')}`,
        'admin_users = postgres',
        'pool_mode = transaction',
        `default_pool_size = ${POOL_SIZE}`,
        'max_client_conn = 200',
        `logfile = ${path.join(root, 'pgbouncer.log')}`,
        `pidfile = ${path.join(root, 'pgbouncer.pid')}`,
        '',
      ].join('\n'),
    );
    if (asRoot) await run('chown', ['-R', 'postgres', root]);
    const pidFile = path.join(root, 'pgbouncer.pid');
    await asPostgres(pgbouncer, ['-d', bouncerConfig]);
    cleanups.push(async () => process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGTERM'));

    return {
      pooledUrl: url(bouncerPort),
      replicaUrl: url(replicaPort),
      primaryUrl: url(primaryPort),
      adminUrl: url(bouncerPort, 'pgbouncer'),
      stopReplica: async () => void (await pgCtl(replicaDir, '-m', 'fast', 'stop')),
      startReplica: async () => void (await start(replicaDir, replicaPort)),
      close,
    };
  }
}

/** One query on a fresh connection (the admin console speaks only the simple query protocol: no parameters there). */
export async function query<T>(url: string, text: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
