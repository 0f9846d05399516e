import { describe, expect, it } from 'vitest';
import { Unavailable } from '../../lib/errors';
import { BUSY_MESSAGE, PasswordChecks } from './password-checks';

/** A verify that finishes when the test says so, and records how many run at once. */
function controlledVerify() {
  const pending: { password: string; finish: (ok: boolean) => void }[] = [];
  const state = { running: 0, mostAtOnce: 0, started: [] as string[] };
  const verify = (password: string) => () =>
    new Promise<boolean>((resolve) => {
      state.running++;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      state.started.push(password);
      pending.push({ password, finish: (ok) => (state.running--, resolve(ok)) });
    });
  const finishOldest = () => pending.shift()!.finish(true);
  return { verify, state, finishOldest };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('PasswordChecks', () => {
  it('runs at most `concurrency` checks at once and starts the waiting ones in order', async () => {
    const { verify, state, finishOldest } = controlledVerify();
    const checks = new PasswordChecks(2);
    const results = Array.from({ length: 6 }, (_, i) => checks.run(verify(`p${i}`)));
    await tick();
    expect(state.started).toEqual(['p0', 'p1']);
    for (let i = 0; i < 6; i++) {
      finishOldest();
      await tick();
    }
    expect(await Promise.all(results)).toEqual([true, true, true, true, true, true]);
    expect(state.started).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    expect(state.mostAtOnce).toBe(2);
  });

  it('refuses at once when the line is full, and takes checks again once it moves', async () => {
    const { verify, state, finishOldest } = controlledVerify();
    const checks = new PasswordChecks(1);
    // 1 running + 50 waiting fit; the next is refused without running.
    const accepted = Array.from({ length: 51 }, (_, i) => checks.run(verify(`p${i}`)));
    const refused = await checks.run(verify('te-veel')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Unavailable);
    expect((refused as Unavailable).message).toBe(BUSY_MESSAGE);
    expect((refused as Unavailable).retryAfterSeconds).toBeGreaterThan(0);
    expect(state.started).not.toContain('te-veel');
    finishOldest();
    await tick();
    const again = checks.run(verify('weer-plaats'));
    for (let i = 0; i < 51; i++) {
      finishOldest();
      await tick();
    }
    await Promise.all([...accepted, again]);
    expect(state.started.at(-1)).toBe('weer-plaats');
    expect(state.mostAtOnce).toBe(1);
  });

  it('frees the place when a check throws', async () => {
    const checks = new PasswordChecks(1);
    await expect(checks.run(async () => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
    expect(await checks.run(async () => true)).toBe(true);
  });

  it('refuses a concurrency below 1', () => {
    expect(() => new PasswordChecks(0)).toThrow(/at least 1/);
  });
});
