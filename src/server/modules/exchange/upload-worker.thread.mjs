// The upload worker's entry point. On Node 20 a worker thread does not get the tsx loader of the
// process that starts it (loader hooks are per thread), so this plain-JavaScript file registers tsx
// in the thread and then loads the thread's TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./upload-worker.thread.ts');
