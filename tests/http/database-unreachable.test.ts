// A database that cannot be reached (down, restarting, a replica stopped) is not the request's
// fault: the answer is 503 with a Dutch message and Retry-After, not "something went wrong".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/database';
import { isDatabaseUnreachable } from '../../src/server/http/error-handler';
import { freePort } from '../support/server-process';

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  // Nothing listens on a free port: every query fails to connect (ECONNREFUSED).
  database = await openDatabase({ databaseUrl: `postgres://keukentafel@127.0.0.1:${await freePort()}/keukentafel`, migrate: false });
  app = await buildApp({ db: database.db, config: { ...readConfig({}), logLevel: 'silent' }, databaseKind: 'postgres' });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a database that cannot be reached', () => {
  it('answers 503 with a message to try again, and Retry-After', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'medewerker@demo.keukentafel.nl', password: 'wat-dan-ook-1234' } });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.json()).toMatchObject({ code: 'unavailable', detail: 'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.' });
  });

  it('tells connection failures from other database errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnreachable(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnreachable(new Error('Failed query: select 1', { cause: new Error('syntax error') }))).toBe(false);
  });
});
