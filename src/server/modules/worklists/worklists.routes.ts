// HTTP: my work, the team overview and figures per team.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { AppDeps } from '../../app-deps';
import { dashboard, dashboardLayout, myWork, publishedTeamFigures, teamOverview } from './worklists.schemas';
import { smallNumbersFor } from '../reports/small-numbers';
import { buildDashboard, saveLayout } from './dashboard.service';
import { myWork as getMyWork, teamFigures as getTeamFigures, teamOverview as getTeamOverview } from './worklists.service';

export function worklistsRoutes({ db, reportDb = db, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/work/mine', { config: { permission: 'cases:read' }, schema: { summary: 'My open cases, what is due first, and registrations to triage', response: { 200: myWork } } }, async (request) =>
      getMyWork(db, actorOf(request)),
    );
    app.get('/work/dashboard', { config: { permission: 'cases:read' }, schema: { summary: "The worker's dashboard: what is due on their own cases, in their order", response: { 200: dashboard } } }, async (request) =>
      buildDashboard(db, actorOf(request)),
    );
    app.put(
      '/work/dashboard/layout',
      { config: { permission: 'cases:read' }, schema: { summary: 'Order and hide the blocks of my dashboard', body: dashboardLayout, response: { 200: dashboardLayout } } },
      async (request) => saveLayout(db, actorOf(request), request.body),
    );
    app.get('/work/team', { config: { permission: 'team:overview' }, schema: { summary: "The team's open cases, waiting times and caseload per worker", response: { 200: teamOverview } } }, async (request) =>
      getTeamOverview(db, actorOf(request)),
    );
    app.get(
      '/work/figures',
      { config: { permission: 'figures:read' }, schema: { summary: 'Aggregated figures per team (for the analyst with small numbers suppressed)', response: { 200: publishedTeamFigures } } },
      async (request) => {
        const actor = actorOf(request);
        return getTeamFigures(reportDb, actor, smallNumbersFor(actor, config.smallNumbers));
      },
    );
  };
}
