// HTTP: kwaliteit's review of the attachments of a client to another team (koppelingen). The attach
// itself rides on POST /api/v1/registrations and POST /api/v1/cases/:id/household (`attach`).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { attachmentReview, attachmentReviewItem, attachmentReviewQuery } from './attachments.schemas';
import { listAttachmentsForReview, reviewAttachment } from './attachments.service';

export function attachmentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const review = { permission: 'attachments:review' as const };
    app.get('/attachments', { config: review, schema: { summary: 'Attachments of a client to another team, to review', querystring: attachmentReviewQuery, response: { 200: z.array(attachmentReviewItem) } } }, async (req) =>
      listAttachmentsForReview(db, actorOf(req), req.query),
    );
    app.post('/attachments/:id/review', { config: review, schema: { summary: 'Record the review of an attachment', params: idParams, body: attachmentReview, response: { 204: z.null() } } }, async (req, reply) => {
      await reviewAttachment(db, actorOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    });
  };
}
