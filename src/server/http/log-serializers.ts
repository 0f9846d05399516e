// What request logs may hold. A search text can be a BSN and a failed query's message lists its
// parameters (names, BSNs, question texts): neither reaches the log.
import type { FastifyError, FastifyRequest } from 'fastify';

export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
  },
  err(error: Pick<FastifyError, 'name' | 'message' | 'stack' | 'code'>) {
    const scrub = (text: string | undefined) => (text ?? '').replace(/\nparams:.*?(?=\n\s+at |$)/s, '\nparams: [weggelaten]');
    return { type: error.name, code: error.code, message: scrub(error.message), stack: scrub(error.stack) };
  },
};
