// Latency figures of a repeated action: p50, p95 and p99 in milliseconds.

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Runs `action` n times one after the other and times each run. An action may return its own
 * duration in ms (to leave out its preparation); otherwise the whole call is timed.
 */
export async function latencyOf(n: number, action: (i: number) => Promise<unknown>): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const result = await action(i);
    times.push(typeof result === 'number' ? result : performance.now() - t0);
  }
  return latencyFromTimes(times);
}

/** The latency figures of measured times in ms (in any order), rounded to 0.1 ms. */
export function latencyFromTimes(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { n: sorted.length, p50: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), p99: round(quantile(sorted, 0.99)) };
}
