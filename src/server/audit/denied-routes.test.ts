import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { registerDeniedLog } from './denied-log';
import { DENIED_ROUTES, modeOf, pathParameters, tableProblem } from './denied-routes';

describe('the table of refused looks', () => {
  it('knows where the record of a route is, and says what to do when a route is missing', () => {
    expect(pathParameters('/api/v1/cases/:id/plan/versions/:version')).toEqual(['id', 'version']);
    expect(tableProblem('GET', '/api/v1/cases/:id')).toBeNull();
    expect(tableProblem('GET', '/api/v1/teams/:teamId/workers')).toBeNull();
    expect(tableProblem('POST', '/api/v1/emergency-access')).toBeNull();
    expect(tableProblem('GET', '/api/v1/work/mine')).toBeNull();
    expect(tableProblem('DELETE', '/api/v1/cases/:id')).toBe('Route DELETE /api/v1/cases/:id has a path parameter but no line in the table of refused looks (src/server/audit/denied-routes.ts)');
  });

  it('looks with read access for reads, prints and exports, with write access for everything else', () => {
    expect(['read', 'print', 'export'].map((a) => modeOf(a as never))).toEqual(['read', 'read', 'read']);
    expect(['update', 'create', 'delete', 'disclose', 'destroy', 'emergency_access'].map((a) => modeOf(a as never))).toEqual(['write', 'write', 'write', 'write', 'write', 'write']);
    for (const [key, entry] of Object.entries(DENIED_ROUTES)) {
      if (key.startsWith('GET ')) expect(modeOf(entry.action), key).toBe('read');
    }
  });

  it('makes a route with a path parameter and no line refuse to start', async () => {
    const app = Fastify();
    registerDeniedLog(app, {} as Db);
    const start = async () => {
      app.get('/api/v1/dingen/:id', { config: { permission: 'cases:read' } }, async () => ({}));
      await app.ready();
    };
    await expect(start()).rejects.toThrow('Route GET /api/v1/dingen/:id has a path parameter but no line in the table of refused looks');
  });
});
