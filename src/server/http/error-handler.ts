// The one error mapper: domain errors, validation errors, Fastify's and Node's own refusals to HTTP
// answers with Dutch messages, all in one shape. `errorAnswer` decides status, headers and body; the
// Fastify error handler, `frameworkErrors` (a URL the router cannot decode) and `clientErrorHandler`
// (a request Node cannot parse, e.g. an oversized header, answered on the bare socket) all send what
// it decides. 5xx answers never reveal details; they are logged with the request id instead.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Conflict, Forbidden, Invalid, NotFound, TooLarge, TooManyRequests, Unauthenticated, Unavailable } from '../lib/errors';
import { problem, PROBLEM_CONTENT_TYPE, type Problem, type ProblemCode } from '../lib/problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a 413 says on this route (the limit, and where larger input goes); else a general message. */
    tooLargeMessage?: string;
  }
}

export interface ErrorAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: Problem;
  /** How the log records it (`err`: what to log, by default the error): a request's fault is not logged, a bug or an outage is. */
  log?: { level: 'warn' | 'error'; message: string; err?: unknown };
}

/** The error and the errors it wraps: Drizzle's "Failed query" carries the driver's error as its cause. */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++, e = e.cause as typeof e) yield e;
}

/**
 * PostgreSQL refuses the value: a number out of range for its column (22003), text it cannot read as
 * the column's type (22P02), or a character it cannot store, such as NUL (22021, 22P05). The schemas
 * and the input check refuse all of these first; this is the safety net, logged as a warning
 * because reaching it means a schema lacks a bound.
 */
const UNSTORABLE_VALUE = new Set(['22003', '22P02', '22021', '22P05']);

function isUnstorableValue(error: unknown): boolean {
  for (const e of causes(error)) if (typeof e.code === 'string' && UNSTORABLE_VALUE.has(e.code)) return true;
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

/** What a 400 says when a schema refuses a part of the request (the fields say what exactly). */
const PART_MESSAGES: Record<string, string> = {
  body: 'De invoer is niet geldig',
  querystring: 'De zoekvraag is niet geldig',
  params: 'Het adres is niet geldig',
  headers: 'De kopregels zijn niet geldig',
};

export const BAD_URL_MESSAGE = 'Het adres van dit verzoek is niet leesbaar: er staat een ongeldige %-code in.';

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Fastify's and Node's refusals of a request that never reached a route's code, by status and code. */
function clientErrorMessage(error: { statusCode: number; code?: string }): string {
  if (error.code === 'FST_ERR_BAD_URL') return BAD_URL_MESSAGE;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Dit soort inhoud wordt niet ondersteund';
  if (error.statusCode === 414) return 'Het adres van dit verzoek is te lang.';
  if (error.statusCode === 431) return 'De kopregels van dit verzoek zijn te groot. Verwijder de cookies van deze site en probeer het opnieuw.';
  if (error.statusCode === 408) return 'Het verzoek duurde te lang. Probeer het opnieuw.';
  return 'Het verzoek is niet leesbaar';
}

const answer = (statusCode: number, code: ProblemCode, detail: string, extra?: Record<string, unknown>): ErrorAnswer => ({ statusCode, headers: {}, body: problem(statusCode, code, detail, extra) });

const invalid = (detail: string, fields?: { path: string; message: string }[]): ErrorAnswer =>
  answer(400, 'invalid', detail, fields?.length ? { invalidParams: fields.map((f) => ({ name: f.path, reason: f.message })) } : undefined);

/** The answer to a body over the limit: the route's own message (the limit, and where larger input goes), or a general one. */
function tooLarge(options: { bodyLimit?: number; tooLargeMessage?: string }): ErrorAnswer {
  const message = options.tooLargeMessage ?? `Het verzoek is te groot: er kan ${options.bodyLimit ? `hoogstens ${megabytes(options.bodyLimit)}` : 'niet zoveel'} tegelijk worden verstuurd.`;
  return answer(413, 'tooLarge', message);
}

/** The answer to an error. `bodyLimit`, `tooLargeMessage`: the route's body limit and what its 413 says. */
export function errorAnswer(error: FastifyError | Error, options: { bodyLimit?: number; tooLargeMessage?: string } = {}): ErrorAnswer {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'), message: v.message ?? 'Ongeldige waarde' }));
    return invalid(PART_MESSAGES[error.validationContext ?? 'body'] ?? PART_MESSAGES.body!, fields);
  }
  if (error instanceof Invalid) return invalid(error.message, error.fields);
  if (error instanceof Unauthenticated) return answer(401, 'unauthenticated', error.message);
  if (error instanceof Forbidden) return answer(403, 'forbidden', error.message);
  if (error instanceof NotFound) return answer(404, 'notFound', error.message);
  if (error instanceof Conflict) return answer(409, 'conflict', error.message, error.details);
  if (error instanceof TooManyRequests) return { ...answer(429, 'tooManyRequests', error.message), headers: { 'retry-after': String(error.retryAfterSeconds) } };
  if (error instanceof Unavailable) {
    return {
      statusCode: 503,
      headers: { 'retry-after': String(error.retryAfterSeconds) },
      body: problem(503, 'unavailable', error.message),
      // The cause (a worker's crash, a time limit) is what an operator needs; the caller gets the message only.
      log: { level: 'warn', message: `unavailable: ${error.message}`, err: error.cause instanceof Error ? error.cause : error },
    };
  }
  if (error instanceof TooLarge) return answer(413, 'tooLarge', error.message);
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode === 413) return tooLarge(options);
  if (statusCode && statusCode >= 400 && statusCode < 500) return answer(statusCode, 'invalid', clientErrorMessage({ statusCode, code: (error as FastifyError).code }));
  if (isUnstorableValue(error)) {
    return {
      ...invalid('De invoer bevat een waarde die niet kan worden opgeslagen, zoals een getal dat te groot is of een nulteken. Pas de invoer aan en probeer het opnieuw.'),
      log: { level: 'warn', message: 'the database refused a value that no schema refused' },
    };
  }
  if (isDatabaseUnreachable(error)) {
    return {
      statusCode: 503,
      headers: { 'retry-after': '30' },
      body: problem(503, 'unavailable', 'De database is even niet bereikbaar. Probeer het over een minuut opnieuw.'),
      log: { level: 'error', message: 'database unreachable' },
    };
  }
  return { ...answer(500, 'internal', 'Er ging iets mis aan onze kant. Probeer het opnieuw of meld het met het tijdstip.'), log: { level: 'error', message: 'request failed' } };
}

/**
 * Sends the answer to an error. The body is serialised here, never by the route's response schema:
 * an error answer has the mapper's shape whatever the route answers when it succeeds, so it cannot
 * fail to serialise (a 409 through a schema made for another 409 was a 500).
 */
export function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = errorAnswer(error, { bodyLimit: request.routeOptions?.bodyLimit, tooLargeMessage: request.routeOptions?.config?.tooLargeMessage });
  if (answer.log) request.log[answer.log.level]({ err: answer.log.err ?? error }, answer.log.message);
  return reply
    .status(answer.statusCode)
    .headers(answer.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer((payload) => JSON.stringify(payload))
    .send(answer.body);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
}

/** The status Node's HTTP parser means by a client error (see the http server's 'clientError' event). */
function clientErrorStatus(error: NodeJS.ErrnoException): number {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * Fastify's options for requests refused before a route runs, so they get the app's answer instead
 * of Fastify's own JSON. Fastify's hooks do not run for them: `headers` are the security headers
 * every answer carries.
 * - `frameworkErrors`: a URL whose percent-encoding the router cannot decode (and a path parameter
 *   beyond its length limit).
 * - `clientErrorHandler`: Node refused the request before Fastify saw it (a header beyond Node's
 *   16 KB, an unparsable request line or header, a request that took too long). There is no
 *   request or reply: the answer is written on the socket, which is then closed.
 */
export function errorsBeforeRoutes(headers: Record<string, string>) {
  return {
    frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
      sendError(error, request, reply.headers(headers));
    },
    clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const answer = errorAnswer(Object.assign(new Error(error.message), { statusCode: clientErrorStatus(error), code: error.code }));
      this.log.debug({ err: error }, 'client error');
      if (socket.writable) {
        const body = JSON.stringify(answer.body);
        const all = { ...headers, ...answer.headers, 'content-type': PROBLEM_CONTENT_TYPE, 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
        const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`);
        socket.write(`HTTP/1.1 ${answer.statusCode} ${http.STATUS_CODES[answer.statusCode]}\r\n${lines.join('')}\r\n${body}`);
      }
      socket.destroy(error);
    },
  };
}
