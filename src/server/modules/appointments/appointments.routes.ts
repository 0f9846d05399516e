// HTTP: appointments and the agenda. A case's appointments go with the case's permissions
// (cases:read, cases:write); changing one, the own agenda and the feed address with
// appointments:use; the team's agenda with appointments:team; "took place" with journal:write (it
// writes a journal entry). The feed itself is public: its secret token is the key.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { createFeed, feedStatus, readFeed, revokeFeed } from './agenda-feed.service';
import {
  agendaFeedQuery,
  agendaFeedStatus,
  agendaQuery,
  appointment,
  appointmentFields,
  appointmentUpdate,
  appointmentVersion,
  newAgendaFeed,
  newAgendaFeedRequest,
  revokeAgendaFeedRequest,
  tookPlace,
  tookPlaceResult,
} from './appointments.schemas';
import { appointmentTookPlace, cancelAppointment, createAppointment, listAgenda, listCaseAppointments, listTeamAgenda, updateAppointment } from './appointments.service';

export function appointmentsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const use = { permission: 'appointments:use' as const };
    app.get('/cases/:id/appointments', { config: { permission: 'cases:read' }, schema: { summary: "The case's appointments, by start", params: idParams, response: { 200: z.array(appointment) } } }, async (request) =>
      listCaseAppointments(db, actorOf(request), request.params.id),
    );
    app.post(
      '/cases/:id/appointments',
      { config: { permission: 'cases:write' }, schema: { summary: 'An appointment on the case, for myself or a colleague of the case’s team', params: idParams, body: appointmentFields, response: { 201: appointment } } },
      async (request, reply) => reply.status(201).send(await createAppointment(db, actorOf(request), request.params.id, request.body)),
    );
    app.put('/appointments/:id', { config: use, schema: { summary: 'Change a planned appointment', params: idParams, body: appointmentUpdate, response: { 200: appointment } } }, async (request) =>
      updateAppointment(db, actorOf(request), request.params.id, request.body),
    );
    app.post('/appointments/:id/cancel', { config: use, schema: { summary: 'Cancel a planned appointment', params: idParams, body: appointmentVersion, response: { 200: appointment } } }, async (request) =>
      cancelAppointment(db, actorOf(request), request.params.id, request.body.version),
    );
    app.post(
      '/appointments/:id/journal-entry',
      {
        config: { permission: 'journal:write' },
        schema: {
          summary: 'The appointment took place: a journal entry on the case, and the appointment marked and linked to it (a second call answers 409)',
          params: idParams,
          body: tookPlace,
          response: { 201: tookPlaceResult },
        },
      },
      async (request, reply) => reply.status(201).send(await appointmentTookPlace(db, actorOf(request), request.params.id, request.body)),
    );
    app.get('/agenda', { config: use, schema: { summary: 'My appointments in a period of at most 31 days, by start', querystring: agendaQuery, response: { 200: z.array(appointment) } } }, async (request) =>
      listAgenda(db, actorOf(request), request.query),
    );
    app.get('/agenda/team', { config: { permission: 'appointments:team' }, schema: { summary: "The appointments of my team's workers in a period of at most 31 days", querystring: agendaQuery, response: { 200: z.array(appointment) } } }, async (request) =>
      listTeamAgenda(db, actorOf(request), request.query),
    );
    app.get('/agenda-feed', { config: use, schema: { summary: 'Whether I have an agenda-feed address now (the address itself is shown once, when made)', response: { 200: agendaFeedStatus } } }, async (request) =>
      feedStatus(db, actorOf(request)),
    );
    app.post('/agenda-feed', { config: use, schema: { summary: 'A new secret agenda-feed address, replacing the one I saw; an earlier one stops working', body: newAgendaFeedRequest, response: { 201: newAgendaFeed } } }, async (request, reply) =>
      reply.status(201).send(await createFeed(db, actorOf(request), request.body.replacing)),
    );
    app.post('/agenda-feed/revoke', { config: use, schema: { summary: 'Revoke the agenda-feed address I saw: it answers 404 from now on', body: revokeAgendaFeedRequest, response: { 204: z.null() } } }, async (request, reply) => {
      await revokeFeed(db, actorOf(request), request.body.createdAt);
      return reply.status(204).send(null);
    });
    app.get(
      '/agenda-feed/agenda.ics',
      {
        config: { permission: 'public' },
        schema: {
          summary: "A worker's appointments as iCalendar (RFC 5545), from 30 days back to a year ahead, without client names",
          description: 'The `token` is the secret of the address the worker made; an unknown or revoked one answers 404.',
          querystring: agendaFeedQuery,
        },
      },
      async (request, reply) => {
        const text = await readFeed(db, request.query.token, request.ip);
        // Cache-Control: no-store comes with every API answer (http/security-headers.ts).
        return reply.type('text/calendar; charset=utf-8').send(text);
      },
    );
  };
}
