// Every string an /api route receives is text PostgreSQL stores and gives back unchanged: valid
// UTF-8 on the wire, well-formed Unicode (no lone UTF-16 surrogate, which JSON's \ud800 escapes and
// JavaScript strings allow) and no NUL character. Checked once for every route, before its schema,
// over the JSON body (keys and values at any depth), the query string, the path parameters and the
// headers; refused with 400 and the path of each field. The schemas need no check of their own.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Invalid } from '../lib/errors';
import { badTextError, findBadText } from '../lib/bad-text';
import { BAD_URL_MESSAGE } from './error-handler';

/** Whether the percent-encoding of a query string decodes to UTF-8 (the router already refuses a path that does not). */
function isDecodableQuery(query: string): boolean {
  try {
    decodeURIComponent(query.replaceAll('+', ' '));
    return true;
  } catch {
    return false;
  }
}

function checkRequest(request: FastifyRequest): void {
  const queryStart = request.url.indexOf('?');
  if (queryStart !== -1 && !isDecodableQuery(request.url.slice(queryStart + 1))) throw new Invalid([], BAD_URL_MESSAGE);
  // A body of raw bytes (the web import's upload) is read by its route, off the event loop, with the
  // same check (modules/exchange/exchange-upload.ts).
  const body = request.body instanceof Uint8Array ? undefined : request.body;
  const found = [request.params, request.query, request.headers, body].flatMap((part) => findBadText(part));
  if (found.length > 0) throw badTextError(found);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function registerInputCheck(app: FastifyInstance): void {
  // JSON bodies are decoded strictly: Fastify's own parser turns bytes that are not UTF-8 into
  // U+FFFD without a word. The JSON itself is parsed by Fastify's parser, with its protection
  // against __proto__ and constructor keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new Invalid([], 'De inhoud van het verzoek is geen geldige UTF-8-tekst.'), undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.addHook('preValidation', async (request) => {
    // Only the API: static files and the web app's pages take no input.
    if (request.routeOptions.config?.permission) checkRequest(request);
  });
}
