// A client of its own process for the security measurements: asks the server the given requests
// over and over, each `pauseMs` after the previous answer, until the parent sends 'stop', then
// waits for the answers still outstanding and sends back every answer. In its own process so the
// attack the parent generates does not delay the probe's own event loop (only the cores are shared).
import { request, sleep, type Answer, type ProbeSpec } from './support';

const { port, probes } = JSON.parse(process.argv[2]!) as { port: number; probes: ProbeSpec[] };
let stopping = false;
const answers: Record<string, Answer[]> = Object.fromEntries(probes.map((p) => [p.name, []]));

const loops = probes.map(async (probe) => {
  while (!stopping) {
    // Every request asked for before 'stop' counts, also one still waiting for its answer then.
    const answer = await request(port, probe);
    answers[probe.name]!.push({ ...answer, body: '', setCookie: [] });
    await sleep(probe.pauseMs);
  }
});

process.on('message', (message) => {
  if (message !== 'stop') return;
  stopping = true;
  void Promise.all(loops).then(() => process.send!(answers, () => process.exit(0)));
});
process.send!('ready');
