// The server as `npm start` runs it, in a child process, for tests of the whole application
// (browser tests, the fault test).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { REPO } from './paths';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process printed so far. */
  output: () => string;
}

/**
 * Starts src/server/main.ts with `env` on `port` and resolves once /api/v1/health answers. Node runs
 * it with tsx as a loader (not the tsx wrapper), so a signal (SIGTERM, SIGKILL) reaches the server's
 * own process.
 */
export async function spawnServer(env: Record<string, string>, port: number, timeoutMs = 150_000): Promise<ServerProcess> {
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    // Quiet unless the caller asks for LOG_LEVEL (e.g. info, to see which process served a request).
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: REPO,
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return { child, baseUrl, output: () => log };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within ${timeoutMs / 1000} s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops a server started by spawnServer as an operator would (SIGTERM) and waits until it has exited. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
