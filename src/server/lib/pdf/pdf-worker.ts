// Worker thread of the PDF pool (pdf-pool.ts): lays out and serialises one document (pdf-render.ts)
// at a time, off the main thread. Says it is ready, then gets { id, document } and answers
// { id, pdf } (the bytes handed over, not copied) or { id, error }.
import { parentPort } from 'node:worker_threads';
import { renderPdfDocument } from './pdf-render';
import { WORKER_READY, type RenderAnswer, type RenderRequest } from './pdf-worker-protocol';

const port = parentPort;
if (!port) throw new Error('pdf-worker runs as a worker thread');

port.on('message', async ({ id, document }: RenderRequest) => {
  try {
    const pdf = await renderPdfDocument(document);
    port.postMessage({ id, pdf } satisfies RenderAnswer, [pdf.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderAnswer);
  }
});

port.postMessage(WORKER_READY);
