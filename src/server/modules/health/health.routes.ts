// HTTP: GET /api/health, for load balancers and monitoring.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../app';

const health = z.object({ status: z.enum(['ok']), database: z.enum(['pglite', 'postgres']), version: z.string() });

export function healthRoutes({ db, databaseKind, version }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { config: { permission: 'public' }, schema: { summary: 'Liveness and database check', response: { 200: health } } }, async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, database: databaseKind, version };
    });
  };
}
