// Checks web uploads in a worker thread (upload-worker.thread.ts): JSON.parse, the CSV parse and the
// validation of tens of megabytes take seconds of CPU and a multiple of the upload in memory. In the
// worker they do not block the event loop, and the heap limit (resourceLimits) ends a runaway check
// in the worker instead of the server. The body's bytes move to the worker without a copy
// (transferred). One thread, started on the first upload and kept for the next (starting one costs
// a few hundred milliseconds under tsx), ended after a short idle time so that its memory goes back,
// and replaced after a check that ran out of memory or was stopped. One check at a time.
import { Worker } from 'node:worker_threads';
import { TooLarge } from '../../lib/errors';
import type { ExchangeCodes } from './exchange-format';
import type { CheckedUpload } from './exchange-upload';

export interface UploadJob {
  body: Uint8Array;
  codes: ExchangeCodes;
  today: string;
  keepHistory: boolean;
}

export interface UploadCheckerOptions {
  /** The worker's old-generation heap, in MB (resourceLimits.maxOldGenerationSizeMb). */
  heapMb: number;
  /** Said when a check runs out of memory: what is too large and what to do instead. */
  tooLargeMessage: string;
  /** Milliseconds without a check after which the thread ends. */
  idleMs?: number;
}

/**
 * The heap a check of an upload of `bodyBytes` needs: the decoded text, the parsed JSON's strings,
 * every CSV cell as a string and the typed rows together take some 12 times the upload (measured
 * with scripts/security/upload-memory.ts on the Utrecht-scale history), plus the modules. The factor
 * leaves headroom; only an upload that is not an exchange folder gets near it.
 */
export function uploadWorkerHeapMb(bodyBytes: number): number {
  return 64 + Math.ceil((16 * bodyBytes) / (1024 * 1024));
}

/** The thread's entry: it registers tsx in the thread, then runs upload-worker.thread.ts. */
const WORKER_FILE = new URL('./upload-worker.thread.mjs', import.meta.url);

/** The bytes in an ArrayBuffer of their own, which can be transferred (a small Buffer may be a slice of Node's shared pool). */
function ownBuffer(body: Uint8Array): Uint8Array {
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer ? body : new Uint8Array(body);
}

interface Running {
  resolve(result: CheckedUpload): void;
  reject(error: unknown): void;
}

export class UploadChecker {
  private worker: Worker | null = null;
  private running: Running | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: UploadCheckerOptions) {}

  /**
   * Checks `job.body` in the worker. `signal` ends the worker early (the client went away). A check
   * out of memory is the upload's fault: TooLarge; any other failure of the worker is a bug and
   * rejects as it is.
   */
  check(job: UploadJob, signal?: AbortSignal): Promise<CheckedUpload> {
    if (this.running) return Promise.reject(new Error('the upload worker is checking another upload'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker ?? this.start();
    worker.ref();
    const body = ownBuffer(job.body);
    return new Promise<CheckedUpload>((resolve, reject) => {
      const stop = () => {
        this.retire(worker);
        this.fail(signal!.reason);
      };
      signal?.addEventListener('abort', stop, { once: true });
      this.running = {
        resolve: (result) => (signal?.removeEventListener('abort', stop), resolve(result)),
        reject: (error) => (signal?.removeEventListener('abort', stop), reject(error)),
      };
      worker.postMessage({ ...job, body } satisfies UploadJob, [body.buffer as ArrayBuffer]);
    });
  }

  /** Ends the thread (the server stops). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.fail(new Error('the server is stopping'));
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
      // The process's own flags (tsx's loader among them) do not work in a Node 20 worker; the entry registers tsx itself.
      execArgv: [],
    });
    this.worker = worker;
    worker.on('message', (result: CheckedUpload) => {
      const running = this.running;
      this.running = null;
      running?.resolve(result);
      this.idle(worker);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      this.retire(worker);
      this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new TooLarge(this.options.tooLargeMessage) : error);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.fail(new Error(`the upload worker stopped (exit code ${code})`));
    });
    return worker;
  }

  /** Ends this thread; the next check starts a new one. */
  private retire(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }

  private fail(error: unknown): void {
    const running = this.running;
    this.running = null;
    running?.reject(error);
  }

  /** Lets the process exit while the thread waits, and ends the thread after the idle time. */
  private idle(worker: Worker): void {
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (!this.running) this.retire(worker);
    }, this.options.idleMs ?? 10_000);
    this.idleTimer.unref();
  }
}
