// Worker thread of the PDF pool (client-file.pdf-pool.ts): lays out and serialises one client's
// file at a time, off the main thread. Says it is ready, then gets { id, file } and answers
// { id, pdf } (the bytes handed over, not copied) or { id, error }.
import { parentPort } from 'node:worker_threads';
import { renderClientFilePdf } from './client-file.pdf';
import { WORKER_READY, type RenderAnswer, type RenderRequest } from './client-file.pdf-worker-protocol';

const port = parentPort;
if (!port) throw new Error('client-file.pdf-worker runs as a worker thread');

port.on('message', async ({ id, file }: RenderRequest) => {
  try {
    const pdf = await renderClientFilePdf(file);
    port.postMessage({ id, pdf } satisfies RenderAnswer, [pdf.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderAnswer);
  }
});

port.postMessage(WORKER_READY);
