// Typed domain errors. Services throw these; the one HTTP error handler maps them to status codes.
// Messages are Dutch: they reach the user.

export interface FieldProblem {
  /** Dotted path of the field, e.g. `client.bsn`. */
  path: string;
  message: string;
}

export class DomainError extends Error {}

/** The record does not exist, or the actor has no reason to see it (the same answer on purpose). */
export class NotFound extends DomainError {
  constructor(what = 'Niet gevonden') {
    super(what);
  }
}

/** The actor's role does not allow this action. */
export class Forbidden extends DomainError {
  constructor(message = 'U heeft geen toestemming voor deze handeling') {
    super(message);
  }
}

/**
 * The record changed since the actor read it, or the action does not fit its state. `details` go
 * into the answer beside the message (e.g. the other person's version, to show what they changed).
 */
export class Conflict extends DomainError {
  constructor(
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The input breaks a domain rule; lists each field's problem. */
export class Invalid extends DomainError {
  constructor(
    public readonly fields: FieldProblem[],
    message = 'De invoer is niet geldig',
  ) {
    super(message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'U bent niet ingelogd') {
    super(message);
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * The server cannot do this now, through no fault of the request (a PDF worker died, too many PDFs
 * at once): 503 with Retry-After. `cause` is logged, never shown.
 */
export class Unavailable extends DomainError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}
