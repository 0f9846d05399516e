// HTTP: validate and import an exchange folder sent from the web app (beheerder), and the size
// limit of such an upload. The body is bounded (IMPORT_MAX_MB: a larger Content-Length is refused
// before reading, a longer body cut off at the limit, both 413), read as raw bytes and handed to a
// worker thread that parses and checks it (upload-worker.ts, through exchange.service
// checkAndImportUpload); one upload at a time per process (upload-gate.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemSchema } from '../../lib/problem';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { vacuumAnalyze } from '../../db/database';
import { TooManyRequests } from '../../lib/errors';
import { exchangeUpload, importResult, uploadLimits } from './exchange.schemas';
import { checkAndImportUpload } from './exchange.service';
import { createUploadGate, type UploadLease } from './upload-gate';
import { UPLOAD_TOO_COMPLEX_MESSAGE, uploadTooLargeMessage } from './upload-limit';
import { UploadChecker, uploadWorkerHeapMb } from './upload-worker';

const BUSY_MESSAGE = 'Er wordt al een import gecontroleerd of uitgevoerd. Probeer het over een minuut opnieuw.';

/**
 * The body reaches the handler as the raw bytes: parsing it and checking it against
 * `exchangeUpload` is the expensive part and happens in the worker. The schema stays on the route
 * for the OpenAPI document; the other parts are validated as everywhere.
 */
function bodyCheckedInWorker<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  return route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as unknown as FastifyRouteSchemaDef<ZodType>);
}

export function exchangeRoutes({ db, databaseKind, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const limit = config.importMaxBytes;
    // In this plugin only: JSON as bytes, and no other content type (415).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    const checker = new UploadChecker({ heapMb: uploadWorkerHeapMb(limit), tooLargeMessage: UPLOAD_TOO_COMPLEX_MESSAGE });
    app.addHook('onClose', () => checker.close());
    const gate = createUploadGate();
    const leases = new WeakMap<FastifyRequest, UploadLease>();
    // After the session check (the app's onRequest hook), before the body is read.
    const enterGate = async (request: FastifyRequest, reply: FastifyReply) => {
      const lease = gate.tryEnter();
      if (!lease) throw new TooManyRequests(BUSY_MESSAGE, 60);
      leases.set(request, lease);
      reply.raw.once('close', () => lease.answered());
    };
    const upload = (request: FastifyRequest, write: boolean) => {
      const actor = actorOf(request);
      const lease = leases.get(request)!;
      // No body at all is unreadable input like any other: the worker says so.
      const body = Buffer.isBuffer(request.body) ? request.body : new Uint8Array(0);
      return lease.during(() => checkAndImportUpload(db, actor.organisationId, body, { write, userId: actor.userId, checker, signal: lease.signal }));
    };

    const options = {
      config: { permission: 'exchange:import' as const, tooLargeMessage: uploadTooLargeMessage(limit) },
      bodyLimit: limit,
      onRequest: enterGate,
      validatorCompiler: bodyCheckedInWorker,
    };
    app.get('/exchange/limits', { config: { permission: 'exchange:import' }, schema: { summary: 'The largest upload the web import takes', response: { 200: uploadLimits } } }, async () => ({
      maxUploadBytes: limit,
    }));
    app.post('/exchange/validate', { ...options, schema: { summary: 'Check an exchange folder without importing', body: exchangeUpload, response: { 200: importResult, 429: problemSchema } } }, async (request) => upload(request, false));
    app.post('/exchange/import', { ...options, schema: { summary: 'Import an exchange folder (all or nothing)', body: exchangeUpload, response: { 200: importResult, 429: problemSchema } } }, async (request) => {
      const result = await upload(request, true);
      if (result.imported) await vacuumAnalyze({ db, kind: databaseKind }, { afterBulkLoad: true });
      return result;
    });
  };
}
