// HTTP: letters from a template. The templates with letters:manage (the beheerder); a letter on a
// case, drafted and saved, with the case's cases:write (its write scope in the service).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { RouteDeps } from '../../app-deps';
import { documentItem } from '../documents/documents.schemas';
import { letterDraft, letterDraftRequest, letterFields, letterTemplate, letterTemplateFields, letterTemplateReset } from './letters.schemas';
import { draftLetter, listLetterTemplates, makeLetter, resetLetterTemplate, saveLetterTemplate } from './letters.service';

export function lettersRoutes({ db, pdfs }: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const manage = { permission: 'letters:manage' as const };
    app.get('/letter-templates', { config: manage, schema: { summary: "Every kind of letter with the text in use: the organisation's own or the one that ships", response: { 200: z.array(letterTemplate) } } }, async (request) =>
      listLetterTemplates(db, actorOf(request)),
    );
    app.put(
      '/letter-templates',
      { config: manage, schema: { summary: "Save the organisation's own text of a kind of letter", body: letterTemplateFields, response: { 200: letterTemplate } } },
      async (request) => saveLetterTemplate(db, actorOf(request), request.body),
    );
    app.post(
      '/letter-templates/reset',
      { config: manage, schema: { summary: 'Go back to the text that ships with Keukentafel for a kind of letter', body: letterTemplateReset, response: { 200: letterTemplate } } },
      async (request) => resetLetterTemplate(db, actorOf(request), request.body.kind, request.body.version),
    );
    // A POST: it is the start of a letter (the case's write scope), and it logs a read of the recipient's data.
    app.post(
      '/cases/:id/letter-draft',
      { config: { permission: 'cases:write' }, schema: { summary: 'A letter to a member of the household, filled from the case, to review', params: idParams, body: letterDraftRequest, response: { 200: letterDraft } } },
      async (request) => draftLetter(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/letters',
      { config: { permission: 'cases:write' }, schema: { summary: "Save the reviewed letter as a PDF among the case's documents (nothing may be left to fill in)", params: idParams, body: letterFields, response: { 201: documentItem } } },
      async (request, reply) => reply.status(201).send(await makeLetter(db, pdfs, actorOf(request), request.params.id, request.body)),
    );
  };
}
