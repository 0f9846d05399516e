// Several Node processes on one port (KEUKENTAFEL_PROCESSES=n): node:cluster forks n workers that
// each run the server (main.ts) and share the listening socket; the primary hands the connections
// out in turn. The primary serves nothing itself: main.ts has migrated and seeded before it forks,
// and runs the background jobs there, once. Here the primary replaces a worker that dies, and on
// SIGTERM/SIGINT stops the workers (each finishes its running requests) before it exits.
import cluster, { type Worker } from 'node:cluster';
import { logSerializers } from './http/log-serializers';

const LEVELS = { info: 30, warn: 40, error: 50 } as const;

/** A log line of the primary, in the shape of the workers' pino lines (JSON, with pid and level). */
export function clusterLog(level: keyof typeof LEVELS, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level: LEVELS[level], time: Date.now(), pid: process.pid, role: 'primary', ...fields, msg });
  if (level === 'info') console.log(line);
  else console.error(line);
}

export function errorFields(error: unknown): Record<string, unknown> {
  return { err: error instanceof Error ? logSerializers.err(error as Error & { code: string }) : String(error) };
}

/** A worker that dies this soon after its start waits before it is replaced, so a broken setup does not fork in a tight loop. */
const EARLY_DEATH_MS = 5000;
/** How long a worker may take to finish its running requests when the cluster stops. */
const STOP_GRACE_MS = 30_000;

/**
 * Forks `processes` workers and resolves once all of them listen. A worker that stops before it
 * listens means the setup is wrong (port in use, database unreachable): then all stop and this
 * rejects. `onStopped` runs after the workers are gone, before the primary exits.
 */
export async function runCluster(processes: number, onStopped: () => Promise<void>): Promise<void> {
  const startedAt = new Map<Worker, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.once('listening', () => clusterLog('info', 'worker listening', { workerPid: worker.process.pid }));
  };

  try {
    await new Promise<void>((resolve, reject) => {
      let listening = 0;
      const onListening = () => ++listening === processes && settle(resolve);
      const onExit = (worker: Worker, code: number | null, signal: string | null) =>
        settle(() => reject(new Error(`worker ${worker.process.pid} stopped before it listened (${signal ?? `exit code ${code}`})`)));
      const settle = (then: () => void) => {
        cluster.off('listening', onListening);
        cluster.off('exit', onExit);
        then();
      };
      cluster.on('listening', onListening);
      cluster.on('exit', onExit);
      for (let i = 0; i < processes; i++) fork();
    });
  } catch (error) {
    await stopWorkers();
    await onStopped();
    throw error;
  }

  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    clusterLog('warn', 'worker died, starting a new one', { workerPid: worker.process.pid, code, signal, livedMs: lived });
    setTimeout(() => stopping || fork(), lived < EARLY_DEATH_MS ? 1000 : 0);
  });

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clusterLog('info', 'stopping workers', { signal });
    await stopWorkers();
    await onStopped();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** SIGTERM to every worker (each closes its server and database), SIGKILL to one that takes too long. */
async function stopWorkers(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker && !worker.isDead());
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          const overdue = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
          worker.once('exit', () => {
            clearTimeout(overdue);
            resolve();
          });
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}
