// HTTP: maatwerk on a case: requests with their onderzoek and beschikking, and the toewijzingen.
// Every change answers the case's maatwerk as it now stands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { RouteDeps } from '../../app-deps';
import { decisionLetterDocument } from './decision-letter';
import { assignmentFields, caseMaatwerk, decisionFields, endFields, extensionFields, requestFields, researchFields, voidFields, withdrawalFields } from './maatwerk.schemas';
import { assignProvision, createRequest, decideRequest, decisionLetter, endProvision, extendProvision, getCaseMaatwerk, recordResearch, voidProvision, withdrawRequest } from './maatwerk.service';

export function maatwerkRoutes({ db, pdfs, config }: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { permission: 'cases:read' as const };
    const write = { permission: 'cases:write' as const };
    const answer = { 200: caseMaatwerk };
    const created = { 201: caseMaatwerk };
    app.get('/cases/:id/maatwerk', { config: read, schema: { summary: "The case's requests for provisions, their decisions and toewijzingen", params: idParams, response: answer } }, async (request) =>
      getCaseMaatwerk(db, actorOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/provision-requests',
      { config: write, schema: { summary: 'Record a melding or aanvraag for a provision, for a client of the household', params: idParams, body: requestFields, response: created } },
      async (request, reply) => reply.status(201).send(await createRequest(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/provision-requests/:id/research',
      { config: write, schema: { summary: "Record the onderzoek's report (Wmo 2015 art. 2.3.2)", params: idParams, body: researchFields, response: answer } },
      async (request) => recordResearch(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/provision-requests/:id/withdrawal',
      { config: write, schema: { summary: 'Withdraw a request that has not been decided', params: idParams, body: withdrawalFields, response: answer } },
      async (request) => withdrawRequest(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/provision-requests/:id/decision',
      { config: write, schema: { summary: 'Record the beschikking on a researched request; it gets the next decision number', params: idParams, body: decisionFields, response: created } },
      async (request, reply) => reply.status(201).send(await decideRequest(db, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/provision-decisions/:id/letter.pdf',
      { config: read, schema: { summary: 'The decision letter (beschikking) as PDF, in plain Dutch with the objection clause (Awb 3:45, 6:7)', params: idParams } },
      async (request, reply) => {
        const { letter, fileName } = await decisionLetter(db, actorOf(request), request.params.id, config.municipality);
        const pdf = await pdfs.render(decisionLetterDocument(letter));
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(Buffer.from(pdf));
      },
    );
    app.post(
      '/provision-decisions/:id/provisions',
      { config: write, schema: { summary: 'Assign a granted provision to a provider (toewijzing); zorg in natura gets the next ToewijzingNummer', params: idParams, body: assignmentFields, response: created } },
      async (request, reply) => reply.status(201).send(await assignProvision(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/provisions/:id/extension',
      { config: write, schema: { summary: 'Extend a toewijzing to a later end date (a new link that keeps its ToewijzingNummer)', params: idParams, body: extensionFields, response: created } },
      async (request, reply) => reply.status(201).send(await extendProvision(db, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      '/provisions/:id/end',
      { config: write, schema: { summary: 'End a toewijzing early, with the reason', params: idParams, body: endFields, response: answer } },
      async (request) => endProvision(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/provisions/:id/void',
      { config: write, schema: { summary: 'Void a toewijzing registered in error: kept in the history, counted nowhere', params: idParams, body: voidFields, response: answer } },
      async (request) => voidProvision(db, actorOf(request), request.params.id, request.body),
    );
  };
}
