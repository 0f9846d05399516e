import { problemSchema } from '../../lib/problem';
// HTTP: case lists, detail and lifecycle actions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { idParams } from '../../http/params';
import { addHouseholdMemberBody, assignBody, caseDetail, caseList, caseListQuery, closeBody, firstMeetingBody, reopenBody, startBody, transferBody, transferResult } from './cases.schemas';
import { addHouseholdMember, assignLeadWorker, closeCase, getCase, listCases, recordFirstMeeting, reopenCase, startSupport, transferCase } from './cases.service';

export function casesRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { permission: 'cases:read' as const };
    const write = { permission: 'cases:write' as const };
    app.get('/cases', { config: read, schema: { summary: 'My or my team\'s cases', querystring: caseListQuery, response: { 200: caseList } } }, async (request) =>
      listCases(db, actorOf(request), request.query),
    );
    app.get('/cases/:id', { config: read, schema: { summary: 'A case with household and history', params: idParams, response: { 200: caseDetail } } }, async (request) =>
      getCase(db, actorOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/first-meeting',
      { config: write, schema: { summary: 'Record the first meeting', params: idParams, body: firstMeetingBody, response: { 200: caseDetail } } },
      async (request) => recordFirstMeeting(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/cases/:id/start', { config: write, schema: { summary: 'Start support after the first meeting', params: idParams, body: startBody, response: { 200: caseDetail } } }, async (request) =>
      startSupport(db, actorOf(request), request.params.id, request.body.version),
    );
    app.post('/cases/:id/close', { config: write, schema: { summary: 'Close a case', params: idParams, body: closeBody, response: { 200: caseDetail } } }, async (request) =>
      closeCase(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/cases/:id/reopen', { config: write, schema: { summary: 'Reopen a closed case with a reason', params: idParams, body: reopenBody, response: { 200: caseDetail } } }, async (request) =>
      reopenCase(db, actorOf(request), request.params.id, request.body),
    );
    app.put(
      '/cases/:id/lead-worker',
      { config: write, schema: { summary: 'Change the lead worker (regisseur)', params: idParams, body: assignBody, response: { 200: caseDetail } } },
      async (request) => assignLeadWorker(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/household',
      { config: write, schema: { summary: 'Add a household member', params: idParams, body: addHouseholdMemberBody, response: { 200: caseDetail, 429: problemSchema } } },
      async (request) => addHouseholdMember(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/transfer',
      { config: write, schema: { summary: 'Hand the case over to a colleague or another team, with a note', params: idParams, body: transferBody, response: { 200: transferResult } } },
      async (request) => transferCase(db, actorOf(request), request.params.id, request.body),
    );
  };
}
