// Idempotency keys for create requests: a client that does not know whether its request arrived
// (a timeout, a dropped connection, a server restart) sends it again with the same
// `Idempotency-Key` header and gets the record made the first time, never a second one.
// The key is a UUID chosen by the client; a create route uses it as the new record's id, so the
// database's primary key makes the guarantee, in the transaction of the write itself.
import type { FastifyRequest } from 'fastify';
import { Invalid } from '../lib/errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The request's idempotency key (lower case), undefined without one; 400 when it is not a UUID. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new Invalid([{ path: IDEMPOTENCY_HEADER, message: 'De Idempotency-Key moet een UUID zijn' }], 'De Idempotency-Key moet een UUID zijn');
  }
  return value.toLowerCase();
}
