// HTTP: the client's file for an access request, as JSON and as PDF (both downloads). The PDFs are
// laid out in the app's pool of worker threads (lib/pdf/pdf-pool.ts, AppDeps.pdfs).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { RouteDeps } from '../../app-deps';
import { todayInNetherlands } from '../../lib/dates';
import { clientFile } from './client-file.schemas';
import { buildClientFile, exportClientFilePdf, fileName, logClientFileExport } from './client-file.service';

export function clientFileRoutes({ db, pdfs }: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { permission: 'clients:read' as const };
    app.get('/clients/:id/file', { config: read, schema: { summary: "The client's whole file for an access request (Wmo 2015 art. 5.3.2), as JSON", params: idParams, response: { 200: clientFile } } }, async (request, reply) => {
      const actor = actorOf(request);
      const file = await buildClientFile(db, actor, request.params.id);
      await logClientFileExport(db, actor, request.params.id, 'json');
      return reply.header('content-disposition', `attachment; filename="${fileName(file.person.lastName, todayInNetherlands(), 'json')}"`).header('cache-control', 'no-store').send(file);
    });
    app.get(
      '/clients/:id/file.pdf',
      {
        config: read,
        schema: {
          summary: "The client's whole file for an access request, as a readable PDF (one at a time per user: a second answers 429; 503 when the PDF could not be made now)",
          params: idParams,
        },
      },
      async (request, reply) => {
        const { lastName, pdf } = await exportClientFilePdf(db, pdfs, actorOf(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName(lastName, todayInNetherlands(), 'pdf')}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(pdf));
      },
    );
  };
}
