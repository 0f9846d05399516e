// The app's PDFs (a client's file, a decision letter) are made off the main thread. Laying out a
// 700-page file takes seconds of CPU; on the main thread that stalls every other request for as
// long. The main thread gathers the data (the database is there) and turns it into a document
// (pdf-document.ts: blocks and metadata, plain data), and hands that to a small pool of worker
// threads, which lay it out and serialise it (pdf-worker.ts, pdf-render.ts) and hand the bytes back.
// The app has one pool for every kind of PDF (AppDeps.pdfs, made by buildApp).
//
// - A few workers (by default one less than the cores, at most two: the main thread keeps a core),
//   started when the first PDF is asked for and kept.
// - A bounded queue: when it is full, or a PDF takes longer than the time limit, or a worker dies
//   (a crash, running out of its memory limit), the caller gets `Unavailable` ("De pdf kon niet
//   worden gemaakt…", 503 with Retry-After), never a hang or a bare 500; a dead or stuck worker is
//   ended and a new one takes its place for the next PDF.
// - The worker entry is a .ts file next to this one while the server runs from source under tsx
//   (npm start, the tests): such a worker first registers tsx's loader (a worker thread does not
//   inherit it from the main thread on Node 20). Run from compiled JavaScript, the .js entry is
//   started directly; a build must emit pdf-worker.js next to this module.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Unavailable } from '../errors';
import type { PdfDocumentSpec } from './pdf-document';
import { WORKER_READY, type RenderAnswer, type RenderRequest } from './pdf-worker-protocol';

export interface PdfPoolOptions {
  /** Worker threads at most. */
  workers: number;
  /** PDFs waiting for a worker at most; one more is refused. */
  queueLimit: number;
  /** A PDF not done after this long is given up and its worker ended. */
  timeoutMs: number;
  /** Heap of one worker at most (MB): a document too big for it ends that worker, not the server. */
  maxHeapMb: number;
  /** The worker's module; by default pdf-worker next to this file (tests use others). */
  entry?: URL;
}

export const PDF_TIMEOUT_SECONDS = 120;

export function defaultPdfPoolOptions(): PdfPoolOptions {
  return { workers: Math.max(1, Math.min(2, os.availableParallelism() - 1)), queueLimit: 8, timeoutMs: PDF_TIMEOUT_SECONDS * 1000, maxHeapMb: 1024 };
}

export const PDF_FAILED = 'De pdf kon niet worden gemaakt. Probeer het over een minuut opnieuw. Lukt het dan nog niet, meld het dan met het tijdstip.';
export const PDF_BUSY = "Er worden nu veel pdf's gemaakt. Probeer het over een minuut opnieuw.";

const here = import.meta.url;

function defaultEntry(): URL {
  return new URL(`./pdf-worker${path.extname(fileURLToPath(here))}`, here);
}

/** A worker for the entry; a TypeScript entry through tsx's loader, registered in the worker first. */
function startWorker(entry: URL, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { resourceLimits });
}

interface Job {
  id: number;
  document: PdfDocumentSpec;
  resolve(pdf: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules (the time limit starts when it gets the job). */
  ready: boolean;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

export class PdfPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly entry: URL;

  constructor(private readonly options: PdfPoolOptions = defaultPdfPoolOptions()) {
    this.entry = options.entry ?? defaultEntry();
  }

  /** The document as PDF bytes; `Unavailable` when the queue is full, the time runs out or the worker dies. */
  render(document: PdfDocumentSpec): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Unavailable(PDF_FAILED, 60));
    if (this.queue.length >= this.options.queueLimit) return Promise.reject(new Unavailable(PDF_BUSY, 60));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, document, resolve, reject });
      this.dispatch();
    });
  }

  /** PDFs being made and waiting, and the workers running (for tests and measurements). */
  get load(): { busy: number; waiting: number; workers: number } {
    return { busy: [...this.slots].filter((s) => s.job).length, waiting: this.queue.length, workers: this.slots.size };
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot && this.slots.size < this.options.workers) slot = this.spawn();
      if (!slot) return;
      slot.job = this.queue.shift()!;
      if (slot.ready) this.send(slot);
    }
  }

  private send(slot: Slot): void {
    const job = slot.job!;
    slot.timer = setTimeout(() => this.fail(slot, new Unavailable(PDF_FAILED, 60, new Error(`no PDF after ${this.options.timeoutMs} ms`))), this.options.timeoutMs);
    slot.worker.postMessage({ id: job.id, document: job.document } satisfies RenderRequest);
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.entry, this.options.maxHeapMb), ready: false, job: null };
    this.slots.add(slot);
    slot.worker.on('message', (answer: RenderAnswer | typeof WORKER_READY) => {
      if (answer === WORKER_READY) {
        slot.ready = true;
        if (slot.job) this.send(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== answer.id) return;
      this.finish(slot);
      if ('pdf' in answer) job.resolve(answer.pdf);
      else job.reject(new Unavailable(PDF_FAILED, 60, new Error(answer.error)));
    });
    slot.worker.on('error', (error) => this.fail(slot, new Unavailable(PDF_FAILED, 60, error)));
    slot.worker.on('exit', (code) => this.fail(slot, new Unavailable(PDF_FAILED, 60, new Error(`PDF worker stopped with exit code ${code}`))));
    return slot;
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.job = null;
    this.dispatch();
  }

  /** The worker is dead or stuck: its job fails, the worker is ended, and the next job gets a new one. */
  private fail(slot: Slot, error: Unavailable): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.closed) this.dispatch();
  }

  /** Ends every worker; what waits or runs fails. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Unavailable(PDF_FAILED, 60));
    const workers = [...this.slots].map((s) => s.worker);
    for (const slot of [...this.slots]) this.fail(slot, new Unavailable(PDF_FAILED, 60));
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
