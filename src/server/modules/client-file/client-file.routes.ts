// HTTP: the client's file for an access request, as JSON and as PDF (both downloads).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app';
import { todayInNetherlands } from '../../lib/dates';
import { clientFile } from './client-file.schemas';
import { buildClientFile, fileName, logClientFileExport } from './client-file.service';
import { renderClientFilePdf } from './client-file.pdf';

export function clientFileRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
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
      { config: read, schema: { summary: "The client's whole file for an access request, as a readable PDF", params: idParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const file = await buildClientFile(db, actor, request.params.id);
        const pdf = await renderClientFilePdf(file);
        await logClientFileExport(db, actor, request.params.id, 'pdf');
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName(file.person.lastName, todayInNetherlands(), 'pdf')}"`)
          .header('cache-control', 'no-store')
          .send(Buffer.from(pdf));
      },
    );
  };
}
