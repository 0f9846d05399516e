// A stand-in for lib/pdf/pdf-worker in the pool's tests: a word of the document's title says what
// to do. "crash" ends the thread, "throw" throws outside any handler, "hang" never answers,
// "memory" allocates until the heap limit ends the thread, "slow" answers after 300 ms; without
// such a word the title is answered at once as the "PDF". A client's file is titled "Dossier van
// <first name> <last name>", so a client named "crash" crashes it.
import { parentPort } from 'node:worker_threads';
import { WORKER_READY, type RenderAnswer, type RenderRequest } from '../../src/server/lib/pdf/pdf-worker-protocol';

const port = parentPort!;
const hold: unknown[] = [];
const COMMANDS = new Set(['crash', 'throw', 'hang', 'memory', 'slow']);

port.on('message', ({ id, document }: RenderRequest) => {
  const { title } = document.meta;
  const answer = () => port.postMessage({ id, pdf: new TextEncoder().encode(title) } satisfies RenderAnswer);
  switch (title.split(' ').find((word) => COMMANDS.has(word))) {
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
