// Builds the Fastify application: plugins, the auth hook, every feature's routes under /api/v1,
// the OpenAPI document and the web app's static files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuthHook } from './http/auth-hook';
import { registerDeniedLog } from './audit/denied-log';
import { errorsBeforeRoutes, registerErrorHandler, sendError } from './http/error-handler';
import { API_BASE, API_VERSION, API_VERSION_HEADER } from './http/api-version';
import { openapiOptions } from './http/openapi';
import { registerInputCheck } from './http/input-check';
import { logSerializers } from './http/log-serializers';
import { registerSecurityHeaders, securityHeaders } from './http/security-headers';
import { limitConnectionsPerAddress } from './http/connection-limits';
import { isTrustedProxy } from './lib/client-address';
import { NotFound } from './lib/errors';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { clientsRoutes } from './modules/clients/clients.routes';
import { registrationsRoutes } from './modules/registrations/registrations.routes';
import { casesRoutes } from './modules/cases/cases.routes';
import { journalRoutes } from './modules/journal/journal.routes';
import { worklistsRoutes } from './modules/worklists/worklists.routes';
import { usersRoutes } from './modules/users/users.routes';
import { exchangeRoutes } from './modules/exchange/exchange.routes';
import { plansRoutes } from './modules/plans/plans.routes';
import { networkRoutes } from './modules/network/network.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { zrmRoutes } from './modules/zrm/zrm.routes';
import { emergencyRoutes } from './modules/emergency/emergency.routes';
import { attachmentsRoutes } from './modules/attachments/attachments.routes';
import { accessLogRoutes } from './modules/access-log/access-log.routes';
import { consentsRoutes } from './modules/consents/consents.routes';
import { maatwerkRoutes } from './modules/maatwerk/maatwerk.routes';
import { iwmoRoutes } from './modules/maatwerk/iwmo-flow/iwmo.routes';
import { clientFileRoutes } from './modules/client-file/client-file.routes';
import type { AppDeps, RouteDeps } from './app-deps';
import { PdfPool } from './lib/pdf/pdf-pool';
import { retentionRoutes } from './modules/retention/retention.routes';
import { qualityRoutes } from './modules/quality/quality.routes';
import { tasksRoutes } from './modules/tasks/tasks.routes';
import { documentsRoutes } from './modules/documents/documents.routes';
import { useDocumentsFolder } from './modules/documents/document-store';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { lettersRoutes } from './modules/letters/letters.routes';
import { appointmentsRoutes } from './modules/appointments/appointments.routes';

// Validation messages reach users: Dutch by default, specific messages set per field in the schemas.
z.config(z.locales.nl());

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** `logStream`: where the JSON log lines go (standard output by default; tests capture them). */
export async function buildApp(deps: AppDeps, options: { logStream?: { write(line: string): void } } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel, serializers: logSerializers, ...(options.logStream ? { stream: options.logStream } : {}) },
    // A hop count n trusts the n nearest proxies (the function form of proxy-addr).
    trustProxy: typeof deps.config.trustProxy === 'number' ? trustHops(deps.config.trustProxy) : deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Slow clients cannot hold a connection: the headers must arrive within headersTimeout (checked
    // every second, not Node's default of every 30 s), the whole request within requestTimeout; an
    // idle keep-alive connection closes after 72 s (longer than a proxy's usual 60 s, so the proxy
    // closes first), a connection without traffic either way after 5 minutes; after 1000 requests
    // a connection is closed, so a cluster worker's clients spread again.
    http: { headersTimeout: deps.config.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, deps.config.headersTimeoutMs / 2) },
    requestTimeout: deps.config.requestTimeoutMs,
    keepAliveTimeout: 72_000,
    connectionTimeout: 300_000,
    maxRequestsPerSocket: 1000,
    // Requests refused before a route runs get the app's error shape too (http/error-handler.ts).
    ...errorsBeforeRoutes({ ...securityHeaders({ httpsOnly: !deps.config.plainHttp }), 'cache-control': 'no-store', [API_VERSION_HEADER]: API_VERSION }),
  }).withTypeProvider<ZodTypeProvider>();
  limitConnectionsPerAddress(app.server, {
    perAddress: Math.ceil(deps.config.connectionsPerAddress / deps.config.processes),
    exempt: isTrustedProxy(deps.config.trustProxy),
    onLimitReached: (address) => app.log.warn({ address }, 'too many connections from one address: refusing more until some close'),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app, { httpsOnly: !deps.config.plainHttp });
  registerInputCheck(app);

  await app.register(cookie);
  await app.register(swagger, openapiOptions());
  registerAuthHook(app, deps.db, { sessionIdleMinutes: deps.config.sessionIdleMinutes });
  registerDeniedLog(app, deps.db);

  // One pool of PDF worker threads for every PDF of the app; its threads start with the first PDF.
  const pdfs = deps.pdfs ?? new PdfPool();
  app.addHook('onClose', () => pdfs.close());
  const routeDeps: RouteDeps = { ...deps, pdfs };
  useDocumentsFolder(deps.config.documentsDir);

  await app.register(
    async (api) => {
      for (const routes of [healthRoutes, authRoutes, referenceRoutes, usersRoutes, clientsRoutes, registrationsRoutes, casesRoutes, journalRoutes, worklistsRoutes, exchangeRoutes, reportsRoutes, plansRoutes, zrmRoutes, networkRoutes, maatwerkRoutes, iwmoRoutes, emergencyRoutes, attachmentsRoutes, consentsRoutes, accessLogRoutes, clientFileRoutes, retentionRoutes, qualityRoutes, tasksRoutes, notificationsRoutes, documentsRoutes, lettersRoutes, appointmentsRoutes]) {
        await api.register(routes(routeDeps));
      }
      // Anyone may read the document, also from another origin (an architect's linter in the browser).
      api.get('/openapi.json', { config: { permission: 'public' }, schema: { summary: 'This OpenAPI document' } }, async (_request, reply) =>
        reply.header('access-control-allow-origin', '*').send(app.swagger()),
      );
    },
    { prefix: API_BASE },
  );
  // An address under /api that is no route of this version (an old /api/... address among them).
  app.all('/api/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendError(new NotFound(`Deze API-route bestaat niet. De API staat onder ${API_BASE}.`), request, reply),
  );

  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // The web app routes in the browser: every other GET gets index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method !== 'GET') return sendError(new NotFound('Niet gevonden'), request, reply);
      return reply.sendFile('index.html');
    });
  }
  return app;
}
