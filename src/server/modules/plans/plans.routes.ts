// HTTP: the krachtplan of a case.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import { versionParam } from '../../lib/number-fields';
import type { AppDeps } from '../../app-deps';
import { agreementBody, compareQuery, plan, planComparison, planConflict, planVersion, savePlanBody } from './plans.schemas';
import { comparePlanVersions, getPlan, getPlanVersion, recordPlanAgreement, savePlan } from './plans.service';

const versionParams = idParams.extend({ version: versionParam });

export function plansRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { permission: 'cases:read' as const };
    const write = { permission: 'cases:write' as const };
    app.get('/cases/:id/plan', { config: read, schema: { summary: 'The krachtplan of a case with its versions', params: idParams, response: { 200: plan } } }, async (request) =>
      getPlan(db, actorOf(request), request.params.id),
    );
    app.put(
      '/cases/:id/plan',
      { config: write, schema: { summary: 'Save the krachtplan as a new version (409 with the other save when the base version moved on)', params: idParams, body: savePlanBody, response: { 200: plan, 409: planConflict } } },
      async (request) => savePlan(db, actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/cases/:id/plan/versions/:version',
      { config: read, schema: { summary: 'One version of the krachtplan', params: versionParams, response: { 200: planVersion } } },
      async (request) => getPlanVersion(db, actorOf(request), request.params.id, request.params.version),
    );
    app.post(
      '/cases/:id/plan/versions/:version/agreement',
      { config: write, schema: { summary: "Record the client's agreement with a version", params: versionParams, body: agreementBody, response: { 200: plan } } },
      async (request) => recordPlanAgreement(db, actorOf(request), request.params.id, request.params.version, request.body),
    );
    app.get(
      '/cases/:id/plan/compare',
      { config: read, schema: { summary: 'What changed between two versions', params: idParams, querystring: compareQuery, response: { 200: planComparison } } },
      async (request) => comparePlanVersions(db, actorOf(request), request.params.id, request.query.from, request.query.to),
    );
  };
}
