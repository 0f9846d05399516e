// The OpenAPI document (GET /api/v1/openapi.json), made from the routes' zod schemas and shaped the way
// the NL API Design Rules ask (docs/api-design-rules.md lists the rules and where each is met):
// - per route (`transformRoute`): its tag (public or protected), its permission in the description,
//   an operationId from method and address, and the security it needs (none, the session cookie,
//   or the cookie and the CSRF header on a state-changing call);
// - over the whole document (`finishDocument`): every error answer a route can give, as
//   `application/problem+json`, and the `API-Version` header on every successful answer.
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../modules/auth/sessions.repo';
import { CSRF_HEADER, SAFE_METHODS } from './auth-hook';
import { API_BASE, API_VERSION, API_VERSION_HEADER } from './api-version';
import { PROBLEM_TITLES, problemSchema } from '../lib/problem';


/** `getCasesByIdPlanVersionsByVersion` for GET /api/v1/cases/:id/plan/versions/:version: unique by construction. */
export function operationIdOf(method: string, url: string): string {
  const pascal = (word: string) => word.replace(/(^|[-_.])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase());
  const parts = url
    .slice(API_BASE.length)
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `By${pascal(segment.slice(1))}` : pascal(segment)));
  return method.toLowerCase() + parts.join('');
}

type RouteTransform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

/** Per route: the zod schemas as JSON schema, plus tag, permission, operationId and security. */
export const transformRoute: RouteTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const permission = input.route.config?.permission;
  if (!permission || !url.startsWith(API_BASE)) return { schema, url };
  const method = [input.route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
  const isPublic = permission === 'public';
  return {
    url,
    schema: {
      ...schema,
      tags: [isPublic ? 'public' : 'protected'],
      description: [schema.description, `Permission: ${permission}`].filter(Boolean).join('\n\n'),
      operationId: operationIdOf(method, url),
      security: isPublic ? [] : SAFE_METHODS.has(method) ? [{ session: [] }] : [{ session: [], csrf: [] }],
    },
  };
};

// The document from here on is plain JSON: typed as loosely as OpenAPI allows.
type Json = Record<string, unknown>;
interface Operation extends Json {
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses?: Record<string, Json>;
  security?: unknown[];
}

const PROBLEM_CONTENT = 'application/problem+json';
const problemRef = { $ref: '#/components/schemas/Problem' };

/** The error answers every operation documents by reference; the descriptions say when each comes. */
const ERROR_RESPONSES: Record<string, string> = {
  400: 'The request is not valid: `invalidParams` names each field and why (also an address that cannot be read).',
  401: 'No session, or the session has ended.',
  403: 'A state-changing call without the right CSRF header.',
  404: 'The record does not exist, or the user may not see it or use this route (one answer for both).',
  409: 'The record changed in between (a stale `version`), or its state does not allow this.',
  413: 'The body is larger than this route takes.',
  429: 'Too many requests of this kind at once or in a short time; `Retry-After` says when to try again.',
  500: 'A fault on our side; it is logged with the request id.',
  503: 'The database is not reachable for a moment; `Retry-After` says when to try again.',
};

const RESPONSE_NAMES: Record<string, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'ContentTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** The error statuses one operation can answer. */
function errorStatuses(method: string, operation: Operation): string[] {
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  const unsafe = !SAFE_METHODS.has(method.toUpperCase());
  const hasPathParams = (operation.parameters ?? []).some((p) => p.in === 'path');
  const statuses = ['400', '500', '503'];
  if (!isPublic) statuses.push('401', '404');
  else if (hasPathParams) statuses.push('404');
  if (!isPublic && unsafe) statuses.push('403', '409');
  if (operation.requestBody) statuses.push('413');
  return statuses;
}

/** How a caller proves who it is: the session cookie, and the CSRF header on a state-changing call. */
const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session, set by POST /auth/login' },
  csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The CSRF token of the session (in the answer of POST /auth/login and GET /auth/me); needed on every state-changing call' },
};

/** The components the operations refer to: the problem schema, the error answers used, and the header. */
function components(usedResponses: Set<string>): Json {
  const problem = z.toJSONSchema(problemSchema, { target: 'openapi-3.0' }) as Json;
  delete problem.$schema;
  return {
    schemas: { Problem: problem },
    headers: {
      [API_VERSION_HEADER]: { description: 'The full version of the API that answered (semantic versioning)', schema: { type: 'string', example: API_VERSION } },
    },
    responses: Object.fromEntries(
      Object.entries(ERROR_RESPONSES)
        .filter(([status]) => usedResponses.has(status))
        .map(([status, description]) => [
        RESPONSE_NAMES[status],
        { description: `${PROBLEM_TITLES[Number(status)]}. ${description}`, headers: { [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` } }, content: { [PROBLEM_CONTENT]: { schema: problemRef } } },
      ]),
    ),
  };
}

/** Over the whole document: the error answers and the API-Version header of every operation. */
export function finishDocument(document: Json): Json {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  const seen = new Set<string>();
  const usedResponses = new Set<string>();
  for (const operations of Object.values(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const responses = (operation.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) {
          // A route's own error schema (a 409 with more members) is a problem too.
          const content = response.content as Record<string, unknown> | undefined;
          const schema = content && Object.values(content)[0];
          response.content = { [PROBLEM_CONTENT]: schema ?? { schema: problemRef } };
        }
        response.headers = { ...(response.headers as Json | undefined), [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` } };
      }
      for (const status of errorStatuses(method, operation)) {
        if (responses[status]) continue;
        responses[status] = { $ref: `#/components/responses/${RESPONSE_NAMES[status]}` };
        usedResponses.add(status);
      }
      const id = operation.operationId as string | undefined;
      if (id && seen.has(id)) throw new Error(`operationId ${id} is used twice`);
      if (id) seen.add(id);
    }
  }
  const existing = (document.components ?? {}) as Json;
  return { ...document, components: { ...existing, ...components(usedResponses) } };
}

/** The options of @fastify/swagger: the document's header, its servers, and the two steps above. */
export function openapiOptions(): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Keukentafel API',
        version: API_VERSION,
        description:
          'Registration and steering for buurtteams sociaal. Errors are problem details (RFC 9457) with Dutch texts; dates are `YYYY-MM-DD`, moments ISO 8601 in UTC. ' +
          'A create that takes an `Idempotency-Key` header (a UUID) answers a repeat with the same key with what the first request made.',
        contact: { name: 'Keukentafel-team', email: 'api@keukentafel.nl', url: 'https://keukentafel.nl/api' },
        license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      },
      servers: [{ url: API_BASE, description: 'This installation' }],
      security: [{ session: [] }],
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: [
        { name: 'public', description: 'No session needed' },
        { name: 'protected', description: 'Needs a session cookie; state-changing calls also the x-csrf-token header' },
      ],
    },
    transform: transformRoute,
    transformObject: ({ openapiObject }: { openapiObject: Json }) => finishDocument(openapiObject),
  } as FastifyDynamicSwaggerOptions;
}
