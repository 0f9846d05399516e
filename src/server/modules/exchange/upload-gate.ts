// One web upload at a time in this process. The gate is taken before the body is read, so a second
// upload is refused without reading it, and given back only when the answer has gone AND the work
// on the upload (the check in its worker, the import) has stopped: neither bodies nor checks can
// add up in memory. Memory is per process, so this is a per-process gate, not the database's rate
// limiter (lib/rate-limit.ts), which counts requests across processes.

export interface UploadLease {
  /** Aborted when the answer has gone before the work ended (the client went away): stop working. */
  readonly signal: AbortSignal;
  /** Keeps the gate while `work` runs. Rejects without running it when the answer has already gone. */
  during<T>(work: () => Promise<T>): Promise<T>;
  /** The answer has been sent, or the connection closed. */
  answered(): void;
}

export interface UploadGate {
  /** A lease, or null while another upload holds the gate. */
  tryEnter(): UploadLease | null;
  readonly busy: boolean;
}

export function createUploadGate(): UploadGate {
  let busy = false;
  return {
    get busy() {
      return busy;
    },
    tryEnter() {
      if (busy) return null;
      busy = true;
      const controller = new AbortController();
      let holds = 1; // the answer
      let answered = false;
      const release = () => {
        holds--;
        if (holds === 0) busy = false;
      };
      return {
        signal: controller.signal,
        async during(work) {
          if (answered) throw new Error('the answer has gone; the upload is not worked on');
          holds++;
          try {
            return await work();
          } finally {
            release();
          }
        },
        answered() {
          if (answered) return;
          answered = true;
          if (holds > 1) controller.abort(new Error('the client went away'));
          release();
        },
      };
    },
  };
}
