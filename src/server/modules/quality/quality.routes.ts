// HTTP: the quality registers. Filing is open to everyone doing casework and to kwaliteit; reading
// and handling to kwaliteit (all teams) and team leaders (their own team).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { qualityReportDetail, qualityReportFiled, qualityReportInput, qualityReportList, qualityReportQuery, qualityReportUpdate, qualityStepInput } from './quality.schemas';
import { addQualityStep, fileQualityReport, getQualityReport, listQualityReports, updateQualityReport } from './quality.service';

export function qualityRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const manage = { permission: 'quality:manage' as const };
    app.post(
      '/quality-reports',
      { config: { permission: 'quality:file' }, schema: { summary: 'File a complaint, objection or incident', body: qualityReportInput, response: { 201: qualityReportFiled } } },
      async (request, reply) => reply.status(201).send(await fileQualityReport(db, actorOf(request), request.body)),
    );
    app.get('/quality-reports', { config: manage, schema: { summary: 'The quality registers, with counts per kind', querystring: qualityReportQuery, response: { 200: qualityReportList } } }, async (request) =>
      listQualityReports(db, actorOf(request), request.query),
    );
    app.get('/quality-reports/:id', { config: manage, schema: { summary: 'A report with its handling steps', params: idParams, response: { 200: qualityReportDetail } } }, async (request) =>
      getQualityReport(db, actorOf(request), request.params.id),
    );
    app.put(
      '/quality-reports/:id',
      { config: manage, schema: { summary: 'Handle a report: status, evaluation and lesson learned', params: idParams, body: qualityReportUpdate, response: { 200: qualityReportDetail } } },
      async (request) => updateQualityReport(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/quality-reports/:id/steps',
      { config: manage, schema: { summary: 'Record a handling step', params: idParams, body: qualityStepInput, response: { 201: qualityReportDetail } } },
      async (request, reply) => reply.status(201).send(await addQualityStep(db, actorOf(request), request.params.id, request.body)),
    );
  };
}
