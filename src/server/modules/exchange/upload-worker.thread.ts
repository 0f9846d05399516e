// The upload worker's thread: reads and checks each web upload it is sent (exchange-upload.ts), one
// at a time, and posts the result back. It runs with a heap limit (upload-worker.ts), so an upload
// that parses into more than the limit ends this thread, not the server.
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { checkUpload } from './exchange-upload';
import type { UploadJob } from './upload-worker';

// Validation messages reach users: Dutch, as in the server (app.ts).
z.config(z.locales.nl());

parentPort!.on('message', (job: UploadJob) => {
  parentPort!.postMessage(checkUpload(job.body, job.codes, job.today, job.keepHistory));
});
