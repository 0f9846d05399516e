// HTTP: validate and import an exchange folder sent from the web app (beheerder).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app';
import { vacuumAnalyze } from '../../db/database';
import { exchangeUpload, importResult } from './exchange.schemas';
import { validateAndImport } from './exchange.service';

/** A Utrecht-scale history is some tens of megabytes of CSV. */
const UPLOAD_LIMIT = 200 * 1024 * 1024;

export function exchangeRoutes({ db, databaseKind }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const options = { config: { permission: 'exchange:import' as const }, bodyLimit: UPLOAD_LIMIT };
    app.post('/exchange/validate', { ...options, schema: { summary: 'Check an exchange folder without importing', body: exchangeUpload, response: { 200: importResult } } }, async (request) => {
      const actor = actorOf(request);
      const { allProblems: _all, ...result } = await validateAndImport(db, actor.organisationId, request.body.files, { write: false, userId: actor.userId });
      return result;
    });
    app.post('/exchange/import', { ...options, schema: { summary: 'Import an exchange folder (all or nothing)', body: exchangeUpload, response: { 200: importResult } } }, async (request) => {
      const actor = actorOf(request);
      const { allProblems: _all, ...result } = await validateAndImport(db, actor.organisationId, request.body.files, { write: true, userId: actor.userId });
      if (result.imported) await vacuumAnalyze({ db, kind: databaseKind }, { afterBulkLoad: true });
      return result;
    });
  };
}
