// HTTP: GET /api/v1/health, for load balancers and monitoring.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { VERSION } from '../../bootstrap';

const health = z.object({
  status: z.enum(['ok']),
  database: z.enum(['pglite', 'postgres']),
  // The report replica (DATABASE_REPLICA_URL): 'none' without one. An unreachable replica leaves
  // the answer 200, because every screen but the reports still works; monitoring should alert on it.
  replica: z.enum(['none', 'ok', 'unreachable']),
  version: z.string(),
});

export function healthRoutes({ db, reportDb = db, databaseKind, version = VERSION }: AppDeps): FastifyPluginAsyncZod {
  const replicaState = async () => {
    if (reportDb === db) return 'none' as const;
    return reportDb.execute(sql`select 1`).then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    );
  };
  return async (app) => {
    app.get('/health', { config: { permission: 'public' }, schema: { summary: 'Liveness and database check', response: { 200: health } } }, async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, database: databaseKind, replica: await replicaState(), version };
    });
  };
}
