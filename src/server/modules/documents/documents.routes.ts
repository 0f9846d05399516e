// HTTP: documents of a case or a client. The upload is JSON with the file as base64 through the usual
// JSON pipeline, with a body limit of its own (DOCUMENT_MAX_MB, plus what base64 adds); the download
// sends the bytes as an attachment with the type detected at upload, never sniffed by the browser.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { documentChange, documentItem, documentList, documentRemoval, documentTooLargeMessage, documentUpload } from './documents.schemas';
import { changeDocument, downloadDocument, listCaseDocuments, listClientDocuments, removeDocument, uploadDocument } from './documents.service';
import { downloadFileName } from './download-name';

export function documentsRoutes({ db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const maxBytes = config.documentMaxBytes;
    // base64 makes 4 characters of every 3 bytes; the rest of the JSON (title, name) fits in 64 kB.
    const uploadLimits = { bodyLimit: Math.ceil(maxBytes / 3) * 4 + 64 * 1024, tooLargeMessage: documentTooLargeMessage(maxBytes) };
    const uploadDescription = `The file as base64 in \`contentBase64\` (at most ${maxBytes} bytes, DOCUMENT_MAX_MB). Its type is read from the content: PDF, PNG, JPEG, HEIC, docx, xlsx, pptx, odt, ods; the extension of \`fileName\` must match it. Anything else answers 400, a larger file 413.`;

    app.get('/cases/:id/documents', { config: { permission: 'cases:read' }, schema: { summary: "The case's documents, newest first; sensitive ones the reader may not see are listed as withheld", params: idParams, response: { 200: documentList } } }, async (request) =>
      listCaseDocuments(db, actorOf(request), request.params.id, maxBytes),
    );
    app.post(
      '/cases/:id/documents',
      { bodyLimit: uploadLimits.bodyLimit, config: { permission: 'cases:write', tooLargeMessage: uploadLimits.tooLargeMessage }, schema: { summary: 'Upload a document to the case', description: uploadDescription, params: idParams, body: documentUpload, response: { 201: documentItem } } },
      async (request, reply) => reply.status(201).send(await uploadDocument(db, actorOf(request), { caseId: request.params.id }, request.body, maxBytes)),
    );
    app.get('/clients/:id/documents', { config: { permission: 'clients:read' }, schema: { summary: "The client's own documents (not on a case): the team's, newest first", params: idParams, response: { 200: documentList } } }, async (request) =>
      listClientDocuments(db, actorOf(request), request.params.id, maxBytes),
    );
    app.post(
      '/clients/:id/documents',
      { bodyLimit: uploadLimits.bodyLimit, config: { permission: 'clients:write', tooLargeMessage: uploadLimits.tooLargeMessage }, schema: { summary: 'Upload a document to the client, not to a case', description: uploadDescription, params: idParams, body: documentUpload, response: { 201: documentItem } } },
      async (request, reply) => reply.status(201).send(await uploadDocument(db, actorOf(request), { clientId: request.params.id }, request.body, maxBytes)),
    );
    app.get(
      '/documents/:id/content',
      { config: { permission: 'clients:read' }, schema: { summary: "Download a document: its bytes, with the type detected at upload, as an attachment", params: idParams, produces: ['application/octet-stream'] } },
      async (request, reply) => {
        const { item, bytes } = await downloadDocument(db, actorOf(request), request.params.id);
        return reply
          .type(item.mediaType)
          .header('content-disposition', downloadFileName(item.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );
    app.put('/documents/:id', { config: { permission: 'clients:write' }, schema: { summary: "Change a document's title, or (its uploader) its sensitivity mark", params: idParams, body: documentChange, response: { 200: documentItem } } }, async (request) =>
      changeDocument(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/documents/:id/remove', { config: { permission: 'clients:write' }, schema: { summary: 'Delete a document (its uploader, the lead worker or the team leader)', params: idParams, body: documentRemoval, response: { 204: z.null() } } }, async (request, reply) => {
      await removeDocument(db, actorOf(request), request.params.id, request.body.version);
      return reply.status(204).send(null);
    });
  };
}
