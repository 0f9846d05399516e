// A stand-in for client-file.pdf-worker in the pool's tests: the client's first name says what to
// do. "crash" ends the thread, "throw" throws outside any handler, "hang" never answers,
// "memory" allocates until the heap limit ends the thread, "slow" answers after 300 ms; any other
// name is answered at once with the name as the "PDF".
import { parentPort } from 'node:worker_threads';
import { WORKER_READY, type RenderAnswer, type RenderRequest } from '../../src/server/modules/client-file/client-file.pdf-worker-protocol';

const port = parentPort!;
const hold: unknown[] = [];

port.on('message', ({ id, file }: RenderRequest) => {
  const answer = () => port.postMessage({ id, pdf: new TextEncoder().encode(file.person.firstName) } satisfies RenderAnswer);
  switch (file.person.firstName) {
    case 'crash':
      process.exit(3);
      break;
    case 'throw':
      setImmediate(() => {
        throw new Error('kapot');
      });
      break;
    case 'hang':
      break;
    case 'memory':
      for (;;) hold.push(new Array(100_000).fill({ bytes: 'x'.repeat(16) }));
    case 'slow':
      setTimeout(answer, 300);
      break;
    default:
      answer();
  }
});

port.postMessage(WORKER_READY);
