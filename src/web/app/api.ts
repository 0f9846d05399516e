// The one HTTP client of the web app: JSON in and out, the CSRF header on state-changing calls,
// and every non-2xx answer (a problem details object, RFC 9457) turned into an ApiError the screens
// can show.

export interface FieldError {
  path: string;
  message: string;
}

/** What the web app keeps of a problem details answer: its `code`, its `detail` and its `invalidParams` as field errors; a 409 may carry more. */
export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldError[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }

  get fields(): FieldError[] {
    return this.body.fields ?? [];
  }
}

let csrfToken: string | null = null;
const LAST_ANSWER_KEY = 'kt-last-answer';

/**
 * When the server last answered a request of this session (any tab), in ms: each request keeps
 * the session alive on the server, so this is where the idle time counts from (SessionTimeout).
 */
export function lastAnswerAt(): number {
  const shared = Number(localStorage.getItem(LAST_ANSWER_KEY) ?? 0);
  return Math.max(shared, ownLastAnswer);
}
let ownLastAnswer = Date.now();
function answered(): void {
  ownLastAnswer = Date.now();
  try {
    localStorage.setItem(LAST_ANSWER_KEY, String(ownLastAnswer));
  } catch {
    // Storage may be full or off: this tab still counts its own requests.
  }
}
let onUnauthenticated: ((message: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called with the server's message when any request answers 401 (session ended): the auth context goes back to login. */
export function setUnauthenticatedHandler(handler: ((message: string) => void) | null): void {
  onUnauthenticated = handler;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'De invoer is niet geldig.',
  401: 'U bent niet (meer) ingelogd.',
  403: 'U heeft geen toegang tot deze gegevens.',
  404: 'Deze gegevens bestaan niet of u heeft er geen toegang toe.',
  409: 'Iemand anders heeft deze gegevens intussen gewijzigd.',
  429: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
};

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The answer's problem details (RFC 9457: `detail`, `code`, `invalidParams` with `name` and `reason`), or a Dutch message by status when the body is not one. */
export function toErrorBody(status: number, body: unknown): ErrorBody {
  const problem = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const fallback = FALLBACK_MESSAGES[status] ?? 'Er ging iets mis. Probeer het opnieuw.';
  const params = Array.isArray(problem.invalidParams) ? (problem.invalidParams as { name?: unknown; reason?: unknown }[]) : [];
  const fields = params.filter((p) => typeof p.name === 'string' && typeof p.reason === 'string').map((p) => ({ path: p.name as string, message: p.reason as string }));
  return {
    ...problem,
    code: typeof problem.code === 'string' ? problem.code : 'error',
    message: typeof problem.detail === 'string' ? problem.detail : fallback,
    ...(fields.length ? { fields } : {}),
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * `idempotencyKey`: sent as Idempotency-Key on a create, so sending the same request again (after
 * "De server is niet bereikbaar") returns what the first one made instead of making it twice.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: { skipAuthRedirect?: boolean; idempotencyKey?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.' });
  }
  const data = await readBody(response);
  if (response.status !== 401) answered();
  if (!response.ok) {
    const error = new ApiError(response.status, toErrorBody(response.status, data));
    if (response.status === 401 && !options.skipAuthRedirect) onUnauthenticated?.(error.message);
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown, options?: { idempotencyKey?: string }) => apiRequest<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A random UUID (v4) for an Idempotency-Key; crypto.randomUUID needs https, getRandomValues does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
