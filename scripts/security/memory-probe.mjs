// Loaded into a Keukentafel server process with --import by upload-memory.ts: samples the process's
// memory every 5 ms and its event-loop delay, and answers the measuring script over the IPC channel
// ("reset" starts a measurement, "read" answers the peaks since). Plain JavaScript, so it measures
// any version of the server, before and after a change.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const KEYS = ['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'];
let peak = {};
let longestGap = 0;
let last = performance.now();

function reset() {
  const now = process.memoryUsage();
  peak = Object.fromEntries(KEYS.map((k) => [k, now[k]]));
  delay.reset();
  longestGap = 0;
  last = performance.now();
}

reset();
setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - last);
  last = now;
  const m = process.memoryUsage();
  for (const k of KEYS) peak[k] = Math.max(peak[k], m[k]);
}, 5).unref();

const read = () => ({ peak, eventLoop: { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, meanMs: delay.mean / 1e6, longestTimerGapMs: longestGap } });

// "reset" answers the memory at that moment (the peaks start there), "read" the peaks since.
process.on('message', (message) => {
  if (message === 'reset') reset();
  if (message === 'reset' || message === 'read') process.send(read());
});
// The IPC channel must not keep a stopped server alive.
process.channel?.unref();
