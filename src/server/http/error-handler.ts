// The one error mapper: domain errors and validation errors to HTTP answers with Dutch messages.
// 5xx answers never reveal details; they are logged with the request id instead.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Conflict, Forbidden, Invalid, NotFound, TooManyRequests, Unauthenticated, Unavailable } from '../lib/errors';

export interface ErrorBody {
  error: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_many_requests' | 'unavailable' | 'internal';
  message: string;
  fields?: { path: string; message: string }[];
}

/** The error and the errors it wraps: Drizzle's "Failed query" carries the driver's error as its cause. */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++, e = e.cause as typeof e) yield e;
}

/** PostgreSQL refuses to store the NUL character in text (22021) and in JSON (22P05): bad input. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

function isUnstorableText(error: unknown): boolean {
  for (const e of causes(error)) if (typeof e.code === 'string' && UNSTORABLE_TEXT.has(e.code)) return true;
  return false;
}

/**
 * The database (the primary, pgbouncer, or the report replica) cannot be reached: the network
 * refuses or drops the connection, the server is shutting down or starting (57P01–57P03), a
 * connection exception (SQLSTATE class 08), or the pool gave up waiting for a connection. Not the
 * request's fault and usually over within a minute: 503, not "something went wrong".
 */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03']);
const UNREACHABLE_MESSAGES = /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error)/;

export function isDatabaseUnreachable(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

const PART_LABELS: Record<string, string> = { body: 'invoer', querystring: 'zoekvraag', params: 'adres', headers: 'kopregels' };

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? 'Ongeldige waarde' }));
      const part = PART_LABELS[error.validationContext ?? 'body'] ?? 'invoer';
      return reply.status(400).send({ error: 'invalid', message: `De ${part} is niet geldig`, fields } satisfies ErrorBody);
    }
    if (error instanceof Invalid) return reply.status(400).send({ error: 'invalid', message: error.message, fields: error.fields } satisfies ErrorBody);
    if (error instanceof Unauthenticated) return reply.status(401).send({ error: 'unauthenticated', message: error.message } satisfies ErrorBody);
    if (error instanceof Forbidden) return reply.status(403).send({ error: 'forbidden', message: error.message } satisfies ErrorBody);
    if (error instanceof NotFound) return reply.status(404).send({ error: 'not_found', message: error.message } satisfies ErrorBody);
    if (error instanceof Conflict) return reply.status(409).send({ ...(error as Conflict).details, error: 'conflict', message: error.message } satisfies ErrorBody);
    if (error instanceof TooManyRequests) {
      return reply
        .status(429)
        .header('retry-after', String(error.retryAfterSeconds))
        .send({ error: 'too_many_requests', message: error.message } satisfies ErrorBody);
    }
    if (error instanceof Unavailable) {
      // The cause (a worker's crash, a time limit) is what an operator needs; the caller gets the message only.
      request.log.warn({ err: error.cause instanceof Error ? error.cause : error }, `unavailable: ${error.message}`);
      return reply
        .status(503)
        .header('retry-after', String(error.retryAfterSeconds))
        .send({ error: 'unavailable', message: error.message } satisfies ErrorBody);
    }
    // Fastify's own client errors (malformed JSON, body too large, wrong content type).
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Dit soort inhoud wordt niet ondersteund' : 'Het verzoek is niet leesbaar';
      return reply.status(error.statusCode).send({ error: 'invalid', message } satisfies ErrorBody);
    }
    if (isUnstorableText(error)) {
      return reply.status(400).send({ error: 'invalid', message: 'De invoer bevat een teken dat niet kan worden opgeslagen, zoals een nulteken. Haal het weg en probeer het opnieuw.' } satisfies ErrorBody);
    }
    if (isDatabaseUnreachable(error)) {
      request.log.error({ err: error }, 'database unreachable');
      return reply
        .status(503)
        .header('retry-after', '30')
        .send({ error: 'unavailable', message: 'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.' } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'Er ging iets mis aan onze kant. Probeer het opnieuw of meld het met het tijdstip.' } satisfies ErrorBody);
  });
}
