// HTTP: break the glass (noodtoegang) and its review by kwaliteit.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../lib/problem';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { emergencyGrant, emergencyMatch, emergencyRequest, emergencyReview, emergencyReviewItem, emergencyReviewQuery, emergencySearch } from './emergency.schemas';
import { grantEmergencyAccess, listForReview, listMyEmergencyAccess, reviewEmergencyAccess, searchForEmergency } from './emergency.service';

export function emergencyRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const request = { permission: 'emergency:request' as const };
    const review = { permission: 'emergency:review' as const };
    app.post('/emergency-access/search', { config: request, schema: { summary: 'Find a client by BSN or last name and birth date, across teams', body: emergencySearch, response: { 200: z.array(emergencyMatch), 429: problemSchema } } }, async (req) =>
      searchForEmergency(db, actorOf(req), req.body),
    );
    app.post('/emergency-access', { config: request, schema: { summary: 'Open a client outside your team, with a reason, for 24 hours', body: emergencyRequest, response: { 201: emergencyGrant } } }, async (req, reply) =>
      reply.status(201).send(await grantEmergencyAccess(db, actorOf(req), req.body)),
    );
    app.get('/emergency-access/mine', { config: request, schema: { summary: 'Your active emergency accesses', response: { 200: z.array(emergencyGrant) } } }, async (req) =>
      listMyEmergencyAccess(db, actorOf(req)),
    );
    app.get('/emergency-access', { config: review, schema: { summary: 'Emergency accesses to review', querystring: emergencyReviewQuery, response: { 200: z.array(emergencyReviewItem) } } }, async (req) =>
      listForReview(db, actorOf(req), req.query),
    );
    app.post('/emergency-access/:id/review', { config: review, schema: { summary: 'Record the review of an emergency access', params: idParams, body: emergencyReview, response: { 204: z.null() } } }, async (req, reply) => {
      await reviewEmergencyAccess(db, actorOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    });
  };
}
