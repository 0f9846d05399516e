// HTTP: ZRM assessments of a case and a client, and the ZRM progress report (aggregates only).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { idParams } from '../../http/params';
import { caseZrm, clientZrm, publishedZrmReport, zrmAssessment, zrmAssessmentInput, zrmReportQuery } from './zrm.schemas';
import { addZrmAssessment, getCaseZrm, getClientZrm } from './zrm.service';
import { publishZrmReport } from './zrm-report';
import { smallNumbersFor } from '../reports/small-numbers';

export function zrmRoutes({ db, reportDb = db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/zrm',
      { config: { permission: 'reports:read' }, schema: { summary: 'The ZRM progress report: per domain the change from nulmeting to latest assessment in the year', querystring: zrmReportQuery, response: { 200: publishedZrmReport } } },
      async (request) => {
        const actor = actorOf(request);
        return publishZrmReport(reportDb, actor.organisationId, { year: request.query.year, teamCode: request.query.team || undefined }, smallNumbersFor(actor, config.smallNumbers));
      },
    );
    app.get(
      '/cases/:id/zrm',
      { config: { permission: 'cases:read' }, schema: { summary: "A case's ZRM assessments, newest first, and the assessments due", params: idParams, response: { 200: caseZrm } } },
      async (request) => getCaseZrm(db, actorOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/zrm',
      { config: { permission: 'cases:write' }, schema: { summary: 'Record a ZRM assessment of a client of the household', params: idParams, body: zrmAssessmentInput, response: { 201: zrmAssessment } } },
      async (request, reply) => reply.status(201).send(await addZrmAssessment(db, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      '/clients/:id/zrm',
      { config: { permission: 'clients:read' }, schema: { summary: "A client's ZRM scores over time per domain, goals included", params: idParams, response: { 200: clientZrm } } },
      async (request) => getClientZrm(db, actorOf(request), request.params.id),
    );
  };
}
