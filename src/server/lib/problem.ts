// The shape of every error answer of the API: a problem details object (RFC 9457). Pure, so the web
// app and the route schemas use it too; http/error-handler.ts is the one place that makes them.
import { z } from 'zod';

/** What went wrong, for a program: fixed per kind of error (the HTTP status says the same, coarser). */
export const PROBLEM_CODES = ['invalid', 'unauthenticated', 'forbidden', 'notFound', 'conflict', 'tooLarge', 'tooManyRequests', 'unavailable', 'internal'] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One field or parameter the request got wrong: `name` is its dotted path (`client.bsn`), `reason` says why, in Dutch. */
export interface InvalidParam {
  name: string;
  reason: string;
}

/**
 * Every error answer: a problem details object (RFC 9457, `application/problem+json`) as the NL API
 * Design Rules ask (/core/error-handling/problem-details), with the members Haal Centraal's APIs
 * add: `code` and, on a 400, `invalidParams`. `type` is `about:blank` (RFC 9457 §4.2.1): the status
 * says what kind of problem it is, `title` is its Dutch name, `detail` says what happened this time. No
 * `instance`: an answer about a record outside one's scope must not differ from one about no record.
 * A 409 may carry more members (what the caller needs to resolve the conflict).
 */
export interface Problem {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  invalidParams?: InvalidParam[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** The Dutch name of each error status (RFC 9457 lets `title` be the status phrase, localised). */
export const PROBLEM_TITLES: Record<number, string> = {
  400: 'Ongeldig verzoek',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  408: 'Verzoek duurde te lang',
  409: 'Conflict',
  413: 'Verzoek te groot',
  414: 'Adres te lang',
  415: 'Soort inhoud niet ondersteund',
  429: 'Te veel verzoeken',
  431: 'Kopregels te groot',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

/** A problem details object; `extra`: `invalidParams` or a conflict's members. */
export function problem(status: number, code: ProblemCode, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { ...extra, type: 'about:blank', title: PROBLEM_TITLES[status] ?? 'Fout', status, detail, code };
}

/** The body of every error answer (http/error-handler.ts `Problem`), for routes that declare one with more members. */
export const problemSchema = z.object({
  type: z.string().meta({ description: '`about:blank`: the status says what kind of problem it is' }),
  title: z.string().meta({ description: 'The Dutch name of the status' }),
  status: z.int().min(100).max(599),
  detail: z.string().meta({ description: 'What went wrong this time, in Dutch, for the user' }),
  code: z.enum(PROBLEM_CODES),
  invalidParams: z
    .array(z.object({ name: z.string().meta({ description: 'The field or parameter, as a dotted path' }), reason: z.string().meta({ description: 'Why, in Dutch' }) }))
    .optional(),
});

