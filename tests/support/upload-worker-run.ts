// Checks one small upload with the upload worker and prints the result as JSON: run by
// upload-worker.test.ts under the tsx command (as `npm start` runs the server) and under
// `node --import tsx`, to show the worker thread starts under each loader.
import { UploadChecker } from '../../src/server/modules/exchange/upload-worker';

const checker = new UploadChecker({ heapMb: 64, tooLargeMessage: 'te veel' });
const body = Buffer.from(JSON.stringify({ files: { 'clients.csv': 'client_id\nC1\n', 'cases.csv': 'case_id,team_code,registered_on\n' } }));
const codes = { teams: new Set<string>(), referrers: new Set<string>(), closeReasons: new Set<string>(), closeOutcomes: new Set<string>(), zrmDomains: [], provisionCategories: new Set<string>(), productCategory: new Map<string, string>() };
const result = await checker.check({ body, codes, today: '2026-01-05', keepHistory: false });
await checker.close();
console.log(JSON.stringify(result));
