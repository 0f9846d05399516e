import { describe, expect, it } from 'vitest';
import { createUploadGate } from './upload-gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('one upload at a time', () => {
  it('refuses a second upload until the first has been answered', () => {
    const gate = createUploadGate();
    const first = gate.tryEnter()!;
    expect(gate.tryEnter()).toBeNull();
    first.answered();
    expect(gate.busy).toBe(false);
    expect(gate.tryEnter()).not.toBeNull();
  });

  it('stays closed while the work goes on after the client went away, and tells the work to stop', async () => {
    const gate = createUploadGate();
    const lease = gate.tryEnter()!;
    const work = deferred();
    const running = lease.during(() => work.promise);
    lease.answered();
    expect(lease.signal.aborted).toBe(true);
    expect(gate.busy).toBe(true);
    work.resolve();
    await running;
    expect(gate.busy).toBe(false);
  });

  it('does not abort work that ended before the answer went', async () => {
    const gate = createUploadGate();
    const lease = gate.tryEnter()!;
    await lease.during(async () => 'klaar');
    expect(gate.busy).toBe(true);
    lease.answered();
    lease.answered();
    expect(lease.signal.aborted).toBe(false);
    expect(gate.busy).toBe(false);
  });

  it('opens again when the work fails', async () => {
    const gate = createUploadGate();
    const lease = gate.tryEnter()!;
    await expect(lease.during(() => Promise.reject(new Error('mis')))).rejects.toThrow('mis');
    lease.answered();
    expect(gate.busy).toBe(false);
  });

  it('does not start work once the answer has gone', async () => {
    const gate = createUploadGate();
    const lease = gate.tryEnter()!;
    lease.answered();
    let started = false;
    await expect(lease.during(async () => (started = true))).rejects.toThrow();
    expect(started).toBe(false);
    expect(gate.busy).toBe(false);
  });
});
