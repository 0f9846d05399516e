// The one error mapper: domain errors and validation errors to HTTP answers with Dutch messages.
// 5xx answers never reveal details; they are logged with the request id instead.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Conflict, Forbidden, Invalid, NotFound, TooManyRequests, Unauthenticated } from '../lib/errors';

export interface ErrorBody {
  error: 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_many_requests' | 'internal';
  message: string;
  fields?: { path: string; message: string }[];
}

/** PostgreSQL refuses to store the NUL character in text (22021) and in JSON (22P05): bad input. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

function isUnstorableText(error: unknown): boolean {
  // The driver's error is the cause of Drizzle's "Failed query".
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string' && UNSTORABLE_TEXT.has(e.code)) return true;
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
    // Fastify's own client errors (malformed JSON, body too large, wrong content type).
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Dit soort inhoud wordt niet ondersteund' : 'Het verzoek is niet leesbaar';
      return reply.status(error.statusCode).send({ error: 'invalid', message } satisfies ErrorBody);
    }
    if (isUnstorableText(error)) {
      return reply.status(400).send({ error: 'invalid', message: 'De invoer bevat een teken dat niet kan worden opgeslagen, zoals een nulteken. Haal het weg en probeer het opnieuw.' } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'Er ging iets mis aan onze kant. Probeer het opnieuw of meld het met het tijdstip.' } satisfies ErrorBody);
  });
}
