// What reaches the logs: never a search text (it may be a BSN), never a failed query's parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { logSerializers } from '../../src/server/http/log-serializers';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logLines: lines });
});
afterAll(async () => t.close());

describe('logging', () => {
  it('logs requests without their query string', async () => {
    const worker = await t.login('workerA');
    await worker.get('/api/v1/cases?scope=team&status=all');
    const log = lines.join('');
    expect(log).toContain('"url":"/api/v1/cases"');
    expect(log).not.toContain('scope=team');
  });

  it('never logs a search text: it travels in the body, which is not logged', async () => {
    const worker = await t.login('workerA');
    await worker.post('/api/v1/clients/search', { search: '999993847' });
    const log = lines.join('');
    expect(log).toContain('"url":"/api/v1/clients/search"');
    expect(log).not.toContain('999993847');
  });

  it('keeps the parameters of a failed query out of the error log', () => {
    const error = Object.assign(new Error('Failed query: insert into "clients" values ($1, $2)\nparams: 999993847,Jansen'), { code: '23505' });
    const logged = logSerializers.err(error);
    expect(JSON.stringify(logged)).not.toContain('999993847');
    expect(logged).toMatchObject({ type: 'Error', code: '23505', message: 'Failed query: insert into "clients" values ($1, $2)\nparams: [weggelaten]' });
    // The stack keeps its frames, for finding the cause.
    expect(logged.stack).toMatch(/params: \[weggelaten\]\n\s+at /);
  });
});
