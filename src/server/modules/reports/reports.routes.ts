// HTTP: the annual (or quarterly) report and the report "Uitstroom", as JSON and as a CSV download.
// Aggregates only; for the analyst, whose output leaves the organisation, with small numbers
// suppressed (small-numbers.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { publishedAnnualReport, reportQuery, type ReportQuery } from './reports.schemas';
import { computeAnnualReportCsv, publishAnnualReport, type AnnualReportOptions } from './annual-report';
import { reportFileName } from './report-tables';
import { smallNumbersFor } from './small-numbers';
import { flowReportQuery, publishedFlowReport } from './flow-report.schemas';
import { computeFlowReportCsv, publishFlowReport } from './flow-report';
import { flowFileName } from './flow-tables';

function options(query: ReportQuery): AnnualReportOptions {
  return { year: query.year, quarter: query.quarter, teamCode: query.team || undefined };
}

export function reportsRoutes({ db, reportDb = db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/annual',
      { config: { permission: 'reports:read' }, schema: { summary: 'The annual report (or the quarters so far), for the organisation or one team', querystring: reportQuery, response: { 200: publishedAnnualReport } } },
      async (request) => {
        const actor = actorOf(request);
        return publishAnnualReport(reportDb, actor.organisationId, options(request.query), smallNumbersFor(actor, config.smallNumbers));
      },
    );
    app.get(
      '/reports/annual.csv',
      { config: { permission: 'reports:read' }, schema: { summary: 'The same report as one CSV file, a section per table', querystring: reportQuery } },
      async (request, reply) => {
        const actor = actorOf(request);
        const csv = await computeAnnualReportCsv(reportDb, actor.organisationId, options(request.query), smallNumbersFor(actor, config.smallNumbers));
        const fileName = reportFileName({ year: request.query.year, quarter: request.query.quarter, team: request.query.team || undefined }, 'csv');
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`).send(csv);
      },
    );
    app.get(
      '/reports/flow',
      {
        config: { permission: 'reports:read' },
        schema: { summary: 'Uitstroom: per team and month, triage outcomes, days to the beschikking and to the start of a provision, waiting for a start, share to maatwerk, cases over three months', querystring: flowReportQuery, response: { 200: publishedFlowReport } },
      },
      async (request) => {
        const actor = actorOf(request);
        return publishFlowReport(reportDb, actor.organisationId, { year: request.query.year, teamCode: request.query.team || undefined }, smallNumbersFor(actor, config.smallNumbers));
      },
    );
    app.get(
      '/reports/flow.csv',
      { config: { permission: 'reports:read' }, schema: { summary: 'The Uitstroom report as one CSV file, a section per table', querystring: flowReportQuery } },
      async (request, reply) => {
        const actor = actorOf(request);
        const team = request.query.team || undefined;
        const csv = await computeFlowReportCsv(reportDb, actor.organisationId, { year: request.query.year, teamCode: team }, smallNumbersFor(actor, config.smallNumbers));
        const fileName = flowFileName({ year: request.query.year, team }, 'csv');
        return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`).send(csv);
      },
    );
  };
}
