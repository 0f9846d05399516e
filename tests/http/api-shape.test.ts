// The shape the NL API Design Rules ask of every answer (docs/api-design-rules.md): the version in the
// address and in the API-Version header, errors as problem details (RFC 9457) with Dutch texts, and an
// OpenAPI document that anyone may read and that documents security and every error answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_BASE, API_VERSION } from '../../src/server/http/api-version';
import { createTestApp, type Session, type TestApp } from '../support/test-app';

let t: TestApp;
let worker: Session;
beforeAll(async () => {
  t = await createTestApp();
  worker = await t.login('workerA');
});
afterAll(async () => t.close());

type Operation = { operationId?: string; security?: Record<string, string[]>[]; responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> };

describe('the API shape', () => {
  it('lives under /api/v1 and sends the full version on every answer, success or error', async () => {
    expect(API_BASE).toBe('/api/v1');
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/v1/health' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} }),
      await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 400, 404]);
    for (const answer of answers) expect(answer.headers['api-version']).toBe(API_VERSION);
  });

  it('answers an old /api address with a 404 problem that names /api/v1', async () => {
    const old = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(old.statusCode).toBe(404);
    expect(old.json()).toMatchObject({ status: 404, code: 'notFound', detail: 'Deze API-route bestaat niet. De API staat onder /api/v1.' });
  });

  it('answers every error as application/problem+json with type, title, status, detail and code', async () => {
    const invalid = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: '', password: '' } });
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.json()).toEqual({
      type: 'about:blank',
      title: 'Ongeldig verzoek',
      status: 400,
      detail: 'De invoer is niet geldig',
      code: 'invalid',
      invalidParams: [
        { name: 'email', reason: 'Vul uw e-mailadres in' },
        { name: 'password', reason: expect.any(String) },
      ],
    });
    const missing = await worker.request('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000?x=1');
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ type: 'about:blank', title: 'Niet gevonden', status: 404, code: 'notFound' });
    expect(missing.json().detail).toEqual(expect.any(String));
  });

  it('serves the OpenAPI document to any origin, with servers, contact, licence and security', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { origin: 'https://architect.example' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const doc = response.json();
    expect(doc.info).toMatchObject({ version: API_VERSION, license: { name: 'EUPL-1.2' }, contact: { name: expect.any(String), email: expect.any(String), url: expect.any(String) } });
    expect(doc.servers).toEqual([{ url: '/api/v1', description: expect.any(String) }]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['csrf', 'session']);

    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    const byKey = new Map(operations.map(({ key, op }) => [key, op]));
    expect(byKey.get('POST /auth/login')!.security).toEqual([]);
    expect(byKey.get('GET /clients/{id}')!.security).toEqual([{ session: [] }]);
    expect(byKey.get('PUT /clients/{id}')!.security).toEqual([{ session: [], csrf: [] }]);
    expect(Object.keys(byKey.get('PUT /clients/{id}')!.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '500', '503']);
    expect(byKey.get('PUT /cases/{id}/plan')!.responses['409']!.content).toHaveProperty(['application/problem+json']);
    for (const { key, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400 && !response.$ref) expect(Object.keys(response.content ?? {}), `${key} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('documents the Idempotency-Key header and refuses one that is not a UUID', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const parameters = doc.paths['/cases/{id}/contacts'].post.parameters as { in: string; name: string }[];
    expect(parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'idempotency-key' }));
  });
});
